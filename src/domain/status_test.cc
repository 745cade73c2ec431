#include "domain/status.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace dondoc::domain {
namespace {

using text::Date;

std::optional<Date> D(const char* iso) { return Date::FromIso(iso); }

struct Case {
  int n;
  StoredStatus status;
  std::optional<Date> due;
  std::optional<Date> done;
  std::optional<Date> start;
  const char* as_of;
  TaskState want;
  bool overdue;
};

TEST(StatusTest, DeriveStatusTable) {
  const StoredStatus kO = StoredStatus::kOpen;
  const Case cases[] = {
      {1, kO, D("2023-06-30"), {}, {}, "2023-06-29", TaskState::kInProgress, false},
      {2, kO, D("2023-06-30"), {}, {}, "2023-06-30", TaskState::kInProgress, false},
      {3, kO, D("2023-06-30"), {}, {}, "2023-07-01", TaskState::kOverdue, true},
      {4, kO, {}, {}, {}, "2030-01-01", TaskState::kInProgress, false},
      {5,
       StoredStatus::kDone,
       D("2023-06-30"),
       D("2023-06-30"),
       {},
       "2023-07-10",
       TaskState::kDoneOnTime,
       false},
      {6,
       StoredStatus::kDone,
       D("2023-06-30"),
       D("2023-07-01"),
       {},
       "2023-07-10",
       TaskState::kDoneLate,
       false},
      {7,
       StoredStatus::kDone,
       {},
       D("2023-07-01"),
       {},
       "2023-07-10",
       TaskState::kDoneOnTime,
       false},
      // Done after as_of: as of then it was open, and late.
      {8,
       StoredStatus::kDone,
       D("2023-06-30"),
       D("2023-07-05"),
       {},
       "2023-07-02",
       TaskState::kOverdue,
       true},
      {9, StoredStatus::kPaused, D("2023-06-30"), {}, {}, "2023-07-10", TaskState::kPaused, false},
      {10,
       StoredStatus::kPendingConfirmation,
       D("2023-06-30"),
       {},
       {},
       "2023-07-10",
       TaskState::kPendingConfirmation,
       true},
      {11,
       StoredStatus::kPendingConfirmation,
       D("2023-06-30"),
       {},
       {},
       "2023-06-10",
       TaskState::kPendingConfirmation,
       false},
      {12,
       StoredStatus::kReturned,
       D("2023-06-30"),
       {},
       {},
       "2023-07-01",
       TaskState::kReturned,
       true},
      {13, kO, D("2023-09-30"), {}, D("2023-07-01"), "2023-06-15", TaskState::kNotDue, false},
      {14, kO, D("2023-09-30"), {}, D("2023-07-01"), "2023-07-01", TaskState::kInProgress, false},
      // Done without a recorded date counts as done.
      {15,
       StoredStatus::kDone,
       D("2023-06-30"),
       {},
       {},
       "2023-07-10",
       TaskState::kDoneOnTime,
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    StatusFacts f{c.status, c.due, c.done, c.start};
    Date as_of = *Date::FromIso(c.as_of);
    EXPECT_EQ(DeriveStatus(f, as_of), c.want);
    EXPECT_EQ(IsOverdue(f, as_of), c.overdue);
  }
}

TEST(StatusTest, CodesAndLabelsRoundTrip) {
  struct C {
    int n;
    TaskState s;
    const char* code;
    const char* label;
  };
  const C cases[] = {
      {1, TaskState::kNotDue, "not_due", "Chưa đến hạn thực hiện"},
      {2, TaskState::kInProgress, "in_progress", "Chưa hoàn thành - trong hạn"},
      {3, TaskState::kOverdue, "overdue", "Chưa hoàn thành - quá hạn"},
      {4, TaskState::kDoneOnTime, "done_on_time", "Đã hoàn thành - đúng hạn"},
      {5, TaskState::kDoneLate, "done_late", "Đã hoàn thành - quá hạn"},
      {6, TaskState::kPendingConfirmation, "pending_confirmation", "Đang chờ xác nhận"},
      {7, TaskState::kReturned, "returned", "Trả lại"},
      {8, TaskState::kPaused, "paused", "Tạm dừng"},
  };
  for (const C& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(TaskStateCode(c.s), c.code);
    EXPECT_EQ(TaskStateLabel(c.s), c.label);
    EXPECT_EQ(TaskStateFromCode(c.code), c.s);
  }
  EXPECT_EQ(TaskStateFromCode("late"), std::nullopt);
}

TEST(StatusTest, FactsOfTask) {
  Task t;
  t.status = StoredStatus::kOpen;
  t.original_due = Date{2023, 6, 30};
  t.due = Date{2023, 7, 15};  // extended: the current due decides
  EXPECT_FALSE(IsOverdue(t, Date{2023, 7, 10}));
  EXPECT_TRUE(IsOverdue(t, Date{2023, 7, 16}));
  EXPECT_EQ(DeriveStatus(t, Date{2023, 7, 10}), TaskState::kInProgress);
}

}  // namespace
}  // namespace dondoc::domain
