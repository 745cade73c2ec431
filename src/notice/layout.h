// Layout: normalised text -> paragraphs.
//
// Hard-wrapped lines (pdftotext -layout output, fixed-width text) and sentences broken across a
// page break are joined; page numbers and the footnotes printed above them are dropped; lines
// laid out in two columns (a header, a signature block) are split; emphasis marks ('*') are
// removed. Every byte of a paragraph's text maps back to a byte of the source text so that spans
// can be given in code points of Notice::text.
#ifndef DONDOC_NOTICE_LAYOUT_H_
#define DONDOC_NOTICE_LAYOUT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::notice {

struct Paragraph {
  std::string text;            // one line, runs of white space folded, '*' removed
  std::vector<uint32_t> src;   // src[i]: byte offset in the source of text[i]; size text+1
  int line = 0;                // 1-based source line where the paragraph starts
  bool joined = false;         // a page break or hard wrap was joined inside it

  // Source byte range of text[begin, end).
  uint32_t SourceBegin(size_t begin) const { return src[begin]; }
  uint32_t SourceEnd(size_t end) const;
};

struct Layout {
  std::vector<Paragraph> paragraphs;
  std::vector<std::string> warnings;  // one per page-break join and dropped footnote
};

// `text` is the normalised text (text::NormalizeText). Thread-safe.
Layout BuildLayout(std::string_view text);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_LAYOUT_H_
