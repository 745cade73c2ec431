#include "notice/table_tasks.h"

#include <gtest/gtest.h>

#include <string>

namespace dondoc::notice {
namespace {

std::string Cells(std::string_view row) {
  std::string out;
  for (const TableCell& c : SplitTableRow(row)) {
    out += "[" + std::string(row.substr(c.begin, c.end - c.begin)) + "]";
  }
  return out;
}

TEST(TableRowTest, SplitTableRow) {
  struct Case {
    int n;
    const char* row;
    const char* cells;
  };
  const Case cases[] = {
      {1, "1 | Rà soát hồ sơ | Phòng A | Phòng B | Quý IV",
       "[1][Rà soát hồ sơ][Phòng A][Phòng B][Quý IV]"},
      {2, "| 1 | Rà soát | Phòng A |", "[1][Rà soát][Phòng A]"},
      {3, "|---|:--|---|", "[---][:--][---]"},
      {4, "2. | Báo cáo | ", "[2.][Báo cáo][]"},
      {5, "STT | Nội dung", ""},
      {6, "Giao Phòng A | Phòng B rà soát", ""},
      {7, "Số liệu A|B|C không có khoảng trắng", ""},
      // A .docx row with empty outer cells reads as a Markdown row (TaskTableReader restores
      // them from the header's width).
      {8, "| | Chủ trì | Phối hợp |", "[][Chủ trì][Phối hợp]"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Cells(c.row), c.cells) << "case " << c.n;
    EXPECT_EQ(IsTableRow(c.row), std::string(c.cells).size() > 0) << "case " << c.n;
  }
}

TEST(TableTasksTest, HeaderCellRole) {
  struct Case {
    int n;
    const char* cell;
    ColumnRole role;
  };
  const Case cases[] = {
      {1, "STT", ColumnRole::kIndex},
      {2, "TT", ColumnRole::kIndex},
      {3, "Nội dung", ColumnRole::kContent},
      {4, "Nhiệm vụ", ColumnRole::kContent},
      {5, "Nội dung công việc", ColumnRole::kContent},
      {6, "Đơn vị chủ trì", ColumnRole::kLead},
      {7, "Cơ quan chủ trì", ColumnRole::kLead},
      {8, "Đơn vị thực hiện", ColumnRole::kLead},
      {9, "Cơ quan thực hiện", ColumnRole::kLead},
      {10, "Chủ trì", ColumnRole::kLead},
      {11, "Đơn vị phối hợp", ColumnRole::kSupport},
      {12, "Phối hợp", ColumnRole::kSupport},
      {13, "Thời gian hoàn thành", ColumnRole::kDeadline},
      {14, "Thời gian thực hiện", ColumnRole::kDeadline},
      {15, "Thời hạn", ColumnRole::kDeadline},
      {16, "Tiến độ", ColumnRole::kDeadline},
      {17, "Sản phẩm", ColumnRole::kExtra},
      {18, "Ghi chú", ColumnRole::kExtra},
      {19, "Lãnh đạo phụ trách", ColumnRole::kExtra},
      {20, "Phòng Văn hóa - Xã hội", ColumnRole::kOther},
      {21, "Trước ngày 15/9/2025", ColumnRole::kOther},
      {22, "Xây dựng kế hoạch tuyên truyền", ColumnRole::kOther},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HeaderCellRole(c.cell), c.role) << "case " << c.n;
  }
}

std::string Names(std::string_view row, const std::vector<UnitMention>& units) {
  std::string out;
  for (const UnitMention& m : units) {
    out += "[" + m.name + "]";
    EXPECT_EQ(row.substr(m.begin, m.end - m.begin), m.mention) << m.name;
  }
  return out;
}

TEST(TableTasksTest, CellUnits) {
  struct Case {
    int n;
    const char* cell;
    const char* units;
  };
  const Case cases[] = {
      {1, "Phòng Văn hóa - Xã hội", "[Phòng Văn hóa - Xã hội]"},
      {2, "Trung tâm Phục vụ hành chính công phường; Phòng Văn hóa - Xã hội",
       "[Trung tâm Phục vụ hành chính công phường][Phòng Văn hóa - Xã hội]"},
      {3, "Phòng Kinh tế, Hạ tầng và Đô thị", "[Phòng Kinh tế, Hạ tầng và Đô thị]"},
      // Two paragraphs of a cell joined by a space.
      {4, "Công an phường Văn phòng HĐND và UBND phường",
       "[Công an phường][Văn phòng HĐND và UBND phường]"},
      {5, "Các cơ quan, đơn vị liên quan", ""},
      {6, "Chủ tịch UBND các xã, phường", "[UBND các xã, phường]"},
      // A name the unit parser does not know, alone between semicolons.
      {7, "Phòng Y tế; Tổ Công nghệ số Cộng đồng", "[Phòng Y tế][Tổ Công nghệ số Cộng đồng]"},
      {8, "Theo chức năng, nhiệm vụ", ""},
  };
  for (const Case& c : cases) {
    std::string row = std::string("1 | x | ") + c.cell;
    std::vector<TableCell> cells = SplitTableRow(row);
    ASSERT_EQ(cells.size(), 3u) << "case " << c.n;
    EXPECT_EQ(Names(row, CellUnits(row, cells[2])), c.units) << "case " << c.n;
  }
}

TEST(TableTasksTest, Reader) {
  struct Case {
    int n;
    std::vector<std::string> paragraphs;
    // Per task row: "content / lead units / support units / deadline cell".
    std::vector<std::string> tasks;
  };
  auto slice = [](const std::string& s, const TableCell& c) {
    return s.substr(c.begin, c.end - c.begin);
  };
  const Case cases[] = {
      {1,
       {"Các nhiệm vụ cụ thể như sau:",
        "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành",
        "1 | Xây dựng kế hoạch | Phòng Văn hóa - Xã hội | Văn phòng HĐND và UBND phường | Trước "
        "ngày 15/9/2025",
        "2 | Rà soát dữ liệu | Công an phường | | Quý IV/2025"},
       {"Xây dựng kế hoạch / [Phòng Văn hóa - Xã hội] / [Văn phòng HĐND và UBND phường] / Trước "
        "ngày 15/9/2025",
        "Rà soát dữ liệu / [Công an phường] /  / Quý IV/2025"}},
      // Columns in another order, a group row, a column number row, a note column.
      {2,
       {"TT | Nhiệm vụ | Thời hạn | Cơ quan chủ trì | Ghi chú", "(1) | (2) | (3) | (4) | (5)",
        "I | Lĩnh vực kinh tế | | | ",
        "1 | Đôn đốc giải ngân vốn đầu tư công | Hằng tháng | Sở Tài chính | Trọng tâm"},
       {"Đôn đốc giải ngân vốn đầu tư công / [Sở Tài chính] /  / Hằng tháng"}},
      // A second header row splits "Cơ quan thực hiện"; a Markdown table.
      {3,
       {"| STT | Nội dung | Cơ quan thực hiện | | Thời gian |", "| | | Chủ trì | Phối hợp | |",
        "|---|---|---|---|---|",
        "| 1 | Kiểm tra an toàn đập | Sở Nông nghiệp và Môi trường | Công an tỉnh | Tháng 10 |"},
       {"Kiểm tra an toàn đập / [Sở Nông nghiệp và Môi trường] / [Công an tỉnh] / Tháng 10"}},
      // The same split header from a .docx (no merged cells): its empty outer cells restored.
      {5,
       {"STT | Nội dung | Cơ quan thực hiện |  | Thời gian", "| | Chủ trì | Phối hợp |",
        "| Kiểm tra an toàn đập | Sở Xây dựng | Công an tỉnh |"},
       {"Kiểm tra an toàn đập / [Sở Xây dựng] / [Công an tỉnh] / "}},
      // One column holds the lead and its partners.
      {6,
       {"TT | Nhiệm vụ | Đơn vị thực hiện | Thời gian",
        "1 | Kiểm tra an toàn đập | Sở Xây dựng chủ trì, phối hợp với Công an tỉnh | Quý III",
        "2 | Rà soát hồ chứa | Chủ trì: Sở Nông nghiệp và Môi trường; phối hợp: UBND các xã | "},
       {"Kiểm tra an toàn đập / [Sở Xây dựng] / [Công an tỉnh] / Quý III",
        "Rà soát hồ chứa / [Sở Nông nghiệp và Môi trường] / [UBND các xã] / "}},
      // A table of figures is no task table; a paragraph ends the table.
      {4,
       {"STT | Chỉ tiêu | Kế hoạch | Thực hiện", "1 | Thu ngân sách | 100 | 62",
        "STT | Nội dung | Chủ trì", "1 | Rà soát | Phòng A", "Đoạn văn kết thúc bảng.",
        "2 | Báo cáo | Phòng B"},
       {"Rà soát / [Phòng A] /  / "}},
  };
  for (const Case& c : cases) {
    TaskTableReader reader;
    std::vector<std::string> got;
    for (const std::string& p : c.paragraphs) {
      std::optional<TableTask> t = reader.Next(p);
      if (!t) continue;
      got.push_back(slice(p, t->content) + " / " + Names(p, t->lead) + " / " +
                    Names(p, t->support) + " / " + (t->deadline ? slice(p, *t->deadline) : ""));
    }
    EXPECT_EQ(got, c.tasks) << "case " << c.n;
  }
}

}  // namespace
}  // namespace dondoc::notice
