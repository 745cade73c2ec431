#include "notice/header.h"

#include <gtest/gtest.h>

#include "notice/dev_corpus_testing.h"
#include "notice/header_text.h"

namespace dondoc::notice {
namespace {

std::string DateOrNull(const std::optional<text::Date>& d) { return d ? d->ToIso() : "null"; }

TEST(HeaderTest, Snippets) {
  struct Case {
    int n;
    const char* text;
    const char* issuer;
    const char* number;
    const char* date;
    const char* place;
    const char* type;
    const char* subject;
  };
  const Case cases[] = {
      {1,
       "   ỦY BAN NHÂN DÂN                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "     TỈNH LÀO CAI                       Độc lập - Tự do - Hạnh phúc\n\n"
       "   Số: 5973 /UBND-KT               Lào Cai, ngày 11 tháng 6 năm 2026\n"
       "V/v tăng cường công tác quản\n lý khoáng sản\n\n"
       "            Kính gửi:\n                - Công an tỉnh;\n                - Sở Tài chính.\n\n"
       "   Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ Nông nghiệp và Môi trường\n",
       "Ủy ban nhân dân tỉnh Lào Cai", "5973/UBND-KT", "2026-06-11", "Lào Cai", "Công văn",
       "tăng cường công tác quản lý khoáng sản"},
      {2,
       "VĂN PHÒNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 467/TB-VPCP\n"
       "Hà Nội, ngày 14 tháng 10 năm 2024\n\nTHÔNG BÁO\nKẾT LUẬN CUỘC HỌP VỀ ĐỀ ÁN\n"
       "Ngày 07 tháng 10 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng chủ trì cuộc họp.\n",
       "Văn phòng Chính phủ", "467/TB-VPCP", "2024-10-14", "Hà Nội", "Thông báo",
       "KẾT LUẬN CUỘC HỌP VỀ ĐỀ ÁN"},
      {3,
       "\n\nSố: /TB-UBND\n\nĐức Phổ, ngày tháng 6 năm 2023\n\nTHÔNG BÁO\n\n"
       "Kết luận của Chủ tịch UBND thị xã tại phiên họp thường kỳ\n\n"
       "Ngày 12/6/2023, tại Phòng họp số 1 UBND thị xã, Chủ tịch UBND thị xã Đỗ Tâm Hiến chủ trì "
       "phiên họp.\n",
       "UBND thị xã Đức Phổ", "/TB-UBND", "null", "Đức Phổ", "Thông báo",
       "Kết luận của Chủ tịch UBND thị xã tại phiên họp thường kỳ"},
      {4,
       "ĐẢNG BỘ TỈNH LÀO CAI          ĐẢNG CỘNG SẢN VIỆT NAM\n     TỈNH ỦY\n        *\n"
       "   Số 45-CT/TU              Lào Cai, ngày 05 tháng 3 năm 2024\n\n"
       "                  CHỈ THỊ\n     về tăng cường công tác phòng cháy\n\n"
       "Trong thời gian qua, công tác phòng cháy, chữa cháy trên địa bàn tỉnh có nhiều chuyển "
       "biến.\n",
       "Tỉnh ủy Lào Cai", "45-CT/TU", "2024-03-05", "Lào Cai", "Chỉ thị",
       "về tăng cường công tác phòng cháy"},
      {5,
       "UBND TỈNH QUẢNG NGÃI      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "SỞ TÀI CHÍNH              Độc lập - Tự do - Hạnh phúc\n"
       "Số: 1234/QĐ-STC           Quảng Ngãi, ngày 3/4/2025\n\n"
       "QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\n\nGIÁM ĐỐC SỞ TÀI CHÍNH\n\n"
       "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n",
       "Sở Tài chính", "1234/QĐ-STC", "2025-04-03", "Quảng Ngãi", "Quyết định",
       "Về việc ban hành Quy chế làm việc"},
      {6,
       "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "                               Độc lập - Tự do - Hạnh phúc\n"
       "Số: ..../KH-BNNMT              Hà Nội, ngày    tháng 5 năm 2025\n\n"
       "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 178/2025/NĐ-CP\n\n"
       "Thực hiện Nghị định số 178/2025/NĐ-CP ngày 20 tháng 5 năm 2025 của Chính phủ, Bộ ban "
       "hành\n",
       "Bộ Nông nghiệp và Môi trường", "/KH-BNNMT", "null", "Hà Nội", "Kế hoạch",
       "TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 178/2025/NĐ-CP"},
      {7,
       "| ỦY BAN NHÂN DÂN<br>XÃ BẢN LẦU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
       "|---|---|\n"
       "| Số: 15/TB-UBND | _Bản Lầu, ngày 9 tháng 1 năm 2025_ |\n\n"
       "## THÔNG BÁO\n**Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban**\n\n"
       "Ngày 8/1/2025, tại Hội trường UBND xã, Chủ tịch UBND xã chủ trì cuộc họp giao ban.\n",
       "Ủy ban nhân dân xã Bản Lầu", "15/TB-UBND", "2025-01-09", "Bản Lầu", "Thông báo",
       "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban"},
      {8,
       "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "HUYỆN BẢO THẮNG\tĐộc lập - Tự do - Hạnh phúc\n"
       "Số: 210/UBND-VP\tBảo Thắng, ngày   tháng   năm 2025\n"
       "V/v chuẩn bị Tết\tKính gửi:\n"
       "Nguyên đán 2026\t- Các cơ quan, đơn vị;\n"
       "\t- UBND các xã, thị trấn.\n\n"
       "Để chuẩn bị tốt các điều kiện đón Tết Nguyên đán Bính Ngọ năm 2026, Chủ tịch UBND huyện "
       "yêu cầu:\n",
       "Ủy ban nhân dân huyện Bảo Thắng", "210/UBND-VP", "null", "Bảo Thắng", "Công văn",
       "chuẩn bị Tết Nguyên đán 2026"},
      {9,
       "BỘ TÀI CHÍNH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Số: 8388/BTC-QLCS   Hà Nội,   ngày 19 tháng 6 năm 2026\n"
       "V/v triển khai Nghị định số 178/2026/NĐ-CP\n\n"
       "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
       "Ngày 20/5/2026, Chính phủ ban hành Nghị định số 178/2026/NĐ-CP quy định việc quản lý.\n",
       "Bộ Tài chính", "8388/BTC-QLCS", "2026-06-19", "Hà Nội", "Công văn",
       "triển khai Nghị định số 178/2026/NĐ-CP"},
      {10,
       "ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "HUYỆN SA PA\n"
       "Số:     88/TB-UBND           Sa Pa, ngày 2 tháng 8 năm 2024\n\n"
       "                 T H Ô N G   B Á O\n"
       "Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 01/8/2024\n\n"
       "Ngày 01/8/2024, Chủ tịch UBND huyện Sa Pa đã họp với các phòng, ban chuyên môn.\n",
       "Ủy ban nhân dân huyện Sa Pa", "88/TB-UBND", "2024-08-02", "Sa Pa", "Thông báo",
       "Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 01/8/2024"},
      {11,
       "SỞ Y TẾ                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Số: 12/SYT-NV               Bắc Ninh, ngày 3 tháng 1 năm 2025\n"
       "Về việc: tăng cường phòng chống dịch\n\n"
       "Kính gửi: Các bệnh viện tuyến tỉnh.\n",
       "Sở Y tế", "12/SYT-NV", "2025-01-03", "Bắc Ninh", "Công văn", "tăng cường phòng chống dịch"},
  };
  for (const Case& c : cases) {
    DocumentHeader h = ExtractHeader(c.text);
    EXPECT_EQ(h.issuer, c.issuer) << "case " << c.n;
    EXPECT_EQ(h.number, c.number) << "case " << c.n;
    EXPECT_EQ(DateOrNull(h.date), c.date) << "case " << c.n;
    EXPECT_EQ(h.place, c.place) << "case " << c.n;
    EXPECT_EQ(h.type, c.type) << "case " << c.n;
    EXPECT_EQ(h.subject, c.subject) << "case " << c.n;
  }
}

TEST(HeaderTest, SignerAndRecipients) {
  struct Case {
    int n;
    const char* text;
    const char* name;
    const char* title;
    const char* authority;
    std::vector<std::string> recipients;
  };
  const Case cases[] = {
      {1,
       "các cơ quan nghiêm túc triển khai thực hiện./.\n"
       "Nơi nhận:                                               KT. CHỦ TỊCH\n"
       "- Như trên;\n"
       "- Bộ Nông nghiệp và Môi trường (để báo cáo);            PHÓ CHỦ TỊCH\n"
       "- Các PCT UBND tỉnh;\n- Lưu: VT, KT(Thủy, Nho).\n\n\n"
       "                                                      Nguyễn Thành Sinh\n",
       "Nguyễn Thành Sinh",
       "Phó Chủ tịch",
       "KT. Chủ tịch",
       {"Bộ Nông nghiệp và Môi trường", "Các PCT UBND tỉnh"}},
      {2,
       "Nay thông báo để các đơn vị thực hiện./.\n\nNơi nhận:\n\n- TT Thị ủy;\n\n"
       "- TT HĐND thị xã;\n- Lưu: VT.\n\n**TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n"
       "PHÓ CHÁNH VĂN PHÒNG**\n\nTrương Ánh Dương\n",
       "Trương Ánh Dương",
       "Phó Chánh Văn phòng",
       "TL. Chủ tịch, KT. Chánh Văn phòng",
       {"TT Thị ủy", "TT HĐND thị xã"}},
      {3,
       "Văn phòng Chính phủ thông báo để các Bộ biết, thực hiện./.\n\nNơi nhận:\n"
       "- Thủ tướng Chính phủ;\n- VPCP: BTCN, các PCN, Trợ lý,\nThư ký PTTg;\n- Lưu: VT.\n\n"
       "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nNguyễn Sỹ Hiệp\n",
       "Nguyễn Sỹ Hiệp",
       "Phó Chủ nhiệm",
       "KT. Bộ trưởng, Chủ nhiệm",
       {"Thủ tướng Chính phủ", "VPCP: BTCN, các PCN, Trợ lý"}},
      {4,
       "tổ chức thực hiện nghiêm túc Chỉ thị này./.\n"
       "Nơi nhận:                        T/M BAN THƯỜNG VỤ\n"
       "- Các huyện ủy;                  PHÓ BÍ THƯ THƯỜNG TRỰC\n"
       "- Lưu VPTU.\n                                  (Đã ký)\n\n"
       "                                  Vũ Xuân Cường\n",
       "Vũ Xuân Cường",
       "Phó Bí thư thường trực",
       "T/M Ban Thường vụ",
       {"Các huyện ủy"}},
      {5,
       "Yêu cầu các đơn vị thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
       "KT. Chủ tịch\nPhó Chủ tịch\n\nHoàng Văn Nam\n",
       "Hoàng Văn Nam",
       "Phó Chủ tịch",
       "KT. Chủ tịch",
       {}},
      {6,
       "Yêu cầu các đơn vị thực hiện./.\n\n(Đã ký)\n\nTrần Thị Mai\n",
       "Trần Thị Mai",
       "",
       "",
       {}},
  };
  for (const Case& c : cases) {
    DocumentHeader h = ExtractHeader(c.text);
    ASSERT_TRUE(h.signer.has_value()) << "case " << c.n;
    EXPECT_EQ(h.signer->name, c.name) << "case " << c.n;
    EXPECT_EQ(h.signer->title, c.title) << "case " << c.n;
    EXPECT_EQ(h.signer->authority, c.authority) << "case " << c.n;
    EXPECT_EQ(h.recipients, c.recipients) << "case " << c.n;
  }
}

TEST(MeetingTest, Snippets) {
  struct Case {
    int n;
    const char* text;
    const char* type;
    bool has;
    const char* date;
    const char* place;
    const char* chair;
    const char* title;
  };
  const Case cases[] = {
      {1,
       "Ngày 12/6/2023, tại Phòng họp số 1 UBND thị xã, Chủ tịch UBND thị xã Đỗ Tâm Hiến chủ "
       "trì phiên họp thường kỳ; với sự tham dự của các Phó Chủ tịch UBND thị xã.",
       "Thông báo", true, "2023-06-12", "Phòng họp số 1 UBND thị xã", "Đỗ Tâm Hiến",
       "Chủ tịch UBND thị xã"},
      {2,
       "Ngày 07 tháng 10 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ Trần Hồng Hà "
       "chủ trì cuộc họp về việc hoàn thiện Đề án.",
       "Thông báo", true, "2024-10-07", "trụ sở Chính phủ", "Trần Hồng Hà",
       "Phó Thủ tướng Chính phủ"},
      {3,
       "Chiều ngày 5/3/2024, UBND tỉnh tổ chức hội nghị dưới sự chủ trì của đồng chí Nguyễn Văn "
       "An, Phó Chủ tịch UBND tỉnh Hà Giang.",
       "Thông báo", true, "2024-03-05", "", "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh Hà Giang"},
      {4, "Giao Sở Tài chính chủ trì, phối hợp với các đơn vị họp bàn.", "Công văn", false, "", "",
       "", ""},
      {5,
       "Sáng 20/5, tại Hội trường UBND huyện, đồng chí Lê Văn Hai - Chủ tịch UBND huyện chủ trì "
       "hội nghị.",
       "Thông báo", true, "2024-05-20", "Hội trường UBND huyện", "Lê Văn Hai",
       "Chủ tịch UBND huyện"},
      {6,
       "Ngày 3/7/2024, tại trụ sở Sở Tài chính, Sở Tài chính tổ chức họp bàn về giá đất. Đồng chí "
       "Phạm Thị Thu Hà, Giám đốc Sở chủ trì cuộc họp.",
       "Thông báo", true, "2024-07-03", "trụ sở Sở Tài chính", "Phạm Thị Thu Hà", "Giám đốc Sở"},
      {7,
       "Thời gian: 14 giờ ngày 15/8/2024. Chủ trì cuộc họp: đồng chí Hoàng Quốc Khánh, Phó Chủ "
       "tịch UBND tỉnh.",
       "Thông báo", true, "2024-08-15", "", "Hoàng Quốc Khánh", "Phó Chủ tịch UBND tỉnh"},
      {8, "Ngày 12/6/2023, Sở Tài chính chủ trì, phối hợp với các sở rà soát giá đất.", "Thông báo",
       false, "", "", "", ""},
      {9, "Ngày 4/3/2024, tại Hà Nội, Ban Chỉ đạo chủ trì hội nghị sơ kết. Sau khi nghe báo cáo.",
       "Thông báo", true, "2024-03-04", "Hà Nội", "", ""},
      {10, "Ngày 9/9/2024, Bí thư Huyện ủy Điểu Kré chủ trì hội nghị.", "Thông báo", true,
       "2024-09-09", "", "Điểu Kré", "Bí thư Huyện ủy"},
      {11,
       "THÔNG BÁO\nKết luận tại buổi làm việc với Sở Xây dựng\n\nNgày 5/6/2024, tại Sở Xây dựng, "
       "Phó Chủ tịch UBND tỉnh Lê Văn Lương đã làm việc với Sở Xây dựng về quy hoạch.\n",
       "Thông báo", true, "2024-06-05", "Sở Xây dựng", "Lê Văn Lương", "Phó Chủ tịch UBND tỉnh"},
      {12,
       "Ngày 05/8/2025, đồng chí Vy Văn Thành, Giám đốc Sở Tài chính chủ trì cuộc họp giao ban.",
       "Thông báo", true, "2025-08-05", "", "Vy Văn Thành", "Giám đốc Sở Tài chính"},
      // Family names of the northern mountain provinces.
      {13, "Ngày 12/3/2025, ông Lường Văn Tiến, Chủ tịch UBND huyện chủ trì hội nghị.", "Thông báo",
       true, "2025-03-12", "", "Lường Văn Tiến", "Chủ tịch UBND huyện"},
      {14, "Ngày 12/3/2025, Lò Thị Mai, Phó Chủ tịch UBND huyện chủ trì hội nghị.", "Thông báo",
       true, "2025-03-12", "", "Lò Thị Mai", "Phó Chủ tịch UBND huyện"},
      {15, "Ngày 12/3/2025, Quàng Văn Hải, Phó Chủ tịch UBND huyện chủ trì hội nghị.", "Thông báo",
       true, "2025-03-12", "", "Quàng Văn Hải", "Phó Chủ tịch UBND huyện"},
  };
  for (const Case& c : cases) {
    DocumentHeader h;
    h.type = c.type;
    h.date = text::Date{2024, 6, 1};
    if (c.n == 11) h.subject = "Kết luận tại buổi làm việc với Sở Xây dựng";
    std::optional<Meeting> m = ExtractMeeting(c.text, h);
    ASSERT_EQ(m.has_value(), c.has) << "case " << c.n;
    if (!m) continue;
    EXPECT_EQ(DateOrNull(m->date), c.date) << "case " << c.n;
    EXPECT_EQ(m->place, c.place) << "case " << c.n;
    if (std::string(c.chair).empty()) {
      EXPECT_FALSE(m->chair.has_value()) << "case " << c.n;
      continue;
    }
    ASSERT_TRUE(m->chair.has_value()) << "case " << c.n;
    EXPECT_EQ(m->chair->name, c.chair) << "case " << c.n;
    EXPECT_EQ(m->chair->title, c.title) << "case " << c.n;
  }
}

TEST(MeetingTest, Attendees) {
  const char* text =
      "Ngày 07 tháng 10 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ Trần Hồng Hà chủ "
      "trì cuộc họp về Đề án. Tham dự cuộc họp có lãnh đạo các Bộ: Tài chính, Tài nguyên và Môi "
      "trường, đại diện các Bộ: Tư pháp. Sau khi nghe báo cáo.";
  DocumentHeader h;
  h.type = "Thông báo";
  std::optional<Meeting> m = ExtractMeeting(text, h);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->attendees, (std::vector<std::string>{"Bộ Tài chính", "Bộ Tài nguyên và Môi trường",
                                                    "Bộ Tư pháp"}));
}

TEST(HeaderTextTest, OrgCase) {
  struct Case {
    int n;
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {1, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"},
      {2, "PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"},
      {3, "VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"},
      {4, "BỘ TRƯỞNG, CHỦ NHIỆM", "Bộ trưởng, Chủ nhiệm"},
      {5, "PHÓ CHỦ TỊCH", "Phó Chủ tịch"},
      {6, "THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"},
      {7, "UBND THỊ XÃ ĐỨC PHỔ", "UBND thị xã Đức Phổ"},
      {8, "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bộ Tài nguyên và Môi trường"},
      {9, "SỞ TÀI CHÍNH", "Sở Tài chính"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(header_text::OrgCase(c.in), c.want) << "case " << c.n;
  }
}

// The scorer's header checks (number, date, type, signer; meeting date and chair) over the dev
// corpus: each must be right.
TEST(HeaderTest, DevCorpus) {
  std::vector<testing::DevNotice> corpus = testing::LoadDevCorpus();
  ASSERT_EQ(corpus.size(), 5u);
  int ok = 0, total = 0;
  auto norm = [](std::string s) {
    std::string out;
    for (char c : s) {
      if (c != ' ') out.push_back(c);
    }
    return out;
  };
  auto check = [&](const std::string& name, const char* field, const std::string& want,
                   const std::string& got) {
    ++total;
    if (want == got) {
      ++ok;
    } else {
      ADD_FAILURE() << name << " " << field << ": got '" << got << "', gold '" << want << "'";
    }
  };
  for (const testing::DevNotice& n : corpus) {
    const auto& gd = n.gold["document"];
    DocumentHeader h = ExtractHeader(n.text);
    check(n.name, "number", norm(gd["number"].get<std::string>()), norm(h.number));
    check(n.name, "date", gd["date"].is_null() ? "null" : gd["date"].get<std::string>(),
          DateOrNull(h.date));
    check(n.name, "type", gd["type"].get<std::string>(), h.type);
    check(n.name, "signer", gd["signer"].is_null() ? "" : gd["signer"].get<std::string>(),
          h.signer ? h.signer->name : "");
    std::optional<Meeting> m = ExtractMeeting(n.text, h);
    const auto& gm = n.gold["meeting"];
    check(n.name, "meeting", gm.is_null() ? "none" : "some", m ? "some" : "none");
    if (!gm.is_null() && m) {
      check(n.name, "meeting.date", gm["date"].is_null() ? "null" : gm["date"].get<std::string>(),
            DateOrNull(m->date));
      check(n.name, "meeting.chair", gm["chair"].get<std::string>(),
            m->chair ? m->chair->name : "");
    }
  }
  std::printf("dev header checks: %d/%d\n", ok, total);
  EXPECT_EQ(ok, total);
}

}  // namespace
}  // namespace dondoc::notice
