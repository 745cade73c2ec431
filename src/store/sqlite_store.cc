#include "store/sqlite_store.h"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/fts_tokenizer.h"
#include "store/migrations.h"
#include "store/result_cache.h"
#include "store/rows.h"
#include "store/sqlite_reader.h"
#include "store/task_facts.h"
#include "store/wal_checkpointer.h"
#include "store/writes.h"

namespace dondoc::store {

// Reader connections of a file database, created on demand up to a maximum.
class ReaderPool {
 public:
  ReaderPool(std::string path, int busy_timeout_ms, int max)
      : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms), max_(max < 1 ? 1 : max) {}

  Result<Db*> Acquire();
  void Release(Db* db) {
    {
      std::lock_guard<std::mutex> l(mu_);
      idle_.push_back(db);
    }
    cv_.notify_one();
  }

 private:
  std::string path_;
  int busy_timeout_ms_;
  int max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Db>> all_;
  std::vector<Db*> idle_;
};

Lease::~Lease() {
  if (pool_ && db_) pool_->Release(db_);
}

namespace {

// Per-connection settings; every connection gets them before use.
Status Configure(Db& db, bool reader) {
  DONDOC_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  DONDOC_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = FULL"));
  // Pages are read into a small private cache, the rest stays in the kernel's page cache: a
  // memory map counts every page a scan touched in the server's resident size (0.9 GB on the
  // 200,000-task benchmark tenant), against a budget of 150 MB. Temporary b-trees (sorts,
  // DISTINCT) stay in memory.
  DONDOC_RETURN_IF_ERROR(db.Exec("PRAGMA mmap_size = 0"));
  DONDOC_RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = -4096"));
  DONDOC_RETURN_IF_ERROR(db.Exec("PRAGMA temp_store = MEMORY"));
  DONDOC_RETURN_IF_ERROR(RegisterFtsTokenizer(db.raw()));
  if (reader) DONDOC_RETURN_IF_ERROR(db.Exec("PRAGMA query_only = ON"));
  return Status::Ok();
}

// The transaction a write callback runs in: reads and writes on the writer connection.
class SqliteTx : public SqliteReader<StoreTx> {
 public:
  explicit SqliteTx(Db* db) : db_(db) {}

  // True once a unit was created, changed or deleted through this object.
  bool units_changed() const { return units_changed_; }
  // True once something a signed-in caller is made of (units, fields, users, sessions ended,
  // API tokens) was written through this object.
  bool auth_changed() const { return auth_changed_ || units_changed_; }
  // Rows changed through this object by session bookkeeping (sign-in, last-seen) only: such
  // writes change no data a cache derives from, so they alone do not move DataVersion.
  std::int64_t session_row_changes() const { return session_row_changes_; }
  // (tenant, task) and (tenant, notice) pairs whose scorecard facts this object may have changed.
  const std::vector<std::pair<Id, Id>>& touched_tasks() const { return touched_tasks_; }
  const std::vector<std::pair<Id, Id>>& touched_notices() const { return touched_notices_; }

