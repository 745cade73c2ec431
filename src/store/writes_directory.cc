// Writes of tenants, units, fields, users and credentials.
#include <algorithm>

#include "store/reads.h"
#include "store/rows.h"
#include "store/writes.h"

namespace dondoc::store::writes {

namespace {

Status ExpectChanged(Db& db, const std::string& what) {
  if (db.Changes() == 0) return Status::NotFound(what + " not found");
  return Status::Ok();
}

Status ReplaceAliases(Db& db, const domain::Unit& u) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt d, db.Prepare("DELETE FROM unit_aliases WHERE tenant_id = ?1 AND unit_id = ?2"));
    DONDOC_RETURN_IF_ERROR(d.Bind(1, u.tenant_id).Bind(2, u.id).Run());
  }
  for (const std::string& a : u.aliases) {
    DONDOC_ASSIGN_OR_RETURN(Stmt s,
                            db.Prepare("INSERT INTO unit_aliases (tenant_id, unit_id, "
                                       "alias) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, u.tenant_id).Bind(2, u.id).Bind(3, a).Run());
  }
  return Status::Ok();
}

Status ReplaceFieldUnits(Db& db, const domain::Field& f) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt d, db.Prepare("DELETE FROM field_units WHERE tenant_id = ?1 AND field_id = ?2"));
    DONDOC_RETURN_IF_ERROR(d.Bind(1, f.tenant_id).Bind(2, f.id).Run());
  }
  for (Id u : f.unit_ids) {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("INSERT INTO field_units (tenant_id, field_id, "
                                               "unit_id) VALUES (?1, ?2, ?3) ON CONFLICT DO "
                                               "NOTHING"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, f.tenant_id).Bind(2, f.id).Bind(3, u).Run());
  }
  return Status::Ok();
}

Status ReplaceUserFields(Db& db, const domain::User& u) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt d, db.Prepare("DELETE FROM user_fields WHERE tenant_id = ?1 AND user_id = ?2"));
    DONDOC_RETURN_IF_ERROR(d.Bind(1, u.tenant_id).Bind(2, u.id).Run());
  }
  for (Id f : u.field_ids) {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("INSERT INTO user_fields (tenant_id, user_id, "
                                               "field_id) VALUES (?1, ?2, ?3) ON CONFLICT DO "
                                               "NOTHING"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, u.tenant_id).Bind(2, u.id).Bind(3, f).Run());
  }
  return Status::Ok();
}

// A foreign-key failure on delete means "still referred to".
Status AsConflict(Status st, const std::string& what) {
  if (st.code() == StatusCode::kInvalidArgument) {
    return Status::Conflict(what + " is still in use");
  }
  return st;
}

}  // namespace

Result<Id> NextId(Db& db, Id tenant_id, const char* table) {
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("INSERT INTO id_sequences (tenant_id, name, "
                                               "next_id) VALUES (?1, ?2, 1) ON CONFLICT DO "
                                               "NOTHING"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, table).Run());
  }
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("UPDATE id_sequences SET next_id = next_id + 1 "
                                             "WHERE tenant_id = ?1 AND name = ?2 RETURNING "
                                             "next_id - 1"));
  s.Bind(1, tenant_id).Bind(2, table);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Internal("id sequence missing");
  return s.Int(0);
}

Result<Id> CreateTenant(Db& db, const domain::Tenant& t) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("INSERT INTO tenants (slug, name, created_at) "
                                             "VALUES (?1, ?2, ?3) RETURNING id"));
  s.Bind(1, t.slug).Bind(2, t.name).Bind(3, t.created_at);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Internal("tenant insert returned nothing");
  return s.Int(0);
}

Result<Id> CreateUnit(Db& db, const domain::Unit& in) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, in.tenant_id, "units"));
  domain::Unit u = in;
  u.id = id;
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("INSERT INTO units (tenant_id, id, name, kind, "
                                               "parent_id) VALUES (?1, ?2, ?3, ?4, ?5)"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, u.tenant_id)
                               .Bind(2, id)
                               .Bind(3, u.name)
                               .Bind(4, u.kind)
                               .Bind(5, u.parent_id)
                               .Run());
  }
  DONDOC_RETURN_IF_ERROR(ReplaceAliases(db, u));
  return id;
}

