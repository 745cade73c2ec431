#include "text/scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dondoc::text {
namespace {

TEST(Scan, At) {
  struct Case {
    int n;
    const char* s;
    const char* before;  // the text before the position
    const char* lit;
    bool want;
  };
  const Case cases[] = {
      {1, "trước ngày", "", "trước", true},
      {2, "trước ngày", "trước", " ngày", true},
      {3, "trước ngày", "trước ", "ngày", true},
      {4, "trước", "tr", "trước", false},
      {5, "ab", "ab", "", true},
      {6, "hằng năm", "", "hàng", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(At(c.s, std::string_view(c.before).size(), c.lit), c.want) << "case " << c.n;
  }
  EXPECT_FALSE(At("ab", 3, "")) << "case 7: past the end";
}

TEST(Scan, FirstAtAndMaxLength) {
  constexpr std::string_view kCues[] = {"đến hết", "đến", "hết"};
  EXPECT_EQ(FirstAt("đến hết năm", 0, kCues), 0) << "case 1";
  EXPECT_EQ(FirstAt("đến năm", 0, kCues), 1) << "case 2";
  EXPECT_EQ(FirstAt("đến hết năm", std::string_view("đến ").size(), kCues), 2) << "case 3";
  EXPECT_EQ(FirstAt("trong năm", 0, kCues), -1) << "case 4";
  EXPECT_EQ(MaxLength(kCues), std::string_view("đến hết").size()) << "case 5";
}

TEST(Scan, Digits) {
  struct Case {
    int n;
    const char* s;
    size_t pos;
    size_t run;
    size_t first;
  };
  const size_t kDay = std::string_view("ngày ").size();
  const Case cases[] = {
      {1, "ngày 25/6", 0, 0, kDay}, {2, "ngày 25/6", kDay, 2, kDay}, {3, "2023", 0, 4, 0},
      {4, "", 0, 0, kNoMatch},      {5, "không", 0, 0, kNoMatch},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DigitRun(c.s, c.pos), c.run) << "case " << c.n;
    EXPECT_EQ(FindDigit(c.s, c.pos), c.first) << "case " << c.n;
  }
  EXPECT_EQ(DigitsValue("x2023", 1, 4), 2023) << "case 6";
  EXPECT_EQ(DigitsValue("05", 0, 2), 5) << "case 7";
}

TEST(Scan, ByteClasses) {
  EXPECT_TRUE(IsAsciiWord('a') && IsAsciiWord('Z') && IsAsciiWord('7') && IsAsciiWord('_'));
  EXPECT_FALSE(IsAsciiWord('/') || IsAsciiWord(' ') || IsAsciiWord('\xC4'));
  EXPECT_TRUE(IsAsciiSpace(' ') && IsAsciiSpace('\n') && IsAsciiSpace('\r') && IsAsciiSpace('\t'));
  EXPECT_FALSE(IsAsciiSpace(',') || IsAsciiSpace('\0'));
  EXPECT_EQ(ByteAt("ab", 1), 'b');
  EXPECT_EQ(ByteAt("ab", 2), '\0');
}

// ScanAnchored finds matches left to right, resumes after each and never tries a position more
// than `lead` bytes before the next anchor.
TEST(Scan, ScanAnchored) {
  struct Case {
    int n;
    const char* s;
    size_t lead;
    std::vector<size_t> want_starts;
  };
  // A match: "ab" followed by a digit; anchors are digits, so matches start 2 bytes before one.
  const Case cases[] = {
      {1, "ab1 xab2 ab", 2, {0, 5}}, {2, "ab1ab2", 2, {0, 3}}, {3, "ab ab", 2, {}}, {4, "", 2, {}},
      {5, "xxxxab1", 1, {}},  // lead too short: the match is never tried
  };
  for (const Case& c : cases) {
    std::string_view s = c.s;
    std::vector<size_t> starts;
    std::vector<size_t> tried;
    ScanAnchored(
        s, c.lead, [&](size_t p) { return FindDigit(s, p); },
        [&](size_t p) -> size_t {
          tried.push_back(p);
          if (!At(s, p, "ab") || !IsAsciiDigit(ByteAt(s, p + 2))) return 0;
          starts.push_back(p);
          return p + 3;
        });
    EXPECT_EQ(starts, c.want_starts) << "case " << c.n;
    for (size_t p : tried) {
      size_t anchor = FindDigit(s, p);
      EXPECT_TRUE(anchor != kNoMatch && anchor <= p + c.lead) << "case " << c.n << " at " << p;
    }
  }
}

}  // namespace
}  // namespace dondoc::text
