// UTF-8 helpers. Spans in dondoc count Unicode code points; these convert byte offsets.
#ifndef DONDOC_TEXT_UTF8_H_
#define DONDOC_TEXT_UTF8_H_

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Number of code points in `s` before byte offset `byte_offset`. REQUIRES: valid UTF-8.
long CodePointCount(std::string_view s, size_t byte_offset);
inline long CodePointCount(std::string_view s) { return CodePointCount(s, s.size()); }

// Maps byte offsets to code point offsets in O(1) each after an O(n) build.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view s);
  long ToCodePoint(size_t byte_offset) const { return cp_at_byte_[byte_offset]; }

 private:
  std::vector<int> cp_at_byte_;  // size() == s.size() + 1
};

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_UTF8_H_
