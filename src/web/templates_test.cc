#include "web/templates.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace dondoc::web {
namespace {

using nlohmann::json;

TEST(TemplatesTest, EscapesUserTextEverywhere) {
  json data = {{"heading", "<script>alert(1)</script>"},
               {"message", "a & b \"c\" 'd'"},
               {"back", "/tasks?x=\"><img src=x>"}};
  auto html = RenderTemplate("error", data);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  struct Case {
    int n;
    std::string needle;
    bool present;
  } cases[] = {
      {1, "&lt;script&gt;alert(1)&lt;/script&gt;", true}, {2, "<script>", false},
      {3, "a &amp; b &quot;c&quot; &apos;d&apos;", true}, {4, "<img", false},
      {5, "&quot;&gt;&lt;img src=x&gt;", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(html->find(c.needle) != std::string::npos, c.present) << "case " << c.n;
  }
}

TEST(TemplatesTest, FalsyValuesHideSections) {
  struct Case {
    int n;
    json error;
    bool shown;
  } cases[] = {
      {1, nullptr, false},       {2, "", false}, {3, false, false}, {4, json::array(), false},
      {5, "Sai mật khẩu", true},
  };
  for (const auto& c : cases) {
    auto html = RenderTemplate("login", {{"error", c.error}});
    ASSERT_TRUE(html.ok()) << "case " << c.n;
    EXPECT_EQ(html->find("alert-error") != std::string::npos, c.shown) << "case " << c.n;
  }
}

TEST(TemplatesTest, LayoutShowsUserAndNavigationAndRawBody) {
  json data = {
      {"title", "Nhiệm vụ"},
      {"csrf", "tok123"},
      {"assets", {{"css", "/static/app.css"}, {"js", "/static/app.js"}, {"htmx", "/h.js"}}},
      {"user", {{"name", "Nguyễn Văn <A>"}, {"role", "Văn phòng"}}},
      {"nav", json::array({{{"href", "/tasks"}, {"label", "Nhiệm vụ"}, {"current", true}},
                           {{"href", "/dashboard"}, {"label", "Tổng quan"}}})},
      {"body", "<p id=\"b\">x</p>"}};
  auto html = RenderTemplate("layout", data);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(html->find("Nguyễn Văn &lt;A&gt;"), std::string::npos);
  EXPECT_NE(html->find("<a href=\"/tasks\" aria-current=\"page\">Nhiệm vụ</a>"), std::string::npos);
  EXPECT_NE(html->find("<a href=\"/dashboard\">Tổng quan</a>"), std::string::npos);
  EXPECT_NE(html->find("<p id=\"b\">x</p>"), std::string::npos);
  EXPECT_NE(html->find("name=\"csrf\" value=\"tok123\""), std::string::npos);
  EXPECT_NE(html->find("Đăng xuất"), std::string::npos);
}

TEST(TemplatesTest, PartialsComeFromTemplates) {
  json data = {{"has_rows", true},
               {"rows", json::array({{{"id", 7},
                                      {"href", "/tasks/7"},
                                      {"text", "<b>Giải ngân</b>"},
                                      {"lead", json::array({{{"name", "Phòng TC-KH"}}})},
                                      {"status", {{"css", "st-overdue"}, {"short", "Quá hạn"}}},
                                      {"progress", 40}}})}};
  auto html = RenderTemplate("tasks_results", data);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("badge st-overdue"), std::string::npos);
  EXPECT_NE(html->find("&lt;b&gt;Giải ngân&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html->find("40%"), std::string::npos);
  EXPECT_EQ(html->find("Không có nhiệm vụ"), std::string::npos);
}

TEST(TemplatesTest, UnknownTemplateIsNotFound) {
  auto html = RenderTemplate("no_such_page", json::object());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), StatusCode::kNotFound);
}

TEST(TemplatesTest, EveryTemplateParses) {
  for (const char* name : {"layout", "login", "error", "tasks", "tasks_results"}) {
    auto html = RenderTemplate(name, json::object());
    EXPECT_TRUE(html.ok()) << name << ": " << html.status().ToString();
  }
}

TEST(HtmlEscapeTest, Cases) {
  EXPECT_EQ(HtmlEscape("<a href='x'>&\"</a>"), "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("Đức Phổ"), "Đức Phổ");
}

}  // namespace
}  // namespace dondoc::web
