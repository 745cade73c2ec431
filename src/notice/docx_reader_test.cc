#include "notice/docx_reader.h"

#include <gtest/gtest.h>

#include "notice/docx_testing.h"

namespace dondoc::notice {
namespace {

using testing::AbstractNum;
using testing::Lvl;
using testing::MakeDocx;
using testing::MakeZip;
using testing::Num;
using testing::P;

// Legal-style outline: I. / 1. / 1.1. / a) / - , and a second list of "+" bullets.
const std::string kOutline =
    AbstractNum(1, Lvl(0, "upperRoman", "%1.") + Lvl(1, "decimal", "%2.") +
                       Lvl(2, "decimal", "%2.%3.") + Lvl(3, "lowerLetter", "%4)") +
                       Lvl(4, "bullet", "-")) +
    AbstractNum(2, Lvl(0, "bullet", "+")) +
    AbstractNum(3, Lvl(0, "decimal", "Điều %1.", 5, "<w:suff w:val=\"space\"/>")) +
    AbstractNum(4, Lvl(0, "bullet", "\xEF\x82\xB7")) +
    AbstractNum(5, Lvl(0, "decimal", "%1.", 1, "<w:isLgl/>") +
                       Lvl(1, "upperRoman", "%1.%2", 1, "<w:isLgl/>")) +
    Num(1, 1) + Num(2, 2) + Num(3, 3) + Num(4, 4) + Num(5, 5) +
    Num(6, 1, "<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"7\"/></w:lvlOverride>") +
    Num(7, 1);

const std::string kStyles =
    "<w:style w:type=\"paragraph\" w:styleId=\"Dieu\"><w:pPr><w:numPr><w:numId w:val=\"3\"/>"
    "</w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"DieuRieng\"><w:basedOn w:val=\"Dieu\"/></w:style>";

TEST(DocxReaderTest, Text) {
  struct Case {
    int number;
    std::string body;
    std::string want;
  };
  const Case cases[] = {
      {1, P("Số: 12/TB-UBND"), "Số: 12/TB-UBND\n"},
      {2,
       "<w:p><w:r><w:t>Giao Phòng </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Tài chính</w:t>"
       "</w:r><w:r><w:tab/><w:t>chủ trì</w:t><w:br/><w:t>dòng hai</w:t></w:r></w:p>",
       "Giao Phòng Tài chính\tchủ trì\ndòng hai\n"},
      {3,
       "<w:p><w:r><w:t>trước ngày </w:t></w:r><w:del w:id=\"1\"><w:r><w:delText>20/6</w:delText>"
       "</w:r></w:del><w:ins w:id=\"2\"><w:r><w:t>25/6/2023</w:t></w:r></w:ins></w:p>",
       "trước ngày 25/6/2023\n"},
      {4,
       "<w:tbl><w:tr><w:tc>" + P("STT") + "</w:tc><w:tc>" + P("Nội dung") + "</w:tc><w:tc>" +
           P("Chủ trì") + "</w:tc></w:tr><w:tr><w:tc>" + P("", 7, 1) + "</w:tc><w:tc>" +
           P("Rà soát") + P("hồ sơ") + "</w:tc><w:tc>" + P("Phòng A") +
           "</w:tc></w:tr><w:tr><w:tc>" + P("") + "</w:tc><w:tc/><w:tc/></w:tr><w:tr><w:tc>" +
           P("", 7, 1) + "</w:tc><w:tc>" + P("Báo cáo") + "</w:tc><w:tc/></w:tr></w:tbl>",
       "STT | Nội dung | Chủ trì\n1. | Rà soát hồ sơ | Phòng A\n2. | Báo cáo | \n"},
      {5,
       "<w:p><w:hyperlink><w:r><w:t>liên kết</w:t></w:r></w:hyperlink><w:r><w:instrText> PAGE "
       "</w:instrText></w:r><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>",
       "liên kết-x\n"},
      {6, "<w:sdt><w:sdtContent>" + P("trong điều khiển nội dung") + "</w:sdtContent></w:sdt>",
       "trong điều khiển nội dung\n"},
      // Deleted paragraph (runs and mark) neither shows nor counts in its list.
      {7,
       P("Một", 7, 1) +
           "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"7\"/></w:numPr><w:rPr>"
           "<w:del w:id=\"3\"/></w:rPr></w:pPr><w:del w:id=\"4\"><w:r><w:delText>bỏ</w:delText>"
           "</w:r></w:del></w:p>" +
           P("Hai", 7, 1),
       "1. Một\n2. Hai\n"},
      // A two-column layout table: the cells' paragraphs side by side, line by line.
      {8,
       "<w:tbl><w:tr><w:tc>" + P("Nơi nhận:") + P("- Như trên;") + P("- Lưu: VT.") +
           "</w:tc><w:tc>" + P("KT. CHỦ TỊCH") + P("PHÓ CHỦ TỊCH") + P("") +
           "</w:tc></w:tr><w:tr><w:tc/><w:tc>" + P("Hoàng Văn Nam") + "</w:tc></w:tr></w:tbl>",
       "Nơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\t\n\tHoàng Văn Nam\n"},
      // A header cell spanning two grid columns is followed by an empty cell; the lower parts
      // of a vertically merged cell repeat its text.
      {9,
       "<w:tbl><w:tr><w:tc>" + P("STT") + "</w:tc><w:tc>" + P("Nội dung") +
           "</w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + P("Cơ quan thực hiện") +
           "</w:tc></w:tr><w:tr><w:tc>" + P("1") + "</w:tc><w:tc>" + P("Rà soát") +
           "</w:tc><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + P("Phòng A") +
           "</w:tc><w:tc>" + P("Phòng B") + "</w:tc></w:tr><w:tr><w:tc>" + P("2") +
           "</w:tc><w:tc>" + P("Báo cáo") + "</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + P("") +
           "</w:tc><w:tc/></w:tr></w:tbl>",
       "STT | Nội dung | Cơ quan thực hiện | \n1 | Rà soát | Phòng A | Phòng B\n"
       "2 | Báo cáo | Phòng A | \n"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> warnings;
    Result<std::string> text = ReadDocx(MakeDocx(c.body, kOutline, kStyles), &warnings);
    ASSERT_TRUE(text.ok()) << "case " << c.number << ": " << text.status().message();
    EXPECT_EQ(*text, c.want) << "case " << c.number;
  }
}

TEST(DocxReaderTest, Numbering) {
  struct Case {
    int number;
    std::string body;
    std::string want;
  };
  const Case cases[] = {
      {1,
       P("Đánh giá", 1, 0) + P("Kết quả", 1, 1) + P("Hạn chế", 1, 1) + P("Nhiệm vụ", 1, 0) +
           P("Kinh tế", 1, 1) + P("Thu ngân sách", 1, 2) + P("Đầu tư", 1, 2) +
           P("Giao Phòng A", 1, 3) + P("Giao Phòng B", 1, 3) + P("Giao Phòng C", 1, 3) +
           P("Giao Phòng D", 1, 3) + P("Giao Phòng Đ", 1, 3) + P("Giao Phòng E", 1, 3) +
           P("rà soát", 1, 4),
       "I. Đánh giá\n1. Kết quả\n2. Hạn chế\nII. Nhiệm vụ\n1. Kinh tế\n1.1. Thu ngân sách\n"
       "1.2. Đầu tư\na) Giao Phòng A\nb) Giao Phòng B\nc) Giao Phòng C\nd) Giao Phòng D\n"
       "đ) Giao Phòng Đ\ne) Giao Phòng E\n- rà soát\n"},
      // Each numId is its own list; a startOverride starts its level anew.
      {2, P("a", 1, 1) + P("b", 1, 1) + P("c", 7, 1) + P("d", 6, 1) + P("e", 6, 1),
       "1. a\n2. b\n1. c\n7. d\n8. e\n"},
      {3, P("cộng", 2, 0) + P("cộng nữa", 2) + P("chấm", 4, 0), "+ cộng\n+ cộng nữa\n- chấm\n"},
      // Start value 5 and a space suffix; numbering through a style and its basedOn child.
      {4, P("Phạm vi", -1, -1, "Dieu") + P("Đối tượng", -1, -1, "DieuRieng"),
       "Điều 5. Phạm vi\nĐiều 6. Đối tượng\n"},
      // numId 0 removes the style's numbering.
      {5, P("không số", 0, -1, "Dieu"), "không số\n"},
      // isLgl writes the shallower level in decimal.
      {6, P("x", 5, 0) + P("y", 5, 1) + P("z", 5, 1), "1. x\n1.1 y\n1.2 z\n"},
      // An undefined level or list gives no label.
      {7, P("không có", 99, 0) + P("cấp 8", 2, 8), "không có\ncấp 8\n"},
      // Shallower level advancing restarts deeper ones.
      {8, P("A", 1, 1) + P("a", 1, 3) + P("b", 1, 3) + P("B", 1, 1) + P("a lại", 1, 3),
       "1. A\na) a\nb) b\n2. B\na) a lại\n"},
  };
  for (const Case& c : cases) {
    Result<std::string> text = ReadDocx(MakeDocx(c.body, kOutline, kStyles), nullptr);
    ASSERT_TRUE(text.ok()) << "case " << c.number << ": " << text.status().message();
    EXPECT_EQ(*text, c.want) << "case " << c.number;
  }
}

TEST(DocxReaderTest, EnglishDocumentsKeepWordsLetters) {
  std::string body =
      P("one", 1, 3) + P("two", 1, 3) + P("three", 1, 3) + P("four", 1, 3) + P("five", 1, 3);
  Result<std::string> text = ReadDocx(MakeDocx(body, kOutline), nullptr);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "a) one\nb) two\nc) three\nd) four\ne) five\n");
}

TEST(DocxReaderTest, MainPartFoundThroughRels) {
  using testing::DocumentXml;
  using testing::PackageRels;
  std::string docx = MakeZip({{"_rels/.rels", PackageRels("/noidung/chinh.xml")},
                              {"noidung/chinh.xml", DocumentXml(P("Nội dung chính"))},
                              {"word/document.xml", DocumentXml(P("mồi nhử"))}});
  Result<std::string> text = ReadDocx(docx, nullptr);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "Nội dung chính\n");
}

TEST(DocxReaderTest, Errors) {
  using testing::DocumentXml;
  using testing::PackageRels;
  std::string good = MakeDocx(P("Nội dung"));
  std::string zeros(5 << 20, '\0');
  std::vector<std::pair<std::string, std::string>> many;
  for (int i = 0; i < 2001; ++i) many.push_back({"f" + std::to_string(i), "x"});
  struct Case {
    int number;
    std::string bytes;
    DocxLimits limits;
    std::string want;  // a substring of the message
  };
  DocxLimits small;
  small.max_total_bytes = 1 << 20;
  const Case cases[] = {
      {1, "PK\x03\x04 not really a zip", {}, "broken zip"},
      {2, good.substr(0, good.size() / 2), {}, "broken zip"},
      {3, "hello world", {}, "not a zip file"},
      {4, MakeZip({{"word/document.xml", DocumentXml(P("x"))}}), {}, "no _rels/.rels"},
      {5,
       MakeZip({{"_rels/.rels", "<Relationships/>"}, {"word/document.xml", DocumentXml(P("x"))}}),
       {},
       "no officeDocument relationship"},
      {6, MakeZip({{"_rels/.rels", PackageRels("word/document.xml")}}), {}, "is missing"},
      {7,
       MakeZip({{"_rels/.rels", PackageRels("word/document.xml")},
                {"word/document.xml", "<w:document><w:body><w:p></w:body>"}}),
       {},
       "XML error in word/document.xml"},
      {8, MakeZip({{"_rels/.rels", "<Relationships"}}), {}, "XML error in _rels/.rels"},
      {9,
       MakeZip({{"_rels/.rels", PackageRels("word/document.xml")},
                {"word/document.xml", DocumentXml(P("x"))},
                {"bomb.bin", zeros}}),
       {},
       "zip bomb"},
      {10,
       MakeZip({{"_rels/.rels", PackageRels("word/document.xml")},
                {"word/document.xml", DocumentXml(P("x"))},
                {"big.bin", std::string(3 << 20, 'a')}}),
       small, "unpacks to more than 1 MB"},
      {11, MakeZip(many), {}, "too many entries"},
      {12,
       MakeZip({{"_rels/.rels", PackageRels("word/document.xml")},
                {"word/document.xml", "<w:document/>"}}),
       {},
       "has no body"},
  };
  for (const Case& c : cases) {
    Result<std::string> text = ReadDocx(c.bytes, nullptr, c.limits);
    ASSERT_FALSE(text.ok()) << "case " << c.number;
    EXPECT_NE(text.status().message().find(c.want), std::string::npos)
        << "case " << c.number << ": " << text.status().message();
  }
}

TEST(DocxReaderTest, DeepNestingIsAnErrorNotACrash) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "<w:ins>";
  body += P("sâu");
  for (int i = 0; i < 5000; ++i) body += "</w:ins>";
  Result<std::string> text = ReadDocx(MakeDocx(body), nullptr);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("too deeply"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::notice
