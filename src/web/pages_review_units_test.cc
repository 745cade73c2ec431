// The review screen's "Đơn vị chưa có trong danh mục": a pasted notice naming a unit the demo
// directory lacks shows it with its forms; adding it (CSRF, office only) resolves the draft task.
#include <gtest/gtest.h>

#include <regex>

#include "app/demo.h"
#include "app/service.h"
#include "http/dispatch.h"
#include "store/sqlite_store.h"
#include "web/pages.h"

namespace dondoc::web {
namespace {

constexpr const char* kPassword = "demo-password-1";

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
  void SetUp() override {
    auto st = store::OpenSqliteStore({.path = ":memory:"});
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    store_ = std::move(*st);
    app::DemoOptions o;
    o.password = kPassword;
    o.notice_path = std::string(DONDOC_SHARED_DIR) + "/corpus/dev/ducpho-2023-06-kl.txt";
    auto demo = app::SeedDemo(*store_, clock_, hasher_, o);
    ASSERT_TRUE(demo.ok()) << demo.status().ToString();
    tenant_ = demo->tenant_id;
    service_ = std::make_unique<app::Service>(*store_, clock_, hasher_, tenant_);
    RegisterPages(router_, *service_);
  }

  struct Session {
    std::string cookie, csrf;
  };

  http::Response Send(std::string method, std::string target, std::string body = "",
                      const Session* s = nullptr) {
    http::Request req;
    req.method = std::move(method);
    req.target = target;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    req.query_string = q == std::string::npos ? "" : target.substr(q + 1);
    req.body = std::move(body);
    req.remote_address = "127.0.0.1";
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    if (s) req.headers["cookie"] = s->cookie;
    return http::Dispatch(router_, req);
  }

  static std::string Header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }

  Session Login(const std::string& user) {
    auto res = Send("POST", "/login", "username=" + user + "&password=" + kPassword + "&next=%2F");
    EXPECT_EQ(res.status, 303) << res.body;
    Session s;
    std::string set = Header(res, "Set-Cookie");
    s.cookie = set.substr(0, set.find(';'));
    auto page = Send("GET", "/tasks", "", &s);
    std::smatch m;
    std::regex re("name=\"csrf-token\" content=\"([^\"]+)\"");
    if (std::regex_search(page.body, m, re)) s.csrf = m[1];
    return s;
  }

  std::unique_ptr<store::Store> store_;
  app::FixedClock clock_{app::FixedClock::NoonOf({2023, 7, 3})};
  app::PasswordHasher hasher_{app::HasherOptions::ForTests()};
  std::unique_ptr<app::Service> service_;
  http::Router router_;
  domain::Id tenant_ = 0;
};

TEST_F(ReviewUnitsPageTest, TheOfficeAddsAnUnknownUnitFromTheReview) {
  Session office = Login("vanphong");
  ASSERT_FALSE(office.csrf.empty());
  const std::string text =
      "THÔNG BÁO\nKết luận của Chủ tịch UBND thị xã tại cuộc họp về dự án\n\n"
      "1. Giao Ban Quản lý dự án ABC chủ trì, phối hợp với Phòng Kinh tế hoàn thành hồ sơ "
      "thiết kế trước ngày 30/7/2023.\n";
  auto imported = Send("POST", "/import",
                       "csrf=" + office.csrf + "&filename=du-an-abc&text=" + UrlEncode(text),
                       &office);
  ASSERT_EQ(imported.status, 303) << imported.body;
  const std::string review = Header(imported, "Location");
  ASSERT_EQ(review.rfind("/notices/", 0), 0u) << review;

  auto page = Send("GET", review, "", &office);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Đơn vị chưa có trong danh mục"), std::string::npos);
  EXPECT_NE(page.body.find("data-unit=\"Ban Quản lý dự án ABC\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"ban\" selected>Ban</option>"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"" + review + "/units\""), std::string::npos);

  const std::string form = "mention=" + UrlEncode("Ban Quản lý dự án ABC") +
                           "&name=" + UrlEncode("Ban Quản lý dự án ABC") + "&kind=ban&parent=&op=add";
  // Without the CSRF token: refused, nothing added.
  auto no_csrf = Send("POST", review + "/units", form, &office);
  EXPECT_EQ(no_csrf.status, 403);
  // A unit user may not.
  Session unit = Login("tckh");
  auto by_unit = Send("POST", review + "/units", "csrf=" + unit.csrf + "&" + form, &unit);
  EXPECT_EQ(by_unit.status, 403);
  auto units = store_->ListUnits(tenant_);
  ASSERT_TRUE(units.ok());
  const size_t before = units->size();

  auto added = Send("POST", review + "/units", "csrf=" + office.csrf + "&" + form, &office);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(Header(added, "Location"), review + "?ok=unit");
  EXPECT_EQ(store_->ListUnits(tenant_)->size(), before + 1);
  page = Send("GET", review + "?ok=unit", "", &office);
  EXPECT_EQ(page.body.find("data-unit=\"Ban Quản lý dự án ABC\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Ban Quản lý dự án ABC\" placeholder=\"Tên đơn vị\""),
            std::string::npos)
      << "the task's lead field names the new unit";

  // An unknown alias target gets a message, not a crash.
  auto bad = Send("POST", review + "/units",
                  "csrf=" + office.csrf + "&mention=x&op=alias&alias_of=" + UrlEncode("Không có"),
                  &office);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Hãy chọn đúng một đơn vị"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::web
