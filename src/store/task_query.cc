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

void UnitSubquery(Id tenant_id, const std::vector<Id>& ids,
                  const std::optional<domain::UnitRole>& role, SqlParts* p) {
  p->S("t.id IN (SELECT task_id FROM task_units WHERE tenant_id = ")
      .V(tenant_id)
      .S(" AND unit_id IN (SELECT value FROM json_each(")
      .V(IdsJson(ids))
      .S("))");
  if (role) p->S(" AND role = ").V(std::string(domain::UnitRoleCode(*role)));
  p->S(")");
}

}  // namespace

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

TaskQuery BuildTaskQuery(Id tenant_id, const TaskFilter& f, const std::vector<Id>& sub_unit_ids) {
  TaskQuery q;
  SqlParts& p = q.from_where;
  const std::string fts = FtsQuery(f.q);
  const std::string as_of = f.as_of.ToIso();
  p.S("FROM tasks t");
  if (!fts.empty()) {
    p.S(" JOIN (SELECT rowid - ")
        .V(FtsFirstRowid(tenant_id))
        .S(" AS id, rank FROM task_fts WHERE task_fts MATCH ")
        .V(fts)
        .S(" AND rowid BETWEEN ")
        .V(FtsFirstRowid(tenant_id))
        .S(" AND ")
        .V(FtsLastRowid(tenant_id))
        .S(") f ON f.id = t.id");
  }
  p.S(" WHERE t.tenant_id = ").V(tenant_id);
  if (!(f.include_drafts && f.notice_id)) p.S(" AND t.draft = 0");
  if (f.notice_id) p.S(" AND t.notice_id = ").V(*f.notice_id);
  if (f.visible_unit_ids) {
    p.S(" AND ");
    UnitSubquery(tenant_id, *f.visible_unit_ids, f.role, &p);
  }
  if (f.unit_id) {
    std::vector<Id> ids = sub_unit_ids.empty() ? std::vector<Id>{*f.unit_id} : sub_unit_ids;
    p.S(" AND ");
    UnitSubquery(tenant_id, ids, f.role, &p);
  } else if (f.role && !f.visible_unit_ids) {
    // A role alone: tasks that have some unit in that role.
    p.S(" AND t.id IN (SELECT task_id FROM task_units WHERE tenant_id = ")
        .V(tenant_id)
        .S(" AND role = ")
        .V(std::string(domain::UnitRoleCode(*f.role)))
        .S(")");
  }
  if (f.field_id) {
    p.S(" AND t.id IN (SELECT tu.task_id FROM task_units tu JOIN field_units fu ON "
        "fu.tenant_id = tu.tenant_id AND fu.unit_id = tu.unit_id WHERE tu.tenant_id = ")
        .V(tenant_id)
        .S(" AND fu.field_id = ")
        .V(*f.field_id)
        .S(")");
  }
  if (f.due_before) p.S(" AND t.due <= ").V(f.due_before->ToIso());
  if (f.due_after) p.S(" AND t.due >= ").V(f.due_after->ToIso());
  if (!f.states.empty()) {
    p.S(" AND (");
    for (size_t i = 0; i < f.states.size(); ++i) {
      if (i) p.S(" OR ");
      AppendStateCondition(f.states[i], as_of, &p);
    }
    p.S(")");
  }
  if (f.overdue_only) {
    p.S(" AND ");
    AppendOverdueCondition(as_of, &p);
  }

  switch (f.sort) {
    case TaskSort::kDueAsc:
      q.order_by = " ORDER BY coalesce(t.due, '9999-12-31'), t.id";
      break;
    case TaskSort::kDueDesc:
      q.order_by = " ORDER BY t.due IS NULL, t.due DESC, t.id";
      break;
    case TaskSort::kCreatedDesc:
      q.order_by = " ORDER BY t.id DESC";
      break;
    case TaskSort::kIdAsc:
      q.order_by = " ORDER BY t.notice_id, t.id";
      break;
    case TaskSort::kUpdatedDesc:
      q.order_by = " ORDER BY t.updated_at DESC, t.id DESC";
      break;
    case TaskSort::kRank:
      q.order_by = fts.empty() ? " ORDER BY t.notice_id, t.id" : " ORDER BY f.rank, t.id";
      break;
  }
  return q;
}

}  // namespace dondoc::store
