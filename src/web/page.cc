#include "web/page.h"

#include "web/static_files.h"
#include "web/templates.h"

namespace dondoc::web {

std::string_view RoleLabelVi(std::string_view role) {
  if (role == "admin") return "Quản trị";
  if (role == "office") return "Văn phòng";
  if (role == "leader") return "Lãnh đạo";
  if (role == "unit") return "Đơn vị";
  if (role == "viewer") return "Xem";
  return role;
}

nlohmann::json NavFor(std::string_view role) {
  using nlohmann::json;
  json nav = json::array();
  auto add = [&nav](const char* href, const char* label) {
    nav.push_back({{"href", href}, {"label", label}});
  };
  if (role == "unit") add("/my", "Việc của tôi");
  if (role != "unit") add("/dashboard", "Tổng quan");
  add("/tasks", "Nhiệm vụ");
  if (role == "office" || role == "admin") {
    add("/notices", "Thông báo");
    add("/import", "Nhập thông báo");
  }
  if (role == "admin") add("/admin", "Quản trị");
  return nav;
}

std::string RenderPage(const Viewer* viewer, const PageSpec& spec, const nlohmann::json& data) {
  using nlohmann::json;
  json page = data;
  if (viewer != nullptr) page["csrf"] = viewer->csrf;
  auto body = RenderTemplate(spec.body, page);
  std::string body_html = body.ok() ? std::move(body.value())
                                    : "<div class=\"alert alert-error\">Không hiển thị được trang "
                                      "này. Vui lòng thử lại hoặc báo quản trị viên.</div>";
  json layout = {{"title", spec.title},
                 {"body", std::move(body_html)},
                 {"charts", spec.charts},
                 {"assets",
                  {{"css", StaticUrl("app.css")},
                   {"js", StaticUrl("app.js")},
                   {"htmx", StaticUrl("vendor/htmx.min.js")},
                   {"chart", StaticUrl("vendor/chart.umd.min.js")}}}};
  if (spec.flash) layout["flash"] = {{"kind", spec.flash->kind}, {"text", spec.flash->text}};
  if (viewer != nullptr) {
    layout["csrf"] = viewer->csrf;
    layout["user"] = {{"name", viewer->name},
                      {"role", RoleLabelVi(viewer->role)},
                      {"unit", viewer->unit_name == viewer->name ? "" : viewer->unit_name}};
    layout["tenant"] = viewer->tenant_name;
    json nav = NavFor(viewer->role);
    for (auto& item : nav) {
      const std::string href = item["href"];
      item["current"] = !spec.active.empty() && href == spec.active;
    }
    layout["nav"] = std::move(nav);
  }
  auto html = RenderTemplate("layout", layout);
  if (!html.ok()) {
    return "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lỗi</title>"
           "<p>Không hiển thị được trang này.</p></html>";
  }
  return std::move(html.value());
}

http::Response HtmlResponse(std::string html, int status) {
  http::Response res;
  res.status = status;
  res.content_type = "text/html; charset=utf-8";
  res.body = std::move(html);
  res.headers.emplace_back("Cache-Control", "no-store");
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("Referrer-Policy", "same-origin");
  res.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self' "
                           "'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; "
                           "form-action 'self'; base-uri 'none'");
  return res;
}

http::Response ErrorPage(const Viewer* viewer, int status, std::string_view heading,
                         std::string_view message, std::string_view back) {
  PageSpec spec;
  spec.title = std::string(heading);
  spec.body = "error";
  nlohmann::json data = {
      {"heading", heading}, {"message", message}, {"back", back}, {"status", status}};
  return HtmlResponse(RenderPage(viewer, spec, data), status);
}

http::Response Redirect(std::string_view location) {
  http::Response res;
  res.status = 303;
  res.content_type = "text/plain; charset=utf-8";
  res.headers.emplace_back("Location", std::string(location));
  res.headers.emplace_back("Cache-Control", "no-store");
  return res;
}

}  // namespace dondoc::web
