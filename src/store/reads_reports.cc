// Reads of scorecards, attachments, the audit log and the calendar.
#include <algorithm>
#include <map>

#include "store/occurrence_scores.h"
#include "store/reads.h"
#include "store/rows.h"
#include "store/task_query.h"

namespace dondoc::store::reads {

namespace {

// Appends the seven counters of domain::ScoreCounts (alias t), in its field order from
// `assigned`; the formulas are those of domain::Tally.
void CountColumns(const std::string& a, SqlParts* p) {
  auto sum = [&](auto cond) {
    p->S(", sum(CASE WHEN ");
    cond();
    p->S(" THEN 1 ELSE 0 END)");
  };
  auto not_done = [&] {
    p->S("NOT ");
    AppendDoneBy(a, p);
  };
  p->S("count(*)");
  sum([&] {  // not_due
    not_done();
    p->S(" AND t.status <> 'paused' AND (t.due IS NULL OR t.due > ").V(a).S(")");
  });
  sum([&] {  // in_progress
    not_done();
    p->S(" AND t.status <> 'paused' AND (t.due IS NULL OR t.due >= ").V(a).S(")");
  });
  sum([&] {  // done_on_time
    AppendDoneBy(a, p);
    p->S(" AND (t.due IS NULL OR t.done_date IS NULL OR t.done_date <= t.due)");
  });
  sum([&] {  // done_late
    AppendDoneBy(a, p);
    p->S(" AND t.due IS NOT NULL AND t.done_date IS NOT NULL AND t.done_date > t.due");
  });
  sum([&] {  // overdue
    not_done();
    p->S(" AND t.status <> 'paused' AND t.due < ").V(a);
  });
  sum([&] {  // paused
    not_done();
    p->S(" AND t.status = 'paused'");
  });
}

void VisibleLead(Id tenant_id, const ScoreFilter& f, SqlParts* p) {
  if (!f.visible_unit_ids) return;
  p->S(" AND t.id IN (SELECT task_id FROM task_units WHERE tenant_id = ")
      .V(tenant_id)
      .S(" AND role = 'lead' AND unit_id IN (SELECT value FROM json_each(")
      .V(IdsJson(*f.visible_unit_ids))
      .S(")))");
}

void VisibleUnitColumn(const ScoreFilter& f, SqlParts* p) {
  if (!f.visible_unit_ids) return;
  p->S(" AND tu.unit_id IN (SELECT value FROM json_each(").V(IdsJson(*f.visible_unit_ids)).S("))");
}

}  // namespace

Result<std::vector<domain::ScoreRow>> Scorecards(Db& db, Id tenant_id, const ScoreFilter& f) {
  ReadSnapshot snap(db);
  SqlParts p;
  const std::string a = f.as_of.ToIso();
  switch (f.by) {
    case ScoreGroup::kUnit:
      // task_units carries the status columns: no join.
      p.S("SELECT t.unit_id, ");
      CountColumns(a, &p);
      p.S(" FROM task_units t WHERE t.tenant_id = ")
          .V(tenant_id)
          .S(" AND t.role = 'lead' AND t.draft = 0");
      if (f.visible_unit_ids) {
        p.S(" AND t.unit_id IN (SELECT value FROM json_each(")
            .V(IdsJson(*f.visible_unit_ids))
            .S("))");
      }
      if (f.notice_id) p.S(" AND t.notice_id = ").V(*f.notice_id);
      p.S(" GROUP BY t.unit_id ORDER BY t.unit_id");
      break;
    case ScoreGroup::kField:
      p.S("SELECT t.k, ");
      CountColumns(a, &p);
      p.S(" FROM (SELECT DISTINCT fu.field_id AS k, tu.task_id, tu.status, tu.due, tu.done_date "
          "FROM task_units tu JOIN field_units fu ON fu.tenant_id = tu.tenant_id AND fu.unit_id "
          "= tu.unit_id WHERE tu.tenant_id = ")
          .V(tenant_id)
          .S(" AND tu.role = 'lead' AND tu.draft = 0");
      VisibleUnitColumn(f, &p);
      if (f.notice_id) p.S(" AND tu.notice_id = ").V(*f.notice_id);
      p.S(") t GROUP BY t.k ORDER BY t.k");
      break;
    case ScoreGroup::kNotice:
      p.S("SELECT t.notice_id, ");
      CountColumns(a, &p);
      p.S(" FROM tasks t WHERE t.tenant_id = ").V(tenant_id).S(" AND t.draft = 0");
      VisibleLead(tenant_id, f, &p);
      if (f.notice_id) p.S(" AND t.notice_id = ").V(*f.notice_id);
      p.S(" GROUP BY t.notice_id ORDER BY t.notice_id");
      break;
  }
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(p.sql));
  p.BindAll(s);
  std::vector<domain::ScoreRow> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    domain::ScoreRow r;
    r.key = s.Int(0);
    r.counts.assigned = static_cast<long>(s.Int(1));
    r.counts.not_due = static_cast<long>(s.Int(2));
    r.counts.in_progress = static_cast<long>(s.Int(3));
    r.counts.done_on_time = static_cast<long>(s.Int(4));
    r.counts.done_late = static_cast<long>(s.Int(5));
    r.counts.overdue = static_cast<long>(s.Int(6));
    r.counts.paused = static_cast<long>(s.Int(7));
    out.push_back(r);
  }
  DONDOC_RETURN_IF_ERROR(CountOccurrencesInstead(db, tenant_id, f, &out));
  return out;
}

