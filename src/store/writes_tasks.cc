// Writes of notices, tasks (with their units and full-text entries) and task activity.
#include <sodium.h>

#include <set>

#include "store/rows.h"
#include "store/writes.h"

namespace dondoc::store::writes {

namespace {

Status ExpectChanged(Db& db, const std::string& what) {
  if (db.Changes() == 0) return Status::NotFound(what + " not found");
  return Status::Ok();
}

// Sets the FTS entry of row `id`. `fresh`: the row is new (ids are never reused), so there is no
// previous entry to remove.
Status PutFts(Db& db, const char* table, Id tenant_id, Id id, const std::string& text,
              bool fresh = false) {
  if (!fresh) {
    DONDOC_ASSIGN_OR_RETURN(Stmt d,
                            db.Prepare(std::string("DELETE FROM ") + table + " WHERE rowid = ?1"));
    DONDOC_RETURN_IF_ERROR(d.Bind(1, FtsRowid(tenant_id, id)).Run());
  }
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare(std::string("INSERT INTO ") + table + " (rowid, text) VALUES (?1, ?2)"));
  return s.Bind(1, FtsRowid(tenant_id, id)).Bind(2, text).Run();
}

Status DeleteFts(Db& db, const char* table, Id tenant_id, Id id) {
  DONDOC_ASSIGN_OR_RETURN(Stmt d,
                          db.Prepare(std::string("DELETE FROM ") + table + " WHERE rowid = ?1"));
  return d.Bind(1, FtsRowid(tenant_id, id)).Run();
}

// Replaces the task's units and moves its units_version (migration 4), which tells a reader's
// earlier copy of the units from the row's.
Status ReplaceTaskUnits(Db& db, const domain::Task& t, bool fresh = false) {
  std::set<Id> lead(t.lead_unit_ids.begin(), t.lead_unit_ids.end());
  for (Id u : t.support_unit_ids) {
    if (lead.count(u)) {
      return Status::InvalidArgument("a unit cannot be both lead and support of a task");
    }
  }
  if (!fresh) {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt d, db.Prepare("DELETE FROM task_units WHERE tenant_id = ?1 AND task_id = ?2"));
    DONDOC_RETURN_IF_ERROR(d.Bind(1, t.tenant_id).Bind(2, t.id).Run());
  }
  auto insert = [&](const std::vector<Id>& ids, const char* role) -> Status {
    int position = 0;
    for (Id u : ids) {
      DONDOC_ASSIGN_OR_RETURN(
          Stmt s, db.Prepare("INSERT INTO task_units (tenant_id, unit_id, task_id, role, "
                             "position, notice_id, draft, status, due, done_date, start_date, "
                             "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                             "?12) ON CONFLICT DO NOTHING"));
      DONDOC_RETURN_IF_ERROR(s.Bind(1, t.tenant_id)
                                 .Bind(2, u)
                                 .Bind(3, t.id)
                                 .Bind(4, role)
                                 .Bind(5, position++)
                                 .Bind(6, t.notice_id)
                                 .Bind(7, t.draft)
                                 .Bind(8, domain::StoredStatusCode(t.status))
                                 .Bind(9, t.due)
                                 .Bind(10, t.done_date)
                                 .Bind(11, t.start_date)
                                 .Bind(12, t.updated_at)
                                 .Run());
    }
    return Status::Ok();
  };
  DONDOC_RETURN_IF_ERROR(insert(t.lead_unit_ids, "lead"));
  DONDOC_RETURN_IF_ERROR(insert(t.support_unit_ids, "support"));
  DONDOC_ASSIGN_OR_RETURN(Stmt v, db.Prepare("UPDATE tasks SET units_version = units_version + 1 "
                                             "WHERE tenant_id = ?1 AND id = ?2"));
  return v.Bind(1, t.tenant_id).Bind(2, t.id).Run();
}

// Binds every task column but tenant_id (1) and id (2), from parameter 3 on.
void BindTaskColumns(Stmt& s, const domain::Task& t) {
  s.Bind(3, t.notice_id)
      .Bind(4, t.draft)
      .Bind(5, t.ref)
      .Bind(6, t.section)
      .Bind(7, t.text)
      .Bind(8, static_cast<std::int64_t>(t.span_start))
      .Bind(9, static_cast<std::int64_t>(t.span_end))
      .Bind(10, domain::DeadlineKindCode(t.deadline.kind))
      .Bind(11, t.deadline.date)
      .Bind(12, domain::EveryCode(t.deadline.every))
      .Bind(13, t.deadline.phrase)
      .Bind(14, t.start_date)
      .Bind(15, t.original_due)
      .Bind(16, t.due)
      .Bind(17, t.targets_json)
      .Bind(18, t.urgent)
      .Bind(19, domain::StoredStatusCode(t.status))
      .Bind(20, t.done_date)
      .Bind(21, t.progress)
      .Bind(22, t.created_at)
      .Bind(23, t.updated_at);
}

void BindNoticeColumns(Stmt& s, const domain::Notice& n) {
  s.Bind(3, domain::NoticeStatusCode(n.status))
      .Bind(4, n.number)
      .Bind(5, n.date)
      .Bind(6, n.issuer)
      .Bind(7, n.type)
      .Bind(8, n.subject)
      .Bind(9, n.signer)
      .Bind(10, n.text)
      .Bind(11, n.sha256)
      .Bind(12, n.filename)
      .Bind(13, n.format)
      .Bind(14, n.extraction_json)
      .Bind(15, n.original_attachment_id)
      .Bind(16, n.created_by)
      .Bind(17, n.created_at)
      .Bind(18, n.confirmed_at);
}

Result<std::string> NoticeStatusOf(Db& db, Id tenant_id, Id notice_id) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT status FROM notices WHERE tenant_id = ?1 AND id = ?2"));
  s.Bind(1, tenant_id).Bind(2, notice_id);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("notice " + std::to_string(notice_id) + " not found");
  return s.Text(0);
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : digest) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

