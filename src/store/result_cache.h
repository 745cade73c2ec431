// Results of expensive reads, kept for the Store::DataVersion they were read at: between two
// commits the same question gets the same answer. Internal to store/.
#ifndef DONDOC_STORE_RESULT_CACHE_H_
#define DONDOC_STORE_RESULT_CACHE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/ids.h"
#include "domain/scorecard.h"
#include "store/store.h"

namespace dondoc::store {

// A map from a query's key to its result, for one data version at a time: a Put of a newer
// version drops every older entry; a Get or Put of an older version finds or keeps nothing.
// At most `max_entries` entries (all are dropped when full). Thread-safe.
//
// The version must be read before the query runs: a commit during the query then leaves an
// entry that is merely never used, never one that answers for a newer version.
template <typename V>
class VersionedCache {
 public:
  explicit VersionedCache(size_t max_entries) : max_entries_(max_entries) {}

  std::shared_ptr<const V> Get(const std::string& key, std::uint64_t version) {
    std::lock_guard<std::mutex> l(mu_);
    if (version != version_) return nullptr;
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void Put(const std::string& key, std::uint64_t version, std::shared_ptr<const V> value) {
    std::lock_guard<std::mutex> l(mu_);
    if (version < version_) return;
    if (version > version_ || entries_.size() >= max_entries_) {
      entries_.clear();
      version_ = version;
    }
    entries_[key] = std::move(value);
  }

 private:
  const size_t max_entries_;
  std::mutex mu_;
  std::uint64_t version_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const V>> entries_;
};

// A page of ListTasks without the tasks themselves: they are read again by id.
struct TaskPageIds {
  long total = 0;
  std::vector<domain::Id> ids;
};

// The cache keys: every member of the filter, so that two keys are equal only for the same
// question.
std::string ScoreFilterKey(domain::Id tenant_id, const ScoreFilter& f);
std::string TaskFilterKey(domain::Id tenant_id, const TaskFilter& f);

}  // namespace dondoc::store

#endif  // DONDOC_STORE_RESULT_CACHE_H_
