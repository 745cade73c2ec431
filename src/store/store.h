// The Store: every read and write of dondoc's data, behind an interface so that SQLite (now) and
// PostgreSQL (later) can serve it. SQL lives only under store/.
//
// Contracts common to every method:
// - Every method takes the tenant id and never reads or writes another tenant's rows: an id of
//   another tenant's row behaves exactly like an id that does not exist (kNotFound).
// - Errors: kNotFound (no such row in this tenant), kAlreadyExists (a unique key: username,
//   notice sha256, session hash...), kInvalidArgument (a reference to a missing row: foreign
//   key), kIoError (the database failed; retrying may help), kInternal (a bug).
// - Authorisation is not checked here (that is app/'s job); the `visible_unit_ids` filters are
//   the means by which app restricts what a caller sees.
// - Ids are assigned by the store on Create*/Add* and returned; the `id` of the value passed in is
//   ignored. `tenant_id` of values passed in must equal the tenant argument where there is one.
// - Dates are text::Date (stored as ISO "YYYY-MM-DD"), instants domain::Timestamp (seconds).
#ifndef DONDOC_STORE_STORE_H_
#define DONDOC_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/activity.h"
#include "domain/audit.h"
#include "domain/ids.h"
#include "domain/notice_record.h"
#include "domain/scorecard.h"
#include "domain/status.h"
#include "domain/task.h"
#include "domain/tenant.h"
#include "domain/unit.h"
#include "domain/user.h"
#include "text/date.h"

namespace dondoc::store {

using domain::Id;
using domain::Timestamp;

template <typename T>
struct Page {
  std::vector<T> items;
  long total = 0;  // rows matching the filter, ignoring limit/offset
};

enum class TaskSort {
  kDueAsc,       // due date ascending, tasks without a due date last, then id
  kDueDesc,      // due date descending, tasks without a due date last, then id
  kCreatedDesc,  // newest first (by id)
  kIdAsc,        // notice order: notice id, then task id
  kUpdatedDesc,  // recently changed first
  kRank,         // full-text relevance when `q` is set and no unit filter (else as kIdAsc)
};

// Filters of ListTasks. All set filters must hold (AND).
struct TaskFilter {
  // nullopt: every task of the tenant. Otherwise only tasks having at least one unit (lead or
  // support; only `role` when set) in this set. An empty set matches nothing.
  std::optional<std::vector<Id>> visible_unit_ids;
  // Tasks where this unit or any of its descendants is a lead or support unit (only `role` when
  // set).
  std::optional<Id> unit_id;
  bool include_sub_units = true;
  std::optional<domain::UnitRole> role;
  // Derived statuses as of `as_of` (any of). Empty: any status.
  std::vector<domain::TaskState> states;
  bool overdue_only = false;             // domain::IsOverdue as of `as_of`
  text::Date as_of;                      // REQUIRED when states or overdue_only are used
  std::optional<text::Date> due_before;  // due <= this
  std::optional<text::Date> due_after;   // due >= this
  std::optional<Id> notice_id;
  std::optional<Id> field_id;   // lead or support unit in the field (no sub-units)
  std::string q;                // full text, diacritic- and đ-insensitive; words AND-ed; "" = off
  bool include_drafts = false;  // also tasks of draft notices (only useful with notice_id)
  TaskSort sort = TaskSort::kDueAsc;
  int limit = 50;  // clamped to 0..500 by the store
  int offset = 0;
};

struct TaskDetail {
  domain::Task task;
  std::vector<domain::ProgressReport> reports;  // oldest first
  std::vector<domain::Extension> extensions;    // oldest first
  std::vector<domain::Comment> comments;        // oldest first
  std::vector<domain::Occurrence> occurrences;  // by period
  std::vector<domain::Attachment> attachments;  // owner task or one of its reports
  // Its audit rows, oldest first: the newest kTaskHistoryLimit of them; read only when asked
  // for (TaskHistory::kInclude), as the task's own page does.
  std::vector<domain::AuditEntry> history;

