// Service: the occurrences of recurring tasks (one per period), opened as days pass, each
// reported on and completed on its own.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/input_checks.h"
#include "app/occurrence_sync.h"
#include "app/service.h"
#include "domain/occurrences.h"

namespace dondoc::app {

namespace {

// Recurring tasks brought up to date per transaction, so that the writer is never held long.
constexpr size_t kCatchUpBatch = 100;

Status NoSuchOccurrence(Id id) {
  return Status::NotFound("No occurrence " + std::to_string(id) + " of this task.");
}

std::vector<OccurrenceView> ViewsOf(const store::TaskDetail& d, text::Date today) {
  std::vector<OccurrenceView> out;
  for (const domain::Occurrence& o : d.occurrences) {
    OccurrenceView v;
    v.occurrence = o;
    v.state = domain::DeriveStatus(domain::OccurrenceFacts(o, domain::FactsOf(d.task)), today);
    for (const domain::ProgressReport& r : d.reports) {
      if (r.occurrence_id == o.id) v.reports.push_back(r);
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<OccurrenceView> ReadView(store::StoreReader& r, Id tenant_id, Id task_id, Id occurrence_id,
                                text::Date today) {
  DONDOC_ASSIGN_OR_RETURN(store::TaskDetail d,
                          r.GetTaskDetail(tenant_id, task_id, store::TaskHistory::kLeaveOut));
  for (OccurrenceView& v : ViewsOf(d, today)) {
    if (v.occurrence.id == occurrence_id) return std::move(v);
  }
  return NoSuchOccurrence(occurrence_id);
}

// The occurrence `id` of `task_id`, read in `tx`.
Result<domain::Occurrence> FindOccurrence(store::StoreTx& tx, Id tenant_id, Id task_id, Id id) {
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Occurrence> all,
                          tx.ListOccurrences(tenant_id, task_id));
  for (const domain::Occurrence& o : all) {
    if (o.id == id) return o;
  }
  return NoSuchOccurrence(id);
}

nlohmann::json OccurrenceAuditJson(const domain::Occurrence& o) {
  nlohmann::json j = {{"occurrence_id", o.id}, {"period_start", o.period_start.ToIso()}};
  j["done_date"] = o.done_date ? nlohmann::json(o.done_date->ToIso()) : nlohmann::json(nullptr);
  return j;
}

bool Contains(const std::vector<Id>& ids, Id id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

Status Service::CatchUpOccurrences() {
  const text::Date today = clock_.Today();
  const long day = today.DaysSinceEpoch();
  long seen = occurrences_day_.load();
  if (seen == day || !occurrences_day_.compare_exchange_strong(seen, day)) return Status::Ok();
  auto failed = [&](const Status& st) {
    occurrences_day_.store(-1);  // try again on the next call
    return st;
  };
  Result<std::vector<Id>> ids = store_.ListRecurringTaskIds(tenant_id_);
  if (!ids.ok()) return failed(ids.status());
  Result<text::HolidayCalendar> calendar = TenantCalendar(store_, tenant_id_);
  if (!calendar.ok()) return failed(calendar.status());
  for (size_t begin = 0; begin < ids->size(); begin += kCatchUpBatch) {
    const size_t end = std::min(ids->size(), begin + kCatchUpBatch);
    Status st = store_.InTransaction([&](store::StoreTx& tx) {
      const domain::Timestamp now = clock_.Now();
      int created = 0;
      int tasks = 0;
      for (size_t i = begin; i < end; ++i) {
        DONDOC_ASSIGN_OR_RETURN(
            int n, SyncTaskOccurrences(tx, tenant_id_, (*ids)[i], today, *calendar, now));
        created += n;
        if (n > 0) ++tasks;
      }
      if (created == 0) return Status::Ok();
      return AppendAudit(
          tx, tenant_id_, nullptr, now, "occurrences_open", "tenant", tenant_id_, "",
          nlohmann::json{{"as_of", today.ToIso()}, {"tasks", tasks}, {"created", created}}.dump());
    });
    if (!st.ok()) return failed(st);
  }
  return Status::Ok();
}

Result<std::vector<OccurrenceView>> Service::ListOccurrences(const Caller& caller, Id task_id) {
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  DONDOC_RETURN_IF_ERROR(VisibleTask(caller, task_id).status());
  DONDOC_ASSIGN_OR_RETURN(store::TaskDetail d,
                          store_.GetTaskDetail(tenant_id_, task_id, store::TaskHistory::kLeaveOut));
  return ViewsOf(d, clock_.Today());
}

Result<OccurrenceView> Service::ReportOnOccurrence(const Caller& caller, Id task_id,
                                                   Id occurrence_id, std::string text, int percent,
                                                   bool done) {
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, VisibleTask(caller, task_id));
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReportProgress));
  if (!ActsForTask(caller, t, /*support_ok=*/true)) {
    return Status::PermissionDenied("Only a lead or support unit of this task may report on it.");
  }
  if (done && !ActsForTask(caller, t, /*support_ok=*/false)) {
    return Status::PermissionDenied("Only the lead unit may deliver a period.");
  }
  DONDOC_RETURN_IF_ERROR(CheckText(text, 20000, "report", false));
  if (percent < 0 || percent > 100) {
    return Status::InvalidArgument("The percent must be between 0 and 100.");
  }
  if (t.status == domain::StoredStatus::kDone) {
    return Status::Conflict("This task is already confirmed as done.");
  }
  if (t.status == domain::StoredStatus::kPaused) return Status::Conflict("This task is paused.");
  domain::ProgressReport r;
  r.tenant_id = tenant_id_;
  r.task_id = task_id;
  r.occurrence_id = occurrence_id;
  r.user_id = caller.id();
  r.text = std::move(text);
  r.percent = done ? 100 : percent;
  r.done = done;
  r.created_at = clock_.Now();
  for (Id id : caller.own_units) {
    if (Contains(t.lead_unit_ids, id)) r.unit_id = id;
  }
  for (Id id : caller.own_units) {
    if (r.unit_id == 0 && Contains(t.support_unit_ids, id)) r.unit_id = id;
  }
  const text::Date today = clock_.Today();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Occurrence o,
                            FindOccurrence(tx, tenant_id_, task_id, occurrence_id));
    if (done && o.done_date) return Status::Conflict("This period is already done.");
    nlohmann::json before = OccurrenceAuditJson(o);
    DONDOC_ASSIGN_OR_RETURN(r.id, tx.AddProgressReport(r));
    if (done) {
      o.done_date = today;
      DONDOC_RETURN_IF_ERROR(tx.UpdateOccurrence(o));
      DONDOC_ASSIGN_OR_RETURN(text::HolidayCalendar calendar, TenantCalendar(tx, tenant_id_));
      DONDOC_RETURN_IF_ERROR(
          SyncTaskOccurrences(tx, tenant_id_, task_id, today, calendar, r.created_at).status());
    }
    nlohmann::json after = OccurrenceAuditJson(o);
    after["report_id"] = r.id;
    after["percent"] = r.percent;
    return AppendAudit(tx, tenant_id_, &caller, r.created_at, "occurrence_report", "task", task_id,
                       before.dump(), after.dump());
  }));
  return ReadView(store_, tenant_id_, task_id, occurrence_id, today);
}

