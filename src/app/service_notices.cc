// Service: importing notices, reviewing their draft tasks, confirming them.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/occurrence_sync.h"
#include "app/service.h"
#include "notice/extract.h"
#include "notice/read.h"
#include "notice/unit_directory.h"
#include "text/utf8.h"

namespace dondoc::app {

namespace {

std::string CsvField(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// The store's units as a directory for the extractor.
Result<notice::UnitDirectory> DirectoryOf(const std::vector<domain::Unit>& units) {
  std::map<Id, std::string> names;
  for (const domain::Unit& u : units) names[u.id] = u.name;
  std::string csv = "name,aliases,kind,parent\n";
  for (const domain::Unit& u : units) {
    std::string aliases;
    for (const std::string& a : u.aliases) {
      if (!aliases.empty()) aliases += ";";
      aliases += a;
    }
    csv += CsvField(u.name) + "," + CsvField(aliases) + "," + CsvField(u.kind) + "," +
           CsvField(u.parent_id ? names[*u.parent_id] : "") + "\n";
  }
  return notice::UnitDirectory::FromCsv(csv);
}

domain::Deadline DeadlineOf(const notice::Deadline& d) {
  domain::Deadline out;
  switch (d.kind) {
    case notice::Deadline::Kind::kNone:
      out.kind = domain::DeadlineKind::kNone;
      break;
    case notice::Deadline::Kind::kDate:
      out.kind = domain::DeadlineKind::kDate;
      break;
    case notice::Deadline::Kind::kRecurring:
      out.kind = domain::DeadlineKind::kRecurring;
      break;
    case notice::Deadline::Kind::kOngoing:
      out.kind = domain::DeadlineKind::kOngoing;
      break;
  }
  switch (d.every) {
    case notice::Deadline::Every::kWeek:
      out.every = domain::Every::kWeek;
      break;
    case notice::Deadline::Every::kMonth:
      out.every = domain::Every::kMonth;
      break;
    case notice::Deadline::Every::kQuarter:
      out.every = domain::Every::kQuarter;
      break;
    case notice::Deadline::Every::kYear:
      out.every = domain::Every::kYear;
      break;
  }
  out.date = d.date;
  out.phrase = d.phrase;
  return out;
}

// The due date a deadline sets: its date (a recurring task's first milestone, if any).
std::optional<text::Date> DueOf(const domain::Deadline& d) {
  if (d.kind == domain::DeadlineKind::kDate || d.kind == domain::DeadlineKind::kRecurring) {
    return d.date;
  }
  return std::nullopt;
}

nlohmann::json TaskAuditJson(const domain::Task& t) {
  nlohmann::json j = {{"text", t.text},
                      {"section", t.section},
                      {"lead", t.lead_unit_ids},
                      {"support", t.support_unit_ids},
                      {"deadline_kind", domain::DeadlineKindCode(t.deadline.kind)},
                      {"status", domain::StoredStatusCode(t.status)},
                      {"progress", t.progress}};
  j["due"] = t.due ? nlohmann::json(t.due->ToIso()) : nlohmann::json(nullptr);
  return j;
}

Status CheckTaskText(const std::string& text) {
  if (text.empty() || text.size() > 20000 || !text::IsValidUtf8(text)) {
    return Status::InvalidArgument("A task needs a text of 1 to 20000 bytes of UTF-8.");
  }
  return Status::Ok();
}

void Dedupe(std::vector<Id>* ids) {
  std::vector<Id> out;
  for (Id id : *ids) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  *ids = std::move(out);
}

}  // namespace

Result<ImportResult> Service::ImportNotice(const Caller* caller, std::string_view bytes,
                                           std::string filename) {
  if (caller != nullptr) DONDOC_RETURN_IF_ERROR(Authorize(*caller, Action::kImportNotice));
  if (bytes.size() > options_.max_upload) {
    return Status::TooLarge("The file is larger than the upload limit.");
  }
  if (bytes.empty()) return Status::InvalidArgument("The document is empty.");
  if (filename.empty()) filename = "notice.txt";
  if (filename.size() > 255 || !text::IsValidUtf8(filename)) {
    return Status::InvalidArgument("The file name is too long or not UTF-8.");
  }
  DONDOC_ASSIGN_OR_RETURN(notice::RawDocument raw, notice::ReadDocument(bytes, filename));
  ImportResult out;
  Result<domain::Notice> existing = store_.FindNoticeBySha256(tenant_id_, raw.sha256);
  if (existing.ok()) {
    out.duplicate_of = existing->id;
    out.notice = std::move(existing).value();
    return out;
  }
  if (existing.status().code() != StatusCode::kNotFound) return existing.status();

  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> units, store_.ListUnits(tenant_id_));
  DONDOC_ASSIGN_OR_RETURN(notice::UnitDirectory dir, DirectoryOf(units));
  notice::ExtractOptions options;
  options.units = &dir;
  notice::Notice n = notice::Extract(raw, options);
  n.source.path = filename;
  if (n.tasks.empty()) return Status::InvalidArgument("No task was found in this document.");
  std::string json_text = notice::NoticeToJson(n, -1);
  nlohmann::json extraction = nlohmann::json::parse(json_text, nullptr, false);

