#include "domain/occurrences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/scorecard.h"

namespace dondoc::domain {
namespace {

using text::Date;
using text::HolidayCalendar;

Date D(const char* iso) { return *Date::FromIso(iso); }

Task Recurring(Every every, const char* start) {
  Task t;
  t.id = 1;
  t.draft = false;
  t.deadline.kind = DeadlineKind::kRecurring;
  t.deadline.every = every;
  t.start_date = D(start);
  return t;
}

Occurrence Occ(const char* start, const char* end, const char* due, const char* done = nullptr) {
  Occurrence o;
  o.period_start = D(start);
  o.period_end = D(end);
  o.due = D(due);
  if (done != nullptr) o.done_date = D(done);
  return o;
}

std::vector<std::string> Starts(const std::vector<Period>& ps) {
  std::vector<std::string> out;
  for (const Period& p : ps) out.push_back(p.start.ToIso() + "@" + p.due.ToIso());
  return out;
}

TEST(OccurrencesTest, DueRuleForTable) {
  struct Case {
    int n;
    Every every;
    const char* date;  // nullptr: no date
    DueRule::Kind want_kind;
    int want_n;
  };
  const Case cases[] = {
      {1, Every::kMonth, nullptr, DueRule::Kind::kEndOfPeriod, 0},
      {2, Every::kMonth, "2023-06-20", DueRule::Kind::kDayOfPeriod, 20},
      {3, Every::kWeek, "2023-06-16", DueRule::Kind::kDayOfPeriod, 5},  // a Friday
      {4, Every::kQuarter, "2023-05-15", DueRule::Kind::kDayOfPeriod, 45},
      {5, Every::kYear, "2023-01-31", DueRule::Kind::kDayOfPeriod, 31},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    Deadline d;
    d.kind = DeadlineKind::kRecurring;
    d.every = c.every;
    if (c.date != nullptr) d.date = D(c.date);
    DueRule r = DueRuleFor(d);
    EXPECT_EQ(r.kind, c.want_kind);
    EXPECT_EQ(r.n, c.want_n);
  }
}

TEST(OccurrencesTest, PlanTable) {
  struct Case {
    int n;
    Task task;
    std::vector<Occurrence> existing;
    const char* as_of;
    std::vector<std::string> want_create;
    const char* want_due;  // nullptr: no due
  };
  Task draft = Recurring(Every::kMonth, "2023-04-10");
  draft.draft = true;
  Task one_off = Recurring(Every::kMonth, "2023-04-10");
  one_off.deadline.kind = DeadlineKind::kDate;
  one_off.due = D("2023-05-05");
  Task no_start = Recurring(Every::kMonth, "2023-04-10");
  no_start.start_date.reset();
  Task done = Recurring(Every::kMonth, "2023-04-10");
  done.status = StoredStatus::kDone;
  done.done_date = D("2023-05-20");
  done.due = D("2023-04-30");
  Task day20 = Recurring(Every::kMonth, "2023-04-10");
  day20.deadline.date = D("2023-04-20");
  const Case cases[] = {
      // Three missed months and the current one; due: the oldest missed.
      {1,
       Recurring(Every::kMonth, "2023-04-10"),
       {},
       "2023-07-05",
       {"2023-04-01@2023-04-30", "2023-05-01@2023-05-31", "2023-06-01@2023-06-30",
        "2023-07-01@2023-07-31"},
       "2023-04-30"},
      // April done: May is the oldest outstanding.
      {2,
       Recurring(Every::kMonth, "2023-04-10"),
       {Occ("2023-04-01", "2023-04-30", "2023-04-30", "2023-04-28")},
       "2023-07-05",
       {"2023-05-01@2023-05-31", "2023-06-01@2023-06-30", "2023-07-01@2023-07-31"},
       "2023-05-31"},
      // Up to date and every period done: due is the next period's.
      {3,
       Recurring(Every::kMonth, "2023-06-10"),
       {Occ("2023-06-01", "2023-06-30", "2023-06-30", "2023-06-29"),
        Occ("2023-07-01", "2023-07-31", "2023-07-31", "2023-07-03")},
       "2023-07-05",
       {},
       "2023-08-31"},
      // Idempotent: nothing to create twice.
      {4,
       Recurring(Every::kWeek, "2023-06-14"),
       {Occ("2023-06-12", "2023-06-18", "2023-06-18"),
        Occ("2023-06-19", "2023-06-25", "2023-06-25")},
       "2023-06-25",
       {},
       "2023-06-18"},
      // The next week begins: one more occurrence, no more.
      {5,
       Recurring(Every::kWeek, "2023-06-14"),
       {Occ("2023-06-12", "2023-06-18", "2023-06-18", "2023-06-16"),
        Occ("2023-06-19", "2023-06-25", "2023-06-25", "2023-06-23")},
       "2023-06-26",
       {"2023-06-26@2023-07-02"},
       "2023-07-02"},
      // Tracking starts later: nothing yet; due is the first period's.
      {6, Recurring(Every::kQuarter, "2023-08-01"), {}, "2023-07-05", {}, "2023-09-30"},
      {7, draft, {}, "2023-07-05", {}, nullptr},
      {8, one_off, {}, "2023-07-05", {}, "2023-05-05"},
      {9, no_start, {}, "2023-07-05", {}, nullptr},
      // Done on 20/5: no period after it; the task keeps its due.
      {10,
       done,
       {},
       "2023-07-05",
       {"2023-04-01@2023-04-30", "2023-05-01@2023-05-31"},
       "2023-04-30"},
      // A day tied to the recurrence: the 20th of each month.
      {11,
       day20,
       {},
       "2023-05-21",
       {"2023-04-01@2023-04-20", "2023-05-01@2023-05-20"},
       "2023-04-20"},
  };
  HolidayCalendar plain;
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    OccurrencePlan plan = PlanOccurrences(c.task, c.existing, D(c.as_of), plain);
    EXPECT_EQ(Starts(plan.to_create), c.want_create);
    if (c.want_due == nullptr) {
      EXPECT_FALSE(plan.due.has_value());
    } else {
      ASSERT_TRUE(plan.due.has_value());
      EXPECT_EQ(plan.due->ToIso(), c.want_due);
    }
  }
}

TEST(OccurrencesTest, FactsAndStatusTable) {
  struct Case {
    int n;
    Occurrence occ;
    StatusFacts task;
    const char* as_of;
    TaskState want;
  };
  StatusFacts open;
  StatusFacts paused{StoredStatus::kPaused, {}, {}, {}};
  StatusFacts done{StoredStatus::kDone, {}, D("2023-06-10"), {}};
  StatusFacts pending{StoredStatus::kPendingConfirmation, {}, {}, {}};
  const Case cases[] = {
      {1, Occ("2023-05-01", "2023-05-31", "2023-05-31"), open, "2023-06-05", TaskState::kOverdue},
      {2, Occ("2023-06-01", "2023-06-30", "2023-06-30"), open, "2023-06-05",
       TaskState::kInProgress},
      {3, Occ("2023-05-01", "2023-05-31", "2023-05-31", "2023-05-30"), open, "2023-06-05",
       TaskState::kDoneOnTime},
      {4, Occ("2023-05-01", "2023-05-31", "2023-05-31", "2023-06-02"), open, "2023-06-05",
       TaskState::kDoneLate},
      // Done after as_of: not done yet as of then.
      {5, Occ("2023-05-01", "2023-05-31", "2023-05-31", "2023-06-02"), open, "2023-06-01",
       TaskState::kOverdue},
      {6, Occ("2023-05-01", "2023-05-31", "2023-05-31"), paused, "2023-06-05", TaskState::kPaused},
      // The task's completion closes an outstanding period, late.
      {7, Occ("2023-05-01", "2023-05-31", "2023-05-31"), done, "2023-06-15", TaskState::kDoneLate},
      // A pending completion of the whole task does not make a period pending.
      {8, Occ("2023-05-01", "2023-05-31", "2023-05-31"), pending, "2023-06-05",
       TaskState::kOverdue},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(DeriveStatus(OccurrenceFacts(c.occ, c.task), D(c.as_of)), c.want);
  }
}

TEST(OccurrencesTest, ThreeMissedMonthsAreThreeOverdueItems) {
  Task t = Recurring(Every::kMonth, "2023-04-10");
  HolidayCalendar plain;
  OccurrencePlan plan = PlanOccurrences(t, {}, D("2023-07-05"), plain);
  ScoreCounts c;
  for (const Period& p : plan.to_create) {
    Occurrence o{0, 0, t.id, p.start, p.end, p.due, {}};
    Tally(OccurrenceFacts(o, FactsOf(t)), D("2023-07-05"), &c);
  }
  EXPECT_EQ(c.assigned, 4);
  EXPECT_EQ(c.overdue, 3);
  EXPECT_EQ(c.in_progress, 1);
  EXPECT_EQ(c.not_due, 1);
}

}  // namespace
}  // namespace dondoc::domain
