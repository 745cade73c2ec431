// Service: tracking tasks (reports, completion, extensions, comments, files) and oversight.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/input_checks.h"
#include "app/occurrence_sync.h"
#include "app/service.h"
#include "domain/status.h"

namespace dondoc::app {

namespace {

Status NoSuchTask(Id id) { return Status::NotFound("No task " + std::to_string(id) + "."); }

nlohmann::json StatusJson(const domain::Task& t) {
  nlohmann::json j = {{"status", domain::StoredStatusCode(t.status)}, {"progress", t.progress}};
  j["due"] = t.due ? nlohmann::json(t.due->ToIso()) : nlohmann::json(nullptr);
  j["done_date"] = t.done_date ? nlohmann::json(t.done_date->ToIso()) : nlohmann::json(nullptr);
  return j;
}

}  // namespace

Result<domain::Task> Service::VisibleTask(const Caller& caller, Id task_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadTasks));
  Result<domain::Task> t = store_.GetTask(tenant_id_, task_id);
  if (!t.ok()) return t.status().code() == StatusCode::kNotFound ? NoSuchTask(task_id) : t.status();
  if (!CanSeeTask(caller, *t)) return NoSuchTask(task_id);
  return t;
}

Result<store::Page<domain::Task>> Service::ListTasks(const Caller& caller,
                                                     store::TaskFilter filter) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadTasks));
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  filter.visible_unit_ids = caller.scope_units;
  if (!SeesDrafts(caller) || !filter.notice_id) filter.include_drafts = false;
  if (filter.as_of.year == 0) filter.as_of = clock_.Today();
  filter.limit = std::clamp(filter.limit, 0, 500);
  filter.offset = std::max(filter.offset, 0);
  return store_.ListTasks(tenant_id_, filter);
}

Result<TaskView> Service::GetTask(const Caller& caller, Id task_id) {
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  // As VisibleTask, but judged on the task the detail read brings (one read of the task, not
  // two): the same errors in the same order, and nothing of the detail leaves when refused.
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadTasks));
  TaskView v;
  Result<store::TaskDetail> detail =
      store_.GetTaskDetail(tenant_id_, task_id, store::TaskHistory::kInclude);
  if (!detail.ok()) {
    return detail.status().code() == StatusCode::kNotFound ? NoSuchTask(task_id) : detail.status();
  }
  if (!CanSeeTask(caller, detail->task)) return NoSuchTask(task_id);
  v.detail = std::move(detail).value();
  return v;
}

Result<domain::ProgressReport> Service::ReportProgress(const Caller& caller, Id task_id,
                                                       std::string text, int percent, bool done,
                                                       domain::Task* task_after) {
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, VisibleTask(caller, task_id));
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReportProgress));
  if (!ActsForTask(caller, t, /*support_ok=*/true)) {
    return Status::PermissionDenied("Only a lead or support unit of this task may report on it.");
  }
  if (done && !ActsForTask(caller, t, /*support_ok=*/false)) {
    return Status::PermissionDenied("Only the lead unit may report the task as done.");
  }
  DONDOC_RETURN_IF_ERROR(CheckText(text, 20000, "report", false));
  if (percent < 0 || percent > 100) {
    return Status::InvalidArgument("The percent must be between 0 and 100.");
  }
  if (done) percent = 100;
  if (t.status == domain::StoredStatus::kDone) {
    return Status::Conflict("This task is already confirmed as done.");
  }
  if (t.status == domain::StoredStatus::kPaused) return Status::Conflict("This task is paused.");
  domain::ProgressReport r;
  r.tenant_id = tenant_id_;
  r.task_id = task_id;
  r.user_id = caller.id();
  r.text = std::move(text);
  r.percent = percent;
  r.done = done;
  r.created_at = clock_.Now();
  r.unit_id = 0;
  for (Id id : caller.own_units) {
    if (std::find(t.lead_unit_ids.begin(), t.lead_unit_ids.end(), id) != t.lead_unit_ids.end()) {
      r.unit_id = id;
    }
  }
  if (r.unit_id == 0) {
    for (Id id : caller.own_units) {
      if (std::find(t.support_unit_ids.begin(), t.support_unit_ids.end(), id) !=
          t.support_unit_ids.end()) {
        r.unit_id = id;
      }
    }
  }
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Task cur, tx.GetTask(tenant_id_, task_id));
    nlohmann::json before = StatusJson(cur);
    DONDOC_ASSIGN_OR_RETURN(r.id, tx.AddProgressReport(r));
    bool is_lead = std::find(cur.lead_unit_ids.begin(), cur.lead_unit_ids.end(), r.unit_id) !=
                   cur.lead_unit_ids.end();
    if (is_lead) cur.progress = percent;
    if (done) cur.status = domain::StoredStatus::kPendingConfirmation;
    cur.updated_at = r.created_at;
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(cur));
    nlohmann::json after = StatusJson(cur);
    after["report_id"] = r.id;
    DONDOC_RETURN_IF_ERROR(AppendAudit(tx, tenant_id_, &caller, r.created_at, "task_report", "task",
                                       task_id, before.dump(), after.dump()));
    if (task_after != nullptr) *task_after = std::move(cur);
    return Status::Ok();
  }));
  return r;
}

