// White-space folding shared by the extractor's quotes and header cells.
//
// Pure functions: thread-safe, no I/O.
#ifndef DONDOC_TEXT_SPACE_H_
#define DONDOC_TEXT_SPACE_H_

#include <string>
#include <string_view>

namespace dondoc::text {

// `s` with every run of the bytes in `blanks` replaced by one ' ', and none at either end.
// `blanks` must hold ASCII bytes only, so that UTF-8 sequences are never split.
std::string CollapseSpace(std::string_view s, std::string_view blanks);

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_SPACE_H_
