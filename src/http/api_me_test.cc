// GET /api/v1/me: the signed-in user, with whether a leader is the Chair (issue 3), through
// Dispatch (no network).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/service.h"
#include "http/api.h"
#include "http/dispatch.h"
#include "http/offload.h"
#include "store/sqlite_store.h"

namespace dondoc::http {
namespace {

using nlohmann::json;

class ApiMeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::SqliteOptions o;
    o.path = ":memory:";
    store_ = std::move(store::OpenSqliteStore(o)).value();
    domain::Id tenant = 0;
    ASSERT_TRUE(store_
                    ->InTransaction([&](store::StoreTx& tx) -> Status {
                      DONDOC_ASSIGN_OR_RETURN(tenant, tx.CreateTenant({0, "t", "T", 0}));
                      return Status::Ok();
                    })
                    .ok());
    service_ = std::make_unique<app::Service>(*store_, clock_, hasher_, tenant);
    for (auto [name, chair] : {std::pair{"chutich", true}, std::pair{"phochutich", false}}) {
      domain::User u;
      u.username = name;
      u.role = domain::Role::kLeader;
      u.chair = chair;
      ASSERT_TRUE(service_->CreateUser(nullptr, u, "password123").ok());
    }
    RegisterApi(router_, *service_);
  }

  // Signs in as `username` and returns the session cookie's value.
  std::string SignIn(const std::string& username) {
    Response r = Call("POST", "/api/v1/login",
                      json{{"username", username}, {"password", "password123"}}.dump(),
                      {{"content-type", "application/json"}});
    EXPECT_EQ(r.status, 200) << r.body;
    for (const auto& [k, v] : r.headers) {
      if (k == "Set-Cookie") return v.substr(0, v.find(';'));
    }
    return "";
  }

  Response Call(const std::string& method, const std::string& target, const std::string& body,
                std::map<std::string, std::string> headers) {
    Request req;
    req.method = method;
    req.target = target;
    req.path = target;
    req.body = body;
    req.headers = std::move(headers);
    req.remote_address = "127.0.0.1";
    return Dispatch(router_, req);
  }

  json Me(const std::string& username) {
    Response r = Call("GET", "/api/v1/me", "", {{"cookie", SignIn(username)}});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body, nullptr, false);
  }

  std::unique_ptr<store::Store> store_;
  app::FixedClock clock_{app::FixedClock::NoonOf(*text::Date::FromIso("2023-07-01"))};
  app::PasswordHasher hasher_{app::HasherOptions::ForTests()};
  std::unique_ptr<app::Service> service_;
  Router router_;
};

TEST_F(ApiMeTest, SaysWhetherTheUserIsTheChair) {
  json chair = Me("chutich");
  ASSERT_TRUE(chair.is_object());
  EXPECT_EQ(chair["username"], "chutich");
  ASSERT_TRUE(chair.contains("chair"));
  EXPECT_EQ(chair["chair"], true);
  json vice = Me("phochutich");
  ASSERT_TRUE(vice.contains("chair"));
  EXPECT_EQ(vice["chair"], false);
}

// On a server's I/O thread (http/offload.h) a caller not yet cached is looked up elsewhere: the
// request is offloaded before the store is read; once cached, the answer is made there.
TEST_F(ApiMeTest, AnUncachedCallerIsOffloadedFromIoThreads) {
  Result<std::string> token = service_->CreateApiToken(nullptr, "chutich", "test");
  ASSERT_TRUE(token.ok()) << token.status().ToString();
  const std::string cookie = SignIn("phochutich");
  using Headers = std::map<std::string, std::string>;
  IoThreadScope io(true);
  for (const Headers& headers :
       {Headers{{"authorization", "Bearer " + *token}}, Headers{{"cookie", cookie}}}) {
    SCOPED_TRACE(headers.begin()->first);
    EXPECT_TRUE(Call("GET", "/api/v1/me", "", headers).offload);
    {
      IoThreadScope off(false);  // as on the offload thread
      EXPECT_EQ(Call("GET", "/api/v1/me", "", headers).status, 200);
    }
    Response cached = Call("GET", "/api/v1/me", "", headers);
    EXPECT_FALSE(cached.offload);
    EXPECT_EQ(cached.status, 200);
  }
  // A token that is not one is never cached: looked up off the I/O thread each time.
  const Headers wrong{{"authorization", "Bearer nope"}};
  EXPECT_TRUE(Call("GET", "/api/v1/me", "", wrong).offload);
  IoThreadScope off(false);
  EXPECT_EQ(Call("GET", "/api/v1/me", "", wrong).status, 401);
}

}  // namespace
}  // namespace dondoc::http