  std::map<std::string, Id> by_name;
  for (const domain::Unit& u : units) by_name[u.name] = u.id;
  auto unit_id = [&](const notice::UnitRef& ref) -> std::optional<Id> {
    for (const std::string& s : {ref.name, ref.mention}) {
      auto it = by_name.find(s);
      if (it != by_name.end()) return it->second;
      std::optional<std::string> canonical = dir.Canonical(s);
      if (canonical) {
        it = by_name.find(*canonical);
        if (it != by_name.end()) return it->second;
      }
    }
    if (std::find(out.unmatched_units.begin(), out.unmatched_units.end(), ref.name) ==
        out.unmatched_units.end()) {
      out.unmatched_units.push_back(ref.name);
    }
    return std::nullopt;
  };

  const domain::Timestamp now = clock_.Now();
  domain::Notice& rec = out.notice;
  rec.tenant_id = tenant_id_;
  rec.status = domain::NoticeStatus::kDraft;
  rec.number = n.document.number;
  rec.date = n.document.date;
  rec.issuer = n.document.issuer;
  rec.type = n.document.type;
  rec.subject = n.document.subject;
  if (n.document.signer) rec.signer = n.document.signer->name;
  rec.text = n.text;
  rec.sha256 = raw.sha256;
  rec.filename = filename;
  rec.format = raw.format;
  rec.extraction_json = json_text;
  rec.created_by = caller != nullptr ? caller->id() : 0;
  rec.created_at = now;
  out.warnings = n.warnings;

  for (size_t i = 0; i < n.tasks.size(); ++i) {
    const notice::Task& t = n.tasks[i];
    domain::Task task;
    task.tenant_id = tenant_id_;
    task.draft = true;
    task.ref = t.id;
    task.section = t.section;
    task.text = t.text;
    task.span_start = t.span.start;
    task.span_end = t.span.end;
    task.deadline = DeadlineOf(t.deadline);
    task.due = DueOf(task.deadline);
    task.original_due = task.due;
    task.urgent = t.urgent;
    if (extraction.is_object() && extraction.contains("tasks") && i < extraction["tasks"].size()) {
      const nlohmann::json& jt = extraction["tasks"][i];
      if (jt.contains("targets")) task.targets_json = jt["targets"].dump();
    }
    for (const notice::UnitRef& ref : t.lead) {
      if (auto id = unit_id(ref)) task.lead_unit_ids.push_back(*id);
    }
    for (const notice::UnitRef& ref : t.support) {
      if (auto id = unit_id(ref)) task.support_unit_ids.push_back(*id);
    }
    Dedupe(&task.lead_unit_ids);
    Dedupe(&task.support_unit_ids);
    std::erase_if(task.support_unit_ids, [&](Id id) {
      return std::find(task.lead_unit_ids.begin(), task.lead_unit_ids.end(), id) !=
             task.lead_unit_ids.end();
    });
    task.created_at = now;
    task.updated_at = now;
    out.tasks.push_back(std::move(task));
  }