// Occurrences belong to recurring tasks only (CreateOccurrence, UpdateTask): a task read
// looks them up for those alone (reads::GetTaskDetail).
bool IsRecurring(std::string_view deadline_kind_code) {
  return deadline_kind_code == domain::DeadlineKindCode(domain::DeadlineKind::kRecurring);
}

Result<bool> HasOccurrences(Db& db, Id tenant_id, Id task_id) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s,
      db.Prepare("SELECT 1 FROM occurrences WHERE tenant_id = ?1 AND task_id = ?2 LIMIT 1"));
  s.Bind(1, tenant_id).Bind(2, task_id);
  return s.Step();
}

}  // namespace

Result<Id> CreateNotice(Db& db, const domain::Notice& n) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, n.tenant_id, "notices"));
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("INSERT INTO notices (tenant_id, id, status, number, date, issuer, "
                           "type, subject, signer, text, sha256, filename, format, "
                           "extraction_json, original_attachment_id, created_by, created_at, "
                           "confirmed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                           "?12, ?13, ?14, ?15, ?16, ?17, ?18)"));
    s.Bind(1, n.tenant_id).Bind(2, id);
    BindNoticeColumns(s, n);
    Status st = s.Run();
    if (st.code() == StatusCode::kAlreadyExists) {
      return Status::AlreadyExists("a notice with the same file already exists");
    }
    DONDOC_RETURN_IF_ERROR(st);
  }
  DONDOC_RETURN_IF_ERROR(PutFts(db, "notice_fts", n.tenant_id, id, n.text, /*fresh=*/true));
  return id;
}

Status UpdateNotice(Db& db, const domain::Notice& n) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("UPDATE notices SET status = ?3, number = ?4, date = ?5, issuer = ?6, "
                           "type = ?7, subject = ?8, signer = ?9, text = ?10, sha256 = ?11, "
                           "filename = ?12, format = ?13, extraction_json = ?14, "
                           "original_attachment_id = ?15, created_by = ?16, created_at = ?17, "
                           "confirmed_at = ?18 WHERE tenant_id = ?1 AND id = ?2"));
    s.Bind(1, n.tenant_id).Bind(2, n.id);
    BindNoticeColumns(s, n);
    DONDOC_RETURN_IF_ERROR(s.Run());
  }
  DONDOC_RETURN_IF_ERROR(ExpectChanged(db, "notice"));
  return PutFts(db, "notice_fts", n.tenant_id, n.id, n.text);
}

