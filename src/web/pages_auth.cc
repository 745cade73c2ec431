// Pages: sign-in, sign-out, and the home page that sends each role to its start page.
#include "http/cookies.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/static_files.h"

namespace dondoc::web {
namespace {

http::Response LoginPage(int status, std::string_view error, std::string_view username,
                         std::string_view next) {
  PageSpec spec;
  spec.title = "Đăng nhập";
  spec.body = "login";
  nlohmann::json data = {{"error", error}, {"username", username}, {"next", next}};
  return HtmlResponse(RenderPage(nullptr, spec, data), status);
}

}  // namespace

void RegisterPages(http::Router& router, app::Service& service, PagesOptions options) {
  AddStaticRoutes(router);
  RegisterAuthPages(router, service, options);
  RegisterTaskPages(router, service);
  RegisterNoticePages(router, service);
  RegisterDashboardPages(router, service);
  RegisterAdminPages(router, service);
  RegisterExportPages(router, service);
}

void RegisterAuthPages(http::Router& r, app::Service& s, const PagesOptions& o) {
  r.Add("GET", "/login", PageDoc("Sign-in page", true), [](http::Request& req) {
    return LoginPage(200, "", "", SafeNext(req.Query("next").value_or("/")));
  });

  const bool secure = o.secure_cookies;
  r.Add("POST", "/login", PageDoc("Sign in from the page form", true),
        [&s, secure](http::Request& req) {
          auto form = ParseForm(req);
          if (!form.ok()) return LoginPage(400, "Biểu mẫu không hợp lệ.", "", "/");
          std::string username = form->Get("username");
          std::string next = SafeNext(form->Get("next"));
          if (username.empty() || form->Get("password").empty()) {
            return LoginPage(400, "Vui lòng nhập tên đăng nhập và mật khẩu.", username, next);
          }
          auto login = s.Login(username, form->Get("password"), req.remote_address);
          if (!login.ok()) {
            switch (login.status().code()) {
              case StatusCode::kUnauthenticated:
                return LoginPage(401, "Tên đăng nhập hoặc mật khẩu không đúng.", username, next);
              case StatusCode::kResourceExhausted:
                return LoginPage(429,
                                 "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng "
                                 "thử lại sau 15 phút hoặc liên hệ quản trị viên.",
                                 username, next);
              case StatusCode::kPermissionDenied:
                return LoginPage(403, "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.",
                                 username, next);
              default:
                return LoginPage(500, "Hệ thống gặp lỗi. Vui lòng thử lại sau.", username, next);
            }
          }
          http::Response res = Redirect(next);
          http::CookieOptions co;
          co.secure = secure;
          res.headers.emplace_back("Set-Cookie",
                                   http::FormatSetCookie(kSessionCookieName, login->token, co));
          return res;
        });

  r.Add("POST", "/logout", PageDoc("Sign out from the page header"),
        Signed(s, [secure](PageCall& c) {
          (void)c.service.Logout(c.caller);
          http::Response res = Redirect("/login");
          http::CookieOptions co;
          co.secure = secure;
          co.max_age_seconds = 0;
          res.headers.emplace_back("Set-Cookie", http::FormatSetCookie(kSessionCookieName, "", co));
          return res;
        }));

  r.Add("GET", "/", PageDoc("Home: each role's start page"), Signed(s, [](PageCall& c) {
          switch (c.caller.user.role) {
            case domain::Role::kUnit:
              return Redirect("/my");
            case domain::Role::kOffice:
            case domain::Role::kLeader:
            case domain::Role::kAdmin:
              return Redirect("/dashboard");
            default:
              return Redirect("/tasks");
          }
        }));
}

}  // namespace dondoc::web
