#include "text/utf8.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(Utf8Test, Validity) {
  struct Case {
    int n;
    std::string s;
    bool ok;
  };
  const Case cases[] = {
      {1, "abc", true},
      {2, "Đức Phổ", true},
      {3, "\xC0\xAF", false},          // overlong
      {4, "\xED\xA0\x80", false},      // surrogate
      {5, "\xE1\xBB", false},          // truncated
      {6, "\xF4\x90\x80\x80", false},  // > U+10FFFF
      {7, "\xFF", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsValidUtf8(c.s), c.ok) << "case " << c.n;
}

TEST(Utf8Test, Offsets) {
  std::string s = "Đức Phổ";
  EXPECT_EQ(CodePointCount(s), 7);
  OffsetMap map(s);
  EXPECT_EQ(map.ToCodePoint(s.find("Phổ")), 4);
  EXPECT_EQ(map.ToCodePoint(s.size()), 7);
  std::string out;
  AppendUtf8(U'ổ', &out);
  EXPECT_EQ(out, "ổ");
}

// CodePointCount reads eight bytes at a time: every offset of texts longer than a word agrees
// with the OffsetMap, which counts byte by byte.
TEST(Utf8Test, CodePointCountAtEveryOffset) {
  struct Case {
    int n;
    std::string s;
  };
  const Case cases[] = {
      {1, ""},
      {2, "abc"},
      {3, "Thông báo kết luận của Chủ tịch UBND thị xã Đức Phổ"},
      {4, "ỦY BAN NHÂN DÂN – 𝔸𝔹 – \u00A0ổ"},
      {5, std::string(17, 'x') + "ệệệệệệệệệ"},
  };
  for (const Case& c : cases) {
    OffsetMap map(c.s);
    for (size_t b = 0; b <= c.s.size(); ++b) {
      EXPECT_EQ(CodePointCount(c.s, b), map.ToCodePoint(b)) << "case " << c.n << " at " << b;
    }
    EXPECT_EQ(CodePointCount(c.s, c.s.size() + 5), map.ToCodePoint(c.s.size())) << "case " << c.n;
  }
}

}  // namespace
}  // namespace dondoc::text
