#include "store/result_cache.h"

#include <gtest/gtest.h>

namespace dondoc::store {
namespace {

TEST(FilterKeyTest, DifferentQuestionsGetDifferentKeys) {
  TaskFilter base;
  base.as_of = text::Date{2026, 11, 28};
  struct Case {
    int n;
    TaskFilter f;
  };
  std::vector<Case> cases;
  for (int n = 1; n <= 6; ++n) cases.push_back({n, base});
  cases[1].f.visible_unit_ids = std::vector<Id>{1, 2};
  cases[2].f.visible_unit_ids = std::vector<Id>{1};
  cases[3].f.offset = 25;
  cases[4].f.q = "giai ngan";
  cases[5].f.states = {domain::TaskState::kOverdue};
  for (size_t i = 0; i < cases.size(); ++i) {
    for (size_t j = i + 1; j < cases.size(); ++j) {
      EXPECT_NE(TaskFilterKey(1, cases[i].f), TaskFilterKey(1, cases[j].f))
          << "cases " << cases[i].n << " and " << cases[j].n;
    }
  }
  EXPECT_NE(TaskFilterKey(1, base), TaskFilterKey(2, base));
  ScoreFilter s;
  ScoreFilter t;
  t.visible_unit_ids = std::vector<Id>{};
  EXPECT_NE(ScoreFilterKey(1, s), ScoreFilterKey(1, t));
}

}  // namespace
}  // namespace dondoc::store