Status ActivateNotice(Db& db, Id tenant_id, Id notice_id, Timestamp at) {
  DONDOC_ASSIGN_OR_RETURN(std::string status, NoticeStatusOf(db, tenant_id, notice_id));
  if (status != "draft") return Status::Conflict("the notice is already confirmed");
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("UPDATE notices SET status = 'active', "
                                               "confirmed_at = ?3 WHERE tenant_id = ?1 AND id = "
                                               "?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, notice_id).Bind(3, at).Run());
  }
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("UPDATE tasks SET draft = 0, updated_at = ?3 WHERE "
                                               "tenant_id = ?1 AND notice_id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, notice_id).Bind(3, at).Run());
  }
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("UPDATE task_units SET draft = 0, updated_at = ?3 WHERE tenant_id = ?1 "
                         "AND task_id IN (SELECT id FROM tasks WHERE tenant_id = ?1 AND "
                         "notice_id = ?2)"));
  return s.Bind(1, tenant_id).Bind(2, notice_id).Bind(3, at).Run();
}

Status DeleteDraftNotice(Db& db, Id tenant_id, Id notice_id) {
  DONDOC_ASSIGN_OR_RETURN(std::string status, NoticeStatusOf(db, tenant_id, notice_id));
  if (status != "draft") return Status::Conflict("a confirmed notice cannot be deleted");
  std::vector<Id> task_ids;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT id FROM tasks WHERE tenant_id = ?1 AND notice_id = ?2"));
    s.Bind(1, tenant_id).Bind(2, notice_id);
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      task_ids.push_back(s.Int(0));
    }
  }
  for (Id t : task_ids) DONDOC_RETURN_IF_ERROR(DeleteTask(db, tenant_id, t));
  DONDOC_RETURN_IF_ERROR(DeleteFts(db, "notice_fts", tenant_id, notice_id));
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("DELETE FROM notices WHERE tenant_id = ?1 AND id = ?2"));
  return s.Bind(1, tenant_id).Bind(2, notice_id).Run();
}

Result<Id> CreateTask(Db& db, const domain::Task& in) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, in.tenant_id, "tasks"));
  domain::Task t = in;
  t.id = id;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("INSERT INTO tasks (tenant_id, id, notice_id, draft, ref, section, "
                           "text, span_start, span_end, deadline_kind, deadline_date, "
                           "deadline_every, deadline_phrase, start_date, original_due, due, "
                           "targets_json, urgent, status, done_date, progress, created_at, "
                           "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                           "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)"));
    s.Bind(1, t.tenant_id).Bind(2, id);
    BindTaskColumns(s, t);
    DONDOC_RETURN_IF_ERROR(s.Run());
  }
  DONDOC_RETURN_IF_ERROR(ReplaceTaskUnits(db, t, /*fresh=*/true));
  DONDOC_RETURN_IF_ERROR(PutFts(db, "task_fts", t.tenant_id, id, t.text, /*fresh=*/true));
  return id;
}

