#include "store/rows.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace dondoc::store {

using text::Date;

std::string IdsJson(const std::vector<Id>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  out += ']';
  return out;
}

const char* const kTaskCols =
    "t.tenant_id, t.id, t.notice_id, t.draft, t.ref, t.section, t.text, t.span_start, "
    "t.span_end, t.deadline_kind, t.deadline_date, t.deadline_every, t.deadline_phrase, "
    "t.start_date, t.original_due, t.due, t.targets_json, t.urgent, t.status, t.done_date, "
    "t.progress, t.created_at, t.updated_at";

domain::Task ReadTask(const Stmt& s) {
  domain::Task t;
  t.tenant_id = s.Int(0);
  t.id = s.Int(1);
  t.notice_id = s.Int(2);
  t.draft = s.Int(3) != 0;
  t.ref = s.Text(4);
  t.section = s.Text(5);
  t.text = s.Text(6);
  t.span_start = static_cast<long>(s.Int(7));
  t.span_end = static_cast<long>(s.Int(8));
  t.deadline.kind = domain::DeadlineKindFromCode(s.Text(9)).value_or(domain::DeadlineKind::kNone);
  t.deadline.date = s.OptDate(10);
  t.deadline.every = domain::EveryFromCode(s.Text(11)).value_or(domain::Every::kMonth);
  t.deadline.phrase = s.Text(12);
  t.start_date = s.OptDate(13);
  t.original_due = s.OptDate(14);
  t.due = s.OptDate(15);
  t.targets_json = s.Text(16);
  t.urgent = s.Int(17) != 0;
  t.status = domain::StoredStatusFromCode(s.Text(18)).value_or(domain::StoredStatus::kOpen);
  t.done_date = s.OptDate(19);
  t.progress = static_cast<int>(s.Int(20));
  t.created_at = s.Int(21);
  t.updated_at = s.Int(22);
  return t;
}

const char* const kNoticeCols =
    "n.tenant_id, n.id, n.status, n.number, n.date, n.issuer, n.type, n.subject, n.signer, "
    "n.sha256, n.filename, n.format, n.original_attachment_id, n.created_by, n.created_at, "
    "n.confirmed_at, n.text, n.extraction_json";
const char* const kNoticeListCols =
    "n.tenant_id, n.id, n.status, n.number, n.date, n.issuer, n.type, n.subject, n.signer, "
    "n.sha256, n.filename, n.format, n.original_attachment_id, n.created_by, n.created_at, "
    "n.confirmed_at";

domain::Notice ReadNotice(const Stmt& s, bool with_content) {
  domain::Notice n;
  n.tenant_id = s.Int(0);
  n.id = s.Int(1);
  n.status = domain::NoticeStatusFromCode(s.Text(2)).value_or(domain::NoticeStatus::kDraft);
  n.number = s.Text(3);
  n.date = s.OptDate(4);
  n.issuer = s.Text(5);
  n.type = s.Text(6);
  n.subject = s.Text(7);
  n.signer = s.Text(8);
  n.sha256 = s.Text(9);
  n.filename = s.Text(10);
  n.format = s.Text(11);
  n.original_attachment_id = s.OptInt(12);
  n.created_by = s.Int(13);
  n.created_at = s.Int(14);
  n.confirmed_at = s.Int(15);
  if (with_content) {
    n.text = s.Text(16);
    n.extraction_json = s.Text(17);
  }
  return n;
}

const char* const kUserCols =
    "tenant_id, id, username, display_name, unit_id, role, password_hash, disabled, created_at, "
    "chair";

domain::User ReadUser(const Stmt& s) {
  domain::User u;
  u.tenant_id = s.Int(0);
  u.id = s.Int(1);
  u.username = s.Text(2);
  u.display_name = s.Text(3);
  u.unit_id = s.OptInt(4);
  u.role = domain::RoleFromCode(s.Text(5)).value_or(domain::Role::kViewer);
  u.password_hash = s.Text(6);
  u.disabled = s.Int(7) != 0;
  u.created_at = s.Int(8);
  u.chair = s.Int(9) != 0;
  return u;
}

const char* const kReportCols =
    "tenant_id, id, task_id, occurrence_id, unit_id, user_id, text, percent, done, created_at";

domain::ProgressReport ReadReport(const Stmt& s) {
  domain::ProgressReport r;
  r.tenant_id = s.Int(0);
  r.id = s.Int(1);
  r.task_id = s.Int(2);
  r.occurrence_id = s.OptInt(3);
  r.unit_id = s.Int(4);
  r.user_id = s.Int(5);
  r.text = s.Text(6);
  r.percent = static_cast<int>(s.Int(7));
  r.done = s.Int(8) != 0;
  r.created_at = s.Int(9);
  return r;
}

const char* const kExtensionCols =
    "tenant_id, id, task_id, requested_by, reason, requested_due, previous_due, status, "
    "decided_by, decision_note, created_at, decided_at";

