// Whole-answer caching of the read routes: a repeated question is answered from the cache
// only at the same data version, and never to a caller who may not see the answer.
#include "http/body_cache.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "app/service.h"
#include "app/test_tenant.h"
#include "http/api.h"
#include "http/dispatch.h"

namespace dondoc::http {
namespace {

using nlohmann::json;

SharedBody Body(std::string s) { return std::make_shared<const std::string>(std::move(s)); }

TEST(BodyCacheTest, AnswersOnlyAtItsVersion) {
  std::uint64_t version = 3;
  BodyCache cache([&] { return version; }, 1 << 20);
  ASSERT_TRUE(cache.enabled());
  cache.Put("k", 3, Body("a"));
  ASSERT_TRUE(cache.Get("k", 3));
  EXPECT_EQ(*cache.Get("k", 3), "a");
  EXPECT_FALSE(cache.Get("other", 3));
  EXPECT_FALSE(cache.Get("k", 4));
  cache.Put("j", 4, Body("b"));  // a newer version drops the older entries
  EXPECT_FALSE(cache.Get("k", 3));
  cache.Put("k", 3, Body("a"));  // read before the commit of version 4: not kept
  EXPECT_FALSE(cache.Get("k", 4));
  EXPECT_EQ(*cache.Get("j", 4), "b");
}

TEST(BodyCacheTest, KeepsAtMostMaxBytesDroppingTheLeastRecentlyUsed) {
  BodyCache cache([] { return 1; }, 400);
  cache.Put("big", 1, Body(std::string(200, 'x')));  // over a quarter: never kept
  EXPECT_FALSE(cache.Get("big", 1));
  for (const char* k : {"a", "b", "c", "d"}) cache.Put(k, 1, Body(std::string(90, *k)));
  EXPECT_EQ(cache.bytes(), 4 * 92u);  // body and twice the key
  ASSERT_TRUE(cache.Get("a", 1));     // "a" is now the most recently used, "b" the least
  cache.Put("e", 1, Body(std::string(90, 'e')));  // no room: "b" goes, alone
  EXPECT_FALSE(cache.Get("b", 1));
  for (const char* k : {"a", "c", "d", "e"}) {
    ASSERT_TRUE(cache.Get(k, 1)) << k;
    EXPECT_EQ(*cache.Get(k, 1), std::string(90, *k));
  }
  EXPECT_EQ(cache.bytes(), 4 * 92u);
  cache.Put("a", 1, Body("other"));  // an entry kept already stays
  EXPECT_EQ(*cache.Get("a", 1), std::string(90, 'a'));
}

TEST(BodyCacheTest, WithoutAVersionNothingIsKept) {
  BodyCache cache(nullptr, 1 << 20);
  int calls = 0;
  auto h = [&] {
    ++calls;
    return JsonBody(std::make_shared<const std::string>("{}"));
  };
  CachedJson(cache, "k", h);
  CachedJson(cache, "k", h);
  EXPECT_EQ(calls, 2);
}

TEST(BodyCacheTest, OnlyOkJsonAnswersAreKept) {
  BodyCache cache([] { return 1; }, 1 << 20);
  int calls = 0;
  auto error = [&] {
    ++calls;
    return Response::Error(404, "not_found", "no");
  };
  EXPECT_EQ(CachedJson(cache, "e", error).status, 404);
  EXPECT_EQ(CachedJson(cache, "e", error).status, 404);
  EXPECT_EQ(calls, 2);
  auto ok = [&] {
    ++calls;
    Response r;
    r.body = "{\"a\":1}";
    return r;
  };
  CachedJson(cache, "o", ok);
  EXPECT_EQ(CachedJson(cache, "o", ok).Body(), "{\"a\":1}");
  EXPECT_EQ(calls, 3);
  CachedJson(cache, "n", ok, [] { return false; });  // the day ended meanwhile
  CachedJson(cache, "n", ok);
  EXPECT_EQ(calls, 5);
}

// Units A and B, an active notice with task TA (lead A) and TB (lead B), the Office and a
// user of each unit with a Bearer token; the API with caching on.
class CachedApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_.Build([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(unit_a_, t_.AddUnit(tx, "A"));
      DONDOC_ASSIGN_OR_RETURN(unit_b_, t_.AddUnit(tx, "B"));
      DONDOC_ASSIGN_OR_RETURN(domain::Id notice, t_.AddNotice(tx, "text", "aa"));
      domain::Task t;
      t.tenant_id = t_.tenant;
      t.notice_id = notice;
      t.text = "Task of A";
      t.lead_unit_ids = {unit_a_};
      t.due = text::Date::FromIso("2023-08-01");
      DONDOC_ASSIGN_OR_RETURN(task_a_, tx.CreateTask(t));
      t.text = "Task of B";
      t.lead_unit_ids = {unit_b_};
      DONDOC_ASSIGN_OR_RETURN(task_b_, tx.CreateTask(t));
      return tx.ActivateNotice(t_.tenant, notice, 1);
    });
    for (const char* name : {"office", "clerk_a", "clerk_b"}) {
      std::string n = name;
      t_.AddUser(n, n == "office" ? domain::Role::kOffice : domain::Role::kUnit,
                 n == "clerk_a"   ? std::optional<domain::Id>(unit_a_)
                 : n == "clerk_b" ? std::optional<domain::Id>(unit_b_)
                                  : std::nullopt);
      tokens_[n] = t_.service->CreateApiToken(nullptr, n, "test").value();
    }
    ApiOptions options;
    options.data_version = [this] { return t_.store->DataVersion(); };
    RegisterApi(router_, *t_.service, options);
  }

