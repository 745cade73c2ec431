#include "web/assets.h"

#include <gtest/gtest.h>

#include <string>

#include "http/test_client.h"

namespace dondoc::web {
namespace {

using http::testing::Gunzip;

TEST(AssetsTest, KnownFilesAreEmbeddedWithTypes) {
  struct Case {
    int n;
    std::string path, type_prefix;
  } cases[] = {
      {1, "static/app.css", "text/css"},
      {2, "static/app.js", "text/javascript"},
      {3, "static/vendor/htmx.min.js", "text/javascript"},
      {4, "static/vendor/chart.umd.min.js", "text/javascript"},
      {5, "templates/layout.mustache", "text/html"},
  };
  for (const auto& c : cases) {
    const Asset* a = FindAsset(c.path);
    ASSERT_NE(a, nullptr) << "case " << c.n;
    EXPECT_EQ(a->content_type.substr(0, c.type_prefix.size()), c.type_prefix) << "case " << c.n;
    EXPECT_FALSE(a->data.empty()) << "case " << c.n;
    EXPECT_EQ(a->etag.front(), '"') << "case " << c.n;
    EXPECT_EQ(a->etag.back(), '"') << "case " << c.n;
  }
  EXPECT_EQ(FindAsset("static/nope.css"), nullptr);
  EXPECT_EQ(FindAsset(""), nullptr);
}

TEST(AssetsTest, GzipRoundTripsAndIsSmaller) {
  for (const Asset& a : AllAssets()) {
    if (a.gzip.empty()) continue;
    EXPECT_LT(a.gzip.size(), a.data.size()) << a.path;
    EXPECT_EQ(Gunzip(a.gzip), a.data) << a.path;
  }
  const Asset* js = FindAsset("static/vendor/chart.umd.min.js");
  ASSERT_NE(js, nullptr);
  EXPECT_FALSE(js->gzip.empty());
}

TEST(AssetsTest, SortedAndUnique) {
  auto all = AllAssets();
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].path, all[i].path);
}

TEST(AssetsTest, ScriptsAndStylesFitTheBudget) {
  // Issue 4: all JS + CSS <= 300 KB compressed.
  size_t total = 0;
  for (const Asset& a : AllAssets()) {
    if (a.path.ends_with(".js") || a.path.ends_with(".css")) {
      total += a.gzip.empty() ? a.data.size() : a.gzip.size();
    }
  }
  EXPECT_LE(total, 300u * 1024u);
}

}  // namespace
}  // namespace dondoc::web
