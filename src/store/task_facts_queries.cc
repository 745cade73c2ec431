// TaskFacts' questions: lists, counts by state, scorecards and totals, each one pass over the
// entries. Ids of units and notices are small numbers within a tenant, so sets and counters
// indexed by them are flat arrays (a hash lookup per task would cost more than the rest).
#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "store/task_facts.h"
#include "store/task_query.h"

namespace dondoc::store {

namespace {

// Ids below this are kept in flat arrays; others (never seen in practice) in hash tables.
constexpr Id kDenseIds = 1 << 16;

// A set of ids.
class IdSet {
 public:
  explicit IdSet(const std::vector<Id>& ids) {
    for (Id id : ids) {
      if (id >= 0 && id < kDenseIds) {
        if (static_cast<size_t>(id) >= dense_.size()) dense_.resize(static_cast<size_t>(id) + 1);
        dense_[static_cast<size_t>(id)] = true;
      } else {
        sparse_.insert(id);
      }
    }
  }
  bool Has(Id id) const {
    if (id >= 0 && static_cast<size_t>(id) < dense_.size()) return dense_[static_cast<size_t>(id)];
    return !sparse_.empty() && sparse_.count(id) > 0;
  }

 private:
  std::vector<bool> dense_;
  std::unordered_set<Id> sparse_;
};

// Counters by key (unit, field or notice id), read out in key order.
class CountsByKey {
 public:
  domain::ScoreCounts& operator[](Id key) {
    if (key >= 0 && key < kDenseIds) {
      if (static_cast<size_t>(key) >= dense_.size()) dense_.resize(static_cast<size_t>(key) + 1);
      return dense_[static_cast<size_t>(key)];
    }
    return sparse_[key];
  }
  // Rows with anything assigned, sorted by key.
  std::vector<domain::ScoreRow> Rows() const {
    std::vector<domain::ScoreRow> out;
    for (size_t k = 0; k < dense_.size(); ++k) {
      if (dense_[k].assigned > 0) out.push_back({static_cast<Id>(k), dense_[k]});
    }
    for (const auto& [key, counts] : sparse_) {
      if (counts.assigned > 0) out.push_back({key, counts});
    }
    std::sort(out.begin(), out.end(),
              [](const domain::ScoreRow& a, const domain::ScoreRow& b) { return a.key < b.key; });
    return out;
  }

 private:
  std::vector<domain::ScoreCounts> dense_;
  std::unordered_map<Id, domain::ScoreCounts> sparse_;
};

// A listed task's sort columns; due as yyyymmdd, 0 when none.
struct SortKey {
  std::uint32_t position = 0;  // of its entry
  Id id = 0;
  std::int32_t due = 0;
  Id notice_id = 0;
  std::int64_t updated_at = 0;
};

// The order of TaskLess (task_query.h) on SortKey: a task without a due date sorts as due on
// 9999-12-31 ascending and last descending.
bool SortLess(TaskSort sort, const SortKey& a, const SortKey& b) {
  constexpr std::int32_t kNoDue = 99991231;
  switch (sort) {
    case TaskSort::kDueAsc: {
      const std::int32_t da = a.due ? a.due : kNoDue, db = b.due ? b.due : kNoDue;
      return da != db ? da < db : a.id < b.id;
    }
    case TaskSort::kDueDesc:
      if ((a.due == 0) != (b.due == 0)) return b.due == 0;
      return a.due != b.due ? a.due > b.due : a.id < b.id;
    case TaskSort::kCreatedDesc:
      return a.id > b.id;
    case TaskSort::kUpdatedDesc:
      return a.updated_at != b.updated_at ? a.updated_at > b.updated_at : a.id > b.id;
    case TaskSort::kIdAsc:
    case TaskSort::kRank:
      return a.notice_id != b.notice_id ? a.notice_id < b.notice_id : a.id < b.id;
  }
  return a.id < b.id;
}

}  // namespace

template <typename In>
bool TaskFacts::HasUnit(const Entry& e, const std::optional<domain::UnitRole>& role, In in) const {
  const Id* first = unit_pool_.data() + e.units_at;
  const Id* last = first + e.leads_n + e.supports_n;
  if (role == domain::UnitRole::kLead) last = first + e.leads_n;
  if (role == domain::UnitRole::kSupport) first += e.leads_n;
  return std::any_of(first, last, in);
}

bool TaskFacts::CanList(const TaskFilter& f) {
  return f.q.empty() && !(f.include_drafts && f.notice_id);
}

// The conditions of a TaskFilter but its states, on entries.
class TaskFacts::Matcher {
 public:
  Matcher(const TaskFacts& facts, const TaskFilter& f, const FilterUnits& units)
      : facts_(facts),
        f_(f),
        units_(units),
        visible_(f.visible_unit_ids ? *f.visible_unit_ids : std::vector<Id>{}),
        wanted_(f.unit_id ? units.of_unit : std::vector<Id>{}),
        field_(f.field_id ? units.of_field : std::vector<Id>{}) {
    if (f.due_before) due_before_ = PackDate(*f.due_before);
    if (f.due_after) due_after_ = PackDate(*f.due_after);
  }

