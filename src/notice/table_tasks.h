// Tasks in the rows of an assignment table ("phân công"): a header row names the columns
// ("STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành", in any order and
// wording: "Nhiệm vụ", "Cơ quan chủ trì", "Đơn vị thực hiện", "Thời hạn", "Tiến độ", ...), a
// second header row may split a column ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), and each
// later row with content and a lead unit is a task. Pure computation: thread-compatible.
#ifndef DONDOC_NOTICE_TABLE_TASKS_H_
#define DONDOC_NOTICE_TABLE_TASKS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "notice/table_row.h"
#include "notice/units.h"

namespace dondoc::notice {

// kExtra: a column a header names that tasks do not read ("Sản phẩm", "Ghi chú"); kOther: words
// that name no column.
enum class ColumnRole { kOther, kExtra, kIndex, kContent, kLead, kSupport, kDeadline };

// The role of a header cell from its words ("Đơn vị chủ trì" is kLead).
ColumnRole HeaderCellRole(std::string_view cell);

// The units named in a table cell: every unit the unit parser finds, and a ';'-separated piece
// it finds none in that is a capitalised name ("Tổ Công nghệ số Cộng đồng"). Vague sets are
// dropped. Offsets are bytes into `row`.
std::vector<UnitMention> CellUnits(std::string_view row, const TableCell& cell);

// One task row. Offsets are bytes into the row's text.
struct TableTask {
  TableCell content;
  std::vector<UnitMention> lead;
  std::vector<UnitMention> support;   // without the lead units
  std::optional<TableCell> deadline;  // the deadline cell when it is not empty
};

// Reads paragraphs in order and says which are task rows.
class TaskTableReader {
 public:
  // `paragraph` is the next paragraph's text. A paragraph that is not a table row ends the table.
  std::optional<TableTask> Next(std::string_view paragraph);

 private:
  std::vector<ColumnRole> roles_;  // empty outside a task table
  bool in_header_ = false;         // the last row was a header row
};

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_TABLE_TASKS_H_