  Status st = store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(rec.id, tx.CreateNotice(rec));
    domain::Attachment original;
    original.tenant_id = tenant_id_;
    original.owner_kind = "notice";
    original.owner_id = rec.id;
    original.filename = filename;
    original.mime = "application/octet-stream";
    original.uploaded_by = rec.created_by;
    original.created_at = now;
    DONDOC_ASSIGN_OR_RETURN(domain::Attachment stored,
                            tx.AddAttachment(original, std::string(bytes)));
    rec.original_attachment_id = stored.id;
    DONDOC_RETURN_IF_ERROR(tx.UpdateNotice(rec));
    for (domain::Task& task : out.tasks) {
      task.notice_id = rec.id;
      DONDOC_ASSIGN_OR_RETURN(task.id, tx.CreateTask(task));
    }
    return AppendAudit(
        tx, tenant_id_, caller, now, "notice_import", "notice", rec.id, "",
        nlohmann::json{{"filename", filename}, {"sha256", rec.sha256}, {"tasks", out.tasks.size()}}
            .dump());
  });
  if (st.code() == StatusCode::kAlreadyExists) {
    // Imported by someone else meanwhile.
    Result<domain::Notice> again = store_.FindNoticeBySha256(tenant_id_, raw.sha256);
    if (again.ok()) {
      ImportResult dup;
      dup.duplicate_of = again->id;
      dup.notice = std::move(again).value();
      return dup;
    }
  }
  DONDOC_RETURN_IF_ERROR(st);
  return out;
}

Result<store::Page<domain::Notice>> Service::ListNotices(const Caller& caller,
                                                         const store::NoticeFilter& filter) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadNotices));
  store::NoticeFilter f = filter;
  if (!SeesDrafts(caller)) f.status = domain::NoticeStatus::kActive;
  return store_.ListNotices(tenant_id_, f);
}

Result<NoticeView> Service::GetNotice(const Caller& caller, Id notice_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadNotices));
  NoticeView v;
  DONDOC_ASSIGN_OR_RETURN(v.notice, store_.GetNotice(tenant_id_, notice_id));
  if (v.notice.status == domain::NoticeStatus::kDraft && !SeesDrafts(caller)) {
    return Status::NotFound("No notice " + std::to_string(notice_id) + ".");
  }
  DONDOC_ASSIGN_OR_RETURN(v.tasks, store_.ListNoticeTasks(tenant_id_, notice_id));
  return v;
}

Result<NoticeView> Service::ConfirmNotice(const Caller* caller, Id notice_id) {
  if (caller != nullptr) DONDOC_RETURN_IF_ERROR(Authorize(*caller, Action::kConfirmNotice));
  const domain::Timestamp now = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Notice n, tx.GetNotice(tenant_id_, notice_id));
    if (n.status != domain::NoticeStatus::kDraft) {
      return Status::Conflict("This notice is already confirmed.");
    }
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                            tx.ListNoticeTasks(tenant_id_, notice_id));
    if (tasks.empty()) return Status::Conflict("A notice without tasks cannot be confirmed.");
    DONDOC_RETURN_IF_ERROR(tx.ActivateNotice(tenant_id_, notice_id, now));
    DONDOC_ASSIGN_OR_RETURN(text::HolidayCalendar calendar, TenantCalendar(tx, tenant_id_));
    for (const domain::Task& t : tasks) {
      if (t.deadline.kind != domain::DeadlineKind::kRecurring) continue;
      DONDOC_RETURN_IF_ERROR(
          SyncTaskOccurrences(tx, tenant_id_, t.id, clock_.Today(), calendar, now).status());
    }
    return AppendAudit(tx, tenant_id_, caller, now, "notice_confirm", "notice", notice_id,
                       "{\"status\":\"draft\"}",
                       nlohmann::json{{"status", "active"}, {"tasks", tasks.size()}}.dump());
  }));
  NoticeView v;
  DONDOC_ASSIGN_OR_RETURN(v.notice, store_.GetNotice(tenant_id_, notice_id));
  DONDOC_ASSIGN_OR_RETURN(v.tasks, store_.ListNoticeTasks(tenant_id_, notice_id));
  return v;
}