Status UpdateUnit(Db& db, const domain::Unit& u) {
  if (u.parent_id) {
    auto below = reads::SubUnitIds(db, u.tenant_id, u.id);
    if (!below.ok()) return below.status();
    if (std::find(below->begin(), below->end(), *u.parent_id) != below->end()) {
      return Status::InvalidArgument("a unit cannot be placed under itself or its sub-units");
    }
  }
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("UPDATE units SET name = ?3, kind = ?4, parent_id "
                                               "= ?5 WHERE tenant_id = ?1 AND id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, u.tenant_id)
                               .Bind(2, u.id)
                               .Bind(3, u.name)
                               .Bind(4, u.kind)
                               .Bind(5, u.parent_id)
                               .Run());
  }
  DONDOC_RETURN_IF_ERROR(ExpectChanged(db, "unit"));
  return ReplaceAliases(db, u);
}

Status DeleteUnit(Db& db, Id tenant_id, Id unit_id) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("DELETE FROM units WHERE tenant_id = ?1 AND id = ?2"));
  DONDOC_RETURN_IF_ERROR(AsConflict(s.Bind(1, tenant_id).Bind(2, unit_id).Run(), "unit"));
  return ExpectChanged(db, "unit");
}

Result<Id> CreateField(Db& db, const domain::Field& in) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, in.tenant_id, "fields"));
  domain::Field f = in;
  f.id = id;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("INSERT INTO fields (tenant_id, id, name) VALUES (?1, ?2, ?3)"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, f.tenant_id).Bind(2, id).Bind(3, f.name).Run());
  }
  DONDOC_RETURN_IF_ERROR(ReplaceFieldUnits(db, f));
  return id;
}

Status UpdateField(Db& db, const domain::Field& f) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("UPDATE fields SET name = ?3 WHERE tenant_id = ?1 AND id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, f.tenant_id).Bind(2, f.id).Bind(3, f.name).Run());
  }
  DONDOC_RETURN_IF_ERROR(ExpectChanged(db, "field"));
  return ReplaceFieldUnits(db, f);
}

Status DeleteField(Db& db, Id tenant_id, Id field_id) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("DELETE FROM fields WHERE tenant_id = ?1 AND id = ?2"));
  DONDOC_RETURN_IF_ERROR(AsConflict(s.Bind(1, tenant_id).Bind(2, field_id).Run(), "field"));
  return ExpectChanged(db, "field");
}

Result<Id> CreateUser(Db& db, const domain::User& in) {
  DONDOC_ASSIGN_OR_RETURN(Id id, NextId(db, in.tenant_id, "users"));
  domain::User u = in;
  u.id = id;
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("INSERT INTO users (tenant_id, id, username, display_name, unit_id, "
                           "role, password_hash, disabled, created_at, chair) VALUES (?1, ?2, "
                           "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, u.tenant_id)
                               .Bind(2, id)
                               .Bind(3, u.username)
                               .Bind(4, u.display_name)
                               .Bind(5, u.unit_id)
                               .Bind(6, domain::RoleCode(u.role))
                               .Bind(7, u.password_hash)
                               .Bind(8, u.disabled)
                               .Bind(9, u.created_at)
                               .Bind(10, u.chair)
                               .Run());
  }
  DONDOC_RETURN_IF_ERROR(ReplaceUserFields(db, u));
  return id;
}

Status UpdateUser(Db& db, const domain::User& u) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("UPDATE users SET username = ?3, display_name = ?4, unit_id = ?5, "
                           "role = ?6, password_hash = ?7, disabled = ?8, chair = ?9 WHERE "
                           "tenant_id = ?1 AND id = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, u.tenant_id)
                               .Bind(2, u.id)
                               .Bind(3, u.username)
                               .Bind(4, u.display_name)
                               .Bind(5, u.unit_id)
                               .Bind(6, domain::RoleCode(u.role))
                               .Bind(7, u.password_hash)
                               .Bind(8, u.disabled)
                               .Bind(9, u.chair)
                               .Run());
  }
  DONDOC_RETURN_IF_ERROR(ExpectChanged(db, "user"));
  return ReplaceUserFields(db, u);
}

