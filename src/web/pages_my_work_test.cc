// "Việc của tôi" is kept per unit scope until the next commit: a write shows at once, and a unit
// never sees another unit's cached page.
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

class MyWorkPageTest : public ::testing::Test {
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

// The four counts at the top of the page: overdue, this week, waiting for a report, all.
std::vector<std::string> Counts(const std::string& body) {
  std::vector<std::string> out;
  std::regex re("<div class=\"n\">([0-9]+)</div>");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

TEST_F(MyWorkPageTest, AWriteShowsAtOnceAndUnitsDoNotShareTheirPage) {
  Session tckh = Login("tckh");
  Session congan = Login("congan");
  auto first = Send("GET", "/my", "", &tckh);
  ASSERT_EQ(first.status, 200);
  std::vector<std::string> before = Counts(first.body);
  ASSERT_EQ(before.size(), 4u);
  ASSERT_GT(std::stoi(before[2]), 0) << "the demo has tasks waiting for tckh's report";
  EXPECT_EQ(Send("GET", "/my", "", &tckh).body, first.body) << "served again unchanged";

  // Another unit's page is its own.
  auto other = Send("GET", "/my", "", &congan);
  ASSERT_EQ(other.status, 200);
  EXPECT_NE(other.body.find("· Công an thị xã</span>"), std::string::npos);
  EXPECT_EQ(other.body.find("· Phòng Tài chính - Kế hoạch</span>"), std::string::npos);

  // tckh reports on one waiting task (lead): the next page counts one fewer waiting.
  auto caller = service_->AuthenticateSession(tckh.cookie.substr(tckh.cookie.find('=') + 1));
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  std::smatch m;
  std::string waiting = first.body.substr(first.body.find("id=\"waiting\""));
  ASSERT_TRUE(std::regex_search(waiting, m, std::regex("href=\"/tasks/([0-9]+)\"")));
  auto report =
      service_->ReportProgress(*caller, std::stol(m[1]), "Đã triển khai", 30, false);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::vector<std::string> after = Counts(Send("GET", "/my", "", &tckh).body);
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(std::stoi(after[2]), std::stoi(before[2]) - 1);
}

}  // namespace
}  // namespace dondoc::web
