#include "domain/occurrences.h"

namespace dondoc::domain {

DueRule DueRuleFor(const Deadline& d) {
  DueRule rule;
  if (d.kind != DeadlineKind::kRecurring || !d.date || !d.date->IsValid()) return rule;
  // The calendar plays no part in these kinds without previous_working_day.
  const text::HolidayCalendar no_holidays;
  const Period own = PeriodContaining(d.every, *d.date, rule, no_holidays);
  rule.kind = DueRule::Kind::kDayOfPeriod;
  rule.n = static_cast<int>(d.date->DaysSinceEpoch() - own.start.DaysSinceEpoch()) + 1;
  return rule;
}

bool TracksOccurrences(const Task& t) {
  return !t.draft && t.deadline.kind == DeadlineKind::kRecurring && t.start_date &&
         t.start_date->IsValid();
}

OccurrencePlan PlanOccurrences(const Task& t, const std::vector<Occurrence>& existing,
                               text::Date as_of, const text::HolidayCalendar& calendar) {
  OccurrencePlan plan;
  plan.due = t.due;
  if (!TracksOccurrences(t)) return plan;
  const DueRule rule = DueRuleFor(t.deadline);
  text::Date last = as_of;
  if (t.status == StoredStatus::kDone && t.done_date && *t.done_date < last) last = *t.done_date;
  plan.to_create =
      MissingPeriods(PeriodsUpTo(t.deadline.every, *t.start_date, last, rule, calendar), existing);
  if (t.status == StoredStatus::kDone) return plan;

  std::optional<text::Date> earliest_open;
  std::optional<text::Date> latest_end;
  auto consider = [&](text::Date end, text::Date due, bool done) {
    if (!done && (!earliest_open || due < *earliest_open)) earliest_open = due;
    if (!latest_end || end > *latest_end) latest_end = end;
  };
  for (const Occurrence& o : existing) consider(o.period_end, o.due, o.done_date.has_value());
  for (const Period& p : plan.to_create) consider(p.end, p.due, false);
  if (earliest_open) {
    plan.due = earliest_open;
  } else {
    text::Date next = latest_end ? latest_end->AddDays(1) : *t.start_date;
    plan.due = PeriodContaining(t.deadline.every, next, rule, calendar).due;
  }
  return plan;
}

StatusFacts OccurrenceFacts(const Occurrence& o, const StatusFacts& task) {
  StatusFacts f;
  f.due = o.due;
  if (o.done_date) {
    f.status = StoredStatus::kDone;
    f.done_date = o.done_date;
  } else if (task.status == StoredStatus::kDone) {
    f.status = StoredStatus::kDone;
    f.done_date = task.done_date;
  } else if (task.status == StoredStatus::kPaused) {
    f.status = StoredStatus::kPaused;
  }
  return f;
}

}  // namespace dondoc::domain