Result<domain::Task> Service::ConfirmCompletion(const Caller& caller, Id task_id,
                                                std::optional<text::Date> done_date) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kConfirmCompletion));
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, VisibleTask(caller, task_id));
  if (t.draft) return Status::Conflict("Confirm the notice before its tasks.");
  if (t.status == domain::StoredStatus::kDone)
    return Status::Conflict("This task is already done.");
  text::Date today = clock_.Today();
  if (done_date && *done_date > today) {
    return Status::InvalidArgument("The completion date cannot be in the future.");
  }
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(t, tx.GetTask(tenant_id_, task_id));
    nlohmann::json before = StatusJson(t);
    t.status = domain::StoredStatus::kDone;
    t.done_date = done_date.value_or(today);
    t.progress = 100;
    t.updated_at = clock_.Now();
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
    return AppendAudit(tx, tenant_id_, &caller, t.updated_at, "task_confirm_done", "task", task_id,
                       before.dump(), StatusJson(t).dump());
  }));
  return t;
}

Result<domain::Task> Service::ReturnCompletion(const Caller& caller, Id task_id, std::string note) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kConfirmCompletion));
  DONDOC_RETURN_IF_ERROR(CheckText(note, 5000, "note", true));
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, VisibleTask(caller, task_id));
  if (t.status != domain::StoredStatus::kPendingConfirmation) {
    return Status::Conflict("Only a task waiting for confirmation can be returned.");
  }
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(t, tx.GetTask(tenant_id_, task_id));
    nlohmann::json before = StatusJson(t);
    t.status = domain::StoredStatus::kReturned;
    t.updated_at = clock_.Now();
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
    nlohmann::json after = StatusJson(t);
    after["note"] = note;
    return AppendAudit(tx, tenant_id_, &caller, t.updated_at, "task_return", "task", task_id,
                       before.dump(), after.dump());
  }));
  return t;
}

Result<domain::Extension> Service::RequestExtension(const Caller& caller, Id task_id,
                                                    text::Date requested_due, std::string reason) {
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, VisibleTask(caller, task_id));
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kRequestExtension));
  if (!ActsForTask(caller, t, /*support_ok=*/false)) {
    return Status::PermissionDenied("Only the lead unit may ask for an extension.");
  }
  DONDOC_RETURN_IF_ERROR(CheckText(reason, 5000, "reason", false));
  if (!requested_due.IsValid()) return Status::InvalidArgument("The requested date is invalid.");
  if (t.due && requested_due <= *t.due) {
    return Status::InvalidArgument("The requested date must be after the current due date.");
  }
  if (t.status == domain::StoredStatus::kDone) return Status::Conflict("This task is done.");
  domain::Extension e;
  e.tenant_id = tenant_id_;
  e.task_id = task_id;
  e.requested_by = caller.id();
  e.reason = std::move(reason);
  e.requested_due = requested_due;
  e.previous_due = t.due;
  e.created_at = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(e.id, tx.CreateExtension(e));
    return AppendAudit(
        tx, tenant_id_, &caller, e.created_at, "extension_request", "task", task_id, "",
        nlohmann::json{{"extension_id", e.id}, {"requested_due", requested_due.ToIso()}}.dump());
  }));
  return e;
}

Result<domain::Extension> Service::DecideExtension(const Caller& caller, Id extension_id,
                                                   bool approve, std::string note) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kDecideExtension));
  DONDOC_RETURN_IF_ERROR(CheckText(note, 5000, "note", true));
  domain::Extension e;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(e, tx.GetExtension(tenant_id_, extension_id));
    if (e.status != domain::ExtensionStatus::kPending) {
      return Status::Conflict("This extension request is already decided.");
    }
    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(tenant_id_, e.task_id));
    nlohmann::json before = StatusJson(t);
    const domain::Timestamp now = clock_.Now();
    e.status = approve ? domain::ExtensionStatus::kApproved : domain::ExtensionStatus::kRefused;
    e.decided_by = caller.id();
    e.decision_note = std::move(note);
    e.decided_at = now;
    DONDOC_RETURN_IF_ERROR(tx.UpdateExtension(e));
    if (approve) {
      if (!t.original_due) t.original_due = t.due;
      t.due = e.requested_due;
      t.updated_at = now;
      DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
      // A recurring task's due follows its occurrences: the extension moves the open period's.
      DONDOC_RETURN_IF_ERROR(
          ExtendOpenOccurrence(tx, tenant_id_, t.id, e.previous_due, e.requested_due));
    }
    nlohmann::json after = StatusJson(t);
    after["extension_id"] = e.id;
    after["decision"] = domain::ExtensionStatusCode(e.status);
    return AppendAudit(tx, tenant_id_, &caller, now, "extension_decide", "task", t.id,
                       before.dump(), after.dump());
  }));
  return e;
}

