#include "store/task_query.h"

#include "store/fts_tokenizer.h"
#include "store/rows.h"

namespace dondoc::store {

SqlParts& SqlParts::V(std::int64_t v) {
  sql += '?';
  params.emplace_back(v);
  return *this;
}

SqlParts& SqlParts::V(std::string v) {
  sql += '?';
  params.emplace_back(std::move(v));
  return *this;
}

SqlParts& SqlParts::Append(const SqlParts& other) {
  sql += other.sql;
  params.insert(params.end(), other.params.begin(), other.params.end());
  return *this;
}

void SqlParts::BindAll(Stmt& s, int first) const {
  int i = first;
  for (const SqlParam& p : params) {
    if (std::holds_alternative<std::int64_t>(p)) {
      s.Bind(i++, std::get<std::int64_t>(p));
    } else {
      s.Bind(i++, std::get<std::string>(p));
    }
  }
}

void AppendDoneBy(const std::string& a, SqlParts* p) {
  p->S("(t.status = 'done' AND (t.done_date IS NULL OR t.done_date <= ").V(a).S("))");
}

namespace {

void NotDoneBy(const std::string& a, SqlParts* p) {
  p->S("NOT ");
  AppendDoneBy(a, p);
}

void OpenIsh(const std::string& a, SqlParts* p) {
  p->S("(");
  NotDoneBy(a, p);
  p->S(" AND t.status IN ('open', 'done'))");
}

void Started(const std::string& a, SqlParts* p) {
  p->S("(t.start_date IS NULL OR t.start_date <= ").V(a).S(")");
}

// "<id_col> IN (tasks having a unit of `ids`, in `role` when set)".
void UnitCheck(const char* id_col, Id tenant_id, const std::vector<Id>& ids,
               const std::optional<domain::UnitRole>& role, SqlParts* p) {
  p->S(id_col)
      .S(" IN (SELECT task_id FROM task_units WHERE tenant_id = ")
      .V(tenant_id)
      .S(" AND unit_id IN (SELECT value FROM json_each(")
      .V(IdsJson(ids))
      .S("))");
  if (role) p->S(" AND role = ").V(std::string(domain::UnitRoleCode(*role)));
  p->S(")");
}

void FtsRows(Id tenant_id, const std::string& fts, bool with_rank, SqlParts* p) {
  p->S("SELECT rowid - ")
      .V(FtsFirstRowid(tenant_id))
      .S(with_rank ? " AS id, rank" : " AS id")
      .S(" FROM task_fts WHERE task_fts MATCH ")
      .V(fts)
      .S(" AND rowid BETWEEN ")
      .V(FtsFirstRowid(tenant_id))
      .S(" AND ")
      .V(FtsLastRowid(tenant_id));
}

// The filters that hold on alias t whatever drives the query. `id_col` names the task id.
void CommonFilters(Id tenant_id, const TaskFilter& f, const char* id_col, bool check_visible,
                   SqlParts* p) {
  const std::string as_of = f.as_of.ToIso();
  if (!(f.include_drafts && f.notice_id)) p->S(" AND t.draft = 0");
  if (f.notice_id) p->S(" AND t.notice_id = ").V(*f.notice_id);
  if (check_visible && f.visible_unit_ids) {
    p->S(" AND ");
    UnitCheck(id_col, tenant_id, *f.visible_unit_ids, f.role, p);
  }
  if (f.field_id) {
    p->S(" AND ")
        .S(id_col)
        .S(" IN (SELECT tu.task_id FROM task_units tu JOIN field_units fu ON fu.tenant_id = "
           "tu.tenant_id AND fu.unit_id = tu.unit_id WHERE tu.tenant_id = ")
        .V(tenant_id)
        .S(" AND fu.field_id = ")
        .V(*f.field_id)
        .S(")");
  }
  if (f.due_before) p->S(" AND t.due <= ").V(f.due_before->ToIso());
  if (f.due_after) p->S(" AND t.due >= ").V(f.due_after->ToIso());
  if (!f.states.empty()) {
    p->S(" AND (");
    for (size_t i = 0; i < f.states.size(); ++i) {
      if (i) p->S(" OR ");
      AppendStateCondition(f.states[i], as_of, p);
    }
    p->S(")");
  }
  if (f.overdue_only) {
    p->S(" AND ");
    AppendOverdueCondition(as_of, p);
  }
}

// ORDER BY over alias `a` whose columns are id, due, notice_id, updated_at (and rank when
// `rank` is set).
std::string OrderBy(TaskSort sort, const std::string& a, const std::string& id, bool rank) {
  switch (sort) {
    case TaskSort::kDueAsc:
      return " ORDER BY coalesce(" + a + "due, '9999-12-31'), " + id;
    case TaskSort::kDueDesc:
      return " ORDER BY " + a + "due IS NULL, " + a + "due DESC, " + id;
    case TaskSort::kCreatedDesc:
      return " ORDER BY " + id + " DESC";
    case TaskSort::kIdAsc:
      return " ORDER BY " + a + "notice_id, " + id;
    case TaskSort::kUpdatedDesc:
      return " ORDER BY " + a + "updated_at DESC, " + id + " DESC";
    case TaskSort::kRank:
      return rank ? " ORDER BY " + a + "rank, " + id : " ORDER BY " + a + "notice_id, " + id;
  }
  return "";
}

}  // namespace

bool TaskLess(TaskSort sort, const TaskKey& a, const TaskKey& b) {
  static const std::string kNoDue = "9999-12-31";
  switch (sort) {
    case TaskSort::kDueAsc: {
      const std::string& da = a.due.empty() ? kNoDue : a.due;
      const std::string& db = b.due.empty() ? kNoDue : b.due;
      if (da != db) return da < db;
      return a.id < b.id;
    }
    case TaskSort::kDueDesc:
      if (a.due.empty() != b.due.empty()) return b.due.empty();
      if (a.due != b.due) return a.due > b.due;
      return a.id < b.id;
    case TaskSort::kCreatedDesc:
      return a.id > b.id;
    case TaskSort::kUpdatedDesc:
      if (a.updated_at != b.updated_at) return a.updated_at > b.updated_at;
      return a.id > b.id;
    case TaskSort::kIdAsc:
    case TaskSort::kRank:
      if (a.notice_id != b.notice_id) return a.notice_id < b.notice_id;
      return a.id < b.id;
  }
  return a.id < b.id;
}

void AppendStateCondition(domain::TaskState state, const std::string& a, SqlParts* p) {
  using domain::TaskState;
  p->S("(");
  switch (state) {
    case TaskState::kNotDue:
      OpenIsh(a, p);
      p->S(" AND t.start_date > ").V(a);
      break;
    case TaskState::kOverdue:
      OpenIsh(a, p);
      p->S(" AND ");
      Started(a, p);
      p->S(" AND t.due < ").V(a);
      break;
    case TaskState::kInProgress:
      OpenIsh(a, p);
      p->S(" AND ");
      Started(a, p);
      p->S(" AND (t.due IS NULL OR t.due >= ").V(a).S(")");
      break;
    case TaskState::kDoneOnTime:
      AppendDoneBy(a, p);
      p->S(" AND (t.due IS NULL OR t.done_date IS NULL OR t.done_date <= t.due)");
      break;
    case TaskState::kDoneLate:
      AppendDoneBy(a, p);
      p->S(" AND t.due IS NOT NULL AND t.done_date > t.due");
      break;
    case TaskState::kPendingConfirmation:
      NotDoneBy(a, p);
      p->S(" AND t.status = 'pending_confirmation'");
      break;
    case TaskState::kReturned:
      NotDoneBy(a, p);
      p->S(" AND t.status = 'returned'");
      break;
    case TaskState::kPaused:
      NotDoneBy(a, p);
      p->S(" AND t.status = 'paused'");
      break;
  }
  p->S(")");
}

void AppendOverdueCondition(const std::string& a, SqlParts* p) {
  p->S("(");
  NotDoneBy(a, p);
  p->S(" AND t.status <> 'paused' AND t.due < ").V(a).S(")");
}

TaskQuery BuildTaskQuery(Id tenant_id, const TaskFilter& f, const std::vector<Id>& sub_unit_ids,
                         int limit, int offset) {
  TaskQuery q;
  const std::string fts = FtsQuery(f.q);
  const std::string cols = std::string("SELECT ") + kTaskCols;
  if (f.unit_id || f.visible_unit_ids) {
    // Driven by task_units (alias t), which carries the filter and sort columns: the count and
    // the page's ids come from one unit-clustered range; only the page's tasks are read.
    const bool by_unit = f.unit_id.has_value();
    std::vector<Id> ids;
    if (by_unit) {
      ids = sub_unit_ids.empty() ? std::vector<Id>{*f.unit_id} : sub_unit_ids;
    } else {
      ids = *f.visible_unit_ids;
    }
    // One unit: (unit, task) is the key, no task repeats. Several: a task may match twice, and
    // the caller deduplicates the candidates.
    SqlParts m;
    m.S("SELECT t.task_id AS id, t.due AS due, t.notice_id AS notice_id, t.updated_at AS "
        "updated_at FROM task_units t WHERE t.tenant_id = ")
        .V(tenant_id)
        .S(" AND t.unit_id IN (SELECT value FROM json_each(")
        .V(IdsJson(ids))
        .S("))");
    if (f.role) m.S(" AND t.role = ").V(std::string(domain::UnitRoleCode(*f.role)));
    if (!fts.empty()) {
      m.S(" AND t.task_id IN (");
      FtsRows(tenant_id, fts, false, &m);
      m.S(")");
    }
    CommonFilters(tenant_id, f, "t.task_id", /*check_visible=*/by_unit, &m);
    if (ids.size() > 1) {
      q.use_candidates = true;
      q.candidates = std::move(m);
      return q;
    }
    q.count.S("SELECT count(*) FROM (").Append(m).S(")");
    q.page.S(cols).S(" FROM (").Append(m);
    q.page.S(OrderBy(f.sort, "", "id", false)).S(" LIMIT ").V(limit).S(" OFFSET ").V(offset);
    q.page.S(") p CROSS JOIN tasks t WHERE t.tenant_id = ").V(tenant_id).S(" AND t.id = p.id");
    q.page.S(OrderBy(f.sort, "p.", "p.id", false));
    return q;
  }
  SqlParts w;
  const bool by_fts = !fts.empty();
  if (by_fts) {
    w.S(" FROM (");
    FtsRows(tenant_id, fts, true, &w);
    w.S(") f CROSS JOIN tasks t WHERE t.tenant_id = ").V(tenant_id).S(" AND t.id = f.id");
  } else {
    w.S(" FROM tasks t WHERE t.tenant_id = ").V(tenant_id);
  }
  if (f.role) {
    // A role alone: tasks that have some unit in that role.
    w.S(" AND t.id IN (SELECT task_id FROM task_units WHERE tenant_id = ")
        .V(tenant_id)
        .S(" AND role = ")
        .V(std::string(domain::UnitRoleCode(*f.role)))
        .S(")");
  }
  CommonFilters(tenant_id, f, "t.id", /*check_visible=*/false, &w);
  q.count.S("SELECT count(*)").Append(w);
  std::string order = OrderBy(f.sort, "t.", "t.id", false);
  if (by_fts && f.sort == TaskSort::kRank) order = " ORDER BY f.rank, t.id";
  q.page.S(cols).Append(w).S(order);
  q.page.S(" LIMIT ").V(limit).S(" OFFSET ").V(offset);
  return q;
}

}  // namespace dondoc::store
