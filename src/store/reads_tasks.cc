// Reads of notices, tasks and what hangs off a task.
#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "store/fts_tokenizer.h"
#include "store/reads.h"
#include "store/rows.h"
#include "store/task_query.h"

namespace dondoc::store::reads {

int ClampLimit(int limit) { return std::clamp(limit, 0, kMaxListLimit); }

namespace {

template <typename T>
Result<std::vector<T>> All(Db& db, const std::string& sql, Id tenant_id, Id id,
                           T (*read)(const Stmt&)) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(sql));
  s.Bind(1, tenant_id).Bind(2, id);
  std::vector<T> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(read(s));
  }
  return out;
}

template <typename T>
Result<T> One(Db& db, const std::string& sql, Id tenant_id, Id id, T (*read)(const Stmt&),
              const char* what) {
  DONDOC_ASSIGN_OR_RETURN(std::vector<T> all, All<T>(db, sql, tenant_id, id, read));
  if (all.empty())
    return Status::NotFound(std::string(what) + " " + std::to_string(id) + " not found");
  return std::move(all.front());
}

domain::Notice ReadNoticeFull(const Stmt& s) { return ReadNotice(s, true); }

// Fills one task's lead_unit_ids and support_unit_ids as LoadTaskUnits does (lead first, then
// by position), with a plain range of task_units_task: LoadTaskUnits' `IN (SELECT value FROM
// json_each(?))` builds an ephemeral index first, most of the cost of reading one task.
Status LoadOneTaskUnits(Db& db, Id tenant_id, domain::Task* t) {
  struct Row {
    bool lead;
    std::int64_t position;
    Id unit;
  };
  std::vector<Row> rows;
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s,
                            db.Prepare("SELECT unit_id, role, position FROM task_units INDEXED BY "
                                       "task_units_task WHERE tenant_id = ?1 AND task_id = ?2"));
    s.Bind(1, tenant_id).Bind(2, t->id);
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      rows.push_back(Row{s.Text(1) == "lead", s.Int(2), s.Int(0)});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(b.lead, a.position) < std::tie(a.lead, b.position);
  });
  t->lead_unit_ids.clear();
  t->support_unit_ids.clear();
  for (const Row& r : rows) (r.lead ? t->lead_unit_ids : t->support_unit_ids).push_back(r.unit);
  return Status::Ok();
}

// The task at `rowid` when that row is the task's (one b-tree descent, where its key takes
// two: the key's index, then the row), else nullopt; with its units_version when asked.
Result<std::optional<domain::Task>> ReadTaskAtRowid(Db& db, Id tenant_id, Id task_id,
                                                    std::int64_t rowid,
                                                    std::int64_t* units_version = nullptr) {
  static const std::string kSql = std::string("SELECT ") + kTaskCols +
                                  ", t.units_version FROM tasks t WHERE t.rowid = ?3 AND "
                                  "t.tenant_id = ?1 AND t.id = ?2";
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(kSql));
  s.Bind(1, tenant_id).Bind(2, task_id).Bind(3, rowid);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<domain::Task>();
  if (units_version) *units_version = s.Int(s.ColumnCount() - 1);  // the last one
  return std::optional<domain::Task>(ReadTask(s));
}

// The task and its units, in the caller's snapshot; `hint` as for GetTaskDetail. The
// statements' text is built once: a task page asks for one task many times a second.
Result<domain::Task> ReadOneTask(Db& db, Id tenant_id, Id task_id, TaskRowHint hint = {}) {
  static const std::string kSql =
      std::string("SELECT ") + kTaskCols + " FROM tasks t WHERE t.tenant_id = ?1 AND t.id = ?2";
  std::optional<domain::Task> at_hint;
  std::int64_t units_version = -1;
  if (hint.rowid > 0) {
    DONDOC_ASSIGN_OR_RETURN(at_hint,
                            ReadTaskAtRowid(db, tenant_id, task_id, hint.rowid, &units_version));
  }
  domain::Task t;
  if (at_hint) {
    t = std::move(*at_hint);
    // The hint's units are this row's: a units change would have moved the version. Saves
    // reading task_units (~7 % of a task read, bench/FINDINGS.md 3l).
    if (hint.units_version >= 0 && units_version == hint.units_version) {
      t.lead_unit_ids = std::move(hint.lead_unit_ids);
      t.support_unit_ids = std::move(hint.support_unit_ids);
      return t;
    }
  } else {
    DONDOC_ASSIGN_OR_RETURN(t, One<domain::Task>(db, kSql, tenant_id, task_id, ReadTask, "task"));
  }
  DONDOC_RETURN_IF_ERROR(LoadOneTaskUnits(db, tenant_id, &t));
  return t;
}

}  // namespace