  static constexpr int kTaskHistoryLimit = 500;
};

enum class TaskHistory { kLeaveOut, kInclude };

struct NoticeFilter {
  std::optional<domain::NoticeStatus> status;
  std::string q;  // full text over the notice text, as TaskFilter::q
  int limit = 50;
  int offset = 0;
};

struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<Id> entity_id;
  std::optional<Id> user_id;
  std::optional<Timestamp> since;  // at >= since
  std::optional<Timestamp> until;  // at < until
  int limit = 50;                  // newest first
  int offset = 0;
};

enum class ScoreGroup { kUnit, kField, kNotice };

// Which tasks a scorecard counts: active (non-draft) tasks, optionally narrowed.
struct ScoreFilter {
  ScoreGroup by = ScoreGroup::kUnit;
  text::Date as_of;
  std::optional<std::vector<Id>> visible_unit_ids;  // as in TaskFilter (lead units only)
  std::optional<Id> notice_id;
};

// A calendar override of the tenant (text::HolidayCalendar edits).
struct HolidayOverride {
  text::Date date;
  bool day_off = true;  // true: AddDayOff; false: AddWorkday
  std::string name;
};

// Read methods. Thread-safe on a Store (each call sees a consistent snapshot); on a StoreTx they
// see the transaction's own writes.
class StoreReader {
 public:
  virtual ~StoreReader() = default;

  // Tenants.
  virtual Result<domain::Tenant> GetTenant(Id tenant_id) = 0;
  virtual Result<domain::Tenant> FindTenantBySlug(const std::string& slug) = 0;
  virtual Result<std::vector<domain::Tenant>> ListTenants() = 0;

  // Units, fields. ListUnits returns every unit of the tenant with aliases, parents before
  // children (then by id). On a Store, ListUnits and SubUnitIds are served from memory, reread
  // only after a committed unit write: call them freely.
  virtual Result<domain::Unit> GetUnit(Id tenant_id, Id unit_id) = 0;
  virtual Result<std::vector<domain::Unit>> ListUnits(Id tenant_id) = 0;
  // `unit_id` and all its descendants.
  virtual Result<std::vector<Id>> SubUnitIds(Id tenant_id, Id unit_id) = 0;
  virtual Result<domain::Field> GetField(Id tenant_id, Id field_id) = 0;
  virtual Result<std::vector<domain::Field>> ListFields(Id tenant_id) = 0;

  // Users and credentials.
  virtual Result<domain::User> GetUser(Id tenant_id, Id user_id) = 0;
  virtual Result<domain::User> FindUserByUsername(Id tenant_id, const std::string& username) = 0;
  virtual Result<std::vector<domain::User>> ListUsers(Id tenant_id) = 0;  // by username
  virtual Result<domain::Session> GetSession(Id tenant_id, const std::string& token_hash) = 0;
  virtual Result<domain::ApiToken> GetApiToken(Id tenant_id, const std::string& token_hash) = 0;
  // Failed login attempts for `username` or from `address` (either) at or after `since`.
  virtual Result<int> CountLoginFailures(Id tenant_id, const std::string& username,
                                         const std::string& address, Timestamp since) = 0;

  // Notices. ListNotices leaves `text` and `extraction_json` empty (GetNotice fills them).
  virtual Result<domain::Notice> GetNotice(Id tenant_id, Id notice_id) = 0;
  virtual Result<domain::Notice> FindNoticeBySha256(Id tenant_id, const std::string& sha256) = 0;
  virtual Result<Page<domain::Notice>> ListNotices(Id tenant_id, const NoticeFilter& f) = 0;

  // Tasks. Returned tasks carry their lead/support unit ids.
  virtual Result<domain::Task> GetTask(Id tenant_id, Id task_id) = 0;
  // The task and all that hangs off it, read in one snapshot.
  virtual Result<TaskDetail> GetTaskDetail(Id tenant_id, Id task_id, TaskHistory history) = 0;
  virtual Result<Page<domain::Task>> ListTasks(Id tenant_id, const TaskFilter& f) = 0;
  // Every task of a notice (drafts included), in notice order.
  virtual Result<std::vector<domain::Task>> ListNoticeTasks(Id tenant_id, Id notice_id) = 0;
  virtual Result<std::vector<domain::Occurrence>> ListOccurrences(Id tenant_id, Id task_id) = 0;
  // Active recurring tasks not stored done (those whose occurrences app keeps opening), by id.
  virtual Result<std::vector<Id>> ListRecurringTaskIds(Id tenant_id) = 0;
  virtual Result<domain::Extension> GetExtension(Id tenant_id, Id extension_id) = 0;
  virtual Result<domain::ProgressReport> GetProgressReport(Id tenant_id, Id report_id) = 0;

