#include "notice/targets.h"

#include <gtest/gtest.h>

namespace dondoc::notice {
namespace {

TEST(FindTargets, Cases) {
  struct Want {
    const char* metric;
    double value;
    bool approx;
    const char* by;  // ISO or ""
  };
  struct Case {
    int n;
    const char* text;
    std::vector<Want> want;
  };
  const Case cases[] = {
      {1,
       "đến ngày 30/6/2023, giải ngân đạt khoảng 60% và đến ngày 31/12/2023, đạt 100%",
       {{"giải ngân", 60, true, "2023-06-30"}}},
      {2, "tỷ lệ hồ sơ trực tuyến đạt trên 80 phần trăm", {{"trực tuyến", 80, false, ""}}},
      {3,
       "Tỷ lệ giải ngân đạt 95,5 % trước ngày 31/12",
       {{"giải ngân", 95.5, false, "2023-12-31"}}},
      {4, "số xã đạt chuẩn nông thôn mới", {}},
      {5, "thu ngân sách đạt 1234%", {}},
      {6, "thu đạt 50%, chi đạt ít nhất 40%", {{"thu", 50, false, ""}, {"chi", 40, false, ""}}},
      {7, "a đạt b đạt 60%", {{"đạt b", 60, false, ""}}},
      {8, "x  đạt 60%", {}},  // two spaces: no word right before "đạt"
      {9, "(vốn) đạt 70%", {}},
      {10, "vốn đầu tư công đạt gần 70%", {{"tư công", 70, true, ""}}},
  };
  DeadlineContext ctx;
  ctx.default_year = 2023;
  for (const Case& c : cases) {
    std::vector<Target> got = FindTargets(c.text, ctx);
    ASSERT_EQ(got.size(), c.want.size()) << "case " << c.n;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].metric, c.want[i].metric) << "case " << c.n << " #" << i;
      EXPECT_DOUBLE_EQ(got[i].value, c.want[i].value) << "case " << c.n << " #" << i;
      EXPECT_EQ(got[i].unit, "%") << "case " << c.n << " #" << i;
      EXPECT_EQ(got[i].approx, c.want[i].approx) << "case " << c.n << " #" << i;
      EXPECT_EQ(got[i].by ? got[i].by->ToIso() : "", c.want[i].by) << "case " << c.n << " #" << i;
    }
  }
}

TEST(IsUrgent, Cases) {
  EXPECT_TRUE(IsUrgent("Khẩn trương rà soát")) << "case 1";
  EXPECT_TRUE(IsUrgent("triển khai ngay, báo cáo")) << "case 2";
  EXPECT_FALSE(IsUrgent("ngay thẳng")) << "case 3";
}

}  // namespace
}  // namespace dondoc::notice
