// Working days and Vietnam's public holidays (Bộ luật Lao động 2019, Article 112).
//
// The days off are announced each year (swaps, bridge days), so a HolidayCalendar is data an
// administrator can edit: VietnamDefault() computes the statutory days (lunar Tết and Hùng
// Kings included, weekend holidays compensated) and AddDayOff/AddWorkday/Remove* adjust them.
// Thread-compatible: const methods may be called concurrently; edits need exclusive access.
#ifndef DONDOC_TEXT_CALENDAR_H_
#define DONDOC_TEXT_CALENDAR_H_

#include <set>
#include <vector>

#include "text/date.h"

namespace dondoc::text {

class HolidayCalendar {
 public:
  // An empty calendar: every Monday to Friday is a working day.
  HolidayCalendar() = default;

  // The statutory days off for years 1900..2199 computed on demand.
  static HolidayCalendar VietnamDefault();

  // True when `d` is a day off that is not a weekend-only day: a holiday, a compensatory day,
  // or a day added with AddDayOff.
  bool IsHoliday(Date d) const;
  // Monday to Friday and not a holiday, or a day added with AddWorkday (a swapped Saturday).
  bool IsWorkingDay(Date d) const;
  // The n-th working day after `from` (n > 0), or before it (n < 0); `from` when n == 0.
  Date AddWorkingDays(Date from, int n) const;

  // Edits. Each overrides the computed defaults for that day.
  void AddDayOff(Date d);
  void RemoveDayOff(Date d);
  void AddWorkday(Date d);  // a weekend day worked in exchange for a bridge day off
  void RemoveWorkday(Date d);

  // The days off of `year` (statutory and added, minus removed), sorted.
  std::vector<Date> DaysOff(int year) const;
  // The weekend days of `year` declared working days, sorted.
  std::vector<Date> Workdays(int year) const;

 private:
  bool statutory_ = false;
  std::set<Date> added_off_;
  std::set<Date> removed_off_;
  std::set<Date> workdays_;
  bool IsStatutoryHoliday(Date d) const;
};

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_CALENDAR_H_
