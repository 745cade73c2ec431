// `dondoc admin units import CSV`, `dondoc admin user add|reset-password|disable|chair`,
// `dondoc admin token create USERNAME`, and `dondoc backup --to FILE`.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/clock.h"
#include "app/credentials.h"
#include "app/service.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace dondoc::cli {

namespace {

struct AdminArgs {
  std::string db = "dondoc.db";
  std::string tenant;
  std::string csv;
  std::string username;
  std::string role = "viewer";
  std::string unit;
  std::string display_name;
  std::string password;
  std::string label = "cli";
  bool chair = false;  // user add --chair
  bool off = false;    // user chair --off
};

// Runs `fn` with a Service on the chosen tenant; prints errors as "dondoc admin: ...".
int WithService(const AdminArgs& a, bool create_tenant,
                const std::function<Status(app::Service&)>& fn) {
  Result<std::unique_ptr<store::Store>> store = OpenStore(a.db);
  if (!store.ok()) {
    std::cerr << "dondoc admin: " << store.status().message() << "\n";
    return 1;
  }
  Result<domain::Id> tenant = ChooseTenant(**store, a.tenant, create_tenant);
  if (!tenant.ok()) {
    std::cerr << "dondoc admin: " << tenant.status().message() << "\n";
    return 1;
  }
  app::SystemClock clock;
  app::PasswordHasher hasher;
  app::Service service(**store, clock, hasher, *tenant);
  Status st = fn(service);
  if (!st.ok()) {
    std::cerr << "dondoc admin: " << st.message() << "\n";
    return 1;
  }
  return 0;
}

// The password from --password, then $DONDOC_PASSWORD, else a random one printed once.
std::string PasswordOf(const AdminArgs& a, bool* generated) {
  *generated = false;
  if (!a.password.empty()) return a.password;
  if (const char* env = std::getenv("DONDOC_PASSWORD"); env != nullptr && *env != '\0') return env;
  *generated = true;
  return app::RandomToken().substr(0, 16);
}

Result<domain::Id> UnitIdOf(app::Service& s, const std::string& unit) {
  // The command line acts with an administrator's rights.
  app::Caller system;
  system.user.role = domain::Role::kAdmin;
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> units, s.ListUnits(system));
  for (const domain::Unit& u : units) {
    if (u.name == unit || std::to_string(u.id) == unit) return u.id;
  }
  return Status::NotFound("no unit \"" + unit + "\"");
}

}  // namespace

