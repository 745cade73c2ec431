// Routes: sign-in, sign-out, the signed-in user.
#include "http/api_support.h"
#include "http/cookies.h"

namespace dondoc::http {

namespace {

nlohmann::json MeJson(UnitNamesCache& n, const app::Caller& c) {
  UnitNames names = NamesOf(n, c);
  nlohmann::json user = {
      {"id", c.user.id},
      {"username", c.user.username},
      {"display_name", c.user.display_name},
      {"role", domain::RoleCode(c.user.role)},
      {"role_label", domain::RoleLabel(c.user.role)},
      {"unit", c.user.unit_id ? UnitRefJson(*c.user.unit_id, names) : nlohmann::json(nullptr)},
      {"field_ids", c.user.field_ids},
      // The Chair reads every field (issue 3); clients show the whole-tenant views to them.
      {"chair", app::IsChair(c.user)}};
  return user;
}

}  // namespace

void RegisterAuthRoutes(Router& r, app::Service& s, UnitNamesCache& n, const ApiOptions& o) {
  const bool secure = o.secure_cookies;
  r.Add("POST", "/api/v1/login",
        Doc("Sign in: sets the session cookie and returns the CSRF token", "auth")
            .Body("json", {"username", "password"})
            .Public(),
        [&s, &n, secure](Request& req) {
          nlohmann::json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          std::optional<std::string> username, password;
          Status st = GetString(body, "username", &username);
          if (st.ok()) st = GetString(body, "password", &password);
          if (st.ok() && (!username || !password)) {
            st = Status::InvalidArgument("Give \"username\" and \"password\".");
          }
          if (!st.ok()) return ErrorResponse(st);
          Result<app::LoginResult> login = s.Login(*username, *password, req.remote_address);
          if (!login.ok()) {
            if (login.status().code() == StatusCode::kUnauthenticated) {
              return Response::Error(401, "invalid_credentials", login.status().message());
            }
            return ErrorResponse(login.status());
          }
          nlohmann::json out = {{"user", MeJson(n, login->caller)}, {"csrf", login->csrf}};
          Response res = Response::Json(200, out);
          CookieOptions co;
          co.secure = secure;
          res.headers.emplace_back("Set-Cookie", FormatSetCookie(kSessionCookie, login->token, co));
          res.headers.emplace_back("Cache-Control", "no-store");
          return res;
        });

  r.Add("POST", "/api/v1/logout", Doc("Sign out: ends the session", "auth"),
        Authed(s, [&s, &n, secure](Request&, const app::Caller& c) {
          Status st = s.Logout(c);
          if (!st.ok()) return ErrorResponse(st);
          Response res = Response::Json(200, {{"ok", true}});
          CookieOptions co;
          co.secure = secure;
          co.max_age_seconds = 0;
          res.headers.emplace_back("Set-Cookie", FormatSetCookie(kSessionCookie, "", co));
          return res;
        }));

  r.Add("GET", "/api/v1/me", Doc("The signed-in user", "auth"),
        Authed(s, [&s, &n](Request&, const app::Caller& c) {
          nlohmann::json me = MeJson(n, c);
          me["user"] = MeJson(n, c);
          if (c.via_session) me["csrf"] = c.csrf;
          return Response::Json(200, me);
        }));
}

}  // namespace dondoc::http
