// Users, roles and their credentials (sessions, API tokens).
#ifndef DONDOC_DOMAIN_USER_H_
#define DONDOC_DOMAIN_USER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.h"

namespace dondoc::domain {

enum class Role { kAdmin, kOffice, kLeader, kUnit, kViewer };

// "admin" | "office" | "leader" | "unit" | "viewer".
std::string_view RoleCode(Role r);
std::optional<Role> RoleFromCode(std::string_view code);
// Vietnamese label for the UI: "Quản trị", "Văn phòng", "Lãnh đạo", "Đơn vị", "Xem".
std::string_view RoleLabel(Role r);

struct User {
  Id id = 0;
  Id tenant_id = 0;
  std::string username;  // unique within the tenant, compared as stored (app lower-cases)
  std::string display_name;
  std::optional<Id> unit_id;  // required for Role::kUnit
  Role role = Role::kViewer;
  std::vector<Id> field_ids;  // for Role::kLeader: the fields the leader follows
  std::string password_hash;  // libsodium crypto_pwhash_str output; never logged
  bool disabled = false;
  Timestamp created_at = 0;
  bool chair = false;  // for Role::kLeader: the Chair, who sees every field
};

// A signed-in browser session. The token itself is never stored: only its hash.
struct Session {
  std::string token_hash;  // hex of a hash of the 32-byte random token; unique
  Id tenant_id = 0;
  Id user_id = 0;
  std::string csrf;  // the CSRF token handed out at login
  Timestamp created_at = 0;
  Timestamp last_seen = 0;   // idle expiry is computed by app from this
  Timestamp expires_at = 0;  // absolute expiry
};

// A Bearer token for integrations; stored only as a hash.
struct ApiToken {
  std::string token_hash;  // unique
  Id tenant_id = 0;
  Id user_id = 0;
  std::string label;
  Timestamp created_at = 0;
};

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_USER_H_
