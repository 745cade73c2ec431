// Helpers shared by the API route files: authentication and CSRF, bodies, parameters, paging.
#ifndef DONDOC_HTTP_API_SUPPORT_H_
#define DONDOC_HTTP_API_SUPPORT_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/service.h"
#include "http/api.h"
#include "http/body_cache.h"
#include "http/api_json.h"
#include "http/errors.h"
#include "http/message.h"
#include "http/router.h"
#include "http/unit_names.h"

namespace dondoc::http {

inline constexpr const char* kSessionCookie = "dondoc_session";

using AuthedHandler = std::function<Response(Request&, const app::Caller&)>;

// Wraps `h`: authenticates by `Authorization: Bearer` or the session cookie (401
// `unauthenticated`), and for a cookie request that is not GET/HEAD requires the session's
// `X-CSRF-Token` (403 `csrf_required`).
Handler Authed(app::Service& service, AuthedHandler h);

// Parses the body as a JSON object into `*out`; on failure returns the error response
// (415 for multipart, 400 `bad_json` otherwise).
std::optional<Response> ReadJsonObject(const Request& req, nlohmann::json* out);

// A positive integer path parameter; nullopt when malformed (answer 404).
std::optional<domain::Id> IdParam(const Request& req, const char* name = "id");

// Optional typed members of a JSON object; a member of the wrong type fails with a message.
Status GetString(const nlohmann::json& j, const char* key, std::optional<std::string>* out);
Status GetInt(const nlohmann::json& j, const char* key, std::optional<long>* out);
Status GetBool(const nlohmann::json& j, const char* key, std::optional<bool>* out);
Status GetIds(const nlohmann::json& j, const char* key,
              std::optional<std::vector<domain::Id>>* out);
Status GetDate(const nlohmann::json& j, const char* key, std::optional<text::Date>* out);

// The body of a progress report, for a task or one period of it: "text" (required), "percent"
// (0-100, default 0) and "done" (default false).
struct ReportBody {
  std::string text;
  int percent = 0;
  bool done = false;
};
// Reads a ReportBody from the request; on a bad body returns the error response.
std::optional<Response> ReadReportBody(const Request& req, ReportBody* out);

struct Paging {
  int limit = 50;
  int offset = 0;
};
// `limit` (default 50, at most 500) and `offset` (default 0).
Result<Paging> PagingOf(const Request& req);
Result<std::optional<long>> IntQuery(const Request& req, const char* name);
Result<std::optional<text::Date>> DateQuery(const Request& req, const char* name);

// Unit id → name for the whole directory of the tenant (empty when the caller may not read it).
UnitNames NamesOf(UnitNamesCache& names, const app::Caller& caller);

Response Created(const nlohmann::json& body);

// Registration of each group of routes (api_*.cc).
void RegisterAuthRoutes(Router& r, app::Service& s, UnitNamesCache& n, const ApiOptions& o);
void RegisterDirectoryRoutes(Router& r, app::Service& s, UnitNamesCache& n);
void RegisterNoticeRoutes(Router& r, app::Service& s, UnitNamesCache& n);
void RegisterTaskRoutes(Router& r, app::Service& s, UnitNamesCache& n, BodyCache& b);
void RegisterOversightRoutes(Router& r, app::Service& s, UnitNamesCache& n, BodyCache& b);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_API_SUPPORT_H_
