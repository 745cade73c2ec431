#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/scorecard.h"
#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::D;

class ScorecardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenMemory();
    seed_ = testing::SeedStore(*store_);
  }
  std::unique_ptr<Store> store_;
  testing::Seed seed_;
};

// The counts computed by SQL equal domain::ScoreBy* over the same tasks, for every grouping,
// several dates and with or without a visibility restriction.
TEST_F(ScorecardsTest, DatabaseCountsMatchTheDomainRules) {
  auto fields = store_->ListFields(seed_.a);
  ASSERT_TRUE(fields.ok());
  const std::vector<const char*> dates = {"2023-05-01", "2023-06-20", "2023-06-25",
                                          "2023-07-01", "2023-07-12", "2024-01-01"};
  const std::vector<std::optional<std::vector<Id>>> visibility = {
      std::nullopt, std::vector<Id>{seed_.unit["tckh"], seed_.unit["phoan"]}};
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
          EXPECT_EQ((*rows)[i].counts, want[i].counts) << "row " << i;
        }
      }
    }
  }
}

TEST_F(ScorecardsTest, ByUnitAsOfJulyFirst) {
  ScoreFilter f;
  f.as_of = D("2023-07-01");
  auto rows = store_->Scorecards(seed_.a, f);
  ASSERT_TRUE(rows.ok());
  struct Case {
    int n;
    Id unit;
    domain::ScoreCounts want;  // assigned, not_due, in_progress, on_time, late, overdue, paused
  };
  const Case cases[] = {
      {1, seed_.unit["tckh"], {2, 0, 0, 0, 0, 1, 1}},    // T1 overdue, T5 paused
      {2, seed_.unit["congan"], {1, 1, 1, 0, 0, 0, 0}},  // T2 done 10/7: not yet as of 1/7
      {3, seed_.unit["phoan"], {2, 0, 0, 0, 1, 1, 0}},   // T3 late, T6 pending but overdue
      {4, seed_.unit["toa"], {1, 1, 1, 0, 0, 0, 0}},     // T4 no due date
  };
  ASSERT_EQ(rows->size(), 4u);
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    auto it = std::find_if(rows->begin(), rows->end(),
                           [&](const domain::ScoreRow& r) { return r.key == c.unit; });
    ASSERT_NE(it, rows->end());
    EXPECT_EQ(it->counts, c.want);
  }
  // phoan: due = 2, done 1 → 50%, overdue 1 → 50%.
  auto phoan = std::find_if(rows->begin(), rows->end(), [&](const domain::ScoreRow& r) {
    return r.key == seed_.unit["phoan"];
  });
  EXPECT_DOUBLE_EQ(phoan->counts.completion_rate(), 0.5);
  EXPECT_DOUBLE_EQ(phoan->counts.overdue_rate(), 0.5);
}

TEST_F(ScorecardsTest, DraftTasksAreNotCounted) {
  ScoreFilter f;
  f.by = ScoreGroup::kNotice;
  f.as_of = D("2023-07-01");
  auto rows = store_->Scorecards(seed_.a, f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].key, seed_.notice1);
  EXPECT_EQ((*rows)[0].counts.assigned, 6);
}

}  // namespace
}  // namespace dondoc::store