Status Service::DeleteDraftNotice(const Caller& caller, Id notice_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kEditDraft));
  return store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Notice n, tx.GetNotice(tenant_id_, notice_id));
    DONDOC_RETURN_IF_ERROR(tx.DeleteDraftNotice(tenant_id_, notice_id));
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "notice_delete", "notice", notice_id,
                       nlohmann::json{{"sha256", n.sha256}}.dump(), "");
  });
}

Result<domain::Task> Service::DraftTaskForEdit(const Caller& caller, store::StoreReader& r,
                                               Id task_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kEditDraft));
  DONDOC_ASSIGN_OR_RETURN(domain::Task t, r.GetTask(tenant_id_, task_id));
  if (!t.draft) {
    return Status::Conflict("Only tasks of a draft notice can be edited this way.");
  }
  return t;
}

namespace {

Status ApplyPatch(store::StoreReader& r, Id tenant_id, const TaskPatch& p, domain::Task* t) {
  if (p.text) {
    DONDOC_RETURN_IF_ERROR(CheckTaskText(*p.text));
    t->text = *p.text;
  }
  if (p.section) t->section = *p.section;
  auto check_units = [&](const std::vector<Id>& ids) -> Status {
    for (Id id : ids) {
      if (!r.GetUnit(tenant_id, id).ok()) {
        return Status::InvalidArgument("No unit " + std::to_string(id) + ".");
      }
    }
    return Status::Ok();
  };
  if (p.lead) {
    DONDOC_RETURN_IF_ERROR(check_units(*p.lead));
    t->lead_unit_ids = *p.lead;
  }
  if (p.support) {
    DONDOC_RETURN_IF_ERROR(check_units(*p.support));
    t->support_unit_ids = *p.support;
  }
  Dedupe(&t->lead_unit_ids);
  Dedupe(&t->support_unit_ids);
  std::erase_if(t->support_unit_ids, [&](Id id) {
    return std::find(t->lead_unit_ids.begin(), t->lead_unit_ids.end(), id) !=
           t->lead_unit_ids.end();
  });
  if (p.deadline) {
    if (p.deadline->kind == domain::DeadlineKind::kDate && !p.deadline->date) {
      return Status::InvalidArgument("A deadline of kind \"date\" needs a date.");
    }
    t->deadline = *p.deadline;
    t->due = DueOf(t->deadline);
    t->original_due = t->due;
  }
  return Status::Ok();
}

}  // namespace

Result<domain::Task> Service::AddDraftTask(const Caller& caller, Id notice_id,
                                           const TaskPatch& patch) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kEditDraft));
  if (!patch.text) return Status::InvalidArgument("A new task needs a text.");
  domain::Task t;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Notice n, tx.GetNotice(tenant_id_, notice_id));
    if (n.status != domain::NoticeStatus::kDraft) {
      return Status::Conflict("Tasks can be added only to a draft notice.");
    }
    t.tenant_id = tenant_id_;
    t.notice_id = notice_id;
    t.draft = true;
    t.created_at = t.updated_at = clock_.Now();
    DONDOC_RETURN_IF_ERROR(ApplyPatch(tx, tenant_id_, patch, &t));
    DONDOC_ASSIGN_OR_RETURN(t.id, tx.CreateTask(t));
    return AppendAudit(tx, tenant_id_, &caller, t.created_at, "task_add", "task", t.id, "",
                       TaskAuditJson(t).dump());
  }));
  return t;
}

Result<domain::Task> Service::EditDraftTask(const Caller& caller, Id task_id,
                                            const TaskPatch& patch) {
  domain::Task t;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(t, DraftTaskForEdit(caller, tx, task_id));
    nlohmann::json before = TaskAuditJson(t);
    DONDOC_RETURN_IF_ERROR(ApplyPatch(tx, tenant_id_, patch, &t));
    t.updated_at = clock_.Now();
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
    return AppendAudit(tx, tenant_id_, &caller, t.updated_at, "task_edit", "task", t.id,
                       before.dump(), TaskAuditJson(t).dump());
  }));
  return t;
}

