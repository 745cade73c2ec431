// Extraction throughput: bytes → ReadDocument (.txt) → Extract, over each dev notice and over a
// notice of at least 1 MB. Reports bytes/s of input (SetBytesProcessed).
//
// The 1 MB notice is one notice's header followed by the bodies of all the dev notices (from the
// first numbered line to "Nơi nhận" or "Kính gửi"), repeated: a plain concatenation would end the
// body at the first notice's recipients, and the rest of the megabyte would yield no task.
//
//   build/bench/extract_bench [--benchmark_filter=...] [DIR]   (DIR: the dev corpus by default)
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "notice/extract.h"
#include "notice/read.h"
#include "text/normalize.h"

namespace {

struct Input {
  std::string name;
  std::string bytes;
};

// The notice's text as the scorer gives it to the extractor: without a first "# source:" line.
std::string LoadNotice(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.rfind("# source:", 0) == 0) {
    size_t nl = text.find('\n');
    text = nl == std::string::npos ? "" : text.substr(nl + 1);
    text.erase(0, text.find_first_not_of('\n'));
  }
  return text;
}

// The start of the line at or after `pos`.
size_t NextLine(const std::string& s, size_t pos) {
  size_t nl = s.find('\n', pos);
  return nl == std::string::npos ? s.size() : nl + 1;
}

// True when the line at `pos` starts (after blanks and Markdown marks) with an outline number:
// "1. ", "II. ", "2) ".
bool NumberedLine(const std::string& s, size_t pos) {
  size_t i = s.find_first_not_of(" \t*#", pos);
  if (i == std::string::npos) return false;
  size_t j = s.find_first_not_of("0123456789", i);
  if (j == i) j = s.find_first_not_of("IVX", i);
  return j != i && j + 1 < s.size() && (s[j] == '.' || s[j] == ')') &&
         (s[j + 1] == ' ' || s[j + 1] == '\t');
}

// True when the line at `pos` starts (after punctuation) with "Nơi nhận" or "Kính gửi".
bool ClosingLine(const std::string& s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && s[i] != '\n' && static_cast<unsigned char>(s[i]) < 0x80 &&
         !std::isalnum(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  std::string low = dondoc::text::LowerSameLength(s.substr(i, 24));
  return low.rfind("nơi nhận", 0) == 0 || low.rfind("kính gửi", 0) == 0;
}

// Splits a notice into its header (before the first numbered line) and its body (up to the
// recipients).
std::pair<std::string, std::string> HeaderAndBody(const std::string& text) {
  size_t begin = 0;
  while (begin < text.size() && !NumberedLine(text, begin)) begin = NextLine(text, begin);
  size_t end = begin;
  while (end < text.size() && !ClosingLine(text, end)) end = NextLine(text, end);
  return {text.substr(0, begin), text.substr(begin, end - begin)};
}

void Extract(benchmark::State& state, const std::string& bytes) {
  size_t tasks = 0;
  for (auto _ : state) {
    dondoc::Result<dondoc::notice::RawDocument> raw =
        dondoc::notice::ReadDocument(bytes, "notice.txt");
    if (!raw.ok()) {
      state.SkipWithError(raw.status().message().c_str());
      return;
    }
    dondoc::notice::Notice notice = dondoc::notice::Extract(*raw);
    tasks = notice.tasks.size();
    benchmark::DoNotOptimize(notice);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bytes.size()));
  state.counters["bytes"] = static_cast<double>(bytes.size());
  state.counters["tasks"] = static_cast<double>(tasks);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::filesystem::path dir = argc > 1 ? argv[1] : DONDOC_SHARED_DIR "/corpus/dev";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "extract_bench: no .txt notices in " << dir << "\n";
    return 1;
  }
  static std::vector<Input> inputs;
  std::string bodies;
  std::string header;
  for (const auto& f : files) {
    inputs.push_back({f.stem().string(), LoadNotice(f)});
    auto [h, body] = HeaderAndBody(inputs.back().bytes);
    header = h;
    bodies += body + "\n\n";
  }
  std::string big = header;
  while (big.size() < (1u << 20)) big += bodies;
  inputs.push_back({"bodies_1MB", big});
  for (const Input& in : inputs) {
    benchmark::RegisterBenchmark(("BM_Extract/" + in.name).c_str(), [&in](benchmark::State& s) {
      Extract(s, in.bytes);
    })->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  // An upper bound of the memory one extraction needs: the whole process, all inputs loaded.
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::cout << "peak RSS of extract_bench (all inputs loaded): " << usage.ru_maxrss / 1024
            << " MB\n";
  return 0;
}