  // Scorecards, counted by the formulas of domain/scorecard.h. A task with occurrences counts as
  // its occurrences begun by as_of (store/occurrence_scores.h).
  virtual Result<std::vector<domain::ScoreRow>> Scorecards(Id tenant_id, const ScoreFilter& f) = 0;
  // The scorecard of everything f.visible_unit_ids and f.notice_id let through, each item once
  // (the sum of the rows by notice), as of each of `dates` in turn; f.by and f.as_of are unused.
  virtual Result<std::vector<domain::ScoreCounts>> ScoreTotals(
      Id tenant_id, const ScoreFilter& f, const std::vector<text::Date>& dates) = 0;
  // How many of the tasks ListTasks(f) would list are in each derived state as of f.as_of
  // (indexed by domain::TaskState); f.states, sort, limit and offset are unused.
  virtual Result<std::array<long, domain::kTaskStateCount>> CountTasksByState(
      Id tenant_id, const TaskFilter& f) = 0;
  // The raw facts for domain::ScoreBy* (tests, exports; O(tasks)).
  virtual Result<std::vector<domain::ScoreItem>> ScoreItems(Id tenant_id, const ScoreFilter& f) = 0;

  // Attachments and their bytes.
  virtual Result<domain::Attachment> GetAttachment(Id tenant_id, Id attachment_id) = 0;
  virtual Result<std::string> ReadBlob(Id tenant_id, const std::string& storage_key) = 0;

  // Audit log, newest first.
  virtual Result<Page<domain::AuditEntry>> ListAudit(Id tenant_id, const AuditFilter& f) = 0;

  // Calendar overrides, by date.
  virtual Result<std::vector<HolidayOverride>> ListHolidays(Id tenant_id) = 0;
};

// Writes, inside one transaction (see Store::InTransaction). Not thread-safe: use it only in the
// callback it was given to, and not after the callback returns.
class StoreTx : public StoreReader {
 public:
  virtual Result<Id> CreateTenant(const domain::Tenant& t) = 0;

  // Units: name, kind, parent and aliases. UpdateUnit replaces aliases; kInvalidArgument when the
  // new parent would make a cycle. DeleteUnit fails (kConflict) while tasks, users or children
  // refer to it.
  virtual Result<Id> CreateUnit(const domain::Unit& u) = 0;
  virtual Status UpdateUnit(const domain::Unit& u) = 0;
  virtual Status DeleteUnit(Id tenant_id, Id unit_id) = 0;
  // Fields: UpdateField replaces the unit set.
  virtual Result<Id> CreateField(const domain::Field& f) = 0;
  virtual Status UpdateField(const domain::Field& f) = 0;
  virtual Status DeleteField(Id tenant_id, Id field_id) = 0;

  // Users: UpdateUser writes every column and replaces field ids.
  virtual Result<Id> CreateUser(const domain::User& u) = 0;
  virtual Status UpdateUser(const domain::User& u) = 0;

  virtual Status CreateSession(const domain::Session& s) = 0;
  virtual Status TouchSession(Id tenant_id, const std::string& token_hash, Timestamp last_seen) = 0;
  virtual Status DeleteSession(Id tenant_id, const std::string& token_hash) = 0;
  // Removes sessions with expires_at <= now or last_seen <= idle_before; returns how many.
  virtual Result<int> DeleteExpiredSessions(Id tenant_id, Timestamp now, Timestamp idle_before) = 0;
  // Removes every session of the user (a password reset or a disabled account signs them out
  // everywhere); returns how many.
  virtual Result<int> DeleteUserSessions(Id tenant_id, Id user_id) = 0;
  virtual Status CreateApiToken(const domain::ApiToken& t) = 0;
  virtual Status DeleteApiToken(Id tenant_id, const std::string& token_hash) = 0;
  virtual Status RecordLoginAttempt(Id tenant_id, const std::string& username,
                                    const std::string& address, Timestamp at, bool success) = 0;

