#include "notice/extract.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

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

std::string Units(const std::vector<UnitRef>& refs) {
  std::string out;
  for (const UnitRef& r : refs) out += "[" + r.name + "]";
  return out;
}

std::string DeadlineText(const Deadline& d) {
  switch (d.kind) {
    case Deadline::Kind::kDate:
      return d.date->ToIso();
    case Deadline::Kind::kRecurring:
      return "recurring";
    case Deadline::Kind::kOngoing:
      return "ongoing";
    case Deadline::Kind::kNone:
      return "none";
  }
  return "";
}

// Tasks of a small notice: "text | lead | support | deadline" per task.
TEST(ExtractTest, Tasks) {
  struct Case {
    int n;
    const char* body;
    std::vector<std::string> tasks;
  };
  const Case cases[] = {
      // A closing formula is never a task, however long.
      {1,
       "1. Phòng Văn hóa - Xã hội chủ trì rà soát hồ sơ, báo cáo trước ngày 15/11/2025.\n"
       "Trên đây là Thông báo kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 10 năm "
       "2025; Văn phòng HĐND và UBND xã thông báo để các cơ quan, đơn vị, cá nhân có liên quan "
       "biết, thực hiện./.\n",
       {"Phòng Văn hóa - Xã hội chủ trì rà soát hồ sơ, báo cáo trước ngày 15/11/2025. | [Phòng "
        "Văn hóa - Xã hội] |  | 2025-11-15"}},
      // Named sets of villages and schools lead and support.
      {2,
       "1. Trưởng các ấp chủ trì rà soát thông tin hộ gia đình.\n"
       "2. Ban Chỉ huy Quân sự xã phối hợp với Công an xã và Trưởng các ấp tổ chức khám tuyển.\n"
       "3. Yêu cầu Hiệu trưởng các trường học trên địa bàn xã bảo đảm an toàn trường học.\n",
       {"Trưởng các ấp chủ trì rà soát thông tin hộ gia đình. | [các ấp] |  | none",
        "Ban Chỉ huy Quân sự xã phối hợp với Công an xã và Trưởng các ấp tổ chức khám tuyển. | "
        "[Ban Chỉ huy Quân sự xã] | [Công an xã][các ấp] | none",
        "Yêu cầu Hiệu trưởng các trường học trên địa bàn xã bảo đảm an toàn trường học. | [các "
        "trường học trên địa bàn xã] |  | none"}},
      // Rows of an assignment table, with a bare month in the deadline column.
      {3,
       "I. NHIỆM VỤ\nCác nhiệm vụ được phân công như sau:\n"
       "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
       "1 | Tổ chức tập huấn kỹ năng số | Văn phòng HĐND và UBND phường | Công an phường; các "
       "khu phố | Tháng 10/2025\n"
       "2 | Hướng dẫn người dân cài đặt VNeID | Công an phường | | Hằng tháng\n",
       {"Tổ chức tập huấn kỹ năng số | [Văn phòng HĐND và UBND phường] | [Công an "
        "phường][các khu phố] | 2025-10-31",
        "Hướng dẫn người dân cài đặt VNeID | [Công an phường] |  | recurring"}},
      // An approval whose follow-up is given after a semicolon; a closing request to carry the
      // document out is no task.
      {4,
       "1. Thống nhất chủ trương xây dựng Đề án du lịch; giao Ban cán sự đảng UBND huyện chỉ đạo "
       "xây dựng Đề án trong quý III/2025.\n"
       "Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh quan tâm, chỉ đạo thực "
       "hiện./.\n",
       {"Thống nhất chủ trương xây dựng Đề án du lịch; giao Ban cán sự đảng UBND huyện chỉ đạo "
        "xây dựng Đề án trong quý III/2025. | [Ban cán sự đảng UBND huyện] |  | 2025-09-30"}},
      // An appendix table after the signature gives tasks of its own.
      {5,
       "1. Văn phòng Bộ theo dõi, tổng hợp tình hình.\n"
       "Nơi nhận:  KT. BỘ TRƯỞNG\n- Như trên;  THỨ TRƯỞNG\n- Lưu: VT.  Nguyễn Hoàng Hiệp\n"
       "PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n"
       "STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn\n"
       "1 | Rà soát kịch bản hạn hán | Cục Quản lý tài nguyên nước | Vụ Kế hoạch - Tài chính | "
       "Tháng 7/2025\n",
       {"Văn phòng Bộ theo dõi, tổng hợp tình hình. | [Văn phòng Bộ] |  | none",
        "Rà soát kịch bản hạn hán | [Cục Quản lý tài nguyên nước] | [Vụ Kế hoạch - Tài chính] | "
        "2025-07-31"}},
  };
  for (const Case& c : cases) {
    std::string text = std::string(
                           "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                           "XÃ TÂN LẬP\tĐộc lập - Tự do - Hạnh phúc\n"
                           "Số: 12/TB-UBND\tTân Lập, ngày 14 tháng 10 năm 2025\n"
                           "THÔNG BÁO\nKết luận của Chủ tịch UBND xã\n") +
                       c.body;
    Notice n = ExtractText(text);
    std::vector<std::string> got;
    for (const Task& t : n.tasks) {
      got.push_back(t.text + " | " + Units(t.lead) + " | " + Units(t.support) + " | " +
                    DeadlineText(t.deadline));
    }
    EXPECT_EQ(got, c.tasks) << "case " << c.n;
  }
}

// A task that takes in its child bullets can carry deadline problems located past its first
// paragraph; quoting them must not read outside that paragraph (found by fuzz_extract; under
// ASan this was a heap-use-after-free).
TEST(ExtractTest, DeadlineProblemPastFirstParagraphIsQuotedSafely) {
  std::ifstream in(std::string(DONDOC_SOURCE_DIR) +
                       "/tests/fuzz/seeds/extract/regress-problem-past-first-paragraph.txt",
                   std::ios::binary);
  ASSERT_TRUE(in) << "regression input missing";
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Notice n = ExtractText(text, "txt");
  EXPECT_FALSE(n.tasks.empty());
  for (const Task& t : n.tasks) EXPECT_LE(t.span.start, t.span.end);
}

}  // namespace
}  // namespace dondoc::notice
