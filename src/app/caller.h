// Who is asking: the signed-in user and what they may see.
#ifndef DONDOC_APP_CALLER_H_
#define DONDOC_APP_CALLER_H_

#include <optional>
#include <string>
#include <vector>

#include "domain/ids.h"
#include "domain/user.h"

namespace dondoc::app {

struct Caller {
  domain::User user;  // password_hash cleared
  // Units whose tasks the caller may see: nullopt for the whole tenant (office, admin, viewer,
  // a leader of every field); a unit user's unit and its sub-units; a leader's field units and
  // their sub-units.
  std::optional<std::vector<domain::Id>> scope_units;
  // For a unit user: their unit and its sub-units (the units they act for). Empty otherwise.
  std::vector<domain::Id> own_units;
  bool via_session = false;  // cookie session (writes need the CSRF token)
  std::string csrf;          // the session's CSRF token; "" for Bearer
  std::string session_hash;  // "" for Bearer

  domain::Id id() const { return user.id; }
  domain::Role role() const { return user.role; }
};

}  // namespace dondoc::app

#endif  // DONDOC_APP_CALLER_H_
