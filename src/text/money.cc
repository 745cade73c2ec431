#include "text/money.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "text/number.h"

namespace dondoc::text {
namespace {

// Decodes the code point at `pos`; sets `*len`. Invalid bytes decode as U+FFFD of length 1.
char32_t DecodeAt(std::string_view s, size_t pos, int* len) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || pos + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  *len = n;
  return cp;
}

// Skips spaces, tabs and at most one line break; returns the new position.
size_t SkipSpace(std::string_view s, size_t pos) {
  int breaks = 0;
  while (pos < s.size()) {
    char c = s[pos];
    if (c == ' ' || c == '\t') {
      ++pos;
    } else if (c == '\n' && breaks == 0) {
      ++breaks;
      ++pos;
    } else {
      break;
    }
  }
  return pos;
}

constexpr std::array<std::string_view, 24> kDongCompounds = {
    "chí",  "thời", "bộ",  "bằng", "ý",     "nghiệp", "hồ",   "bào",
    "phục", "loạt", "đội", "lòng", "hành",  "ruộng",  "tâm",  "đều",
    "nhất", "dạng", "cảm", "minh", "thuận", "tình",   "khởi", "sáng"};

}  // namespace

std::string LowerWord(std::string_view word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.toLower(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string_view NextWord(std::string_view s, size_t pos, size_t* start) {
  pos = SkipSpace(s, pos);
  *start = pos;
  size_t end = pos;
  while (end < s.size()) {
    int len = 0;
    char32_t cp = DecodeAt(s, end, &len);
    if (!u_isalpha(static_cast<UChar32>(cp))) break;
    end += len;
  }
  return s.substr(pos, end - pos);
}

std::optional<double> MagnitudeWord(std::string_view word) {
  std::string w = LowerWord(word);
  if (w == "nghìn" || w == "ngàn") return 1e3;
  if (w == "triệu") return 1e6;
  if (w == "tỷ" || w == "tỉ") return 1e9;
  return std::nullopt;
}

std::optional<std::string> CurrencyWord(std::string_view word, std::string_view next) {
  std::string w = LowerWord(word);
  if (w == "đồng") {
    std::string n = LowerWord(next);
    for (std::string_view c : kDongCompounds) {
      if (n == c) return std::nullopt;
    }
    return "VND";
  }
  if (w == "đ" || w == "vnđ" || w == "vnd") return "VND";
  static constexpr std::array<std::string_view, 8> kIso = {"USD", "EUR", "JPY", "CNY",
                                                           "GBP", "KRW", "SGD", "AUD"};
  for (std::string_view iso : kIso) {
    if (word == iso) return std::string(iso);
  }
  return std::nullopt;
}

std::optional<Amount> ParseMoneyAt(std::string_view s, size_t pos) {
  double total = 0;
  size_t cur = pos;
  // One or more "NUMBER MAGNITUDE*" parts, then a currency word.
  while (true) {
    size_t num_len = ScanNumber(s, cur);
    if (num_len == 0) return std::nullopt;
    std::optional<double> number = ParseNumber(s.substr(cur, num_len));
    if (!number) return std::nullopt;
    size_t after = cur + num_len;
    double scale = 1;
    bool any_magnitude = false;
    size_t word_start = 0;
    std::string_view word = NextWord(s, after, &word_start);
    while (!word.empty()) {
      std::optional<double> m = MagnitudeWord(word);
      if (!m) break;
      scale *= *m;
      any_magnitude = true;
      after = word_start + word.size();
      word = NextWord(s, after, &word_start);
    }
    total += *number * scale;
    // "3 tỷ 271 triệu đồng": another number part follows a magnitude.
    size_t next_num = SkipSpace(s, after);
    if (any_magnitude && next_num < s.size() && ScanNumber(s, next_num) > 0) {
      size_t probe_start = 0;
      std::string_view probe = NextWord(s, next_num + ScanNumber(s, next_num), &probe_start);
      if (!probe.empty() && MagnitudeWord(probe)) {
        cur = next_num;
        continue;
      }
    }
    if (word.empty()) return std::nullopt;
    size_t next_start = 0;
    std::string_view next = NextWord(s, word_start + word.size(), &next_start);
    // "đồng" must be followed by a separator, not glued letters; NextWord stops at non-letters.
    std::optional<std::string> unit = CurrencyWord(word, next);
    if (!unit) return std::nullopt;
    Amount a;
    a.value = total;
    a.unit = *unit;
    a.length = word_start + word.size() - pos;
    return a;
  }
}

std::optional<Amount> ParseMoney(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t')) ++b;
  std::optional<Amount> a = ParseMoneyAt(s, b);
  if (!a) return std::nullopt;
  size_t e = b + a->length;
  while (e < s.size() && (s[e] == ' ' || s[e] == '\n' || s[e] == '\t')) ++e;
  if (e != s.size()) return std::nullopt;
  return a;
}

}  // namespace dondoc::text
