// The API's route table against its OpenAPI description and api-core.md, and the
// authentication rules, through Dispatch (no network).
#include "http/api.h"

#include <gtest/gtest.h>

#include "app/service.h"
#include "http/dispatch.h"
#include "http/openapi.h"
#include "store/sqlite_store.h"

namespace dondoc::http {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::SqliteOptions o;
    o.path = ":memory:";
    store_ = std::move(store::OpenSqliteStore(o)).value();
    domain::Id tenant = 0;
    ASSERT_TRUE(store_
                    ->InTransaction([&](store::StoreTx& tx) -> Status {
                      domain::Tenant t;
                      t.slug = "t";
                      t.name = "T";
                      DONDOC_ASSIGN_OR_RETURN(tenant, tx.CreateTenant(t));
                      return Status::Ok();
                    })
                    .ok());
    service_ = std::make_unique<app::Service>(*store_, clock_, hasher_, tenant);
    domain::User u;
    u.username = "vanphong";
    u.role = domain::Role::kOffice;
    ASSERT_TRUE(service_->CreateUser(nullptr, u, "password123").ok());
    RegisterApi(router_, *service_);
  }

  Response Call(const std::string& method, const std::string& target, const std::string& body = "",
                std::map<std::string, std::string> headers = {}) {
    Request req;
    req.method = method;
    req.target = target;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query_string = target.substr(q + 1);
    req.body = body;
    req.headers = std::move(headers);
    req.remote_address = "127.0.0.1";
    return Dispatch(router_, req);
  }

  static std::string Code(const Response& r) {
    json j = json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
  }

  std::unique_ptr<store::Store> store_;
  app::FixedClock clock_{app::FixedClock::NoonOf(*text::Date::FromIso("2023-07-01"))};
  app::PasswordHasher hasher_{app::HasherOptions::ForTests()};
  std::unique_ptr<app::Service> service_;
  Router router_;
};

TEST_F(ApiTest, OpenApiDescribesEveryRoute) {
  Response r = Call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  json doc = json::parse(r.body);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  int n = 0;
  for (const Route& route : router_.routes()) {
    std::string method;
    for (char c : route.method) method.push_back(static_cast<char>(std::tolower(c)));
    ++n;
    ASSERT_TRUE(doc["paths"].contains(route.pattern)) << route.pattern;
    ASSERT_TRUE(doc["paths"][route.pattern].contains(method))
        << route.method << " " << route.pattern;
    EXPECT_FALSE(doc["paths"][route.pattern][method]["summary"].get<std::string>().empty())
        << route.pattern;
  }
  EXPECT_GT(n, 30);
}

TEST_F(ApiTest, EveryRouteOfApiCoreExists) {
  // shared/spec/api-core.md, as written there.
  const std::pair<const char*, const char*> core[] = {
      {"POST", "/api/v1/login"},
      {"POST", "/api/v1/logout"},
      {"GET", "/api/v1/me"},
      {"GET", "/api/v1/units"},
      {"GET", "/api/v1/tasks"},
      {"GET", "/api/v1/tasks/{id}"},
      {"POST", "/api/v1/tasks/{id}/reports"},
      {"POST", "/api/v1/notices"},
      {"POST", "/api/v1/notices/{id}/confirm"},
      {"GET", "/api/v1/scorecards"},
      {"GET", "/api/v1/audit"},
      {"GET", "/api/v1/openapi.json"},
  };
  json doc = json::parse(Call("GET", "/api/v1/openapi.json").body);
  for (const auto& [method, path] : core) {
    std::string m;
    for (const char* c = method; *c; ++c) m.push_back(static_cast<char>(std::tolower(*c)));
    EXPECT_TRUE(doc["paths"].contains(path) && doc["paths"][path].contains(m))
        << method << " " << path;
  }
}

TEST_F(ApiTest, AuthenticationAndCsrf) {
  struct Case {
    int n;
    std::string method, target, body;
    bool cookie, csrf;
    int status;
    std::string code;
  };
  Response login =
      Call("POST", "/api/v1/login", R"({"username":"vanphong","password":"password123"})");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string set_cookie;
  for (const auto& [k, v] : login.headers) {
    if (k == "Set-Cookie") set_cookie = v;
  }
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite="), std::string::npos);
  EXPECT_NE(set_cookie.find("Path=/"), std::string::npos);
  std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  std::string csrf = json::parse(login.body)["csrf"];
  const Case cases[] = {
      {1, "GET", "/api/v1/me", "", false, false, 401, "unauthenticated"},
      {2, "GET", "/api/v1/me", "", true, false, 200, ""},
      {3, "POST", "/api/v1/notices", R"({"text":"x"})", true, false, 403, "csrf_required"},
      {4, "POST", "/api/v1/notices", "{bad", true, true, 400, "bad_json"},
      {5, "POST", "/api/v1/login", R"({"username":"vanphong","password":"nope-nope"})", false,
       false, 401, "invalid_credentials"},
      {6, "POST", "/api/v1/login", "[1]", false, false, 400, "bad_json"},
      {7, "GET", "/api/v1/tasks?limit=abc", "", true, false, 400, "invalid_argument"},
      {8, "GET", "/api/v1/tasks?status=nonsense", "", true, false, 400, "invalid_argument"},
      {9, "GET", "/api/v1/tasks/999", "", true, false, 404, "not_found"},
      {10, "GET", "/api/v1/tasks/abc", "", true, false, 404, "not_found"},
      {11, "GET", "/api/v1/scorecards?by=planet", "", true, false, 400, "invalid_argument"},
      {12, "DELETE", "/api/v1/me", "", true, true, 405, "method_not_allowed"},
      {13, "GET", "/api/v1/tasks?limit=9999", "", true, false, 200, ""},
  };
  for (const Case& c : cases) {
    std::map<std::string, std::string> h;
    if (c.cookie) h["cookie"] = cookie;
    if (c.csrf) h["x-csrf-token"] = csrf;
    Response r = Call(c.method, c.target, c.body, h);
    EXPECT_EQ(r.status, c.status) << "case " << c.n << ": " << r.body;
    if (!c.code.empty()) {
      EXPECT_EQ(Code(r), c.code) << "case " << c.n;
    }
  }
}

}  // namespace
}  // namespace dondoc::http
