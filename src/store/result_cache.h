// Results of expensive reads, kept for the Store::DataVersion they were read at: between two
// commits the same question gets the same answer. Internal to store/.
#ifndef DONDOC_STORE_RESULT_CACHE_H_
#define DONDOC_STORE_RESULT_CACHE_H_

#include <string>
#include <vector>

#include "base/versioned_cache.h"
#include "domain/ids.h"
#include "domain/scorecard.h"
#include "store/store.h"

namespace dondoc::store {

// A page of ListTasks without the tasks themselves: they are read again by id.
struct TaskPageIds {
  long total = 0;
  std::vector<domain::Id> ids;
  // Each page task's lead and support units (parallel to ids), when the page came from the task
  // facts; empty otherwise.
  std::vector<std::vector<domain::Id>> leads, supports;
  // Each page task's row hint (TaskFacts::Hint's rowid), when the page came from the task facts.
  std::vector<std::int64_t> rowids;
};

// The cache keys: every member of the filter, so that two keys are equal only for the same
// question.
std::string ScoreFilterKey(domain::Id tenant_id, const ScoreFilter& f);
std::string TaskFilterKey(domain::Id tenant_id, const TaskFilter& f);

}  // namespace dondoc::store

#endif  // DONDOC_STORE_RESULT_CACHE_H_
