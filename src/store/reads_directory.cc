// Reads of tenants, units, fields, users and credentials.
#include <algorithm>
#include <map>

#include "store/reads.h"
#include "store/rows.h"

namespace dondoc::store::reads {

namespace {

Result<domain::Tenant> OneTenant(Db& db, const std::string& where, auto bind) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("SELECT id, slug, name, created_at FROM tenants " + where));
  bind(s);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("tenant not found");
  return domain::Tenant{s.Int(0), s.Text(1), s.Text(2), s.Int(3)};
}

Status LoadAliases(Db& db, Id tenant_id, std::optional<Id> unit_id,
                   std::map<Id, std::vector<std::string>>* out) {
  std::string sql = "SELECT unit_id, alias FROM unit_aliases WHERE tenant_id = ?1";
  if (unit_id) sql += " AND unit_id = ?2";
  sql += " ORDER BY unit_id, alias";
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(sql));
  s.Bind(1, tenant_id);
  if (unit_id) s.Bind(2, *unit_id);
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    (*out)[s.Int(0)].push_back(s.Text(1));
  }
  return Status::Ok();
}

Status LoadUserFields(Db& db, Id tenant_id, std::vector<domain::User>* users) {
  std::map<Id, domain::User*> by_id;
  for (auto& u : *users) by_id[u.id] = &u;
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT user_id, field_id FROM user_fields WHERE "
                                             "tenant_id = ?1 ORDER BY user_id, field_id"));
  s.Bind(1, tenant_id);
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    auto it = by_id.find(s.Int(0));
    if (it != by_id.end()) it->second->field_ids.push_back(s.Int(1));
  }
  return Status::Ok();
}

Result<domain::User> OneUser(Db& db, Id tenant_id, const std::string& where, auto bind) {
  ReadSnapshot snap(db);
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(std::string("SELECT ") + kUserCols +
                                             " FROM users WHERE tenant_id = ?1 " + where));
  s.Bind(1, tenant_id);
  bind(s);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("user not found");
  domain::User u = ReadUser(s);
  DONDOC_ASSIGN_OR_RETURN(
      Stmt f, db.Prepare("SELECT field_id FROM user_fields WHERE tenant_id = ?1 AND user_id = ?2 "
                         "ORDER BY field_id"));
  f.Bind(1, tenant_id).Bind(2, u.id);
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool frow, f.Step());
    if (!frow) break;
    u.field_ids.push_back(f.Int(0));
  }
  return u;
}

}  // namespace

Result<domain::Tenant> GetTenant(Db& db, Id tenant_id) {
  return OneTenant(db, "WHERE id = ?1", [&](Stmt& s) { s.Bind(1, tenant_id); });
}

Result<domain::Tenant> FindTenantBySlug(Db& db, const std::string& slug) {
  return OneTenant(db, "WHERE slug = ?1", [&](Stmt& s) { s.Bind(1, slug); });
}

Result<std::vector<domain::Tenant>> ListTenants(Db& db) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("SELECT id, slug, name, created_at FROM tenants ORDER BY id"));
  std::vector<domain::Tenant> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(domain::Tenant{s.Int(0), s.Text(1), s.Text(2), s.Int(3)});
  }
  return out;
}

Result<domain::Unit> GetUnit(Db& db, Id tenant_id, Id unit_id) {
  ReadSnapshot snap(db);
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT id, name, kind, parent_id FROM units WHERE "
                                             "tenant_id = ?1 AND id = ?2"));
  s.Bind(1, tenant_id).Bind(2, unit_id);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unit " + std::to_string(unit_id) + " not found");
  domain::Unit u{s.Int(0), tenant_id, s.Text(1), {}, s.Text(2), s.OptInt(3)};
  std::map<Id, std::vector<std::string>> aliases;
  DONDOC_RETURN_IF_ERROR(LoadAliases(db, tenant_id, unit_id, &aliases));
  u.aliases = std::move(aliases[unit_id]);
  return u;
}

Result<std::vector<domain::Unit>> ListUnits(Db& db, Id tenant_id) {
  ReadSnapshot snap(db);
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT id, name, kind, parent_id FROM units WHERE "
                                             "tenant_id = ?1 ORDER BY id"));
  s.Bind(1, tenant_id);
  std::vector<domain::Unit> all;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    all.push_back(domain::Unit{s.Int(0), tenant_id, s.Text(1), {}, s.Text(2), s.OptInt(3)});
  }
  std::map<Id, std::vector<std::string>> aliases;
  DONDOC_RETURN_IF_ERROR(LoadAliases(db, tenant_id, std::nullopt, &aliases));
  // Depth of each unit, so that parents come before children.
  std::map<Id, const domain::Unit*> by_id;
  for (const auto& u : all) by_id[u.id] = &u;
  std::map<Id, int> depth;
  for (const auto& u : all) {
    int d = 0;
    const domain::Unit* p = &u;
    while (p->parent_id && d <= static_cast<int>(all.size())) {
      auto it = by_id.find(*p->parent_id);
      if (it == by_id.end()) break;
      p = it->second;
      ++d;
    }
    depth[u.id] = d;
  }
  for (auto& u : all) u.aliases = std::move(aliases[u.id]);
  std::stable_sort(all.begin(), all.end(), [&](const domain::Unit& a, const domain::Unit& b) {
    return depth[a.id] < depth[b.id];
  });
  return all;
}

