#include "notice/units.h"

#include <gtest/gtest.h>

namespace dondoc::notice {
namespace {

struct UnitCase {
  int id;
  const char* text;
  bool bare_generic;
  std::vector<std::string> names;  // non-vague names, in order
  const char* next_word;           // the word after the list ("" at the end)
};

std::vector<std::string> Names(const std::vector<UnitMention>& v) {
  std::vector<std::string> out;
  for (const auto& m : v) {
    if (!m.vague) out.push_back(m.name);
  }
  return out;
}

TEST(ParseUnitList, Cases) {
  const UnitCase kCases[] = {
      {1, "Phòng Tài chính - Kế hoạch chủ trì", false, {"Phòng Tài chính - Kế hoạch"}, "chủ"},
      {2,
       "Phòng Kinh tế, Phòng Lao động - Thương binh và Xã hội chủ trì",
       false,
       {"Phòng Kinh tế", "Phòng Lao động - Thương binh và Xã hội"},
       "chủ"},
      {3, "Chủ tịch UBND các xã, phường chịu trách nhiệm", false, {"UBND các xã, phường"}, "chịu"},
      {4,
       "Ban quản lý dự án đầu tư xây dựng và Phát triển quỹ đất thị xã tập trung",
       false,
       {"Ban quản lý dự án đầu tư xây dựng và Phát triển quỹ đất thị xã"},
       "tập"},
      {5,
       "các Bộ: Tài chính, Tài nguyên và Môi trường, đại diện",
       false,
       {"Bộ Tài chính", "Bộ Tài nguyên và Môi trường"},
       ","},
      {6,
       "các Bộ Tài nguyên và Môi trường, Nông nghiệp và Phát triển nông thôn, Tư pháp để",
       false,
       {"Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tư pháp"},
       "để"},
      {7,
       "Văn phòng HĐND và UBND thị xã làm việc",
       false,
       {"Văn phòng HĐND và UBND thị xã"},
       "làm"},
      {8,
       "các cơ quan, đơn vị liên quan, UBND các xã, phường tổ chức",
       true,
       {"UBND các xã, phường"},
       "tổ"},
      {9,
       "Sở Văn hóa, Thể thao và Du lịch (đối với",
       false,
       {"Sở Văn hóa, Thể thao và Du lịch"},
       "("},
      {10,
       "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
       false,
       {"Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"},
       ""},
      {11,
       "Thủ trưởng các phòng, ban, đơn vị, Chủ tịch UBND các xã, phường chủ động",
       true,
       {"các phòng, ban, đơn vị", "UBND các xã, phường"},
       "chủ"},
      {12, "các Bộ, ngành và các địa phương liên quan tiến hành", true, {}, "tiến"},
      {13, "các Sở, ban, ngành và địa phương xây dựng", true, {"các Sở, ban, ngành"}, "xây"},
      {14, "Ban hành kế hoạch để tổ chức", false, {}, "Ban"},
      {15,
       "Thanh tra tỉnh, Công an tỉnh và chính quyền địa phương",
       false,
       {"Thanh tra tỉnh", "Công an tỉnh"},
       "và"},
      {16,
       "Ban Quản lý Khu kinh tế, Ban Quản lý các khu công nghiệp (đối",
       false,
       {"Ban Quản lý Khu kinh tế", "Ban Quản lý các khu công nghiệp"},
       "("},
      {17,
       "các sở quản lý nhà nước chuyên ngành về hạ tầng và các cơ quan, đơn vị có liên quan thực "
       "hiện",
       true,
       {"các sở quản lý nhà nước chuyên ngành về hạ tầng"},
       "thực"},
      {18, "các cơ quan chức năng rà soát", true, {}, "rà"},
      {19,
       "Trung tâm kinh doanh VNPT Quảng Ngãi để thống nhất",
       true,
       {"Trung tâm kinh doanh VNPT Quảng Ngãi"},
       "để"},
      {20, "các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ", true, {}, "các"},
      {21,
       "Chi cục thuế Khu vực Đức Phổ - Ba Tơ khẩn trương",
       true,
       {"Chi cục thuế Khu vực Đức Phổ - Ba Tơ"},
       "khẩn"},
      {22, "Thuế tỉnh Lào Cai;", false, {"Thuế tỉnh Lào Cai"}, ";"},
      {23,
       "các đồng chí Phó Chủ tịch UBND thị xã theo",
       true,
       {"các đồng chí Phó Chủ tịch UBND thị xã"},
       "theo"},
      {24,
       "Bộ Tư pháp và Bộ Tài nguyên và Môi trường để",
       true,
       {"Bộ Tư pháp", "Bộ Tài nguyên và Môi trường"},
       "để"},
      // Sets of villages, schools and mass organisations are named sets; a place narrows them.
      {25,
       "Hiệu trưởng các trường học trên địa bàn xã tăng cường",
       false,
       {"các trường học trên địa bàn xã"},
       "tăng"},
      {26, "Công an xã và Trưởng các ấp tổ chức", true, {"Công an xã", "các ấp"}, "tổ"},
      {27,
       "Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội phường phối hợp",
       false,
       {"Ủy ban MTTQ Việt Nam phường", "các tổ chức chính trị - xã hội phường"},
       "phối"},
      {28, "các khu phố, tổ dân phố thực hiện", false, {"các khu phố, tổ dân phố"}, "thực"},
      {29, "các cơ quan, đơn vị trên địa bàn xã thực hiện", false, {}, "thực"},
      // Party organs: a Party committee owning a body, a Party group inside a state body.
      {30,
       "Đảng đoàn HĐND huyện, Ban cán sự đảng UBND huyện lãnh đạo",
       true,
       {"Đảng đoàn HĐND huyện", "Ban cán sự đảng UBND huyện"},
       "lãnh"},
      {31,
       "Ban Tuyên giáo và Dân vận Huyện ủy chủ trì",
       false,
       {"Ban Tuyên giáo và Dân vận Huyện ủy"},
       "chủ"},
      {32, "Các chi, đảng bộ cơ sở thường xuyên", false, {"Các chi, đảng bộ cơ sở"}, "thường"},
      // "công trình" is a noun inside a name, though "trình" alone is a verb.
      {33,
       "Cục Quản lý và Xây dựng công trình thủy lợi chủ trì",
       false,
       {"Cục Quản lý và Xây dựng công trình thủy lợi"},
       "chủ"},
      {34,
       "Ủy ban nhân dân các tỉnh quan tâm, chỉ đạo",
       true,
       {"Ủy ban nhân dân các tỉnh"},
       "quan"},
      // A body of a plural level of places followed by the places: one body per place.
      {35,
       "UBND các xã Ea Phê, Ea Kly và Hòa An khẩn trương",
       false,
       {"UBND xã Ea Phê", "UBND xã Ea Kly", "UBND xã Hòa An"},
       "khẩn"},
      {36, "UBND các xã Ea Phê chủ trì", false, {"UBND các xã Ea Phê"}, "chủ"},
      // A list of place words whose first is two words long.
      {37,
       "UBND các huyện, thành phố, thị xã chỉ đạo",
       false,
       {"UBND các huyện, thành phố, thị xã"},
       "chỉ"},
      // "giao thông" is a noun inside a name, though "giao" alone is a verb.
      {38,
       "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh khẩn trương",
       false,
       {"Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"},
       "khẩn"},
      // A shared head, lower case before a colon, or capitalised; an item's first word is part
      // of its name even when it reads as a verb elsewhere.
      {39,
       "Các sở: Xây dựng, Giao thông vận tải, Nông nghiệp và Phát triển nông thôn tập trung",
       false,
       {"Sở Xây dựng", "Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn"},
       "tập"},
      {40, "các Sở Xây dựng, Tư pháp phối hợp", false, {"Sở Xây dựng", "Sở Tư pháp"}, "phối"},
      {41, "các sở, ban, ngành chủ trì", false, {"các sở, ban, ngành"}, "chủ"},
  };
  for (const auto& c : kCases) {
    std::vector<Token> t = Tokenize(c.text);
    size_t next = 0;
    std::vector<UnitMention> m = ParseUnitList(c.text, t, 0, &next, c.bare_generic);
    EXPECT_EQ(Names(m), c.names) << "case " << c.id;
    std::string word = next < t.size() ? t[next].text : "";
    EXPECT_EQ(word, c.next_word) << "case " << c.id;
  }
}

TEST(StripTitle, Cases) {
  EXPECT_EQ(StripTitle("Chủ tịch UBND các xã, phường"), "UBND các xã, phường");
  EXPECT_EQ(StripTitle("Thủ trưởng các phòng, ban"), "các phòng, ban");
  EXPECT_EQ(StripTitle("Phòng Tư pháp"), "Phòng Tư pháp");
}

TEST(Tokenize, PunctuationSplit) {
  std::vector<Token> t = Tokenize("(qua Sở Tài chính), Phòng TC-KH.");
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].text, "(");
  EXPECT_EQ(t[5].text, ")");
  EXPECT_EQ(t[8].text, "TC-KH");
  EXPECT_EQ(t[9].text, ".");
  EXPECT_EQ(t[1].lower, "qua");
}

// Folded words are remembered per thread, with a bound: folding stays right when a word comes
// back and after the memory is cleared by many new words.
TEST(Tokenize, FoldedWordsStayRightPastTheCache) {
  const std::string text = "Phòng TC-KH UỶ BAN Hoà";
  const std::vector<std::string> want = {"phòng", "tc - kh", "ủy", "ban", "hòa"};
  for (int round = 0; round < 2; ++round) {
    std::vector<Token> t = Tokenize(text);
    ASSERT_EQ(t.size(), want.size()) << "round " << round;
    for (size_t k = 0; k < want.size(); ++k) EXPECT_EQ(t[k].lower, want[k]) << round << " " << k;
    std::string many;
    for (int w = 0; w < 10000; ++w) many += "Từ" + std::to_string(w) + " ";
    std::vector<Token> m = Tokenize(many);
    ASSERT_EQ(m.size(), 10000u);
    EXPECT_EQ(m[9999].lower, "từ9999");
  }
}

}  // namespace
}  // namespace dondoc::notice
