// Extraction throughput: bytes → ReadDocument (.txt) → Extract, over each dev notice and over a
// concatenation of them of at least 1 MB. Reports bytes/s of input (SetBytesProcessed).
//
//   build/bench/extract_bench [--benchmark_filter=...] [DIR]   (DIR: the dev corpus by default)
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "notice/extract.h"
#include "notice/read.h"

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
  std::string all;
  for (const auto& f : files) {
    inputs.push_back({f.stem().string(), LoadNotice(f)});
    all += inputs.back().bytes + "\n\n";
  }
  std::string concat;
  while (concat.size() < (1u << 20)) concat += all;
  inputs.push_back({"concat_1MB", concat});
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
