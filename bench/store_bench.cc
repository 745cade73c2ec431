// Store benchmarks on a province-sized tenant: 1,000 units (a root, 111 departments with 8
// sub-units each), DONDOC_BENCH_TASKS tasks (default 200,000) with 1-2 units each, 3 progress
// reports per task. The database is generated once into DONDOC_BENCH_DB (default
// /tmp/dondoc_store_bench.db) and reused while its task count matches.
//
//   build/bench/store_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "store/sqlite_store.h"

namespace dondoc::store {
namespace {

const text::Date kAsOf{2023, 7, 1};

struct World {
  std::unique_ptr<Store> store;
  Id tenant = 0;
  std::vector<Id> departments;  // level 1, each with 8 sub-units
  std::vector<Id> leaves;
  long tasks = 0;
};

long TaskCount() {
  const char* env = std::getenv("DONDOC_BENCH_TASKS");
  return env ? std::atol(env) : 200000;
}

Status Generate(World& w) {
  std::mt19937 rng(42);
  std::vector<Id> units;
  DONDOC_RETURN_IF_ERROR(w.store->InTransaction([&](StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(
        w.tenant, tx.CreateTenant({0, "bench-" + std::to_string(w.tasks), "Tỉnh mẫu", 0}));
    DONDOC_ASSIGN_OR_RETURN(Id root,
                            tx.CreateUnit({0, w.tenant, "UBND tỉnh", {}, "ubnd", std::nullopt}));
    units.push_back(root);
    for (int i = 0; i < 111; ++i) {
      DONDOC_ASSIGN_OR_RETURN(
          Id dep, tx.CreateUnit({0, w.tenant, "Sở " + std::to_string(i), {}, "so", root}));
      units.push_back(dep);
      for (int j = 0; j < 8; ++j) {
        DONDOC_ASSIGN_OR_RETURN(
            Id leaf,
            tx.CreateUnit({0, w.tenant, "Xã " + std::to_string(i * 8 + j), {}, "xa", dep}));
        units.push_back(leaf);
      }
    }
    domain::User u{0,  w.tenant, "bench", "Bench", std::nullopt, domain::Role::kOffice,
                   {}, "",       false,   0};
    return tx.CreateUser(u).status();
  }));
  const char* words[] = {
      "giải ngân", "vốn đầu tư công", "thu ngân sách",     "đất đai",    "an ninh trật tự",
      "báo cáo",   "hoàn thành",      "đẩy nhanh tiến độ", "bồi thường", "giải phóng mặt bằng"};
  const domain::StoredStatus statuses[] = {
      domain::StoredStatus::kOpen,     domain::StoredStatus::kOpen,
      domain::StoredStatus::kOpen,     domain::StoredStatus::kDone,
      domain::StoredStatus::kDone,     domain::StoredStatus::kPendingConfirmation,
      domain::StoredStatus::kReturned, domain::StoredStatus::kPaused};
  const long per_notice = 1000;
  for (long done = 0; done < w.tasks; done += per_notice) {
    DONDOC_RETURN_IF_ERROR(w.store->InTransaction([&](StoreTx& tx) -> Status {
      domain::Notice n;
      n.tenant_id = w.tenant;
      n.status = domain::NoticeStatus::kActive;
      n.text = "Thông báo kết luận số " + std::to_string(done / per_notice);
      n.sha256 = "bench" + std::to_string(done);
      DONDOC_ASSIGN_OR_RETURN(Id nid, tx.CreateNotice(n));
      for (long k = 0; k < per_notice && done + k < w.tasks; ++k) {
        domain::Task t;
        t.tenant_id = w.tenant;
        t.notice_id = nid;
        t.draft = false;
        t.text = std::string(words[rng() % 10]) + " " + words[rng() % 10] + " nhiệm vụ " +
                 std::to_string(done + k);
        Id lead = units[rng() % units.size()];
        Id support = units[rng() % units.size()];
        t.lead_unit_ids = {lead};
        if (support != lead && rng() % 2) t.support_unit_ids = {support};
        if (rng() % 10) {
          t.due = text::Date{2023, 1, 1}.AddDays(static_cast<long>(rng() % 365));
          t.original_due = t.due;
        }
        t.status = statuses[rng() % 8];
        if (t.status == domain::StoredStatus::kDone) {
          t.done_date = text::Date{2023, 1, 1}.AddDays(static_cast<long>(rng() % 365));
        }
        DONDOC_ASSIGN_OR_RETURN(Id tid, tx.CreateTask(t));
        for (int r = 0; r < 3; ++r) {
          domain::ProgressReport rep{0, w.tenant,         tid,    std::nullopt, lead,
                                     1, "Đang thực hiện", r * 30, false,        0};
          DONDOC_RETURN_IF_ERROR(tx.AddProgressReport(rep).status());
        }
      }
      return Status::Ok();
    }));
  }
  return Status::Ok();
}

World& TheWorld() {
  static World* w = [] {
    auto* world = new World;
    world->tasks = TaskCount();
    const char* env = std::getenv("DONDOC_BENCH_DB");
    std::string path = env ? env : "/tmp/dondoc_store_bench.db";
    for (int attempt = 0; attempt < 2; ++attempt) {
      auto opened = OpenSqliteStore({path});
      if (!opened.ok()) {
        std::fprintf(stderr, "store_bench: %s\n", opened.status().ToString().c_str());
        std::exit(1);
      }
      world->store = std::move(opened).value();
      auto t = world->store->FindTenantBySlug("bench-" + std::to_string(world->tasks));
      if (t.ok()) {
        world->tenant = t->id;
        break;
      }
      if (attempt == 0 && !world->store->ListTenants()->empty()) {
        world->store.reset();  // another size: start afresh
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
        continue;
      }
      std::fprintf(stderr, "store_bench: generating %ld tasks into %s\n", world->tasks,
                   path.c_str());
      Status st = Generate(*world);
      if (!st.ok()) {
        std::fprintf(stderr, "store_bench: %s\n", st.ToString().c_str());
        std::exit(1);
      }
      break;
    }
    auto units = world->store->ListUnits(world->tenant);
    if (!units.ok()) std::exit(1);
    for (const domain::Unit& u : *units) {
      if (!u.parent_id) continue;
      (u.kind == "so" ? world->departments : world->leaves).push_back(u.id);
    }
    return world;
  }();
  return *w;
}

void Check(const Status& st, benchmark::State& state) {
  if (!st.ok()) state.SkipWithError(st.ToString().c_str());
}

// (a) a unit user's open tasks: visible = the department and its sub-units, page of 25.
void BM_UnitUserOpenTasks(benchmark::State& state) {
  World& w = TheWorld();
  size_t i = 0;
  for (auto _ : state) {
    Id unit = w.departments[i++ % w.departments.size()];
    auto visible = w.store->SubUnitIds(w.tenant, unit);
    TaskFilter f;
    f.as_of = kAsOf;
    f.limit = 25;
    f.visible_unit_ids = *visible;
    f.states = {domain::TaskState::kInProgress, domain::TaskState::kOverdue,
                domain::TaskState::kReturned, domain::TaskState::kPendingConfirmation};
    auto page = w.store->ListTasks(w.tenant, f);
    Check(page.status(), state);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_UnitUserOpenTasks);

// A leaf unit's tasks (no sub-units), page of 25.
void BM_LeafUnitTasks(benchmark::State& state) {
  World& w = TheWorld();
  size_t i = 0;
  for (auto _ : state) {
    TaskFilter f;
    f.as_of = kAsOf;
    f.limit = 25;
    f.unit_id = w.leaves[i++ % w.leaves.size()];
    auto page = w.store->ListTasks(w.tenant, f);
    Check(page.status(), state);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_LeafUnitTasks);

// The Office's list: every task, by due date, page of 25 (counts every task).
void BM_OfficeAllTasks(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    TaskFilter f;
    f.as_of = kAsOf;
    f.limit = 25;
    auto page = w.store->ListTasks(w.tenant, f);
    Check(page.status(), state);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_OfficeAllTasks);

// (b) a unit's overdue tasks (with sub-units).
void BM_UnitOverdue(benchmark::State& state) {
  World& w = TheWorld();
  size_t i = 0;
  for (auto _ : state) {
    TaskFilter f;
    f.as_of = kAsOf;
    f.limit = 25;
    f.overdue_only = true;
    f.unit_id = w.departments[i++ % w.departments.size()];
    auto page = w.store->ListTasks(w.tenant, f);
    Check(page.status(), state);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_UnitOverdue);

// (c) scorecards by unit over the whole tenant.
void BM_ScorecardsByUnit(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    ScoreFilter f;
    f.as_of = kAsOf;
    auto rows = w.store->Scorecards(w.tenant, f);
    Check(rows.status(), state);
    benchmark::DoNotOptimize(rows);
  }
}
BENCHMARK(BM_ScorecardsByUnit)->Unit(benchmark::kMillisecond);

// (d) one task with its history.
void BM_TaskDetail(benchmark::State& state) {
  World& w = TheWorld();
  long i = 0;
  for (auto _ : state) {
    auto d =
        w.store->GetTaskDetail(w.tenant, 1 + (i++ * 7919) % w.tasks, store::TaskHistory::kLeaveOut);
    Check(d.status(), state);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_TaskDetail);

// Full-text search over every task, page of 25.
void BM_SearchRareWord(benchmark::State& state) {
  World& w = TheWorld();
  long i = 0;
  for (auto _ : state) {
    TaskFilter f;
    f.limit = 25;
    f.q = "nhiem vu " + std::to_string((i++ * 7919) % w.tasks);
    auto page = w.store->ListTasks(w.tenant, f);
    Check(page.status(), state);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_SearchRareWord);

// (e) a progress report: read the task, add the report, update the task, one audit row; one
// transaction each. With several threads, commits are shared (group commit).
void BM_ReportWrite(benchmark::State& state) {
  World& w = TheWorld();
  long i = state.thread_index() * 1000003L;
  for (auto _ : state) {
    Id tid = 1 + (i++ * 7919) % w.tasks;
    Status st = w.store->InTransaction([&](StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(w.tenant, tid));
      Id unit = t.lead_unit_ids.empty() ? w.leaves[0] : t.lead_unit_ids[0];
      domain::ProgressReport r{0, w.tenant, tid, std::nullopt, unit, 1, "Báo cáo", 50, false, 0};
      DONDOC_RETURN_IF_ERROR(tx.AddProgressReport(r).status());
      t.progress = 50;
      DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
      domain::AuditEntry a{0, w.tenant, 1, 0, "task_report", "task", tid, "", "{\"percent\":50}"};
      return tx.AppendAudit(a).status();
    });
    Check(st, state);
  }
}
BENCHMARK(BM_ReportWrite)->Threads(1)->Threads(16)->Threads(64)->UseRealTime();

}  // namespace
}  // namespace dondoc::store

BENCHMARK_MAIN();
