// StoreReader over SQLite for any base (Store or StoreTx): each read borrows a connection from
// Acquire() and runs the query of reads.h on it. Internal to store/.
#ifndef DONDOC_STORE_SQLITE_READER_H_
#define DONDOC_STORE_SQLITE_READER_H_

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/db.h"
#include "store/reads.h"
#include "store/store.h"

namespace dondoc::store {

class ReaderPool;

// A connection borrowed for one read. Returns it to its pool, or releases the lock that guards a
// single shared connection, when destroyed.
class Lease {
 public:
  Lease(Db* db, ReaderPool* pool, std::unique_lock<std::recursive_mutex> lock)
      : db_(db), pool_(pool), lock_(std::move(lock)) {}
  Lease(Lease&& o) noexcept : db_(o.db_), pool_(o.pool_), lock_(std::move(o.lock_)) {
    o.db_ = nullptr;
    o.pool_ = nullptr;
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Db& db() { return *db_; }

 private:
  Db* db_;
  ReaderPool* pool_;
  std::unique_lock<std::recursive_mutex> lock_;
};

template <class Base>
class SqliteReader : public Base {
 protected:
  virtual Result<Lease> Acquire() = 0;

 public:
#define DONDOC_READ(call)                 \
  auto lease = this->Acquire();           \
  if (!lease.ok()) return lease.status(); \
  return reads::call

