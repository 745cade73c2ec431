#include "notice/docx_numbering.h"

#include <gtest/gtest.h>

namespace dondoc::notice {
namespace {

TEST(FormatListNumberTest, Table) {
  struct Case {
    int number;
    long n;
    const char* fmt;
    bool vietnamese;
    const char* want;
  };
  const Case cases[] = {
      {1, 1, "decimal", false, "1"},
      {2, 12, "decimal", false, "12"},
      {3, 3, "decimalZero", false, "03"},
      {4, 12, "decimalZero", false, "12"},
      {5, 4, "upperRoman", false, "IV"},
      {6, 9, "lowerRoman", false, "ix"},
      {7, 1994, "upperRoman", false, "MCMXCIV"},
      {8, 4000, "upperRoman", false, "4000"},
      {9, 5, "lowerLetter", false, "e"},
      {10, 5, "lowerLetter", true, "đ"},
      {11, 6, "lowerLetter", true, "e"},
      {12, 7, "lowerLetter", true, "g"},
      {13, 23, "lowerLetter", true, "y"},
      {14, 24, "lowerLetter", true, "aa"},
      {15, 27, "lowerLetter", false, "aa"},
      {16, 5, "upperLetter", true, "Đ"},
      {17, 2, "upperLetter", false, "B"},
      {18, 7, "none", false, ""},
      {19, 7, "ordinal", false, "7"},
      {20, 0, "lowerLetter", false, "0"},
      {21, 100000, "lowerLetter", true, "100000"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatListNumber(c.n, c.fmt, c.vietnamese), c.want) << "case " << c.number;
  }
}

TEST(ListNumberingTest, BadXmlIsAnError) {
  Result<ListNumbering> n = ListNumbering::Parse("<w:numbering><w:num", "");
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("XML error in numbering.xml"), std::string::npos);
}

TEST(ListNumberingTest, UnknownNumIdGivesNoLabel) {
  Result<ListNumbering> n = ListNumbering::Parse("", "");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->NextLabel(3, 0, ""), "");
  EXPECT_EQ(n->NextLabel(std::nullopt, std::nullopt, "Heading1"), "");
}

}  // namespace
}  // namespace dondoc::notice
