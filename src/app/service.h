// The use cases of dondoc: each checks the caller's authorisation, runs one store transaction
// for a write with one audit row, and returns values or a Status (never throws).
//
// One Service serves one tenant. Thread-safe (the Store serialises writes).
#ifndef DONDOC_APP_SERVICE_H_
#define DONDOC_APP_SERVICE_H_

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/bulk.h"
#include "app/caller.h"
#include "app/caller_cache.h"
#include "app/clock.h"
#include "app/credentials.h"
#include "app/policy.h"
#include "app/review_units.h"
#include "app/unit_csv.h"
#include "base/status.h"
#include "store/store.h"

namespace dondoc::app {

using domain::Id;

struct ServiceOptions {
  domain::Timestamp session_idle = 2 * 3600;       // seconds without a request
  domain::Timestamp session_absolute = 12 * 3600;  // seconds after login
  int login_failures_allowed = 10;                 // per user or address within the window
  domain::Timestamp login_window = 15 * 60;
  size_t max_upload = 25 * 1024 * 1024;
};

struct LoginResult {
  Caller caller;
  std::string token;  // the session token for the cookie; only its hash is stored
  std::string csrf;
};

struct ImportResult {
  // Set when a notice with the same file hash exists: nothing was written.
  std::optional<Id> duplicate_of;
  domain::Notice notice;
  std::vector<domain::Task> tasks;
  std::vector<std::string> unmatched_units;  // unit names the directory does not know
  std::vector<std::string> warnings;
};

// A change to a draft task; unset members stay as they are.
struct TaskPatch {
  std::optional<std::string> text;
  std::optional<std::string> section;
  std::optional<std::vector<Id>> lead;
  std::optional<std::vector<Id>> support;
  std::optional<domain::Deadline> deadline;
};

// A unit of a notice's review to put into the directory (Service::AddReviewUnit).
struct ReviewUnitAdd {
  std::string mention;          // an UnknownUnit::name of the notice
  std::optional<Id> alias_of;   // set: the mention becomes an alias of this unit; else a new unit:
  std::string name;             // its name (empty: the mention; else the mention becomes an alias)
  std::string kind;             // free vocabulary ("phong", "so", ...)
  std::optional<Id> parent_id;  // nullopt for a root
};

struct ReviewUnitResult {
  domain::Unit unit;  // created, or the one given the alias
  bool created = false;
  std::vector<Id> resolved_task_ids;  // draft tasks that now name it
};

struct NoticeView {
  domain::Notice notice;
  std::vector<domain::Task> tasks;  // notice order, drafts included
};

struct TaskView {
  store::TaskDetail detail;  // with its history (audit rows)
};

// One period of a recurring task with its derived status as of today and its reports.
struct OccurrenceView {
  domain::Occurrence occurrence;
  domain::TaskState state = domain::TaskState::kInProgress;
  std::vector<domain::ProgressReport> reports;  // oldest first
};

class Service {
 public:
  Service(store::Store& store, const Clock& clock, PasswordHasher& hasher, Id tenant_id,
          ServiceOptions options = {});

  Id tenant_id() const { return tenant_id_; }
  const Clock& clock() const { return clock_; }
  // Changes whenever committed data changes (a key for caches of read results).
  std::uint64_t DataVersion() const { return store_.DataVersion(); }

  // --- Authentication -------------------------------------------------------------------
  // Unauthenticated for a wrong user or password (one message for both); ResourceExhausted
  // when the user or the address has failed too often lately.
  Result<LoginResult> Login(std::string_view username, std::string_view password,
                            const std::string& address);
  Status Logout(const Caller& caller);
  // Unauthenticated for an unknown or expired token.
  Result<Caller> AuthenticateSession(const std::string& token);
  Result<Caller> AuthenticateBearer(const std::string& token);
  // The caller those two would return from the cache alone, without reading or writing the
  // store; nullopt when they would (the first request of a token, after a change to users or
  // units, or when a session is due for its touch).
  std::optional<Caller> CachedSessionCaller(const std::string& token);
  std::optional<Caller> CachedBearerCaller(const std::string& token);
  // A Bearer token for `username`; `by` nullptr for the command line (system).
  Result<std::string> CreateApiToken(const Caller* by, std::string_view username,
                                     std::string_view label);
  // The Caller of a stored user (scope computed). For the command line and tests.
  Result<Caller> CallerFor(Id user_id);

