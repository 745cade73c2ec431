#include "text/lunar.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(LunarTest, LunarNewYear) {
  struct Case {
    int n;
    int year;
    Date want;
  };
  const Case cases[] = {
      {1, 2023, {2023, 1, 22}}, {2, 2024, {2024, 2, 10}},  {3, 2025, {2025, 1, 29}},
      {4, 2026, {2026, 2, 17}}, {5, 2007, {2007, 2, 17}},  {6, 1985, {1985, 1, 21}},
      {7, 2020, {2020, 1, 25}}, {8, 2021, {2021, 2, 12}},  {9, 2022, {2022, 2, 1}},
      {10, 2027, {2027, 2, 6}}, {11, 1968, {1968, 1, 29}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LunarNewYear(c.year), c.want) << "case " << c.n;
  }
}

// Computed for Beijing (UTC+8), the same algorithm gives China's New Year: a day later in 2007,
// a whole month later in 1985 (China's leap month fell elsewhere).
TEST(LunarTest, ChinaDiffers) {
  struct Case {
    int n;
    int year;
    Date vietnam;
    Date china;
  };
  const Case cases[] = {
      {1, 2007, {2007, 2, 17}, {2007, 2, 18}},
      {2, 1985, {1985, 1, 21}, {1985, 2, 20}},
      {3, 2024, {2024, 2, 10}, {2024, 2, 10}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LunarNewYear(c.year, kVietnamTimeZone), c.vietnam) << "case " << c.n;
    EXPECT_EQ(LunarNewYear(c.year, 8.0), c.china) << "case " << c.n;
  }
}

TEST(LunarTest, HungKingsDay) {
  struct Case {
    int n;
    int year;
    Date want;
  };
  // 10/3 lunar.
  const Case cases[] = {
      {1, 2023, {2023, 4, 29}},
      {2, 2024, {2024, 4, 18}},
      {3, 2025, {2025, 4, 7}},
      {4, 2026, {2026, 4, 26}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LunarToSolar(LunarDate{c.year, 3, 10, false}), c.want) << "case " << c.n;
  }
}

TEST(LunarTest, SolarToLunar) {
  struct Case {
    int n;
    Date solar;
    LunarDate want;
  };
  const Case cases[] = {
      {1, {2024, 2, 9}, {2023, 12, 30, false}},  // the last day of the year of the Cat
      {2, {2023, 1, 21}, {2022, 12, 30, false}}, {3, {2025, 1, 28}, {2024, 12, 29, false}},
      {4, {2023, 3, 22}, {2023, 2, 1, true}},  // 2023 had a leap second month
      {5, {2020, 5, 23}, {2020, 4, 1, true}},  // 2020 had a leap fourth month
      {6, {2025, 7, 25}, {2025, 6, 1, true}},  // 2025 had a leap sixth month
      {7, {2026, 2, 17}, {2026, 1, 1, false}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SolarToLunar(c.solar), c.want) << "case " << c.n;
  }
}

TEST(LunarTest, RoundTripAndInvalid) {
  for (Date d{2019, 1, 1}; d.year < 2028; d = d.AddDays(1)) {
    LunarDate l = SolarToLunar(d);
    ASSERT_EQ(LunarToSolar(l), d) << d.ToIso();
  }
  EXPECT_FALSE(LunarToSolar(LunarDate{2024, 5, 1, true}).has_value());  // 2024 has no leap
  EXPECT_FALSE(LunarToSolar(LunarDate{2024, 13, 1, false}).has_value());
}

}  // namespace
}  // namespace dondoc::text
