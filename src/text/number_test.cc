#include "text/number.h"

#include <gtest/gtest.h>

#include <optional>

namespace dondoc::text {
namespace {

TEST(NumberTest, ParseNumber) {
  struct Case {
    int n;
    const char* in;
    std::optional<double> want;
  };
  const Case cases[] = {
      {1, "66.882", 66882},
      {2, "3,271", 3.271},
      {3, "13,0", 13.0},
      {4, "1.234.567,5", 1234567.5},
      {5, "05", 5},
      {6, "27,73", 27.73},
      {7, "100", 100},
      {8, "1.234.567", 1234567},
      {9, "1,234,567", 1234567},
      {10, "1,234.5", 1234.5},
      {11, "3.5", 3.5},
      {12, "0,25", 0.25},
      {13, "12.34.5", std::nullopt},
      {14, "1..2", std::nullopt},
      {15, "", std::nullopt},
      {16, "3,", std::nullopt},
      {17, ",5", std::nullopt},
      {18, "1.2,3.4", std::nullopt},
      {19, "12a", std::nullopt},
      {20, "1,23,4", std::nullopt},
      {21, "2023", 2023},
      {22, "1234.567", 1234.567},
  };
  for (const Case& c : cases) {
    std::optional<double> got = ParseNumber(c.in);
    ASSERT_EQ(got.has_value(), c.want.has_value()) << "case " << c.n;
    if (got) {
      EXPECT_DOUBLE_EQ(*got, *c.want) << "case " << c.n;
    }
  }
}

TEST(NumberTest, ScanNumber) {
  struct Case {
    int n;
    const char* in;
    size_t pos;
    size_t want;
  };
  const Case cases[] = {
      {1, "đạt 3,271 tỷ", 7, 5},   {2, "13,0%;", 0, 4},       {3, "27,73%, bằng", 0, 5},
      {4, "năm 2023.", 5, 4},      {5, "66.882 triệu", 0, 6}, {6, "abc", 0, 0},
      {7, "1.234.567,5 đ", 0, 11}, {8, "3, 4", 0, 1},         {9, "30/6/2023", 0, 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ScanNumber(c.in, c.pos), c.want) << "case " << c.n;
  }
}

}  // namespace
}  // namespace dondoc::text