domain::Extension ReadExtension(const Stmt& s) {
  domain::Extension e;
  e.tenant_id = s.Int(0);
  e.id = s.Int(1);
  e.task_id = s.Int(2);
  e.requested_by = s.Int(3);
  e.reason = s.Text(4);
  e.requested_due = s.DateOr(5, Date{});
  e.previous_due = s.OptDate(6);
  e.status = domain::ExtensionStatusFromCode(s.Text(7)).value_or(domain::ExtensionStatus::kPending);
  e.decided_by = s.OptInt(8);
  e.decision_note = s.Text(9);
  e.created_at = s.Int(10);
  e.decided_at = s.Int(11);
  return e;
}

const char* const kCommentCols = "tenant_id, id, task_id, user_id, text, created_at";

domain::Comment ReadComment(const Stmt& s) {
  domain::Comment c;
  c.tenant_id = s.Int(0);
  c.id = s.Int(1);
  c.task_id = s.Int(2);
  c.user_id = s.Int(3);
  c.text = s.Text(4);
  c.created_at = s.Int(5);
  return c;
}

const char* const kAttachmentCols =
    "tenant_id, id, owner_kind, owner_id, filename, mime, size, sha256, storage_key, "
    "uploaded_by, created_at";

domain::Attachment ReadAttachment(const Stmt& s) {
  domain::Attachment a;
  a.tenant_id = s.Int(0);
  a.id = s.Int(1);
  a.owner_kind = s.Text(2);
  a.owner_id = s.Int(3);
  a.filename = s.Text(4);
  a.mime = s.Text(5);
  a.size = s.Int(6);
  a.sha256 = s.Text(7);
  a.storage_key = s.Text(8);
  a.uploaded_by = s.Int(9);
  a.created_at = s.Int(10);
  return a;
}

const char* const kOccurrenceCols =
    "tenant_id, id, task_id, period_start, period_end, due, done_date";

domain::Occurrence ReadOccurrence(const Stmt& s) {
  domain::Occurrence o;
  o.tenant_id = s.Int(0);
  o.id = s.Int(1);
  o.task_id = s.Int(2);
  o.period_start = s.DateOr(3, Date{});
  o.period_end = s.DateOr(4, Date{});
  o.due = s.DateOr(5, Date{});
  o.done_date = s.OptDate(6);
  return o;
}

const char* const kAuditCols =
    "tenant_id, id, user_id, at, action, entity, entity_id, before_json, after_json";

domain::AuditEntry ReadAudit(const Stmt& s) {
  domain::AuditEntry a;
  a.tenant_id = s.Int(0);
  a.id = s.Int(1);
  a.user_id = s.OptInt(2);
  a.at = s.Int(3);
  a.action = s.Text(4);
  a.entity = s.Text(5);
  a.entity_id = s.Int(6);
  a.before_json = s.Text(7);
  a.after_json = s.Text(8);
  return a;
}

namespace {
bool RunCached(Db& db, const char* sql) {
  auto s = db.Prepare(sql);
  return s.ok() && s->Run().ok();
}
}  // namespace

ReadSnapshot::ReadSnapshot(Db& db) : db_(db), ok_(RunCached(db, "SAVEPOINT dondoc_read")) {}

ReadSnapshot::~ReadSnapshot() {
  if (ok_) (void)RunCached(db_, "RELEASE dondoc_read");
}

Status LoadTaskUnits(Db& db, Id tenant_id, std::vector<domain::Task>* tasks) {
  if (tasks->empty()) return Status::Ok();
  std::map<Id, domain::Task*> by_id;
  std::vector<Id> ids;
  for (domain::Task& t : *tasks) {
    t.lead_unit_ids.clear();
    t.support_unit_ids.clear();
    by_id[t.id] = &t;
    ids.push_back(t.id);
  }
  struct Row {
    Id task;
    bool lead;
    std::int64_t position;
    Id unit;
    bool operator<(const Row& o) const {
      return std::tie(task, o.lead, position) < std::tie(o.task, lead, o.position);
    }
  };
  std::vector<Row> rows;
  {
    // Unordered (no temporary b-tree): sorted below.
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT task_id, unit_id, role, position FROM task_units INDEXED BY "
                           "task_units_task WHERE "
                           "tenant_id = ?1 AND task_id IN (SELECT value FROM json_each(?2))"));
    s.Bind(1, tenant_id).Bind(2, IdsJson(ids));
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      rows.push_back(Row{s.Int(0), s.Text(2) == "lead", s.Int(3), s.Int(1)});
    }
  }
  std::sort(rows.begin(), rows.end());  // by task, lead first, then position
  for (const Row& r : rows) {
    auto it = by_id.find(r.task);
    if (it == by_id.end()) continue;
    (r.lead ? it->second->lead_unit_ids : it->second->support_unit_ids).push_back(r.unit);
  }
  return Status::Ok();
}

}  // namespace dondoc::store