  // `drawn_from`: the unit set of ForEachCandidate that `e` came through (null: all entries).
  // `e` has a unit of that set in some role, so that condition is checked only for a role:
  // reading the entry's units is a cache miss per candidate, most of a first page's time.
  bool operator()(const Entry& e, const std::vector<Id>* drawn_from) const {
    if (f_.notice_id && e.notice_id != *f_.notice_id) return false;
    if (f_.due_before && (e.facts.due == 0 || e.facts.due > due_before_)) return false;
    if (f_.due_after && (e.facts.due == 0 || e.facts.due < due_after_)) return false;
    if (f_.visible_unit_ids && !(drawn_from == &*f_.visible_unit_ids && !f_.role) &&
        !facts_.HasUnit(e, f_.role, [&](Id u) { return visible_.Has(u); })) {
      return false;
    }
    if (f_.unit_id && !(drawn_from == &units_.of_unit && !f_.role) &&
        !facts_.HasUnit(e, f_.role, [&](Id u) { return wanted_.Has(u); })) {
      return false;
    }
    // A field's units in any role, its own units only (as the SQL of task_query.cc).
    if (f_.field_id && drawn_from != &units_.of_field &&
        !facts_.HasUnit(e, std::nullopt, [&](Id u) { return field_.Has(u); })) {
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
  const FilterUnits& units_;
  IdSet visible_, wanted_, field_;
  PackedDate due_before_ = 0, due_after_ = 0;
};

template <typename Fn>
void TaskFacts::ForEachCandidate(const TaskFilter& f, const FilterUnits& units, Fn fn) const {
  auto size_of = [&](const std::vector<Id>& of) {
    size_t n = 0;
    for (Id u : of) {
      if (auto it = tasks_of_unit_.find(u); it != tasks_of_unit_.end()) n += it->second.size();
    }
    return n;
  };
  // Every task matching f has a unit in each set f names: go through the smallest.
  const std::vector<Id>* through = nullptr;
  size_t n = tasks_.size();
  auto consider = [&](const std::vector<Id>& set) {
    if (const size_t v = size_of(set); !through || v < n) {
      through = &set;
      n = v;
    }
  };
  if (f.unit_id) consider(units.of_unit);
  if (f.visible_unit_ids) consider(*f.visible_unit_ids);
  if (f.field_id) consider(units.of_field);
  // Past half of all tasks, reading every entry costs less than finding the candidates.
  if (!through || n > tasks_.size() / 2 || tasks_.empty()) {
    for (const Entry& e : tasks_) fn(e, nullptr);
    return;
  }
  // The candidates' positions, marked in a bitmap: a task named by several units is marked
  // once, and the marks come out in position order without sorting (sorting the ~30,000 ids of a
  // district and finding each by binary search was most of its first page).
  std::vector<std::uint64_t> marks((tasks_.size() + 63) / 64);
  for (Id u : *through) {
    if (auto it = tasks_of_unit_.find(u); it != tasks_of_unit_.end()) {
      for (std::uint32_t p : it->second) marks[p / 64] |= std::uint64_t{1} << (p % 64);
    }
  }
  // The entries are read through a list of positions so that each can be asked from memory a
  // few candidates ahead: the candidates are scattered over the ~13 MB entry array, and waiting
  // for each entry's first cache line was half of a first page's list (FINDINGS.md 3j).
  std::vector<std::uint32_t> positions;
  positions.reserve(n);
  for (size_t w = 0; w < marks.size(); ++w) {
    for (std::uint64_t word = marks[w]; word != 0; word &= word - 1) {
      positions.push_back(
          static_cast<std::uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(word))));
    }
  }
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < positions.size(); ++i) {
    if (i + kAhead < positions.size()) __builtin_prefetch(&tasks_[positions[i + kAhead]]);
    fn(tasks_[positions[i]], through);
  }
}

