#include "export/xlsx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <string>

namespace dondoc::exports {
namespace {

// The text of `name` inside the .xlsx (zip) `bytes`, or "" when absent.
std::string ZipEntry(const std::string& bytes, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) return "";
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (z == nullptr) {
    zip_source_free(src);
    return "";
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name, 0);
    if (f != nullptr) {
      out.resize(st.size);
      zip_int64_t n = zip_fread(f, out.data(), st.size);
      out.resize(n < 0 ? 0 : static_cast<size_t>(n));
      zip_fclose(f);
    }
  }
  zip_close(z);
  return out;
}

Table Sample() {
  Table t;
  t.sheet_name = "Nhiệm vụ";
  t.title = "DANH SÁCH NHIỆM VỤ";
  t.subtitle = "Tính đến ngày 30/06/2023";
  t.columns = {{"STT", ColumnKind::kInteger},
               {"Nội dung nhiệm vụ", ColumnKind::kLongText},
               {"Đơn vị chủ trì", ColumnKind::kText},
               {"Hạn hoàn thành", ColumnKind::kDate},
               {"Tỷ lệ", ColumnKind::kPercent}};
  t.rows.push_back({1.0, std::string("Đẩy nhanh tiến độ giải ngân <vốn>"),
                    std::string("Phòng Tài chính - Kế hoạch"), text::Date{2023, 6, 22}, 0.6});
  t.rows.push_back({2.0, std::string("Rà soát & báo cáo"), std::monostate{}, std::monostate{}});
  return t;
}

TEST(XlsxTest, WritesTitleHeadersRowsFreezeAndFilter) {
  auto bytes = WriteXlsx({Sample()});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_GT(bytes->size(), 100u);
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  std::string strings = ZipEntry(*bytes, "xl/sharedStrings.xml");
  std::string sheet = ZipEntry(*bytes, "xl/worksheets/sheet1.xml");
  std::string styles = ZipEntry(*bytes, "xl/styles.xml");
  std::string book = ZipEntry(*bytes, "xl/workbook.xml");
  struct Case {
    int n;
    const std::string* where;
    std::string needle;
  } cases[] = {
      {1, &strings, "DANH SÁCH NHIỆM VỤ"},
      {2, &strings, "Tính đến ngày 30/06/2023"},
      {3, &strings, "Đơn vị chủ trì"},
      {4, &strings, "Đẩy nhanh tiến độ giải ngân &lt;vốn&gt;"},
      {5, &strings, "Rà soát &amp; báo cáo"},
      {6, &sheet, "ySplit=\"4\""},  // header row frozen
      {7, &sheet, "<autoFilter ref=\"A4:E6\""},
      {8, &styles, "dd/mm/yyyy"},
      {9, &styles, "0.0%"},
      {10, &book, "name=\"Nhiệm vụ\""},
      {11, &sheet, "<v>45099</v>"},  // 2023-06-22 as an Excel serial date
  };
  for (const auto& c : cases) {
    EXPECT_NE(c.where->find(c.needle), std::string::npos) << "case " << c.n << ": " << c.needle;
  }
}

TEST(XlsxTest, EmptyTableStillHasHeaderAndFilter) {
  Table t = Sample();
  t.rows.clear();
  auto bytes = WriteXlsx({t});
  ASSERT_TRUE(bytes.ok());
  std::string sheet = ZipEntry(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<autoFilter ref=\"A4:E4\""), std::string::npos);
}

TEST(XlsxTest, TwoTablesWithTheSameNameGetTwoSheets) {
  auto bytes = WriteXlsx({Sample(), Sample()});
  ASSERT_TRUE(bytes.ok());
  EXPECT_FALSE(ZipEntry(*bytes, "xl/worksheets/sheet2.xml").empty());
  EXPECT_NE(ZipEntry(*bytes, "xl/workbook.xml").find("Nhiệm vụ (2)"), std::string::npos);
}

TEST(XlsxTest, NoTablesIsAnError) { EXPECT_FALSE(WriteXlsx({}).ok()); }

TEST(SheetNameTest, FollowsExcelRules) {
  struct Case {
    int n;
    std::string in, want;
  } cases[] = {
      {1, "Nhiệm vụ", "Nhiệm vụ"},
      {2, "", "Sheet"},
      {3, "a/b:c", "a b c"},
      {4, "Điểm theo đơn vị tính đến ngày 30/06/2023", "Điểm theo đơn vị tính đến ngày"},
      {5, "[x]", "x"},
  };
  for (const auto& c : cases) EXPECT_EQ(SheetName(c.in), c.want) << "case " << c.n;
}

}  // namespace
}  // namespace dondoc::exports