  Result<Id> CreateTenant(const domain::Tenant& t) override {
    return writes::CreateTenant(*db_, t);
  }
  Result<Id> CreateUnit(const domain::Unit& u) override {
    units_changed_ = true;
    return writes::CreateUnit(*db_, u);
  }
  Status UpdateUnit(const domain::Unit& u) override {
    units_changed_ = true;
    return writes::UpdateUnit(*db_, u);
  }
  Status DeleteUnit(Id tenant_id, Id unit_id) override {
    units_changed_ = true;
    return writes::DeleteUnit(*db_, tenant_id, unit_id);
  }
  Result<Id> CreateField(const domain::Field& f) override {
    auth_changed_ = true;
    return writes::CreateField(*db_, f);
  }
  Status UpdateField(const domain::Field& f) override {
    auth_changed_ = true;
    return writes::UpdateField(*db_, f);
  }
  Status DeleteField(Id tenant_id, Id field_id) override {
    auth_changed_ = true;
    return writes::DeleteField(*db_, tenant_id, field_id);
  }
  Result<Id> CreateUser(const domain::User& u) override {
    auth_changed_ = true;
    return writes::CreateUser(*db_, u);
  }
  Status UpdateUser(const domain::User& u) override {
    auth_changed_ = true;
    return writes::UpdateUser(*db_, u);
  }
  Status CreateSession(const domain::Session& s) override {
    return CountedAsSession([&] { return writes::CreateSession(*db_, s); });
  }
  Status TouchSession(Id tenant_id, const std::string& token_hash, Timestamp last_seen) override {
    return CountedAsSession(
        [&] { return writes::TouchSession(*db_, tenant_id, token_hash, last_seen); });
  }
  Status DeleteSession(Id tenant_id, const std::string& token_hash) override {
    auth_changed_ = true;
    return writes::DeleteSession(*db_, tenant_id, token_hash);
  }
  Result<int> DeleteExpiredSessions(Id tenant_id, Timestamp now, Timestamp idle_before) override {
    auth_changed_ = true;
    return writes::DeleteExpiredSessions(*db_, tenant_id, now, idle_before);
  }
  Result<int> DeleteUserSessions(Id tenant_id, Id user_id) override {
    auth_changed_ = true;
    return writes::DeleteUserSessions(*db_, tenant_id, user_id);
  }
  Status CreateApiToken(const domain::ApiToken& t) override {
    auth_changed_ = true;
    return writes::CreateApiToken(*db_, t);
  }
  Status DeleteApiToken(Id tenant_id, const std::string& token_hash) override {
    auth_changed_ = true;
    return writes::DeleteApiToken(*db_, tenant_id, token_hash);
  }
  Status RecordLoginAttempt(Id tenant_id, const std::string& username, const std::string& address,
                            Timestamp at, bool success) override {
    return writes::RecordLoginAttempt(*db_, tenant_id, username, address, at, success);
  }
  Result<Id> CreateNotice(const domain::Notice& n) override {
    return writes::CreateNotice(*db_, n);
  }
  Status UpdateNotice(const domain::Notice& n) override { return writes::UpdateNotice(*db_, n); }
  Status ActivateNotice(Id tenant_id, Id notice_id, Timestamp at) override {
    touched_notices_.emplace_back(tenant_id, notice_id);
    return writes::ActivateNotice(*db_, tenant_id, notice_id, at);
  }
  Status DeleteDraftNotice(Id tenant_id, Id notice_id) override {
    touched_notices_.emplace_back(tenant_id, notice_id);
    return writes::DeleteDraftNotice(*db_, tenant_id, notice_id);
  }
  Result<Id> CreateTask(const domain::Task& t) override {
    auto id = writes::CreateTask(*db_, t);
    if (id.ok()) touched_tasks_.emplace_back(t.tenant_id, *id);
    return id;
  }
  Status UpdateTask(const domain::Task& t) override {
    touched_tasks_.emplace_back(t.tenant_id, t.id);
    return writes::UpdateTask(*db_, t);
  }
  Status DeleteTask(Id tenant_id, Id task_id) override {
    touched_tasks_.emplace_back(tenant_id, task_id);
    return writes::DeleteTask(*db_, tenant_id, task_id);
  }
  Result<Id> CreateOccurrence(const domain::Occurrence& o) override {
    touched_tasks_.emplace_back(o.tenant_id, o.task_id);
    return writes::CreateOccurrence(*db_, o);
  }
  Status UpdateOccurrence(const domain::Occurrence& o) override {
    touched_tasks_.emplace_back(o.tenant_id, o.task_id);
    return writes::UpdateOccurrence(*db_, o);
  }
  Result<Id> AddProgressReport(const domain::ProgressReport& r) override {
    touched_tasks_.emplace_back(r.tenant_id, r.task_id);
    return writes::AddProgressReport(*db_, r);
  }
  Result<Id> CreateExtension(const domain::Extension& e) override {
    return writes::CreateExtension(*db_, e);
  }
  Status UpdateExtension(const domain::Extension& e) override {
    return writes::UpdateExtension(*db_, e);
  }
  Result<Id> AddComment(const domain::Comment& c) override { return writes::AddComment(*db_, c); }
  Result<domain::Attachment> AddAttachment(const domain::Attachment& a,
                                           const std::string& bytes) override {
    return writes::AddAttachment(*db_, a, bytes);
  }
  Result<Id> AppendAudit(const domain::AuditEntry& e) override {
    return writes::AppendAudit(*db_, e);
  }
  Status PutHoliday(Id tenant_id, const HolidayOverride& h) override {
    return writes::PutHoliday(*db_, tenant_id, h);
  }
  Status DeleteHoliday(Id tenant_id, text::Date date) override {
    return writes::DeleteHoliday(*db_, tenant_id, date);
  }

