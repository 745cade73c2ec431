#include "store/migrations.h"

#include <string>

namespace dondoc::store {

namespace {

// Conventions of the schema:
// - every table but tenants carries tenant_id, first in its primary key and in every index, and
//   child rows reference parents by (tenant_id, id), so a row can never point into another
//   tenant and a PostgreSQL/Citus backend can distribute every table by tenant_id;
// - ids come from id_sequences (per tenant and table, never reused);
// - dates are ISO 'YYYY-MM-DD' TEXT (they sort as dates), instants INTEGER seconds, booleans
//   INTEGER 0/1, JSON TEXT;
// - the FTS tables are SQLite's (virtual tables with rowid = tenant_id * 2^40 + id); a
//   PostgreSQL backend would use unaccent + tsvector columns instead.
const char* kV1 = R"sql(
CREATE TABLE tenants (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE id_sequences (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  next_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, name)
);

CREATE TABLE units (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  id INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  parent_id INTEGER,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES units (tenant_id, id)
);
CREATE INDEX units_parent ON units (tenant_id, parent_id);

CREATE TABLE unit_aliases (
  tenant_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  alias TEXT NOT NULL,
  PRIMARY KEY (tenant_id, unit_id, alias),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE fields (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  id INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE field_units (
  tenant_id INTEGER NOT NULL,
  field_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, field_id, unit_id),
  FOREIGN KEY (tenant_id, field_id) REFERENCES fields (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id)
);
CREATE INDEX field_units_unit ON field_units (tenant_id, unit_id);

CREATE TABLE users (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  id INTEGER NOT NULL,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  unit_id INTEGER,
  role TEXT NOT NULL CHECK (role IN ('admin', 'office', 'leader', 'unit', 'viewer')),
  password_hash TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, username),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id)
);
CREATE INDEX users_unit ON users (tenant_id, unit_id);

CREATE TABLE user_fields (
  tenant_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  field_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, user_id, field_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, field_id) REFERENCES fields (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE sessions (
  tenant_id INTEGER NOT NULL,
  token_hash TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);

CREATE TABLE api_tokens (
  tenant_id INTEGER NOT NULL,
  token_hash TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE login_attempts (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL,
  success INTEGER NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts (tenant_id, username, at);
CREATE INDEX login_attempts_address ON login_attempts (tenant_id, address, at);

CREATE TABLE blobs (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  storage_key TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (tenant_id, storage_key)
);

CREATE TABLE attachments (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  owner_kind TEXT NOT NULL,
  owner_id INTEGER NOT NULL,
  filename TEXT NOT NULL,
  mime TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  storage_key TEXT NOT NULL,
  uploaded_by INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, storage_key) REFERENCES blobs (tenant_id, storage_key)
);
CREATE INDEX attachments_owner ON attachments (tenant_id, owner_kind, owner_id);

CREATE TABLE notices (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'active')),
  number TEXT NOT NULL DEFAULT '',
  date TEXT,
  issuer TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  signer TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL DEFAULT '',
  filename TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  extraction_json TEXT NOT NULL DEFAULT '{}',
  original_attachment_id INTEGER,
  created_by INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  confirmed_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, original_attachment_id) REFERENCES attachments (tenant_id, id)
);
CREATE UNIQUE INDEX notices_sha256 ON notices (tenant_id, sha256) WHERE sha256 <> '';
CREATE INDEX notices_status ON notices (tenant_id, status, id);

CREATE TABLE tasks (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  notice_id INTEGER NOT NULL,
  draft INTEGER NOT NULL DEFAULT 1,
  ref TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL DEFAULT 0,
  span_end INTEGER NOT NULL DEFAULT 0,
  deadline_kind TEXT NOT NULL DEFAULT 'none'
    CHECK (deadline_kind IN ('none', 'date', 'recurring', 'ongoing')),
  deadline_date TEXT,
  deadline_every TEXT NOT NULL DEFAULT 'month'
    CHECK (deadline_every IN ('week', 'month', 'quarter', 'year')),
  deadline_phrase TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  original_due TEXT,
  due TEXT,
  targets_json TEXT NOT NULL DEFAULT '[]',
  urgent INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'pending_confirmation', 'returned', 'paused', 'done')),
  done_date TEXT,
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, notice_id) REFERENCES notices (tenant_id, id)
);
CREATE INDEX tasks_notice ON tasks (tenant_id, notice_id, id);
CREATE INDEX tasks_due ON tasks (tenant_id, draft, coalesce(due, '9999-12-31'), id);
CREATE INDEX tasks_status_due ON tasks (tenant_id, draft, status, due);
CREATE INDEX tasks_updated ON tasks (tenant_id, draft, updated_at);