  // Notices. kAlreadyExists when the tenant already has a notice with the same sha256.
  virtual Result<Id> CreateNotice(const domain::Notice& n) = 0;
  virtual Status UpdateNotice(const domain::Notice& n) = 0;  // header, status, text, extraction
  // Draft → active: sets the notice kActive with confirmed_at and every task of it draft=false.
  // kConflict when it is already active.
  virtual Status ActivateNotice(Id tenant_id, Id notice_id, Timestamp at) = 0;
  // Deletes a draft notice and its tasks; kConflict when active.
  virtual Status DeleteDraftNotice(Id tenant_id, Id notice_id) = 0;

  // Tasks: with their task_units rows and full-text index entry, kept in sync. CreateTask takes
  // `draft` from the task. UpdateTask writes every column and replaces the units.
  virtual Result<Id> CreateTask(const domain::Task& t) = 0;
  virtual Status UpdateTask(const domain::Task& t) = 0;
  // Deletes a task with its units, occurrences, reports, extensions, comments (drafts mainly).
  virtual Status DeleteTask(Id tenant_id, Id task_id) = 0;

  // kAlreadyExists when the task already has an occurrence with this period_start.
  virtual Result<Id> CreateOccurrence(const domain::Occurrence& o) = 0;
  virtual Status UpdateOccurrence(const domain::Occurrence& o) = 0;

  virtual Result<Id> AddProgressReport(const domain::ProgressReport& r) = 0;
  virtual Result<Id> CreateExtension(const domain::Extension& e) = 0;
  virtual Status UpdateExtension(const domain::Extension& e) = 0;  // status, decision fields
  virtual Result<Id> AddComment(const domain::Comment& c) = 0;
  // Stores `bytes` (deduplicated by sha256 within the tenant) and the attachment row; size,
  // sha256 and storage_key are computed by the store from `bytes`.
  virtual Result<domain::Attachment> AddAttachment(const domain::Attachment& a,
                                                   const std::string& bytes) = 0;

  // Append-only: there is no update or delete, and the database refuses them.
  virtual Result<Id> AppendAudit(const domain::AuditEntry& e) = 0;

  virtual Status PutHoliday(Id tenant_id, const HolidayOverride& h) = 0;  // upsert by date
  virtual Status DeleteHoliday(Id tenant_id, text::Date date) = 0;
};

// The store. Thread-safe: read methods and InTransaction may be called from any thread.
class Store : public StoreReader {
 public:
  // Runs `fn` atomically: its writes are committed (durably, before this returns ok) when it
  // returns ok, and all undone when it returns an error (that error is returned), throws
  // (kInternal) or the commit fails (kIoError). Write callbacks are serialised: each sees the
  // writes committed before it. `fn` must not call InTransaction (kInternal) nor keep `tx`.
  // Concurrent callers may share one commit (group commit), so `fn` may run on another caller's
  // thread: it must not depend on thread-local state.
  virtual Status InTransaction(const std::function<Status(StoreTx& tx)>& fn) = 0;

  // A number that grows with every commit of this Store object: equal values mean no write was
  // committed in between (through this object). For caches of derived data (scorecards).
  virtual std::uint64_t DataVersion() const = 0;
  // Like DataVersion, for the commits that changed what a signed-in caller is made of: units,
  // fields, users, ended sessions, API tokens. For caches of callers, which then survive the
  // task writes that make up most commits.
  virtual std::uint64_t AuthVersion() const = 0;

  // A consistent copy of the whole database to `path` (overwritten), safe while serving.
  virtual Status Backup(const std::string& path) = 0;
};

}  // namespace dondoc::store

#endif  // DONDOC_STORE_STORE_H_