 protected:
  Result<Lease> Acquire() override { return Lease(db_, nullptr, {}); }

 private:
  template <typename Fn>
  Status CountedAsSession(Fn fn) {
    const std::int64_t before = sqlite3_total_changes64(db_->raw());
    Status st = fn();
    session_row_changes_ += sqlite3_total_changes64(db_->raw()) - before;
    return st;
  }

  Db* db_;
  bool units_changed_ = false;
  bool auth_changed_ = false;
  std::int64_t session_row_changes_ = 0;
  std::vector<std::pair<Id, Id>> touched_tasks_;
  std::vector<std::pair<Id, Id>> touched_notices_;
};

// Each tenant's unit tree, kept in memory for SubUnitIds (asked on nearly every request). A
// tree is stored only if no unit write committed while it was being read (generation check).
class UnitTreeCache {
 public:
  struct Tree {
    std::unordered_map<Id, std::vector<Id>> children;
    std::unordered_set<Id> ids;
    std::vector<domain::Unit> units;  // as reads::ListUnits returns them
  };

  std::shared_ptr<const Tree> Get(Id tenant_id) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = trees_.find(tenant_id);
    return it == trees_.end() ? nullptr : it->second;
  }
  std::uint64_t generation() {
    std::lock_guard<std::mutex> l(mu_);
    return generation_;
  }
  void Put(Id tenant_id, std::shared_ptr<const Tree> tree, std::uint64_t generation) {
    std::lock_guard<std::mutex> l(mu_);
    if (generation == generation_) trees_[tenant_id] = std::move(tree);
  }
  // Call after a commit that changed units.
  void Invalidate() {
    std::lock_guard<std::mutex> l(mu_);
    ++generation_;
    trees_.clear();
  }

 private:
  std::mutex mu_;
  std::uint64_t generation_ = 0;
  std::unordered_map<Id, std::shared_ptr<const Tree>> trees_;
};

// The store that InTransaction is running in on this thread, to refuse nesting.
thread_local const void* tls_in_transaction = nullptr;

class SqliteStore : public SqliteReader<Store> {
 public:
  // In-memory: `writer` is the only connection, `pool` and `checkpointer` are null.
  SqliteStore(std::unique_ptr<Db> writer, std::unique_ptr<ReaderPool> pool,
              std::unique_ptr<WalCheckpointer> checkpointer)
      : writer_(std::move(writer)),
        pool_(std::move(pool)),
        checkpointer_(std::move(checkpointer)) {}

  // Group commit: concurrent callers queue their callbacks; one of them (the leader) runs a
  // batch of them in one SQLite transaction, each inside its own savepoint (so each commits or
  // rolls back alone, in queue order, seeing the writes of those before it), and commits once.
  // Callers return only after the commit that holds their writes. One fsync serves a batch.
  Status InTransaction(const std::function<Status(StoreTx& tx)>& fn) override {
    if (tls_in_transaction == this) {
      return Status::Internal("InTransaction called inside a transaction");
    }
    Pending me{&fn, Status::Ok(), false};
    std::unique_lock<std::mutex> l(queue_mu_);
    queue_.push_back(&me);
    while (!me.done) {
      if (leader_active_) {
        queue_cv_.wait(l);
        continue;
      }
      leader_active_ = true;
      while (!me.done && !queue_.empty()) {
        std::vector<Pending*> batch;
        while (!queue_.empty() && batch.size() < kMaxBatch) {
          batch.push_back(queue_.front());
          queue_.pop_front();
        }
        l.unlock();
        RunBatch(batch);
        l.lock();
        for (Pending* p : batch) p->done = true;
        queue_cv_.notify_all();
      }
      leader_active_ = false;
      queue_cv_.notify_all();
    }
    return me.status;
  }

