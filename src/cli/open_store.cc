#include "cli/open_store.h"

#include <filesystem>

#include "store/sqlite_store.h"

namespace dondoc::cli {

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& db_path) {
  store::SqliteOptions o;
  o.path = db_path;
  return store::OpenSqliteStore(o);
}

Result<domain::Id> ChooseTenant(store::Store& store, const std::string& slug, bool create_if_none) {
  if (!slug.empty()) {
    DONDOC_ASSIGN_OR_RETURN(domain::Tenant t, store.FindTenantBySlug(slug));
    return t.id;
  }
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Tenant> tenants, store.ListTenants());
  if (!tenants.empty()) return tenants.front().id;
  if (!create_if_none) return Status::NotFound("the database has no tenant yet (try --demo)");
  domain::Tenant t;
  t.slug = "default";
  t.name = "default";
  domain::Id id = 0;
  DONDOC_RETURN_IF_ERROR(store.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(id, tx.CreateTenant(t));
    return Status::Ok();
  }));
  return id;
}

std::string RepositoryRoot() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return exe.parent_path().parent_path().string();
}

}  // namespace dondoc::cli