Result<std::vector<Id>> SubUnitIds(Db& db, Id tenant_id, Id unit_id) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("WITH RECURSIVE sub (id) AS ("
                                     " SELECT id FROM units WHERE tenant_id = ?1 AND id = ?2"
                                     " UNION"
                                     " SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id"
                                     " WHERE u.tenant_id = ?1)"
                                     " SELECT id FROM sub ORDER BY id"));
  s.Bind(1, tenant_id).Bind(2, unit_id);
  std::vector<Id> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Int(0));
  }
  if (out.empty()) return Status::NotFound("unit " + std::to_string(unit_id) + " not found");
  return out;
}

Result<domain::Field> GetField(Db& db, Id tenant_id, Id field_id) {
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Field> all, ListFields(db, tenant_id));
  for (auto& f : all) {
    if (f.id == field_id) return std::move(f);
  }
  return Status::NotFound("field " + std::to_string(field_id) + " not found");
}

Result<std::vector<domain::Field>> ListFields(Db& db, Id tenant_id) {
  ReadSnapshot snap(db);
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT id, name FROM fields WHERE tenant_id = ?1 ORDER BY id"));
  s.Bind(1, tenant_id);
  std::vector<domain::Field> out;
  std::map<Id, size_t> index;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    index[s.Int(0)] = out.size();
    out.push_back(domain::Field{s.Int(0), tenant_id, s.Text(1), {}});
  }
  DONDOC_ASSIGN_OR_RETURN(Stmt u, db.Prepare("SELECT field_id, unit_id FROM field_units WHERE "
                                             "tenant_id = ?1 ORDER BY field_id, unit_id"));
  u.Bind(1, tenant_id);
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, u.Step());
    if (!row) break;
    auto it = index.find(u.Int(0));
    if (it != index.end()) out[it->second].unit_ids.push_back(u.Int(1));
  }
  return out;
}

Result<domain::User> GetUser(Db& db, Id tenant_id, Id user_id) {
  return OneUser(db, tenant_id, "AND id = ?2", [&](Stmt& s) { s.Bind(2, user_id); });
}

Result<domain::User> FindUserByUsername(Db& db, Id tenant_id, const std::string& username) {
  return OneUser(db, tenant_id, "AND username = ?2", [&](Stmt& s) { s.Bind(2, username); });
}

Result<std::vector<domain::User>> ListUsers(Db& db, Id tenant_id) {
  ReadSnapshot snap(db);
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare(std::string("SELECT ") + kUserCols +
                                             " FROM users WHERE tenant_id = ?1 ORDER BY username"));
  s.Bind(1, tenant_id);
  std::vector<domain::User> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadUser(s));
  }
  DONDOC_RETURN_IF_ERROR(LoadUserFields(db, tenant_id, &out));
  return out;
}

Result<domain::Session> GetSession(Db& db, Id tenant_id, const std::string& token_hash) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT token_hash, tenant_id, user_id, csrf, created_at, last_seen, "
                         "expires_at FROM sessions WHERE tenant_id = ?1 AND token_hash = ?2"));
  s.Bind(1, tenant_id).Bind(2, token_hash);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("session not found");
  return domain::Session{s.Text(0), s.Int(1), s.Int(2), s.Text(3), s.Int(4), s.Int(5), s.Int(6)};
}

Result<domain::ApiToken> GetApiToken(Db& db, Id tenant_id, const std::string& token_hash) {
  DONDOC_ASSIGN_OR_RETURN(
      Stmt s, db.Prepare("SELECT token_hash, tenant_id, user_id, label, created_at FROM "
                         "api_tokens WHERE tenant_id = ?1 AND token_hash = ?2"));
  s.Bind(1, tenant_id).Bind(2, token_hash);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("token not found");
  return domain::ApiToken{s.Text(0), s.Int(1), s.Int(2), s.Text(3), s.Int(4)};
}

Result<int> CountLoginFailures(Db& db, Id tenant_id, const std::string& username,
                               const std::string& address, Timestamp since) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare("SELECT count(*) FROM ("
                                     " SELECT rowid FROM login_attempts WHERE tenant_id = ?1 AND"
                                     " username = ?2 AND at >= ?4 AND success = 0"
                                     " UNION"
                                     " SELECT rowid FROM login_attempts WHERE tenant_id = ?1 AND"
                                     " address = ?3 AND at >= ?4 AND success = 0)"));
  s.Bind(1, tenant_id).Bind(2, username).Bind(3, address).Bind(4, since);
  DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<int>(s.Int(0)) : 0;
}

}  // namespace dondoc::store::reads
