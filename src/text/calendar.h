// Working days and Vietnam's public holidays (Bộ luật Lao động 2019, Article 112).
//
// The days off are announced each year (swaps, bridge days), so a HolidayCalendar is data an
// administrator can edit: VietnamDefault() computes the statutory days and AddDayOff/AddWorkday/
// Remove* adjust them day by day.
//
// Statutory days off (VietnamStatutoryDaysOff): 1/1; Tết: the last day of the lunar year and the
// first four days of the new one; the Hùng Kings' day, 10/3 lunar; 30/4; 1/5; 2/9 and one day
// next to it (the one that joins a weekend: 3/9 when 2/9 is a Monday, Thursday or Sunday, else
// 1/9). A holiday on a Saturday or Sunday gives a compensatory day off on the next working day.
//
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

  // The statutory days off of every year, compensatory days included.
  static HolidayCalendar VietnamDefault();

  // The statutory days off of `year` with their compensatory days, sorted.
  static std::vector<Date> VietnamStatutoryDaysOff(int year);

  // True when `d` is a day off other than an ordinary weekend: a holiday, a compensatory day, or
  // a day added with AddDayOff (and not removed with RemoveDayOff).
  bool IsHoliday(Date d) const;
  // Monday to Friday and not a holiday, or a day added with AddWorkday (a swapped Saturday).
  bool IsWorkingDay(Date d) const;
  // The n-th working day after `from` (n > 0) or before it (n < 0); `from` when n == 0.
  Date AddWorkingDays(Date from, int n) const;

  // Edits; each overrides the computed days for that day.
  void AddDayOff(Date d);
  void RemoveDayOff(Date d);
  void AddWorkday(Date d);  // a weekend day worked in exchange for a bridge day off
  void RemoveWorkday(Date d);

  // The days off of `year` (IsHoliday), sorted.
  std::vector<Date> DaysOff(int year) const;
  // The days of `year` added with AddWorkday, sorted.
  std::vector<Date> Workdays(int year) const;

 private:
  bool IsStatutoryHoliday(Date d) const;

  bool statutory_ = false;
  std::set<Date> statutory_cache_;  // years kCacheFirst..kCacheLast, filled by VietnamDefault()
  std::set<Date> added_off_;
  std::set<Date> removed_off_;
  std::set<Date> workdays_;
};

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_CALENDAR_H_