  Result<domain::Tenant> GetTenant(Id tenant_id) override {
    DONDOC_READ(GetTenant(lease->db(), tenant_id));
  }
  Result<domain::Tenant> FindTenantBySlug(const std::string& slug) override {
    DONDOC_READ(FindTenantBySlug(lease->db(), slug));
  }
  Result<std::vector<domain::Tenant>> ListTenants() override {
    DONDOC_READ(ListTenants(lease->db()));
  }
  Result<domain::Unit> GetUnit(Id tenant_id, Id unit_id) override {
    DONDOC_READ(GetUnit(lease->db(), tenant_id, unit_id));
  }
  Result<std::vector<domain::Unit>> ListUnits(Id tenant_id) override {
    DONDOC_READ(ListUnits(lease->db(), tenant_id));
  }
  Result<std::vector<Id>> SubUnitIds(Id tenant_id, Id unit_id) override {
    DONDOC_READ(SubUnitIds(lease->db(), tenant_id, unit_id));
  }
  Result<domain::Field> GetField(Id tenant_id, Id field_id) override {
    DONDOC_READ(GetField(lease->db(), tenant_id, field_id));
  }
  Result<std::vector<domain::Field>> ListFields(Id tenant_id) override {
    DONDOC_READ(ListFields(lease->db(), tenant_id));
  }
  Result<domain::User> GetUser(Id tenant_id, Id user_id) override {
    DONDOC_READ(GetUser(lease->db(), tenant_id, user_id));
  }
  Result<domain::User> FindUserByUsername(Id tenant_id, const std::string& username) override {
    DONDOC_READ(FindUserByUsername(lease->db(), tenant_id, username));
  }
  Result<std::vector<domain::User>> ListUsers(Id tenant_id) override {
    DONDOC_READ(ListUsers(lease->db(), tenant_id));
  }
  Result<domain::Session> GetSession(Id tenant_id, const std::string& token_hash) override {
    DONDOC_READ(GetSession(lease->db(), tenant_id, token_hash));
  }
  Result<domain::ApiToken> GetApiToken(Id tenant_id, const std::string& token_hash) override {
    DONDOC_READ(GetApiToken(lease->db(), tenant_id, token_hash));
  }
  Result<int> CountLoginFailures(Id tenant_id, const std::string& username,
                                 const std::string& address, Timestamp since) override {
    DONDOC_READ(CountLoginFailures(lease->db(), tenant_id, username, address, since));
  }
  Result<domain::Notice> GetNotice(Id tenant_id, Id notice_id) override {
    DONDOC_READ(GetNotice(lease->db(), tenant_id, notice_id));
  }
  Result<domain::Notice> FindNoticeBySha256(Id tenant_id, const std::string& sha256) override {
    DONDOC_READ(FindNoticeBySha256(lease->db(), tenant_id, sha256));
  }
  Result<Page<domain::Notice>> ListNotices(Id tenant_id, const NoticeFilter& f) override {
    DONDOC_READ(ListNotices(lease->db(), tenant_id, f));
  }
  Result<domain::Task> GetTask(Id tenant_id, Id task_id) override {
    DONDOC_READ(GetTask(lease->db(), tenant_id, task_id));
  }
  Result<TaskDetail> GetTaskDetail(Id tenant_id, Id task_id, TaskHistory history) override {
    DONDOC_READ(GetTaskDetail(lease->db(), tenant_id, task_id, history));
  }
  Result<Page<domain::Task>> ListTasks(Id tenant_id, const TaskFilter& f) override {
    DONDOC_READ(ListTasks(lease->db(), tenant_id, f));
  }
  Result<std::vector<domain::Task>> ListNoticeTasks(Id tenant_id, Id notice_id) override {
    DONDOC_READ(ListNoticeTasks(lease->db(), tenant_id, notice_id));
  }
  Result<std::vector<domain::Occurrence>> ListOccurrences(Id tenant_id, Id task_id) override {
    DONDOC_READ(ListOccurrences(lease->db(), tenant_id, task_id));
  }
  Result<std::vector<Id>> ListRecurringTaskIds(Id tenant_id) override {
    DONDOC_READ(ListRecurringTaskIds(lease->db(), tenant_id));
  }
  Result<domain::Extension> GetExtension(Id tenant_id, Id extension_id) override {
    DONDOC_READ(GetExtension(lease->db(), tenant_id, extension_id));
  }
  Result<domain::ProgressReport> GetProgressReport(Id tenant_id, Id report_id) override {
    DONDOC_READ(GetProgressReport(lease->db(), tenant_id, report_id));
  }
  Result<std::vector<domain::ScoreRow>> Scorecards(Id tenant_id, const ScoreFilter& f) override {
    DONDOC_READ(Scorecards(lease->db(), tenant_id, f));
  }
  Result<std::vector<domain::ScoreItem>> ScoreItems(Id tenant_id, const ScoreFilter& f) override {
    DONDOC_READ(ScoreItems(lease->db(), tenant_id, f));
  }
  Result<std::vector<domain::ScoreCounts>> ScoreTotals(
      Id tenant_id, const ScoreFilter& f, const std::vector<text::Date>& dates) override {
    DONDOC_READ(ScoreTotals(lease->db(), tenant_id, f, dates));
  }
  Result<std::array<long, domain::kTaskStateCount>> CountTasksByState(
      Id tenant_id, const TaskFilter& f) override {
    DONDOC_READ(CountTasksByState(lease->db(), tenant_id, f));
  }
  Result<domain::Attachment> GetAttachment(Id tenant_id, Id attachment_id) override {
    DONDOC_READ(GetAttachment(lease->db(), tenant_id, attachment_id));
  }
  Result<std::string> ReadBlob(Id tenant_id, const std::string& storage_key) override {
    DONDOC_READ(ReadBlob(lease->db(), tenant_id, storage_key));
  }
  Result<Page<domain::AuditEntry>> ListAudit(Id tenant_id, const AuditFilter& f) override {
    DONDOC_READ(ListAudit(lease->db(), tenant_id, f));
  }
  Result<std::vector<HolidayOverride>> ListHolidays(Id tenant_id) override {
    DONDOC_READ(ListHolidays(lease->db(), tenant_id));
  }
#undef DONDOC_READ
};

}  // namespace dondoc::store

#endif  // DONDOC_STORE_SQLITE_READER_H_
