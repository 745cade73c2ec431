#include "store/occurrence_scores.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/occurrences.h"
#include "store/rows.h"

namespace dondoc::store {

namespace {

// Every occurrence of the tenant by task; a task is a key even when none of its periods has
// begun by as_of (it then counts nothing).
Result<std::map<Id, std::vector<domain::Occurrence>>> OccurrencesByTask(Db& db, Id tenant_id,
                                                                        text::Date as_of) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT task_id, period_start, period_end, due, "
                                             "done_date FROM occurrences WHERE tenant_id = ?1 "
                                             "ORDER BY task_id, period_start"));
  s.Bind(1, tenant_id);
  std::map<Id, std::vector<domain::Occurrence>> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    domain::Occurrence o;
    o.tenant_id = tenant_id;
    o.task_id = s.Int(0);
    o.period_start = s.DateOr(1, text::Date{});
    o.period_end = s.DateOr(2, text::Date{});
    o.due = s.DateOr(3, text::Date{});
    o.done_date = s.OptDate(4);
    std::vector<domain::Occurrence>& v = out[o.task_id];
    if (o.period_start <= as_of) v.push_back(o);
  }
  return out;
}

bool Visible(const ScoreFilter& f, Id unit) {
  return !f.visible_unit_ids || std::find(f.visible_unit_ids->begin(), f.visible_unit_ids->end(),
                                          unit) != f.visible_unit_ids->end();
}

// a += sign * b, counter by counter.
void AddCounts(const domain::ScoreCounts& b, long sign, domain::ScoreCounts* a) {
  a->assigned += sign * b.assigned;
  a->not_due += sign * b.not_due;
  a->in_progress += sign * b.in_progress;
  a->done_on_time += sign * b.done_on_time;
  a->done_late += sign * b.done_late;
  a->overdue += sign * b.overdue;
  a->paused += sign * b.paused;
}

struct TaskFacts {
  Id notice_id = 0;
  domain::StatusFacts facts;
  std::vector<Id> leads;  // visible lead units, distinct
};

// The active tasks (of f.notice_id when set) that have occurrences, with their visible leads.
Result<std::map<Id, TaskFacts>> TasksWithOccurrences(Db& db, Id tenant_id, const ScoreFilter& f) {
  std::map<Id, TaskFacts> out;
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT t.id, t.notice_id, t.status, t.due, t.done_date, t.start_date "
                         "FROM tasks t WHERE t.tenant_id = ?1 AND t.draft = 0 AND (?2 = 0 OR "
                         "t.notice_id = ?2) AND t.id IN (SELECT task_id FROM occurrences WHERE "
                         "tenant_id = ?1)"));
  s.Bind(1, tenant_id).Bind(2, f.notice_id.value_or(0));
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    TaskFacts& t = out[s.Int(0)];
    t.notice_id = s.Int(1);
    t.facts.status = domain::StoredStatusFromCode(s.Text(2)).value_or(domain::StoredStatus::kOpen);
    t.facts.due = s.OptDate(3);
    t.facts.done_date = s.OptDate(4);
    t.facts.start_date = s.OptDate(5);
  }
  if (out.empty()) return out;
  DONDOC_ASSIGN_OR_RETURN(
      Stmt u, db.Prepare("SELECT task_id, unit_id FROM task_units WHERE tenant_id = ?1 AND role = "
                         "'lead' AND task_id IN (SELECT task_id FROM occurrences WHERE tenant_id "
                         "= ?1) ORDER BY task_id, position"));
  u.Bind(1, tenant_id);
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, u.Step());
    if (!row) break;
    auto it = out.find(u.Int(0));
    Id unit = u.Int(1);
    if (it == out.end() || !Visible(f, unit)) continue;
    std::vector<Id>& leads = it->second.leads;
    if (std::find(leads.begin(), leads.end(), unit) == leads.end()) leads.push_back(unit);
  }
  return out;
}

