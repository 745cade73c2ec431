// Migrations, pragmas, audit immutability, foreign keys, tenant isolation, transactions, backup.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>

#include "store/db.h"
#include "store/fts_tokenizer.h"
#include "store/migrations.h"
#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::D;
using testing::kT0;
using testing::TempDbPath;

Result<std::string> PragmaText(Db& db, const std::string& pragma) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("PRAGMA " + pragma));
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound(pragma);
  return s.Text(0);
}

TEST(MigrationsTest, FreshDatabaseIsAtLatestVersionAndReopenIsIdempotent) {
  std::string path = TempDbPath("migrate.db");
  {
    auto store = OpenSqliteStore({path});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  {
    auto store = OpenSqliteStore({path});  // second open applies nothing and succeeds
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  auto db = Db::Open(path, 1000);
  ASSERT_TRUE(db.ok());
  auto v = SchemaVersion(**db);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, LatestSchemaVersion());
  auto count = (*db)->Prepare("SELECT count(*) FROM schema_version");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->Int(0), static_cast<std::int64_t>(Migrations().size()));
  EXPECT_EQ(*PragmaText(**db, "journal_mode"), "wal");
}

TEST(MigrationsTest, NewerSchemaIsRefused) {
  std::string path = TempDbPath("newer.db");
  { ASSERT_TRUE(OpenSqliteStore({path}).ok()); }
  {
    auto db = Db::Open(path, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("INSERT INTO schema_version (version) VALUES (9999)").ok());
  }
  auto store = OpenSqliteStore({path});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
}

// The query plan SQLite picks for `sql`, its lines joined.
std::string QueryPlan(Db& db, const std::string& sql) {
  auto s = db.Prepare("EXPLAIN QUERY PLAN " + sql);
  if (!s.ok()) return s.status().ToString();
  std::string plan;
  while (true) {
    auto row = s->Step();
    if (!row.ok() || !*row) break;
    plan += s->Text(3) + "\n";
  }
  return plan;
}

