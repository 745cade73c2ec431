#include "cli/import_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/credentials.h"
#include "app/service.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace dondoc::cli {

namespace {

Result<std::string> ReadWhole(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::InvalidArgument("is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int RunImport(const ImportArgs& args, const app::Clock& clock, std::ostream& out,
              std::ostream& err) {
  auto fail = [&](const std::string& where, const Status& st) {
    err << "dondoc import: " << where << ": " << st.message() << "\n";
    return kImportFailed;
  };
  Result<std::string> bytes = ReadWhole(args.file);
  if (!bytes.ok()) return fail(args.file, bytes.status());
  std::string units_csv;
  if (!args.units_csv.empty()) {
    Result<std::string> csv = ReadWhole(args.units_csv);
    if (!csv.ok()) return fail(args.units_csv, csv.status());
    units_csv = std::move(csv).value();
  }
  Result<std::unique_ptr<store::Store>> store = OpenStore(args.db);
  if (!store.ok()) return fail(args.db, store.status());
  Result<domain::Id> tenant = ChooseTenant(**store, args.tenant, /*create_if_none=*/true);
  if (!tenant.ok()) {
    return fail(args.db, tenant.status().code() == StatusCode::kNotFound
                             ? Status::NotFound("no tenant \"" + args.tenant + "\"")
                             : tenant.status());
  }
  app::PasswordHasher hasher;  // unused by imports; the Service needs one
  app::Service service(**store, clock, hasher, *tenant);
  if (!units_csv.empty()) {
    Result<int> created = service.ImportUnitsCsv(nullptr, units_csv);
    if (!created.ok()) return fail(args.units_csv, created.status());
    out << *created << " units created from " << args.units_csv << "\n";
  }
  const std::string filename = std::filesystem::path(args.file).filename().string();
  Result<app::ImportResult> imported = service.ImportNotice(nullptr, *bytes, filename);
  if (!imported.ok()) return fail(args.file, imported.status());
  const domain::Notice& n = imported->notice;
  if (imported->duplicate_of) {
    err << "dondoc import: " << args.file << ": already imported as notice "
        << *imported->duplicate_of << " (" << (n.number.empty() ? n.filename : n.number) << ", "
        << domain::NoticeStatusCode(n.status) << "); nothing changed\n";
    return kImportDuplicate;
  }
  if (!imported->unmatched_units.empty()) {
    err << "dondoc import: warning: " << imported->unmatched_units.size()
        << " unit names are not in the directory (add them with --units or dondoc admin units):";
    const char* sep = " ";
    for (const std::string& name : imported->unmatched_units) {
      err << sep << name;
      sep = "; ";
    }
    err << "\n";
  }
  for (const std::string& w : imported->warnings) {
    err << "dondoc import: warning: " << w << "\n";
  }
  size_t tasks = imported->tasks.size();
  if (args.confirm) {
    Result<app::NoticeView> confirmed = service.ConfirmNotice(nullptr, n.id);
    if (!confirmed.ok()) {
      return fail(args.file, Status(confirmed.status().code(),
                                    "imported as draft notice " + std::to_string(n.id) +
                                        " but not confirmed: " + confirmed.status().message()));
    }
    tasks = confirmed->tasks.size();
  }
  out << "notice " << n.id << ": " << tasks << " tasks " << (args.confirm ? "confirmed" : "(draft)")
      << "\n";
  return kImportOk;
}

void AddImportCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Import a notice (.txt, .docx, .pdf) as a draft; prints its id and task count. Exit "
      "status 3 when the same file was imported before (nothing changed), 1 on any other error");
  cmd->add_option("file", args->file, "The notice")->required();
  cmd->add_option("--db", args->db, "SQLite database file")->capture_default_str();
  cmd->add_option("--tenant", args->tenant, "Tenant slug (default: the first tenant)");
  cmd->add_flag("--confirm", args->confirm, "Confirm the draft: its tasks become active");
  cmd->add_option("--units", args->units_csv,
                  "Unit directory CSV (name,aliases,kind,parent) imported first");
  cmd->callback([args, exit_code] {
    app::SystemClock clock;
    *exit_code = RunImport(*args, clock, std::cout, std::cerr);
  });
}

}  // namespace dondoc::cli