Result<domain::Notice> GetNotice(Db& db, Id tenant_id, Id notice_id) {
  return One<domain::Notice>(
      db,
      std::string("SELECT ") + kNoticeCols + " FROM notices n WHERE n.tenant_id = ?1 AND n.id = ?2",
      tenant_id, notice_id, ReadNoticeFull, "notice");
}

Result<domain::Notice> FindNoticeBySha256(Db& db, Id tenant_id, const std::string& sha256) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(std::string("SELECT ") + kNoticeCols +
                                             " FROM notices n WHERE n.tenant_id = ?1 AND "
                                             "n.sha256 = ?2 AND n.sha256 <> ''"));
  s.Bind(1, tenant_id).Bind(2, sha256);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("no notice with this file");
  return ReadNotice(s, true);
}

Result<Page<domain::Notice>> ListNotices(Db& db, Id tenant_id, const NoticeFilter& f) {
  ReadSnapshot snap(db);
  SqlParts p;
  const std::string fts = FtsQuery(f.q);
  p.S("FROM notices n");
  if (!fts.empty()) {
    p.S(" JOIN (SELECT rowid - ")
        .V(FtsFirstRowid(tenant_id))
        .S(" AS id FROM notice_fts WHERE notice_fts MATCH ")
        .V(fts)
        .S(" AND rowid BETWEEN ")
        .V(FtsFirstRowid(tenant_id))
        .S(" AND ")
        .V(FtsLastRowid(tenant_id))
        .S(") f ON f.id = n.id");
  }
  p.S(" WHERE n.tenant_id = ").V(tenant_id);
  if (f.status) p.S(" AND n.status = ").V(std::string(domain::NoticeStatusCode(*f.status)));
  Page<domain::Notice> page;
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt c, db.Prepare("SELECT count(*) " + p.sql));
    p.BindAll(c);
    DONDOC_ASSIGN_OR_RETURN(bool row, c.Step());
    page.total = row ? static_cast<long>(c.Int(0)) : 0;
  }
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(std::string("SELECT ") + kNoticeListCols + " " +
                                             p.sql + " ORDER BY n.id DESC LIMIT ? OFFSET ?"));
  p.BindAll(s);
  int n = static_cast<int>(p.params.size());
  s.Bind(n + 1, ClampLimit(f.limit)).Bind(n + 2, std::max(f.offset, 0));
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    page.items.push_back(ReadNotice(s, false));
  }
  return page;
}

Result<domain::Task> GetTask(Db& db, Id tenant_id, Id task_id) {
  ReadSnapshot snap(db);
  return ReadOneTask(db, tenant_id, task_id);
}