// Version 3 clusters a task's reports and audit rows by task (a task's page read them from a
// page each). A version-2 database keeps every row and every rule through it.
TEST(MigrationsTest, V3ClustersReportsAndHistoryByTaskAndKeepsEveryRow) {
  std::string path = TempDbPath("v2.db");
  {
    auto db = Db::Open(path, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(RegisterFtsTokenizer((*db)->raw()).ok());
    ASSERT_TRUE((*db)->Exec("CREATE TABLE schema_version (version INTEGER NOT NULL)").ok());
    for (const Migration& m : Migrations()) {
      if (m.version > 2) break;
      ASSERT_TRUE((*db)->Exec(m.sql).ok()) << m.version;
      ASSERT_TRUE(
          (*db)
              ->Exec("INSERT INTO schema_version VALUES (" + std::to_string(m.version) + ")")
              .ok());
    }
    // Reports and audit rows of two tasks interleaved, as they arrive over time.
    Status st = (*db)->Exec(R"sql(
      INSERT INTO tenants VALUES (1, 'a', 'A', 0);
      INSERT INTO units (tenant_id, id, name) VALUES (1, 1, 'Sở Tài chính'), (1, 2, 'Sở Xây dựng');
      INSERT INTO users (tenant_id, id, username, unit_id, role, created_at)
        VALUES (1, 1, 'u', 1, 'unit', 0);
      INSERT INTO notices (tenant_id, id, status, created_at) VALUES (1, 1, 'active', 0);
      INSERT INTO tasks (tenant_id, id, notice_id, draft, text, created_at, updated_at)
        VALUES (1, 1, 1, 0, 'T1', 0, 0), (1, 2, 1, 0, 'T2', 0, 0);
      INSERT INTO task_units (tenant_id, unit_id, task_id, role, position, notice_id, draft,
                              status, updated_at)
        VALUES (1, 2, 1, 'support', 0, 1, 0, 'open', 0), (1, 1, 1, 'lead', 0, 1, 0, 'open', 0),
               (1, 1, 2, 'lead', 0, 1, 0, 'open', 0);
      INSERT INTO progress_reports (tenant_id, id, task_id, unit_id, user_id, text, percent,
                                    created_at)
        VALUES (1, 1, 1, 1, 1, 'r1', 10, 1), (1, 2, 2, 1, 1, 'r2', 20, 2),
               (1, 3, 1, 1, 1, 'r3', 30, 3);
      INSERT INTO audit_log (tenant_id, id, user_id, at, action, entity, entity_id)
        VALUES (1, 1, 1, 1, 'task_report', 'task', 1), (1, 2, 1, 2, 'task_report', 'task', 2),
               (1, 3, 1, 3, 'task_report', 'task', 1);
    )sql");
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  auto store = OpenSqliteStore({path});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto d = (*store)->GetTaskDetail(1, 1, TaskHistory::kInclude);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->reports.size(), 2u);
  EXPECT_EQ(d->reports[0].text, "r1");
  EXPECT_EQ(d->reports[1].text, "r3");
  ASSERT_EQ(d->history.size(), 2u);
  EXPECT_EQ(d->history[0].id, 1);
  EXPECT_EQ(d->history[1].id, 3);
  EXPECT_EQ(d->task.lead_unit_ids, std::vector<Id>{1});
  EXPECT_EQ(d->task.support_unit_ids, std::vector<Id>{2});
  auto report = (*store)->GetProgressReport(1, 2);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->task_id, 2);

  auto db = Db::Open(path, 1000);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*SchemaVersion(**db), LatestSchemaVersion());  // V3, then the later ones
  // V4: the tasks of an older database start at units version 0.
  auto versions = (*db)->Prepare("SELECT count(*) FROM tasks WHERE units_version = 0");
  ASSERT_TRUE(versions.ok());
  ASSERT_TRUE(*versions->Step());
  EXPECT_EQ(versions->Int(0), 2);
  EXPECT_EQ(*PragmaText(**db, "integrity_check"), "ok");
  EXPECT_FALSE(PragmaText(**db, "foreign_key_check").ok());  // no row: no violation
  EXPECT_FALSE((*db)->Exec("UPDATE audit_log SET action = 'x' WHERE tenant_id = 1").ok());
  EXPECT_FALSE((*db)->Exec("DELETE FROM audit_log WHERE tenant_id = 1").ok());
  EXPECT_FALSE((*db)
                   ->Exec("INSERT INTO progress_reports (tenant_id, id, task_id, unit_id, "
                          "user_id, text, percent, created_at) VALUES (1, 3, 2, 1, 1, 'x', 0, 0)")
                   .ok());  // ids stay unique per tenant
  // A task's rows are found by the table's own key: no index, no second descent.
  EXPECT_NE(QueryPlan(**db,
                      "SELECT text FROM progress_reports WHERE tenant_id = 1 AND task_id = 1 "
                      "ORDER BY id")
                .find("USING PRIMARY KEY"),
            std::string::npos);
  EXPECT_NE(QueryPlan(**db,
                      "SELECT action FROM audit_log WHERE tenant_id = 1 AND entity = 'task' "
                      "AND entity_id = 1 ORDER BY id DESC")
                .find("USING PRIMARY KEY"),
            std::string::npos);
  EXPECT_NE(QueryPlan(**db,
                      "SELECT unit_id, role, position FROM task_units INDEXED BY "
                      "task_units_task WHERE tenant_id = 1 AND task_id = 1")
                .find("USING COVERING INDEX task_units_task"),
            std::string::npos);
}

TEST(MigrationsTest, VersionsAreContiguous) {
  int want = 1;
  for (const Migration& m : Migrations()) EXPECT_EQ(m.version, want++);
}

class IntegrityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempDbPath("integrity.db");
    store_ = testing::OpenAt(path_);
    seed_ = testing::SeedStore(*store_);
  }
  std::string path_;
  std::unique_ptr<Store> store_;
  testing::Seed seed_;
};

TEST_F(IntegrityTest, AuditLogIsAppendOnly) {
  domain::AuditEntry e{
      0,    seed_.a,           seed_.user["vanphong"], kT0, "task_report", "task", seed_.task["T1"],
      "{}", "{\"percent\":50}"};
  ASSERT_TRUE(store_->InTransaction([&](StoreTx& tx) { return tx.AppendAudit(e).status(); }).ok());
  auto page = store_->ListAudit(seed_.a, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].action, "task_report");
  EXPECT_EQ(page->items[0].after_json, "{\"percent\":50}");

  auto db = Db::Open(path_, 1000);
  ASSERT_TRUE(db.ok());
  struct Case {
    int n;
    const char* sql;
  };
  const Case cases[] = {
      {1, "UPDATE audit_log SET action = 'nothing'"},
      {2, "DELETE FROM audit_log"},
      {3, "UPDATE audit_log SET after_json = '' WHERE id = 1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    Status st = (*db)->Exec(c.sql);
    EXPECT_FALSE(st.ok());
    EXPECT_NE(st.message().find("append-only"), std::string::npos) << st.message();
  }
  EXPECT_EQ(store_->ListAudit(seed_.a, {})->items[0].action, "task_report");
}

