#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::D;
using TS = domain::TaskState;

class ListTasksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenMemory();
    seed_ = testing::SeedStore(*store_);
  }

  // Refs of the page, in order.
  std::vector<std::string> Refs(const Page<domain::Task>& page) {
    std::vector<std::string> out;
    for (const auto& t : page.items) out.push_back(t.ref);
    return out;
  }

  std::unique_ptr<Store> store_;
  testing::Seed seed_;
};

TEST_F(ListTasksTest, FiltersTable) {
  auto& u = seed_.unit;
  struct Case {
    int n;
    TaskFilter f;
    std::vector<std::string> want;  // sorted by due (kDueAsc), nulls last
  };
  auto F = [](auto fn) {
    TaskFilter f;
    f.as_of = D("2023-07-01");
    fn(f);
    return f;
  };
  const Case cases[] = {
      {1, F([](TaskFilter&) {}), {"T5", "T3", "T6", "T1", "T2", "T4"}},
      {2, F([&](TaskFilter& f) { f.unit_id = u["ubnd"]; }), {"T5", "T3", "T6", "T1", "T2", "T4"}},
      {3, F([&](TaskFilter& f) { f.unit_id = u["phoan"]; }), {"T3", "T6", "T4"}},
      {4,
       F([&](TaskFilter& f) {
         f.unit_id = u["phoan"];
         f.include_sub_units = false;
       }),
       {"T3", "T6"}},
      {5,
       F([&](TaskFilter& f) {
         f.unit_id = u["tckh"];
         f.role = domain::UnitRole::kLead;
       }),
       {"T5", "T1"}},
      {6,
       F([&](TaskFilter& f) {
         f.unit_id = u["tckh"];
         f.role = domain::UnitRole::kSupport;
       }),
       {"T3"}},
      {7, F([](TaskFilter& f) { f.overdue_only = true; }), {"T6", "T1"}},
      {8, F([](TaskFilter& f) { f.states = {TS::kDoneLate}; }), {"T3"}},
      {9, F([](TaskFilter& f) { f.states = {TS::kDoneOnTime}; }), {}},
      {10, F([](TaskFilter& f) { f.states = {TS::kPaused}; }), {"T5"}},
      {11,
       F([](TaskFilter& f) {
         f.states = {TS::kDoneOnTime};
         f.as_of = D("2023-07-20");
       }),
       {"T2"}},
      {12,
       F([](TaskFilter& f) {
         f.states = {TS::kOverdue, TS::kPendingConfirmation};
       }),
       {"T6", "T1"}},
      {13, F([](TaskFilter& f) { f.due_before = D("2023-06-25"); }), {"T5", "T3", "T6"}},
      {14, F([](TaskFilter& f) { f.due_after = D("2023-07-01"); }), {"T2"}},
      {15,
       F([&](TaskFilter& f) { f.notice_id = seed_.notice1; }),
       {"T5", "T3", "T6", "T1", "T2", "T4"}},
      {16, F([&](TaskFilter& f) { f.notice_id = seed_.notice2; }), {}},
      {17,
       F([&](TaskFilter& f) {
         f.notice_id = seed_.notice2;
         f.include_drafts = true;
       }),
       {"T7"}},
      {18, F([&](TaskFilter& f) { f.field_id = seed_.field["kinhte"]; }), {"T5", "T3", "T6", "T1"}},
      {19,
       F([&](TaskFilter& f) { f.visible_unit_ids = std::vector<Id>{u["congan"]}; }),
       {"T1", "T2"}},
      {20, F([](TaskFilter& f) { f.visible_unit_ids = std::vector<Id>{}; }), {}},
      {21,
       F([&](TaskFilter& f) {
         f.visible_unit_ids = std::vector<Id>{u["congan"]};
         f.role = domain::UnitRole::kLead;
       }),
       {"T2"}},
      {22, F([](TaskFilter& f) { f.q = "giai ngan"; }), {"T1"}},
      {23, F([](TaskFilter& f) { f.q = "dau tu"; }), {"T1"}},
      {24, F([](TaskFilter& f) { f.q = "ngan"; }), {"T3", "T1"}},
      {25,
       F([&](TaskFilter& f) {
         f.q = "ngan";
         f.unit_id = u["phoan"];
       }),
       {"T3"}},
      // T2 was done on 10/7: as of 1/7 it was still in progress.
      {26, F([](TaskFilter& f) { f.states = {TS::kInProgress}; }), {"T2", "T4"}},
      {27,
       F([](TaskFilter& f) {
         f.states = {TS::kInProgress};
         f.as_of = D("2023-07-20");
       }),
       {"T4"}},
      {28, F([](TaskFilter& f) { f.unit_id = 9999; }), {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    auto page = store_->ListTasks(seed_.a, c.f);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(Refs(*page), c.want);
    EXPECT_EQ(page->total, static_cast<long>(c.want.size()));
  }
}

TEST_F(ListTasksTest, SortsAndPages) {
  struct Case {
    int n;
    TaskSort sort;
    int limit;
    int offset;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {1, TaskSort::kDueAsc, 2, 0, {"T5", "T3"}},
      {2, TaskSort::kDueAsc, 2, 4, {"T2", "T4"}},
      {3, TaskSort::kDueDesc, 3, 0, {"T2", "T1", "T6"}},
      {4, TaskSort::kIdAsc, 3, 0, {"T1", "T2", "T3"}},
      {5, TaskSort::kCreatedDesc, 2, 0, {"T6", "T5"}},
      {6, TaskSort::kDueAsc, 0, 0, {}},
      {7, TaskSort::kDueAsc, 10, 100, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    TaskFilter f;
    f.sort = c.sort;
    f.limit = c.limit;
    f.offset = c.offset;
    auto page = store_->ListTasks(seed_.a, f);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(Refs(*page), c.want);
    EXPECT_EQ(page->total, 6);
  }
}

TEST_F(ListTasksTest, ItemsCarryTheirUnits) {
  TaskFilter f;
  f.q = "giai ngan";
  auto page = store_->ListTasks(seed_.a, f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].lead_unit_ids, std::vector<Id>{seed_.unit["tckh"]});
  EXPECT_EQ(page->items[0].support_unit_ids, std::vector<Id>{seed_.unit["congan"]});
  EXPECT_EQ(page->items[0].due, D("2023-06-30"));
}

TEST_F(ListTasksTest, DraftsBecomeVisibleOnActivation) {
  TaskFilter f;
  f.notice_id = seed_.notice2;
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 0);
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) {
                    return tx.ActivateNotice(seed_.a, seed_.notice2, testing::kT0);
                  })
                  .ok());
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 1);
  Status again = store_->InTransaction(
      [&](StoreTx& tx) { return tx.ActivateNotice(seed_.a, seed_.notice2, testing::kT0); });
  EXPECT_EQ(again.code(), StatusCode::kConflict);
}

