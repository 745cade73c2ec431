// Server CPU of `GET /api/v1/tasks/{id}` without Beast: the request goes through http::Dispatch
// (authentication, routing, the whole-answer cache, the service, the store, JSON) on a router
// built as `dondoc serve` builds it, over a copy of the province tenant (bench/gen_province.cc).
//
//   sqlite3 /work/benchdata/province.db ".backup /tmp/task-bench.db"
//   build/bench/task_read_bench [DB] [--benchmark_...]        (DB: /tmp/task-bench.db)
//
// BM_TaskUncached asks for a different task on every iteration (ids walked with a stride over
// the tenant's range, so no id repeats within DONDOC_TASK_BENCH_N iterations, default 20,000,
// and the answer cache always misses); BM_TaskCached asks for one task again and again. Caller:
// the Bearer token DONDOC_TASK_BENCH_TOKEN (default "bench-vanphong", the Office).
//
// Instruction counts (stable on a shared machine): collect only inside BM_TaskUncached and divide
// by N (the set-up, which loads the task facts and opens the day's periods, stays out):
//   DONDOC_TASK_BENCH_N=2000 valgrind --tool=callgrind --toggle-collect='*BM_TaskUncached*'
//     build/bench/task_read_bench DB --benchmark_filter=Uncached
// DONDOC_TASK_BENCH_DUMP=ID,ID,...: the answers for those tasks are written to stderr first, one a
// line, so that two builds' answers can be compared byte for byte.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "app/clock.h"
#include "app/credentials.h"
#include "app/service.h"
#include "http/api.h"
#include "http/dispatch.h"
#include "http/router.h"
#include "store/sqlite_store.h"

namespace dondoc {
namespace {

struct World {
  std::unique_ptr<store::Store> store;
  app::SystemClock clock;
  app::PasswordHasher hasher;
  std::unique_ptr<app::Service> service;
  http::Router router;
  domain::Id task_min = 0;
  domain::Id task_max = 0;
  std::string token;
};

World* world = nullptr;

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

http::Response Get(domain::Id id) {
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/tasks/" + std::to_string(id);
  req.target = req.path;
  req.remote_address = "127.0.0.1";
  req.headers["authorization"] = "Bearer " + world->token;
  req.headers["host"] = "127.0.0.1";
  return http::Dispatch(world->router, req);
}

int Setup(const std::string& db) {
  world = new World;
  store::SqliteOptions o;
  o.path = db;
  auto st = store::OpenSqliteStore(o);
  if (!st.ok()) {
    std::cerr << "task_read_bench: " << db << ": " << st.status().message() << "\n";
    return 1;
  }
  world->store = std::move(st).value();
  auto tenant = world->store->FindTenantBySlug(Env("DONDOC_TASK_BENCH_TENANT", "province"));
  if (!tenant.ok()) {
    std::cerr << "task_read_bench: no tenant: " << tenant.status().message() << "\n";
    return 1;
  }
  world->service =
      std::make_unique<app::Service>(*world->store, world->clock, world->hasher, tenant->id);
  http::ApiOptions api;
  store::Store* data = world->store.get();
  api.data_version = [data] { return data->DataVersion(); };
  api.auth_version = [data] { return data->AuthVersion(); };
  http::RegisterApi(world->router, *world->service, api);
  world->token = Env("DONDOC_TASK_BENCH_TOKEN", "bench-vanphong");
  // The tenant's task ids: the first page of the list sorted by id, both ways.
  store::TaskFilter f;
  f.sort = store::TaskSort::kIdAsc;
  f.limit = 1;
  f.as_of = world->clock.Today();
  auto first = world->store->ListTasks(tenant->id, f);
  if (!first.ok() || first->items.empty()) {
    std::cerr << "task_read_bench: the tenant has no task\n";
    return 1;
  }
  world->task_min = first->items.front().id;
  world->task_max = world->task_min + first->total - 1;
  // The first request catches up recurring tasks' occurrences for today (writes, once a day).
  http::Response warm = Get(world->task_min);
  if (warm.status != 200) {
    std::cerr << "task_read_bench: GET task " << world->task_min << ": " << warm.status << " "
              << warm.Body() << "\n";
    return 1;
  }
  std::string dump = Env("DONDOC_TASK_BENCH_DUMP", "");
  if (!dump.empty()) {
    // Several ids, comma-separated: each answer on its own line.
    size_t pos = 0;
    while (pos < dump.size()) {
      size_t comma = dump.find(',', pos);
      if (comma == std::string::npos) comma = dump.size();
      http::Response r = Get(std::stol(dump.substr(pos, comma - pos)));
      std::cerr << r.status << " " << r.Body() << "\n";
      pos = comma + 1;
    }
  }
  return 0;
}

void BM_TaskUncached(benchmark::State& state) {
  const long span = world->task_max - world->task_min + 1;
  // A stride coprime with most spans walks the range without repeating for `span` steps.
  const long stride = 7919;
  static long cursor = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    cursor = (cursor + stride) % span;
    http::Response r = Get(world->task_min + cursor);
    if (r.status != 200) {
      state.SkipWithError(("status " + std::to_string(r.status) + ": " + r.Body()).c_str());
      break;
    }
    bytes += r.Body().size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["bytes/answer"] =
      state.iterations() ? static_cast<double>(bytes) / static_cast<double>(state.iterations()) : 0;
}

void BM_TaskCached(benchmark::State& state) {
  const domain::Id id = world->task_min + (world->task_max - world->task_min) / 2;
  for (auto _ : state) {
    http::Response r = Get(id);
    if (r.status != 200) {
      state.SkipWithError("not 200");
      break;
    }
    benchmark::DoNotOptimize(r);
  }
}

}  // namespace
}  // namespace dondoc

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string db = argc > 1 ? argv[1] : "/tmp/task-bench.db";
  if (int rc = dondoc::Setup(db)) return rc;
  const long n = std::atol(dondoc::Env("DONDOC_TASK_BENCH_N", "20000").c_str());
  benchmark::RegisterBenchmark("BM_TaskUncached", dondoc::BM_TaskUncached)
      ->Iterations(n)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_TaskCached", dondoc::BM_TaskCached)
      ->Iterations(n)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
