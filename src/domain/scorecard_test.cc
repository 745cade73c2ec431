#include "domain/scorecard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dondoc::domain {
namespace {

using text::Date;

std::optional<Date> D(const char* iso) { return Date::FromIso(iso); }

TEST(ScorecardTest, TallyTable) {
  // as_of 2023-07-01.
  struct Case {
    int n;
    StatusFacts f;
    ScoreCounts want;  // assigned, not_due, in_progress, on_time, late, overdue, paused
  };
  const Case cases[] = {
      {1, {StoredStatus::kOpen, D("2023-07-10"), {}, {}}, {1, 1, 1, 0, 0, 0, 0}},
      {2, {StoredStatus::kOpen, D("2023-07-01"), {}, {}}, {1, 0, 1, 0, 0, 0, 0}},
      {3, {StoredStatus::kOpen, D("2023-06-30"), {}, {}}, {1, 0, 0, 0, 0, 1, 0}},
      {4, {StoredStatus::kOpen, {}, {}, {}}, {1, 1, 1, 0, 0, 0, 0}},
      {5, {StoredStatus::kDone, D("2023-06-30"), D("2023-06-29"), {}}, {1, 0, 0, 1, 0, 0, 0}},
      {6, {StoredStatus::kDone, D("2023-06-20"), D("2023-06-29"), {}}, {1, 0, 0, 0, 1, 0, 0}},
      {7, {StoredStatus::kDone, D("2023-06-20"), D("2023-07-05"), {}}, {1, 0, 0, 0, 0, 1, 0}},
      {8, {StoredStatus::kPaused, D("2023-06-20"), {}, {}}, {1, 0, 0, 0, 0, 0, 1}},
      {9, {StoredStatus::kPendingConfirmation, D("2023-06-20"), {}, {}}, {1, 0, 0, 0, 0, 1, 0}},
      {10, {StoredStatus::kReturned, D("2023-08-20"), {}, {}}, {1, 1, 1, 0, 0, 0, 0}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    ScoreCounts got;
    Tally(c.f, *D("2023-07-01"), &got);
    EXPECT_EQ(got, c.want);
  }
}

TEST(ScorecardTest, RatesTable) {
  struct Case {
    int n;
    ScoreCounts c;
    long due;
    double completion;
    double overdue;
  };
  const Case cases[] = {
      {1, {}, 0, 0.0, 0.0},
      {2, {4, 4, 4, 0, 0, 0, 0}, 0, 0.0, 0.0},
      // 10 assigned: 2 not due, 1 due today, 3 on time, 1 late, 2 overdue, 1 paused.
      {3, {10, 2, 3, 3, 1, 2, 1}, 7, 4.0 / 7, 2.0 / 7},
      {4, {2, 0, 0, 2, 0, 0, 0}, 2, 1.0, 0.0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(c.c.due(), c.due);
    EXPECT_DOUBLE_EQ(c.c.completion_rate(), c.completion);
    EXPECT_DOUBLE_EQ(c.c.overdue_rate(), c.overdue);
  }
}

TEST(ScorecardTest, GroupsByUnitFieldAndNotice) {
  const Date as_of = *D("2023-07-01");
  std::vector<ScoreItem> items = {
      {1, 100, {10}, {StoredStatus::kOpen, D("2023-06-01"), {}, {}}},  // overdue
      {2, 100, {10, 11}, {StoredStatus::kDone, D("2023-06-30"), D("2023-06-01"), {}}},
      {3, 200, {11}, {StoredStatus::kOpen, D("2023-12-31"), {}, {}}},  // not due
      {4, 200, {12}, {StoredStatus::kOpen, {}, {}, {}}},               // no due
  };
  std::vector<Field> fields = {{1, 1, "Kinh tế", {10, 11}}, {2, 1, "Văn hóa", {12}}};
  struct Case {
    int n;
    std::vector<ScoreRow> got;
    std::vector<std::pair<Id, ScoreCounts>> want;
  };
  const Case cases[] = {
      {1,
       ScoreByUnit(items, as_of),
       {{10, {2, 0, 0, 1, 0, 1, 0}}, {11, {2, 1, 1, 1, 0, 0, 0}}, {12, {1, 1, 1, 0, 0, 0, 0}}}},
      {2,
       ScoreByField(items, fields, as_of),
       {{1, {3, 1, 1, 1, 0, 1, 0}}, {2, {1, 1, 1, 0, 0, 0, 0}}}},
      {3,
       ScoreByNotice(items, as_of),
       {{100, {2, 0, 0, 1, 0, 1, 0}}, {200, {2, 2, 2, 0, 0, 0, 0}}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    ASSERT_EQ(c.got.size(), c.want.size());
    for (size_t i = 0; i < c.got.size(); ++i) {
      EXPECT_EQ(c.got[i].key, c.want[i].first);
      EXPECT_EQ(c.got[i].counts, c.want[i].second) << "row " << i;
    }
  }
}

}  // namespace
}  // namespace dondoc::domain
