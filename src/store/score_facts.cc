#include "store/score_facts.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "domain/occurrences.h"
#include "store/rows.h"

namespace dondoc::store {

namespace {

// What one read returns for a task, before it is packed into the pools.
struct TaskRead {
  Id notice_id = 0;
  domain::StatusFacts facts;
  std::vector<Id> leads;
  std::vector<domain::Occurrence> occurrences;
};

void AddCounts(const domain::ScoreCounts& b, domain::ScoreCounts* a) {
  a->assigned += b.assigned;
  a->not_due += b.not_due;
  a->in_progress += b.in_progress;
  a->done_on_time += b.done_on_time;
  a->done_late += b.done_late;
  a->overdue += b.overdue;
  a->paused += b.paused;
}

}  // namespace

ScoreFacts::PackedDate ScoreFacts::PackDate(text::Date d) {
  return d.year * 10000 + d.month * 100 + d.day;
}

ScoreFacts::Facts ScoreFacts::Pack(const domain::StatusFacts& f) {
  Facts p;
  p.status = static_cast<std::uint8_t>(f.status);
  if (f.due) p.due = PackDate(*f.due);
  if (f.done_date) p.done_date = PackDate(*f.done_date);
  if (f.start_date) p.start_date = PackDate(*f.start_date);
  return p;
}

domain::StatusFacts ScoreFacts::Unpack(const Facts& p) {
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

Result<ScoreFacts::FieldsOfUnit> ScoreFacts::ReadFieldsOfUnits(Db& db, Id tenant_id) {
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

Status ScoreFacts::Refresh(Db& db, Id tenant_id) {
  if (!loaded_) {
    tasks_.clear();
    lead_pool_.clear();
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
  if (garbage_ > 4096 && garbage_ > (lead_pool_.size() + period_pool_.size()) / 2) CompactPools();
  return Status::Ok();
}

Status ScoreFacts::Reload(Db& db, Id tenant_id, const std::string& where, const std::string& arg,
                          const std::vector<Id>& expected) {
  ReadSnapshot snap(db);
  const std::string tasks_where = "t.tenant_id = ?1 AND t.draft = 0 AND " + where;
  const std::string task_ids = "(SELECT t.id FROM tasks t WHERE " + tasks_where + ")";
  std::map<Id, TaskRead> read;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT t.id, t.notice_id, t.status, t.due, t.done_date, t.start_date "
                           "FROM tasks t WHERE " +
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
    }
  }
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("SELECT task_id, unit_id FROM task_units WHERE tenant_id = ?1 AND role "
                           "= 'lead' AND task_id IN " +
                           task_ids + " ORDER BY task_id, position"));
    s.Bind(1, tenant_id).Bind(2, arg);
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      auto it = read.find(s.Int(0));
      if (it == read.end()) continue;
      std::vector<Id>& leads = it->second.leads;
      const Id unit = s.Int(1);
      if (std::find(leads.begin(), leads.end(), unit) == leads.end()) leads.push_back(unit);
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
    e->facts = Pack(t.facts);
    SetRanges(e, t.leads, periods);
  }
  if (tasks_.size() > old_size) {
    auto by_id = [](const Entry& a, const Entry& b) { return a.task_id < b.task_id; };
    std::sort(tasks_.begin() + old_size, tasks_.end(), by_id);
    std::inplace_merge(tasks_.begin(), tasks_.begin() + old_size, tasks_.end(), by_id);
  }
  return Status::Ok();
}

void ScoreFacts::SetRanges(Entry* e, const std::vector<Id>& leads,
                           const std::vector<Period>& periods) {
  // Capped by the 16-bit counts; no task has thousands of leads or periods.
  const size_t leads_n = std::min<size_t>(leads.size(), UINT16_MAX);
  const size_t periods_n = std::min<size_t>(periods.size(), UINT16_MAX);
  if (leads_n > e->leads_n || e->leads_n == 0) {
    garbage_ += e->leads_n;
    e->leads_at = static_cast<std::uint32_t>(lead_pool_.size());
    lead_pool_.resize(lead_pool_.size() + leads_n);
  } else {
    garbage_ += e->leads_n - leads_n;
  }
  std::copy_n(leads.begin(), leads_n, lead_pool_.begin() + e->leads_at);
  e->leads_n = static_cast<std::uint16_t>(leads_n);
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

void ScoreFacts::CompactPools() {
  std::vector<Id> leads;
  std::vector<Period> periods;
  leads.reserve(lead_pool_.size() - std::min(garbage_, lead_pool_.size()));
  for (Entry& e : tasks_) {
    const std::uint32_t leads_at = static_cast<std::uint32_t>(leads.size());
    leads.insert(leads.end(), lead_pool_.begin() + e.leads_at,
                 lead_pool_.begin() + e.leads_at + e.leads_n);
    e.leads_at = leads_at;
    const std::uint32_t periods_at = static_cast<std::uint32_t>(periods.size());
    periods.insert(periods.end(), period_pool_.begin() + e.periods_at,
                   period_pool_.begin() + e.periods_at + e.periods_n);
    e.periods_at = periods_at;
  }
  lead_pool_ = std::move(leads);
  period_pool_ = std::move(periods);
  garbage_ = 0;
}

std::vector<domain::ScoreRow> ScoreFacts::Count(const ScoreFilter& f,
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
    const Id* leads = lead_pool_.data() + e.leads_at;
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
    for (Id key : keys) AddCounts(c, &rows[key]);
  }
  std::vector<domain::ScoreRow> out;
  out.reserve(rows.size());
  for (const auto& [key, counts] : rows) out.push_back(domain::ScoreRow{key, counts});
  std::sort(out.begin(), out.end(),
            [](const domain::ScoreRow& a, const domain::ScoreRow& b) { return a.key < b.key; });
  return out;
}

}  // namespace dondoc::store
