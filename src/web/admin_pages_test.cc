// The administration pages over a real Service (the demo tenant in memory), requests dispatched
// through the router: unit edits and CSV import with preview, users, fields.
#include <gtest/gtest.h>

#include <regex>

#include "web/pages_testing.h"

namespace dondoc::web {
namespace {

using testing::DemoSite;
using testing::kPassword;
using testing::Session;

std::string Enc(std::string_view s) {
  std::string out;
  for (unsigned char ch : s) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", ch);
    out += buf;
  }
  return out;
}

class AdminPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { site_ = new DemoSite(); }
  // The id in the first link `href="/admin/KIND/ID" aria-label="LABEL"` of the admin page.
  static std::string IdOfLink(const Session& s, const std::string& kind, const std::string& label) {
    auto page = site_->Send("GET", "/admin", "", &s);
    std::smatch m;
    std::regex re("href=\"/admin/" + kind + "/([0-9]+)\" aria-label=\"" + label + "\"");
    return std::regex_search(page.body, m, re) ? std::string(m[1]) : "";
  }

  static DemoSite* site_;
};

DemoSite* AdminPagesTest::site_ = nullptr;

TEST_F(AdminPagesTest, UnitIsRenamedAndACycleIsRefusedInVietnamese) {
  Session admin = site_->Login("admin");
  Session office = site_->Login("vanphong");
  const std::string ubnd = IdOfLink(admin, "units", "Sửa UBND thị xã Đức Phổ");
  const std::string tckh = IdOfLink(admin, "units", "Sửa Phòng Tài chính - Kế hoạch");
  ASSERT_FALSE(ubnd.empty());
  ASSERT_FALSE(tckh.empty());
  auto form = site_->Send("GET", "/admin/units/" + tckh, "", &admin);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"Phòng Tài chính - Kế hoạch\""), std::string::npos);
  // The unit cannot be offered as its own parent.
  EXPECT_EQ(form.body.find("<option value=\"" + tckh + "\""), std::string::npos);

  const std::string base = "csrf=" + admin.csrf + "&kind=phong&aliases=" + Enc("TC-KH, Phòng TCKH");
  struct Case {
    int n;
    const Session* who;
    std::string target;
    std::string body;
    int status;
    std::string needle;  // in the answer, or in /admin after a redirect
  } cases[] = {
      {1, &admin, "/admin/units/" + tckh,
       base + "&name=" + Enc("Phòng Tài chính <Kế hoạch>") + "&parent=" + ubnd, 303,
       "Phòng Tài chính &lt;Kế hoạch&gt;</span> <span class=\"badge st-not-due\">phong</span> "
       "<span class=\"muted small\">(Phòng TCKH; TC-KH)</span>"},
      {2, &admin, "/admin/units/" + ubnd, "csrf=" + admin.csrf + "&name=UBND&parent=" + tckh, 400,
       "vòng lặp"},
      {8, &admin, "/admin/units/" + ubnd, "csrf=" + admin.csrf + "&name=UBND+typed&parent=" + tckh,
       400, "value=\"UBND typed\""},  // what was typed stays in the form
      {3, &admin, "/admin/units/" + tckh, base + "&name=&parent=" + ubnd, 400,
       "Tên đơn vị cần từ 1 đến 300 byte."},
      {4, &admin, "/admin/units/99999", base + "&name=X", 404, "Không tìm thấy"},
      {5, &admin, "/admin/units/abc", base + "&name=X", 404, "Không tìm thấy"},
      {6, &office, "/admin/units/" + tckh, "csrf=" + office.csrf + "&name=X", 403,
       "Không được phép"},
      {7, &admin, "/admin/units/" + tckh, "name=X", 403, "Yêu cầu không hợp lệ"},
  };
  for (const Case& c : cases) {
    auto res = site_->Send("POST", c.target, c.body, c.who);
    ASSERT_EQ(res.status, c.status) << "case " << c.n << " " << res.body.substr(0, 300);
    std::string page = res.body;
    if (res.status == 303) {
      EXPECT_EQ(site_->Location(res), "/admin?ok=unit");
      page = site_->Send("GET", "/admin?ok=unit", "", c.who).body;
      EXPECT_NE(page.find("Đã lưu đơn vị."), std::string::npos);
    }
    EXPECT_NE(page.find(c.needle), std::string::npos) << "case " << c.n;
  }
  EXPECT_EQ(site_->Send("GET", "/admin/units/99999", "", &admin).status, 404);
  EXPECT_EQ(site_->Send("GET", "/admin/units/" + tckh, "", &office).status, 403);

  // Moved one level down (UBND → Văn phòng → the unit), the tree nests it there and closes
  // every list it opens.
  const std::string office_unit = IdOfLink(admin, "units", "Sửa Văn phòng HĐND và UBND thị xã");
  ASSERT_FALSE(office_unit.empty());
  ASSERT_EQ(
      site_->Send("POST", "/admin/units/" + tckh, base + "&name=TCKH&parent=" + office_unit, &admin)
          .status,
      303);
  std::string page = site_->Send("GET", "/admin", "", &admin).body;
  size_t from = page.find("<div class=\"tree\">");
  ASSERT_NE(from, std::string::npos);
  std::string tree = page.substr(from, page.find("</div>", from) - from);
  auto count = [&](const std::string& s) {
    size_t n = 0;
    for (size_t p = tree.find(s); p != std::string::npos; p = tree.find(s, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<ul>"), count("</ul>"));
  EXPECT_EQ(count("<li>"), count("</li>"));
  // TCKH is the first child of the Office, itself under the root (found by position: a regex
  // with ".*" over the whole tree overflows the stack of libstdc++'s backtracking matcher).
  const std::string root_li = "<ul><li><span class=\"unit\">UBND thị xã Đức Phổ</span>";
  const std::string office_li = "<ul><li><span class=\"unit\">Văn phòng HĐND và UBND thị xã</span>";
  const std::string tckh_li = "<ul><li><span class=\"unit\">TCKH</span>";
  size_t at_root = tree.find(root_li);
  size_t at_office = tree.find(office_li, at_root == std::string::npos ? 0 : at_root);
  size_t at_tckh = tree.find(tckh_li, at_office == std::string::npos ? 0 : at_office);
  ASSERT_NE(at_root, std::string::npos) << tree.substr(0, 1500);
  ASSERT_NE(at_office, std::string::npos) << tree.substr(0, 1500);
  ASSERT_NE(at_tckh, std::string::npos) << tree.substr(0, 1500);
  std::string between =
      tree.substr(at_office + office_li.size(), at_tckh - at_office - office_li.size());
  EXPECT_EQ(between.find("<li>"), std::string::npos) << between;
  EXPECT_EQ(between.find("</li>"), std::string::npos) << between;
}

TEST_F(AdminPagesTest, CsvPreviewShowsBadRowsAndAppliesNothingUntilConfirmed) {
  Session admin = site_->Login("admin");
  const std::string csv =
      "\xEF\xBB\xBFname,aliases,kind,parent\r\n"
      "Tổ công tác <b>số 1</b>,TCT1,to,UBND thị xã Đức Phổ\r\n"
      "Tổ lạc,,to,Phòng Không Tồn Tại\r\n";
  // As an uploaded file (multipart), BOM and CRLF included.
  std::string body = "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + admin.csrf +
                     "\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; "
                     "filename=\"don-vi.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
                     csv + "\r\n--B--\r\n";
  auto preview =
      site_->Send("POST", "/admin/units/csv", body, &admin, "multipart/form-data; boundary=B");
  ASSERT_EQ(preview.status, 200) << preview.body.substr(0, 500);
  EXPECT_NE(preview.body.find("Tổ công tác &lt;b&gt;số 1&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(preview.body.find("<b>số 1</b>"), std::string::npos);
  EXPECT_NE(preview.body.find("Không tìm thấy đơn vị cấp trên «Phòng Không Tồn Tại»"),
            std::string::npos);
  EXPECT_NE(preview.body.find("<td data-label=\"Dòng\">3</td>"), std::string::npos);
  EXPECT_NE(preview.body.find("Nhập 1 đơn vị"), std::string::npos);
  // Nothing is stored by the preview (cancel = leaving the page).
  EXPECT_EQ(site_->Send("GET", "/admin", "", &admin).body.find("Tổ công tác"), std::string::npos);

  // "Nhập" posts back the text the preview carried in its hidden field.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(preview.body, m, std::regex("name=\"csv\" value=\"([^\"]*)\"")));
  std::string carried = m[1];
  EXPECT_NE(carried.find("&lt;b&gt;"), std::string::npos);  // escaped in the attribute
  auto applied = site_->Send("POST", "/admin/units/csv/apply",
                             "csrf=" + admin.csrf + "&csv=" + Enc(csv), &admin);
  ASSERT_EQ(applied.status, 303) << applied.body.substr(0, 300);
  auto page = site_->Send("GET", site_->Location(applied), "", &admin);
  EXPECT_NE(page.body.find("Đã nhập 1 đơn vị mới."), std::string::npos);
  EXPECT_NE(page.body.find("Tổ công tác &lt;b&gt;số 1&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(page.body.find("Tổ lạc"), std::string::npos);

  // A file that is not UTF-8 gets a reason; a unit user is refused.
  std::string latin1 = "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + admin.csrf +
                       "\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; "
                       "filename=\"x.csv\"\r\n\r\nPh\xF2ng\r\n--B--\r\n";
  auto bad =
      site_->Send("POST", "/admin/units/csv", latin1, &admin, "multipart/form-data; boundary=B");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("UTF-8"), std::string::npos);
  Session unit = site_->Login("tckh");
  EXPECT_EQ(
      site_->Send("POST", "/admin/units/csv/apply", "csrf=" + unit.csrf + "&csv=X", &unit).status,
      403);
}

TEST_F(AdminPagesTest, AdminChangesRoleResetsPasswordAndLocksAUser) {
  Session admin = site_->Login("admin");
  Session viewer = site_->Login("xem");
  const std::string id = IdOfLink(admin, "users", "Sửa người dùng xem");
  ASSERT_FALSE(id.empty());
  auto form = site_->Send("GET", "/admin/users/" + id, "", &admin);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Người dùng: xem"), std::string::npos);

  // A unit role needs a unit; the Chair must be a leader.
  auto refused =
      site_->Send("POST", "/admin/users/" + id, "csrf=" + admin.csrf + "&role=unit&unit=", &admin);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("cần chọn một đơn vị"), std::string::npos);
  refused = site_->Send("POST", "/admin/users/" + id, "csrf=" + admin.csrf + "&role=viewer&chair=1",
                        &admin);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("Chủ tịch"), std::string::npos);
  auto saved = site_->Send(
      "POST", "/admin/users/" + id,
      "csrf=" + admin.csrf + "&display_name=" + Enc("Ông Xem") + "&role=leader&unit=&chair=1",
      &admin);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 300);
  auto after = site_->Send("GET", site_->Location(saved), "", &admin);
  EXPECT_NE(after.body.find("Đã lưu thông tin người dùng."), std::string::npos);
  EXPECT_NE(after.body.find("<option value=\"leader\" selected>"), std::string::npos);
  EXPECT_NE(after.body.find("name=\"chair\" value=\"1\" checked"), std::string::npos);

  // A new password ends the user's sessions.
  EXPECT_EQ(site_->Send("GET", "/tasks", "", &viewer).status, 200);
  auto mismatch =
      site_->Send("POST", "/admin/users/" + id + "/password",
                  "csrf=" + admin.csrf + "&password=new-pass-123&password2=other-pass-1", &admin);
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_NE(mismatch.body.find("không khớp"), std::string::npos);
  auto reset =
      site_->Send("POST", "/admin/users/" + id + "/password",
                  "csrf=" + admin.csrf + "&password=new-pass-123&password2=new-pass-123", &admin);
  ASSERT_EQ(reset.status, 303);
  EXPECT_EQ(site_->Send("GET", "/tasks", "", &viewer).status, 303);  // to the sign-in page
  Session again = site_->Login("xem", "new-pass-123");
  EXPECT_EQ(site_->Send("GET", "/tasks", "", &again).status, 200);

  // Lock, then unlock.
  auto lock =
      site_->Send("POST", "/admin/users/" + id + "/lock", "csrf=" + admin.csrf + "&lock=1", &admin);
  ASSERT_EQ(lock.status, 303);
  EXPECT_NE(site_->Send("GET", site_->Location(lock), "", &admin).body.find("Đã khóa"),
            std::string::npos);
  EXPECT_EQ(site_->Send("GET", "/tasks", "", &again).status, 303);
  auto unlock =
      site_->Send("POST", "/admin/users/" + id + "/lock", "csrf=" + admin.csrf + "&lock=0", &admin);
  ASSERT_EQ(unlock.status, 303);
  site_->Login("xem", "new-pass-123");

  EXPECT_EQ(site_->Send("GET", "/admin/users/99999", "", &admin).status, 404);
  Session office = site_->Login("vanphong");
  EXPECT_EQ(site_->Send("GET", "/admin/users/" + id, "", &office).status, 403);
  EXPECT_EQ(
      site_
          ->Send("POST", "/admin/users/" + id + "/lock", "csrf=" + office.csrf + "&lock=1", &office)
          .status,
      403);
}

TEST_F(AdminPagesTest, FieldGetsUnitsAndALeader) {
  Session admin = site_->Login("admin");
  auto page = site_->Send("GET", "/admin", "", &admin);
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(page.body, m, std::regex("href=\"/admin/fields/([0-9]+)\" aria-label")));
  const std::string field = m[1];
  const std::string unit = IdOfLink(admin, "units", "Sửa Công an thị xã");
  ASSERT_FALSE(unit.empty());
  auto form = site_->Send("GET", "/admin/fields/" + field, "", &admin);
  ASSERT_EQ(form.status, 200);
  ASSERT_TRUE(std::regex_search(
      form.body, m, std::regex("<option value=\"([0-9]+)\"[^>]*>[^<]*\\(phochutich\\)")));
  const std::string leader = m[1];
  auto saved = site_->Send(
      "POST", "/admin/fields/" + field,
      "csrf=" + admin.csrf + "&name=" + Enc("Nội chính") + "&unit=" + unit + "&leader=" + leader,
      &admin);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 300);
  auto list = site_->Send("GET", site_->Location(saved), "", &admin);
  EXPECT_NE(list.body.find("Đã lưu lĩnh vực."), std::string::npos);
  EXPECT_NE(list.body.find("<strong>Nội chính</strong>"), std::string::npos);
  auto again = site_->Send("GET", "/admin/fields/" + field, "", &admin);
  EXPECT_NE(again.body.find("value=\"" + unit + "\" checked"), std::string::npos);
  EXPECT_NE(again.body.find("<option value=\"" + leader + "\" selected>"), std::string::npos);

  // A viewer is not a leader; an unknown unit id is refused; an unknown field is 404.
  const std::string viewer_user = IdOfLink(admin, "users", "Sửa người dùng vanphong");
  auto refused = site_->Send("POST", "/admin/fields/" + field,
                             "csrf=" + admin.csrf + "&name=X&leader=" + viewer_user, &admin);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("vai trò Lãnh đạo"), std::string::npos);
  refused = site_->Send("POST", "/admin/fields/" + field,
                        "csrf=" + admin.csrf + "&name=X&unit=99999", &admin);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(site_->Send("GET", "/admin/fields/99999", "", &admin).status, 404);
}

}  // namespace
}  // namespace dondoc::web
