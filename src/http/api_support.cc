#include "http/api_support.h"

#include <sodium.h>

#include <charconv>

#include "http/api_occurrences.h"
#include "http/cookies.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "http/offload.h"
#include "http/openapi.h"

namespace dondoc::http {

namespace {

bool SafeEqual(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<long> ParseLong(std::string_view s) {
  long v = 0;
  if (s.empty() || s.size() > 18) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

Handler Authed(app::Service& service, AuthedHandler h) {
  return [&service, h = std::move(h)](Request& req) -> Response {
    const std::string& authorization = req.Header("authorization");
    Result<app::Caller> caller = Status::Unauthenticated("Please sign in.");
    // A caller not cached is read from the store (and a session may be touched, a write): on an
    // I/O thread that is a miss to offload (http/offload.h). After a start, ~2,000 callers' first
    // requests otherwise took a fifth of the I/O threads' time while every answer waited.
    if (authorization.size() > 7 && (authorization.compare(0, 7, "Bearer ") == 0 ||
                                     authorization.compare(0, 7, "bearer ") == 0)) {
      const std::string token = authorization.substr(7);
      if (std::optional<app::Caller> cached = service.CachedBearerCaller(token)) {
        caller = std::move(*cached);
      } else if (ShouldOffload()) {
        return Response::Offload();
      } else {
        caller = service.AuthenticateBearer(token);
      }
    } else if (std::optional<std::string> token =
                   FindCookie(req.Header("cookie"), kSessionCookie)) {
      if (std::optional<app::Caller> cached = service.CachedSessionCaller(*token)) {
        caller = std::move(*cached);
      } else if (ShouldOffload()) {
        return Response::Offload();
      } else {
        caller = service.AuthenticateSession(*token);
      }
    }
    if (!caller.ok()) return ErrorResponse(caller.status());
    if (caller->via_session && req.method != "GET" && req.method != "HEAD") {
      if (!SafeEqual(req.Header("x-csrf-token"), caller->csrf)) {
        return Response::Error(403, "csrf_required",
                               "This request needs the X-CSRF-Token header given at sign-in.");
      }
    }
    return h(req, *caller);
  };
}

std::optional<Response> ReadJsonObject(const Request& req, nlohmann::json* out) {
  MediaType mt = ParseMediaType(req.Header("content-type"));
  if (mt.type.starts_with("multipart/")) {
    return Response::Error(415, "unsupported_media_type", "This route takes a JSON body.");
  }
  Result<nlohmann::json> j = ParseJson(req.body);
  if (!j.ok()) return Response::Error(400, "bad_json", j.status().message());
  if (!j->is_object()) return Response::Error(400, "bad_json", "The JSON body must be an object.");
  *out = std::move(j).value();
  return std::nullopt;
}

std::optional<domain::Id> IdParam(const Request& req, const char* name) {
  std::optional<long> v = ParseLong(req.Param(name));
  if (!v || *v <= 0) return std::nullopt;
  return *v;
}

Status GetString(const nlohmann::json& j, const char* key, std::optional<std::string>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string())
    return Status::InvalidArgument(std::string("\"") + key + "\" must be a string.");
  *out = it->get<std::string>();
  return Status::Ok();
}

Status GetInt(const nlohmann::json& j, const char* key, std::optional<long>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_number_integer()) {
    return Status::InvalidArgument(std::string("\"") + key + "\" must be an integer.");
  }
  *out = it->get<long>();
  return Status::Ok();
}

Status GetBool(const nlohmann::json& j, const char* key, std::optional<bool>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_boolean())
    return Status::InvalidArgument(std::string("\"") + key + "\" must be true or false.");
  *out = it->get<bool>();
  return Status::Ok();
}

std::optional<Response> ReadReportBody(const Request& req, ReportBody* out) {
  nlohmann::json body;
  if (auto err = ReadJsonObject(req, &body)) return err;
  std::optional<std::string> text;
  std::optional<long> percent;
  std::optional<bool> done;
  Status st = GetString(body, "text", &text);
  if (st.ok()) st = GetInt(body, "percent", &percent);
  if (st.ok()) st = GetBool(body, "done", &done);
  if (st.ok() && !text) st = Status::InvalidArgument("A report needs a \"text\".");
  if (st.ok() && percent && (*percent < 0 || *percent > 100)) {
    st = Status::InvalidArgument("\"percent\" must be between 0 and 100.");
  }
  if (!st.ok()) return ErrorResponse(st);
  *out = {*text, static_cast<int>(percent.value_or(0)), done.value_or(false)};
  return std::nullopt;
}

Status GetIds(const nlohmann::json& j, const char* key,
              std::optional<std::vector<domain::Id>>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  Status bad = Status::InvalidArgument(std::string("\"") + key +
                                       "\" must be an array of ids (or of {\"id\"} objects).");
  if (!it->is_array() || it->size() > 500) return bad;
  std::vector<domain::Id> ids;
  for (const auto& v : *it) {
    if (v.is_number_integer()) {
      ids.push_back(v.get<domain::Id>());
    } else if (v.is_object() && v.contains("id") && v["id"].is_number_integer()) {
      ids.push_back(v["id"].get<domain::Id>());
    } else {
      return bad;
    }
  }
  *out = std::move(ids);
  return Status::Ok();
}

Status GetDate(const nlohmann::json& j, const char* key, std::optional<text::Date>* out) {
  std::optional<std::string> s;
  DONDOC_RETURN_IF_ERROR(GetString(j, key, &s));
  if (!s) return Status::Ok();
  std::optional<text::Date> d = text::Date::FromIso(*s);
  if (!d) return Status::InvalidArgument(std::string("\"") + key + "\" must be a date YYYY-MM-DD.");
  *out = d;
  return Status::Ok();
}

Result<std::optional<long>> IntQuery(const Request& req, const char* name) {
  std::optional<std::string> v = req.Query(name);
  if (!v || v->empty()) return std::optional<long>();
  std::optional<long> n = ParseLong(*v);
  if (!n)
    return Status::InvalidArgument(std::string("The parameter ") + name + " must be an integer.");
  return n;
}

Result<std::optional<text::Date>> DateQuery(const Request& req, const char* name) {
  std::optional<std::string> v = req.Query(name);
  if (!v || v->empty()) return std::optional<text::Date>();
  std::optional<text::Date> d = text::Date::FromIso(*v);
  if (!d)
    return Status::InvalidArgument(std::string("The parameter ") + name +
                                   " must be a date YYYY-MM-DD.");
  return d;
}

Result<Paging> PagingOf(const Request& req) {
  Paging p;
  DONDOC_ASSIGN_OR_RETURN(std::optional<long> limit, IntQuery(req, "limit"));
  DONDOC_ASSIGN_OR_RETURN(std::optional<long> offset, IntQuery(req, "offset"));
  if (limit) {
    if (*limit < 0) return Status::InvalidArgument("limit must be 0 or more.");
    p.limit = static_cast<int>(std::min(*limit, 500L));
  }
  if (offset) {
    if (*offset < 0 || *offset > 100000000)
      return Status::InvalidArgument("offset is out of range.");
    p.offset = static_cast<int>(*offset);
  }
  return p;
}

UnitNames NamesOf(UnitNamesCache& names, const app::Caller& caller) { return names.Get(caller); }

Response Created(const nlohmann::json& body) { return Response::Json(201, body); }

void RegisterApi(Router& router, app::Service& service, ApiOptions options) {
  // Lives as long as the routes that capture it: owned by the router.
  UnitNamesCache& names =
      router.Own(std::make_unique<UnitNamesCache>(service, options.auth_version));
  // 48 MB of whole answers, plain and gzip, at most (the server's RSS budget is 150 MB: the
  // 200,000-task benchmark peaked at 145 MB with 64).
  BodyCache& bodies = router.Own(std::make_unique<BodyCache>(options.data_version, 48u << 20));
  RegisterAuthRoutes(router, service, names, options);
  RegisterDirectoryRoutes(router, service, names);
  RegisterNoticeRoutes(router, service, names);
  RegisterTaskRoutes(router, service, names, bodies);
  RegisterOversightRoutes(router, service, names, bodies);
  RegisterOccurrenceRoutes(router, service);
  Router* r = &router;
  router.Add("GET", "/api/v1/openapi.json",
             Doc("The OpenAPI 3 description of every route", "meta").Public(),
             [r](Request&) { return Response::Json(200, BuildOpenApi(*r, "dondoc API", "1.0")); });
}

}  // namespace dondoc::http
