// The .pdf reader: poppler's pdftotext in a child process with limits (poppler is GPL and parses
// hostile input, so it never runs inside our process).
#ifndef DONDOC_NOTICE_PDF_READER_H_
#define DONDOC_NOTICE_PDF_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "notice/child_process.h"

namespace dondoc::notice {

// Reads a PDF's text layer with `pdftotext -layout -enc UTF-8` (columns laid side by side as on
// the page: a two-column header or a signature block comes out as one line holding both).
// The bytes go through a temporary file that is removed before return.
//
// Text contract: lines as pdftotext lays them out; between two pages a line holding only '\f'
// ("...last line\n\f\nfirst line..."); no '\f' after the last page.
// Warnings: legacy Vietnamese fonts (TCVN3 ".Vn…", "VNI-…" found by pdffonts), whose text
// comes out in the wrong letters and is not converted.
// Errors: "the PDF is encrypted", "the PDF has no text layer (a scan?)", "the PDF cannot be
// read (<pdftotext's reason>)", "reading the PDF took too long" / "... too much memory".
Result<std::string> ReadPdf(std::string_view bytes, std::vector<std::string>* warnings,
                            const ChildLimits& limits = {});

// Turns pdftotext output into the text contract above. Exposed for tests.
std::string PagesFromPdftotext(std::string_view out);

// The legacy-font warning for `pdffonts` output, or "" when its fonts are Unicode ones.
std::string LegacyFontWarning(std::string_view pdffonts_out);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_PDF_READER_H_
