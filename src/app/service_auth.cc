// Service: login, sessions, Bearer tokens and the caller's scope.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "app/service.h"

namespace dondoc::app {

namespace {

Status WrongCredentials() { return Status::Unauthenticated("Wrong username or password."); }

}  // namespace

Service::Service(store::Store& store, const Clock& clock, PasswordHasher& hasher, Id tenant_id,
                 ServiceOptions options)
    : store_(store), clock_(clock), hasher_(hasher), tenant_id_(tenant_id), options_(options) {}

Status AppendAudit(store::StoreTx& tx, Id tenant_id, const Caller* caller, domain::Timestamp at,
                   std::string action, std::string entity, Id entity_id, std::string before,
                   std::string after) {
  domain::AuditEntry e;
  e.tenant_id = tenant_id;
  if (caller != nullptr) e.user_id = caller->id();
  e.at = at;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = entity_id;
  e.before_json = std::move(before);
  e.after_json = std::move(after);
  Result<Id> id = tx.AppendAudit(e);
  return id.ok() ? Status::Ok() : id.status();
}

Result<Caller> Service::MakeCaller(store::StoreReader& r, domain::User user) {
  Caller c;
  user.password_hash.clear();
  c.user = std::move(user);
  switch (c.user.role) {
    case domain::Role::kUnit: {
      if (!c.user.unit_id) {
        c.scope_units = std::vector<Id>{};
        break;
      }
      DONDOC_ASSIGN_OR_RETURN(std::vector<Id> units, r.SubUnitIds(tenant_id_, *c.user.unit_id));
      c.own_units = units;
      c.scope_units = std::move(units);
      break;
    }
    case domain::Role::kLeader: {
      if (IsChair(c.user)) break;  // every field
      std::vector<Id> scope;
      for (Id field_id : c.user.field_ids) {
        Result<domain::Field> f = r.GetField(tenant_id_, field_id);
        if (!f.ok()) continue;
        for (Id unit_id : f->unit_ids) {
          DONDOC_ASSIGN_OR_RETURN(std::vector<Id> sub, r.SubUnitIds(tenant_id_, unit_id));
          scope.insert(scope.end(), sub.begin(), sub.end());
        }
      }
      std::sort(scope.begin(), scope.end());
      scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
      c.scope_units = std::move(scope);
      break;
    }
    default:
      break;
  }
  return c;
}

Result<Caller> Service::CallerFor(Id user_id) {
  DONDOC_ASSIGN_OR_RETURN(domain::User u, store_.GetUser(tenant_id_, user_id));
  return MakeCaller(store_, std::move(u));
}

Result<LoginResult> Service::Login(std::string_view username_in, std::string_view password,
                                   const std::string& address) {
  const std::string username = NormalizeUsername(username_in);
  const domain::Timestamp now = clock_.Now();
  if (username.empty() || username.size() > 100 || password.empty()) return WrongCredentials();
  DONDOC_ASSIGN_OR_RETURN(int failures, store_.CountLoginFailures(tenant_id_, username, address,
                                                                  now - options_.login_window));
  if (failures >= options_.login_failures_allowed) {
    return Status::ResourceExhausted(
        "Too many failed sign-in attempts; wait a few minutes and try again.");
  }
  Result<domain::User> user = store_.FindUserByUsername(tenant_id_, username);
  bool ok = false;
  if (user.ok() && !user->disabled) {
    ok = hasher_.Verify(user->password_hash, password);
  } else {
    if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
    hasher_.Waste(password);
  }
  if (!ok) {
    Status st = store_.InTransaction([&](store::StoreTx& tx) {
      return tx.RecordLoginAttempt(tenant_id_, username, address, now, false);
    });
    if (!st.ok()) return st;
    return WrongCredentials();
  }
  LoginResult out;
  out.token = RandomToken();
  out.csrf = RandomToken();
  domain::Session s;
  s.token_hash = HashToken(out.token);
  s.tenant_id = tenant_id_;
  s.user_id = user->id;
  s.csrf = out.csrf;
  s.created_at = now;
  s.last_seen = now;
  s.expires_at = now + options_.session_absolute;
  DONDOC_ASSIGN_OR_RETURN(out.caller, MakeCaller(store_, *user));
  out.caller.via_session = true;
  out.caller.csrf = out.csrf;
  out.caller.session_hash = s.token_hash;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_RETURN_IF_ERROR(tx.RecordLoginAttempt(tenant_id_, username, address, now, true));
    (void)tx.DeleteExpiredSessions(tenant_id_, now, now - options_.session_idle);
    DONDOC_RETURN_IF_ERROR(tx.CreateSession(s));
    return AppendAudit(tx, tenant_id_, &out.caller, now, "login", "user", user->id, "",
                       nlohmann::json{{"address", address}}.dump());
  }));
  return out;
}

