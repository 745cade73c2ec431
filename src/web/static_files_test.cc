// The embedded CSS and JavaScript as served: gzip (made at build time) only to clients that
// accept it, with Vary, and the total the browser downloads (issue 4's budget).
#include "web/static_files.h"

#include <gtest/gtest.h>

#include <iostream>

#include "http/compress.h"
#include "http/test_client.h"
#include "web/assets.h"

namespace dondoc::web {
namespace {

std::string HeaderOf(const http::Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

http::Response Serve(std::string path, std::string accept_encoding, std::string method = "GET") {
  http::Request req;
  req.method = std::move(method);
  req.path = std::move(path);
  req.target = req.path;
  if (!accept_encoding.empty()) req.headers["accept-encoding"] = std::move(accept_encoding);
  http::Response res = ServeStatic(req);
  http::NegotiateEncoding(req, res);  // what the server does next: must leave it alone
  return res;
}

TEST(StaticFilesTest, GzipOnlyWhenAccepted) {
  const Asset* a = FindAsset("static/app.js");
  ASSERT_NE(a, nullptr);
  ASSERT_FALSE(a->gzip.empty());
  struct Case {
    int n;
    std::string accept;
    bool gzip;
  } cases[] = {
      {1, "gzip, deflate, br", true}, {2, "GZIP", true},      {3, "*", true},   {4, "", false},
      {5, "identity", false},         {6, "gzip;q=0", false}, {7, "br", false}, {8, "*;q=0", false},
  };
  for (const auto& c : cases) {
    http::Response r = Serve("/static/app.js", c.accept);
    ASSERT_EQ(r.status, 200) << "case " << c.n;
    EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding") << "case " << c.n;
    EXPECT_EQ(HeaderOf(r, "Content-Encoding"), c.gzip ? "gzip" : "") << "case " << c.n;
    EXPECT_EQ(c.gzip ? http::testing::Gunzip(r.Body()) : r.Body(), a->data) << "case " << c.n;
  }
}

TEST(StaticFilesTest, NotModifiedAndImagesStayAsTheyAre) {
  const Asset* a = FindAsset("static/app.css");
  ASSERT_NE(a, nullptr);
  http::Request req;
  req.method = "GET";
  req.path = "/static/app.css";
  req.headers["accept-encoding"] = "gzip";
  req.headers["if-none-match"] = std::string(a->etag);
  http::Response r = ServeStatic(req);
  http::NegotiateEncoding(req, r);
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.Body().empty());
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "");
  for (const Asset& asset : AllAssets()) {
    if (!asset.path.starts_with("static/") || http::IsCompressibleType(asset.content_type)) {
      continue;
    }
    http::Response img = Serve("/" + std::string(asset.path), "gzip");
    EXPECT_EQ(img.Body(), asset.data) << asset.path;
    EXPECT_EQ(HeaderOf(img, "Content-Encoding"), "") << asset.path;
  }
}

TEST(StaticFilesTest, ScriptsAndStylesAsDownloaded) {
  // Issue 4: all JS + CSS <= 300 KB compressed, counted as a browser receives them.
  size_t plain = 0, sent = 0;
  for (const Asset& a : AllAssets()) {
    if (!a.path.starts_with("static/") || !(a.path.ends_with(".js") || a.path.ends_with(".css"))) {
      continue;
    }
    http::Response r = Serve("/" + std::string(a.path), "gzip, deflate, br");
    ASSERT_EQ(r.status, 200) << a.path;
    plain += a.data.size();
    sent += r.Body().size();
    std::cout << "  " << a.path << ": " << a.data.size() << " -> " << r.Body().size() << " bytes\n";
  }
  std::cout << "  JS + CSS: " << plain << " bytes plain, " << sent << " bytes gzip\n";
  EXPECT_LT(sent, plain / 2);
  EXPECT_LE(sent, 300u * 1024u);
}

}  // namespace
}  // namespace dondoc::web
