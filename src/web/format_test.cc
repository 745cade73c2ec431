#include "web/format.h"

#include <gtest/gtest.h>

namespace dondoc::web {
namespace {

TEST(FormatTest, Dates) {
  struct Case {
    int n;
    std::optional<text::Date> d;
    std::string want;
  } cases[] = {
      {1, text::Date{2023, 6, 22}, "22/06/2023"},
      {2, text::Date{2024, 1, 1}, "01/01/2024"},
      {3, std::nullopt, "—"},
      {4, text::Date{2023, 2, 30}, "—"},  // invalid
  };
  for (const auto& c : cases) EXPECT_EQ(FormatDate(c.d), c.want) << "case " << c.n;
}

TEST(FormatTest, Timestamps) {
  struct Case {
    int n;
    std::int64_t t;
    std::string want;
  } cases[] = {
      {1, 0, "01/01/1970 07:00"},
      {2, 1687392000, "22/06/2023 07:00"},              // 2023-06-22T00:00:00Z
      {3, 1687392000 + 17 * 3600, "23/06/2023 00:00"},  // midnight in Vietnam
      {4, -7 * 3600 - 60, "31/12/1969 23:59"},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatTimestamp(c.t), c.want) << "case " << c.n;
}

TEST(FormatTest, Numbers) {
  struct Case {
    int n;
    double v;
    int decimals;
    std::string want;
  } cases[] = {
      {1, 1234.5, 1, "1.234,5"},
      {2, 1234, 1, "1.234"},
      {3, 0, 0, "0"},
      {4, 999, 0, "999"},
      {5, 1000, 0, "1.000"},
      {6, 66882000000.0, 0, "66.882.000.000"},
      {7, 3.271, 3, "3,271"},
      {8, -1234567.25, 2, "-1.234.567,25"},
      {9, -0.04, 1, "0"},
      {10, 0.05, 1, "0,1"},
      {11, 12.345, 2, "12,35"},  // not exactly representable; rounds as shown
      {12, 1.0 / 0.0, 0, "—"},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatNumber(c.v, c.decimals), c.want) << "case " << c.n;
}

TEST(FormatTest, Percents) {
  struct Case {
    int n;
    double ratio;
    std::string want;
  } cases[] = {
      {1, 0.125, "12,5%"},
      {2, 1, "100%"},
      {3, 0, "0%"},
      {4, 2.0 / 3.0, "66,7%"},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatPercent(c.ratio), c.want) << "case " << c.n;
}

TEST(FormatTest, StatusWordsAndColours) {
  struct Case {
    int n;
    std::string code, short_label, css;
  } cases[] = {
      {1, "overdue", "Quá hạn", "st-overdue"},
      {2, "in_progress", "Trong hạn", "st-in-progress"},
      {3, "done_on_time", "Đúng hạn", "st-done-on-time"},
      {4, "done_late", "Hoàn thành trễ", "st-done-late"},
      {5, "pending_confirmation", "Chờ xác nhận", "st-pending"},
      {6, "returned", "Trả lại", "st-returned"},
      {7, "paused", "Tạm dừng", "st-paused"},
      {8, "not_due", "Chưa đến hạn", "st-not-due"},
      {9, "bogus", "bogus", "st-unknown"},
  };
  for (const auto& c : cases) {
    StatusStyle s = StatusStyleOf(c.code);
    EXPECT_EQ(s.short_label, c.short_label) << "case " << c.n;
    EXPECT_EQ(s.css, c.css) << "case " << c.n;
  }
  EXPECT_EQ(AllStatusStyles().size(), 8u);
  EXPECT_EQ(StatusStyleOf("overdue").label, "Chưa hoàn thành - quá hạn");
}

TEST(FormatTest, EveryLabels) {
  EXPECT_EQ(EveryLabel("week"), "Hàng tuần");
  EXPECT_EQ(EveryLabel("quarter"), "Hằng quý");
  EXPECT_EQ(EveryLabel("x"), "");
}

}  // namespace
}  // namespace dondoc::web