TEST_F(IntegrityTest, AuditFilters) {
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    for (int i = 0; i < 5; ++i) {
                      domain::AuditEntry e{0,       seed_.a, seed_.user["tckh"],
                                           kT0 + i, "x",     i % 2 ? "task" : "notice",
                                           7,       "",      ""};
                      DONDOC_RETURN_IF_ERROR(tx.AppendAudit(e).status());
                    }
                    return Status::Ok();
                  })
                  .ok());
  struct Case {
    int n;
    AuditFilter f;
    long total;
    size_t items;
  };
  AuditFilter tasks;
  tasks.entity = "task";
  AuditFilter since;
  since.since = kT0 + 3;
  AuditFilter paged;
  paged.limit = 2;
  paged.offset = 4;
  const Case cases[] = {{1, {}, 5, 5}, {2, tasks, 2, 2}, {3, since, 2, 2}, {4, paged, 5, 1}};
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    auto page = store_->ListAudit(seed_.a, c.f);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, c.total);
    EXPECT_EQ(page->items.size(), c.items);
  }
  auto newest = store_->ListAudit(seed_.a, {});
  EXPECT_EQ(newest->items.front().at, kT0 + 4);  // newest first
  EXPECT_EQ(store_->ListAudit(seed_.b, {})->total, 0);
}

TEST_F(IntegrityTest, ForeignKeysAreEnforced) {
  const Id a = seed_.a;
  struct Case {
    int n;
    std::function<Status(StoreTx&)> write;
    StatusCode want;
  };
  const Case cases[] = {
      {1,
       [&](StoreTx& tx) {
         return tx
             .CreateTask(testing::MakeTask(a, seed_.notice1, "X", "x", {424242}, {}, nullptr,
                                           domain::StoredStatus::kOpen, nullptr))
             .status();
       },
       StatusCode::kInvalidArgument},
      {2,
       [&](StoreTx& tx) {
         return tx
             .CreateTask(testing::MakeTask(a, 9999, "X", "x", {}, {}, nullptr,
                                           domain::StoredStatus::kOpen, nullptr))
             .status();
       },
       StatusCode::kInvalidArgument},
      {3,
       [&](StoreTx& tx) {
         domain::ProgressReport r{
             0, a, 9999, std::nullopt, seed_.unit["tckh"], seed_.user["tckh"], "x", 10, false, kT0};
         return tx.AddProgressReport(r).status();
       },
       StatusCode::kInvalidArgument},
      {4, [&](StoreTx& tx) { return tx.DeleteUnit(a, seed_.unit["tckh"]); }, StatusCode::kConflict},
      {5, [&](StoreTx& tx) { return tx.DeleteUnit(a, seed_.unit["ubnd"]); }, StatusCode::kConflict},
      {6,
       [&](StoreTx& tx) {
         domain::Unit u{0, a, "Loop", {}, "", 777};
         return tx.CreateUnit(u).status();
       },
       StatusCode::kInvalidArgument},
      {7,
       [&](StoreTx& tx) -> Status {
         DONDOC_ASSIGN_OR_RETURN(domain::Unit u, tx.GetUnit(a, seed_.unit["ubnd"]));
         u.parent_id = seed_.unit["toa"];  // a cycle
         return tx.UpdateUnit(u);
       },
       StatusCode::kInvalidArgument},
      {8,
       [&](StoreTx& tx) {
         auto t =
             testing::MakeTask(a, seed_.notice1, "X", "x", {seed_.unit["tckh"]},
                               {seed_.unit["tckh"]}, nullptr, domain::StoredStatus::kOpen, nullptr);
         return tx.CreateTask(t).status();
       },
       StatusCode::kInvalidArgument},
      {9,
       [&](StoreTx& tx) {
         domain::User u{0,  a,  "tckh", "dup", std::nullopt, domain::Role::kViewer,
                        {}, "", false,  kT0};
         return tx.CreateUser(u).status();
       },
       StatusCode::kAlreadyExists},
      {10,
       [&](StoreTx& tx) {
         domain::Notice n;
         n.tenant_id = a;
         n.sha256 = "aaaa";
         return tx.CreateNotice(n).status();
       },
       StatusCode::kAlreadyExists},
      {11, [&](StoreTx& tx) { return tx.DeleteDraftNotice(a, seed_.notice1); },
       StatusCode::kConflict},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    Status st = store_->InTransaction(c.write);
    EXPECT_EQ(st.code(), c.want) << st.ToString();
  }
  auto db = Db::Open(path_, 1000);
  EXPECT_EQ(PragmaText(**db, "foreign_key_check").status().code(), StatusCode::kNotFound)
      << "no dangling references";
}

