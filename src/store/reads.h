// The read queries of the SQLite store, one function per StoreReader method, over a given
// connection. Internal to store/; contracts are those of store.h.
#ifndef DONDOC_STORE_READS_H_
#define DONDOC_STORE_READS_H_

#include <string>
#include <vector>

#include "store/db.h"
#include "store/store.h"

namespace dondoc::store::reads {

Result<domain::Tenant> GetTenant(Db& db, Id tenant_id);
Result<domain::Tenant> FindTenantBySlug(Db& db, const std::string& slug);
Result<std::vector<domain::Tenant>> ListTenants(Db& db);

Result<domain::Unit> GetUnit(Db& db, Id tenant_id, Id unit_id);
Result<std::vector<domain::Unit>> ListUnits(Db& db, Id tenant_id);
Result<std::vector<Id>> SubUnitIds(Db& db, Id tenant_id, Id unit_id);
Result<domain::Field> GetField(Db& db, Id tenant_id, Id field_id);
Result<std::vector<domain::Field>> ListFields(Db& db, Id tenant_id);

Result<domain::User> GetUser(Db& db, Id tenant_id, Id user_id);
Result<domain::User> FindUserByUsername(Db& db, Id tenant_id, const std::string& username);
Result<std::vector<domain::User>> ListUsers(Db& db, Id tenant_id);
Result<domain::Session> GetSession(Db& db, Id tenant_id, const std::string& token_hash);
Result<domain::ApiToken> GetApiToken(Db& db, Id tenant_id, const std::string& token_hash);
Result<int> CountLoginFailures(Db& db, Id tenant_id, const std::string& username,
                               const std::string& address, Timestamp since);

Result<domain::Notice> GetNotice(Db& db, Id tenant_id, Id notice_id);
Result<domain::Notice> FindNoticeBySha256(Db& db, Id tenant_id, const std::string& sha256);
Result<Page<domain::Notice>> ListNotices(Db& db, Id tenant_id, const NoticeFilter& f);

Result<domain::Task> GetTask(Db& db, Id tenant_id, Id task_id);
// What an earlier snapshot knew of a task's row (TaskFacts::Hint).
struct TaskRowHint {
  // Where the task's row may be (0: unknown). A hint only: the row read there must have the
  // task's key, else the task is looked up by its key.
  std::int64_t rowid = 0;
  // The task's units when its row had this units_version (-1: unknown). Taken instead of
  // reading task_units when the row read at `rowid` has the same version: every write that
  // replaces a task's units moves it in the same transaction.
  std::int64_t units_version = -1;
  std::vector<Id> lead_unit_ids, support_unit_ids;
};
// `hint` by value: its units move into the answer when they are taken.
Result<TaskDetail> GetTaskDetail(Db& db, Id tenant_id, Id task_id, TaskHistory history,
                                 TaskRowHint hint = {});
// `sub_unit_ids`: the expansion of f.unit_id when the caller has it (else computed here).
Result<Page<domain::Task>> ListTasks(Db& db, Id tenant_id, const TaskFilter& f,
                                     const std::vector<Id>* sub_unit_ids = nullptr);
// The tasks of `ids` that exist, in that order, with their units unless `with_units` is false
// (lead_unit_ids and support_unit_ids then empty). `rowid_hints`: empty, or one per id, each a
// TaskRowHint::rowid.
Result<std::vector<domain::Task>> GetTasks(Db& db, Id tenant_id, const std::vector<Id>& ids,
                                           bool with_units = true,
                                           const std::vector<std::int64_t>& rowid_hints = {});
Result<std::vector<domain::Task>> ListNoticeTasks(Db& db, Id tenant_id, Id notice_id);
Result<std::vector<domain::Occurrence>> ListOccurrences(Db& db, Id tenant_id, Id task_id);
Result<std::vector<Id>> ListRecurringTaskIds(Db& db, Id tenant_id);
Result<domain::Extension> GetExtension(Db& db, Id tenant_id, Id extension_id);
Result<domain::ProgressReport> GetProgressReport(Db& db, Id tenant_id, Id report_id);

// The page size of a list: TaskFilter::limit clamped to 0..kMaxListLimit.
inline constexpr int kMaxListLimit = 500;
int ClampLimit(int limit);
Result<std::vector<domain::ScoreRow>> Scorecards(Db& db, Id tenant_id, const ScoreFilter& f);
Result<std::vector<domain::ScoreItem>> ScoreItems(Db& db, Id tenant_id, const ScoreFilter& f);
// Store::ScoreTotals and Store::CountTasksByState by SQL: one count per date or state.
Result<std::vector<domain::ScoreCounts>> ScoreTotals(Db& db, Id tenant_id, const ScoreFilter& f,
                                                     const std::vector<text::Date>& dates);
Result<std::array<long, domain::kTaskStateCount>> CountTasksByState(Db& db, Id tenant_id,
                                                                    const TaskFilter& f);

Result<domain::Attachment> GetAttachment(Db& db, Id tenant_id, Id attachment_id);
Result<std::string> ReadBlob(Db& db, Id tenant_id, const std::string& storage_key);

Result<Page<domain::AuditEntry>> ListAudit(Db& db, Id tenant_id, const AuditFilter& f);
Result<std::vector<HolidayOverride>> ListHolidays(Db& db, Id tenant_id);

}  // namespace dondoc::store::reads

#endif  // DONDOC_STORE_READS_H_
