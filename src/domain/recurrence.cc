#include "domain/recurrence.h"

#include <algorithm>
#include <set>

namespace dondoc::domain {

namespace {

using text::Date;

Date DueIn(const Date& start, const Date& end, const DueRule& rule,
           const text::HolidayCalendar& calendar) {
  Date due = end;
  switch (rule.kind) {
    case DueRule::Kind::kEndOfPeriod:
      break;
    case DueRule::Kind::kDayOfPeriod: {
      Date d = start.AddDays(std::max(rule.n, 1) - 1);
      due = d < end ? d : end;
      break;
    }
    case DueRule::Kind::kWorkingDaysAfterEnd:
      return calendar.AddWorkingDays(end, std::max(rule.n, 0));
  }
  if (rule.previous_working_day) {
    // A holiday stretch never exceeds a few weeks; the bound only guards a degenerate calendar.
    for (int i = 0; i < 60 && !calendar.IsWorkingDay(due); ++i) due = due.AddDays(-1);
  }
  return due;
}

}  // namespace

Period PeriodContaining(Every every, Date d, const DueRule& rule,
                        const text::HolidayCalendar& calendar) {
  Date start;
  Date end;
  switch (every) {
    case Every::kWeek:
      start = d.AddDays(-d.Weekday());
      end = start.AddDays(6);
      break;
    case Every::kMonth:
      start = Date{d.year, d.month, 1};
      end = Date::EndOfMonth(d.year, d.month);
      break;
    case Every::kQuarter: {
      int q = (d.month - 1) / 3;
      start = Date{d.year, 3 * q + 1, 1};
      end = Date::EndOfQuarter(d.year, q + 1);
      break;
    }
    case Every::kYear:
      start = Date{d.year, 1, 1};
      end = Date{d.year, 12, 31};
      break;
  }
  return Period{start, end, DueIn(start, end, rule, calendar)};
}

std::vector<Period> PeriodsUpTo(Every every, Date start, Date as_of, const DueRule& rule,
                                const text::HolidayCalendar& calendar) {
  std::vector<Period> out;
  if (as_of < start) return out;
  Period p = PeriodContaining(every, start, rule, calendar);
  while (p.start <= as_of) {
    out.push_back(p);
    p = PeriodContaining(every, p.end.AddDays(1), rule, calendar);
  }
  return out;
}

std::vector<Period> MissingPeriods(const std::vector<Period>& wanted,
                                   const std::vector<Occurrence>& existing) {
  std::set<Date> have;
  for (const Occurrence& o : existing) have.insert(o.period_start);
  std::vector<Period> out;
  for (const Period& p : wanted) {
    if (!have.count(p.start)) out.push_back(p);
  }
  return out;
}

TaskState OccurrenceStatus(const Occurrence& o, Date as_of) {
  StatusFacts f;
  f.status = o.done_date ? StoredStatus::kDone : StoredStatus::kOpen;
  f.due = o.due;
  f.done_date = o.done_date;
  return DeriveStatus(f, as_of);
}

}  // namespace dondoc::domain
