// The SQLite implementation of Store.
#ifndef DONDOC_STORE_SQLITE_STORE_H_
#define DONDOC_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "store/store.h"

namespace dondoc::store {

struct SqliteOptions {
  // A file path, or ":memory:" for a private in-memory database (tests): one connection, all
  // calls serialised.
  std::string path = "dondoc.db";
  int busy_timeout_ms = 5000;
  // Connections kept for readers on a file database (one per concurrently reading thread, up
  // to this; beyond it readers wait).
  int max_readers = 16;
};

// Opens (creating if needed) the database, sets WAL, foreign_keys=ON, synchronous=FULL and the
// busy timeout, registers the full-text tokenizer, and applies pending migrations.
// kIoError when the file cannot be opened; kCorruption when its schema_version is newer than
// this program knows.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace dondoc::store

#endif  // DONDOC_STORE_SQLITE_STORE_H_
