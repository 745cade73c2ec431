#include "notice/table_row.h"

namespace dondoc::notice {

std::vector<TableCell> SplitTableRow(std::string_view line) {
  size_t b = 0, e = line.size();
  while (b < e && line[b] == ' ') ++b;
  while (e > b && line[e - 1] == ' ') --e;
  // A Markdown row opens and closes with a bar; a .docx row joins its cells with " | " only.
  if (e - b >= 2 && line[b] == '|' && line[e - 1] == '|') {
    ++b;
    --e;
  } else if (line.find(" | ") == std::string_view::npos) {
    return {};
  }
  std::vector<TableCell> cells;
  size_t start = b;
  for (size_t i = b; i <= e; ++i) {
    if (i < e && line[i] != '|') continue;
    TableCell c{start, i};
    while (c.begin < c.end && line[c.begin] == ' ') ++c.begin;
    while (c.end > c.begin && line[c.end - 1] == ' ') --c.end;
    cells.push_back(c);
    start = i + 1;
  }
  if (cells.size() < 3) return {};
  return cells;
}

bool IsTableRow(std::string_view line) { return !SplitTableRow(line).empty(); }

}  // namespace dondoc::notice
