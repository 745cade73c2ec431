#include "text/calendar.h"

namespace dondoc::text {

HolidayCalendar HolidayCalendar::VietnamDefault() {
  HolidayCalendar c;
  c.statutory_ = true;
  return c;
}

bool HolidayCalendar::IsStatutoryHoliday(Date d) const {
  if (!statutory_) return false;
  return (d.month == 1 && d.day == 1) || (d.month == 4 && d.day == 30) ||
         (d.month == 5 && d.day == 1) || (d.month == 9 && d.day == 2);
}

bool HolidayCalendar::IsHoliday(Date d) const {
  if (removed_off_.count(d)) return false;
  return added_off_.count(d) > 0 || IsStatutoryHoliday(d);
}

bool HolidayCalendar::IsWorkingDay(Date d) const {
  if (workdays_.count(d)) return true;
  return d.Weekday() < 5 && !IsHoliday(d);
}

Date HolidayCalendar::AddWorkingDays(Date from, int n) const {
  Date d = from;
  int step = n >= 0 ? 1 : -1;
  for (int left = n >= 0 ? n : -n; left > 0;) {
    d = d.AddDays(step);
    if (IsWorkingDay(d)) --left;
  }
  return d;
}

void HolidayCalendar::AddDayOff(Date d) {
  removed_off_.erase(d);
  added_off_.insert(d);
}
void HolidayCalendar::RemoveDayOff(Date d) {
  added_off_.erase(d);
  removed_off_.insert(d);
}
void HolidayCalendar::AddWorkday(Date d) { workdays_.insert(d); }
void HolidayCalendar::RemoveWorkday(Date d) { workdays_.erase(d); }

std::vector<Date> HolidayCalendar::DaysOff(int year) const {
  std::vector<Date> out;
  for (Date d{year, 1, 1}; d.year == year; d = d.AddDays(1)) {
    if (IsHoliday(d)) out.push_back(d);
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
