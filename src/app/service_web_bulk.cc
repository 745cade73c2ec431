// Service: the Office's bulk changes to tasks (confirm, return, due date, lead unit, pause).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/input_checks.h"
#include "app/service.h"

namespace dondoc::app {

namespace {

nlohmann::json BulkJson(const domain::Task& t) {
  nlohmann::json j = {{"status", domain::StoredStatusCode(t.status)},
                      {"progress", t.progress},
                      {"lead", t.lead_unit_ids},
                      {"support", t.support_unit_ids}};
  j["due"] = t.due ? nlohmann::json(t.due->ToIso()) : nlohmann::json(nullptr);
  j["done_date"] = t.done_date ? nlohmann::json(t.done_date->ToIso()) : nlohmann::json(nullptr);
  return j;
}

const char* AuditAction(BulkChange::Kind k) {
  switch (k) {
    case BulkChange::Kind::kConfirmDone:
      return "task_confirm_done";
    case BulkChange::Kind::kReturn:
      return "task_return";
    case BulkChange::Kind::kSetDue:
      return "task_set_due";
    case BulkChange::Kind::kSetLead:
      return "task_set_lead";
    case BulkChange::Kind::kPause:
      return "task_pause";
    case BulkChange::Kind::kResume:
      return "task_resume";
  }
  return "task_bulk";
}

// Applies `c` to `t` (an active task), or says why it does not apply.
std::optional<BulkSkip> Apply(const BulkChange& c, text::Date today, domain::Task* t) {
  using domain::StoredStatus;
  using Kind = BulkChange::Kind;
  if (c.kind == Kind::kResume) {
    if (t->status != StoredStatus::kPaused) return BulkSkip::kNotPaused;
    t->status = StoredStatus::kOpen;
    return std::nullopt;
  }
  if (t->status == StoredStatus::kDone) return BulkSkip::kDone;
  switch (c.kind) {
    case Kind::kConfirmDone:
      t->status = StoredStatus::kDone;
      t->done_date = today;
      t->progress = 100;
      break;
    case Kind::kReturn:
      if (t->status != StoredStatus::kPendingConfirmation) return BulkSkip::kNotPending;
      t->status = StoredStatus::kReturned;
      break;
    case Kind::kSetDue:
      if (t->due == c.due) return BulkSkip::kUnchanged;
      t->due = c.due;
      if (!t->original_due) t->original_due = c.due;
      if (t->deadline.kind == domain::DeadlineKind::kNone ||
          t->deadline.kind == domain::DeadlineKind::kOngoing) {
        t->deadline.kind = domain::DeadlineKind::kDate;
      }
      if (t->deadline.kind == domain::DeadlineKind::kDate) t->deadline.date = c.due;
      break;
    case Kind::kSetLead: {
      if (t->lead_unit_ids == std::vector<Id>{*c.lead}) return BulkSkip::kUnchanged;
      t->lead_unit_ids = {*c.lead};
      auto& s = t->support_unit_ids;
      s.erase(std::remove(s.begin(), s.end(), *c.lead), s.end());
      break;
    }
    case Kind::kPause:
      if (t->status == StoredStatus::kPaused) return BulkSkip::kUnchanged;
      t->status = StoredStatus::kPaused;
      break;
    case Kind::kResume:
      break;
  }
  return std::nullopt;
}

}  // namespace

Result<BulkOutcome> Service::BulkChangeTasks(const Caller& caller, const std::vector<Id>& task_ids,
                                             const BulkChange& change) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kConfirmCompletion));
  if (task_ids.empty() || task_ids.size() > 500) {
    return Status::InvalidArgument("Select 1 to 500 tasks.");
  }
  if (change.kind == BulkChange::Kind::kSetDue && (!change.due || !change.due->IsValid())) {
    return Status::InvalidArgument("A new due date is required.");
  }
  if (change.kind == BulkChange::Kind::kSetLead) {
    if (!change.lead || !store_.GetUnit(tenant_id_, *change.lead).ok()) {
      return Status::InvalidArgument("The new lead unit is not in the directory.");
    }
  }
  DONDOC_RETURN_IF_ERROR(CheckText(change.note, 5000, "note", true));
  std::vector<Id> ids;
  for (Id id : task_ids) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  const domain::Timestamp now = clock_.Now();
  const text::Date today = clock_.Today();
  BulkOutcome out;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) -> Status {
    out = BulkOutcome{};
    for (Id id : ids) {
      Result<domain::Task> found = tx.GetTask(tenant_id_, id);
      if (!found.ok() && found.status().code() != StatusCode::kNotFound) return found.status();
      if (!found.ok() || !CanSeeTask(caller, *found)) {
        out.skipped.emplace_back(id, BulkSkip::kNotFound);
        continue;
      }
      domain::Task t = std::move(*found);
      if (t.draft) {
        out.skipped.emplace_back(id, BulkSkip::kDraft);
        continue;
      }
      nlohmann::json before = BulkJson(t);
      if (auto skip = Apply(change, today, &t)) {
        out.skipped.emplace_back(id, *skip);
        continue;
      }
      t.updated_at = now;
      DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
      nlohmann::json after = BulkJson(t);
      if (!change.note.empty()) after["note"] = change.note;
      after["bulk"] = true;
      DONDOC_RETURN_IF_ERROR(AppendAudit(tx, tenant_id_, &caller, now, AuditAction(change.kind),
                                         "task", id, before.dump(), after.dump()));
      out.changed.push_back(id);
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace dondoc::app
