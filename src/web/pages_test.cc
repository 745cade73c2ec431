// The pages over a real Service: an in-memory store with the demo tenant, requests dispatched
// through the router (no sockets).

#include <gtest/gtest.h>

#include <memory>
#include <regex>

#include "http/offload.h"
#include "web/pages_testing.h"

namespace dondoc::web {
namespace {

using testing::DemoSite;
using testing::kPassword;
using testing::Session;

class PagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { site_ = new DemoSite(); }

  static DemoSite* site_;
};

DemoSite* PagesTest::site_ = nullptr;

TEST_F(PagesTest, SignInMessagesAndRedirects) {
  struct Case {
    int n;
    std::string body;
    int status;
    std::string needle;
  } cases[] = {
      {1, "username=vanphong&password=wrong-password", 401,
       "Tên đăng nhập hoặc mật khẩu không đúng."},
      {2, "username=nobody&password=wrong-password", 401,
       "Tên đăng nhập hoặc mật khẩu không đúng."},
      {3, "username=&password=", 400, "Vui lòng nhập tên đăng nhập và mật khẩu."},
  };
  for (const auto& c : cases) {
    auto res = site_->Send("POST", "/login", c.body);
    EXPECT_EQ(res.status, c.status) << "case " << c.n;
    EXPECT_NE(res.body.find(c.needle), std::string::npos) << "case " << c.n;
  }
  auto anon = site_->Send("GET", "/tasks?status=overdue");
  EXPECT_EQ(anon.status, 303);
  EXPECT_EQ(site_->Header(anon, "Location"), "/login?next=/tasks%3Fstatus%3Doverdue");
}

TEST_F(PagesTest, EveryMainPageRendersForItsRole) {
  Session office = site_->Login("vanphong");
  Session unit = site_->Login("tckh");
  Session admin = site_->Login("admin");
  Session leader = site_->Login("chutich");
  struct Case {
    int n;
    const Session* s;
    std::string target;
    int status;
    std::string needle;
  } cases[] = {
      {1, &office, "/tasks", 200, "Danh sách nhiệm vụ"},
      {2, &office, "/dashboard", 200, "Kết quả thực hiện theo đơn vị"},
      {3, &office, "/import", 200, "Nhập thông báo kết luận"},
      {4, &office, "/notices", 200, "Đã giao"},
      {5, &unit, "/my", 200, "Việc của tôi"},
      {6, &unit, "/tasks", 200, "Phòng Tài chính - Kế hoạch"},
      {7, &admin, "/admin", 200, "Người dùng"},
      {8, &leader, "/dashboard", 200, "chart-status"},
      {9, &unit, "/import", 403, "Không được phép"},
      {10, &unit, "/admin", 403, "Không được phép"},
      {11, &office, "/static/app.css", 200, "--brand"},
      {12, &office, "/", 303, ""},
  };
  for (const auto& c : cases) {
    auto res = site_->Send("GET", c.target, "", c.s);
    EXPECT_EQ(res.status, c.status) << "case " << c.n << " " << c.target;
    EXPECT_NE(res.body.find(c.needle), std::string::npos) << "case " << c.n << " " << c.target;
  }
}

// On a server's I/O thread a signed-in page is made elsewhere (http/offload.h), asked before
// the session is looked up; the sign-in page and static files are answered there.
TEST_F(PagesTest, SignedInPagesAreOffloadedFromIoThreads) {
  Session office = site_->Login("vanphong");
  http::IoThreadScope io(true);
  EXPECT_TRUE(site_->Send("GET", "/dashboard", "", &office).offload);
  EXPECT_TRUE(site_->Send("GET", "/tasks", "").offload);  // even without a session
  EXPECT_FALSE(site_->Send("GET", "/login", "").offload);
  EXPECT_FALSE(site_->Send("GET", "/static/app.css", "", &office).offload);
  http::IoThreadScope offload_thread(false);
  auto page = site_->Send("GET", "/dashboard", "", &office);
  EXPECT_FALSE(page.offload);
  EXPECT_EQ(page.status, 200);
}

TEST_F(PagesTest, UnitUserIsRefusedAnotherUnitsTaskAndFormsNeedCsrf) {
  Session office = site_->Login("vanphong");
  Session police = site_->Login("congan");
  // A task of Phòng Tài chính - Kế hoạch only (the office sees all; pick one police cannot).
  auto list = site_->Send("GET", "/tasks?q=giai+ngan", "", &office);
  ASSERT_EQ(list.status, 200);
  std::smatch m;
  std::string body = list.body;
  std::regex re("href=\"/tasks/([0-9]+)\"");
  std::string refused_id;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), re); it != std::sregex_iterator();
       ++it) {
    std::string id = (*it)[1];
    if (site_->Send("GET", "/tasks/" + id, "", &police).status == 404) {
      refused_id = id;
      break;
    }
  }
  ASSERT_FALSE(refused_id.empty());
  auto refused = site_->Send("GET", "/tasks/" + refused_id, "", &police);
  EXPECT_NE(refused.body.find("Không tìm thấy"), std::string::npos);
  EXPECT_EQ(refused.body.find("giải ngân"), std::string::npos);

  auto no_csrf = site_->Send("POST", "/tasks/" + refused_id + "/comments", "text=x", &office);
  EXPECT_EQ(no_csrf.status, 403);
}

