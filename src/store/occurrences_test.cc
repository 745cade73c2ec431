// Occurrences of recurring tasks in the store: round trip, the recurring tasks to keep up to
// date, and scorecards that count occurrences instead of their task. Also the Chair flag.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/scorecard.h"
#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::D;

class OccurrencesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenMemory();
    seed_ = testing::SeedStore(*store_);
    t4_ = seed_.task["T4"];  // recurring, lead "toa"
  }

  // Monthly occurrences of T4 for April..July 2023; April done on time.
  void AddMonths() {
    Status st = store_->InTransaction([&](StoreTx& tx) -> Status {
      const char* months[][2] = {{"2023-04-01", "2023-04-30"},
                                 {"2023-05-01", "2023-05-31"},
                                 {"2023-06-01", "2023-06-30"},
                                 {"2023-07-01", "2023-07-31"}};
      for (const auto& m : months) {
        domain::Occurrence o{0, seed_.a, t4_, D(m[0]), D(m[1]), D(m[1]), {}};
        if (std::string(m[0]) == "2023-04-01") o.done_date = D("2023-04-28");
        DONDOC_RETURN_IF_ERROR(tx.CreateOccurrence(o).status());
      }
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  std::unique_ptr<Store> store_;
  testing::Seed seed_;
  Id t4_ = 0;
};

TEST_F(OccurrencesStoreTest, RoundTripAndRecurringTasks) {
  AddMonths();
  auto occ = store_->ListOccurrences(seed_.a, t4_);
  ASSERT_TRUE(occ.ok());
  ASSERT_EQ(occ->size(), 4u);
  EXPECT_EQ((*occ)[0].done_date, D("2023-04-28"));
  EXPECT_EQ((*occ)[3].period_start, D("2023-07-01"));
  EXPECT_FALSE((*occ)[3].done_date.has_value());
  // The same period twice is refused.
  Status dup = store_->InTransaction([&](StoreTx& tx) {
    return tx
        .CreateOccurrence({0, seed_.a, t4_, D("2023-05-01"), D("2023-05-31"), D("2023-05-31"), {}})
        .status();
  });
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
  // Another tenant sees none of them.
  auto other = store_->ListOccurrences(seed_.b, t4_);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());

  auto ids = store_->ListRecurringTaskIds(seed_.a);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<Id>{t4_});
  auto none = store_->ListRecurringTaskIds(seed_.b);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(OccurrencesStoreTest, ThreeMissedMonthsAreThreeOverdueItems) {
  AddMonths();
  struct Case {
    int n;
    const char* as_of;
    long assigned, overdue, done_on_time, in_progress;
  };
  const Case cases[] = {
      {1, "2023-07-05", 4, 2, 1, 1},  // May, June overdue; April done; July current
      {2, "2023-08-02", 4, 3, 1, 0},  // July missed too (August not created: no occurrence)
      {3, "2023-05-10", 2, 0, 1, 1},  // June and July had not begun
      {4, "2023-03-01", 0, 0, 0, 0},  // nothing begun: the unit has no row
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    ScoreFilter f;
    f.by = ScoreGroup::kUnit;
    f.as_of = D(c.as_of);
    auto rows = store_->Scorecards(seed_.a, f);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    domain::ScoreCounts got;
    for (const auto& r : *rows) {
      if (r.key == seed_.unit["toa"]) got = r.counts;
    }
    EXPECT_EQ(got.assigned, c.assigned);
    EXPECT_EQ(got.overdue, c.overdue);
    EXPECT_EQ(got.done_on_time, c.done_on_time);
    EXPECT_EQ(got.in_progress, c.in_progress);
  }
}

// With occurrences present, the database counts still equal the domain rules over ScoreItems,
// for every grouping, several dates, with and without a visibility restriction.
TEST_F(OccurrencesStoreTest, CountsMatchTheDomainRules) {
  AddMonths();
  auto fields = store_->ListFields(seed_.a);
  ASSERT_TRUE(fields.ok());
  const std::vector<const char*> dates = {"2023-03-01", "2023-05-10", "2023-07-01", "2024-01-01"};
  const std::vector<std::optional<std::vector<Id>>> visibility = {
      std::nullopt, std::vector<Id>{seed_.unit["toa"], seed_.unit["tckh"]},
      std::vector<Id>{seed_.unit["congan"]}};
  int n = 0;
  for (ScoreGroup by : {ScoreGroup::kUnit, ScoreGroup::kField, ScoreGroup::kNotice}) {
    for (const char* date : dates) {
      for (const auto& visible : visibility) {
        SCOPED_TRACE("case " + std::to_string(++n) + " " + date);
        ScoreFilter f;
        f.by = by;
        f.as_of = D(date);
        f.visible_unit_ids = visible;
        auto rows = store_->Scorecards(seed_.a, f);
        auto items = store_->ScoreItems(seed_.a, f);
        ASSERT_TRUE(rows.ok()) << rows.status().ToString();
        ASSERT_TRUE(items.ok());
        std::vector<domain::ScoreRow> want;
        switch (by) {
          case ScoreGroup::kUnit:
            want = domain::ScoreByUnit(*items, f.as_of);
            break;
          case ScoreGroup::kField:
            want = domain::ScoreByField(*items, *fields, f.as_of);
            break;
          case ScoreGroup::kNotice:
            want = domain::ScoreByNotice(*items, f.as_of);
            break;
        }
        ASSERT_EQ(rows->size(), want.size());
        for (size_t i = 0; i < want.size(); ++i) {
          EXPECT_EQ((*rows)[i].key, want[i].key);
          EXPECT_EQ((*rows)[i].counts, want[i].counts);
        }
      }
    }
  }
}

TEST_F(OccurrencesStoreTest, ChairFlagRoundTrip) {
  domain::User u;
  u.tenant_id = seed_.a;
  u.username = "chutich";
  u.role = domain::Role::kLeader;
  u.chair = true;
  Id id = 0;
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    DONDOC_ASSIGN_OR_RETURN(id, tx.CreateUser(u));
                    return Status::Ok();
                  })
                  .ok());
  auto got = store_->GetUser(seed_.a, id);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->chair);
  got->chair = false;
  ASSERT_TRUE(store_->InTransaction([&](StoreTx& tx) { return tx.UpdateUser(*got); }).ok());
  EXPECT_FALSE(store_->GetUser(seed_.a, id)->chair);
  auto listed = store_->ListUsers(seed_.a);
  ASSERT_TRUE(listed.ok());
  for (const auto& x : *listed) EXPECT_FALSE(x.chair) << x.username;
}

}  // namespace
}  // namespace dondoc::store
