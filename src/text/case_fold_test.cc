#include "text/case_fold.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace dondoc::text {
namespace {

// What ICU gives: full case folding, then NFC or NFD.
std::string Reference(std::string_view in, bool decompose) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
  u.foldCase();
  const icu::Normalizer2* n = decompose ? icu::Normalizer2::getNFDInstance(status)
                                        : icu::Normalizer2::getNFCInstance(status);
  u = n->normalize(u, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  u.toUTF8String(out);
  return out;
}

TEST(FoldCaseFast, Cases) {
  struct Case {
    int n;
    const char* in;
    bool covered;
  };
  const Case cases[] = {
      {1, "", true},
      {2, "UBND Huyện Đức Phổ", true},
      {3, "Ủy ban nhân dân – Sở TÀI CHÍNH", true},
      {4, "HOÀ hoà ỦY uỷ Ơ Ư ơ ư", true},
      {5, "Phòng Tài chính - Kế hoạch", true},
      {6, "e\u0301", false},              // a combining mark: ICU path
      {7, "STRASSE stra\u00DFe", false},  // ß folds to two letters
      {8, "\u0130stanbul", false},        // İ folds to i + dot
      {9, "Ωμέγα", false},                // Greek is not covered
      {10, "A\u00A0B\u2003c", true},
  };
  for (const Case& c : cases) {
    for (bool decompose : {false, true}) {
      std::string got;
      bool covered = FoldCaseFast(c.in, decompose, &got);
      EXPECT_EQ(covered, c.covered) << "case " << c.n;
      if (covered) {
        EXPECT_EQ(got, Reference(c.in, decompose)) << "case " << c.n;
      }
    }
  }
}

// Every code point the tables cover gives ICU's result, alone and between letters.
TEST(FoldCaseFast, EveryCoveredCodePointMatchesIcu) {
  int covered = 0;
  for (char32_t c = 1; c < 0x2300; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string one;
    AppendUtf8(c, &one);
    for (const std::string& s : {one, "A" + one + "b", one + one}) {
      for (bool decompose : {false, true}) {
        std::string got;
        if (!FoldCaseFast(s, decompose, &got)) continue;
        ++covered;
        ASSERT_EQ(got, Reference(s, decompose)) << "U+" << std::hex << static_cast<int>(c);
      }
    }
  }
  EXPECT_GT(covered, 6 * 600);  // Latin, Vietnamese letters and punctuation are covered
}

}  // namespace
}  // namespace dondoc::text
