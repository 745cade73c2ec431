#include "notice/extract.h"

#include <gtest/gtest.h>

namespace dondoc::notice {
namespace {

std::string DateOrNull(const std::optional<text::Date>& d) { return d ? d->ToIso() : "null"; }

Notice ExtractText(const std::string& text, const std::string& format = "docx") {
  RawDocument raw;
  raw.format = format;
  raw.text = text;
  return Extract(raw);
}

// The header of a .docx sits in a borderless two-column table, which the reader gives as
// tab-separated cells; the header survives normalisation.
TEST(ExtractTest, HeaderInTabSeparatedColumns) {
  struct Case {
    int n;
    const char* text;
    const char* number;
    const char* date;
    const char* type;
    const char* signer;
  };
  const Case cases[] = {
      {1,
       "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "PHƯỜNG TÂN AN\tĐộc lập - Tự do - Hạnh phúc\n"
       "Số: 75/KH-UBND\tTân An, ngày 03 tháng 9 năm 2025\n"
       "KẾ HOẠCH\nTriển khai phong trào năm 2025\n"
       "Thực hiện Kế hoạch của UBND tỉnh, UBND phường ban hành Kế hoạch như sau:\n"
       "1.\tGiao Văn phòng HĐND và UBND phường chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.\n"
       "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- UBND tỉnh;\tCHỦ TỊCH\n- Lưu: VT.\t\n\tĐặng Quốc Huy\n",
       "75/KH-UBND", "2025-09-03", "Kế hoạch", "Đặng Quốc Huy"},
      // The issuer cell has more paragraphs than the motto cell: the date is on a line of its
      // own.
      {2,
       "UBND TỈNH LẠNG SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "SỞ TÀI CHÍNH\tĐộc lập - Tự do - Hạnh phúc\n"
       "Số: 312/TB-STC\t\n"
       "\tLạng Sơn, ngày 08 tháng 8 năm 2025\n"
       "THÔNG BÁO\nKết luận của Giám đốc Sở tại cuộc họp giao ban\n"
       "Ngày 05/8/2025, đồng chí Vy Văn Thành, Giám đốc Sở chủ trì cuộc họp giao ban.\n"
       "1.\tPhòng Quản lý ngân sách chủ trì đánh giá khả năng thu ngân sách năm 2025.\n"
       "Nơi nhận:\tKT. GIÁM ĐỐC\n- Như trên;\tPHÓ GIÁM ĐỐC\n- Lưu: VT.\t\n\tHoàng Văn Nam\n",
       "312/TB-STC", "2025-08-08", "Thông báo", "Hoàng Văn Nam"},
  };
  for (const Case& c : cases) {
    Notice n = ExtractText(c.text);
    EXPECT_EQ(n.document.number, c.number) << "case " << c.n;
    EXPECT_EQ(DateOrNull(n.document.date), c.date) << "case " << c.n;
    EXPECT_EQ(n.document.type, c.type) << "case " << c.n;
    ASSERT_TRUE(n.document.signer.has_value()) << "case " << c.n;
    EXPECT_EQ(n.document.signer->name, c.signer) << "case " << c.n;
    EXPECT_EQ(n.tasks.size(), 1u) << "case " << c.n;
  }
}

}  // namespace
}  // namespace dondoc::notice
