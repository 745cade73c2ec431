#include "notice/layout.h"

#include <gtest/gtest.h>

namespace dondoc::notice {
namespace {

struct LayoutCase {
  int id;
  const char* text;
  std::vector<std::string> paragraphs;
  size_t warnings;
};

TEST(BuildLayout, Cases) {
  const LayoutCase kCases[] = {
      // A sentence broken by a page break (blank line, lower-case continuation).
      {1, "yêu cầu các đơn vị trực\n\nthuộc UBND thị xã.\n\n1. Nhiệm vụ", {"yêu cầu các đơn vị trực thuộc UBND thị xã.", "1. Nhiệm vụ"}, 1},
      // Emphasis removed.
      {2, "đảm bảo **đến ngày 30/6/2023**.", {"đảm bảo đến ngày 30/6/2023."}, 0},
      // A hard wrap inside a reference, one paragraph per line otherwise.
      {3, "theo quy định tại Khoản\n3 - Điều 61 Luật Lâm nghiệp.\nBộ Tài chính thống nhất.",
       {"theo quy định tại Khoản 3 - Điều 61 Luật Lâm nghiệp.", "Bộ Tài chính thống nhất."}, 0},
      // pdftotext -layout: indented paragraph starts, wrapped lines at column 0, a page number
      // and a footnote.
      {4,
       "      - Thường xuyên kiểm tra, quản lý chặt chẽ hoạt động nạo vét các lòng\n"
       "sông, suối, hồ; không để khai thác khoáng sản\n"
       "\n"
       "   1 Các quy định của Luật Địa chất\n"
       "                                        3\n"
       "\n"
       "trái phép.\n"
       "       - Sớm ứng dụng công nghệ thông tin, ảnh viễn thám, hệ thống giám sát để\n"
       "phát hiện sớm.\n",
       {"- Thường xuyên kiểm tra, quản lý chặt chẽ hoạt động nạo vét các lòng sông, suối, hồ; "
        "không để khai thác khoáng sản trái phép.",
        "- Sớm ứng dụng công nghệ thông tin, ảnh viễn thám, hệ thống giám sát để phát hiện sớm."},
       2},
      // Two columns in a header line.
      {5, "   ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n     Số: 5973 /UBND-KT\n   - Một\n   - Hai\n",
       {"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 5973 /UBND-KT", "- Một", "- Hai"}, 0},
      // A word hyphenated at the end of a wrapped line is glued back.
      {6, "      Nghị định số 178/2026/NĐ-\nCP ngày 20/5/2026.\n      Tiếp.\n      Hết.\n",
       {"Nghị định số 178/2026/NĐ-CP ngày 20/5/2026.", "Tiếp.", "Hết."}, 0},
  };
  for (const auto& c : kCases) {
    Layout l = BuildLayout(c.text);
    std::vector<std::string> got;
    for (const auto& p : l.paragraphs) got.push_back(p.text);
    EXPECT_EQ(got, c.paragraphs) << "case " << c.id;
    EXPECT_EQ(l.warnings.size(), c.warnings) << "case " << c.id;
  }
}

TEST(BuildLayout, SourceOffsetsPointIntoTheText) {
  std::string text = "a) Một\n\nhai ba.";
  Layout l = BuildLayout(text);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  const Paragraph& p = l.paragraphs[0];
  size_t pos = p.text.find("hai");
  EXPECT_EQ(text.substr(p.SourceBegin(pos), 3), "hai");
  EXPECT_EQ(p.SourceEnd(p.text.size()), text.size());
}

}  // namespace
}  // namespace dondoc::notice