Status UpdateTask(Db& db, const domain::Task& t) {
  // What is stored now decides which derived rows need rewriting: the FTS entry only when the
  // text changed, the task_units rows only when the units changed (else their copied columns).
  std::string old_text;
  bool was_recurring = false;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s,
        db.Prepare("SELECT text, deadline_kind FROM tasks WHERE tenant_id = ?1 AND id = ?2"));
    s.Bind(1, t.tenant_id).Bind(2, t.id);
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::NotFound("task not found");
    old_text = s.Text(0);
    was_recurring = IsRecurring(s.Text(1));
  }
  if (was_recurring && t.deadline.kind != domain::DeadlineKind::kRecurring) {
    DONDOC_ASSIGN_OR_RETURN(bool has, HasOccurrences(db, t.tenant_id, t.id));
    if (has) return Status::Conflict("a task with occurrences stays recurring");
  }
  std::vector<domain::Task> old_units(1);
  old_units[0].id = t.id;
  DONDOC_RETURN_IF_ERROR(LoadTaskUnits(db, t.tenant_id, &old_units));
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("UPDATE tasks SET notice_id = ?3, draft = ?4, ref = ?5, section = ?6, "
                           "text = ?7, span_start = ?8, span_end = ?9, deadline_kind = ?10, "
                           "deadline_date = ?11, deadline_every = ?12, deadline_phrase = ?13, "
                           "start_date = ?14, original_due = ?15, due = ?16, targets_json = ?17, "
                           "urgent = ?18, status = ?19, done_date = ?20, progress = ?21, "
                           "created_at = ?22, updated_at = ?23 WHERE tenant_id = ?1 AND id = ?2"));
    s.Bind(1, t.tenant_id).Bind(2, t.id);
    BindTaskColumns(s, t);
    DONDOC_RETURN_IF_ERROR(s.Run());
  }
  DONDOC_RETURN_IF_ERROR(ExpectChanged(db, "task"));
  if (old_units[0].lead_unit_ids != t.lead_unit_ids ||
      old_units[0].support_unit_ids != t.support_unit_ids) {
    DONDOC_RETURN_IF_ERROR(ReplaceTaskUnits(db, t));
  } else {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("UPDATE task_units SET notice_id = ?3, draft = ?4, status = ?5, due = "
                           "?6, done_date = ?7, start_date = ?8, updated_at = ?9 WHERE tenant_id "
                           "= ?1 AND task_id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, t.tenant_id)
                               .Bind(2, t.id)
                               .Bind(3, t.notice_id)
                               .Bind(4, t.draft)
                               .Bind(5, domain::StoredStatusCode(t.status))
                               .Bind(6, t.due)
                               .Bind(7, t.done_date)
                               .Bind(8, t.start_date)
                               .Bind(9, t.updated_at)
                               .Run());
  }
  if (old_text == t.text) return Status::Ok();
  return PutFts(db, "task_fts", t.tenant_id, t.id, t.text);
}

Status DeleteTask(Db& db, Id tenant_id, Id task_id) {
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s,
                            db.Prepare("DELETE FROM tasks WHERE tenant_id = ?1 AND id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, task_id).Run());
  }
  DONDOC_RETURN_IF_ERROR(ExpectChanged(db, "task"));
  return DeleteFts(db, "task_fts", tenant_id, task_id);
}

Result<Id> CreateOccurrence(Db& db, const domain::Occurrence& o) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT deadline_kind FROM tasks WHERE tenant_id = ?1 AND id = ?2"));
    s.Bind(1, o.tenant_id).Bind(2, o.task_id);
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::NotFound("task not found");
    if (!IsRecurring(s.Text(0))) return Status::Conflict("only a recurring task has occurrences");
  }
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, o.tenant_id, "occurrences"));
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO occurrences (tenant_id, id, task_id, period_start, "
                         "period_end, due, done_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, o.tenant_id)
                             .Bind(2, id)
                             .Bind(3, o.task_id)
                             .Bind(4, o.period_start)
                             .Bind(5, o.period_end)
                             .Bind(6, o.due)
                             .Bind(7, o.done_date)
                             .Run());
  return id;
}

Status UpdateOccurrence(Db& db, const domain::Occurrence& o) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("UPDATE occurrences SET period_start = ?3, period_end = ?4, due = ?5, "
                           "done_date = ?6 WHERE tenant_id = ?1 AND id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, o.tenant_id)
                               .Bind(2, o.id)
                               .Bind(3, o.period_start)
                               .Bind(4, o.period_end)
                               .Bind(5, o.due)
                               .Bind(6, o.done_date)
                               .Run());
  }
  return ExpectChanged(db, "occurrence");
}

Result<Id> AddProgressReport(Db& db, const domain::ProgressReport& r) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, r.tenant_id, "progress_reports"));
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO progress_reports (tenant_id, id, task_id, occurrence_id, "
                         "unit_id, user_id, text, percent, done, created_at) VALUES (?1, ?2, ?3, "
                         "?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, r.tenant_id)
                             .Bind(2, id)
                             .Bind(3, r.task_id)
                             .Bind(4, r.occurrence_id)
                             .Bind(5, r.unit_id)
                             .Bind(6, r.user_id)
                             .Bind(7, r.text)
                             .Bind(8, r.percent)
                             .Bind(9, r.done)
                             .Bind(10, r.created_at)
                             .Run());
  return id;
}