TEST_F(PagesTest, ReportCommentAndXssShowAsText) {
  Session unit = site_->Login("tckh");
  auto my = site_->Send("GET", "/tasks?role=lead", "", &unit);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(my.body, m, std::regex("href=\"/tasks/([0-9]+)\"")));
  std::string id = m[1];
  site_->clock.Advance(3600);  // the report comes after the demo was built
  std::string boundary = "XyZ";
  std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + unit.csrf +
                     "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
                     "<script>alert(1)</script> đã giải ngân 40%\r\n"
                     "--XyZ\r\nContent-Disposition: form-data; name=\"percent\"\r\n\r\n40\r\n"
                     "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
                     "filename=\"bao-cao.txt\"\r\nContent-Type: text/plain\r\n\r\nsố liệu\r\n"
                     "--XyZ--\r\n";
  auto posted = site_->Send("POST", "/tasks/" + id + "/reports", body, &unit,
                            "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(posted.status, 303) << posted.body;
  auto page = site_->Send("GET", "/tasks/" + id + "?ok=report", "", &unit);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt; đã giải ngân 40%"),
            std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("bao-cao.txt"), std::string::npos);
  EXPECT_NE(page.body.find("Đã gửi báo cáo tiến độ."), std::string::npos);

  Session leader = site_->Login("chutich");
  auto dash = site_->Send("GET", "/dashboard", "", &leader);
  EXPECT_NE(dash.body.find("đã giải ngân 40%"), std::string::npos);
}

TEST_F(PagesTest, OfficeChangesSelectedTasksInBulk) {
  Session office = site_->Login("vanphong");
  Session unit = site_->Login("tckh");
  auto list = site_->Send("GET", "/tasks", "", &office);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("id=\"bulk-form\""), std::string::npos);
  EXPECT_EQ(site_->Send("GET", "/tasks", "", &unit).body.find("id=\"bulk-form\""),
            std::string::npos);
  std::regex re("name=\"task\" value=\"([0-9]+)\"");
  std::vector<std::string> ids;
  for (auto it = std::sregex_iterator(list.body.begin(), list.body.end(), re);
       it != std::sregex_iterator() && ids.size() < 2; ++it) {
    ids.push_back((*it)[1]);
  }
  ASSERT_EQ(ids.size(), 2u);
  const std::string form = "action=pause&task=" + ids[0] + "&task=" + ids[1] + "&csrf=";
  struct Case {
    int n;
    Session* who;
    std::string body;
    int want_status;
    std::string want_text;  // in the page after the redirect (or the answer)
  } cases[] = {
      {1, &office, form + office.csrf, 303, "Đã cập nhật 2 nhiệm vụ; 0 nhiệm vụ"},
      {2, &office, form + office.csrf, 303, "Đã cập nhật 0 nhiệm vụ; 2 nhiệm vụ"},
      {3, &office, "action=due&task=" + ids[0] + "&csrf=" + office.csrf, 400, "Thiếu hạn mới"},
      {4, &office, "action=pause&csrf=" + office.csrf, 400, "Chưa chọn nhiệm vụ"},
      {5, &unit, form + unit.csrf, 403, ""},
      {6, &office, form, 403, ""},
  };
  for (auto& c : cases) {
    auto res = site_->Send("POST", "/tasks/bulk", c.body, c.who);
    ASSERT_EQ(res.status, c.want_status) << "case " << c.n;
    std::string page = res.body;
    if (res.status == 303)
      page = site_->Send("GET", site_->Header(res, "Location"), "", c.who).body;
    EXPECT_NE(page.find(c.want_text), std::string::npos) << "case " << c.n;
  }
  auto task = site_->Send("GET", "/tasks/" + ids[0], "", &office);
  EXPECT_NE(task.body.find("Tạm dừng"), std::string::npos);
}

TEST_F(PagesTest, ExportsAreXlsx) {
  Session office = site_->Login("vanphong");
  for (std::string target : {"/export/tasks.xlsx?status=overdue", "/export/scorecards.xlsx"}) {
    auto res = site_->Send("GET", target, "", &office);
    EXPECT_EQ(res.status, 200) << target;
    EXPECT_EQ(res.body.substr(0, 2), "PK") << target;
    EXPECT_NE(site_->Header(res, "Content-Disposition").find(".xlsx"), std::string::npos) << target;
  }
}

TEST_F(PagesTest, ImportPastedTextGivesAReviewScreen) {
  Session office = site_->Login("vanphong");
  std::string text =
      "UBND THỊ XÃ ĐỨC PHỔ\nSố: 999/TB-UBND\nTHÔNG BÁO\nKết luận của Chủ tịch\n"
      "1. Giao Phòng Tài chính - Kế hoạch rà soát <script>x</script> và báo cáo trước ngày "
      "30/7/2023.\n";
  std::string form = "csrf=" + office.csrf + "&filename=tb.txt&text=";
  for (unsigned char ch : text) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", ch);
    form += buf;
  }
  auto res = site_->Send("POST", "/import", form, &office);
  ASSERT_EQ(res.status, 303) << res.body;
  std::string location = site_->Header(res, "Location");
  auto review = site_->Send("GET", location, "", &office);
  EXPECT_EQ(review.status, 200);
  EXPECT_NE(review.body.find("Kiểm tra kết quả trích xuất"), std::string::npos);
  EXPECT_NE(review.body.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(review.body.find("<script>x</script>"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::web
