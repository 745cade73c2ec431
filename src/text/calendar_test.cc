#include "text/calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/lunar.h"

namespace dondoc::text {
namespace {

Date D(const char* iso) { return *Date::FromIso(iso); }

std::vector<std::string> Iso(const std::vector<Date>& days) {
  std::vector<std::string> out;
  for (const Date& d : days) out.push_back(d.ToIso());
  return out;
}

TEST(CalendarTest, StatutoryDaysOff) {
  struct Case {
    int n;
    int year;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      // Tết on Sunday 22/1: eve Sat 21/1, compensated Thu 26 and Fri 27; Hùng Kings Sat 29/4 and
      // 30/4 Sun compensated Tue 2/5 and Wed 3/5; 2/9 Sat with Fri 1/9, compensated Mon 4/9.
      {1,
       2023,
       {"2023-01-01", "2023-01-02", "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24",
        "2023-01-25", "2023-01-26", "2023-01-27", "2023-04-29", "2023-04-30", "2023-05-01",
        "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-02", "2023-09-04"}},
      // Tết on Tuesday 17/2: Mon 16/2 to Fri 20/2, no weekend; Hùng Kings Sun 26/4 -> Mon 27/4;
      // 2/9 Wed with Tue 1/9.
      {2,
       2026,
       {"2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
        "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"}},
      // Tết on Saturday 10/2: eve Fri 9/2, Sat 10 and Sun 11 compensated Wed 14 and Thu 15;
      // 2/9 Mon with Tue 3/9.
      {3,
       2024,
       {"2024-01-01", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13",
        "2024-02-14", "2024-02-15", "2024-04-18", "2024-04-30", "2024-05-01", "2024-09-02",
        "2024-09-03"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Iso(HolidayCalendar::VietnamStatutoryDaysOff(c.year)), c.want) << "case " << c.n;
    EXPECT_EQ(Iso(HolidayCalendar::VietnamDefault().DaysOff(c.year)), c.want) << "case " << c.n;
  }
}

TEST(CalendarTest, AddWorkingDaysAcrossTet) {
  const HolidayCalendar cal = HolidayCalendar::VietnamDefault();
  struct Case {
    int n;
    const char* from;
    int days;
    const char* want;
  };
  const Case cases[] = {
      {1, "2023-01-19", 1, "2023-01-20"},  // Thursday -> Friday before Tết
      {2, "2023-01-20", 1, "2023-01-30"},  // over Tết 21..27 and the weekend
      {3, "2023-01-18", 5, "2023-02-01"},  // 19, 20, 30, 31, 1
      {4, "2026-02-13", 1, "2026-02-23"},  // Friday before Tết 2026 -> Monday after
      {5, "2023-06-15", 5, "2023-06-22"},  // an ordinary week
      {6, "2023-04-28", 1, "2023-05-04"},  // Hùng Kings, 30/4, 1/5 and their compensations
      {7, "2023-06-16", 0, "2023-06-16"},
      {8, "2023-01-30", -1, "2023-01-20"},  // backwards over Tết
      {9, "2025-01-24", 3, "2025-02-05"},   // Tết 2025: 28/1..1/2, compensated Mon 3 and Tue 4
  };
  for (const Case& c : cases) {
    EXPECT_EQ(cal.AddWorkingDays(D(c.from), c.days).ToIso(), c.want) << "case " << c.n;
  }
}

TEST(CalendarTest, PlainCalendarCountsWeekdaysOnly) {
  HolidayCalendar plain;
  EXPECT_FALSE(plain.IsHoliday(D("2023-01-23")));
  EXPECT_TRUE(plain.IsWorkingDay(D("2023-01-23")));
  EXPECT_FALSE(plain.IsWorkingDay(D("2023-01-21")));
  EXPECT_EQ(plain.AddWorkingDays(D("2023-06-16"), 1), D("2023-06-19"));
  EXPECT_TRUE(plain.DaysOff(2023).empty());
}

TEST(CalendarTest, Edits) {
  HolidayCalendar cal = HolidayCalendar::VietnamDefault();
  // The 2024 announcement: off Thu 8/2 to Wed 14/2 instead of the computed 9/2..15/2.
  cal.AddDayOff(D("2024-02-08"));
  cal.RemoveDayOff(D("2024-02-15"));
  EXPECT_TRUE(cal.IsHoliday(D("2024-02-08")));
  EXPECT_FALSE(cal.IsHoliday(D("2024-02-15")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2024-02-15")));
  EXPECT_EQ(cal.AddWorkingDays(D("2024-02-07"), 1), D("2024-02-15"));
  // A swapped Saturday is a working day.
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-02-17")));
  cal.AddWorkday(D("2024-02-17"));
  EXPECT_TRUE(cal.IsWorkingDay(D("2024-02-17")));
  EXPECT_EQ(Iso(cal.Workdays(2024)), (std::vector<std::string>{"2024-02-17"}));
  EXPECT_EQ(cal.AddWorkingDays(D("2024-02-16"), 1), D("2024-02-17"));
  cal.RemoveWorkday(D("2024-02-17"));
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-02-17")));
  // Removing an added day restores the computed state; re-adding a removed one too.
  cal.AddDayOff(D("2024-02-15"));
  EXPECT_TRUE(cal.IsHoliday(D("2024-02-15")));
  std::vector<std::string> feb;
  for (const std::string& d : Iso(cal.DaysOff(2024))) {
    if (d.rfind("2024-02", 0) == 0) feb.push_back(d);
  }
  EXPECT_EQ(feb,
            (std::vector<std::string>{"2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11",
                                      "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15"}));
}

TEST(CalendarTest, YearsOutsideTheCache) {
  // 2150 is computed on demand: 1/1 and Tết are days off.
  HolidayCalendar cal = HolidayCalendar::VietnamDefault();
  EXPECT_TRUE(cal.IsHoliday(D("2150-01-01")));
  Date tet = LunarNewYear(2150);
  EXPECT_TRUE(cal.IsHoliday(tet));
  EXPECT_TRUE(cal.IsHoliday(tet.AddDays(-1)));
  EXPECT_TRUE(cal.IsHoliday(tet.AddDays(3)));
  EXPECT_FALSE(cal.IsHoliday(D("2150-06-10")));
}

}  // namespace
}  // namespace dondoc::text