  // --- Directory ------------------------------------------------------------------------
  Result<std::vector<domain::Unit>> ListUnits(const Caller& caller);
  Result<domain::Unit> CreateUnit(const Caller* caller, domain::Unit unit);
  Result<domain::Unit> UpdateUnit(const Caller& caller, domain::Unit unit);
  Status DeleteUnit(const Caller& caller, Id unit_id);
  // Imports a unit CSV (name,aliases,kind,parent); units already present by name are kept.
  // Returns the number created.
  Result<int> ImportUnitsCsv(const Caller* caller, std::string_view csv);
  Result<std::vector<domain::Field>> ListFields(const Caller& caller);
  Result<domain::Field> CreateField(const Caller* caller, domain::Field field);
  Result<domain::Field> UpdateField(const Caller& caller, domain::Field field);
  Status DeleteField(const Caller& caller, Id field_id);
  Result<std::vector<domain::User>> ListUsers(const Caller& caller);  // hashes cleared
  Result<domain::User> CreateUser(const Caller* caller, domain::User user,
                                  std::string_view password);
  // Updates display name, role, unit, fields and disabled.
  Result<domain::User> UpdateUser(const Caller* caller, domain::User user);
  Status ResetPassword(const Caller* caller, std::string_view username, std::string_view password);
  Status DisableUser(const Caller* caller, std::string_view username);

  // --- Administration screens (service_admin.cc) -----------------------------------------
  // Errors of these carry Vietnamese reasons: the admin screens show them as they are.
  // What importing a unit CSV would do (UnitCsvPlan), writing nothing.
  Result<UnitCsvPlan> PreviewUnitsCsv(const Caller& caller, std::string_view csv);
  // Adds the rows PreviewUnitsCsv promises (planned again inside the transaction; rows with an
  // error and units already stored are skipped). One transaction, one audit row.
  Result<UnitCsvPlan> ApplyUnitsCsv(const Caller& caller, std::string_view csv);
  // Sets a field's name and units and its leader: `leader_id` (a leader user) follows the field
  // and no other user does; nullopt: nobody follows it. One transaction, one audit row.
  Result<domain::Field> AssignField(const Caller& caller, domain::Field field,
                                    std::optional<Id> leader_id);

  // --- Notices --------------------------------------------------------------------------
  // A file's bytes (or pasted text) → extraction → a draft notice with its tasks.
  Result<ImportResult> ImportNotice(const Caller* caller, std::string_view bytes,
                                    std::string filename);
  Result<store::Page<domain::Notice>> ListNotices(const Caller& caller,
                                                  const store::NoticeFilter& filter);
  Result<NoticeView> GetNotice(const Caller& caller, Id notice_id);
  // Draft tasks become active tasks.
  Result<NoticeView> ConfirmNotice(const Caller* caller, Id notice_id);
  Status DeleteDraftNotice(const Caller& caller, Id notice_id);
  Result<domain::Task> AddDraftTask(const Caller& caller, Id notice_id, const TaskPatch& patch);
  Result<domain::Task> EditDraftTask(const Caller& caller, Id task_id, const TaskPatch& patch);
  Status DeleteDraftTask(const Caller& caller, Id task_id);
  // Replaces a draft task by one task per text (units and deadline copied).
  Result<std::vector<domain::Task>> SplitDraftTask(const Caller& caller, Id task_id,
                                                   const std::vector<std::string>& texts);
  // Joins draft tasks of one notice into the first (texts joined, units united).
  Result<domain::Task> MergeDraftTasks(const Caller& caller, const std::vector<Id>& task_ids);

  // --- Review: units the directory lacks (service_review_units.cc) ---------------------
  // The unit mentions of a draft (or confirmed) notice that match no unit name or alias, with
  // the draft tasks naming them. Office and admin.
  Result<std::vector<UnknownUnit>> ListUnknownUnits(const Caller& caller, Id notice_id);
  // Adds one unknown unit of a draft notice to the directory (a new unit, or an alias of
  // `add.alias_of`) and gives it to the draft tasks that named it. Office and admin; one audit
  // row.
  Result<ReviewUnitResult> AddReviewUnit(const Caller& caller, Id notice_id,
                                         const ReviewUnitAdd& add);

