#include "notice/txt_reader.h"

#include <gtest/gtest.h>

namespace dondoc::notice {
namespace {

TEST(DecodeTextTest, Table) {
  using namespace std::string_literals;
  struct Case {
    int number;
    std::string bytes;
    std::string want;        // when ok
    std::string want_error;  // when not
    size_t warnings = 0;
  };
  const Case cases[] = {
      {1, "Thông báo\r\nkết luận", "Thông báo\r\nkết luận", ""},
      {2, "\xEF\xBB\xBFGiao Phòng", "Giao Phòng", ""},
      {3,
       "\xFF\xFE"
       "G\0i\0a\0o\0 \0\xB0\x01\xE1\x1E\n\0"s,
       "Giao ưỡ\n", "", 1},
      {4,
       "\xFE\xFF"
       "\0S\x01\xB0"s,
       "Sư", "", 1},
      {5,
       "\xFF\xFE"
       "\x3D\xD8\x00\xDE"s,
       "\xF0\x9F\x98\x80", "", 1},  // a surrogate pair
      {6,
       "\xFF\xFE"
       "\x3D\xD8"
       "a\0"s,
       "", "not UTF-8 or UTF-16 text"},  // unpaired surrogate
      {7,
       "\xFF\xFE"
       "abc"s,
       "", "not UTF-8 or UTF-16 text"},                    // odd length
      {8, "Vi\xEAt Nam", "", "not UTF-8 or UTF-16 text"},  // Latin-1
      {9, "ab\0cd"s, "", "binary content, not text"},
      {10,
       "ab\x01"
       "cd",
       "", "binary content, not text"},
      {11, "tab\tform feed\f", "tab\tform feed\f", ""},
      {12, "\xC0\xAF", "", "not UTF-8 or UTF-16 text"},  // overlong
      {13,
       "\xFF\xFE"
       "a\0\0\0"s,
       "", "binary content, not text"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> warnings;
    Result<std::string> got = DecodeText(c.bytes, &warnings);
    if (c.want_error.empty()) {
      ASSERT_TRUE(got.ok()) << "case " << c.number << ": " << got.status().message();
      EXPECT_EQ(*got, c.want) << "case " << c.number;
      EXPECT_EQ(warnings.size(), c.warnings) << "case " << c.number;
    } else {
      ASSERT_FALSE(got.ok()) << "case " << c.number;
      EXPECT_EQ(got.status().message(), c.want_error) << "case " << c.number;
    }
  }
}

}  // namespace
}  // namespace dondoc::notice