  // The tenant's unit tree from the cache, read (and cached) when missing.
  Result<std::shared_ptr<const UnitTreeCache::Tree>> Tree(Id tenant_id) {
    std::shared_ptr<const UnitTreeCache::Tree> tree = units_cache_.Get(tenant_id);
    if (tree) return tree;
    std::uint64_t generation = units_cache_.generation();
    auto lease = Acquire();
    if (!lease.ok()) return lease.status();
    auto built = std::make_shared<UnitTreeCache::Tree>();
    DONDOC_ASSIGN_OR_RETURN(built->units, reads::ListUnits(lease->db(), tenant_id));
    for (const domain::Unit& u : built->units) {
      built->ids.insert(u.id);
      if (u.parent_id) built->children[*u.parent_id].push_back(u.id);
    }
    units_cache_.Put(tenant_id, built, generation);
    return std::shared_ptr<const UnitTreeCache::Tree>(std::move(built));
  }

  Result<std::vector<domain::Unit>> ListUnits(Id tenant_id) override {
    DONDOC_ASSIGN_OR_RETURN(std::shared_ptr<const UnitTreeCache::Tree> tree, Tree(tenant_id));
    return tree->units;
  }

  Result<std::vector<Id>> SubUnitIds(Id tenant_id, Id unit_id) override {
    DONDOC_ASSIGN_OR_RETURN(std::shared_ptr<const UnitTreeCache::Tree> tree, Tree(tenant_id));
    if (!tree->ids.count(unit_id)) {
      return Status::NotFound("unit " + std::to_string(unit_id) + " not found");
    }
    std::vector<Id> out{unit_id};
    std::unordered_set<Id> seen{unit_id};
    for (size_t i = 0; i < out.size(); ++i) {
      auto it = tree->children.find(out[i]);
      if (it == tree->children.end()) continue;
      for (Id c : it->second) {
        if (seen.insert(c).second) out.push_back(c);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  Result<Page<domain::Task>> ListTasks(Id tenant_id, const TaskFilter& f) override {
    TaskFacts::FilterUnits units;
    if (f.unit_id && f.include_sub_units) {
      auto ids = SubUnitIds(tenant_id, *f.unit_id);
      if (!ids.ok()) {
        if (ids.status().code() == StatusCode::kNotFound) return Page<domain::Task>{};
        return ids.status();
      }
      units.of_unit = std::move(ids).value();
    }
    auto lease = Acquire();
    if (!lease.ok()) return lease.status();
    // A page asked again before the next commit: only its tasks are read again, and used if no
    // commit came in between.
    const std::string key = TaskFilterKey(tenant_id, f);
    const std::uint64_t version = data_version_.load();
    if (auto ids = task_pages_.Get(key, version)) {
      DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                              ReadPageTasks(lease->db(), tenant_id, *ids));
      if (data_version_.load() == version && tasks.size() == ids->ids.size()) {
        return Page<domain::Task>{std::move(tasks), ids->total};
      }
    }
    if (TaskFacts::CanList(f)) {
      if (f.unit_id && !f.include_sub_units) units.of_unit = {*f.unit_id};
      DONDOC_RETURN_IF_ERROR(FieldUnits(lease->db(), tenant_id, f, &units));
      auto ids = std::make_shared<TaskPageIds>();
      DONDOC_RETURN_IF_ERROR(WithFacts(tenant_id, lease->db(), [&](const TaskFacts& facts) {
        *ids = facts.List(f, units, reads::ClampLimit(f.limit), std::max(f.offset, 0));
      }));
      DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                              ReadPageTasks(lease->db(), tenant_id, *ids));
      // A task deleted since the facts were read leaves a hole: the next call reads it again.
      if (tasks.size() == ids->ids.size()) task_pages_.Put(key, version, ids);
      return Page<domain::Task>{std::move(tasks), ids->total};
    }
    DONDOC_ASSIGN_OR_RETURN(
        Page<domain::Task> page,
        reads::ListTasks(lease->db(), tenant_id, f, f.unit_id ? &units.of_unit : nullptr));
    auto ids = std::make_shared<TaskPageIds>();
    ids->total = page.total;
    for (const domain::Task& t : page.items) ids->ids.push_back(t.id);
    task_pages_.Put(key, version, std::move(ids));
    return page;
  }

  // Counted from the tenant's TaskFacts; kept per data version.
  Result<std::vector<domain::ScoreRow>> Scorecards(Id tenant_id, const ScoreFilter& f) override {
    const std::string key = ScoreFilterKey(tenant_id, f);
    const std::uint64_t version = data_version_.load();
    if (auto rows = scores_.Get(key, version)) return *rows;
    auto lease = Acquire();
    if (!lease.ok()) return lease.status();
    TaskFacts::FieldsOfUnit fields;
    if (f.by == ScoreGroup::kField) {
      DONDOC_ASSIGN_OR_RETURN(fields, TaskFacts::ReadFieldsOfUnits(lease->db(), tenant_id));
    }
    std::vector<domain::ScoreRow> rows;
    DONDOC_RETURN_IF_ERROR(WithFacts(
        tenant_id, lease->db(), [&](const TaskFacts& facts) { rows = facts.Count(f, fields); }));
    scores_.Put(key, version, std::make_shared<const std::vector<domain::ScoreRow>>(rows));
    return rows;
  }

  Result<std::vector<domain::ScoreCounts>> ScoreTotals(
      Id tenant_id, const ScoreFilter& f, const std::vector<text::Date>& dates) override {
    auto lease = Acquire();
    if (!lease.ok()) return lease.status();
    std::vector<domain::ScoreCounts> out;
    DONDOC_RETURN_IF_ERROR(WithFacts(
        tenant_id, lease->db(), [&](const TaskFacts& facts) { out = facts.Totals(f, dates); }));
    return out;
  }

  Result<std::array<long, domain::kTaskStateCount>> CountTasksByState(
      Id tenant_id, const TaskFilter& f) override {
    std::array<long, domain::kTaskStateCount> out{};
    TaskFacts::FilterUnits units;
    if (f.unit_id && f.include_sub_units) {
      auto ids = SubUnitIds(tenant_id, *f.unit_id);
      if (!ids.ok()) {
        if (ids.status().code() == StatusCode::kNotFound) return out;
        return ids.status();
      }
      units.of_unit = std::move(ids).value();
    } else if (f.unit_id) {
      units.of_unit = {*f.unit_id};
    }
    auto lease = Acquire();
    if (!lease.ok()) return lease.status();
    if (!TaskFacts::CanList(f)) return reads::CountTasksByState(lease->db(), tenant_id, f);
    DONDOC_RETURN_IF_ERROR(FieldUnits(lease->db(), tenant_id, f, &units));
    DONDOC_RETURN_IF_ERROR(WithFacts(tenant_id, lease->db(), [&](const TaskFacts& facts) {
      out = facts.CountByState(f, units);
    }));
    return out;
  }

  std::uint64_t DataVersion() const override { return data_version_.load(); }
  std::uint64_t AuthVersion() const override { return auth_version_.load(); }

  Status Backup(const std::string& path) override {
    auto lease = Acquire();
    if (!lease.ok()) return lease.status();
    sqlite3* dest = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      Status st = SqliteStatus(dest, rc, "open backup " + path);
      sqlite3_close_v2(dest);
      return Status::IoError(st.message());
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", lease->db().raw(), "main");
    if (!b) {
      Status st = SqliteStatus(dest, sqlite3_errcode(dest), "backup");
      sqlite3_close_v2(dest);
      return Status::IoError(st.message());
    }
    rc = sqlite3_backup_step(b, -1);
    int finish = sqlite3_backup_finish(b);
    Status st = Status::Ok();
    if (rc != SQLITE_DONE) {
      st = Status::IoError("backup: " + std::string(sqlite3_errstr(rc)));
    } else if (finish != SQLITE_OK) {
      st = SqliteStatus(dest, finish, "backup");
    }
    sqlite3_close_v2(dest);
    return st;
  }

 protected:
  Result<Lease> Acquire() override {
    if (!pool_) return Lease(writer_.get(), nullptr, std::unique_lock<std::recursive_mutex>(mu_));
    DONDOC_ASSIGN_OR_RETURN(Db * db, pool_->Acquire());
    return Lease(db, pool_.get(), {});
  }

 private:
  struct Pending {
    const std::function<Status(StoreTx& tx)>* fn;
    Status status;
    bool done;
  };
  static constexpr size_t kMaxBatch = 64;

  static Status RunOne(const std::function<Status(StoreTx& tx)>& fn, StoreTx& tx) {
    try {
      return fn(tx);
    } catch (const std::exception& e) {
      return Status::Internal(std::string("exception in a transaction: ") + e.what());
    } catch (...) {
      return Status::Internal("exception in a transaction");
    }
  }

  // The task's row found from its rowid, and its units from the facts when the row's units
  // version is theirs (bench/FINDINGS.md 3k, 3l).
  Result<TaskDetail> GetTaskDetail(Id tenant_id, Id task_id, TaskHistory history) override {
    reads::TaskRowHint hint = TaskHint(tenant_id, task_id);
    auto lease = this->Acquire();
    if (!lease.ok()) return lease.status();
    return reads::GetTaskDetail(lease->db(), tenant_id, task_id, history, std::move(hint));
  }

  // TaskFacts::Hint as the facts are, without bringing them up to date nor waiting for a
  // refresh under way (no hint then): the read checks the hint.
  reads::TaskRowHint TaskHint(Id tenant_id, Id task_id) {
    std::shared_lock<std::shared_mutex> read(facts_mu_, std::try_to_lock);
    if (!read.owns_lock()) return {};
    auto it = task_facts_.find(tenant_id);
    return it == task_facts_.end() ? reads::TaskRowHint{} : it->second.Hint(task_id);
  }

  // Calls `fn` with the tenant's TaskFacts brought up to date with every commit before this call:
  // under a shared lock when nothing changed since they were last read (the usual case, so lists
  // and counts run side by side), else after re-reading what changed under an exclusive lock.
  template <typename Fn>
  Status WithFacts(Id tenant_id, Db& db, Fn fn) {
    CheckExternalWrites();
    bool stale = external_writes_.load();
    {
      std::lock_guard<std::mutex> l(marks_mu_);
      stale = stale || marks_.count(tenant_id) > 0;
    }
    if (!stale) {
      std::shared_lock<std::shared_mutex> read(facts_mu_);
      auto it = task_facts_.find(tenant_id);
      if (it != task_facts_.end() && it->second.loaded()) {
        fn(it->second);
        return Status::Ok();
      }
    }
    std::unique_lock<std::shared_mutex> write(facts_mu_);
    if (external_writes_.exchange(false)) {
      for (auto& [id, facts] : task_facts_) facts.MarkAll();
    }
    TaskFacts& facts = task_facts_[tenant_id];
    {
      std::lock_guard<std::mutex> l(marks_mu_);
      if (auto it = marks_.find(tenant_id); it != marks_.end()) {
        for (Id task : it->second.tasks) facts.MarkTask(task);
        for (Id notice : it->second.notices) facts.MarkNotice(notice);
        marks_.erase(it);
      }
    }
    DONDOC_RETURN_IF_ERROR(facts.Refresh(db, tenant_id));
    fn(facts);
    return Status::Ok();
  }

  // The tasks of `page` that still exist, in its order. Their units come from the page when it
  // has them (the task facts', a third of the cost of reading 25 tasks saved), which the
  // facts had at the data version the page was listed at, as the list itself.
  static Result<std::vector<domain::Task>> ReadPageTasks(Db& db, Id tenant_id,
                                                         const TaskPageIds& page) {
    const bool units_known =
        page.leads.size() == page.ids.size() && page.supports.size() == page.ids.size();
    DONDOC_ASSIGN_OR_RETURN(
        std::vector<domain::Task> tasks,
        reads::GetTasks(db, tenant_id, page.ids, /*with_units=*/!units_known, page.rowids));
    if (!units_known) return tasks;
    size_t i = 0;
    for (domain::Task& t : tasks) {  // a subsequence of page.ids
      while (i < page.ids.size() && page.ids[i] != t.id) ++i;
      if (i == page.ids.size()) break;
      t.lead_unit_ids = page.leads[i];
      t.support_unit_ids = page.supports[i];
    }
    return tasks;
  }

  // Sets units->of_field to the units of f.field_id, when set (none when it does not exist).
  Status FieldUnits(Db& db, Id tenant_id, const TaskFilter& f, TaskFacts::FilterUnits* units) {
    if (!f.field_id) return Status::Ok();
    Result<domain::Field> field = reads::GetField(db, tenant_id, *f.field_id);
    if (field.ok()) {
      units->of_field = field->unit_ids;
    } else if (field.status().code() != StatusCode::kNotFound) {
      return field.status();
    }
    return Status::Ok();
  }

  // Another process's commit (`dondoc admin`, a restore) moves the writer connection's
  // data_version, which this process's own commits do not: then every tenant's facts are read
  // again. Checked at most once a second.
  void CheckExternalWrites() {
    using Clock = std::chrono::steady_clock;
    const Clock::rep now = Clock::now().time_since_epoch().count();
    Clock::rep next = next_external_check_.load();
    if (now < next) return;
    const Clock::rep after =
        now + std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(1)).count();
    if (!next_external_check_.compare_exchange_strong(next, after)) return;
    std::lock_guard<std::recursive_mutex> writer(mu_);
    auto s = writer_->Prepare("PRAGMA data_version");
    Result<bool> row = s.ok() ? s->Step() : Result<bool>(s.status());
    if (!row.ok() || !*row) return;
    const std::int64_t seen = s->Int(0);
    if (external_version_.exchange(seen) != seen) external_writes_.store(true);
  }

