// The plain-text reader (.txt, .md).
#ifndef DONDOC_NOTICE_TXT_READER_H_
#define DONDOC_NOTICE_TXT_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dondoc::notice {

// Decodes `bytes` to UTF-8: UTF-8 with or without a BOM (the BOM is dropped), UTF-16 LE or BE
// with a BOM (converted). Line ends are kept as written. Errors (InvalidArgument):
//   "not UTF-8 or UTF-16 text"   bytes that are neither (or UTF-16 with unpaired surrogates);
//   "binary content, not text"   NUL or other C0 control bytes besides \t \n \v \f \r, or DEL.
// Appends a note to `warnings` when it converted UTF-16.
Result<std::string> DecodeText(std::string_view bytes, std::vector<std::string>* warnings);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_TXT_READER_H_