Status Service::Logout(const Caller& caller) {
  if (caller.session_hash.empty()) return Status::Ok();
  return store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_RETURN_IF_ERROR(tx.DeleteSession(tenant_id_, caller.session_hash));
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "logout", "user", caller.id(), "",
                       "");
  });
}

std::optional<Caller> Service::CachedSessionCaller(const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  const domain::Timestamp now = clock_.Now();
  std::optional<CachedCaller> hit =
      callers_.Get("s:" + HashToken(token), store_.AuthVersion(), now);
  // Expired or due for a touch (a write): the full path decides.
  if (!hit || hit->expires_at <= now || hit->last_seen + options_.session_idle <= now ||
      now - hit->last_seen >= 60) {
    return std::nullopt;
  }
  return std::move(hit->caller);
}

Result<Caller> Service::AuthenticateSession(const std::string& token) {
  if (token.empty() || token.size() > 200) return Status::Unauthenticated("Please sign in.");
  if (std::optional<Caller> cached = CachedSessionCaller(token)) return std::move(*cached);
  const std::string hash = HashToken(token);
  const domain::Timestamp now = clock_.Now();
  // Read before the session: a commit after it makes the entry below unusable, never wrong.
  const std::uint64_t version = store_.AuthVersion();
  const std::string key = "s:" + hash;
  Result<domain::Session> s = store_.GetSession(tenant_id_, hash);
  if (!s.ok()) {
    if (s.status().code() == StatusCode::kNotFound) {
      return Status::Unauthenticated("Your session has ended; please sign in again.");
    }
    return s.status();
  }
  if (s->expires_at <= now || s->last_seen + options_.session_idle <= now) {
    return Status::Unauthenticated("Your session has ended; please sign in again.");
  }
  Result<domain::User> user = store_.GetUser(tenant_id_, s->user_id);
  if (!user.ok() || user->disabled) return Status::Unauthenticated("Please sign in.");
  const bool touch = now - s->last_seen >= 60;
  if (touch) {
    DONDOC_RETURN_IF_ERROR(store_.InTransaction(
        [&](store::StoreTx& tx) { return tx.TouchSession(tenant_id_, hash, now); }));
  }
  DONDOC_ASSIGN_OR_RETURN(Caller c, MakeCaller(store_, std::move(user).value()));
  c.via_session = true;
  c.csrf = s->csrf;
  c.session_hash = hash;
  // After a touch the cached last-use time would be stale: the next request reads it again.
  if (!touch) callers_.Put(key, version, now, CachedCaller{c, s->expires_at, s->last_seen});
  return c;
}

std::optional<Caller> Service::CachedBearerCaller(const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  std::optional<CachedCaller> hit =
      callers_.Get("b:" + HashToken(token), store_.AuthVersion(), clock_.Now());
  if (!hit) return std::nullopt;
  return std::move(hit->caller);
}

Result<Caller> Service::AuthenticateBearer(const std::string& token) {
  if (token.empty() || token.size() > 200) return Status::Unauthenticated("Invalid API token.");
  if (std::optional<Caller> cached = CachedBearerCaller(token)) return std::move(*cached);
  const std::string hash = HashToken(token);
  const domain::Timestamp now = clock_.Now();
  // Read before the token: a commit after it makes the entry below unusable, never wrong.
  const std::uint64_t version = store_.AuthVersion();
  const std::string key = "b:" + hash;
  Result<domain::ApiToken> t = store_.GetApiToken(tenant_id_, hash);
  if (!t.ok()) {
    if (t.status().code() == StatusCode::kNotFound) {
      return Status::Unauthenticated("Invalid API token.");
    }
    return t.status();
  }
  Result<domain::User> user = store_.GetUser(tenant_id_, t->user_id);
  if (!user.ok() || user->disabled) return Status::Unauthenticated("Invalid API token.");
  DONDOC_ASSIGN_OR_RETURN(Caller c, MakeCaller(store_, std::move(user).value()));
  callers_.Put(key, version, now, CachedCaller{c, 0, 0});
  return c;
}

Result<std::string> Service::CreateApiToken(const Caller* by, std::string_view username,
                                            std::string_view label) {
  if (by != nullptr) DONDOC_RETURN_IF_ERROR(Authorize(*by, Action::kManageUsers));
  DONDOC_ASSIGN_OR_RETURN(domain::User user,
                          store_.FindUserByUsername(tenant_id_, NormalizeUsername(username)));
  std::string token = RandomToken();
  domain::ApiToken t;
  t.token_hash = HashToken(token);
  t.tenant_id = tenant_id_;
  t.user_id = user.id;
  t.label = std::string(label);
  t.created_at = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_RETURN_IF_ERROR(tx.CreateApiToken(t));
    return AppendAudit(tx, tenant_id_, by, t.created_at, "token_create", "user", user.id, "", "");
  }));
  return token;
}

}  // namespace dondoc::app
