#include "store/task_facts.h"

#include <algorithm>
#include <unordered_set>

#include "domain/occurrences.h"
#include "store/rows.h"

namespace dondoc::store {

namespace {

// Rows of one Reload, before they are packed into the entries and pools.
struct UnitRow {
  Id task_id = 0, unit_id = 0;
  std::int64_t position = 0;
  bool lead = false;
};
struct OccurrenceRow {
  Id task_id = 0;
  text::Date period_start, period_end, due;
  std::optional<text::Date> done_date;
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

std::optional<text::Date> TaskFacts::UnpackDate(PackedDate d) {
  if (d == 0) return std::nullopt;
  return text::Date{d / 10000, d / 100 % 100, d % 100};
}

domain::StatusFacts TaskFacts::Unpack(const Facts& p) {
  domain::StatusFacts f;
  f.status = static_cast<domain::StoredStatus>(p.status);
  f.due = UnpackDate(p.due);
  f.done_date = UnpackDate(p.done_date);
  f.start_date = UnpackDate(p.start_date);
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

reads::TaskRowHint TaskFacts::Hint(Id task_id) const {
  reads::TaskRowHint hint;
  const Entry* e = Find(task_id);
  if (!e) return hint;
  hint.rowid = e->rowid;
  if (e->units_version == kUnknownUnitsVersion) return hint;
  hint.units_version = e->units_version;
  const auto units = unit_pool_.begin() + e->units_at;
  hint.lead_unit_ids.assign(units, units + e->leads_n);
  hint.support_unit_ids.assign(units + e->leads_n, units + e->leads_n + e->supports_n);
  return hint;
}

const TaskFacts::Entry* TaskFacts::Find(Id task_id) const {
  if (tasks_.empty() || task_id < tasks_.front().task_id) return nullptr;
  // Ids are distinct and increasing, so a task sits at most (id - first id) entries in, and
  // exactly there when no id before it is missing (a draft, a deleted task): the usual case
  // costs one look instead of a binary search's ~18 cache misses over 200,000 entries (~1 % of
  // a task read's CPU).
  const auto most = static_cast<size_t>(task_id - tasks_.front().task_id);
  if (most < tasks_.size() && tasks_[most].task_id == task_id) return &tasks_[most];
  const auto end = tasks_.begin() + static_cast<std::ptrdiff_t>(std::min(most + 1, tasks_.size()));
  auto it = std::lower_bound(tasks_.begin(), end, task_id,
                             [](const Entry& e, Id id) { return e.task_id < id; });
  return it != end && it->task_id == task_id ? &*it : nullptr;
}

Status TaskFacts::Refresh(Db& db, Id tenant_id) {
  if (!loaded_) {
    tasks_.clear();
    tasks_of_unit_.clear();
    unit_pool_.clear();
    period_pool_.clear();
    garbage_ = 0;
    dirty_tasks_.clear();
    dirty_notices_.clear();
    DONDOC_RETURN_IF_ERROR(Reload(db, tenant_id, Scope::kAll, {}, {}));
    loaded_ = true;
    return Status::Ok();
  }
  if (!dirty_notices_.empty()) {
    std::vector<Id> notices(dirty_notices_.begin(), dirty_notices_.end());
    std::vector<Id> expected;
    for (const Entry& e : tasks_) {
      if (dirty_notices_.count(e.notice_id)) expected.push_back(e.task_id);
    }
    DONDOC_RETURN_IF_ERROR(Reload(db, tenant_id, Scope::kNotices, notices, expected));
    dirty_notices_.clear();
  }
  if (!dirty_tasks_.empty()) {
    std::vector<Id> ids(dirty_tasks_.begin(), dirty_tasks_.end());
    DONDOC_RETURN_IF_ERROR(Reload(db, tenant_id, Scope::kTasks, ids, ids));
    dirty_tasks_.clear();
  }
  if (garbage_ > 4096 && garbage_ > (unit_pool_.size() + period_pool_.size()) / 2) CompactPools();
  return Status::Ok();
}

Status TaskFacts::Reload(Db& db, Id tenant_id, Scope scope, const std::vector<Id>& ids,
                         const std::vector<Id>& expected) {
  ReadSnapshot snap(db);
  // Each read as three statements, one per scope; ?1 the tenant, ?2 the ids (not for kAll).
  // The ids drive the query (CROSS JOIN keeps json_each outside, INDEXED BY the by-task index):
  // with `IN (json_each)` SQLite scanned the tenant's whole task_units (~120 ms on 200,000
  // tasks) for one changed task.
  auto prepare = [&](const std::string& columns, const std::string& all,
                     const std::string& of_tasks, const std::string& of_notices) -> Result<Stmt> {
    const std::string& from = scope == Scope::kAll     ? all
                              : scope == Scope::kTasks ? of_tasks
                                                       : of_notices;
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT " + columns + " FROM " + from));
    s.Bind(1, tenant_id);
    if (scope != Scope::kAll) s.Bind(2, IdsJson(ids));
    return s;
  };
  const std::string by_task = "json_each(?2) j CROSS JOIN ";
  const std::string by_notice =
      "json_each(?2) j CROSS JOIN tasks n CROSS JOIN ";  // n: the notices' tasks
  const std::string notice_tasks = "n.tenant_id = ?1 AND n.notice_id = j.value AND ";

  // Tasks, by id: new entries (their ranges still empty).
  std::vector<Entry> read;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s,
        prepare("t.id, t.notice_id, t.status, t.due, t.done_date, t.start_date, t.updated_at, "
                "t.rowid, t.units_version",
                "tasks t WHERE t.tenant_id = ?1 AND t.draft = 0",
                by_task + "tasks t WHERE t.tenant_id = ?1 AND t.id = j.value AND t.draft = 0",
                "json_each(?2) j CROSS JOIN tasks t WHERE t.tenant_id = ?1 AND t.notice_id = "
                "j.value AND t.draft = 0"));
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      Entry e;
      e.task_id = s.Int(0);
      e.notice_id = s.Int(1);
      domain::StatusFacts f;
      f.status = domain::StoredStatusFromCode(s.Text(2)).value_or(domain::StoredStatus::kOpen);
      f.due = s.OptDate(3);
      f.done_date = s.OptDate(4);
      f.start_date = s.OptDate(5);
      e.facts = Pack(f);
      e.updated_at = s.Int(6);
      e.rowid = s.Int(7);
      const std::int64_t units_version = s.Int(8);
      e.units_version = units_version >= 0 && units_version < kUnknownUnitsVersion
                            ? static_cast<std::uint16_t>(units_version)
                            : kUnknownUnitsVersion;
      read.push_back(e);
    }
  }
  auto by_id = [](const Entry& a, const Entry& b) { return a.task_id < b.task_id; };
  std::sort(read.begin(), read.end(), by_id);

