#include "text/space.h"

#include <algorithm>

namespace dondoc::text {

std::string CollapseSpace(std::string_view s, std::string_view blanks) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::find(blanks.begin(), blanks.end(), c) != blanks.end()) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace dondoc::text
