// Scorecards count a recurring task's occurrences instead of the task (issue 3: a task with
// three missed months is three overdue items). Internal to store/; used by reads::Scorecards
// and reads::ScoreItems.
//
// Contract: a task with at least one occurrence counts as its occurrences whose period has begun
// by as_of (period_start <= as_of), each with domain::OccurrenceFacts; a task without any counts
// as itself. The grouping and the visibility filter are those of the task-level counts.
#ifndef DONDOC_STORE_OCCURRENCE_SCORES_H_
#define DONDOC_STORE_OCCURRENCE_SCORES_H_

#include <vector>

#include "store/db.h"
#include "store/store.h"

namespace dondoc::store {

// Adjusts `rows`, counted per task by `f`, to count occurrences: for every key of a task with
// occurrences, the task is taken out and its occurrences put in. Rows left with nothing assigned
// are dropped. REQUIRES: `rows` were read in the same snapshot, sorted by key.
Status CountOccurrencesInstead(Db& db, Id tenant_id, const ScoreFilter& f,
                               std::vector<domain::ScoreRow>* rows);

// Replaces each item of a task with occurrences by one item per occurrence (same task id,
// notice and lead units). Order: by task, then period.
Status ExpandOccurrenceItems(Db& db, Id tenant_id, const ScoreFilter& f,
                             std::vector<domain::ScoreItem>* items);

}  // namespace dondoc::store

#endif  // DONDOC_STORE_OCCURRENCE_SCORES_H_