TaskPageIds TaskFacts::List(const TaskFilter& f, const FilterUnits& units, int limit,
                            int offset) const {
  const Matcher matches(*this, f, units);
  std::vector<SortKey> keys;
  ForEachCandidate(f, units, [&](const Entry& e, const std::vector<Id>* drawn_from) {
    if (!matches(e, drawn_from)) return;
    if (!f.states.empty() || f.overdue_only) {
      const domain::StatusFacts facts = Unpack(e.facts);
      if (!f.states.empty() && std::find(f.states.begin(), f.states.end(),
                                         domain::DeriveStatus(facts, f.as_of)) == f.states.end()) {
        return;
      }
      if (f.overdue_only && !domain::IsOverdue(facts, f.as_of)) return;
    }
    keys.push_back(SortKey{static_cast<std::uint32_t>(&e - tasks_.data()), e.task_id, e.facts.due,
                           e.notice_id, e.updated_at});
  });
  TaskPageIds out;
  out.total = static_cast<long>(keys.size());
  if (limit <= 0 || out.total <= offset) return out;
  const size_t end = std::min(keys.size(), static_cast<size_t>(offset) + limit);
  std::partial_sort(keys.begin(), keys.begin() + static_cast<long>(end), keys.end(),
                    [&](const SortKey& a, const SortKey& b) { return SortLess(f.sort, a, b); });
  for (size_t i = static_cast<size_t>(offset); i < end; ++i) {
    const Entry& e = tasks_[keys[i].position];
    const Id* units = unit_pool_.data() + e.units_at;
    out.ids.push_back(e.task_id);
    out.rowids.push_back(e.rowid);
    out.leads.emplace_back(units, units + e.leads_n);
    out.supports.emplace_back(units + e.leads_n, units + e.leads_n + e.supports_n);
  }
  return out;
}

std::array<long, domain::kTaskStateCount> TaskFacts::CountByState(const TaskFilter& f,
                                                                  const FilterUnits& units) const {
  const Matcher matches(*this, f, units);
  std::array<long, domain::kTaskStateCount> out{};
  ForEachCandidate(f, units, [&](const Entry& e, const std::vector<Id>* drawn_from) {
    if (!matches(e, drawn_from)) return;
    const domain::StatusFacts facts = Unpack(e.facts);
    if (f.overdue_only && !domain::IsOverdue(facts, f.as_of)) return;
    ++out[static_cast<size_t>(domain::DeriveStatus(facts, f.as_of))];
  });
  return out;
}

// Calls `tally(facts, period_start)` for what `e` counts as: itself (period_start 0), or each of
// its periods.
template <typename Tally>
void TaskFacts::ForEachItem(const Entry& e, Tally tally) const {
  if (e.periods_n == 0) {
    tally(Unpack(e.facts), PackedDate{0});
    return;
  }
  const Period* p = period_pool_.data() + e.periods_at;
  for (int k = 0; k < e.periods_n; ++k) tally(Unpack(p[k].facts), p[k].period_start);
}

std::vector<domain::ScoreCounts> TaskFacts::Totals(const ScoreFilter& f,
                                                   const std::vector<text::Date>& dates) const {
  const IdSet visible(f.visible_unit_ids ? *f.visible_unit_ids : std::vector<Id>{});
  std::vector<PackedDate> packed;
  for (text::Date d : dates) packed.push_back(PackDate(d));
  std::vector<domain::ScoreCounts> out(dates.size());
  for (const Entry& e : tasks_) {
    if (f.notice_id && e.notice_id != *f.notice_id) continue;
    if (f.visible_unit_ids) {
      const Id* leads = unit_pool_.data() + e.units_at;
      if (std::none_of(leads, leads + e.leads_n, [&](Id u) { return visible.Has(u); })) continue;
    }
    ForEachItem(e, [&](const domain::StatusFacts& facts, PackedDate start) {
      for (size_t i = 0; i < dates.size(); ++i) {
        if (start <= packed[i]) domain::Tally(facts, dates[i], &out[i]);
      }
    });
  }
  return out;
}

std::vector<domain::ScoreRow> TaskFacts::Count(const ScoreFilter& f,
                                               const FieldsOfUnit& fields_of_unit) const {
  const IdSet visible(f.visible_unit_ids ? *f.visible_unit_ids : std::vector<Id>{});
  auto is_visible = [&](Id unit) { return !f.visible_unit_ids || visible.Has(unit); };
  const PackedDate as_of = PackDate(f.as_of);
  CountsByKey rows;
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
    ForEachItem(e, [&](const domain::StatusFacts& facts, PackedDate start) {
      if (start <= as_of) domain::Tally(facts, f.as_of, &c);
    });
    if (c.assigned == 0) continue;
    for (Id key : keys) rows[key] += c;
  }
  return rows.Rows();
}

}  // namespace dondoc::store
