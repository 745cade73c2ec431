// The .docx reader: WordprocessingML → text as a person sees it on the page.
#ifndef DONDOC_NOTICE_DOCX_READER_H_
#define DONDOC_NOTICE_DOCX_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dondoc::notice {

struct DocxLimits {
  long max_entries = 2000;
  long long max_total_bytes = 200LL << 20;  // uncompressed, over all entries
  long long max_part_bytes = 64LL << 20;    // one part we read
  long max_ratio = 100;                     // uncompressed:compressed, for entries over 1 MB
};

// Reads a .docx held in `bytes`. The main part is found through _rels/.rels (the officeDocument
// relationship), numbering and styles through the main part's relationships.
//
// Text contract: one line per paragraph ('\n' between paragraphs; w:br and w:cr give '\n' inside
// one), w:tab gives '\t'; tracked insertions (w:ins, w:moveTo) are kept and deletions (w:del,
// w:moveFrom) dropped; list numbering is rebuilt from numbering.xml and written in front of the
// paragraph ("2.1. ", "a) ", "- "), with Vietnamese letters (… d, đ, e …) when the document is
// in Vietnamese. A table of three or more columns gives one line per row, cells joined by " | "
// (a cell's paragraphs by " "), empty rows dropped: "1 | Rà soát … | Phòng Kinh tế | … | Quý IV";
// a row has one cell per grid column (a cell spanning n columns is followed by n - 1 empty ones)
// and the lower parts of a vertically merged cell repeat its text.
// A table of one or two columns is a layout (the two-column header, the signature block beside
// "Nơi nhận"): the i-th paragraphs of its cells share a line, separated by '\t', as on the page.
// The text is valid UTF-8 with no control characters but '\t' and
// '\n'. Text boxes, headers, footers, footnotes and comments are not read.
//
// Errors (one English line): not a zip / broken zip, too many entries, an uncompressed size or
// compression ratio past `limits` ("a zip bomb?"), no officeDocument relationship, a missing
// main part, XML errors.
Result<std::string> ReadDocx(std::string_view bytes, std::vector<std::string>* warnings,
                             const DocxLimits& limits = {});

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_DOCX_READER_H_