Result<std::vector<domain::ScoreCounts>> ScoreTotals(Db& db, Id tenant_id, const ScoreFilter& f,
                                                     const std::vector<text::Date>& dates) {
  ReadSnapshot snap(db);
  std::vector<domain::ScoreCounts> out;
  for (text::Date d : dates) {
    ScoreFilter by_notice = f;
    by_notice.by = ScoreGroup::kNotice;
    by_notice.as_of = d;
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::ScoreRow> rows,
                            Scorecards(db, tenant_id, by_notice));
    domain::ScoreCounts total;
    for (const domain::ScoreRow& r : rows) total += r.counts;
    out.push_back(total);
  }
  return out;
}

Result<std::array<long, domain::kTaskStateCount>> CountTasksByState(Db& db, Id tenant_id,
                                                                    const TaskFilter& f) {
  ReadSnapshot snap(db);
  std::array<long, domain::kTaskStateCount> out{};
  for (int s = 0; s < domain::kTaskStateCount; ++s) {
    TaskFilter one = f;
    one.states = {static_cast<domain::TaskState>(s)};
    one.limit = 0;
    one.offset = 0;
    DONDOC_ASSIGN_OR_RETURN(Page<domain::Task> page, ListTasks(db, tenant_id, one, nullptr));
    out[s] = page.total;
  }
  return out;
}

Result<std::vector<domain::ScoreItem>> ScoreItems(Db& db, Id tenant_id, const ScoreFilter& f) {
  ReadSnapshot snap(db);
  SqlParts p;
  p.S("SELECT t.id, t.notice_id, t.status, t.due, t.done_date, t.start_date FROM tasks t "
      "WHERE t.tenant_id = ")
      .V(tenant_id)
      .S(" AND t.draft = 0");
  VisibleLead(tenant_id, f, &p);
  if (f.notice_id) p.S(" AND t.notice_id = ").V(*f.notice_id);
  p.S(" ORDER BY t.id");
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(p.sql));
  p.BindAll(s);
  std::vector<domain::ScoreItem> out;
  std::map<Id, size_t> index;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    domain::ScoreItem it;
    it.task_id = s.Int(0);
    it.notice_id = s.Int(1);
    it.facts.status = domain::StoredStatusFromCode(s.Text(2)).value_or(domain::StoredStatus::kOpen);
    it.facts.due = s.OptDate(3);
    it.facts.done_date = s.OptDate(4);
    it.facts.start_date = s.OptDate(5);
    index[it.task_id] = out.size();
    out.push_back(std::move(it));
  }
  DONDOC_ASSIGN_OR_RETURN(Stmt u, db.Prepare("SELECT task_id, unit_id FROM task_units WHERE "
                                             "tenant_id = ?1 AND role = 'lead' ORDER BY task_id, "
                                             "position"));
  u.Bind(1, tenant_id);
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, u.Step());
    if (!row) break;
    auto it = index.find(u.Int(0));
    if (it == index.end()) continue;
    Id unit = u.Int(1);
    if (f.visible_unit_ids && std::find(f.visible_unit_ids->begin(), f.visible_unit_ids->end(),
                                        unit) == f.visible_unit_ids->end()) {
      continue;
    }
    out[it->second].lead_unit_ids.push_back(unit);
  }
  DONDOC_RETURN_IF_ERROR(ExpandOccurrenceItems(db, tenant_id, f, &out));
  return out;
}

Result<domain::Attachment> GetAttachment(Db& db, Id tenant_id, Id attachment_id) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(std::string("SELECT ") + kAttachmentCols +
                                             " FROM attachments WHERE tenant_id = ?1 AND id = ?2"));
  s.Bind(1, tenant_id).Bind(2, attachment_id);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("attachment " + std::to_string(attachment_id) + " not found");
  return ReadAttachment(s);
}

Result<std::string> ReadBlob(Db& db, Id tenant_id, const std::string& storage_key) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT data FROM blobs WHERE tenant_id = ?1 AND storage_key = ?2"));
  s.Bind(1, tenant_id).Bind(2, storage_key);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("file not found");
  return s.Blob(0);
}

Result<Page<domain::AuditEntry>> ListAudit(Db& db, Id tenant_id, const AuditFilter& f) {
  ReadSnapshot snap(db);
  SqlParts p;
  p.S("FROM audit_log WHERE tenant_id = ").V(tenant_id);
  if (f.entity) p.S(" AND entity = ").V(*f.entity);
  if (f.entity_id) p.S(" AND entity_id = ").V(*f.entity_id);
  if (f.user_id) p.S(" AND user_id = ").V(*f.user_id);
  if (f.since) p.S(" AND at >= ").V(*f.since);
  if (f.until) p.S(" AND at < ").V(*f.until);
  Page<domain::AuditEntry> page;
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt c, db.Prepare("SELECT count(*) " + p.sql));
    p.BindAll(c);
    DONDOC_ASSIGN_OR_RETURN(bool row, c.Step());
    page.total = row ? static_cast<long>(c.Int(0)) : 0;
  }
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(std::string("SELECT ") + kAuditCols + " " + p.sql +
                                             " ORDER BY id DESC LIMIT ? OFFSET ?"));
  p.BindAll(s);
  int n = static_cast<int>(p.params.size());
  s.Bind(n + 1, std::clamp(f.limit, 0, 500)).Bind(n + 2, std::max(f.offset, 0));
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    page.items.push_back(ReadAudit(s));
  }
  return page;
}

Result<std::vector<HolidayOverride>> ListHolidays(Db& db, Id tenant_id) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT date, day_off, name FROM holidays WHERE "
                                             "tenant_id = ?1 ORDER BY date"));
  s.Bind(1, tenant_id);
  std::vector<HolidayOverride> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    auto d = s.OptDate(0);
    if (!d) continue;
    out.push_back(HolidayOverride{*d, s.Int(1) != 0, s.Text(2)});
  }
  return out;
}

}  // namespace dondoc::store::reads
