// Test-only access to the dev corpus (shared/corpus/dev): each notice's text, as the scorer
// feeds it to the extractor (a first line "# source: ..." removed), and its gold annotations.
#ifndef DONDOC_NOTICE_DEV_CORPUS_TESTING_H_
#define DONDOC_NOTICE_DEV_CORPUS_TESTING_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace dondoc::notice::testing {

struct DevNotice {
  std::string name;
  std::string text;
  nlohmann::json gold;
};

inline std::string ReadWholeFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The dev notices sorted by name; empty when the corpus is missing (tests then fail on size).
inline std::vector<DevNotice> LoadDevCorpus() {
  std::vector<DevNotice> out;
  std::filesystem::path dir = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus" / "dev";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::filesystem::path& p = entry.path();
    if (p.extension() != ".txt") continue;
    std::filesystem::path gold = p;
    gold.replace_extension(".gold.json");
    if (!std::filesystem::exists(gold)) continue;
    DevNotice n;
    n.name = p.stem().string();
    n.text = ReadWholeFile(p);
    if (n.text.rfind("# source:", 0) == 0) {
      size_t nl = n.text.find('\n');
      n.text = nl == std::string::npos ? "" : n.text.substr(nl + 1);
      size_t start = n.text.find_first_not_of('\n');
      n.text = start == std::string::npos ? "" : n.text.substr(start);
    }
    n.gold = nlohmann::json::parse(ReadWholeFile(gold), nullptr, false);
    out.push_back(std::move(n));
  }
  std::sort(out.begin(), out.end(),
            [](const DevNotice& a, const DevNotice& b) { return a.name < b.name; });
  return out;
}

}  // namespace dondoc::notice::testing

#endif  // DONDOC_NOTICE_DEV_CORPUS_TESTING_H_
