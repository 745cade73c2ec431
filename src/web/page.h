// A full HTML page: the layout (header with the user, navigation, sign-out) around a body
// template, and the HTTP answers pages give.
#ifndef DONDOC_WEB_PAGE_H_
#define DONDOC_WEB_PAGE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace dondoc::web {

// Who is looking at the page. Absent on the sign-in page.
struct Viewer {
  std::string name;       // display name, or the username
  std::string role;       // "admin" | "office" | "leader" | "unit" | "viewer"
  std::string unit_name;  // the unit of a unit user, "" otherwise
  std::string tenant_name;
  std::string csrf;  // the session's CSRF token, put in every form
};

struct Flash {
  std::string kind;  // "ok" | "error" | "info"
  std::string text;
};

struct PageSpec {
  std::string title;    // in <title> and usually the heading
  std::string active;   // the navigation entry to mark current: "/tasks", "/dashboard", ...
  std::string body;     // the body template's name ("tasks" → templates/tasks.mustache)
  bool charts = false;  // loads Chart.js
  std::optional<Flash> flash;
};

// The navigation entries a role sees, in order: [{href, label}].
nlohmann::json NavFor(std::string_view role);

// Vietnamese label of a role code.
std::string_view RoleLabelVi(std::string_view role);

// The page's HTML: `spec.body` rendered with `data`, inside the layout. A template failure
// gives a plain error page (and is a bug in web/).
std::string RenderPage(const Viewer* viewer, const PageSpec& spec, const nlohmann::json& data);

// 200 (or `status`) text/html with security headers (no framing, no sniffing, a strict CSP
// allowing our own scripts and styles only).
http::Response HtmlResponse(std::string html, int status = 200);

// A page explaining a refusal or an error in Vietnamese, with the given HTTP status.
http::Response ErrorPage(const Viewer* viewer, int status, std::string_view heading,
                         std::string_view message, std::string_view back = "/");

// 303 See Other to `location` (a path of this site).
http::Response Redirect(std::string_view location);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_PAGE_H_
