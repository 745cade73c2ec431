#include "app/occurrence_sync.h"

#include "domain/occurrences.h"

namespace dondoc::app {

Result<text::HolidayCalendar> TenantCalendar(store::StoreReader& r, domain::Id tenant_id) {
  static const text::HolidayCalendar kDefault = text::HolidayCalendar::VietnamDefault();
  text::HolidayCalendar calendar = kDefault;
  DONDOC_ASSIGN_OR_RETURN(std::vector<store::HolidayOverride> overrides, r.ListHolidays(tenant_id));
  for (const store::HolidayOverride& h : overrides) {
    if (h.day_off) {
      calendar.AddDayOff(h.date);
    } else {
      calendar.AddWorkday(h.date);
    }
  }
  return calendar;
}

Result<int> SyncTaskOccurrences(store::StoreTx& tx, domain::Id tenant_id, domain::Id task_id,
                                text::Date as_of, const text::HolidayCalendar& calendar,
                                domain::Timestamp now) {
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(tenant_id, task_id));
  if (t.draft || t.deadline.kind != domain::DeadlineKind::kRecurring) return 0;
  bool changed = false;
  if (!t.start_date) {
    t.start_date = as_of;
    changed = true;
  }
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Occurrence> existing,
                          tx.ListOccurrences(tenant_id, task_id));
  domain::OccurrencePlan plan = domain::PlanOccurrences(t, existing, as_of, calendar);
  for (const domain::Period& p : plan.to_create) {
    domain::Occurrence o{0, tenant_id, task_id, p.start, p.end, p.due, std::nullopt};
    DONDOC_RETURN_IF_ERROR(tx.CreateOccurrence(o).status());
  }
  if (plan.due != t.due) {
    t.due = plan.due;
    changed = true;
  }
  if (changed || !plan.to_create.empty()) {
    t.updated_at = now;
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
  }
  return static_cast<int>(plan.to_create.size());
}

Status ExtendOpenOccurrence(store::StoreTx& tx, domain::Id tenant_id, domain::Id task_id,
                            std::optional<text::Date> previous_due, text::Date new_due) {
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Occurrence> all,
                          tx.ListOccurrences(tenant_id, task_id));
  domain::Occurrence* target = nullptr;
  for (domain::Occurrence& o : all) {
    if (o.done_date || o.due >= new_due) continue;
    if (previous_due && o.due == *previous_due) {
      target = &o;
      break;
    }
    if (target == nullptr || o.due < target->due) target = &o;
  }
  if (target == nullptr) return Status::Ok();
  target->due = new_due;
  return tx.UpdateOccurrence(*target);
}

}  // namespace dondoc::app
