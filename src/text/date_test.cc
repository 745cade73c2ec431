#include "text/date.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(DateTest, EpochRoundTrip) {
  struct Case { int n; Date d; long days; int weekday; };
  const Case cases[] = {
      {1, {1970, 1, 1}, 0, 3},
      {2, {2023, 6, 12}, 19520, 0},
      {3, {2024, 2, 29}, 19782, 3},
      {4, {2000, 3, 1}, 11017, 2},
      {5, {1969, 12, 31}, -1, 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.d.DaysSinceEpoch(), c.days) << "case " << c.n;
    EXPECT_EQ(Date::FromDaysSinceEpoch(c.days), c.d) << "case " << c.n;
    EXPECT_EQ(c.d.Weekday(), c.weekday) << "case " << c.n;
  }
}

TEST(DateTest, Validity) {
  EXPECT_TRUE((Date{2024, 2, 29}).IsValid());
  EXPECT_FALSE((Date{2023, 2, 29}).IsValid());
  EXPECT_FALSE((Date{2023, 13, 1}).IsValid());
  EXPECT_FALSE((Date{2023, 4, 31}).IsValid());
  EXPECT_EQ(Date::EndOfQuarter(2023, 3), (Date{2023, 9, 30}));
  EXPECT_EQ(Date::FromIso("2023-06-30"), (Date{2023, 6, 30}));
  EXPECT_FALSE(Date::FromIso("2023-6-30").has_value());
  EXPECT_FALSE(Date::FromIso("2023-02-30").has_value());
  EXPECT_EQ((Date{2023, 6, 5}).ToVietnamese(), "05/06/2023");
}

}  // namespace
}  // namespace dondoc::text
