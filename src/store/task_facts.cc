#include "store/task_facts.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "domain/occurrences.h"
#include "store/rows.h"
#include "store/task_query.h"

namespace dondoc::store {

namespace {

// What one read returns for a task, before it is packed into the pools.
struct TaskRead {
  Id notice_id = 0;
  std::int64_t updated_at = 0;
  domain::StatusFacts facts;
  std::vector<Id> leads, supports;
  std::vector<domain::Occurrence> occurrences;
};

}  // namespace

TaskFacts::PackedDate TaskFacts::PackDate(text::Date d) {
  return d.year * 10000 + d.month * 100 + d.day;
}

TaskFacts::Facts TaskFacts::Pack(const domain::StatusFacts& f) {
  Facts p;
  p.status = static_cast<std::uint8_t>(f.status);
  if (f.due) p.due = PackDate(*f.due);
  if (f.done_date) p.done_date = PackDate(*f.done_date);
  if (f.start_date) p.start_date = PackDate(*f.start_date);
  return p;
}

domain::StatusFacts TaskFacts::Unpack(const Facts& p) {
  auto date = [](PackedDate d) -> std::optional<text::Date> {
    if (d == 0) return std::nullopt;
    return text::Date{d / 10000, d / 100 % 100, d % 100};
  };
  domain::StatusFacts f;
  f.status = static_cast<domain::StoredStatus>(p.status);
  f.due = date(p.due);
  f.done_date = date(p.done_date);
  f.start_date = date(p.start_date);
  return f;
}

Result<TaskFacts::FieldsOfUnit> TaskFacts::ReadFieldsOfUnits(Db& db, Id tenant_id) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT unit_id, field_id FROM field_units WHERE tenant_id = ?1 "
                         "ORDER BY unit_id, field_id"));
  s.Bind(1, tenant_id);
  FieldsOfUnit out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out[s.Int(0)].push_back(s.Int(1));
  }
  return out;
}

Status TaskFacts::Refresh(Db& db, Id tenant_id) {
  if (!loaded_) {
    tasks_.clear();
    unit_pool_.clear();
    period_pool_.clear();
    garbage_ = 0;
    dirty_tasks_.clear();
    dirty_notices_.clear();
    DONDOC_RETURN_IF_ERROR(Reload(db, tenant_id, "?2 = ''", "", {}));
    loaded_ = true;
    return Status::Ok();
  }
  if (!dirty_notices_.empty()) {
    std::vector<Id> notices(dirty_notices_.begin(), dirty_notices_.end());
    std::vector<Id> expected;
    for (const Entry& e : tasks_) {
      if (dirty_notices_.count(e.notice_id)) expected.push_back(e.task_id);
    }
    DONDOC_RETURN_IF_ERROR(Reload(db, tenant_id, "t.notice_id IN (SELECT value FROM json_each(?2))",
                                  IdsJson(notices), expected));
    dirty_notices_.clear();
  }
  if (!dirty_tasks_.empty()) {
    std::vector<Id> ids(dirty_tasks_.begin(), dirty_tasks_.end());
    DONDOC_RETURN_IF_ERROR(
        Reload(db, tenant_id, "t.id IN (SELECT value FROM json_each(?2))", IdsJson(ids), ids));
    dirty_tasks_.clear();
  }
  if (garbage_ > 4096 && garbage_ > (unit_pool_.size() + period_pool_.size()) / 2) CompactPools();
  return Status::Ok();
}

