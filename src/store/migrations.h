// Versioned schema migrations. Internal to store/.
#ifndef DONDOC_STORE_MIGRATIONS_H_
#define DONDOC_STORE_MIGRATIONS_H_

#include <vector>

#include "base/status.h"
#include "store/db.h"

namespace dondoc::store {

struct Migration {
  int version;      // 1, 2, 3, ... contiguous
  const char* sql;  // one or more statements
};

// Every migration, in order. Never edit a released one: add the next.
const std::vector<Migration>& Migrations();

// The highest version known to this program.
int LatestSchemaVersion();

// Creates `schema_version` if needed and applies, each in its own transaction, the migrations
// above the stored version. kCorruption when the stored version is newer than LatestSchemaVersion.
// REQUIRES: the FTS tokenizer is registered on `db`.
Status Migrate(Db& db);

// The version stored in the database (0 for a new one).
Result<int> SchemaVersion(Db& db);

}  // namespace dondoc::store

#endif  // DONDOC_STORE_MIGRATIONS_H_
