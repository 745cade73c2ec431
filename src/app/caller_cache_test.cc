// The cache of authenticated callers: it answers only for the data version and the age it was
// filled at, and a signed-out, disabled or changed user is never served from it.
#include "app/caller_cache.h"

#include <gtest/gtest.h>

#include <memory>

#include "app/service.h"
#include "store/sqlite_store.h"

namespace dondoc::app {
namespace {

CachedCaller Of(Id user_id) {
  CachedCaller c;
  c.caller.user.id = user_id;
  return c;
}

TEST(CallerCacheTest, AnswersOnlyAtItsVersionAndAge) {
  CallerCache cache(100, 5);
  cache.Put("b:x", 7, 1000, Of(1));
  ASSERT_TRUE(cache.Get("b:x", 7, 1000).has_value());
  EXPECT_EQ(cache.Get("b:x", 7, 1004)->caller.id(), 1);
  EXPECT_FALSE(cache.Get("b:y", 7, 1000).has_value());
  EXPECT_FALSE(cache.Get("b:x", 8, 1000).has_value());  // a commit since
  EXPECT_FALSE(cache.Get("b:x", 7, 1005).has_value());  // too old
  EXPECT_FALSE(cache.Get("b:x", 7, 1000).has_value());  // and dropped
}

TEST(CallerCacheTest, ANewerVersionDropsOlderEntriesAndAnOlderPutIsIgnored) {
  CallerCache cache(100, 5);
  cache.Put("b:x", 7, 1000, Of(1));
  cache.Put("b:y", 8, 1000, Of(2));
  EXPECT_FALSE(cache.Get("b:x", 8, 1000).has_value());
  EXPECT_EQ(cache.Get("b:y", 8, 1000)->caller.id(), 2);
  cache.Put("b:x", 7, 1000, Of(1));  // read before the commit of version 8
  EXPECT_FALSE(cache.Get("b:x", 7, 1000).has_value());
  EXPECT_FALSE(cache.Get("b:x", 8, 1000).has_value());
}

TEST(CallerCacheTest, HoldsAtMostMaxEntries) {
  CallerCache cache(2, 5);
  cache.Put("a", 1, 0, Of(1));
  cache.Put("b", 1, 0, Of(2));
  cache.Put("c", 1, 0, Of(3));  // full: the others go
  EXPECT_FALSE(cache.Get("a", 1, 0).has_value());
  EXPECT_EQ(cache.Get("c", 1, 0)->caller.id(), 3);
}

// A Service over an in-memory store with one unit and two users.
struct Tenant {
  std::unique_ptr<store::Store> store;
  FixedClock clock{FixedClock::NoonOf(*text::Date::FromIso("2024-03-01"))};
  PasswordHasher hasher{HasherOptions::ForTests()};
  Id tenant = 0, unit = 0;
  std::unique_ptr<Service> service;