Status TaskFacts::Reload(Db& db, Id tenant_id, const std::string& where, const std::string& arg,
                         const std::vector<Id>& expected) {
  ReadSnapshot snap(db);
  const std::string tasks_where = "t.tenant_id = ?1 AND t.draft = 0 AND " + where;
  const std::string task_ids = "(SELECT t.id FROM tasks t WHERE " + tasks_where + ")";
  std::map<Id, TaskRead> read;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT t.id, t.notice_id, t.status, t.due, t.done_date, t.start_date, "
                           "t.updated_at FROM tasks t WHERE " +
                           tasks_where));
    s.Bind(1, tenant_id).Bind(2, arg);
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      TaskRead& t = read[s.Int(0)];
      t.notice_id = s.Int(1);
      t.facts.status =
          domain::StoredStatusFromCode(s.Text(2)).value_or(domain::StoredStatus::kOpen);
      t.facts.due = s.OptDate(3);
      t.facts.done_date = s.OptDate(4);
      t.facts.start_date = s.OptDate(5);
      t.updated_at = s.Int(6);
    }
  }
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT task_id, unit_id, role FROM task_units WHERE tenant_id = ?1 AND "
                           "task_id IN " +
                           task_ids + " ORDER BY task_id, position"));
    s.Bind(1, tenant_id).Bind(2, arg);
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      auto it = read.find(s.Int(0));
      if (it == read.end()) continue;
      std::vector<Id>& units = s.Text(2) == "lead" ? it->second.leads : it->second.supports;
      const Id unit = s.Int(1);
      if (std::find(units.begin(), units.end(), unit) == units.end()) units.push_back(unit);
    }
  }
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT task_id, period_start, period_end, due, done_date FROM "
                           "occurrences WHERE tenant_id = ?1 AND task_id IN " +
                           task_ids + " ORDER BY task_id, period_start"));
    s.Bind(1, tenant_id).Bind(2, arg);
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      auto it = read.find(s.Int(0));
      if (it == read.end()) continue;
      domain::Occurrence o;
      o.tenant_id = tenant_id;
      o.task_id = it->first;
      o.period_start = s.DateOr(1, text::Date{});
      o.period_end = s.DateOr(2, text::Date{});
      o.due = s.DateOr(3, text::Date{});
      o.done_date = s.OptDate(4);
      it->second.occurrences.push_back(o);
    }
  }

  // Tasks expected but not read were deleted or are drafts again: they count no more.
  std::unordered_set<Id> gone;
  for (Id id : expected) {
    if (!read.count(id)) gone.insert(id);
  }
  if (!gone.empty()) {
    std::erase_if(tasks_, [&](const Entry& e) {
      if (!gone.count(e.task_id)) return false;
      garbage_ += e.leads_n + e.periods_n;
      return true;
    });
  }

  const size_t old_size = tasks_.size();
  for (auto& [task_id, t] : read) {
    std::vector<Period> periods;
    periods.reserve(t.occurrences.size());
    for (const domain::Occurrence& o : t.occurrences) {
      periods.push_back(
          Period{PackDate(o.period_start), Pack(domain::OccurrenceFacts(o, t.facts))});
    }
    auto it = std::lower_bound(tasks_.begin(), tasks_.begin() + old_size, task_id,
                               [](const Entry& e, Id id) { return e.task_id < id; });
    Entry* e = nullptr;
    if (it != tasks_.begin() + old_size && it->task_id == task_id) {
      e = &*it;
    } else {
      tasks_.push_back(Entry{});
      e = &tasks_.back();
      e->task_id = task_id;
    }
    e->notice_id = t.notice_id;
    e->updated_at = t.updated_at;
    e->facts = Pack(t.facts);
    SetRanges(e, t.leads, t.supports, periods);
  }
  if (tasks_.size() > old_size) {
    auto by_id = [](const Entry& a, const Entry& b) { return a.task_id < b.task_id; };
    std::sort(tasks_.begin() + old_size, tasks_.end(), by_id);
    std::inplace_merge(tasks_.begin(), tasks_.begin() + old_size, tasks_.end(), by_id);
  }
  return Status::Ok();
}

void TaskFacts::SetRanges(Entry* e, const std::vector<Id>& leads, const std::vector<Id>& supports,
                          const std::vector<Period>& periods) {
  // Capped by the 16-bit counts; no task has thousands of units or periods.
  const size_t leads_n = std::min<size_t>(leads.size(), UINT16_MAX);
  const size_t supports_n = std::min<size_t>(supports.size(), UINT16_MAX);
  const size_t periods_n = std::min<size_t>(periods.size(), UINT16_MAX);
  const size_t old_units = e->leads_n + e->supports_n;
  if (leads_n + supports_n > old_units || old_units == 0) {
    garbage_ += old_units;
    e->units_at = static_cast<std::uint32_t>(unit_pool_.size());
    unit_pool_.resize(unit_pool_.size() + leads_n + supports_n);
  } else {
    garbage_ += old_units - leads_n - supports_n;
  }
  std::copy_n(leads.begin(), leads_n, unit_pool_.begin() + e->units_at);
  std::copy_n(supports.begin(), supports_n, unit_pool_.begin() + e->units_at + leads_n);
  e->leads_n = static_cast<std::uint16_t>(leads_n);
  e->supports_n = static_cast<std::uint16_t>(supports_n);
  if (periods_n > e->periods_n || e->periods_n == 0) {
    garbage_ += e->periods_n;
    e->periods_at = static_cast<std::uint32_t>(period_pool_.size());
    period_pool_.resize(period_pool_.size() + periods_n);
  } else {
    garbage_ += e->periods_n - periods_n;
  }
  std::copy_n(periods.begin(), periods_n, period_pool_.begin() + e->periods_at);
  e->periods_n = static_cast<std::uint16_t>(periods_n);
}

