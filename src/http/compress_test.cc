// gzip answers: Accept-Encoding negotiation, which answers are compressed, and that the gzip
// bytes are exactly the plain ones once inflated.
#include "http/compress.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <thread>

#include "http/body_cache.h"
#include "http/test_client.h"

namespace dondoc::http {
namespace {

using testing::Gunzip;

// ~4 KB of JSON that compresses well.
std::string BigJson() {
  std::string s = "[";
  for (int i = 0; i < 100; ++i) s += "{\"id\":" + std::to_string(i) + ",\"name\":\"Phòng\"},";
  s.back() = ']';
  return s;
}

std::string HeaderOf(const Response& r, std::string_view name) {
  std::string out;
  for (const auto& [n, v] : r.headers) {
    if (n == name) out += (out.empty() ? "" : "\n") + v;
  }
  return out;
}

TEST(CompressTest, AcceptEncodingWeights) {
  struct Case {
    int n;
    std::string header;
    bool gzip;
  } cases[] = {
      {1, "", false},
      {2, "gzip", true},
      {3, "GZip", true},
      {4, "gzip, deflate, br, zstd", true},
      {5, "deflate, br", false},
      {6, "gzip;q=0", false},
      {7, "gzip; q=0.000", false},
      {8, "gzip;q=0.001", true},
      {9, "gzip;Q=1.0", true},
      {10, "*", true},
      {11, "*;q=0", false},
      {12, "*, gzip;q=0", false},  // an explicit gzip entry wins over *
      {13, "gzip;q=0, *", false},
      {14, "br;q=0.5, *;q=0.1", true},
      {15, "identity", false},
      {16, "x-gzip", true},
      {17, "gzipx, notgzip", false},
      {18, "gzip;q=0.5, identity;q=1", false},  // identity preferred
      {19, "gzip;q=1, identity;q=0.5", true},
      {20, "gzip;q=abc", false},  // a malformed weight: the entry is ignored
      {21, "gzip;q=1.5", false},
      {22, " gzip ; q=1 , br", true},
      {23, ",,gzip,", true},
      {24, "deflate;q=1, gzip;level=9", true},  // other parameters ignored
      {25, "identity;q=0, *;q=0", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(AcceptsGzip(c.header), c.gzip) << "case " << c.n << ": " << c.header;
  }
}

TEST(CompressTest, CompressibleTypes) {
  struct Case {
    int n;
    std::string type;
    bool compressible;
  } cases[] = {
      {1, "application/json", true},
      {2, "application/json; charset=utf-8", true},
      {3, "text/html; charset=utf-8", true},
      {4, "text/css", true},
      {5, "text/javascript; charset=utf-8", true},
      {6, "text/csv", true},
      {7, "text/plain", true},
      {8, "image/svg+xml", true},
      {9, "application/problem+json", true},
      {10, "Application/JSON", true},
      {11, "application/octet-stream", false},
      {12, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false},
      {13, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false},
      {14, "application/pdf", false},
      {15, "application/zip", false},
      {16, "image/png", false},
      {17, "font/woff2", false},
      {18, "text/event-stream", false},
      {19, "", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsCompressibleType(c.type), c.compressible) << "case " << c.n << ": " << c.type;
  }
}

TEST(CompressTest, GzipRoundTrips) {
  for (const std::string& s :
       {std::string(), std::string("a"), BigJson(), std::string(200000, 'x')}) {
    std::string z = Gzip(s);
    ASSERT_FALSE(z.empty());
    EXPECT_EQ(Gunzip(z), s);
  }
  EXPECT_LT(Gzip(BigJson()).size(), BigJson().size() / 4);
}

Request Get(std::string accept_encoding, std::string method = "GET") {
  Request req;
  req.method = std::move(method);
  if (!accept_encoding.empty()) req.headers["accept-encoding"] = std::move(accept_encoding);
  return req;
}

Response Plain(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

TEST(CompressTest, AGzipClientGetsTheSameBytesCompressed) {
  Response r = Plain(BigJson());
  NegotiateEncoding(Get("gzip, deflate"), r);
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(Gunzip(r.Body()), BigJson());
}

TEST(CompressTest, OthersGetPlainBytes) {
  struct Case {
    int n;
    Request req;
    Response res;
    bool vary;
  } cases[] = {
      {1, Get(""), Plain(BigJson()), true},
      {2, Get("identity"), Plain(BigJson()), true},
      {3, Get("gzip;q=0, identity"), Plain(BigJson()), true},
      {4, Get("gzip"), Plain(std::string(kMinGzipBytes - 1, 'x')), false},  // small
      {5, Get("gzip", "POST"), Plain(BigJson()), false},
      {6, Get("gzip"), Response::Error(404, "not_found", std::string(2000, 'x')), false},
      {7, Get("gzip"), Plain(BigJson()), false},   // an attachment (below)
      {8, Get("gzip"), Plain(BigJson()), false},   // an XLSX (below)
      {9, Get("gzip"), Plain(BigJson()), false},   // already encoded (below)
      {10, Get("gzip"), Plain(BigJson()), false},  // a 206 part (below)
      {11, Get("gzip"), Response::NoContent(), false},
  };
  cases[6].res.content_type = "text/csv";
  cases[6].res.headers.emplace_back("Content-Disposition", "attachment; filename=\"a.csv\"");
  cases[7].res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  cases[8].res.headers.emplace_back("Content-Encoding", "gzip");
  cases[9].res.status = 206;
  cases[9].res.headers.emplace_back("Content-Range", "bytes 0-9/4000");
  for (auto& c : cases) {
    const std::string before = c.res.Body();
    const size_t headers = c.res.headers.size();
    NegotiateEncoding(c.req, c.res);
    EXPECT_EQ(c.res.Body(), before) << "case " << c.n;
    EXPECT_EQ(HeaderOf(c.res, "Vary"), c.vary ? "Accept-Encoding" : "") << "case " << c.n;
    EXPECT_EQ(c.res.headers.size(), headers + (c.vary ? 1 : 0)) << "case " << c.n;
  }
}

// `n` bytes that do not compress (a fixed LCG's high bytes).
std::string Noise(size_t n) {
  std::string noise;
  std::uint32_t x = 12345;
  for (size_t i = 0; i < n; ++i) {
    x = x * 1664525u + 1013904223u;
    noise.push_back(static_cast<char>(x >> 24));
  }
  return noise;
}

TEST(CompressTest, IncompressibleBytesGoOutPlain) {
  const std::string noise = Noise(4000);
  Response r = Plain(noise);
  r.content_type = "text/plain";
  NegotiateEncoding(Get("gzip"), r);
  EXPECT_EQ(r.Body(), noise);
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "");
}

TEST(CompressTest, ACachedAnswerIsCompressedOnceWhenMade) {
  BodyCache cache([] { return 1; }, 1 << 20);
  int calls = 0;
  auto h = [&] {
    ++calls;
    return Plain(BigJson());
  };
  Response miss = CachedJson(cache, "k", h);
  ASSERT_TRUE(miss.shared_body.gzip());  // compressed where it was made, at the cache's level
  const std::string* gzip = miss.shared_body.gzip().get();
  EXPECT_EQ(Gunzip(*gzip), BigJson());
  NegotiateEncoding(Get("gzip"), miss);
  EXPECT_EQ(miss.shared_body.bytes().get(), gzip);  // this client gets those bytes
  for (int i = 0; i < 3; ++i) {
    Response hit = CachedJson(cache, "k", h);
    ASSERT_EQ(hit.shared_body.gzip().get(), gzip) << i;  // the bytes kept, not compressed again
    NegotiateEncoding(Get("gzip"), hit);
    EXPECT_EQ(hit.shared_body.bytes().get(), gzip) << i;  // and those go out
    EXPECT_EQ(HeaderOf(hit, "Content-Encoding"), "gzip") << i;
    Response plain = CachedJson(cache, "k", h);
    NegotiateEncoding(Get("identity"), plain);
    EXPECT_EQ(plain.Body(), BigJson()) << i;
  }
  EXPECT_EQ(calls, 1);
  // The budget counts both forms (and the key).
  EXPECT_EQ(cache.bytes(), 2 * std::string("k").size() + BigJson().size() + gzip->size());
}

TEST(CompressTest, APutBodyIsKeptWithItsGzip) {
  // Put with the plain bytes only: the cache adds the gzip form.
  BodyCache cache([] { return 1; }, 1 << 20);
  auto plain = std::make_shared<const std::string>(BigJson());
  cache.Put("t", 1, plain);
  SharedBody hit = cache.Get("t", 1);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit.bytes(), plain);  // shared, not copied
  ASSERT_TRUE(hit.gzip());
  EXPECT_EQ(Gunzip(*hit.gzip()), BigJson());
  EXPECT_EQ(cache.Get("t", 1).gzip(), hit.gzip());
  // A small body gets none.
  cache.Put("s", 1, std::make_shared<const std::string>("{}"));
  EXPECT_FALSE(cache.Get("s", 1).gzip());
}

TEST(CompressTest, GzipHoldsNoMoreMemoryThanItsBytes) {
  // The answer cache counts size(): a result keeping the input-sized buffer it was written in
  // held ~10x more than counted.
  for (int level : {kGzipLevel, kGzipLevelPerRequest}) {
    const std::string z = Gzip(std::string(200000, 'x'), level);
    ASSERT_FALSE(z.empty()) << level;
    EXPECT_LT(z.capacity(), 2 * z.size() + 32) << level;
  }
}

TEST(CompressTest, GzipRoundTripsAtEverySizeClassAndLevel) {
  // Sizes around deflate's 32 KB window and libdeflate's block splitting; levels beyond the
  // range are clamped.
  for (size_t n : {size_t{0}, size_t{511}, size_t{512}, size_t{513}, size_t{4096}, size_t{5000},
                   size_t{32767}, size_t{32768}, size_t{32769}, size_t{100000}, size_t{1000000}}) {
    std::string s;
    for (size_t i = 0; s.size() < n; ++i) s += "{\"id\":" + std::to_string(i * 7919 % 1000) + "},";
    s.resize(n);
    for (int level : {-1, 0, kGzipLevelPerRequest, kGzipLevel, 12, 99}) {
      std::string z = Gzip(s, level);
      ASSERT_FALSE(z.empty()) << n;
      EXPECT_EQ(Gunzip(z), s) << n << " bytes at level " << level;
    }
  }
}

TEST(CompressTest, TheFastLevelStoresWhatDoesNotCompress) {
  // igzip writes stored blocks when deflate would grow the bytes: the output's room must hold
  // them, across the 64 KB stored-block limit too.
  for (size_t n : {size_t{1}, size_t{2000}, size_t{65535}, size_t{65536}, size_t{300000}}) {
    const std::string noise = Noise(n);
    const std::string z = Gzip(noise, kGzipLevelPerRequest);
    ASSERT_FALSE(z.empty()) << n;
    EXPECT_EQ(Gunzip(z), noise) << n;
    EXPECT_LE(z.size(), n + 5 * (n / 65535 + 1) + 18) << n;
  }
}

TEST(CompressTest, TheFastLevelGivesTheSameBytesOnAReusedStreamAndAnotherThread) {
  // Each thread keeps one igzip stream: what a call leaves in it (a longer input's window and
  // hash entries) must not reach the next call's bytes.
  const std::string small = BigJson();
  const std::string first = Gzip(small, kGzipLevelPerRequest);
  std::string big;
  for (int i = 0; big.size() < 200000; ++i)
    big += "{\"id\":" + std::to_string(i) + ",\"t\":\"Phòng\"},";
  ASSERT_EQ(Gunzip(Gzip(big, kGzipLevelPerRequest)), big);
  ASSERT_EQ(Gunzip(Gzip(Noise(5000), kGzipLevelPerRequest)), Noise(5000));
  EXPECT_EQ(Gzip(small, kGzipLevelPerRequest), first);
  std::string elsewhere;
  std::thread([&] { elsewhere = Gzip(small, kGzipLevelPerRequest); }).join();
  EXPECT_EQ(elsewhere, first);
  EXPECT_EQ(Gunzip(first), small);
  EXPECT_LT(first.size(), small.size() / 4);  // it does compress
}

TEST(CompressTest, CachedAnswersAreCompressedHarderOnlyWhenLarge) {
  // A page of tasks (~17 KB) at the per-request level; a scorecard (~300 KB) at kGzipLevel.
  EXPECT_EQ(CachedGzipLevel(17000), kGzipLevelPerRequest);
  EXPECT_EQ(CachedGzipLevel(kGzipLevelBigAnswerBytes - 1), kGzipLevelPerRequest);
  EXPECT_EQ(CachedGzipLevel(kGzipLevelBigAnswerBytes), kGzipLevel);
  EXPECT_EQ(CachedGzipLevel(300000), kGzipLevel);
  EXPECT_NE(kGzipLevel, kGzipLevelPerRequest);
}

}  // namespace
}  // namespace dondoc::http
