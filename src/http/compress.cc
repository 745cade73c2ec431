#include "http/compress.h"

#include <isa-l/igzip_lib.h>
#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>

namespace dondoc::http {
namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A qvalue (RFC 9110 §12.4.2) in thousandths: "0", "0.5", "1", "1.000"; nullopt when malformed.
std::optional<int> ParseQ(std::string_view s) {
  if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::nullopt;
  int whole = s[0] - '0';
  if (s.size() == 1) return whole * 1000;
  if (s[1] != '.' || s.size() > 5) return std::nullopt;
  int frac = 0, digits = 0;
  for (char c : s.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    frac = frac * 10 + (c - '0');
    ++digits;
  }
  for (; digits < 3; ++digits) frac *= 10;
  if (whole == 1 && frac != 0) return std::nullopt;
  return whole * 1000 + frac;
}

bool HasHeader(const Response& res, std::string_view name) {
  for (const auto& [n, v] : res.headers) {
    if (EqualsIgnoreCase(n, name)) return true;
  }
  return false;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  std::optional<int> gzip, star, identity;  // weights in thousandths, when listed
  while (!accept_encoding.empty()) {
    size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view coding = Trim(item.substr(0, semi));
    if (coding.empty()) continue;
    int q = 1000;
    bool malformed = false;
    while (semi != std::string_view::npos) {
      std::string_view rest = item.substr(semi + 1);
      semi = rest.find(';');
      std::string_view param = Trim(rest.substr(0, semi));
      item = rest;
      size_t eq = param.find('=');
      if (eq == std::string_view::npos) continue;
      if (!EqualsIgnoreCase(Trim(param.substr(0, eq)), "q")) continue;
      std::optional<int> parsed = ParseQ(Trim(param.substr(eq + 1)));
      if (!parsed) {
        malformed = true;
        break;
      }
      q = *parsed;
    }
    if (malformed) continue;
    if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) {
      gzip = std::max(gzip.value_or(0), q);
    } else if (coding == "*") {
      star = q;
    } else if (EqualsIgnoreCase(coding, "identity")) {
      identity = q;
    }
  }
  const int weight = gzip ? *gzip : star.value_or(0);
  if (weight == 0) return false;
  return !identity || *identity <= weight;
}

bool IsCompressibleType(std::string_view content_type) {
  std::string type;
  for (char c : Trim(content_type.substr(0, content_type.find(';')))) type += LowerAscii(c);
  std::string_view t = type;
  if (t.starts_with("text/")) return t != "text/event-stream";  // a stream must not be buffered
  return t == "application/json" || t.ends_with("+json") || t == "application/javascript" ||
         t == "application/xml" || t.ends_with("+xml") || t == "application/x-ndjson";
}

namespace {

// `data` as a gzip stream from ISA-L's igzip at its level 0, "" when it cannot: one call on a
// whole buffer with a stream kept per thread. Its deflate streams are ~1.2x libdeflate level 1's
// bytes for a third to a half of the CPU (bench/FINDINGS.md 3l).
std::string IgzipLevel0(std::string_view data) {
  if (data.size() > std::numeric_limits<std::uint32_t>::max() / 2) return "";
  // 82 KB with its window and hash table: allocated on a thread's first answer rather than in
  // every thread's static TLS. Value-initialised once; isal_deflate_stateless_init resets what
  // a call reads (the outputs of a reused stream equal a fresh one's: compress_test.cc).
  static thread_local std::unique_ptr<isal_zstream> stream;
  if (!stream) stream = std::make_unique<isal_zstream>();
  isal_zstream& s = *stream;
  isal_deflate_stateless_init(&s);
  s.level = 0;
  s.gzip_flag = IGZIP_GZIP;
  s.end_of_stream = 1;
  s.flush = NO_FLUSH;
  // Room for stored blocks (5 bytes a 64 KB block) when the input does not compress, the gzip
  // header and trailer and the largest deflate block header.
  std::string out(data.size() + 5 * (data.size() / 65535 + 1) + 18 + ISAL_DEF_MAX_HDR_SIZE, '\0');
  s.next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<std::uint32_t>(data.size());
  s.next_out = reinterpret_cast<std::uint8_t*>(out.data());
  s.avail_out = static_cast<std::uint32_t>(out.size());
  if (isal_deflate_stateless(&s) != COMP_OK) return "";
  return std::string(out.data(), s.total_out);  // not `out` resized: see Gzip
}

}  // namespace

std::string Gzip(std::string_view data, int level) {
  level = std::clamp(level, 0, 12);
  if (level == 0) {
    std::string z = IgzipLevel0(data);
    if (!z.empty()) return z;
    level = 1;
  }
  // libdeflate compresses a whole buffer in one call with a compressor kept per thread and
  // level, so an answer sets up no stream state: a 0.7-3.3 KB task at level 1 took 17 us where
  // zlib took 27 (cache-cold), ~2x faster at levels 1 and 6 on large answers, and a few per
  // cent fewer bytes (bench/FINDINGS.md 3g).
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  static thread_local std::array<std::unique_ptr<libdeflate_compressor, Free>, 13> compressors;
  auto& compressor = compressors[static_cast<size_t>(level)];
  if (!compressor) compressor.reset(libdeflate_alloc_compressor(level));
  if (!compressor) return "";
  std::string out(libdeflate_gzip_compress_bound(compressor.get(), data.size()), '\0');
  const size_t n =
      libdeflate_gzip_compress(compressor.get(), data.data(), data.size(), out.data(), out.size());
  if (n == 0) return "";  // cannot happen with the bound's room
  // A copy of the n bytes, not `out` resized: its capacity stays the input's size, and the
  // answer cache, which counts size(), held up to ~10x more memory than it counted.
  return std::string(out.data(), n);
}

bool MayGzip(std::string_view method, const Response& res) {
  return (method == "GET" || method == "HEAD") && res.status == 200 &&
         res.Body().size() >= kMinGzipBytes && IsCompressibleType(res.content_type) &&
         !HasHeader(res, "content-encoding") && !HasHeader(res, "vary") &&
         !HasHeader(res, "content-disposition") && !HasHeader(res, "content-range");
}

void NegotiateEncoding(const Request& req, Response& res) {
  if (!MayGzip(req.method, res)) return;
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (!AcceptsGzip(req.Header("accept-encoding"))) return;
  std::shared_ptr<const std::string> gzip;
  if (res.shared_body && res.shared_body.gzip()) {
    gzip = res.shared_body.gzip();
  } else {
    std::string z = Gzip(res.Body(), kGzipLevelPerRequest);
    if (z.empty() || z.size() >= res.Body().size()) return;
    gzip = std::make_shared<const std::string>(std::move(z));
  }
  res.body.clear();
  res.shared_body = SharedBody(std::move(gzip));
  res.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace dondoc::http