  Tenant() {
    store::SqliteOptions o;
    o.path = ":memory:";
    store = std::move(store::OpenSqliteStore(o)).value();
    Status st = store->InTransaction([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(tenant, tx.CreateTenant({0, "t", "T", 0}));
      domain::Unit u;
      u.tenant_id = tenant;
      u.name = "A";
      DONDOC_ASSIGN_OR_RETURN(unit, tx.CreateUnit(u));
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    service = std::make_unique<Service>(*store, clock, hasher, tenant);
    for (const char* name : {"office", "clerk"}) {
      domain::User u;
      u.username = name;
      u.role = std::string(name) == "office" ? domain::Role::kOffice : domain::Role::kUnit;
      if (u.role == domain::Role::kUnit) u.unit_id = unit;
      EXPECT_TRUE(service->CreateUser(nullptr, u, "password123").ok());
    }
  }
};

TEST(ServiceCallerCacheTest, TokensOfDifferentUsersGetTheirOwnCallers) {
  Tenant t;
  std::string office = t.service->CreateApiToken(nullptr, "office", "o").value();
  std::string clerk = t.service->CreateApiToken(nullptr, "clerk", "c").value();
  for (int i = 0; i < 2; ++i) {  // the second round comes from the cache
    Result<Caller> a = t.service->AuthenticateBearer(office);
    Result<Caller> b = t.service->AuthenticateBearer(clerk);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->user.username, "office");
    EXPECT_FALSE(a->scope_units.has_value());
    EXPECT_EQ(b->user.username, "clerk");
    ASSERT_TRUE(b->scope_units.has_value());
    EXPECT_EQ(*b->scope_units, std::vector<Id>{t.unit});
  }
  // A session token is not a Bearer token, even once the Bearer one is cached.
  EXPECT_FALSE(t.service->AuthenticateSession(office).ok());
}

TEST(ServiceCallerCacheTest, ADisabledUserIsRefusedAtOnce) {
  Tenant t;
  std::string token = t.service->CreateApiToken(nullptr, "clerk", "c").value();
  ASSERT_TRUE(t.service->AuthenticateBearer(token).ok());
  ASSERT_TRUE(t.service->AuthenticateBearer(token).ok());
  ASSERT_TRUE(t.service->DisableUser(nullptr, "clerk").ok());
  EXPECT_EQ(t.service->AuthenticateBearer(token).status().code(), StatusCode::kUnauthenticated);
}

TEST(ServiceCallerCacheTest, AChangedRoleIsSeenAtOnce) {
  Tenant t;
  std::string token = t.service->CreateApiToken(nullptr, "clerk", "c").value();
  ASSERT_EQ(t.service->AuthenticateBearer(token)->role(), domain::Role::kUnit);
  domain::User u = t.store->FindUserByUsername(t.tenant, "clerk").value();
  u.role = domain::Role::kViewer;
  u.unit_id.reset();
  ASSERT_TRUE(t.service->UpdateUser(nullptr, u).ok());
  Result<Caller> c = t.service->AuthenticateBearer(token);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->role(), domain::Role::kViewer);
  EXPECT_FALSE(c->scope_units.has_value());
}

TEST(ServiceCallerCacheTest, SignOutEndsTheSessionAtOnce) {
  Tenant t;
  Result<LoginResult> login = t.service->Login("clerk", "password123", "1.2.3.4");
  ASSERT_TRUE(login.ok());
  Result<Caller> c = t.service->AuthenticateSession(login->token);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->csrf, login->csrf);
  ASSERT_TRUE(t.service->AuthenticateSession(login->token).ok());
  ASSERT_TRUE(t.service->Logout(*c).ok());
  EXPECT_EQ(t.service->AuthenticateSession(login->token).status().code(),
            StatusCode::kUnauthenticated);
}

TEST(ServiceCallerCacheTest, IdleAndAbsoluteExpiryHoldForCachedSessions) {
  Tenant t;
  Result<LoginResult> login = t.service->Login("clerk", "password123", "1.2.3.4");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(t.service->AuthenticateSession(login->token).ok());
  t.clock.Advance(2 * 3600);  // the default idle limit, with no request in between
  EXPECT_EQ(t.service->AuthenticateSession(login->token).status().code(),
            StatusCode::kUnauthenticated);

  Result<LoginResult> again = t.service->Login("clerk", "password123", "1.2.3.4");
  ASSERT_TRUE(again.ok());
  // A request every half hour keeps it alive until the absolute limit of 12 hours.
  for (int i = 0; i < 23; ++i) {
    ASSERT_TRUE(t.service->AuthenticateSession(again->token).ok()) << i;
    ASSERT_TRUE(t.service->AuthenticateSession(again->token).ok()) << i;
    t.clock.Advance(1800);
  }
  t.clock.Advance(1800);
  EXPECT_FALSE(t.service->AuthenticateSession(again->token).ok());
}

}  // namespace
}  // namespace dondoc::app