Result<OccurrenceView> Service::CompleteOccurrence(const Caller& caller, Id task_id,
                                                   Id occurrence_id,
                                                   std::optional<text::Date> done_date) {
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kConfirmCompletion));
  DONDOC_RETURN_IF_ERROR(VisibleTask(caller, task_id).status());
  const text::Date today = clock_.Today();
  const text::Date day = done_date.value_or(today);
  if (!day.IsValid()) return Status::InvalidArgument("The completion date is invalid.");
  if (day > today) return Status::InvalidArgument("The completion date cannot be in the future.");
  const domain::Timestamp now = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Occurrence o,
                            FindOccurrence(tx, tenant_id_, task_id, occurrence_id));
    if (o.done_date) return Status::Conflict("This period is already done.");
    if (day < o.period_start) {
      return Status::InvalidArgument("The completion date cannot be before the period starts.");
    }
    nlohmann::json before = OccurrenceAuditJson(o);
    o.done_date = day;
    DONDOC_RETURN_IF_ERROR(tx.UpdateOccurrence(o));
    DONDOC_ASSIGN_OR_RETURN(text::HolidayCalendar calendar, TenantCalendar(tx, tenant_id_));
    DONDOC_RETURN_IF_ERROR(
        SyncTaskOccurrences(tx, tenant_id_, task_id, today, calendar, now).status());
    return AppendAudit(tx, tenant_id_, &caller, now, "occurrence_complete", "task", task_id,
                       before.dump(), OccurrenceAuditJson(o).dump());
  }));
  return ReadView(store_, tenant_id_, task_id, occurrence_id, today);
}

}  // namespace dondoc::app
