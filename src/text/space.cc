#include "text/space.h"

namespace dondoc::text {

std::string CollapseSpace(std::string_view s, std::string_view blanks) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (blanks.find(c) != std::string_view::npos) {
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
