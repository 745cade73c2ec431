#include "text/money.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(MoneyTest, ParseMoney) {
  struct Case {
    int n;
    const char* in;
    bool ok;
    double value;
    const char* unit;
  };
  const Case cases[] = {
      {1, "3,271 tỷ đồng", true, 3271000000, "VND"},
      {2, "66.882 triệu đồng", true, 66882000000, "VND"},
      {3, "70,264 tỷ đồng", true, 70264000000, "VND"},
      {4, "500.000 đồng", true, 500000, "VND"},
      {5, "500.000đ", true, 500000, "VND"},
      {6, "2,5 triệu USD", true, 2500000, "USD"},
      {7, "3 tỷ 271 triệu đồng", true, 3271000000, "VND"},
      {8, "1,2 nghìn tỷ đồng", true, 1.2e12, "VND"},
      {9, "150 ngàn đồng", true, 150000, "VND"},
      {10, "12 tỉ VNĐ", true, 12e9, "VND"},
      {11, "35.627 triệu\nđồng", true, 35627000000, "VND"},
      {12, "5 đồng chí", false, 0, ""},
      {13, "3 tỷ", false, 0, ""},
      {14, "30/6/2023", false, 0, ""},
      {15, "một triệu đồng", false, 0, ""},
      {16, "10 Tỷ Đồng", true, 1e10, "VND"},
      {17, "35.627 triệu\n\nđồng", false, 0, ""},
      {18, "5 triệu người", false, 0, ""},
      {19, "1.234.567,5 đồng", true, 1234567.5, "VND"},
      {20, "100 USD", true, 100, "USD"},
  };
  for (const Case& c : cases) {
    std::optional<Amount> got = ParseMoney(c.in);
    ASSERT_EQ(got.has_value(), c.ok) << "case " << c.n;
    if (!got) continue;
    EXPECT_DOUBLE_EQ(got->value, c.value) << "case " << c.n;
    EXPECT_EQ(got->unit, c.unit) << "case " << c.n;
  }
}

TEST(MoneyTest, ParseMoneyAtStopsAtThePhrase) {
  struct Case {
    int n;
    const char* in;
    size_t pos;
    size_t length;
  };
  const Case cases[] = {
      {1, "ước đạt 3,271 tỷ đồng, lũy kế", 14, 18},  // bytes of "3,271 tỷ đồng"
      {2, "là 66.882 triệu đồng/năm", 4, 22},
  };
  for (const Case& c : cases) {
    std::optional<Amount> got = ParseMoneyAt(c.in, c.pos);
    ASSERT_TRUE(got.has_value()) << "case " << c.n;
    EXPECT_EQ(got->length, c.length) << "case " << c.n;
  }
}

TEST(MoneyTest, Words) {
  EXPECT_EQ(MagnitudeWord("triệu"), 1e6);
  EXPECT_EQ(MagnitudeWord("Tỷ"), 1e9);
  EXPECT_FALSE(MagnitudeWord("trăm").has_value());
  EXPECT_EQ(CurrencyWord("đồng", "bào"), std::nullopt);
  EXPECT_EQ(CurrencyWord("đồng", ""), "VND");
  EXPECT_EQ(CurrencyWord("usd"), std::nullopt);
  EXPECT_EQ(LowerWord("ĐỒNG"), "đồng");
}

}  // namespace
}  // namespace dondoc::text