  Response Get(const std::string& who, const std::string& target) {
    return Call("GET", who, target, "");
  }
  Response Call(const std::string& method, const std::string& who, const std::string& target,
                const std::string& body) {
    Request req;
    req.method = method;
    req.target = target;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query_string = target.substr(q + 1);
    req.body = body;
    req.headers["authorization"] = "Bearer " + tokens_[who];
    if (!body.empty()) req.headers["content-type"] = "application/json";
    req.remote_address = "127.0.0.1";
    return Dispatch(router_, req);
  }
  static std::vector<domain::Id> Ids(const Response& r) {
    std::vector<domain::Id> ids;
    const json j = json::parse(r.Body());
    for (const auto& item : j["items"]) ids.push_back(item["id"].get<domain::Id>());
    return ids;
  }

  app::testing::TestTenant t_{*text::Date::FromIso("2023-07-01")};
  Router router_;
  domain::Id unit_a_ = 0, unit_b_ = 0, task_a_ = 0, task_b_ = 0;
  std::map<std::string, std::string> tokens_;
};

TEST_F(CachedApiTest, ATaskSeenByOneCallerIsStillRefusedToAnother) {
  const std::string path = "/api/v1/tasks/" + std::to_string(task_a_);
  Response office = Get("office", path);
  ASSERT_EQ(office.status, 200);
  EXPECT_EQ(Get("office", path).Body(), office.Body());
  EXPECT_EQ(Get("clerk_b", path).status, 404);
  EXPECT_EQ(Get("clerk_b", path).status, 404);
  Response a = Get("clerk_a", path);
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.Body(), office.Body());
  // And the other way round: first asked by someone who may not see it.
  const std::string other = "/api/v1/tasks/" + std::to_string(task_b_);
  EXPECT_EQ(Get("clerk_a", other).status, 404);
  EXPECT_EQ(Get("clerk_b", other).status, 200);
  EXPECT_EQ(Get("clerk_a", other).status, 404);
}

TEST_F(CachedApiTest, ListsAreKeptPerCallerView) {
  const std::string path = "/api/v1/tasks?limit=25";
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(Ids(Get("clerk_a", path)), std::vector<domain::Id>{task_a_});
    EXPECT_EQ(Ids(Get("clerk_b", path)), std::vector<domain::Id>{task_b_});
    EXPECT_EQ(Ids(Get("office", path)), (std::vector<domain::Id>{task_a_, task_b_}));
  }
}

TEST_F(CachedApiTest, ScorecardsAreKeptPerCallerView) {
  const std::string path = "/api/v1/scorecards?by=unit";
  for (int round = 0; round < 2; ++round) {
    std::vector<domain::Id> office = Ids(Get("office", path));
    std::vector<domain::Id> a = Ids(Get("clerk_a", path));
    EXPECT_EQ(office.size(), 2u);
    EXPECT_EQ(a, std::vector<domain::Id>{unit_a_});
  }
}

TEST_F(CachedApiTest, AWriteIsSeenByTheNextRead) {
  const std::string task = "/api/v1/tasks/" + std::to_string(task_a_);
  const std::string list = "/api/v1/tasks?limit=25";
  ASSERT_EQ(json::parse(Get("clerk_a", task).Body())["progress"], 0);
  ASSERT_EQ(json::parse(Get("clerk_a", list).Body())["items"][0]["progress"], 0);
  Response posted = Call("POST", "clerk_a", task + "/reports", R"({"text":"half","percent":50})");
  ASSERT_EQ(posted.status, 201) << posted.Body();
  json after = json::parse(Get("clerk_a", task).Body());
  EXPECT_EQ(after["progress"], 50);
  EXPECT_EQ(after["reports"].size(), 1u);
  EXPECT_EQ(json::parse(Get("clerk_a", list).Body())["items"][0]["progress"], 50);
  // The answer to the post carries the task as the post left it: what a read now says of it.
  auto expect_task_as_read = [&](const Response& post) {
    const json task_in_answer = json::parse(post.Body())["task"];
    const json read = json::parse(Get("clerk_a", task).Body());
    ASSERT_TRUE(task_in_answer.is_object()) << post.Body();
    for (const auto& [key, value] : task_in_answer.items()) {
      EXPECT_EQ(value, read[key]) << key;
    }
  };
  expect_task_as_read(posted);
  posted = Call("POST", "clerk_a", task + "/reports", R"({"text":"xong","done":true})");
  ASSERT_EQ(posted.status, 201) << posted.Body();
  EXPECT_EQ(json::parse(posted.Body())["task"]["progress"], 100);
  expect_task_as_read(posted);
}

TEST_F(CachedApiTest, ANewDayIsANewQuestion) {
  const std::string list = "/api/v1/tasks?overdue=true";
  EXPECT_TRUE(Ids(Get("office", list)).empty());
  t_.clock.Set(app::FixedClock::NoonOf(*text::Date::FromIso("2023-08-02")));  // past the due date
  EXPECT_EQ(Ids(Get("office", list)), (std::vector<domain::Id>{task_a_, task_b_}));
}

}  // namespace
}  // namespace dondoc::http
