// A table to export: a title, a line saying what and as of when, typed columns and rows.
// Plain data, independent of the output format.
#ifndef DONDOC_EXPORT_TABLE_H_
#define DONDOC_EXPORT_TABLE_H_

#include <string>
#include <variant>
#include <vector>

#include "text/date.h"

namespace dondoc::exports {

enum class ColumnKind {
  kText,      // short text, one line
  kLongText,  // wrapped text (a task's words)
  kInteger,   // 1.234
  kDecimal,   // 1.234,5
  kPercent,   // a ratio 0..1 shown as 12,5%
  kDate,      // dd/mm/yyyy
};

struct Column {
  std::string header;  // Vietnamese: "Đơn vị chủ trì"
  ColumnKind kind = ColumnKind::kText;
  double width = 0;  // in characters; 0: chosen from the kind and the contents
};

// An empty cell, a string, a number or a date. The value's type should fit its column's kind
// (a string in a date column is written as text).
using Cell = std::variant<std::monostate, std::string, double, text::Date>;

struct Table {
  std::string sheet_name;  // shortened and cleaned to Excel's rules when written
  std::string title;       // "DANH SÁCH NHIỆM VỤ"
  std::string subtitle;  // "Lọc: Quá hạn · Tính đến ngày 30/06/2023 · Xuất lúc 01/07/2023 08:00"
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each row has at most columns.size() cells
};

}  // namespace dondoc::exports

#endif  // DONDOC_EXPORT_TABLE_H_