  // Units and occurrences, read in table order (no sort in SQLite, whose temporary b-trees
  // would count in the server's memory) and sorted here.
  std::vector<UnitRow> units;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s,
        prepare("tu.task_id, tu.unit_id, tu.role = 'lead', tu.position",
                "task_units tu WHERE tu.tenant_id = ?1 AND tu.draft = 0",
                by_task + "task_units tu INDEXED BY task_units_task WHERE tu.tenant_id = ?1 AND "
                          "tu.task_id = j.value AND tu.draft = 0",
                by_notice + "task_units tu INDEXED BY task_units_task WHERE " + notice_tasks +
                    "tu.tenant_id = ?1 AND tu.task_id = n.id AND tu.draft = 0"));
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      units.push_back(UnitRow{s.Int(0), s.Int(1), s.Int(3), s.Int(2) != 0});
    }
  }
  std::sort(units.begin(), units.end(), [](const UnitRow& a, const UnitRow& b) {
    if (a.task_id != b.task_id) return a.task_id < b.task_id;
    if (a.lead != b.lead) return a.lead;
    // Then as the task_units_task index orders them, which reads::GetTaskDetail shows.
    return a.position != b.position ? a.position < b.position : a.unit_id < b.unit_id;
  });
  std::vector<OccurrenceRow> occurrences;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, prepare("o.task_id, o.period_start, o.period_end, o.due, o.done_date",
                        "occurrences o WHERE o.tenant_id = ?1",
                        by_task + "occurrences o WHERE o.tenant_id = ?1 AND o.task_id = j.value",
                        by_notice + "occurrences o WHERE " + notice_tasks +
                            "o.tenant_id = ?1 AND o.task_id = n.id"));
    while (true) {
      DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      occurrences.push_back(OccurrenceRow{s.Int(0), s.DateOr(1, text::Date{}),
                                          s.DateOr(2, text::Date{}), s.DateOr(3, text::Date{}),
                                          s.OptDate(4)});
    }
  }
  std::sort(
      occurrences.begin(), occurrences.end(), [](const OccurrenceRow& a, const OccurrenceRow& b) {
        return a.task_id != b.task_id ? a.task_id < b.task_id : a.period_start < b.period_start;
      });

  // Tasks expected but not read were deleted or are drafts again: they count no more.
  std::unordered_set<Id> gone(expected.begin(), expected.end());
  for (const Entry& e : read) gone.erase(e.task_id);
  if (!gone.empty()) {
    // Positions move: the unit index is rebuilt below.
    std::erase_if(tasks_, [&](const Entry& e) {
      if (!gone.count(e.task_id)) return false;
      garbage_ += e.leads_n + e.supports_n + e.periods_n;
      return true;
    });
  }

  if (scope == Scope::kAll) tasks_.reserve(read.size());
  const size_t old_size = tasks_.size();
  size_t u = 0, o = 0;
  std::vector<Id> leads, supports;
  std::vector<Period> periods;
  for (const Entry& r : read) {
    leads.clear();
    supports.clear();
    periods.clear();
    while (u < units.size() && units[u].task_id < r.task_id) ++u;
    for (; u < units.size() && units[u].task_id == r.task_id; ++u) {
      std::vector<Id>& to = units[u].lead ? leads : supports;
      if (std::find(to.begin(), to.end(), units[u].unit_id) == to.end()) {
        to.push_back(units[u].unit_id);
      }
    }
    while (o < occurrences.size() && occurrences[o].task_id < r.task_id) ++o;
    if (o < occurrences.size() && occurrences[o].task_id == r.task_id) {
      const domain::StatusFacts task = Unpack(r.facts);
      for (; o < occurrences.size() && occurrences[o].task_id == r.task_id; ++o) {
        const OccurrenceRow& row = occurrences[o];
        domain::Occurrence occ;
        occ.tenant_id = tenant_id;
        occ.task_id = r.task_id;
        occ.period_start = row.period_start;
        occ.period_end = row.period_end;
        occ.due = row.due;
        occ.done_date = row.done_date;
        periods.push_back(
            Period{PackDate(row.period_start), Pack(domain::OccurrenceFacts(occ, task))});
      }
    }
    auto it =
        std::lower_bound(tasks_.begin(), tasks_.begin() + static_cast<long>(old_size), r, by_id);
    if (it != tasks_.begin() + static_cast<long>(old_size) && it->task_id == r.task_id) {
      const std::vector<Id> before = UnitsOf(*it);
      it->notice_id = r.notice_id;
      it->rowid = r.rowid;
      it->units_version = r.units_version;
      it->updated_at = r.updated_at;
      it->facts = r.facts;
      SetRanges(&*it, leads, supports, periods);
      IndexUnits(static_cast<std::uint32_t>(it - tasks_.begin()), before, UnitsOf(*it));
    } else {
      // Indexed with the rest below, once it has its final position.
      Entry& e = tasks_.emplace_back();
      e.task_id = r.task_id;
      e.notice_id = r.notice_id;
      e.rowid = r.rowid;
      e.units_version = r.units_version;
      e.updated_at = r.updated_at;
      e.facts = r.facts;
      SetRanges(&e, leads, supports, periods);
    }
  }
  if (tasks_.size() > old_size) {
    // `read` is sorted, so the appended tail is too.
    std::inplace_merge(tasks_.begin(), tasks_.begin() + static_cast<long>(old_size), tasks_.end(),
                       by_id);
  }
  if (!gone.empty() || tasks_.size() > old_size) RebuildUnitIndex();
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