  // Records what the committed `tx` touched, for WithFacts.
  void AddMarks(const SqliteTx& tx) {
    std::lock_guard<std::mutex> l(marks_mu_);
    for (const auto& [tenant, task] : tx.touched_tasks()) marks_[tenant].tasks.push_back(task);
    for (const auto& [tenant, notice] : tx.touched_notices()) {
      marks_[tenant].notices.push_back(notice);
    }
  }

  // Runs `batch` in one transaction, each callback in a savepoint, and commits; sets each
  // status.
  void RunBatch(const std::vector<Pending*>& batch) {
    std::unique_lock<std::recursive_mutex> lock(mu_);
    sqlite3* raw = writer_->raw();
    size_t first_in_tx = 0;  // callbacks [first_in_tx, i) are in the open transaction
    Status begin = writer_->Exec("BEGIN IMMEDIATE");
    const std::int64_t changes_before = sqlite3_total_changes64(raw);
    SqliteTx tx(writer_.get());
    for (size_t i = 0; i < batch.size(); ++i) {
      Pending* p = batch[i];
      if (!begin.ok()) {
        p->status = begin;
        continue;
      }
      Status sp = writer_->Exec("SAVEPOINT dondoc_tx");
      if (!sp.ok()) {
        p->status = sp;
        continue;
      }
      tls_in_transaction = this;
      Status st = RunOne(*p->fn, tx);
      tls_in_transaction = nullptr;
      if (sqlite3_get_autocommit(raw)) {
        // The database rolled the whole transaction back (a rare I/O or memory error): the
        // callbacks before this one lost their writes too. Start again for the rest.
        for (size_t j = first_in_tx; j < i; ++j) {
          if (batch[j]->status.ok()) {
            batch[j]->status = Status::IoError("the transaction was rolled back by the database");
          }
        }
        p->status =
            st.ok() ? Status::IoError("the transaction was rolled back by the database") : st;
        begin = writer_->Exec("BEGIN IMMEDIATE");
        first_in_tx = i + 1;
        continue;
      }
      if (st.ok()) {
        st = writer_->Exec("RELEASE dondoc_tx");
      } else {
        (void)writer_->Exec("ROLLBACK TO dondoc_tx");
        (void)writer_->Exec("RELEASE dondoc_tx");
      }
      p->status = st;
    }
    if (!begin.ok()) return;
    // A batch that only touched sessions (every signed-in request refreshes its last-seen time)
    // leaves the version, and so every derived cache, as it was. Signing out still moves it.
    const bool data_changed =
        sqlite3_total_changes64(raw) - changes_before > tx.session_row_changes();
    // Moved before the commit as well as after it: a reader that sees the same version before
    // and after its reads saw no commit land in between.
    if (data_changed) data_version_.fetch_add(1);
    if (tx.auth_changed()) auth_version_.fetch_add(1);
    Status commit = writer_->Exec("COMMIT");
    if (!commit.ok()) {
      (void)writer_->Exec("ROLLBACK");
      for (size_t j = first_in_tx; j < batch.size(); ++j) {
        if (batch[j]->status.ok()) {
          batch[j]->status = Status::IoError("commit failed: " + commit.message());
        }
      }
    }
    // Before the version moves: a count that sees the new version finds these marks.
    if (commit.ok()) AddMarks(tx);
    if (data_changed) data_version_.fetch_add(1);
    if (tx.auth_changed()) auth_version_.fetch_add(1);
    // After the commit: a tree read before it is refused by the generation check.
    if (tx.units_changed()) units_cache_.Invalidate();
  }

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Pending*> queue_;
  bool leader_active_ = false;
  UnitTreeCache units_cache_;
  std::shared_mutex facts_mu_;
  std::unordered_map<Id, TaskFacts> task_facts_;  // by tenant; guarded by facts_mu_
  std::atomic<std::int64_t> external_version_{-1};
  std::atomic<bool> external_writes_{false};
  std::atomic<std::int64_t> next_external_check_{0};
  struct Marks {
    std::vector<Id> tasks, notices;
  };
  std::mutex marks_mu_;
  std::unordered_map<Id, Marks> marks_;  // by tenant, guarded by marks_mu_
  VersionedCache<std::vector<domain::ScoreRow>> scores_{256};
  VersionedCache<TaskPageIds> task_pages_{4096};
  std::atomic<std::uint64_t> data_version_{0};
  std::atomic<std::uint64_t> auth_version_{0};
  std::recursive_mutex mu_;  // serialises writers (and everything, in memory)
  std::unique_ptr<Db> writer_;
  std::unique_ptr<ReaderPool> pool_;
  std::unique_ptr<WalCheckpointer> checkpointer_;  // after writer_: stops before it closes
};

}  // namespace

