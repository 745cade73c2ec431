// Helpers shared by the header and meeting readers: lines split into the cells of a two-column
// layout, letter case in Vietnamese, and personal names. Internal to notice/.
#ifndef DONDOC_NOTICE_HEADER_TEXT_H_
#define DONDOC_NOTICE_HEADER_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::notice::header_text {

// One run of text on a line, separated from its neighbours by two or more spaces (pdftotext
// -layout prints the issuer block and the national motto, or the "Nơi nhận" list and the
// signature, side by side this way).
struct Cell {
  std::string text;  // trimmed, '*' emphasis marks removed
  int column = 0;    // code points from the start of the line
};

struct Line {
  std::vector<Cell> cells;  // empty for a blank line
  size_t begin = 0;         // byte range in the text, without the '\n'
  size_t end = 0;

  bool blank() const { return cells.empty(); }
  // The cells joined by one space.
  std::string Joined() const;
};

std::vector<Line> SplitLines(std::string_view text);

// Runs of white space folded to one space, trimmed.
std::string CollapseSpace(std::string_view s);
std::string Lower(std::string_view s);
std::string Upper(std::string_view s);
// True when `s` has at least two letters and none of them is lower case.
bool IsUpperText(std::string_view s);
// First letter capital, the rest lower case: "THÔNG BÁO" -> "Thông báo".
std::string SentenceCase(std::string_view s);
// The usual capitals of an organisation or a title printed in capitals:
// "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" -> "Ủy ban nhân dân tỉnh Lào Cai",
// "PHÓ CHÁNH VĂN PHÒNG" -> "Phó Chánh Văn phòng", "BỘ TÀI CHÍNH" -> "Bộ Tài chính".
std::string OrgCase(std::string_view s);

// True when `s` looks like a personal name: 2 to 6 words, each a capital letter followed by
// lower-case letters (an apostrophe allowed), nothing else.
bool IsPersonName(std::string_view s);
// True when `word` is a common Vietnamese family name ("Nguyễn", "Trần", "Đỗ", ...).
bool IsFamilyName(std::string_view word);

// Number of code points in `s`.
size_t CodePoints(std::string_view s);
// Splits words on white space.
std::vector<std::string> Words(std::string_view s);
// True when the first letter of `word` is upper case.
bool StartsUpper(std::string_view word);

}  // namespace dondoc::notice::header_text

#endif  // DONDOC_NOTICE_HEADER_TEXT_H_
