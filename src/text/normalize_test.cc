#include "text/normalize.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

struct NormalizeCase {
  int id;
  const char* in;
  const char* want;
};

TEST(NormalizeText, Cases) {
  const NormalizeCase kCases[] = {
      {1, "a\r\nb\rc", "a\nb\nc"},
      {2, "Ủy\xC2\xA0" "ban", "Ủy ban"},                       // no-break space
      {3, "Kế\xE2\x80\x8Bhoạch", "Kếhoạch"},                   // zero-width space
      {4, "phân\xC2\xAD" "công", "phâncông"},                  // soft hyphen
      {5, "\xEF\xBB\xBFSố", "Số"},                             // BOM
      {6, "Hoa\xCC\x80", "Hoà"},                            // NFD -> NFC, placement kept
      {7, "Ho\xCC\x80" "a", "Hòa"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(NormalizeText(c.in), c.want) << "case " << c.id;
  }
}

TEST(FoldKey, Cases) {
  const NormalizeCase kCases[] = {
      {1, "Hoà Bình", "hòa bình"},
      {2, "Uỷ ban nhân dân", "ủy ban nhân dân"},
      {3, "Phòng Tài chính – Kế hoạch", "phòng tài chính - kế hoạch"},
      {4, "Phòng  Tài chính-Kế hoạch ", "phòng tài chính - kế hoạch"},
      {5, "ĐỨC PHỔ", "đức phổ"},
      {6, "Kế hoạch", "kế hoạch"},
      {7, "Thuỷ lợi", "thủy lợi"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(FoldKey(c.in), c.want) << "case " << c.id;
  }
  EXPECT_EQ(FoldKey("Đức Phổ", {.strip_diacritics = true}), "duc pho");
  EXPECT_EQ(FoldKey("Hoà", {.strip_diacritics = true}), FoldKey("Hòa", {.strip_diacritics = true}));
}

// Table lookups below U+2000, ICU above; a lower case of another byte length is not applied.
TEST(LowerSameLength, Cases) {
  const NormalizeCase kCases[] = {
      {1, "ỦY BAN NHÂN DÂN", "ủy ban nhân dân"},        // Latin Extended Additional, 3 bytes
      {2, "ĐỨC PHỔ, Quảng Ngãi", "đức phổ, quảng ngãi"},  // Latin Extended-A, 2 bytes
      {3, "ÀÉÎÕÜ", "àéîõü"},                             // Latin-1
      {4, "ΣΩ Ж", "σω ж"},                               // Greek, Cyrillic
      {5, "\xC4\xB0stanbul", "\xC4\xB0stanbul"},          // İ lowers to one byte: kept
      {6, "\xE2\x85\xA0.", "\xE2\x85\xB0."},                // U+2160 -> U+2170, past the table
      {7, "\xE1\xBA\x9E", "\xE1\xBA\x9E"},                  // ẞ lowers to ß (2 bytes): kept
      {8, "\xC3", "\xC3"},                                 // truncated sequence: kept
      {9, "", ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(LowerSameLength(c.in), c.want) << "case " << c.id;
  }
}

TEST(StartsUpper, Cases) {
  EXPECT_TRUE(StartsUpper("Ủy"));
  EXPECT_FALSE(StartsUpper("ủy"));
  EXPECT_TRUE(StartsLower("đơn"));
  EXPECT_EQ(CapitalizeFirst("các Bộ"), "Các Bộ");
}

}  // namespace
}  // namespace dondoc::text