void AddAdminCommand(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<AdminArgs>();
  CLI::App* admin = app.add_subcommand("admin", "Administer units, users and tokens");
  admin->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  admin->add_option("--tenant", a->tenant, "Tenant slug (default: the first tenant)");
  admin->require_subcommand(1);

  CLI::App* units = admin->add_subcommand("units", "Units")->require_subcommand(1);
  CLI::App* units_import =
      units->add_subcommand("import", "Import units from a CSV: name,aliases,kind,parent");
  units_import->add_option("csv", a->csv, "CSV file")->required();
  units_import->callback([a, exit_code] {
    *exit_code = WithService(*a, true, [&](app::Service& s) {
      std::ifstream in(a->csv, std::ios::binary);
      if (!in) return Status::IoError(a->csv + ": cannot open");
      std::ostringstream ss;
      ss << in.rdbuf();
      Result<int> n = s.ImportUnitsCsv(nullptr, ss.str());
      if (!n.ok()) return Status(n.status().code(), a->csv + ": " + n.status().message());
      std::cout << *n << " units created\n";
      return Status::Ok();
    });
  });

  CLI::App* user = admin->add_subcommand("user", "Users")->require_subcommand(1);
  CLI::App* add = user->add_subcommand("add", "Add a user");
  add->add_option("username", a->username)->required();
  add->add_option("--role", a->role, "admin | office | leader | unit | viewer")
      ->check(CLI::IsMember({"admin", "office", "leader", "unit", "viewer"}));
  add->add_option("--unit", a->unit, "Unit name or id (role unit)");
  add->add_option("--name", a->display_name, "Display name");
  add->add_option("--password", a->password, "Password (else $DONDOC_PASSWORD, else random)");
  add->add_flag("--chair", a->chair, "The Chair: a leader who sees every field (role leader)");
  add->callback([a, exit_code] {
    *exit_code = WithService(*a, true, [&](app::Service& s) {
      domain::User u;
      u.username = a->username;
      u.display_name = a->display_name.empty() ? a->username : a->display_name;
      u.role = *domain::RoleFromCode(a->role);
      u.chair = a->chair;
      if (!a->unit.empty()) {
        DONDOC_ASSIGN_OR_RETURN(domain::Id unit_id, UnitIdOf(s, a->unit));
        u.unit_id = unit_id;
      }
      bool generated = false;
      std::string password = PasswordOf(*a, &generated);
      DONDOC_RETURN_IF_ERROR(s.CreateUser(nullptr, u, password).status());
      std::cout << "user " << u.username << " added";
      if (generated) std::cout << "; password (shown once): " << password;
      std::cout << "\n";
      return Status::Ok();
    });
  });
  CLI::App* reset = user->add_subcommand("reset-password", "Set a new password");
  reset->add_option("username", a->username)->required();
  reset->add_option("--password", a->password, "Password (else $DONDOC_PASSWORD, else random)");
  reset->callback([a, exit_code] {
    *exit_code = WithService(*a, false, [&](app::Service& s) {
      bool generated = false;
      std::string password = PasswordOf(*a, &generated);
      DONDOC_RETURN_IF_ERROR(s.ResetPassword(nullptr, a->username, password));
      std::cout << "password of " << a->username << " set";
      if (generated) std::cout << " (shown once): " << password;
      std::cout << "\n";
      return Status::Ok();
    });
  });
  CLI::App* disable = user->add_subcommand("disable", "Disable a user");
  disable->add_option("username", a->username)->required();
  disable->callback([a, exit_code] {
    *exit_code = WithService(*a, false, [&](app::Service& s) {
      DONDOC_RETURN_IF_ERROR(s.DisableUser(nullptr, a->username));
      std::cout << "user " << a->username << " disabled\n";
      return Status::Ok();
    });
  });

  CLI::App* chair = user->add_subcommand("chair", "Make a leader the Chair (sees every field)");
  chair->add_option("username", a->username)->required();
  chair->add_flag("--off", a->off, "No longer the Chair (only the leader's own fields)");
  chair->callback([a, exit_code] {
    *exit_code = WithService(*a, false, [&](app::Service& s) {
      app::Caller system;
      system.user.role = domain::Role::kAdmin;
      DONDOC_ASSIGN_OR_RETURN(std::vector<domain::User> users, s.ListUsers(system));
      const std::string name = app::NormalizeUsername(a->username);
      auto it = std::find_if(users.begin(), users.end(),
                             [&](const domain::User& u) { return u.username == name; });
      if (it == users.end()) return Status::NotFound("no user \"" + a->username + "\"");
      it->chair = !a->off;
      DONDOC_RETURN_IF_ERROR(s.UpdateUser(nullptr, *it).status());
      std::cout << "user " << name << (a->off ? " is no longer" : " is") << " the Chair\n";
      return Status::Ok();
    });
  });

  CLI::App* token = admin->add_subcommand("token", "API tokens")->require_subcommand(1);
  CLI::App* create = token->add_subcommand("create", "Print a new Bearer token for a user");
  create->add_option("username", a->username)->required();
  create->add_option("--label", a->label, "What the token is for");
  create->callback([a, exit_code] {
    *exit_code = WithService(*a, false, [&](app::Service& s) {
      DONDOC_ASSIGN_OR_RETURN(std::string t, s.CreateApiToken(nullptr, a->username, a->label));
      std::cout << t << "\n";
      return Status::Ok();
    });
  });
}

void AddBackupCommand(CLI::App& app, int* exit_code) {
  auto db = std::make_shared<std::string>("dondoc.db");
  auto to = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("backup", "Copy the database consistently (online backup)");
  cmd->add_option("--db", *db, "SQLite database file")->capture_default_str();
  cmd->add_option("--to", *to, "Backup file (overwritten)")->required();
  cmd->callback([db, to, exit_code] {
    Result<std::unique_ptr<store::Store>> store = OpenStore(*db);
    Status st = store.ok() ? (*store)->Backup(*to) : store.status();
    if (!st.ok()) {
      std::cerr << "dondoc backup: " << st.message() << "\n";
      *exit_code = 1;
      return;
    }
    std::cout << "backup written to " << *to << "\n";
  });
}

}  // namespace dondoc::cli