  // --- Tasks ----------------------------------------------------------------------------
  // Only what the caller may see; `filter.visible_unit_ids` is overwritten.
  Result<store::Page<domain::Task>> ListTasks(const Caller& caller, store::TaskFilter filter);
  // NotFound for a task the caller may not see (never its content).
  Result<TaskView> GetTask(const Caller& caller, Id task_id);
  // The report as stored; `task_after`, when given, receives the task as this report's commit
  // left it (its progress and status), so that an answer need not read it again.
  Result<domain::ProgressReport> ReportProgress(const Caller& caller, Id task_id, std::string text,
                                                int percent, bool done,
                                                domain::Task* task_after = nullptr);
  Result<domain::Task> ConfirmCompletion(const Caller& caller, Id task_id,
                                         std::optional<text::Date> done_date);
  Result<domain::Task> ReturnCompletion(const Caller& caller, Id task_id, std::string note);
  Result<domain::Extension> RequestExtension(const Caller& caller, Id task_id,
                                             text::Date requested_due, std::string reason);
  Result<domain::Extension> DecideExtension(const Caller& caller, Id extension_id, bool approve,
                                            std::string note);
  Result<domain::Comment> AddComment(const Caller& caller, Id task_id, std::string text);
  Result<domain::Attachment> AddAttachment(const Caller& caller, Id task_id, std::string filename,
                                           std::string mime, const std::string& bytes);
  struct File {
    domain::Attachment attachment;
    std::string bytes;
  };
  Result<File> GetAttachment(const Caller& caller, Id attachment_id);
  // The task's passage in its notice: about `context` code points either side, whole lines
  // where they fit. NotFound for a task the caller may not see; an empty text for a task
  // without a span (added by hand).
  Result<TaskPassage> GetTaskPassage(const Caller& caller, Id task_id, long context);
  // The Office's change to many tasks in one transaction, one audit row per task changed.
  // Tasks it does not apply to are skipped with the reason. InvalidArgument for an empty or
  // too long (> 500) selection or a change missing its date or an unknown lead unit.
  Result<BulkOutcome> BulkChangeTasks(const Caller& caller, const std::vector<Id>& task_ids,
                                      const BulkChange& change);

  // --- Occurrences of recurring tasks (service_occurrences.cc) ----------------------------
  // Opens the occurrences due as of today for every recurring task, once per day: the first call
  // on a new day does the work (one audit row per transaction that opened any), later calls
  // return at once. ListTasks, GetTask, Scorecards and the calls below call it. Idempotent.
  Status CatchUpOccurrences();
  // A recurring task's occurrences, by period; NotFound as GetTask.
  Result<std::vector<OccurrenceView>> ListOccurrences(const Caller& caller, Id task_id);
  // A report on one period by a lead or support unit; done=true (lead unit only) delivers the
  // period: it is done today.
  Result<OccurrenceView> ReportOnOccurrence(const Caller& caller, Id task_id, Id occurrence_id,
                                            std::string text, int percent, bool done);
  // The Office records a period as done on `done_date` (default today; not in the future, not
  // before the period starts).
  Result<OccurrenceView> CompleteOccurrence(const Caller& caller, Id task_id, Id occurrence_id,
                                            std::optional<text::Date> done_date);

  // --- Oversight ------------------------------------------------------------------------
  Result<std::vector<domain::ScoreRow>> Scorecards(const Caller& caller, store::ScoreGroup by,
                                                   text::Date as_of, std::optional<Id> notice);
  Result<store::Page<domain::AuditEntry>> Audit(const Caller& caller, store::AuditFilter filter);
  // Dashboards (service_counts.cc). The tasks ListTasks would show the caller for `filter`,
  // counted by derived state as of filter.as_of (default today); filter.states is unused.
  Result<std::array<long, domain::kTaskStateCount>> CountTasksByState(const Caller& caller,
                                                                      store::TaskFilter filter);
  // The scorecard of everything the caller may see, as of each of `dates` (a chart over time).
  Result<std::vector<domain::ScoreCounts>> ScoreTotals(const Caller& caller,
                                                       const std::vector<text::Date>& dates);

 private:
  Result<Caller> MakeCaller(store::StoreReader& r, domain::User user);
  Result<domain::Task> VisibleTask(const Caller& caller, Id task_id);
  Result<domain::Task> DraftTaskForEdit(const Caller& caller, store::StoreReader& r, Id task_id);

  store::Store& store_;
  const Clock& clock_;
  PasswordHasher& hasher_;
  Id tenant_id_;
  ServiceOptions options_;
  std::atomic<long> occurrences_day_{-1};  // DaysSinceEpoch of the last CatchUpOccurrences
  // Authenticated tokens until the next commit (or 5 s: writes by other processes).
  CallerCache callers_{10000, 5};
};

// Appends one audit row. `before`/`after` are JSON object texts or "".
Status AppendAudit(store::StoreTx& tx, Id tenant_id, const Caller* caller, domain::Timestamp at,
                   std::string action, std::string entity, Id entity_id, std::string before,
                   std::string after);

}  // namespace dondoc::app

#endif  // DONDOC_APP_SERVICE_H_
