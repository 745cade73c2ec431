#include "domain/recurrence.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dondoc::domain {
namespace {

using text::Date;
using text::HolidayCalendar;

Date D(const char* iso) { return *Date::FromIso(iso); }

std::vector<std::string> Dues(const std::vector<Period>& ps) {
  std::vector<std::string> out;
  for (const Period& p : ps)
    out.push_back(p.start.ToIso() + ".." + p.end.ToIso() + "@" + p.due.ToIso());
  return out;
}

TEST(RecurrenceTest, PeriodsUpToTable) {
  struct Case {
    int n;
    Every every;
    const char* start;
    const char* as_of;
    DueRule rule;
    std::vector<std::string> want;
  };
  const DueRule kEnd{};
  const Case cases[] = {
      {1,
       Every::kMonth,
       "2023-06-15",
       "2023-09-10",
       kEnd,
       {"2023-06-01..2023-06-30@2023-06-30", "2023-07-01..2023-07-31@2023-07-31",
        "2023-08-01..2023-08-31@2023-08-31", "2023-09-01..2023-09-30@2023-09-30"}},
      {2,
       Every::kWeek,
       "2023-06-14",
       "2023-06-26",
       kEnd,
       {"2023-06-12..2023-06-18@2023-06-18", "2023-06-19..2023-06-25@2023-06-25",
        "2023-06-26..2023-07-02@2023-07-02"}},
      {3,
       Every::kQuarter,
       "2023-02-10",
       "2023-07-01",
       kEnd,
       {"2023-01-01..2023-03-31@2023-03-31", "2023-04-01..2023-06-30@2023-06-30",
        "2023-07-01..2023-09-30@2023-09-30"}},
      {4,
       Every::kYear,
       "2022-05-01",
       "2023-01-01",
       kEnd,
       {"2022-01-01..2022-12-31@2022-12-31", "2023-01-01..2023-12-31@2023-12-31"}},
      {5, Every::kMonth, "2023-06-15", "2023-06-14", kEnd, {}},
      {6,
       Every::kMonth,
       "2023-01-31",
       "2023-02-01",
       DueRule{DueRule::Kind::kDayOfPeriod, 20},
       {"2023-01-01..2023-01-31@2023-01-20", "2023-02-01..2023-02-28@2023-02-20"}},
      {7,
       Every::kMonth,
       "2023-02-01",
       "2023-02-01",
       DueRule{DueRule::Kind::kDayOfPeriod, 31},
       {"2023-02-01..2023-02-28@2023-02-28"}},
      {8,
       Every::kWeek,
       "2023-06-12",
       "2023-06-12",
       DueRule{DueRule::Kind::kDayOfPeriod, 5},
       {"2023-06-12..2023-06-18@2023-06-16"}},
      // Five working days after 30/6/2023 (a Friday): 3..7 July.
      {9,
       Every::kQuarter,
       "2023-04-01",
       "2023-04-01",
       DueRule{DueRule::Kind::kWorkingDaysAfterEnd, 5},
       {"2023-04-01..2023-06-30@2023-07-07"}},
      // 30/9/2023 is a Saturday: back to Friday 29/9.
      {10,
       Every::kMonth,
       "2023-09-01",
       "2023-09-01",
       DueRule{DueRule::Kind::kEndOfPeriod, 0, true},
       {"2023-09-01..2023-09-30@2023-09-29"}},
  };
  HolidayCalendar plain;
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(Dues(PeriodsUpTo(c.every, D(c.start), D(c.as_of), c.rule, plain)), c.want);
  }
}

TEST(RecurrenceTest, HolidaysMoveWorkingDayDues) {
  struct Case {
    int n;
    std::vector<const char*> days_off;
    DueRule rule;
    const char* month_start;
    const char* want_due;
  };
  const Case cases[] = {
      // 3/7 off: the 5th working day after 30/6 is Monday 10/7.
      {1,
       {"2023-07-03"},
       DueRule{DueRule::Kind::kWorkingDaysAfterEnd, 5},
       "2023-06-01",
       "2023-07-10"},
      // 29/9 off too: back from Saturday 30/9 to Thursday 28/9.
      {2,
       {"2023-09-29"},
       DueRule{DueRule::Kind::kEndOfPeriod, 0, true},
       "2023-09-01",
       "2023-09-28"},
      // Statutory-like 2/9 on a Monday (2024): the 2nd of the month moves back to Friday 30/8.
      {3,
       {"2024-09-02"},
       DueRule{DueRule::Kind::kDayOfPeriod, 2, true},
       "2024-09-01",
       "2024-08-30"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    HolidayCalendar cal;
    for (const char* d : c.days_off) cal.AddDayOff(D(d));
    Period p = PeriodContaining(Every::kMonth, D(c.month_start), c.rule, cal);
    EXPECT_EQ(p.due.ToIso(), c.want_due);
  }
}

TEST(RecurrenceTest, MissedPeriodsAreOverdueOnTheirOwn) {
  HolidayCalendar plain;
  std::vector<Period> ps = PeriodsUpTo(Every::kMonth, D("2023-06-15"), D("2023-09-10"), {}, plain);
  ASSERT_EQ(ps.size(), 4u);
  std::vector<Occurrence> occ;
  for (const Period& p : ps) occ.push_back(Occurrence{0, 1, 1, p.start, p.end, p.due, {}});
  occ[1].done_date = D("2023-07-20");
  occ[2].done_date = D("2023-09-02");
  struct Case {
    int n;
    size_t index;
    TaskState want;
  };
  const Case cases[] = {
      {1, 0, TaskState::kOverdue},
      {2, 1, TaskState::kDoneOnTime},
      {3, 2, TaskState::kDoneLate},
      {4, 3, TaskState::kInProgress},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(OccurrenceStatus(occ[c.index], D("2023-09-10")), c.want);
  }
}

TEST(RecurrenceTest, MissingPeriodsIsIdempotent) {
  HolidayCalendar plain;
  std::vector<Period> ps = PeriodsUpTo(Every::kMonth, D("2023-06-15"), D("2023-09-10"), {}, plain);
  std::vector<Occurrence> existing = {
      Occurrence{1, 1, 1, ps[0].start, ps[0].end, ps[0].due, {}},
      Occurrence{2, 1, 1, ps[1].start, ps[1].end, ps[1].due, {}},
  };
  std::vector<Period> missing = MissingPeriods(ps, existing);
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].start, D("2023-08-01"));
  for (const Period& p : missing)
    existing.push_back(Occurrence{0, 1, 1, p.start, p.end, p.due, {}});
  EXPECT_TRUE(MissingPeriods(ps, existing).empty());
}

}  // namespace
}  // namespace dondoc::domain