TEST_F(IntegrityTest, TenantsNeverSeeEachOther) {
  const Id a = seed_.a;
  const Id b = seed_.b;
  const Id a_task = seed_.task["T1"];
  const Id a_unit = seed_.unit["tckh"];
  // Ids are per tenant: tenant b's first task has the same id as tenant a's; rows differ.
  auto bt = store_->GetTask(b, seed_.task["B1"]);
  ASSERT_TRUE(bt.ok());
  EXPECT_EQ(bt->ref, "B1");
  auto at = store_->GetTask(a, seed_.task["B1"]);
  ASSERT_TRUE(at.ok());
  EXPECT_NE(at->ref, "B1");

  struct Case {
    int n;
    Status st;
  };
  const Case cases[] = {
      {1, store_->GetTask(b, a_task + 100).status()},
      {2, store_->GetUnit(b, a_unit).status()},
      {3, store_->GetNotice(b, seed_.notice2).status()},
      {4, store_->GetUser(b, seed_.user["tckh"]).status()},
      {5, store_->FindUserByUsername(b, "tckh").status()},
      {6, store_->GetField(b, seed_.field["kinhte"]).status()},
      {7, store_->SubUnitIds(b, seed_.unit["toa"]).status()},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(c.st.code(), StatusCode::kNotFound) << c.st.ToString();
  }
  TaskFilter f;
  f.q = "giai ngan";
  auto pa = store_->ListTasks(a, f);
  auto pb = store_->ListTasks(b, f);
  ASSERT_TRUE(pa.ok() && pb.ok());
  ASSERT_EQ(pb->total, 1);
  EXPECT_EQ(pb->items[0].ref, "B1");
  ASSERT_EQ(pa->total, 1);
  EXPECT_EQ(pa->items[0].ref, "T1");
  EXPECT_EQ(store_->ListTasks(b, {})->total, 1);
  EXPECT_EQ(store_->ListUnits(b)->size(), 1u);
  EXPECT_EQ(store_->ListUsers(b)->size(), 1u);
  EXPECT_EQ(store_->ListNotices(b, {})->total, 1);
  ScoreFilter sf;
  sf.as_of = D("2023-07-01");
  auto sb = store_->Scorecards(b, sf);
  ASSERT_TRUE(sb.ok());
  ASSERT_EQ(sb->size(), 1u);
  EXPECT_EQ((*sb)[0].counts.assigned, 1);

  // A tenant-b task cannot point at a tenant-a unit, nor a tenant-a notice.
  Status cross = store_->InTransaction([&](StoreTx& tx) {
    return tx
        .CreateTask(testing::MakeTask(b, seed_.notice_b, "X", "x", {a_unit + 1000}, {}, nullptr,
                                      domain::StoredStatus::kOpen, nullptr))
        .status();
  });
  EXPECT_EQ(cross.code(), StatusCode::kInvalidArgument);
  Status cross_notice = store_->InTransaction([&](StoreTx& tx) {
    return tx
        .CreateTask(testing::MakeTask(b, seed_.notice2, "X", "x", {}, {}, nullptr,
                                      domain::StoredStatus::kOpen, nullptr))
        .status();
  });
  EXPECT_EQ(cross_notice.code(), StatusCode::kInvalidArgument);
  // Updating tenant a's task through tenant b changes nothing.
  Status upd = store_->InTransaction([&](StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(a, seed_.task["T5"]));
    t.tenant_id = b;
    t.lead_unit_ids = {};
    t.notice_id = seed_.notice_b;
    return tx.UpdateTask(t);
  });
  EXPECT_EQ(upd.code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetTask(a, seed_.task["T5"])->ref, "T5");
}

