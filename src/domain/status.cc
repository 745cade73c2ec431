#include "domain/status.h"

#include <array>

namespace dondoc::domain {

namespace {

struct StateText {
  TaskState state;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<StateText, kTaskStateCount> kStates{{
    {TaskState::kNotDue, "not_due", "Chưa đến hạn thực hiện"},
    {TaskState::kInProgress, "in_progress", "Chưa hoàn thành - trong hạn"},
    {TaskState::kOverdue, "overdue", "Chưa hoàn thành - quá hạn"},
    {TaskState::kDoneOnTime, "done_on_time", "Đã hoàn thành - đúng hạn"},
    {TaskState::kDoneLate, "done_late", "Đã hoàn thành - quá hạn"},
    {TaskState::kPendingConfirmation, "pending_confirmation", "Đang chờ xác nhận"},
    {TaskState::kReturned, "returned", "Trả lại"},
    {TaskState::kPaused, "paused", "Tạm dừng"},
}};

}  // namespace

std::string_view TaskStateCode(TaskState s) {
  for (const auto& t : kStates) {
    if (t.state == s) return t.code;
  }
  return "";
}

std::string_view TaskStateLabel(TaskState s) {
  for (const auto& t : kStates) {
    if (t.state == s) return t.label;
  }
  return "";
}

std::optional<TaskState> TaskStateFromCode(std::string_view code) {
  for (const auto& t : kStates) {
    if (t.code == code) return t.state;
  }
  return std::nullopt;
}

StatusFacts FactsOf(const Task& t) {
  return StatusFacts{t.status, t.due, t.done_date, t.start_date};
}

bool DoneBy(const StatusFacts& f, text::Date as_of) {
  if (f.status != StoredStatus::kDone) return false;
  return !f.done_date || *f.done_date <= as_of;
}

bool IsOverdue(const StatusFacts& f, text::Date as_of) {
  if (DoneBy(f, as_of) || f.status == StoredStatus::kPaused) return false;
  return f.due && *f.due < as_of;
}

TaskState DeriveStatus(const StatusFacts& f, text::Date as_of) {
  if (DoneBy(f, as_of)) {
    if (f.due && f.done_date && *f.done_date > *f.due) return TaskState::kDoneLate;
    return TaskState::kDoneOnTime;
  }
  switch (f.status) {
    case StoredStatus::kPaused:
      return TaskState::kPaused;
    case StoredStatus::kPendingConfirmation:
      return TaskState::kPendingConfirmation;
    case StoredStatus::kReturned:
      return TaskState::kReturned;
    case StoredStatus::kOpen:
    case StoredStatus::kDone:  // done after as_of: open as of then
      break;
  }
  if (f.start_date && *f.start_date > as_of) return TaskState::kNotDue;
  if (f.due && *f.due < as_of) return TaskState::kOverdue;
  return TaskState::kInProgress;
}

}  // namespace dondoc::domain
