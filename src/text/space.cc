#include "text/space.h"

#include <array>

namespace dondoc::text {

std::string CollapseSpace(std::string_view s, std::string_view blanks) {
  std::array<bool, 256> blank{};
  for (char b : blanks) blank[static_cast<unsigned char>(b)] = true;
  auto is_blank = [&](size_t i) { return blank[static_cast<unsigned char>(s[i])]; };
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_blank(i)) ++i;
    size_t word = i;
    while (i < s.size() && !is_blank(i)) ++i;
    if (word == i) break;
    if (!out.empty()) out.push_back(' ');
    out.append(s.substr(word, i - word));
  }
  return out;
}

}  // namespace dondoc::text
