// A small router: method + path pattern ("/api/v1/tasks/{id}/reports") → handler, with the
// documentation each route carries for the OpenAPI description.
//
// Thread safety: Add() only before serving; Match() is const and safe from many threads.
#ifndef DONDOC_HTTP_ROUTER_H_
#define DONDOC_HTTP_ROUTER_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace dondoc::http {

using Handler = std::function<Response(Request&)>;

struct ParamDoc {
  std::string name;
  std::string type = "string";  // "string" | "integer" | "boolean"
  std::string description;
  bool required = false;
};

struct RouteDoc {
  std::string summary;
  std::string tag;
  std::vector<ParamDoc> query;              // query parameters
  std::string request_body;                 // "" none; "json" | "multipart" | "json|multipart"
  std::vector<std::string> request_fields;  // documented body fields
  int success_status = 200;
  bool public_route = false;  // needs no authentication

  // Fluent setters: Doc("List tasks", "tasks").Q("unit", "integer", "...").Status(201).
  RouteDoc& Q(std::string name, std::string type, std::string description) {
    query.push_back({std::move(name), std::move(type), std::move(description), false});
    return *this;
  }
  RouteDoc& Body(std::string kind, std::vector<std::string> fields = {}) {
    request_body = std::move(kind);
    request_fields = std::move(fields);
    return *this;
  }
  RouteDoc& Status(int status) {
    success_status = status;
    return *this;
  }
  RouteDoc& Public() {
    public_route = true;
    return *this;
  }
};

inline RouteDoc Doc(std::string summary, std::string tag = "") {
  RouteDoc d;
  d.summary = std::move(summary);
  d.tag = std::move(tag);
  return d;
}

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;  // "tasks", "{id}", ...
  Handler handler;
  RouteDoc doc;
};

class Router {
 public:
  // REQUIRES: pattern starts with '/'; {name} segments are whole segments.
  void Add(std::string method, std::string pattern, RouteDoc doc, Handler handler);

  struct Match {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed };
    Kind kind = Kind::kNotFound;
    const Route* route = nullptr;
    std::map<std::string, std::string> params;  // raw (still percent-encoded) segments
    std::vector<std::string> allowed;           // for kMethodNotAllowed
  };
  // Matches `path` (no query string). A trailing slash is not ignored.
  Match Find(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

  // Keeps `object` (state the handlers share, such as caches) alive as long as the router.
  template <typename T>
  T& Own(std::unique_ptr<T> object) {
    T& ref = *object;
    owned_.push_back(std::shared_ptr<void>(std::move(object)));
    return ref;
  }

 private:
  std::vector<Route> routes_;
  std::vector<std::shared_ptr<void>> owned_;
};

// The {name} parameters of a pattern, in order.
std::vector<std::string> PatternParams(std::string_view pattern);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_ROUTER_H_