// The keys a task counts for under f.by, as the task-level query groups it.
Result<std::vector<Id>> KeysOf(const ScoreFilter& f, const TaskFacts& t,
                               const std::map<Id, std::set<Id>>& fields_of_unit) {
  switch (f.by) {
    case ScoreGroup::kUnit:
      return t.leads;
    case ScoreGroup::kField: {
      std::set<Id> keys;
      for (Id u : t.leads) {
        auto it = fields_of_unit.find(u);
        if (it != fields_of_unit.end()) keys.insert(it->second.begin(), it->second.end());
      }
      return std::vector<Id>(keys.begin(), keys.end());
    }
    case ScoreGroup::kNotice:
      if (f.visible_unit_ids && t.leads.empty()) return std::vector<Id>{};
      return std::vector<Id>{t.notice_id};
  }
  return Status::Internal("unknown score group");
}

Result<std::map<Id, std::set<Id>>> FieldsOfUnits(Db& db, Id tenant_id) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT unit_id, field_id FROM field_units WHERE tenant_id = ?1"));
  s.Bind(1, tenant_id);
  std::map<Id, std::set<Id>> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out[s.Int(0)].insert(s.Int(1));
  }
  return out;
}

}  // namespace

Status CountOccurrencesInstead(Db& db, Id tenant_id, const ScoreFilter& f,
                               std::vector<domain::ScoreRow>* rows) {
  DONDOC_ASSIGN_OR_RETURN(auto tasks, TasksWithOccurrences(db, tenant_id, f));
  if (tasks.empty()) return Status::Ok();
  DONDOC_ASSIGN_OR_RETURN(auto occurrences, OccurrencesByTask(db, tenant_id, f.as_of));
  std::map<Id, std::set<Id>> fields_of_unit;
  if (f.by == ScoreGroup::kField) {
    DONDOC_ASSIGN_OR_RETURN(fields_of_unit, FieldsOfUnits(db, tenant_id));
  }
  std::map<Id, domain::ScoreCounts> counts;
  for (const domain::ScoreRow& r : *rows) counts[r.key] = r.counts;
  for (const auto& [task_id, t] : tasks) {
    domain::ScoreCounts as_task;
    domain::Tally(t.facts, f.as_of, &as_task);
    domain::ScoreCounts as_occurrences;
    for (const domain::Occurrence& o : occurrences[task_id]) {
      domain::Tally(domain::OccurrenceFacts(o, t.facts), f.as_of, &as_occurrences);
    }
    DONDOC_ASSIGN_OR_RETURN(std::vector<Id> keys, KeysOf(f, t, fields_of_unit));
    for (Id key : keys) {
      domain::ScoreCounts& c = counts[key];
      AddCounts(as_task, -1, &c);
      AddCounts(as_occurrences, 1, &c);
    }
  }
  rows->clear();
  for (const auto& [key, c] : counts) {
    if (c.assigned > 0) rows->push_back(domain::ScoreRow{key, c});
  }
  return Status::Ok();
}

Status ExpandOccurrenceItems(Db& db, Id tenant_id, const ScoreFilter& f,
                             std::vector<domain::ScoreItem>* items) {
  DONDOC_ASSIGN_OR_RETURN(auto occurrences, OccurrencesByTask(db, tenant_id, f.as_of));
  if (occurrences.empty()) return Status::Ok();
  std::vector<domain::ScoreItem> out;
  out.reserve(items->size());
  for (domain::ScoreItem& it : *items) {
    auto found = occurrences.find(it.task_id);
    if (found == occurrences.end()) {
      out.push_back(std::move(it));
      continue;
    }
    for (const domain::Occurrence& o : found->second) {
      domain::ScoreItem one = it;
      one.facts = domain::OccurrenceFacts(o, it.facts);
      out.push_back(std::move(one));
    }
  }
  *items = std::move(out);
  return Status::Ok();
}

}  // namespace dondoc::store
