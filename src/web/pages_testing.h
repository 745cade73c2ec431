// The web pages over a real Service for the page tests: the demo tenant in an in-memory store,
// requests dispatched through the router (no sockets), sign-in as a browser does it.
#ifndef DONDOC_WEB_PAGES_TESTING_H_
#define DONDOC_WEB_PAGES_TESTING_H_

#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <stdexcept>
#include <string>

#include "app/demo.h"
#include "app/service.h"
#include "http/dispatch.h"
#include "store/sqlite_store.h"
#include "web/pages.h"

namespace dondoc::web::testing {

inline constexpr const char* kPassword = "demo-password-1";

struct Session {
  std::string cookie;
  std::string csrf;
};

class DemoSite {
 public:
  // The demo tenant with the dev notice confirmed, the clock at noon on 2023-07-03. Throws (the
  // test fails) when the demo cannot be built.
  DemoSite() {
    auto st = store::OpenSqliteStore({.path = ":memory:"});
    if (!st.ok()) throw std::runtime_error(st.status().ToString());
    store = std::move(*st);
    app::DemoOptions o;
    o.password = kPassword;
    o.notice_path = std::string(DONDOC_SHARED_DIR) + "/corpus/dev/ducpho-2023-06-kl.txt";
    auto demo = app::SeedDemo(*store, clock, hasher, o);
    if (!demo.ok()) throw std::runtime_error(demo.status().ToString());
    tenant = demo->tenant_id;
    service = std::make_unique<app::Service>(*store, clock, hasher, tenant);
    RegisterPages(router, *service);
  }

  http::Response Send(std::string method, std::string target, std::string body = "",
                      const Session* s = nullptr,
                      std::string content_type = "application/x-www-form-urlencoded") {
    http::Request req;
    req.method = std::move(method);
    req.target = target;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    req.query_string = q == std::string::npos ? "" : target.substr(q + 1);
    req.body = std::move(body);
    req.remote_address = "127.0.0.1";
    req.headers["content-type"] = content_type;
    if (s) req.headers["cookie"] = s->cookie;
    return http::Dispatch(router, req);
  }

  static std::string Header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }

  // A redirect's target as a browser requests it (without the #fragment).
  static std::string Location(const http::Response& r) {
    std::string v = Header(r, "Location");
    return v.substr(0, v.find('#'));
  }

  // Signs in through the form and reads the page's CSRF token.
  Session Login(const std::string& user, const std::string& password = kPassword) {
    auto res = Send("POST", "/login", "username=" + user + "&password=" + password + "&next=%2F");
    EXPECT_EQ(res.status, 303) << res.body;
    Session s;
    std::string set = Header(res, "Set-Cookie");
    s.cookie = set.substr(0, set.find(';'));
    auto page = Send("GET", "/tasks", "", &s);
    std::smatch m;
    std::regex re("name=\"csrf-token\" content=\"([^\"]+)\"");
    if (std::regex_search(page.body, m, re)) s.csrf = m[1];
    return s;
  }

  std::unique_ptr<store::Store> store;
  app::FixedClock clock{app::FixedClock::NoonOf({2023, 7, 3})};
  app::PasswordHasher hasher{app::HasherOptions::ForTests()};
  std::unique_ptr<app::Service> service;
  http::Router router;
  domain::Id tenant = 0;
};

}  // namespace dondoc::web::testing

#endif  // DONDOC_WEB_PAGES_TESTING_H_
