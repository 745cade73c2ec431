#include "http/dispatch.h"

#include <spdlog/spdlog.h>

#include "http/query.h"

namespace dondoc::http {

Response Dispatch(const Router& router, Request& req) {
  Result<QueryParams> query = ParseQuery(req.query_string);
  if (!query.ok()) return Response::Error(400, "bad_query", query.status().message());
  req.query = std::move(query).value();

  // HEAD is GET without the body (the server leaves the body out, RFC 9110 9.3.2).
  Router::Match m = router.Find(req.method == "HEAD" ? "GET" : req.method, req.path);
  if (m.kind == Router::Match::Kind::kNotFound) {
    return Response::Error(404, "not_found", "No such route: " + req.path);
  }
  if (m.kind == Router::Match::Kind::kMethodNotAllowed) {
    std::string allow;
    for (const std::string& method : m.allowed) {
      if (!allow.empty()) allow += ", ";
      allow += method;
      if (method == "GET") allow += ", HEAD";
    }
    Response r =
        Response::Error(405, "method_not_allowed",
                        "Method " + req.method + " is not allowed here; use " + allow + ".");
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  for (auto& [name, raw] : m.params) {
    Result<std::string> value = PercentDecode(raw, false);
    if (!value.ok()) return Response::Error(400, "bad_path", value.status().message());
    req.params[name] = std::move(value).value();
  }
  try {
    return m.route->handler(req);
  } catch (const std::exception& e) {
    spdlog::error("event=route_exception route=\"{} {}\" what=\"{}\"", m.route->method,
                  m.route->pattern, e.what());
  } catch (...) {
    spdlog::error("event=route_exception route=\"{} {}\"", m.route->method, m.route->pattern);
  }
  return Response::Error(500, "internal", "An internal error occurred; it has been logged.");
}

}  // namespace dondoc::http