void TaskFacts::IndexUnits(std::uint32_t position, std::vector<Id> before, std::vector<Id> after) {
  std::sort(before.begin(), before.end());
  before.erase(std::unique(before.begin(), before.end()), before.end());
  std::sort(after.begin(), after.end());
  after.erase(std::unique(after.begin(), after.end()), after.end());
  if (before == after) return;
  for (Id unit : before) {
    if (std::binary_search(after.begin(), after.end(), unit)) continue;
    std::vector<std::uint32_t>& at = tasks_of_unit_[unit];
    auto it = std::lower_bound(at.begin(), at.end(), position);
    if (it != at.end() && *it == position) at.erase(it);
  }
  for (Id unit : after) {
    if (std::binary_search(before.begin(), before.end(), unit)) continue;
    std::vector<std::uint32_t>& at = tasks_of_unit_[unit];
    auto it = std::lower_bound(at.begin(), at.end(), position);
    if (it == at.end() || *it != position) at.insert(it, position);
  }
}

std::vector<Id> TaskFacts::UnitsOf(const Entry& e) const {
  const Id* units = unit_pool_.data() + e.units_at;
  return std::vector<Id>(units, units + e.leads_n + e.supports_n);
}

void TaskFacts::RebuildUnitIndex() {
  for (auto& [unit, at] : tasks_of_unit_) at.clear();
  for (size_t p = 0; p < tasks_.size(); ++p) {
    const Entry& e = tasks_[p];
    const Id* units = unit_pool_.data() + e.units_at;
    for (const Id* u = units; u != units + e.leads_n + e.supports_n; ++u) {
      std::vector<std::uint32_t>& at = tasks_of_unit_[*u];
      // A unit both lead and support of one task is indexed once.
      if (at.empty() || at.back() != p) at.push_back(static_cast<std::uint32_t>(p));
    }
  }
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

}  // namespace dondoc::store
