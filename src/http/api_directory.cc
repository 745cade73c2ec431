// Routes: units, fields, users.
#include "http/api_support.h"

namespace dondoc::http {

namespace {

using nlohmann::json;

// Fills a unit from a JSON body; `partial` keeps absent members.
Status UnitFromJson(const json& body, bool partial, domain::Unit* u) {
  std::optional<std::string> name, kind;
  std::optional<long> parent;
  DONDOC_RETURN_IF_ERROR(GetString(body, "name", &name));
  DONDOC_RETURN_IF_ERROR(GetString(body, "kind", &kind));
  DONDOC_RETURN_IF_ERROR(GetInt(body, "parent_id", &parent));
  if (!partial && !name) return Status::InvalidArgument("A unit needs a \"name\".");
  if (name) u->name = *name;
  if (kind) u->kind = *kind;
  if (body.contains("parent_id")) {
    u->parent_id = parent ? std::optional<domain::Id>(*parent) : std::nullopt;
  }
  if (body.contains("aliases")) {
    if (!body["aliases"].is_array())
      return Status::InvalidArgument("\"aliases\" must be an array.");
    u->aliases.clear();
    for (const auto& a : body["aliases"]) {
      if (!a.is_string()) return Status::InvalidArgument("\"aliases\" must hold strings.");
      u->aliases.push_back(a.get<std::string>());
    }
  }
  return Status::Ok();
}

Status UserFromJson(const json& body, bool partial, domain::User* u) {
  std::optional<std::string> username, display, role;
  std::optional<long> unit;
  std::optional<bool> disabled;
  std::optional<std::vector<domain::Id>> fields;
  DONDOC_RETURN_IF_ERROR(GetString(body, "username", &username));
  DONDOC_RETURN_IF_ERROR(GetString(body, "display_name", &display));
  DONDOC_RETURN_IF_ERROR(GetString(body, "role", &role));
  DONDOC_RETURN_IF_ERROR(GetInt(body, "unit_id", &unit));
  DONDOC_RETURN_IF_ERROR(GetBool(body, "disabled", &disabled));
  std::optional<bool> chair;
  DONDOC_RETURN_IF_ERROR(GetBool(body, "chair", &chair));
  DONDOC_RETURN_IF_ERROR(GetIds(body, "field_ids", &fields));
  if (!partial && (!username || !role)) {
    return Status::InvalidArgument("A user needs \"username\" and \"role\".");
  }
  if (username) u->username = *username;
  if (display) u->display_name = *display;
  if (role) {
    std::optional<domain::Role> r = domain::RoleFromCode(*role);
    if (!r)
      return Status::InvalidArgument("\"role\" must be admin, office, leader, unit or viewer.");
    u->role = *r;
  }
  if (body.contains("unit_id")) u->unit_id = unit ? std::optional<domain::Id>(*unit) : std::nullopt;
  if (disabled) u->disabled = *disabled;
  if (chair) u->chair = *chair;
  if (fields) u->field_ids = *fields;
  return Status::Ok();
}

template <typename T, typename F>
Response PageOf(const Request& req, const std::vector<T>& all, F to_json) {
  Result<Paging> p = PagingOf(req);
  if (!p.ok()) return ErrorResponse(p.status());
  json items = json::array();
  for (size_t i = p->offset; i < all.size() && items.size() < static_cast<size_t>(p->limit); ++i) {
    items.push_back(to_json(all[i]));
  }
  return Response::Json(200, ListJson(items, static_cast<long>(all.size())));
}

}  // namespace

void RegisterDirectoryRoutes(Router& r, app::Service& s, UnitNamesCache& n) {
  r.Add("GET", "/api/v1/units",
        Doc("The unit directory: id, name, aliases, kind, parent_id", "directory")
            .Q("limit", "integer", "page size, default 50, at most 500")
            .Q("offset", "integer", "rows to skip"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          Result<std::vector<domain::Unit>> units = s.ListUnits(c);
          if (!units.ok()) return ErrorResponse(units.status());
          return PageOf(req, *units, UnitJson);
        }));
  r.Add("POST", "/api/v1/units",
        Doc("Create a unit (admin)", "directory")
            .Body("json", {"name", "aliases", "kind", "parent_id"})
            .Status(201),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          domain::Unit u;
          Status st = UnitFromJson(body, false, &u);
          if (!st.ok()) return ErrorResponse(st);
          Result<domain::Unit> out = s.CreateUnit(&c, u);
          return out.ok() ? Created(UnitJson(*out)) : ErrorResponse(out.status());
        }));
  r.Add("PATCH", "/api/v1/units/{id}",
        Doc("Change a unit (admin)", "directory")
            .Body("json", {"name", "aliases", "kind", "parent_id"}),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such unit.");
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          Result<std::vector<domain::Unit>> units = s.ListUnits(c);
          if (!units.ok()) return ErrorResponse(units.status());
          auto it = std::find_if(units->begin(), units->end(),
                                 [&](const domain::Unit& u) { return u.id == *id; });
          if (it == units->end()) return Response::Error(404, "not_found", "No such unit.");
          domain::Unit u = *it;
          Status st = UnitFromJson(body, true, &u);
          if (!st.ok()) return ErrorResponse(st);
          Result<domain::Unit> out = s.UpdateUnit(c, u);
          return out.ok() ? Response::Json(200, UnitJson(*out)) : ErrorResponse(out.status());
        }));
  r.Add("DELETE", "/api/v1/units/{id}",
        Doc("Delete a unit no task or user refers to (admin)", "directory"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such unit.");
          Status st = s.DeleteUnit(c, *id);
          return st.ok() ? Response::Json(200, {{"ok", true}}) : ErrorResponse(st);
        }));

  r.Add("GET", "/api/v1/fields",
        Doc("Fields (a vice-chair's areas) with their units", "directory")
            .Q("limit", "integer", "page size")
            .Q("offset", "integer", "rows to skip"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          Result<std::vector<domain::Field>> fields = s.ListFields(c);
          if (!fields.ok()) return ErrorResponse(fields.status());
          return PageOf(req, *fields, FieldJson);
        }));
  r.Add("POST", "/api/v1/fields",
        Doc("Create a field (admin)", "directory").Body("json", {"name", "unit_ids"}).Status(201),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          std::optional<std::string> name;
          std::optional<std::vector<domain::Id>> units;
          Status st = GetString(body, "name", &name);
          if (st.ok()) st = GetIds(body, "unit_ids", &units);
          if (st.ok() && !name) st = Status::InvalidArgument("A field needs a \"name\".");
          if (!st.ok()) return ErrorResponse(st);
          domain::Field f;
          f.name = *name;
          f.unit_ids = units.value_or(std::vector<domain::Id>{});
          Result<domain::Field> out = s.CreateField(&c, f);
          return out.ok() ? Created(FieldJson(*out)) : ErrorResponse(out.status());
        }));
  r.Add("PATCH", "/api/v1/fields/{id}",
        Doc("Change a field (admin)", "directory").Body("json", {"name", "unit_ids"}),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such field.");
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          Result<std::vector<domain::Field>> fields = s.ListFields(c);
          if (!fields.ok()) return ErrorResponse(fields.status());
          auto it = std::find_if(fields->begin(), fields->end(),
                                 [&](const domain::Field& f) { return f.id == *id; });
          if (it == fields->end()) return Response::Error(404, "not_found", "No such field.");
          domain::Field f = *it;
          std::optional<std::string> name;
          std::optional<std::vector<domain::Id>> units;
          Status st = GetString(body, "name", &name);
          if (st.ok()) st = GetIds(body, "unit_ids", &units);
          if (!st.ok()) return ErrorResponse(st);
          if (name) f.name = *name;
          if (units) f.unit_ids = *units;
          Result<domain::Field> out = s.UpdateField(c, f);
          return out.ok() ? Response::Json(200, FieldJson(*out)) : ErrorResponse(out.status());
        }));
  r.Add("DELETE", "/api/v1/fields/{id}", Doc("Delete a field (admin)", "directory"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such field.");
          Status st = s.DeleteField(c, *id);
          return st.ok() ? Response::Json(200, {{"ok", true}}) : ErrorResponse(st);
        }));

  r.Add("GET", "/api/v1/users",
        Doc("Users of the tenant (admin, office)", "directory")
            .Q("limit", "integer", "page size")
            .Q("offset", "integer", "rows to skip"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          Result<std::vector<domain::User>> users = s.ListUsers(c);
          if (!users.ok()) return ErrorResponse(users.status());
          UnitNames names = NamesOf(n, c);
          return PageOf(req, *users, [&](const domain::User& u) { return UserJson(u, names); });
        }));
  r.Add("POST", "/api/v1/users",
        Doc("Create a user (admin)", "directory")
            .Body("json",
                  {"username", "password", "display_name", "role", "unit_id", "field_ids", "chair"})
            .Status(201),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          domain::User u;
          std::optional<std::string> password;
          Status st = UserFromJson(body, false, &u);
          if (st.ok()) st = GetString(body, "password", &password);
          if (st.ok() && !password) st = Status::InvalidArgument("A user needs a \"password\".");
          if (!st.ok()) return ErrorResponse(st);
          Result<domain::User> out = s.CreateUser(&c, u, *password);
          return out.ok() ? Created(UserJson(*out, NamesOf(n, c))) : ErrorResponse(out.status());
        }));
  r.Add("PATCH", "/api/v1/users/{id}",
        Doc("Change a user's name, role, unit, fields or disabled flag (admin)", "directory")
            .Body("json", {"display_name", "role", "unit_id", "field_ids", "chair", "disabled"}),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such user.");
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          Result<std::vector<domain::User>> users = s.ListUsers(c);
          if (!users.ok()) return ErrorResponse(users.status());
          auto it = std::find_if(users->begin(), users->end(),
                                 [&](const domain::User& u) { return u.id == *id; });
          if (it == users->end()) return Response::Error(404, "not_found", "No such user.");
          domain::User u = *it;
          Status st = UserFromJson(body, true, &u);
          if (!st.ok()) return ErrorResponse(st);
          Result<domain::User> out = s.UpdateUser(&c, u);
          return out.ok() ? Response::Json(200, UserJson(*out, NamesOf(n, c)))
                          : ErrorResponse(out.status());
        }));
  r.Add("POST", "/api/v1/users/{id}/password",
        Doc("Set a user's password (admin)", "directory").Body("json", {"password"}),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such user.");
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          std::optional<std::string> password;
          Status st = GetString(body, "password", &password);
          if (st.ok() && !password) st = Status::InvalidArgument("Give a \"password\".");
          if (!st.ok()) return ErrorResponse(st);
          Result<std::vector<domain::User>> users = s.ListUsers(c);
          if (!users.ok()) return ErrorResponse(users.status());
          auto it = std::find_if(users->begin(), users->end(),
                                 [&](const domain::User& u) { return u.id == *id; });
          if (it == users->end()) return Response::Error(404, "not_found", "No such user.");
          st = s.ResetPassword(&c, it->username, *password);
          return st.ok() ? Response::Json(200, {{"ok", true}}) : ErrorResponse(st);
        }));
}

}  // namespace dondoc::http
