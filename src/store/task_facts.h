// What task lists filter and sort on and what scorecards count, kept in memory per tenant: a
// list or a scorecard then costs a pass over a few megabytes instead of a scan of the task tables
// (~1.5 s for a scorecard or the whole province's open tasks, 200,000 tasks). Internal to store/.
//
// Contract of List(f): the total and page ids of reads::ListTasks for the same filter (CanList).
// Contract of Count(f) equals the counts of domain::ScoreByUnit / ScoreByField / ScoreByNotice
// over the active (non-draft) tasks of the tenant as of f.as_of, where a task with at least one
// occurrence counts as its occurrences whose period has begun by f.as_of (each with
// domain::OccurrenceFacts) and a task without any counts as itself; f.visible_unit_ids keeps only
// the visible lead units (a task counts for a notice when one of its leads is visible).
//
// The copy is brought up to date by re-reading the tasks that writes touched (MarkTask,
// MarkNotice, MarkAll) before each question. The const methods may run side by side; Refresh and
// the Mark* methods need the object to themselves (SqliteStore holds a shared or an exclusive
// lock).
#ifndef DONDOC_STORE_TASK_FACTS_H_
#define DONDOC_STORE_TASK_FACTS_H_

#include <array>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <vector>

#include "domain/scorecard.h"
#include "store/db.h"
#include "store/reads.h"
#include "store/result_cache.h"
#include "store/store.h"

namespace dondoc::store {

class TaskFacts {
 public:
  // A unit's fields (field_units).
  using FieldsOfUnit = std::unordered_map<Id, std::vector<Id>>;
  static Result<FieldsOfUnit> ReadFieldsOfUnits(Db& db, Id tenant_id);

  // Records that a commit changed the task (its row, units or occurrences), every task of the
  // notice, or anything at all. Cheap; the re-reading happens in Refresh.
  void MarkTask(Id task_id) { dirty_tasks_.insert(task_id); }
  void MarkNotice(Id notice_id) { dirty_notices_.insert(notice_id); }
  void MarkAll() { loaded_ = false; }

  // Reads what was marked (everything, the first time) from `db`, in one snapshot.
  Status Refresh(Db& db, Id tenant_id);

  // The scorecard rows of `f` (f.by, f.as_of, f.visible_unit_ids, f.notice_id), sorted by key.
  // `fields_of_unit` maps a unit to its fields (used for ScoreGroup::kField only).
  std::vector<domain::ScoreRow> Count(const ScoreFilter& f,
                                      const FieldsOfUnit& fields_of_unit) const;

  // True when List answers `f`: no full-text query, no draft tasks.
  static bool CanList(const TaskFilter& f);
  // The unit sets a filter names, read by the caller: f.unit_id's (the unit and its sub-units,
  // or the unit alone) and f.field_id's. Each is used only when its filter member is set.
  struct FilterUnits {
    std::vector<Id> of_unit;
    std::vector<Id> of_field;
  };
  // The total, the ids and the units of one page of the tasks matching `f`, in f.sort order.
  // REQUIRES: CanList(f).
  TaskPageIds List(const TaskFilter& f, const FilterUnits& units, int limit, int offset) const;
  // Store::CountTasksByState. REQUIRES: CanList(f).
  std::array<long, domain::kTaskStateCount> CountByState(const TaskFilter& f,
                                                         const FilterUnits& units) const;
  // Store::ScoreTotals.
  std::vector<domain::ScoreCounts> Totals(const ScoreFilter& f,
                                          const std::vector<text::Date>& dates) const;

  // What reads::GetTaskDetail may take from here, as the task was last read: its row's rowid
  // (0 for a task not here: a draft, or not read yet), which the read checks, as rows may have
  // moved since (another process's VACUUM) or been deleted by a commit not yet re-read; and its
  // units with their units_version, taken when the row read has that version.
  reads::TaskRowHint Hint(Id task_id) const;

  bool loaded() const { return loaded_; }
  size_t task_count() const { return tasks_.size(); }

