// A row of a table as the readers write it: cells joined by " | " (.docx, see docx_reader.h) or
// a Markdown row "| a | b | c |". Pure functions: thread-safe.
#ifndef DONDOC_NOTICE_TABLE_ROW_H_
#define DONDOC_NOTICE_TABLE_ROW_H_

#include <string_view>
#include <vector>

namespace dondoc::notice {

struct TableCell {
  size_t begin = 0;  // bytes into the row, white space trimmed (begin == end for an empty cell)
  size_t end = 0;
};

// The cells of `line`, or none when it is not a table row (fewer than three cells). A Markdown
// row's outer bars open and close it; its separator row ("|---|:--|") is a row of dashes.
std::vector<TableCell> SplitTableRow(std::string_view line);

// True when `line` is a table row of three or more cells.
bool IsTableRow(std::string_view line);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_TABLE_ROW_H_