Result<Id> CreateExtension(Db& db, const domain::Extension& e) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, e.tenant_id, "extensions"));
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO extensions (tenant_id, id, task_id, requested_by, reason, "
                         "requested_due, previous_due, status, decided_by, decision_note, "
                         "created_at, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                         "?10, ?11, ?12)"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, e.tenant_id)
                             .Bind(2, id)
                             .Bind(3, e.task_id)
                             .Bind(4, e.requested_by)
                             .Bind(5, e.reason)
                             .Bind(6, e.requested_due)
                             .Bind(7, e.previous_due)
                             .Bind(8, domain::ExtensionStatusCode(e.status))
                             .Bind(9, e.decided_by)
                             .Bind(10, e.decision_note)
                             .Bind(11, e.created_at)
                             .Bind(12, e.decided_at)
                             .Run());
  return id;
}

Status UpdateExtension(Db& db, const domain::Extension& e) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("UPDATE extensions SET status = ?3, decided_by = ?4, decision_note = "
                           "?5, decided_at = ?6, requested_due = ?7, reason = ?8 WHERE "
                           "tenant_id = ?1 AND id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, e.tenant_id)
                               .Bind(2, e.id)
                               .Bind(3, domain::ExtensionStatusCode(e.status))
                               .Bind(4, e.decided_by)
                               .Bind(5, e.decision_note)
                               .Bind(6, e.decided_at)
                               .Bind(7, e.requested_due)
                               .Bind(8, e.reason)
                               .Run());
  }
  return ExpectChanged(db, "extension");
}

Result<Id> AddComment(Db& db, const domain::Comment& c) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, c.tenant_id, "comments"));
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("INSERT INTO comments (tenant_id, id, task_id, user_id, text, "
                                     "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, c.tenant_id)
                             .Bind(2, id)
                             .Bind(3, c.task_id)
                             .Bind(4, c.user_id)
                             .Bind(5, c.text)
                             .Bind(6, c.created_at)
                             .Run());
  return id;
}

Result<domain::Attachment> AddAttachment(Db& db, const domain::Attachment& in,
                                         const std::string& bytes) {
  domain::Attachment a = in;
  a.sha256 = Sha256Hex(bytes);
  a.size = static_cast<std::int64_t>(bytes.size());
  a.storage_key = "sha256:" + a.sha256;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("INSERT INTO blobs (tenant_id, storage_key, size, data) VALUES (?1, "
                           "?2, ?3, ?4) ON CONFLICT DO NOTHING"));
    DONDOC_RETURN_IF_ERROR(
        s.Bind(1, a.tenant_id).Bind(2, a.storage_key).Bind(3, a.size).BindBlob(4, bytes).Run());
  }
  DONDOC_ASSIGN_OR_RETURN(a.id, NextId(db, a.tenant_id, "attachments"));
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO attachments (tenant_id, id, owner_kind, owner_id, "
                         "filename, mime, size, sha256, storage_key, uploaded_by, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, a.tenant_id)
                             .Bind(2, a.id)
                             .Bind(3, a.owner_kind)
                             .Bind(4, a.owner_id)
                             .Bind(5, a.filename)
                             .Bind(6, a.mime)
                             .Bind(7, a.size)
                             .Bind(8, a.sha256)
                             .Bind(9, a.storage_key)
                             .Bind(10, a.uploaded_by)
                             .Bind(11, a.created_at)
                             .Run());
  return a;
}

Result<Id> AppendAudit(Db& db, const domain::AuditEntry& e) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, e.tenant_id, "audit_log"));
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO audit_log (tenant_id, id, user_id, at, action, entity, "
                         "entity_id, before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                         "?8, ?9)"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, e.tenant_id)
                             .Bind(2, id)
                             .Bind(3, e.user_id)
                             .Bind(4, e.at)
                             .Bind(5, e.action)
                             .Bind(6, e.entity)
                             .Bind(7, e.entity_id)
                             .Bind(8, e.before_json)
                             .Bind(9, e.after_json)
                             .Run());
  return id;
}

}  // namespace dondoc::store::writes
