#include "text/calendar.h"

#include <algorithm>

#include "text/lunar.h"

namespace dondoc::text {
namespace {

constexpr int kCacheFirst = 1990;
constexpr int kCacheLast = 2100;

bool IsWeekend(Date d) { return d.Weekday() >= 5; }

}  // namespace

std::vector<Date> HolidayCalendar::VietnamStatutoryDaysOff(int year) {
  std::vector<Date> days;
  days.push_back({year, 1, 1});
  // Tết: the eve (last day of the previous lunar year) and 1..4 of the first lunar month.
  Date tet = LunarNewYear(year);
  for (int k = -1; k <= 3; ++k) days.push_back(tet.AddDays(k));
  if (std::optional<Date> hung = LunarToSolar(LunarDate{year, 3, 10, false})) {
    days.push_back(*hung);
  }
  days.push_back({year, 4, 30});
  days.push_back({year, 5, 1});
  Date national{year, 9, 2};
  days.push_back(national);
  int wd = national.Weekday();  // 0 = Monday
  bool after = wd == 0 || wd == 3 || wd == 6;
  days.push_back(national.AddDays(after ? 1 : -1));
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  // Compensatory days: a holiday on a weekend gives the next working day.
  std::set<Date> off(days.begin(), days.end());
  for (const Date& d : days) {
    if (!IsWeekend(d)) continue;
    Date c = d.AddDays(1);
    while (IsWeekend(c) || off.count(c)) c = c.AddDays(1);
    off.insert(c);
  }
  std::vector<Date> out(off.begin(), off.end());
  return out;
}

HolidayCalendar HolidayCalendar::VietnamDefault() {
  HolidayCalendar c;
  c.statutory_ = true;
  for (int y = kCacheFirst; y <= kCacheLast; ++y) {
    for (const Date& d : VietnamStatutoryDaysOff(y)) c.statutory_cache_.insert(d);
  }
  return c;
}

bool HolidayCalendar::IsStatutoryHoliday(Date d) const {
  if (!statutory_) return false;
  // Compensatory days stay in their holiday's year (no holiday falls in late December).
  if (d.year >= kCacheFirst && d.year <= kCacheLast) return statutory_cache_.count(d) > 0;
  std::vector<Date> days = VietnamStatutoryDaysOff(d.year);
  return std::binary_search(days.begin(), days.end(), d);
}

bool HolidayCalendar::IsHoliday(Date d) const {
  if (removed_off_.count(d)) return false;
  return added_off_.count(d) > 0 || IsStatutoryHoliday(d);
}

bool HolidayCalendar::IsWorkingDay(Date d) const {
  if (workdays_.count(d)) return true;
  return !IsWeekend(d) && !IsHoliday(d);
}

Date HolidayCalendar::AddWorkingDays(Date from, int n) const {
  Date d = from;
  const int step = n >= 0 ? 1 : -1;
  for (int left = n >= 0 ? n : -n; left > 0;) {
    d = d.AddDays(step);
    if (IsWorkingDay(d)) --left;
  }
  return d;
}

void HolidayCalendar::AddDayOff(Date d) {
  removed_off_.erase(d);
  workdays_.erase(d);
  added_off_.insert(d);
}

void HolidayCalendar::RemoveDayOff(Date d) {
  added_off_.erase(d);
  removed_off_.insert(d);
}

void HolidayCalendar::AddWorkday(Date d) {
  added_off_.erase(d);
  workdays_.insert(d);
}

void HolidayCalendar::RemoveWorkday(Date d) { workdays_.erase(d); }

std::vector<Date> HolidayCalendar::DaysOff(int year) const {
  std::vector<Date> out;
  for (Date d{year, 1, 1}; d.year == year; d = d.AddDays(1)) {
    if (IsHoliday(d) && !workdays_.count(d)) out.push_back(d);
  }
  return out;
}

std::vector<Date> HolidayCalendar::Workdays(int year) const {
  std::vector<Date> out;
  for (const Date& d : workdays_) {
    if (d.year == year) out.push_back(d);
  }
  return out;
}

}  // namespace dondoc::text