void TaskFacts::CompactPools() {
  std::vector<Id> units;
  std::vector<Period> periods;
  for (Entry& e : tasks_) {
    const std::uint32_t units_at = static_cast<std::uint32_t>(units.size());
    units.insert(units.end(), unit_pool_.begin() + e.units_at,
                 unit_pool_.begin() + e.units_at + e.leads_n + e.supports_n);
    e.units_at = units_at;
    const std::uint32_t periods_at = static_cast<std::uint32_t>(periods.size());
    periods.insert(periods.end(), period_pool_.begin() + e.periods_at,
                   period_pool_.begin() + e.periods_at + e.periods_n);
    e.periods_at = periods_at;
  }
  unit_pool_ = std::move(units);
  period_pool_ = std::move(periods);
  garbage_ = 0;
}

template <typename In>
bool TaskFacts::HasUnit(const Entry& e, const std::optional<domain::UnitRole>& role, In in) const {
  const Id* first = unit_pool_.data() + e.units_at;
  const Id* last = first + e.leads_n + e.supports_n;
  if (role == domain::UnitRole::kLead) last = first + e.leads_n;
  if (role == domain::UnitRole::kSupport) first += e.leads_n;
  return std::any_of(first, last, in);
}

bool TaskFacts::CanList(const TaskFilter& f) {
  return f.q.empty() && !f.field_id && !(f.include_drafts && f.notice_id);
}

// The conditions of a TaskFilter but its states, on entries.
class TaskFacts::Matcher {
 public:
  Matcher(const TaskFacts& facts, const TaskFilter& f, const std::vector<Id>& units)
      : facts_(facts), f_(f) {
    if (f.visible_unit_ids) visible_.insert(f.visible_unit_ids->begin(), f.visible_unit_ids->end());
    if (f.unit_id) wanted_.insert(units.begin(), units.end());
    if (f.due_before) due_before_ = PackDate(*f.due_before);
    if (f.due_after) due_after_ = PackDate(*f.due_after);
  }

  bool operator()(const Entry& e) const {
    if (f_.notice_id && e.notice_id != *f_.notice_id) return false;
    if (f_.due_before && (e.facts.due == 0 || e.facts.due > due_before_)) return false;
    if (f_.due_after && (e.facts.due == 0 || e.facts.due < due_after_)) return false;
    if (f_.visible_unit_ids &&
        !facts_.HasUnit(e, f_.role, [&](Id u) { return visible_.count(u) > 0; })) {
      return false;
    }
    if (f_.unit_id && !facts_.HasUnit(e, f_.role, [&](Id u) { return wanted_.count(u) > 0; })) {
      return false;
    }
    if (f_.role && !f_.unit_id && !f_.visible_unit_ids &&
        !facts_.HasUnit(e, f_.role, [](Id) { return true; })) {
      return false;
    }
    return true;
  }

 private:
  const TaskFacts& facts_;
  const TaskFilter& f_;
  std::unordered_set<Id> visible_, wanted_;
  PackedDate due_before_ = 0, due_after_ = 0;
};

TaskPageIds TaskFacts::List(const TaskFilter& f, const std::vector<Id>& units, int limit,
                            int offset) const {
  const Matcher matches(*this, f, units);
  std::vector<TaskKey> keys;
  for (const Entry& e : tasks_) {
    if (!matches(e)) continue;
    if (!f.states.empty() || f.overdue_only) {
      const domain::StatusFacts facts = Unpack(e.facts);
      if (!f.states.empty() && std::find(f.states.begin(), f.states.end(),
                                         domain::DeriveStatus(facts, f.as_of)) == f.states.end()) {
        continue;
      }
      if (f.overdue_only && !domain::IsOverdue(facts, f.as_of)) continue;
    }
    TaskKey k;
    k.id = e.task_id;
    if (e.facts.due) k.due = Unpack(e.facts).due->ToIso();
    k.notice_id = e.notice_id;
    k.updated_at = e.updated_at;
    keys.push_back(std::move(k));
  }
  TaskPageIds out;
  out.total = static_cast<long>(keys.size());
  if (limit <= 0 || out.total <= offset) return out;
  const size_t end = std::min(keys.size(), static_cast<size_t>(offset) + limit);
  std::partial_sort(keys.begin(), keys.begin() + static_cast<long>(end), keys.end(),
                    [&](const TaskKey& a, const TaskKey& b) { return TaskLess(f.sort, a, b); });
  for (size_t i = static_cast<size_t>(offset); i < end; ++i) out.ids.push_back(keys[i].id);
  return out;
}

