#include "text/case_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <vector>

namespace dondoc::text {
namespace {

// Blocks covered: Basic Latin to IPA Extensions, Latin Extended Additional, General
// Punctuation, and the minus sign.
constexpr std::array<std::pair<char32_t, char32_t>, 4> kRanges = {
    {{0x0000, 0x0250}, {0x1E00, 0x1F00}, {0x2000, 0x2070}, {0x2212, 0x2213}}};

struct Entry {
  bool covered = false;
  std::string nfc;  // UTF-8 of NFC(fold(c))
  std::string nfd;  // UTF-8 of NFD(fold(c))
};

class Table {
 public:
  Table() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return;  // nothing covered: every caller takes the ICU path
    for (auto [first, last] : kRanges) {
      for (char32_t c = first; c < last; ++c) Add(c, *nfc, *nfd);
    }
  }

  const Entry* Find(char32_t c) const {
    for (size_t r = 0, base = 0; r < kRanges.size(); ++r) {
      auto [first, last] = kRanges[r];
      if (c >= first && c < last) return &entries_[base + (c - first)];
      base += last - first;
    }
    return nullptr;
  }

 private:
  // A code point is covered when its folding is one code point that is NFC-stable and never
  // combines with a neighbour (NFC quick check "yes", combining class 0), and whose NFD starts
  // with a character of class 0: then folding and normalising a string of covered code points
  // is the concatenation of each one's result.
  void Add(char32_t c, const icu::Normalizer2& nfc, const icu::Normalizer2& nfd) {
    Entry e;
    icu::UnicodeString u(static_cast<UChar32>(c));
    u.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    if (u.countChar32() == 1) {
      UChar32 f = u.char32At(0);
      icu::UnicodeString d = nfd.normalize(u, status);
      icu::UnicodeString n = nfc.normalize(u, status);
      if (U_SUCCESS(status) && !U_IS_SURROGATE(f) &&
          u_getIntPropertyValue(f, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
          u_getCombiningClass(f) == 0 && n == u && !d.isEmpty() &&
          u_getCombiningClass(d.char32At(0)) == 0) {
        e.covered = true;
        n.toUTF8String(e.nfc);
        d.toUTF8String(e.nfd);
      }
    }
    entries_.push_back(std::move(e));
  }

  std::vector<Entry> entries_;
};

const Table& GetTable() {
  static const Table* table = new Table();
  return *table;
}

}  // namespace

bool FoldCaseFast(std::string_view in, bool decompose, std::string* out) {
  const Table& table = GetTable();
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      out->push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A')) : in[i]);
      ++i;
      continue;
    }
    UChar32 c = 0;
    int32_t next = static_cast<int32_t>(i);
    U8_NEXT(in.data(), next, static_cast<int32_t>(in.size()), c);
    if (c < 0) return false;
    const Entry* e = table.Find(static_cast<char32_t>(c));
    if (e == nullptr || !e->covered) return false;
    out->append(decompose ? e->nfd : e->nfc);
    i = static_cast<size_t>(next);
  }
  return true;
}

}  // namespace dondoc::text
