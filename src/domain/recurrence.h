// Occurrences of recurring tasks ("hàng tuần", "hàng tháng", "hằng quý", "hằng năm").
// Pure functions over dates and a holiday calendar.
#ifndef DONDOC_DOMAIN_RECURRENCE_H_
#define DONDOC_DOMAIN_RECURRENCE_H_

#include <vector>

#include "domain/status.h"
#include "domain/task.h"
#include "text/calendar.h"
#include "text/date.h"

namespace dondoc::domain {

// When an occurrence is due within (or just after) its period.
struct DueRule {
  enum class Kind {
    kEndOfPeriod,          // the period's last day (Sunday, month end, quarter end, 31/12)
    kDayOfPeriod,          // the n-th day of the period (week: 1 = Monday .. 7 = Sunday;
                           // month: day n, clamped to the month's end; quarter/year: n-th day
                           // counted from the period's first day, clamped to its end)
    kWorkingDaysAfterEnd,  // the n-th working day after the period's last day
  };
  Kind kind = Kind::kEndOfPeriod;
  int n = 0;
  // When true, a due date that falls on a non-working day moves back to the previous working
  // day (kEndOfPeriod, kDayOfPeriod). The calendar decides working days.
  bool previous_working_day = false;
};

struct Period {
  text::Date start;  // first day
  text::Date end;    // last day, inclusive
  text::Date due;
  auto operator<=>(const Period&) const = default;
};

// The period of `every` that contains `d`: weeks run Monday..Sunday, quarters Jan-Mar etc.
Period PeriodContaining(Every every, text::Date d, const DueRule& rule,
                        const text::HolidayCalendar& calendar);

// One period per `every` from the period containing `start` to the period containing `as_of`,
// both included, in order, each with its own due date by `rule`. Empty when as_of < start.
// Never generates a period after the one containing as_of (no pile-up of future copies).
// REQUIRES: start.IsValid() && as_of.IsValid().
std::vector<Period> PeriodsUpTo(Every every, text::Date start, text::Date as_of,
                                const DueRule& rule, const text::HolidayCalendar& calendar);

// Those of `wanted` whose start is not the period_start of any of `existing`: what app must
// insert to bring a task's occurrences up to date. Idempotent.
std::vector<Period> MissingPeriods(const std::vector<Period>& wanted,
                                   const std::vector<Occurrence>& existing);

// An occurrence's status as of a date: the rules of DeriveStatus with its own due and done_date
// (kDone when done_date is set), so a missed period is overdue on its own.
TaskState OccurrenceStatus(const Occurrence& o, text::Date as_of);

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_RECURRENCE_H_
