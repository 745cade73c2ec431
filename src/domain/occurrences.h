// The lifecycle of a recurring task's occurrences: which periods must exist as of a date, the
// due date they give the task, and the status facts of one occurrence. Pure functions.
//
// Rules (issue 3): one occurrence per period, from the period containing the task's start_date
// to the period containing `as_of` (the current one), never beyond it; a missed period stays,
// overdue on its own; a task confirmed done gets no occurrence for periods starting after its
// done_date.
#ifndef DONDOC_DOMAIN_OCCURRENCES_H_
#define DONDOC_DOMAIN_OCCURRENCES_H_

#include <optional>
#include <vector>

#include "domain/recurrence.h"
#include "domain/status.h"
#include "domain/task.h"
#include "text/calendar.h"
#include "text/date.h"

namespace dondoc::domain {

// When an occurrence of `d` is due. A recurring deadline without a date: the period's last day.
// With a date (a day tied to the recurrence, "trước ngày 20 hàng tháng"): that day within each
// period, counted from the period's start as in the date's own period (week: its weekday; month:
// its day, clamped to short months; quarter, year: its offset from the period's first day, so a
// yearly date after February moves by one day between leap and common years).
DueRule DueRuleFor(const Deadline& d);

// True for a recurring task whose occurrences are tracked: active (not draft), kRecurring, with
// a start_date.
bool TracksOccurrences(const Task& t);

struct OccurrencePlan {
  std::vector<Period> to_create;  // in period order
  // The task's due date once `to_create` exist: the earliest due of its occurrences not done;
  // when every one is done, the due of the period after the latest. A task that does not track
  // occurrences, or is stored kDone, keeps its own due.
  std::optional<text::Date> due;
};

// What app must write to bring `t`'s occurrences up to date as of `as_of`, given those that
// exist. Idempotent: planning again with the created ones added yields nothing to create.
OccurrencePlan PlanOccurrences(const Task& t, const std::vector<Occurrence>& existing,
                               text::Date as_of, const text::HolidayCalendar& calendar);

// The status facts of one occurrence of `task` (task's facts `task`): done when the occurrence
// has a done_date; otherwise done with the task when the task is stored kDone (its outstanding
// periods were closed by the task's completion, on its done_date); otherwise paused with a
// paused task; otherwise open. Its due is its own; no start_date (a period exists once begun).
StatusFacts OccurrenceFacts(const Occurrence& o, const StatusFacts& task);

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_OCCURRENCES_H_
