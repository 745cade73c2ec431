#include "text/space.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(CollapseSpace, Cases) {
  struct Case {
    int n;
    const char* in;
    const char* blanks;
    const char* want;
  };
  const Case cases[] = {
      {1, "", " ", ""},
      {2, "   ", " \t", ""},
      {3, "  a  b  ", " ", "a b"},
      {4, "Số:\t 12\n/TB", " \t\n", "Số: 12 /TB"},
      {5, "**3,271** tỷ", " *", "3,271 tỷ"},
      {6, "a\r\nb", " \n", "a\r b"},  // '\r' is not in blanks
      {7, "Đức  Phổ", " ", "Đức Phổ"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CollapseSpace(c.in, c.blanks), c.want) << "case " << c.n;
  }
}

}  // namespace
}  // namespace dondoc::text
