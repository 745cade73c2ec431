#include "text/number.h"

#include <string>
#include <vector>

namespace dondoc::text {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Splits `s` on `sep`. REQUIRES: `s` holds only digits and `sep`.
std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// True when `groups` is a valid thousands grouping: a first group of 1..3 digits, then groups of
// exactly 3.
bool ValidGrouping(const std::vector<std::string_view>& groups) {
  if (groups.empty() || groups[0].empty() || groups[0].size() > 3) return false;
  for (size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3) return false;
  }
  return true;
}

std::string Join(const std::vector<std::string_view>& groups) {
  std::string out;
  for (std::string_view g : groups) out.append(g);
  return out;
}

std::optional<double> ToDouble(const std::string& integer, std::string_view fraction) {
  if (integer.empty()) return std::nullopt;
  std::string s = integer;
  if (!fraction.empty()) {
    s.push_back('.');
    s.append(fraction);
  }
  try {
    return std::stod(s);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<double> ParseNumber(std::string_view s) {
  if (s.empty() || !IsDigit(s.front()) || !IsDigit(s.back())) return std::nullopt;
  size_t dots = 0, commas = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' || c == ',') {
      if (!IsDigit(s[i - 1]) || !IsDigit(s[i + 1])) return std::nullopt;
      (c == '.' ? dots : commas)++;
    } else if (!IsDigit(c)) {
      return std::nullopt;
    }
  }
  if (dots == 0 && commas == 0) return ToDouble(std::string(s), {});
  if (dots > 0 && commas > 0) {
    size_t last = s.find_last_of(".,");
    char decimal = s[last];
    char group = decimal == '.' ? ',' : '.';
    if (s.find(decimal) != last) return std::nullopt;
    auto groups = Split(s.substr(0, last), group);
    if (!ValidGrouping(groups)) return std::nullopt;
    return ToDouble(Join(groups), s.substr(last + 1));
  }
  char sep = dots > 0 ? '.' : ',';
  auto groups = Split(s, sep);
  if (groups.size() > 2) {
    if (!ValidGrouping(groups)) return std::nullopt;
    return ToDouble(Join(groups), {});
  }
  // One separator.
  if (sep == '.' && groups[1].size() == 3 && groups[0].size() <= 3) {
    return ToDouble(Join(groups), {});
  }
  return ToDouble(std::string(groups[0]), groups[1]);
}

size_t ScanNumber(std::string_view s, size_t pos) {
  size_t i = pos;
  if (i >= s.size() || !IsDigit(s[i])) return 0;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      ++i;
    } else if ((s[i] == '.' || s[i] == ',') && i + 1 < s.size() && IsDigit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i - pos;
}

}  // namespace dondoc::text
