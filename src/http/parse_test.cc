// Query strings, cookies, multipart bodies, JSON depth and the router.
#include <gtest/gtest.h>

#include "http/cookies.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "http/query.h"
#include "http/router.h"

namespace dondoc::http {
namespace {

TEST(CookiesTest, FindCookie) {
  struct Case {
    int n;
    std::string header, name;
    std::optional<std::string> want;
  };
  const Case cases[] = {
      {1, "dondoc_session=abc", "dondoc_session", "abc"},
      {2, "a=1; dondoc_session=xyz; b=2", "dondoc_session", "xyz"},
      {3, "a=1;b=2", "dondoc_session", std::nullopt},
      {4, "dondoc_session=\"q\"", "dondoc_session", "q"},
      {5, "xdondoc_session=1", "dondoc_session", std::nullopt},
      {6, "", "dondoc_session", std::nullopt},
      {7, ";;=;dondoc_session=", "dondoc_session", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(FindCookie(c.header, c.name), c.want) << "case " << c.n;
}

TEST(CookiesTest, FormatSetCookie) {
  EXPECT_EQ(FormatSetCookie("s", "v", {}), "s=v; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(FormatSetCookie("s", "", {.max_age_seconds = 0}),
            "s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

TEST(MultipartTest, Parses) {
  std::string body =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"tb.txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XyZ--\r\n";
  auto parts = ParseMultipart("multipart/form-data; boundary=\"XyZ\"", body);
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "file");
  EXPECT_EQ((*parts)[0].filename, "tb.txt");
  EXPECT_EQ((*parts)[0].content_type, "text/plain");
  EXPECT_EQ((*parts)[0].data, "line1\r\nline2");
  EXPECT_EQ((*parts)[1].name, "note");
  EXPECT_EQ((*parts)[1].data, "hi");
}

TEST(MultipartTest, RejectsMalformed) {
  struct Case {
    int n;
    std::string content_type, body;
  };
  const Case cases[] = {
      {1, "multipart/form-data", "--B\r\n\r\nx\r\n--B--"},
      {2, "multipart/form-data; boundary=B", "no delimiter at all"},
      {3, "multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data\r\n\r\nx"},
      {4, "multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data"},
      {5, "application/json; boundary=B", "--B--"},
      {6, "multipart/form-data; boundary=B", "--B"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(ParseMultipart(c.content_type, c.body).ok()) << "case " << c.n;
  }
}

TEST(JsonBodyTest, DepthAndValidity) {
  struct Case {
    int n;
    std::string body;
    bool ok;
  };
  const Case cases[] = {
      {1, "{\"a\": [1, 2, {\"b\": null}]}", true},
      {2, std::string(32, '[') + std::string(32, ']'), true},
      {3, std::string(33, '[') + std::string(33, ']'), false},
      {4, "{\"s\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}", true},
      {5, "", false},
      {6, "{\"a\": \"\xc3\"}", false},
      {7, "{} trailing", false},
      {8, "[1,]", false},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseJson(c.body).ok(), c.ok) << "case " << c.n;
}

TEST(RouterTest, MatchesPatterns) {
  Router r;
  auto h = [](Request&) { return Response{}; };
  r.Add("GET", "/api/v1/tasks", {}, h);
  r.Add("GET", "/api/v1/tasks/{id}", {}, h);
  r.Add("POST", "/api/v1/tasks/{id}/reports", {}, h);
  r.Add("GET", "/api/v1/tasks/export", {}, h);
  struct Case {
    int n;
    std::string method, path;
    Router::Match::Kind kind;
    std::string pattern;
    std::string id;
  };
  using K = Router::Match::Kind;
  const Case cases[] = {
      {1, "GET", "/api/v1/tasks", K::kFound, "/api/v1/tasks", ""},
      {2, "GET", "/api/v1/tasks/12", K::kFound, "/api/v1/tasks/{id}", "12"},
      {3, "POST", "/api/v1/tasks/12/reports", K::kFound, "/api/v1/tasks/{id}/reports", "12"},
      {4, "GET", "/api/v1/tasks/12/reports", K::kMethodNotAllowed, "", ""},
      {5, "GET", "/api/v1/tasks/export", K::kFound, "/api/v1/tasks/export", ""},
      {6, "GET", "/api/v1/tasks/", K::kNotFound, "", ""},
      {7, "GET", "/api/v1/task", K::kNotFound, "", ""},
      {8, "GET", "", K::kNotFound, "", ""},
      {9, "PUT", "/api/v1/tasks", K::kMethodNotAllowed, "", ""},
  };
  for (const Case& c : cases) {
    Router::Match m = r.Find(c.method, c.path);
    EXPECT_EQ(m.kind, c.kind) << "case " << c.n;
    if (c.kind == K::kFound) {
      EXPECT_EQ(m.route->pattern, c.pattern) << "case " << c.n;
      if (!c.id.empty()) {
        EXPECT_EQ(m.params["id"], c.id) << "case " << c.n;
      }
    }
  }
}

TEST(QueryTest, PercentDecode) {
  EXPECT_EQ(*PercentDecode("a+b%20c", true), "a b c");
  EXPECT_EQ(*PercentDecode("a+b", false), "a+b");
  EXPECT_FALSE(PercentDecode("%e1%ba", true).ok());  // truncated UTF-8 sequence
}

}  // namespace
}  // namespace dondoc::http