Status CreateSession(Db& db, const domain::Session& x) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO sessions (tenant_id, token_hash, user_id, csrf, created_at, "
                         "last_seen, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  return s.Bind(1, x.tenant_id)
      .Bind(2, x.token_hash)
      .Bind(3, x.user_id)
      .Bind(4, x.csrf)
      .Bind(5, x.created_at)
      .Bind(6, x.last_seen)
      .Bind(7, x.expires_at)
      .Run();
}

Status TouchSession(Db& db, Id tenant_id, const std::string& token_hash, Timestamp last_seen) {
  {
    DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("UPDATE sessions SET last_seen = ?3 WHERE "
                                               "tenant_id = ?1 AND token_hash = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, token_hash).Bind(3, last_seen).Run());
  }
  return ExpectChanged(db, "session");
}

Status DeleteSession(Db& db, Id tenant_id, const std::string& token_hash) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("DELETE FROM sessions WHERE tenant_id = ?1 AND token_hash = ?2"));
  return s.Bind(1, tenant_id).Bind(2, token_hash).Run();
}

Result<int> DeleteExpiredSessions(Db& db, Id tenant_id, Timestamp now, Timestamp idle_before) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("DELETE FROM sessions WHERE tenant_id = ?1 AND "
                                             "(expires_at <= ?2 OR last_seen <= ?3)"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, now).Bind(3, idle_before).Run());
  return static_cast<int>(db.Changes());
}

Result<int> DeleteUserSessions(Db& db, Id tenant_id, Id user_id) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("DELETE FROM sessions WHERE tenant_id = ?1 AND user_id = ?2"));
  DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, user_id).Run());
  return static_cast<int>(db.Changes());
}

Status CreateApiToken(Db& db, const domain::ApiToken& t) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO api_tokens (tenant_id, token_hash, user_id, label, "
                         "created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  return s.Bind(1, t.tenant_id)
      .Bind(2, t.token_hash)
      .Bind(3, t.user_id)
      .Bind(4, t.label)
      .Bind(5, t.created_at)
      .Run();
}

Status DeleteApiToken(Db& db, Id tenant_id, const std::string& token_hash) {
  {
    DONDOC_ASSIGN_OR_RETURN(
        Stmt s, db.Prepare("DELETE FROM api_tokens WHERE tenant_id = ?1 AND token_hash = ?2"));
    DONDOC_RETURN_IF_ERROR(s.Bind(1, tenant_id).Bind(2, token_hash).Run());
  }
  return ExpectChanged(db, "token");
}

Status RecordLoginAttempt(Db& db, Id tenant_id, const std::string& username,
                          const std::string& address, Timestamp at, bool success) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO login_attempts (tenant_id, username, address, at, success) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)"));
  return s.Bind(1, tenant_id).Bind(2, username).Bind(3, address).Bind(4, at).Bind(5, success).Run();
}

Status PutHoliday(Db& db, Id tenant_id, const HolidayOverride& h) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("INSERT INTO holidays (tenant_id, date, day_off, name) VALUES (?1, ?2, "
                         "?3, ?4) ON CONFLICT (tenant_id, date) DO UPDATE SET day_off = "
                         "excluded.day_off, name = excluded.name"));
  return s.Bind(1, tenant_id).Bind(2, h.date).Bind(3, h.day_off).Bind(4, h.name).Run();
}

Status DeleteHoliday(Db& db, Id tenant_id, text::Date date) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("DELETE FROM holidays WHERE tenant_id = ?1 AND date = ?2"));
  return s.Bind(1, tenant_id).Bind(2, date).Run();
}

}  // namespace dondoc::store::writes
