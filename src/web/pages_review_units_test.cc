// The review screen's "Đơn vị chưa có trong danh mục": a pasted notice naming a unit the demo
// directory lacks shows it with its forms; adding it (CSRF, office only) resolves the draft task.
#include <gtest/gtest.h>

#include <regex>

#include "web/pages_testing.h"

namespace dondoc::web {
namespace {

using testing::DemoSite;
using testing::kPassword;
using testing::Session;

std::string UrlEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class ReviewUnitsPageTest : public ::testing::Test {
 protected:
  std::unique_ptr<DemoSite> site_ = std::make_unique<DemoSite>();
};

TEST_F(ReviewUnitsPageTest, TheOfficeAddsAnUnknownUnitFromTheReview) {
  Session office = site_->Login("vanphong");
  ASSERT_FALSE(office.csrf.empty());
  const std::string text =
      "THÔNG BÁO\nKết luận của Chủ tịch UBND thị xã tại cuộc họp về dự án\n\n"
      "1. Giao Ban Quản lý dự án ABC chủ trì, phối hợp với Phòng Kinh tế hoàn thành hồ sơ "
      "thiết kế trước ngày 30/7/2023.\n";
  auto imported =
      site_->Send("POST", "/import",
                  "csrf=" + office.csrf + "&filename=du-an-abc&text=" + UrlEncode(text), &office);
  ASSERT_EQ(imported.status, 303) << imported.body;
  const std::string review = site_->Header(imported, "Location");
  ASSERT_EQ(review.rfind("/notices/", 0), 0u) << review;

  auto page = site_->Send("GET", review, "", &office);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Đơn vị chưa có trong danh mục"), std::string::npos);
  EXPECT_NE(page.body.find("data-unit=\"Ban Quản lý dự án ABC\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"ban\" selected>Ban</option>"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"" + review + "/units\""), std::string::npos);

  const std::string form = "mention=" + UrlEncode("Ban Quản lý dự án ABC") +
                           "&name=" + UrlEncode("Ban Quản lý dự án ABC") +
                           "&kind=ban&parent=&op=add";
  // Without the CSRF token: refused, nothing added.
  auto no_csrf = site_->Send("POST", review + "/units", form, &office);
  EXPECT_EQ(no_csrf.status, 403);
  // A unit user may not.
  Session unit = site_->Login("tckh");
  auto by_unit = site_->Send("POST", review + "/units", "csrf=" + unit.csrf + "&" + form, &unit);
  EXPECT_EQ(by_unit.status, 403);
  auto units = site_->store->ListUnits(site_->tenant);
  ASSERT_TRUE(units.ok());
  const size_t before = units->size();

  auto added = site_->Send("POST", review + "/units", "csrf=" + office.csrf + "&" + form, &office);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(site_->Header(added, "Location"), review + "?ok=unit");
  EXPECT_EQ(site_->store->ListUnits(site_->tenant)->size(), before + 1);
  page = site_->Send("GET", review + "?ok=unit", "", &office);
  EXPECT_EQ(page.body.find("data-unit=\"Ban Quản lý dự án ABC\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Ban Quản lý dự án ABC\" placeholder=\"Tên đơn vị\""),
            std::string::npos)
      << "the task's lead field names the new unit";

  // An unknown alias target gets a message, not a crash.
  auto bad = site_->Send(
      "POST", review + "/units",
      "csrf=" + office.csrf + "&mention=x&op=alias&alias_of=" + UrlEncode("Không có"), &office);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Hãy chọn đúng một đơn vị"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::web
