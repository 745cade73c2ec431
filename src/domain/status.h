// The status of a task as of a date, in the vocabulary of the Government Office's reports.
// Pure functions; `as_of` is always an input (no clock here).
#ifndef DONDOC_DOMAIN_STATUS_H_
#define DONDOC_DOMAIN_STATUS_H_

#include <optional>
#include <string_view>

#include "domain/task.h"
#include "text/date.h"

namespace dondoc::domain {

// Derived status. API code / Vietnamese label:
//   kNotDue              not_due               "Chưa đến hạn thực hiện" (start_date > as_of)
//   kInProgress          in_progress           "Chưa hoàn thành - trong hạn"
//   kOverdue             overdue               "Chưa hoàn thành - quá hạn"
//   kDoneOnTime          done_on_time          "Đã hoàn thành - đúng hạn"
//   kDoneLate            done_late             "Đã hoàn thành - quá hạn"
//   kPendingConfirmation pending_confirmation  "Đang chờ xác nhận"
//   kReturned            returned              "Trả lại"
//   kPaused              paused                "Tạm dừng"
enum class TaskState {
  kNotDue,
  kInProgress,
  kOverdue,
  kDoneOnTime,
  kDoneLate,
  kPendingConfirmation,
  kReturned,
  kPaused,
};
inline constexpr int kTaskStateCount = 8;

std::string_view TaskStateCode(TaskState s);
std::string_view TaskStateLabel(TaskState s);
std::optional<TaskState> TaskStateFromCode(std::string_view code);

// The facts the status depends on.
struct StatusFacts {
  StoredStatus status = StoredStatus::kOpen;
  std::optional<text::Date> due;        // after extensions; nullopt: no due date
  std::optional<text::Date> done_date;  // meaningful when status == kDone
  std::optional<text::Date> start_date;
};
StatusFacts FactsOf(const Task& t);

// True when "done by as_of": stored kDone with done_date <= as_of (a task done after as_of was
// not done yet as of that date; a kDone task without a done_date counts as done).
bool DoneBy(const StatusFacts& f, text::Date as_of);

// Overdue as of `as_of`: not done by as_of, not paused, and due < as_of (the due day itself is
// still in time). Applies to open, returned and pending-confirmation tasks alike.
bool IsOverdue(const StatusFacts& f, text::Date as_of);
inline bool IsOverdue(const Task& t, text::Date as_of) { return IsOverdue(FactsOf(t), as_of); }

// The derived status, decided in this order:
//   1. done by as_of → kDoneOnTime when no due or done_date <= due, else kDoneLate;
//   2. kPaused → kPaused;  3. kPendingConfirmation → kPendingConfirmation;
//   4. kReturned → kReturned;  (use IsOverdue() for their lateness)
//   5. start_date > as_of → kNotDue;  6. due < as_of → kOverdue;  7. else kInProgress.
// A kDone task whose done_date is after as_of is treated as kOpen (history as of a past date).
TaskState DeriveStatus(const StatusFacts& f, text::Date as_of);
inline TaskState DeriveStatus(const Task& t, text::Date as_of) {
  return DeriveStatus(FactsOf(t), as_of);
}

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_STATUS_H_
