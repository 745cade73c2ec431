// What every page handler shares: the signed-in user from the session cookie, CSRF checks on
// form posts, form bodies, and Vietnamese error pages for a Status.
#ifndef DONDOC_WEB_PAGE_SUPPORT_H_
#define DONDOC_WEB_PAGE_SUPPORT_H_

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "app/service.h"
#include "http/message.h"
#include "http/router.h"
#include "web/page.h"

namespace dondoc::web {

// The session cookie, shared with the JSON API (a browser signed in on a page may call it).
inline constexpr const char* kSessionCookieName = "dondoc_session";

// A signed-in request as pages see it.
struct PageCall {
  http::Request& req;
  const app::Caller& caller;
  Viewer viewer;
  app::Service& service;
};

using PageHandler = std::function<http::Response(PageCall&)>;

// Wraps `h`: without a valid session, a GET is redirected to /login?next=<path> and anything
// else gets 401; a POST must carry the session's CSRF token in the form field `csrf` or the
// X-CSRF-Token header (403 page otherwise). A GET on a server's I/O thread is offloaded before
// anything else (http/offload.h); POSTs already run on the blocking pool.
http::Handler Signed(app::Service& service, PageHandler h);

// A form body (application/x-www-form-urlencoded or multipart/form-data): field name → value,
// the first value of each name; `files` holds the file parts by field name.
struct Form {
  std::map<std::string, std::string> fields;
  struct File {
    std::string filename;
    std::string content_type;
    std::string data;
  };
  std::map<std::string, File> files;
  std::multimap<std::string, std::string> all;  // every value, repeated names included

  std::string Get(const std::string& name) const;
};
Result<Form> ParseForm(const http::Request& req);

// The page for a failed use case: 403 for PermissionDenied and 404 for NotFound (both with a
// refusal that shows nothing of the task), 400/409/413/415 with the reason, 500 otherwise.
http::Response StatusPage(const Viewer* viewer, const Status& status, std::string_view back = "/");

// A Vietnamese sentence for a Status a user can cause.
std::string VietnameseMessage(const Status& status);

// The viewer of a caller (name, role, unit name, tenant name, CSRF).
Viewer ViewerOf(app::Service& service, const app::Caller& caller);

// The documentation of a page route, tagged "pages"; a public one needs no sign-in.
http::RouteDoc PageDoc(const char* summary, bool is_public = false);

// A positive decimal id, or nullopt for anything else ("", "0", "12x", "-3").
std::optional<domain::Id> IdOf(const std::string& s);

// The path parameter `name` ("/tasks/{id}") as an id.
std::optional<domain::Id> PathId(const http::Request& req, const char* name = "id");

// The `next` parameter made safe: a local path ("/tasks?x=1") or "/".
std::string SafeNext(std::string_view next);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_PAGE_SUPPORT_H_
