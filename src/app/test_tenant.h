// Builders shared by the app tests: an in-memory store holding one tenant, its units and
// notices written straight through the store, a Service over a fixed clock, and users created
// through the Service (so their passwords are hashed as in production).
#ifndef DONDOC_APP_TEST_TENANT_H_
#define DONDOC_APP_TEST_TENANT_H_

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/service.h"
#include "store/sqlite_store.h"

namespace dondoc::app::testing {

inline text::Date D(const char* iso) { return *text::Date::FromIso(iso); }

struct TestTenant {
  std::unique_ptr<store::Store> store;
  FixedClock clock;
  PasswordHasher hasher{HasherOptions::ForTests()};
  Id tenant = 0;
  std::unique_ptr<Service> service;

  // The clock stands at noon (Vietnam) of `today`.
  explicit TestTenant(text::Date today) : clock(FixedClock::NoonOf(today)) {
    store::SqliteOptions o;
    o.path = ":memory:";
    store = std::move(store::OpenSqliteStore(o)).value();
  }

  // Creates the tenant "t", runs `fill` in the same transaction, then makes the Service. Fails
  // the calling test when any step fails.
  void Build(const std::function<Status(store::StoreTx&)>& fill) {
    Status st = store->InTransaction([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(tenant, tx.CreateTenant({0, "t", "T", 0}));
      return fill(tx);
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    service = std::make_unique<Service>(*store, clock, hasher, tenant);
  }

  Result<Id> AddUnit(store::StoreTx& tx, const std::string& name,
                     std::optional<Id> parent = std::nullopt) {
    domain::Unit u;
    u.tenant_id = tenant;
    u.name = name;
    u.parent_id = parent;
    return tx.CreateUnit(u);
  }

  Result<Id> AddNotice(store::StoreTx& tx, const std::string& text, const std::string& sha256) {
    domain::Notice n;
    n.tenant_id = tenant;
    n.text = text;
    n.sha256 = sha256;
    return tx.CreateNotice(n);
  }

  // A user made by the Service with the password "password123", and the Caller it signs in as.
  Caller AddUser(const std::string& name, domain::Role role, std::optional<Id> unit,
                 std::vector<Id> fields = {}, bool chair = false) {
    domain::User u;
    u.username = name;
    u.role = role;
    u.unit_id = unit;
    u.field_ids = std::move(fields);
    u.chair = chair;
    Result<domain::User> created = service->CreateUser(nullptr, u, "password123");
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    if (!created.ok()) return Caller();
    return std::move(service->CallerFor(created->id)).value();
  }
};

}  // namespace dondoc::app::testing

#endif  // DONDOC_APP_TEST_TENANT_H_
