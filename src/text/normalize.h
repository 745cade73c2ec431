// Text normalisation at ingest and folding keys for matching names.
//
// Pure functions: thread-safe, no I/O.
#ifndef DONDOC_TEXT_NORMALIZE_H_
#define DONDOC_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace dondoc::text {

// The text every span points into: a leading BOM dropped, CRLF and CR turned into LF, NFC,
// no-break and other Unicode spaces turned into ' ', zero-width characters and soft hyphens
// removed. Tone placement is kept as written. REQUIRES: `in` is valid UTF-8.
std::string NormalizeText(std::string_view in);

struct FoldOptions {
  bool strip_diacritics = false;  // "Đức Phổ" -> "duc pho" (đ -> d)
};

// A key under which two spellings of one name compare equal: NFC, case folded, old/new tone
// placement unified ("hoà" == "hòa", "uỷ" == "ủy"), dashes unified to '-' with one space on each
// side, runs of white space folded to one space, trimmed.
std::string FoldKey(std::string_view in, FoldOptions options = {});

// Lower-cases `s` code point by code point, keeping the byte length of each one (a character
// whose lower case has another length is kept as is), so byte offsets stay valid.
std::string LowerSameLength(std::string_view s);

// True when the first code point of `s` is an upper-case letter (ICU's notion).
bool StartsUpper(std::string_view s);
// Lower-cases `s` code point by code point, keeping the byte length of each one (a character
// whose lower case has another length is kept as is), so byte offsets stay valid.
std::string LowerSameLength(std::string_view s);

// True when the first code point of `s` is a lower-case letter.
bool StartsLower(std::string_view s);
// The first code point of `s` decoded, or 0 when `s` is empty. `*len` gets its byte length.
char32_t FirstCodePoint(std::string_view s, int* len = nullptr);
// Upper-cases the first letter of `s` ("các Bộ" -> "Các Bộ").
std::string CapitalizeFirst(std::string_view s);

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_NORMALIZE_H_