-- One row per (task, unit). The task's filter and sort columns are copied here (kept in sync by
-- every task write) so that a unit's list, count and scorecard read only this table, clustered
-- by unit.
CREATE TABLE task_units (
  tenant_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  position INTEGER NOT NULL DEFAULT 0,
  notice_id INTEGER NOT NULL,
  draft INTEGER NOT NULL,
  status TEXT NOT NULL,
  due TEXT,
  done_date TEXT,
  start_date TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, unit_id, task_id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX task_units_task ON task_units (tenant_id, task_id);

CREATE TABLE occurrences (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  due TEXT NOT NULL,
  done_date TEXT,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, task_id, period_start),
  FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE progress_reports (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  occurrence_id INTEGER,
  unit_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  done INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, occurrence_id) REFERENCES occurrences (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX progress_reports_task ON progress_reports (tenant_id, task_id, id);

CREATE TABLE extensions (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  requested_by INTEGER NOT NULL,
  reason TEXT NOT NULL,
  requested_due TEXT NOT NULL,
  previous_due TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by INTEGER,
  decision_note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  decided_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, requested_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, decided_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX extensions_task ON extensions (tenant_id, task_id, id);
CREATE INDEX extensions_status ON extensions (tenant_id, status, id);

CREATE TABLE comments (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX comments_task ON comments (tenant_id, task_id, id);

CREATE TABLE audit_log (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  id INTEGER NOT NULL,
  user_id INTEGER,
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before_json TEXT NOT NULL DEFAULT '',
  after_json TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity, entity_id, id);
CREATE INDEX audit_log_user ON audit_log (tenant_id, user_id, id);
CREATE INDEX audit_log_at ON audit_log (tenant_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE holidays (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  date TEXT NOT NULL,
  day_off INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, date)
);

CREATE VIRTUAL TABLE task_fts USING fts5 (text, tokenize = 'dondoc');
CREATE VIRTUAL TABLE notice_fts USING fts5 (text, tokenize = 'dondoc');
)sql";

// The Chair (a leader who sees every field). Leaders stored without fields were the Chair under
// version 1's rule, and stay so.
const char* kV2 = R"sql(
ALTER TABLE users ADD COLUMN chair INTEGER NOT NULL DEFAULT 0;
UPDATE users SET chair = 1 WHERE role = 'leader' AND NOT EXISTS (
  SELECT 1 FROM user_fields uf WHERE uf.tenant_id = users.tenant_id AND uf.user_id = users.id);
)sql";

// A task's page reads its units, reports and history; version 1 kept each of them in insertion
// order, so a task's three reports or audit rows sat on three pages of a large file, found
// through an index: ~11.5 page reads a task on the 200,000-task benchmark (bench/FINDINGS.md
// 3g). Now the rows of one task sit together: task_units_task carries role and position (with
// the table's key, unit_id, it answers a task's units alone), progress reports are clustered by
// (tenant_id, task_id, id) and audit rows by (tenant_id, entity, entity_id, id), each keeping
// (tenant_id, id) unique for the rows that look one up by id. WITHOUT ROWID is SQLite's way to
// cluster a table; a PostgreSQL backend keeps (tenant_id, id) as the key and these orders as
// indexes. Rebuilding a table under foreign keys is safe here: no table references these two.
const char* kV3 = R"sql(
DROP INDEX task_units_task;
CREATE INDEX task_units_task ON task_units (tenant_id, task_id, role, position);

CREATE TABLE progress_reports_v3 (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  occurrence_id INTEGER,
  unit_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  done INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, task_id, id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, occurrence_id) REFERENCES occurrences (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
) WITHOUT ROWID;
INSERT INTO progress_reports_v3 (tenant_id, id, task_id, occurrence_id, unit_id, user_id, text,
                                 percent, done, created_at)
  SELECT tenant_id, id, task_id, occurrence_id, unit_id, user_id, text, percent, done, created_at
  FROM progress_reports ORDER BY tenant_id, task_id, id;
DROP TABLE progress_reports;
ALTER TABLE progress_reports_v3 RENAME TO progress_reports;

CREATE TABLE audit_log_v3 (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  id INTEGER NOT NULL,
  user_id INTEGER,
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before_json TEXT NOT NULL DEFAULT '',
  after_json TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, entity, entity_id, id),
  UNIQUE (tenant_id, id)
) WITHOUT ROWID;
INSERT INTO audit_log_v3 (tenant_id, id, user_id, at, action, entity, entity_id, before_json,
                          after_json)
  SELECT tenant_id, id, user_id, at, action, entity, entity_id, before_json, after_json
  FROM audit_log ORDER BY tenant_id, entity, entity_id, id;
DROP TABLE audit_log;
ALTER TABLE audit_log_v3 RENAME TO audit_log;
CREATE INDEX audit_log_user ON audit_log (tenant_id, user_id, id);
CREATE INDEX audit_log_at ON audit_log (tenant_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
)sql";

// A task's units version, moved by every write that replaces its task_units rows, in the same
// transaction: a reader holding a copy of the units from an earlier snapshot (the task facts)
// knows them to be the row's when the versions match (reads::GetTaskDetail).
constexpr const char* kV4 = R"sql(
ALTER TABLE tasks ADD COLUMN units_version INTEGER NOT NULL DEFAULT 0;
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kAll = {
      {1, kV1},
      {2, kV2},
      {3, kV3},
      {4, kV4},
  };
  return kAll;
}

int LatestSchemaVersion() { return Migrations().back().version; }

Result<int> SchemaVersion(Db& db) {
  DONDOC_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
  DONDOC_ASSIGN_OR_RETURN(Stmt st,
                          db.Prepare("SELECT coalesce(max(version), 0) FROM schema_version"));
  DONDOC_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? static_cast<int>(st.Int(0)) : 0;
}

Status Migrate(Db& db) {
  DONDOC_ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  if (current > LatestSchemaVersion()) {
    return Status::Corruption("database schema version " + std::to_string(current) +
                              " is newer than this program's " +
                              std::to_string(LatestSchemaVersion()));
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= current) continue;
    DONDOC_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    Status st = db.Exec(m.sql);
    if (st.ok()) {
      auto ins = db.Prepare("INSERT INTO schema_version (version) VALUES (?1)");
      st = ins.ok() ? ins->Bind(1, m.version).Run() : ins.status();
    }
    if (!st.ok()) {
      (void)db.Exec("ROLLBACK");
      return Status(st.code(), "migration " + std::to_string(m.version) + ": " + st.message());
    }
    DONDOC_RETURN_IF_ERROR(db.Exec("COMMIT"));
  }
  return Status::Ok();
}

}  // namespace dondoc::store
