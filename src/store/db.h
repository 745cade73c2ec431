// A thin RAII layer over one SQLite connection: cached prepared statements, bound parameters.
// Internal to store/.
#ifndef DONDOC_STORE_DB_H_
#define DONDOC_STORE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"
#include "text/date.h"

namespace dondoc::store {

// Maps an SQLite result code (and the connection's message) to a Status.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

// A cached prepared statement in use. Resets and clears its bindings when destroyed, so the
// cache can hand it out again. Not copyable. Parameters are 1-based, columns 0-based.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& Bind(int i, std::int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<std::int64_t>(v)); }
  Stmt& Bind(int i, bool v) { return Bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
  Stmt& Bind(int i, std::string_view v);  // copied (SQLITE_TRANSIENT)
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& BindBlob(int i, std::string_view bytes);
  Stmt& BindNull(int i);
  Stmt& Bind(int i, const text::Date& d) { return Bind(i, d.ToIso()); }
  Stmt& Bind(int i, const std::optional<text::Date>& d);
  Stmt& Bind(int i, const std::optional<std::int64_t>& v);

  // Steps once. Returns true with a row, false when done; an error status otherwise.
  Result<bool> Step();
  // Steps to completion, expecting no row (INSERT/UPDATE/DELETE).
  Status Run();

  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  int ColumnCount() const { return sqlite3_column_count(stmt_); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::optional<std::int64_t> OptInt(int col) const;
  std::string Text(int col) const;
  std::string Blob(int col) const;
  // NULL or not a valid ISO date → nullopt.
  std::optional<text::Date> OptDate(int col) const;
  text::Date DateOr(int col, text::Date fallback) const;

  sqlite3_stmt* raw() const { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// One connection. Not thread-safe: one thread at a time (the store's pools enforce it).
class Db {
 public:
  // Opens `path` (":memory:" or a file; created when missing) with SQLITE_OPEN_NOMUTEX.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, int busy_timeout_ms);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without parameters (DDL, PRAGMA, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // A prepared statement for `sql`, from the cache (prepared once per connection).
  // REQUIRES: the previous Stmt for the same sql has been destroyed (no nested reuse).
  Result<Stmt> Prepare(std::string_view sql);
  std::int64_t Changes() const { return sqlite3_changes64(db_); }
  sqlite3* raw() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  // Looked up by string_view: the SQL of a call site, mostly a literal, is neither copied nor
  // allocated for each statement run (a task read runs eight or nine).
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>()(sql); }
  };
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> cache_;
};

}  // namespace dondoc::store

#endif  // DONDOC_STORE_DB_H_
