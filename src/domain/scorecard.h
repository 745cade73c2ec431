// Scorecards per unit, per field and per notice, as of a date. Pure functions.
#ifndef DONDOC_DOMAIN_SCORECARD_H_
#define DONDOC_DOMAIN_SCORECARD_H_

#include <optional>
#include <vector>

#include "domain/ids.h"
#include "domain/status.h"
#include "domain/task.h"
#include "domain/unit.h"
#include "text/date.h"

namespace dondoc::domain {

// The facts of one active task that a scorecard needs.
struct ScoreItem {
  Id task_id = 0;
  Id notice_id = 0;
  std::vector<Id> lead_unit_ids;  // a task counts for its lead units (accountability)
  StatusFacts facts;
};

// Counts as of a date D. With "done" = done by D (DoneBy), each task falls in exactly one of
// done_on_time, done_late, overdue, in_progress, paused:
//   assigned      every task
//   done_on_time  done, and no due or done_date <= due
//   done_late     done, and done_date > due
//   overdue       not done, not paused, due < D
//   in_progress   not done, not paused, and due >= D or no due   ("chưa hoàn thành - trong hạn")
//   paused        not done, stored kPaused
//   not_due       not done, not paused, and due > D or no due    (nothing owed yet; a subset of
//                 in_progress: it differs by the tasks due exactly on D)
// due() = assigned - paused - not_due
//       = done_on_time + done_late + overdue + (not done, not paused, due == D)
// completion_rate() = (done_on_time + done_late) / due(), 0 when due() == 0
// overdue_rate()    = overdue / due(), 0 when due() == 0
struct ScoreCounts {
  long assigned = 0;
  long not_due = 0;
  long in_progress = 0;
  long done_on_time = 0;
  long done_late = 0;
  long overdue = 0;
  long paused = 0;

  long done() const { return done_on_time + done_late; }
  long due() const { return assigned - paused - not_due; }
  double completion_rate() const;
  double overdue_rate() const;
  ScoreCounts& operator+=(const ScoreCounts& o);  // counter by counter
  bool operator==(const ScoreCounts&) const = default;
};

// Adds one task to `c`.
void Tally(const StatusFacts& f, text::Date as_of, ScoreCounts* c);

struct ScoreRow {
  Id key = 0;  // unit id, field id or notice id
  ScoreCounts counts;
};

// Rows sorted by key; a key appears only when at least one task counts for it.
// By unit: a task counts once for each of its lead units (no roll-up to parents).
std::vector<ScoreRow> ScoreByUnit(const std::vector<ScoreItem>& items, text::Date as_of);
// By field: a task counts once for a field when any of its lead units is in the field.
std::vector<ScoreRow> ScoreByField(const std::vector<ScoreItem>& items,
                                   const std::vector<Field>& fields, text::Date as_of);
std::vector<ScoreRow> ScoreByNotice(const std::vector<ScoreItem>& items, text::Date as_of);

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_SCORECARD_H_
