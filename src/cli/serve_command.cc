// `dondoc serve [--db PATH] [--host 127.0.0.1] [--port 8080] [--demo] [--demo-notice PATH]`:
// the composition root of the server: config → store → services → server.
#include <malloc.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/clock.h"
#include "app/credentials.h"
#include "app/demo.h"
#include "app/service.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "http/api.h"
#include "http/dispatch.h"
#include "http/router.h"
#include "http/server.h"
#include "web/pages.h"

namespace dondoc::cli {

namespace {

struct ServeArgs {
  std::string db = "dondoc.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  bool demo = false;
  std::string demo_notice;
  std::string units_csv;
  std::string tenant;
  bool quiet = false;
};

// A path given relative to the repository, tried from the working directory first.
std::string FindInRepository(const std::string& relative) {
  if (std::filesystem::exists(relative)) return relative;
  std::string root = RepositoryRoot();
  if (!root.empty()) {
    std::filesystem::path p = std::filesystem::path(root) / relative;
    if (std::filesystem::exists(p)) return p.string();
  }
  return relative;
}

// Before the server listens: opens the periods of recurring tasks due by today (a few ms on a
// normal day; seconds on the first start over a large imported tenant) and reads the task facts
// that lists and scorecards count from (store/task_facts.h; ~1 s on 200,000 tasks), so that no
// user waits for either.
bool Prepare(app::Service& service, store::Store& store, domain::Id tenant,
             const app::Clock& clock) {
  auto started = std::chrono::steady_clock::now();
  auto ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 started)
        .count();
  };
  Status st = service.CatchUpOccurrences();
  if (!st.ok()) {
    std::cerr << "dondoc serve: opening the periods of recurring tasks: " << st.message() << "\n";
    return false;
  }
  spdlog::info("periods of recurring tasks open as of today after {} ms", ms());
  started = std::chrono::steady_clock::now();
  store::ScoreFilter f;
  f.as_of = clock.Today();
  Result<std::vector<domain::ScoreRow>> rows = store.Scorecards(tenant, f);
  if (!rows.ok()) {
    std::cerr << "dondoc serve: reading the tasks: " << rows.status().message() << "\n";
    return false;
  }
  spdlog::info("task facts in memory after {} ms", ms());
  return true;
}

// While the server runs: once a minute, opens the periods that a new day brings, so that the
// first request after midnight does not wait for them. Stops with the object.
class Housekeeping {
 public:
  explicit Housekeeping(app::Service& service)
      : thread_([this, &service] {
          std::unique_lock<std::mutex> l(mu_);
          while (!cv_.wait_for(l, std::chrono::minutes(1), [this] { return stop_; })) {
            l.unlock();
            if (Status st = service.CatchUpOccurrences(); !st.ok()) {
              spdlog::warn("opening the periods of recurring tasks failed: {}", st.message());
            }
            l.lock();
          }
        }) {}
  ~Housekeeping() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

int Serve(const ServeArgs& args) {
  // At most two malloc arenas (unless MALLOC_ARENA_MAX says otherwise): with glibc's default of
  // 8 per core, the blocking pool's threads each get their own, and memory one frees (a dropped
  // answer cache) does not serve another's allocations. On the 200,000-task benchmark, writes
  // after the reads took the peak RSS from 135 to 154 MB (the budget is 150); with two, 128 MB.
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  if (args.quiet) spdlog::set_level(spdlog::level::warn);
  Result<std::unique_ptr<store::Store>> store = OpenStore(args.db);
  if (!store.ok()) {
    std::cerr << "dondoc serve: " << store.status().message() << "\n";
    return 1;
  }
  app::SystemClock clock;
  app::PasswordHasher hasher;

  if (args.demo) {
    Result<domain::Tenant> existing = (*store)->FindTenantBySlug(app::kDemoTenantSlug);
    if (!existing.ok()) {
      app::DemoOptions demo;
      const char* env = std::getenv("DONDOC_DEMO_PASSWORD");
      bool random_password = env == nullptr || std::string(env).empty();
      demo.password = random_password ? app::RandomToken().substr(0, 16) : std::string(env);
      demo.notice_path = args.demo_notice.empty()
                             ? FindInRepository("../shared/corpus/dev/ducpho-2023-06-kl.txt")
                             : args.demo_notice;
      demo.units_csv =
          args.units_csv.empty() ? FindInRepository("data/ducpho-units.csv") : args.units_csv;
      Result<app::DemoResult> seeded = app::SeedDemo(**store, clock, hasher, demo);
      if (!seeded.ok()) {
        std::cerr << "dondoc serve: cannot build the demo: " << seeded.status().message() << "\n";
        return 1;
      }
      std::cout << "Demo tenant \"" << app::kDemoTenantName << "\": " << seeded->units
                << " units, notice " << seeded->notice_id << " with " << seeded->tasks
                << " tasks confirmed.\n";
      std::cout << "Demo users: admin, vanphong, chutich, phochutich, tckh, congan, xem\n";
      if (random_password) {
        std::cout << "Demo password (shown once): " << demo.password << "\n";
      } else {
        std::cout << "Demo password: from DONDOC_DEMO_PASSWORD\n";
      }
      std::cout << std::flush;
    }
  }
  Result<domain::Id> tenant =
      ChooseTenant(**store, args.demo && args.tenant.empty() ? app::kDemoTenantSlug : args.tenant,
                   /*create_if_none=*/true);
  if (!tenant.ok()) {
    std::cerr << "dondoc serve: " << tenant.status().message() << "\n";
    return 1;
  }
  app::Service service(**store, clock, hasher, *tenant);
  if (!Prepare(service, **store, *tenant, clock)) return 1;
  http::Router router;
  http::ApiOptions api_options;
  store::Store* data = store->get();
  api_options.data_version = [data] { return data->DataVersion(); };
  api_options.auth_version = [data] { return data->AuthVersion(); };
  http::RegisterApi(router, service, api_options);
  web::RegisterPages(router, service);
  http::ServerOptions options;
  options.host = args.host;
  options.port = static_cast<unsigned short>(args.port);
  options.threads = args.threads;
  options.access_log = !args.quiet;
  http::Server server(options,
                      [&router](http::Request& req) { return http::Dispatch(router, req); });
  Status st = server.Start();
  if (!st.ok()) {
    std::cerr << "dondoc serve: " << st.message() << "\n";
    return 1;
  }
  std::cout << "dondoc listening on http://" << args.host << ":" << server.port() << "/\n"
            << "Sign in: POST http://" << args.host << ":" << server.port()
            << "/api/v1/login {\"username\": \"vanphong\", \"password\": \"…\"}\n"
            << std::flush;
  server.StopOnSignals();
  Housekeeping housekeeping(service);
  server.Run();
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Run the HTTP server");
  cmd->add_option("--db", args->db, "SQLite database file")->capture_default_str();
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "Port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", args->threads, "Server threads (0: the number of cores)");
  cmd->add_flag("--demo", args->demo, "On an empty database, build the demo tenant");
  cmd->add_option("--demo-notice", args->demo_notice, "The notice the demo imports");
  cmd->add_option("--units", args->units_csv, "Unit directory CSV for the demo");
  cmd->add_option("--tenant", args->tenant, "Tenant slug (default: the first tenant)");
  cmd->add_flag("--quiet", args->quiet, "No access log");
  cmd->callback([args, exit_code] { *exit_code = Serve(*args); });
}

}  // namespace dondoc::cli
