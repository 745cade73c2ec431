#include "text/scan.h"

namespace dondoc::text {

int FirstAt(std::string_view s, size_t pos, std::span<const std::string_view> options) {
  for (size_t i = 0; i < options.size(); ++i) {
    if (At(s, pos, options[i])) return static_cast<int>(i);
  }
  return -1;
}

size_t DigitRun(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  return i - pos;
}

int DigitsValue(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

size_t FindDigit(std::string_view s, size_t pos) {
  for (size_t i = pos; i < s.size(); ++i) {
    if (IsAsciiDigit(s[i])) return i;
  }
  return kNoMatch;
}

}  // namespace dondoc::text