Result<TaskDetail> GetTaskDetail(Db& db, Id tenant_id, Id task_id, TaskHistory history,
                                 TaskRowHint hint) {
  static const std::string kReports =
      std::string("SELECT ") + kReportCols +
      " FROM progress_reports WHERE tenant_id = ?1 AND task_id = ?2 ORDER BY id";
  static const std::string kExtensions =
      std::string("SELECT ") + kExtensionCols +
      " FROM extensions WHERE tenant_id = ?1 AND task_id = ?2 ORDER BY id";
  static const std::string kComments =
      std::string("SELECT ") + kCommentCols +
      " FROM comments WHERE tenant_id = ?1 AND task_id = ?2 ORDER BY id";
  // The task's files, then its reports' (sorted by id below). Each half looks up the owner
  // index: the same question as one `OR ... ORDER BY id` made SQLite walk every attachment of
  // the tenant in id order (~15 ms a task page with 100,000 files). The reports' half joins
  // from the task's reports (a subquery whose only column is `report_id`, so the attachment
  // columns need no qualifying): `owner_id IN (SELECT ...)` built a temporary b-tree for the
  // list on every read, ~3 % of a task read's samples.
  static const std::string kAttachments =
      std::string("SELECT ") + kAttachmentCols +
      " FROM attachments INDEXED BY attachments_owner WHERE tenant_id = ?1 AND owner_kind = "
      "'task' AND owner_id = ?2 UNION ALL SELECT " +
      kAttachmentCols +
      " FROM (SELECT id AS report_id FROM progress_reports WHERE tenant_id = ?1 AND task_id = "
      "?2) CROSS JOIN attachments INDEXED BY attachments_owner WHERE tenant_id = ?1 AND "
      "owner_kind = 'report' AND owner_id = report_id";
  static const std::string kHistory = std::string("SELECT ") + kAuditCols +
                                      " FROM audit_log WHERE tenant_id = ?1 AND entity = 'task' "
                                      "AND entity_id = ?2 ORDER BY id DESC LIMIT " +
                                      std::to_string(TaskDetail::kTaskHistoryLimit);
  // One snapshot for all of it: the history tells of the same task the rows show.
  ReadSnapshot snap(db);
  TaskDetail d;
  DONDOC_ASSIGN_OR_RETURN(d.task, ReadOneTask(db, tenant_id, task_id, std::move(hint)));
  DONDOC_ASSIGN_OR_RETURN(
      d.reports, All<domain::ProgressReport>(db, kReports, tenant_id, task_id, ReadReport));
  DONDOC_ASSIGN_OR_RETURN(
      d.extensions, All<domain::Extension>(db, kExtensions, tenant_id, task_id, ReadExtension));
  DONDOC_ASSIGN_OR_RETURN(d.comments,
                          All<domain::Comment>(db, kComments, tenant_id, task_id, ReadComment));
  // Only a recurring task has occurrences: the writes keep it so (writes::CreateOccurrence and
  // writes::UpdateTask refuse otherwise). Nine tasks in ten skip the look-up, ~5 % of a task
  // read (bench/FINDINGS.md 3j).
  if (d.task.deadline.kind == domain::DeadlineKind::kRecurring) {
    DONDOC_ASSIGN_OR_RETURN(d.occurrences, ListOccurrences(db, tenant_id, task_id));
  }
  DONDOC_ASSIGN_OR_RETURN(
      d.attachments, All<domain::Attachment>(db, kAttachments, tenant_id, task_id, ReadAttachment));
  std::sort(d.attachments.begin(), d.attachments.end(),
            [](const domain::Attachment& a, const domain::Attachment& b) { return a.id < b.id; });
  if (history == TaskHistory::kInclude) {
    DONDOC_ASSIGN_OR_RETURN(d.history,
                            All<domain::AuditEntry>(db, kHistory, tenant_id, task_id, ReadAudit));
    std::reverse(d.history.begin(), d.history.end());
  }
  return d;
}

Result<Page<domain::Task>> ListTasks(Db& db, Id tenant_id, const TaskFilter& f,
                                     const std::vector<Id>* sub_unit_ids) {
  ReadSnapshot snap(db);
  std::vector<Id> sub_units;
  if (f.unit_id && f.include_sub_units) {
    if (sub_unit_ids) {
      sub_units = *sub_unit_ids;
    } else {
      auto ids = SubUnitIds(db, tenant_id, *f.unit_id);
      if (!ids.ok()) {
        if (ids.status().code() == StatusCode::kNotFound) return Page<domain::Task>{};
        return ids.status();
      }
      sub_units = std::move(ids).value();
    }
    if (sub_units.empty()) return Page<domain::Task>{};
  }
  const int limit = ClampLimit(f.limit);
  const int offset = std::max(f.offset, 0);
  TaskQuery q = BuildTaskQuery(tenant_id, f, sub_units, limit, offset);
  Page<domain::Task> page;
  if (q.use_candidates) {
    std::vector<TaskKey> keys;
    {
      DONDOC_ASSIGN_OR_RETURN(Stmt c, db.Prepare(q.candidates.sql));
      q.candidates.BindAll(c);
      while (true) {
        DONDOC_ASSIGN_OR_RETURN(bool row, c.Step());
        if (!row) break;
        keys.push_back(TaskKey{c.Int(0), c.Text(1), c.Int(2), c.Int(3)});
      }
    }
    // A task's rows carry the same copies of its columns: any one of them stands for it.
    std::sort(keys.begin(), keys.end(),
              [](const TaskKey& a, const TaskKey& b) { return a.id < b.id; });
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [](const TaskKey& a, const TaskKey& b) { return a.id == b.id; }),
               keys.end());
    page.total = static_cast<long>(keys.size());
    if (limit == 0 || page.total <= offset) return page;
    const size_t end = std::min(keys.size(), static_cast<size_t>(offset) + limit);
    auto less = [&](const TaskKey& a, const TaskKey& b) { return TaskLess(f.sort, a, b); };
    std::partial_sort(keys.begin(), keys.begin() + static_cast<long>(end), keys.end(), less);
    for (size_t i = static_cast<size_t>(offset); i < end; ++i) {
      DONDOC_ASSIGN_OR_RETURN(Stmt s,
                              db.Prepare(std::string("SELECT ") + kTaskCols +
                                         " FROM tasks t WHERE t.tenant_id = ?1 AND t.id = ?2"));
      s.Bind(1, tenant_id).Bind(2, keys[i].id);
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (row) page.items.push_back(ReadTask(s));
    }
    DONDOC_RETURN_IF_ERROR(LoadTaskUnits(db, tenant_id, &page.items));
    return page;
  }
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt c, db.Prepare(q.count.sql));
    q.count.BindAll(c);
    DONDOC_ASSIGN_OR_RETURN(bool row, c.Step());
    page.total = row ? static_cast<long>(c.Int(0)) : 0;
  }
  if (limit == 0 || page.total <= offset) return page;
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(q.page.sql));
  q.page.BindAll(s);
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    page.items.push_back(ReadTask(s));
  }
  DONDOC_RETURN_IF_ERROR(LoadTaskUnits(db, tenant_id, &page.items));
  return page;
}