Result<Db*> ReaderPool::Acquire() {
  std::unique_lock<std::mutex> l(mu_);
  while (true) {
    if (!idle_.empty()) {
      Db* db = idle_.back();
      idle_.pop_back();
      return db;
    }
    if (static_cast<int>(all_.size()) < max_) break;
    cv_.wait(l);
  }
  DONDOC_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, Db::Open(path_, busy_timeout_ms_));
  DONDOC_RETURN_IF_ERROR(Configure(*db, /*reader=*/true));
  all_.push_back(std::move(db));
  return all_.back().get();
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  const bool memory = options.path == ":memory:" || options.path.empty();
  DONDOC_ASSIGN_OR_RETURN(std::unique_ptr<Db> writer,
                          Db::Open(memory ? ":memory:" : options.path, options.busy_timeout_ms));
  if (!memory) {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, writer->Prepare("PRAGMA journal_mode = WAL"));
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row || s.Text(0) != "wal") return Status::IoError("cannot switch the database to WAL");
  }
  DONDOC_RETURN_IF_ERROR(Configure(*writer, /*reader=*/false));
  DONDOC_RETURN_IF_ERROR(Migrate(*writer));
  std::unique_ptr<ReaderPool> pool;
  std::unique_ptr<WalCheckpointer> checkpointer;
  if (!memory) {
    pool = std::make_unique<ReaderPool>(options.path, options.busy_timeout_ms, options.max_readers);
    // Every 250 pages (~1 MB; SQLite's default is 1,000): a checkpoint's fsync of the database
    // file shares the disk with the writers' WAL fsyncs, and smaller ones disturb them less.
    // After a saturating burst of reports, then ~1,000 a second (3 runs each): p99 9.4-13.5 ms
    // at 250 pages, 16.2-20.6 ms at 1,000; 100 pages cost 15 % of the most writes a second.
    DONDOC_ASSIGN_OR_RETURN(
        checkpointer, WalCheckpointer::Start(*writer, options.path, options.busy_timeout_ms, 250));
  }
  return std::unique_ptr<Store>(
      new SqliteStore(std::move(writer), std::move(pool), std::move(checkpointer)));
}

}  // namespace dondoc::store
