// Case folding plus NFC or NFD without ICU strings, for text made of the code points most
// Vietnamese documents use (Latin letters with their diacritics, ASCII, general punctuation).
//
// Thread-safe; the tables are built on first use.
#ifndef DONDOC_TEXT_CASE_FOLD_H_
#define DONDOC_TEXT_CASE_FOLD_H_

#include <string>
#include <string_view>

namespace dondoc::text {

// Sets `*out` to NFC(full case folding of `in`), or NFD of it when `decompose`, exactly as ICU's
// UnicodeString::foldCase() followed by Normalizer2 gives, and returns true; returns false
// (leaving `*out` unspecified) when `in` holds a code point the tables do not cover, such as a
// combining mark or a character outside Latin and general punctuation. REQUIRES: valid UTF-8.
bool FoldCaseFast(std::string_view in, bool decompose, std::string* out);

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_CASE_FOLD_H_