std::array<long, domain::kTaskStateCount> TaskFacts::CountByState(
    const TaskFilter& f, const std::vector<Id>& units) const {
  const Matcher matches(*this, f, units);
  std::array<long, domain::kTaskStateCount> out{};
  for (const Entry& e : tasks_) {
    if (!matches(e)) continue;
    if (f.overdue_only && !domain::IsOverdue(Unpack(e.facts), f.as_of)) continue;
    ++out[static_cast<size_t>(domain::DeriveStatus(Unpack(e.facts), f.as_of))];
  }
  return out;
}

std::vector<domain::ScoreCounts> TaskFacts::Totals(const ScoreFilter& f,
                                                   const std::vector<text::Date>& dates) const {
  std::unordered_set<Id> visible;
  if (f.visible_unit_ids) visible.insert(f.visible_unit_ids->begin(), f.visible_unit_ids->end());
  std::vector<PackedDate> packed;
  for (text::Date d : dates) packed.push_back(PackDate(d));
  std::vector<domain::ScoreCounts> out(dates.size());
  for (const Entry& e : tasks_) {
    if (f.notice_id && e.notice_id != *f.notice_id) continue;
    if (f.visible_unit_ids) {
      const Id* leads = unit_pool_.data() + e.units_at;
      if (std::none_of(leads, leads + e.leads_n, [&](Id u) { return visible.count(u) > 0; })) {
        continue;
      }
    }
    if (e.periods_n == 0) {
      const domain::StatusFacts facts = Unpack(e.facts);
      for (size_t i = 0; i < dates.size(); ++i) domain::Tally(facts, dates[i], &out[i]);
      continue;
    }
    const Period* p = period_pool_.data() + e.periods_at;
    for (int k = 0; k < e.periods_n; ++k) {
      const domain::StatusFacts facts = Unpack(p[k].facts);
      for (size_t i = 0; i < dates.size(); ++i) {
        if (p[k].period_start <= packed[i]) domain::Tally(facts, dates[i], &out[i]);
      }
    }
  }
  return out;
}

std::vector<domain::ScoreRow> TaskFacts::Count(const ScoreFilter& f,
                                               const FieldsOfUnit& fields_of_unit) const {
  std::unordered_set<Id> visible;
  if (f.visible_unit_ids) visible.insert(f.visible_unit_ids->begin(), f.visible_unit_ids->end());
  auto is_visible = [&](Id unit) { return !f.visible_unit_ids || visible.count(unit) > 0; };
  const PackedDate as_of = PackDate(f.as_of);

  std::unordered_map<Id, domain::ScoreCounts> rows;
  std::vector<Id> keys;
  for (const Entry& e : tasks_) {
    if (f.notice_id && e.notice_id != *f.notice_id) continue;
    keys.clear();
    const Id* leads = unit_pool_.data() + e.units_at;
    switch (f.by) {
      case ScoreGroup::kUnit:
        for (int i = 0; i < e.leads_n; ++i) {
          if (is_visible(leads[i])) keys.push_back(leads[i]);
        }
        break;
      case ScoreGroup::kNotice:
        if (!f.visible_unit_ids || std::any_of(leads, leads + e.leads_n, is_visible)) {
          keys.push_back(e.notice_id);
        }
        break;
      case ScoreGroup::kField:
        for (int i = 0; i < e.leads_n; ++i) {
          if (!is_visible(leads[i])) continue;
          auto it = fields_of_unit.find(leads[i]);
          if (it == fields_of_unit.end()) continue;
          for (Id field : it->second) {
            if (std::find(keys.begin(), keys.end(), field) == keys.end()) keys.push_back(field);
          }
        }
        break;
    }
    if (keys.empty()) continue;
    domain::ScoreCounts c;
    if (e.periods_n == 0) {
      domain::Tally(Unpack(e.facts), f.as_of, &c);
    } else {
      const Period* p = period_pool_.data() + e.periods_at;
      for (int i = 0; i < e.periods_n; ++i) {
        if (p[i].period_start <= as_of) domain::Tally(Unpack(p[i].facts), f.as_of, &c);
      }
    }
    if (c.assigned == 0) continue;
    for (Id key : keys) rows[key] += c;
  }
  std::vector<domain::ScoreRow> out;
  out.reserve(rows.size());
  for (const auto& [key, counts] : rows) out.push_back(domain::ScoreRow{key, counts});
  std::sort(out.begin(), out.end(),
            [](const domain::ScoreRow& a, const domain::ScoreRow& b) { return a.key < b.key; });
  return out;
}

}  // namespace dondoc::store
