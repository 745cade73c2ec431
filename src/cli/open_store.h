// Opening the database and choosing the tenant, for the subcommands that use the store.
#ifndef DONDOC_CLI_OPEN_STORE_H_
#define DONDOC_CLI_OPEN_STORE_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "domain/ids.h"
#include "store/store.h"

namespace dondoc::cli {

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& db_path);

// The tenant with `slug`, or when `slug` is empty the only (first) tenant. When the store has
// no tenant and `create_if_none`, creates one named "default".
Result<domain::Id> ChooseTenant(store::Store& store, const std::string& slug, bool create_if_none);

// The repository's root guessed from this executable's path (build/dondoc → ./), or "".
std::string RepositoryRoot();

}  // namespace dondoc::cli

#endif  // DONDOC_CLI_OPEN_STORE_H_