TEST_F(ListTasksTest, UnitListsFollowTaskUpdates) {
  const Id tckh = seed_.unit["tckh"];
  auto overdue_refs = [&] {
    TaskFilter f;
    f.as_of = D("2023-07-01");
    f.unit_id = tckh;
    f.overdue_only = true;
    return Refs(*store_->ListTasks(seed_.a, f));
  };
  EXPECT_EQ(overdue_refs(), std::vector<std::string>{"T1"});
  std::uint64_t v0 = store_->DataVersion();
  // Status and due change, units unchanged: the unit's rows follow.
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, seed_.task["T1"]));
                    t.due = D("2023-07-31");
                    return tx.UpdateTask(t);
                  })
                  .ok());
  EXPECT_GT(store_->DataVersion(), v0);
  EXPECT_TRUE(overdue_refs().empty());
  // Units change: T6 moves from Phổ An to TC-KH.
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, seed_.task["T6"]));
                    t.lead_unit_ids = {tckh};
                    return tx.UpdateTask(t);
                  })
                  .ok());
  EXPECT_EQ(overdue_refs(), std::vector<std::string>{"T6"});
  TaskFilter f;
  f.unit_id = seed_.unit["phoan"];
  f.include_sub_units = false;
  EXPECT_EQ(Refs(*store_->ListTasks(seed_.a, f)), std::vector<std::string>{"T3"});
}

// Every task of the tenant is under the root unit, so the multi-unit path (deduplicated and
// sorted in C++) must give the same pages as the unfiltered path (sorted by SQL).
TEST_F(ListTasksTest, MultiUnitPagesMatchSqlOrder) {
  // Same due dates for two tasks, to exercise the tie-breaks.
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, seed_.task["T2"]));
                    t.due = D("2023-06-30");
                    t.updated_at = testing::kT0 + 5;
                    return tx.UpdateTask(t);
                  })
                  .ok());
  struct Case {
    int n;
    TaskSort sort;
    int limit;
    int offset;
  };
  const Case cases[] = {
      {1, TaskSort::kDueAsc, 50, 0},      {2, TaskSort::kDueDesc, 50, 0},
      {3, TaskSort::kCreatedDesc, 50, 0}, {4, TaskSort::kIdAsc, 50, 0},
      {5, TaskSort::kUpdatedDesc, 50, 0}, {6, TaskSort::kRank, 50, 0},
      {7, TaskSort::kDueAsc, 2, 3},       {8, TaskSort::kDueDesc, 4, 5},
      {9, TaskSort::kDueAsc, 3, 6},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    TaskFilter all;
    all.sort = c.sort;
    all.limit = c.limit;
    all.offset = c.offset;
    TaskFilter under_root = all;
    under_root.unit_id = seed_.unit["ubnd"];
    auto a = store_->ListTasks(seed_.a, all);
    auto b = store_->ListTasks(seed_.a, under_root);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(Refs(*a), Refs(*b));
    EXPECT_EQ(a->total, 6);
    EXPECT_EQ(b->total, 6);
  }
}

}  // namespace
}  // namespace dondoc::store
