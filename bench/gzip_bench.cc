// CPU of compressing an answer, on JSON shaped like the server's answers: a task (~3 KB) and a
// page of 25 tasks (~17 KB), compressed per request, and a scorecard-sized answer (~300 KB),
// compressed once for the answer cache at kGzipLevel. Codecs: zlib and libdeflate at level 1
// (6 for the scorecard), and http::Gzip at the level the server uses (kGzipLevelPerRequest,
// igzip's level 0, for the two small ones). "Cold" variants walk 8 MB between compressions, as a
// server's other work does to the caches. Counters: out_bytes is the compressed size.
// FINDINGS.md 3g, 3l.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "http/compress.h"

namespace {

// A JSON text of about `n` bytes in the server's shape: keys, ids, dates, times and Vietnamese
// sentences drawn at random (a fixed seed), about as compressible as real answers (a task of
// the province tenant: 3.3 KB -> ~1 KB).
std::string AnswerJson(size_t n) {
  static const char* kWords[] = {
      "triển khai", "đạt",       "khoảng",  "khối lượng", "công việc", "đang",    "tiếp tục",
      "thực hiện",  "báo cáo",   "kết quả", "Sở",         "Tài chính", "UBND",    "xã",
      "huyện",      "giải ngân", "vốn",     "đầu tư",     "công",      "dự án",   "hoàn thành",
      "trước",      "ngày",      "tháng",   "rà soát",    "phối hợp",  "chủ trì", "đề xuất"};
  unsigned seed = 12345;
  auto next = [&seed](unsigned m) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % m;
  };
  std::string s = "{\"items\":[";
  while (s.size() < n) {
    s += "{\"created_at\":\"2025-" + std::to_string(10 + next(3)) + "-" +
         std::to_string(10 + next(19)) + "T" + std::to_string(10 + next(13)) + ":" +
         std::to_string(10 + next(49)) + ":" + std::to_string(10 + next(49)) +
         "+07:00\",\"id\":" + std::to_string(next(600000)) +
         ",\"percent\":" + std::to_string(next(101)) + ",\"text\":\"";
    for (unsigned w = 0, words = 6 + next(12); w < words; ++w) {
      s += kWords[next(sizeof(kWords) / sizeof(kWords[0]))];
      s += w + 1 < words ? " " : ".";
    }
    s += "\",\"unit_id\":" + std::to_string(next(1000)) +
         ",\"user_id\":" + std::to_string(next(2000)) + "},";
  }
  s.back() = ']';
  return s + ",\"total\":" + std::to_string(n) + "}";
}

std::string ZlibGzip(const std::string& data, int level) {
  z_stream s{};
  if (deflateInit2(&s, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&s, static_cast<uLong>(data.size())), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

void Flush(std::vector<char>& junk) {
  for (size_t i = 0; i < junk.size(); i += 64) junk[i]++;
  benchmark::DoNotOptimize(junk.data());
}

// state.range(0): answer size; range(1): the codec (kCodecs); range(2): cold.
const char* const kCodecs[] = {"zlib", "libdeflate", "server"};

void BM_Gzip(benchmark::State& state) {
  const std::string data = AnswerJson(static_cast<size_t>(state.range(0)));
  const bool big = data.size() > 100000;
  const int codec = static_cast<int>(state.range(1));
  const int level = codec < 2
                        ? (big ? dondoc::http::kGzipLevel : 1)
                        : (big ? dondoc::http::kGzipLevel : dondoc::http::kGzipLevelPerRequest);
  std::vector<char> junk(8 << 20, 1);
  size_t out = 0;
  for (auto _ : state) {
    if (state.range(2)) {
      state.PauseTiming();
      Flush(junk);
      state.ResumeTiming();
    }
    std::string z = codec == 0 ? ZlibGzip(data, level) : dondoc::http::Gzip(data, level);
    out = z.size();
    benchmark::DoNotOptimize(z.data());
  }
  state.counters["in_bytes"] = static_cast<double>(data.size());
  state.counters["out_bytes"] = static_cast<double>(out);
  state.counters["level"] = level;
  state.SetLabel(kCodecs[codec]);
}
BENCHMARK(BM_Gzip)
    ->ArgsProduct({{3000, 17000, 300000}, {0, 1, 2}, {0, 1}})
    ->ArgNames({"bytes", "codec", "cold"})
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