Result<domain::Comment> Service::AddComment(const Caller& caller, Id task_id, std::string text) {
  DONDOC_RETURN_IF_ERROR(VisibleTask(caller, task_id).status());
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kComment));
  DONDOC_RETURN_IF_ERROR(CheckText(text, 10000, "comment", false));
  domain::Comment c;
  c.tenant_id = tenant_id_;
  c.task_id = task_id;
  c.user_id = caller.id();
  c.text = std::move(text);
  c.created_at = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(c.id, tx.AddComment(c));
    return AppendAudit(tx, tenant_id_, &caller, c.created_at, "task_comment", "task", task_id, "",
                       nlohmann::json{{"comment_id", c.id}}.dump());
  }));
  return c;
}

Result<domain::Attachment> Service::AddAttachment(const Caller& caller, Id task_id,
                                                  std::string filename, std::string mime,
                                                  const std::string& bytes) {
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, VisibleTask(caller, task_id));
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kAttach));
  if (caller.role() == domain::Role::kUnit && !ActsForTask(caller, t, true)) {
    return Status::PermissionDenied("Only a unit of this task may attach files to it.");
  }
  if (bytes.size() > options_.max_upload) return Status::TooLarge("The file is too large.");
  if (filename.empty()) filename = "file";
  DONDOC_RETURN_IF_ERROR(CheckText(filename, 255, "file name", false));
  if (mime.empty() || mime.size() > 200) mime = "application/octet-stream";
  domain::Attachment a;
  a.tenant_id = tenant_id_;
  a.owner_kind = "task";
  a.owner_id = task_id;
  a.filename = std::move(filename);
  a.mime = std::move(mime);
  a.uploaded_by = caller.id();
  a.created_at = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(a, tx.AddAttachment(a, bytes));
    return AppendAudit(
        tx, tenant_id_, &caller, a.created_at, "task_attach", "task", task_id, "",
        nlohmann::json{{"attachment_id", a.id}, {"filename", a.filename}, {"sha256", a.sha256}}
            .dump());
  }));
  return a;
}

Result<Service::File> Service::GetAttachment(const Caller& caller, Id attachment_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadTasks));
  File f;
  Result<domain::Attachment> a = store_.GetAttachment(tenant_id_, attachment_id);
  Status missing = Status::NotFound("No attachment " + std::to_string(attachment_id) + ".");
  if (!a.ok()) return a.status().code() == StatusCode::kNotFound ? missing : a.status();
  f.attachment = std::move(a).value();
  if (f.attachment.owner_kind == "task") {
    if (!VisibleTask(caller, f.attachment.owner_id).ok()) return missing;
  } else if (f.attachment.owner_kind == "report") {
    DONDOC_ASSIGN_OR_RETURN(domain::ProgressReport r,
                            store_.GetProgressReport(tenant_id_, f.attachment.owner_id));
    if (!VisibleTask(caller, r.task_id).ok()) return missing;
  } else if (!Authorize(caller, Action::kReadNotices).ok()) {
    return missing;
  }
  DONDOC_ASSIGN_OR_RETURN(f.bytes, store_.ReadBlob(tenant_id_, f.attachment.storage_key));
  return f;
}

Result<std::vector<domain::ScoreRow>> Service::Scorecards(const Caller& caller,
                                                          store::ScoreGroup by, text::Date as_of,
                                                          std::optional<Id> notice) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadScorecards));
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  store::ScoreFilter f;
  f.by = by;
  f.as_of = as_of;
  f.visible_unit_ids = caller.scope_units;
  f.notice_id = notice;
  return store_.Scorecards(tenant_id_, f);
}

Result<store::Page<domain::AuditEntry>> Service::Audit(const Caller& caller,
                                                       store::AuditFilter filter) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadAudit));
  filter.limit = std::clamp(filter.limit, 0, 500);
  filter.offset = std::max(filter.offset, 0);
  return store_.ListAudit(tenant_id_, filter);
}

}  // namespace dondoc::app
