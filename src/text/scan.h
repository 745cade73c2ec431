// Byte-level helpers for hand-written matchers over UTF-8 text (usually lower-cased first).
//
// Positions are byte offsets into the text; nothing reads past its end. Literals are compared
// byte for byte, so a literal beginning with a lead byte or an ASCII byte never matches inside a
// multi-byte character of valid UTF-8. Pure functions: thread-safe.
#ifndef DONDOC_TEXT_SCAN_H_
#define DONDOC_TEXT_SCAN_H_

#include <initializer_list>
#include <span>
#include <string_view>

namespace dondoc::text {

inline constexpr size_t kNoMatch = std::string_view::npos;

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// An ASCII letter, digit or '_': what `\w` matches in a byte-wise regular expression.
inline bool IsAsciiWord(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// What `\s` matches byte-wise: space, tab, line feed, vertical tab, form feed, carriage return.
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The byte at `pos`, or '\0' past the end.
inline char ByteAt(std::string_view s, size_t pos) { return pos < s.size() ? s[pos] : '\0'; }

// True when `lit` occurs in `s` at `pos`.
inline bool At(std::string_view s, size_t pos, std::string_view lit) {
  if (lit.empty()) return pos <= s.size();
  return pos < s.size() && s[pos] == lit[0] && s.size() - pos >= lit.size() &&
         s.compare(pos, lit.size(), lit) == 0;
}

// The index of the first of `options` that occurs at `pos`, or -1.
int FirstAt(std::string_view s, size_t pos, std::span<const std::string_view> options);
inline int FirstAt(std::string_view s, size_t pos,
                   std::initializer_list<std::string_view> options) {
  return FirstAt(s, pos, std::span<const std::string_view>(options.begin(), options.size()));
}

// The length of the longest of `options`.
constexpr size_t MaxLength(std::span<const std::string_view> options) {
  size_t n = 0;
  for (std::string_view o : options) n = o.size() > n ? o.size() : n;
  return n;
}

// The number of ASCII digits starting at `pos`.
size_t DigitRun(std::string_view s, size_t pos);

// The value of the `n` ASCII digits at `pos`. REQUIRES: they are digits, n <= 9.
int DigitsValue(std::string_view s, size_t pos, size_t n);

// The first ASCII digit at or after `pos`, or kNoMatch.
size_t FindDigit(std::string_view s, size_t pos);

// Runs a matcher over `s` in text order, the way a regular-expression iterator does: `match(p)`
// returns the end of the match starting at byte p (> p), or 0 when none starts there, and the
// scan resumes at that end. To skip text quickly, every match must contain an anchor byte at
// most `lead` bytes after its start; `next_anchor(p)` returns the first anchor at or after p, or
// kNoMatch. Positions further than `lead` before the next anchor are never tried.
template <typename NextAnchor, typename Match>
void ScanAnchored(std::string_view s, size_t lead, NextAnchor next_anchor, Match match) {
  size_t p = 0;
  size_t a = next_anchor(0);  // the first anchor at or after p, while a >= p
  while (p < s.size()) {
    if (a < p) a = next_anchor(p);
    if (a == kNoMatch) return;
    if (a > p + lead) p = a - lead;
    size_t end = match(p);
    p = end > p ? end : p + 1;
  }
}

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_SCAN_H_