Result<std::vector<domain::Task>> GetTasks(Db& db, Id tenant_id, const std::vector<Id>& ids,
                                           bool with_units,
                                           const std::vector<std::int64_t>& rowid_hints) {
  static const std::string kSql =
      std::string("SELECT ") + kTaskCols + " FROM tasks t WHERE t.tenant_id = ?1 AND t.id = ?2";
  const bool hinted = rowid_hints.size() == ids.size();
  ReadSnapshot snap(db);
  std::vector<domain::Task> tasks;
  tasks.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    const Id id = ids[i];
    if (hinted && rowid_hints[i] > 0) {
      DONDOC_ASSIGN_OR_RETURN(std::optional<domain::Task> t,
                              ReadTaskAtRowid(db, tenant_id, id, rowid_hints[i]));
      if (t) {
        tasks.push_back(std::move(*t));
        continue;
      }
    }
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(kSql));
    s.Bind(1, tenant_id).Bind(2, id);
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) tasks.push_back(ReadTask(s));
  }
  if (with_units) DONDOC_RETURN_IF_ERROR(LoadTaskUnits(db, tenant_id, &tasks));
  return tasks;
}

Result<std::vector<domain::Task>> ListNoticeTasks(Db& db, Id tenant_id, Id notice_id) {
  ReadSnapshot snap(db);
  DONDOC_ASSIGN_OR_RETURN(
      std::vector<domain::Task> tasks,
      All<domain::Task>(db,
                        std::string("SELECT ") + kTaskCols +
                            " FROM tasks t WHERE t.tenant_id = ?1 AND t.notice_id = ?2 ORDER BY "
                            "t.id",
                        tenant_id, notice_id, ReadTask));
  DONDOC_RETURN_IF_ERROR(LoadTaskUnits(db, tenant_id, &tasks));
  return tasks;
}

Result<std::vector<domain::Occurrence>> ListOccurrences(Db& db, Id tenant_id, Id task_id) {
  static const std::string kSql = std::string("SELECT ") + kOccurrenceCols +
                                  " FROM occurrences WHERE tenant_id = ?1 AND task_id = ?2 "
                                  "ORDER BY period_start";
  return All<domain::Occurrence>(db, kSql, tenant_id, task_id, ReadOccurrence);
}

Result<domain::Extension> GetExtension(Db& db, Id tenant_id, Id extension_id) {
  return One<domain::Extension>(
      db,
      std::string("SELECT ") + kExtensionCols + " FROM extensions WHERE tenant_id = ?1 AND id = ?2",
      tenant_id, extension_id, ReadExtension, "extension");
}

Result<domain::ProgressReport> GetProgressReport(Db& db, Id tenant_id, Id report_id) {
  return One<domain::ProgressReport>(db,
                                     std::string("SELECT ") + kReportCols +
                                         " FROM progress_reports WHERE tenant_id = ?1 AND id = ?2",
                                     tenant_id, report_id, ReadReport, "report");
}

}  // namespace dondoc::store::reads