TEST_F(IntegrityTest, TransactionsAreAtomicAndNotNested) {
  Status st = store_->InTransaction([&](StoreTx& tx) -> Status {
    domain::Unit u{0, seed_.a, "Phòng Nội vụ", {}, "phong", seed_.unit["ubnd"]};
    DONDOC_RETURN_IF_ERROR(tx.CreateUnit(u).status());
    DONDOC_ASSIGN_OR_RETURN(auto units, tx.ListUnits(seed_.a));  // sees its own write
    EXPECT_EQ(units.size(), 6u);
    return Status::InvalidArgument("abort");
  });
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->ListUnits(seed_.a)->size(), 5u);

  Status nested = store_->InTransaction(
      [&](StoreTx&) { return store_->InTransaction([](StoreTx&) { return Status::Ok(); }); });
  EXPECT_EQ(nested.code(), StatusCode::kInternal);

  Status thrown = store_->InTransaction([&](StoreTx& tx) -> Status {
    domain::Unit u{0, seed_.a, "Phòng Y tế", {}, "phong", seed_.unit["ubnd"]};
    (void)tx.CreateUnit(u);
    throw std::runtime_error("boom");
  });
  EXPECT_EQ(thrown.code(), StatusCode::kInternal);
  EXPECT_EQ(store_->ListUnits(seed_.a)->size(), 5u);
}

TEST_F(IntegrityTest, BackupRestoresEverything) {
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    domain::Attachment a;
                    a.tenant_id = seed_.a;
                    a.owner_kind = "task";
                    a.owner_id = seed_.task["T1"];
                    a.filename = "bao-cao.pdf";
                    return tx.AddAttachment(a, std::string("%PDF-1.4\0binary", 15)).status();
                  })
                  .ok());
  std::string copy = TempDbPath("backup.db");
  ASSERT_TRUE(store_->Backup(copy).ok());
  auto restored = OpenSqliteStore({copy});
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  Store& r = **restored;
  EXPECT_EQ(r.ListTasks(seed_.a, {})->total, 6);
  EXPECT_EQ(r.GetTask(seed_.a, seed_.task["T3"])->done_date, D("2023-06-25"));
  TaskFilter f;
  f.q = "dau tu";
  EXPECT_EQ(r.ListTasks(seed_.a, f)->total, 1);
  auto detail = r.GetTaskDetail(seed_.a, seed_.task["T1"], TaskHistory::kLeaveOut);
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->attachments.size(), 1u);
  auto bytes = r.ReadBlob(seed_.a, detail->attachments[0].storage_key);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, std::string("%PDF-1.4\0binary", 15));
  auto db = Db::Open(copy, 1000);
  EXPECT_EQ(*PragmaText(**db, "integrity_check"), "ok");
}

TEST_F(IntegrityTest, FileStoreReadsSeeCommittedWrites) {
  // Readers use their own connections; a committed write is visible to the next read.
  auto before = store_->ListUnits(seed_.a);
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) {
                    domain::Unit u{0, seed_.a, "Phòng Nội vụ", {}, "phong", seed_.unit["ubnd"]};
                    return tx.CreateUnit(u).status();
                  })
                  .ok());
  EXPECT_EQ(store_->ListUnits(seed_.a)->size(), before->size() + 1);
}

TEST_F(IntegrityTest, ConcurrentTransactionsCommitOrRollBackEachAlone) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  std::atomic<int> refused{0};
  for (int th = 0; th < kThreads; ++th) {
    threads.emplace_back([&, th] {
      for (int i = 0; i < kPerThread; ++i) {
        const bool fail = (i % 5) == 4;  // every fifth callback gives up after writing
        Status st = store_->InTransaction([&](StoreTx& tx) -> Status {
          domain::AuditEntry e{0,        seed_.a, std::nullopt, kT0, fail ? "bad" : "good",
                               "thread", th,      "",           ""};
          DONDOC_RETURN_IF_ERROR(tx.AppendAudit(e).status());
          if (fail) return Status::Conflict("refused");
          return Status::Ok();
        });
        if (st.ok()) {
          ++ok;
        } else if (st.code() == StatusCode::kConflict) {
          ++refused;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kPerThread * 4 / 5);
  EXPECT_EQ(refused.load(), kThreads * kPerThread / 5);
  AuditFilter f;
  f.entity = "thread";
  f.limit = 500;
  auto page = store_->ListAudit(seed_.a, f);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, ok.load());
  for (const auto& e : page->items) EXPECT_EQ(e.action, "good");
  // Ids stay unique and dense despite the rolled-back callbacks sharing commits.
  std::set<Id> ids;
  for (const auto& e : page->items) ids.insert(e.id);
  EXPECT_EQ(static_cast<long>(ids.size()), page->total);
}

}  // namespace
}  // namespace dondoc::store