Status Service::DeleteDraftTask(const Caller& caller, Id task_id) {
  return store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Task t, DraftTaskForEdit(caller, tx, task_id));
    DONDOC_RETURN_IF_ERROR(tx.DeleteTask(tenant_id_, task_id));
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "task_delete", "task", task_id,
                       TaskAuditJson(t).dump(), "");
  });
}

Result<std::vector<domain::Task>> Service::SplitDraftTask(const Caller& caller, Id task_id,
                                                          const std::vector<std::string>& texts) {
  if (texts.size() < 2 || texts.size() > 50) {
    return Status::InvalidArgument("A split needs 2 to 50 texts.");
  }
  for (const std::string& s : texts) DONDOC_RETURN_IF_ERROR(CheckTaskText(s));
  std::vector<domain::Task> out;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Task t, DraftTaskForEdit(caller, tx, task_id));
    nlohmann::json before = TaskAuditJson(t);
    const domain::Timestamp now = clock_.Now();
    domain::Task first = t;
    first.text = texts[0];
    first.updated_at = now;
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(first));
    out.push_back(first);
    std::vector<Id> new_ids;
    for (size_t i = 1; i < texts.size(); ++i) {
      domain::Task part = t;
      part.id = 0;
      part.text = texts[i];
      part.ref = t.ref.empty() ? "" : t.ref + "." + std::to_string(i + 1);
      part.created_at = part.updated_at = now;
      DONDOC_ASSIGN_OR_RETURN(part.id, tx.CreateTask(part));
      new_ids.push_back(part.id);
      out.push_back(part);
    }
    return AppendAudit(tx, tenant_id_, &caller, now, "task_split", "task", task_id, before.dump(),
                       nlohmann::json{{"texts", texts}, {"new_task_ids", new_ids}}.dump());
  }));
  return out;
}

Result<domain::Task> Service::MergeDraftTasks(const Caller& caller,
                                              const std::vector<Id>& task_ids) {
  if (task_ids.size() < 2 || task_ids.size() > 50) {
    return Status::InvalidArgument("A merge needs 2 to 50 tasks.");
  }
  domain::Task merged;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    std::vector<domain::Task> tasks;
    for (Id id : task_ids) {
      DONDOC_ASSIGN_OR_RETURN(domain::Task t, DraftTaskForEdit(caller, tx, id));
      if (!tasks.empty() && t.notice_id != tasks.front().notice_id) {
        return Status::InvalidArgument("Only tasks of one notice can be merged.");
      }
      if (!tasks.empty() && t.id == tasks.front().id) {
        return Status::InvalidArgument("A task cannot be merged with itself.");
      }
      tasks.push_back(std::move(t));
    }
    merged = tasks.front();
    for (size_t i = 1; i < tasks.size(); ++i) {
      merged.text += "\n" + tasks[i].text;
      merged.span_end = std::max(merged.span_end, tasks[i].span_end);
      merged.lead_unit_ids.insert(merged.lead_unit_ids.end(), tasks[i].lead_unit_ids.begin(),
                                  tasks[i].lead_unit_ids.end());
      merged.support_unit_ids.insert(merged.support_unit_ids.end(),
                                     tasks[i].support_unit_ids.begin(),
                                     tasks[i].support_unit_ids.end());
      DONDOC_RETURN_IF_ERROR(tx.DeleteTask(tenant_id_, tasks[i].id));
    }
    TaskPatch none;
    DONDOC_RETURN_IF_ERROR(ApplyPatch(tx, tenant_id_, none, &merged));  // dedupes units
    merged.updated_at = clock_.Now();
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(merged));
    return AppendAudit(tx, tenant_id_, &caller, merged.updated_at, "task_merge", "task", merged.id,
                       nlohmann::json{{"task_ids", task_ids}}.dump(), TaskAuditJson(merged).dump());
  }));
  return merged;
}

}  // namespace dondoc::app