 private:
  // A date as yyyymmdd (0: none): compares like the date and takes 4 bytes.
  using PackedDate = std::int32_t;
  struct Facts {
    PackedDate due = 0, done_date = 0, start_date = 0;
    std::uint8_t status = 0;  // domain::StoredStatus
  };
  struct Period {
    PackedDate period_start = 0;
    Facts facts;  // domain::OccurrenceFacts of the occurrence
  };
  // One active task. Its units and periods are ranges of the pools below (most tasks have one
  // lead, a support or two and no period, so a task takes ~80 bytes in all).
  struct Entry {
    Id task_id = 0;
    Id notice_id = 0;
    std::int64_t rowid = 0;  // Hint
    std::int64_t updated_at = 0;
    Facts facts;
    std::uint32_t units_at = 0, periods_at = 0;
    std::uint16_t leads_n = 0;     // units_at..: distinct lead units, in position order
    std::uint16_t supports_n = 0;  // then the support units
    std::uint16_t periods_n = 0;   // 0: counts as itself; else as its periods begun by as_of
    // tasks.units_version when read; kUnknownUnitsVersion from that value up (the field fills
    // the entry's padding: 64 bytes with or without it).
    std::uint16_t units_version = 0;
  };
  static constexpr std::uint16_t kUnknownUnitsVersion = UINT16_MAX;
  static Facts Pack(const domain::StatusFacts& f);
  static domain::StatusFacts Unpack(const Facts& f);
  static PackedDate PackDate(text::Date d);
  static std::optional<text::Date> UnpackDate(PackedDate d);

  // Which tasks a Reload reads: every active task, those of `ids`, or those of the notices `ids`.
  enum class Scope { kAll, kTasks, kNotices };
  // Replaces the entries of the tasks `scope` reads (active ones only); drops the `expected`
  // ids that the read did not return (deleted, or draft again).
  Status Reload(Db& db, Id tenant_id, Scope scope, const std::vector<Id>& ids,
                const std::vector<Id>& expected);

  class Matcher;  // task_facts_queries.cc

  // Stores `leads`, `supports` and `periods` for `e`, in place when they fit in its old ranges.
  void SetRanges(Entry* e, const std::vector<Id>& leads, const std::vector<Id>& supports,
                 const std::vector<Period>& periods);
  // The task's entry, nullptr when not here.
  const Entry* Find(Id task_id) const;
  // True when `e` has a unit (of `role` when set) for which `in` is true.
  template <typename In>
  bool HasUnit(const Entry& e, const std::optional<domain::UnitRole>& role, In in) const;
  template <typename Tally>
  void ForEachItem(const Entry& e, Tally tally) const;
  // Keeps tasks_of_unit_ right when the units of the entry at `position` change from `before`
  // to `after` (entries in place; a Reload that adds or removes entries rebuilds the index).
  void IndexUnits(std::uint32_t position, std::vector<Id> before, std::vector<Id> after);
  // The lead and support units of `e`.
  std::vector<Id> UnitsOf(const Entry& e) const;
  // Indexes every entry anew, after entries were added or removed (their positions moved).
  void RebuildUnitIndex();
  // Calls `fn(entry, drawn_from)` for every entry that may match `f`: those having a unit of
  // `drawn_from` (one of the unit sets `f` names) when they are few, else all (`drawn_from` null).
  template <typename Fn>
  void ForEachCandidate(const TaskFilter& f, const FilterUnits& units, Fn fn) const;
  // Rewrites the pools without the ranges that replaced ones left behind.
  void CompactPools();

  bool loaded_ = false;
  std::set<Id> dirty_tasks_;
  std::set<Id> dirty_notices_;
  std::vector<Entry> tasks_;  // sorted by task_id
  std::vector<Id> unit_pool_;
  std::vector<Period> period_pool_;
  size_t garbage_ = 0;  // pool slots no entry refers to
  // unit → the positions in tasks_ of the tasks having it in any role, ascending: a unit's list
  // reads its few hundred entries instead of all, each found without a search.
  std::unordered_map<Id, std::vector<std::uint32_t>> tasks_of_unit_;
};

}  // namespace dondoc::store

#endif  // DONDOC_STORE_TASK_FACTS_H_
