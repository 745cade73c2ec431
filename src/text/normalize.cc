#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <utility>
#include <vector>

#include "text/case_fold.h"
#include "text/utf8.h"

namespace dondoc::text {

namespace {

std::string Nfc(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(in);
  const icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(in);
  status = U_ZERO_ERROR;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
  icu::UnicodeString out = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(in);
  std::string result;
  out.toUTF8String(result);
  return result;
}

bool IsZeroWidth(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

bool IsOtherSpace(char32_t c) {
  return c == 0x00A0 || c == 0x202F || c == 0x2007 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000 ||
         c == '\t' || c == '\f' || c == '\v';
}

bool IsDash(char32_t c) { return (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

// Old-style tone placement -> the placement most documents use now (on the main vowel).
const std::vector<std::pair<std::string, std::string>>& TonePairs() {
  static const auto* pairs = new std::vector<std::pair<std::string, std::string>>{
      {"oà", "òa"}, {"oá", "óa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
      {"oè", "òe"}, {"oé", "óe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
      {"uỳ", "ùy"}, {"uý", "úy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"},
  };
  return *pairs;
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

// Rewrites old-style tone placements (TonePairs) only where they end a syllable (not followed by
// a letter): the two placements differ only in open syllables ("hoà"/"hòa"), never in "hoạch" or
// "hoàn". One pass; no replacement can create or hide another.
void PlaceTonesOnMainVowel(std::string* s) {
  auto starts_pair = [&](size_t i) {
    return ((*s)[i] == 'o' || (*s)[i] == 'u') && i + 1 < s->size() &&
           static_cast<unsigned char>((*s)[i + 1]) >= 0x80;
  };
  size_t i = 0;
  while (i < s->size() && !starts_pair(i)) ++i;
  if (i == s->size()) return;
  std::string out(*s, 0, i);
  std::string_view v = *s;
  while (i < v.size()) {
    if (starts_pair(i)) {
      bool replaced = false;
      for (const auto& [from, to] : TonePairs()) {
        if (!v.substr(i).starts_with(from)) continue;
        size_t after = i + from.size();
        bool letter =
            after < v.size() && u_isalpha(static_cast<UChar32>(FirstCodePoint(v.substr(after))));
        if (!letter) {
          out += to;
          i = after;
          replaced = true;
        }
        break;
      }
      if (replaced) continue;
    }
    out.push_back(v[i++]);
  }
  *s = std::move(out);
}

// FirstCodePoint(s.substr(i), len) for i < s.size(), inlined into the per-byte loops below.
inline char32_t DecodeAt(std::string_view s, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  if (static_cast<size_t>(n) > s.size() - i) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  if (len) *len = n;
  return cp;
}

// u_tolower of every code point below kLowerTableSize (Latin, Greek, Cyrillic and Latin
// Extended Additional, where Vietnamese letters live), computed once: ICU's lookup per
// character dominated LowerSameLength on long task texts.
constexpr char32_t kLowerTableSize = 0x2000;

const std::vector<char32_t>& LowerTable() {
  static const auto* table = [] {
    auto* t = new std::vector<char32_t>(kLowerTableSize);
    for (char32_t c = 0; c < kLowerTableSize; ++c) {
      (*t)[c] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    }
    return t;
  }();
  return *table;
}

}  // namespace

char32_t FirstCodePoint(std::string_view s, int* len) {
  if (s.empty()) {
    if (len) *len = 0;
    return 0;
  }
  return DecodeAt(s, 0, len);
}

bool StartsUpper(std::string_view s) {
  char32_t c = FirstCodePoint(s);
  return c != 0 && u_isupper(static_cast<UChar32>(c));
}

bool StartsLower(std::string_view s) {
  char32_t c = FirstCodePoint(s);
  return c != 0 && u_islower(static_cast<UChar32>(c));
}

std::string CapitalizeFirst(std::string_view s) {
  int len = 0;
  char32_t c = FirstCodePoint(s, &len);
  if (c == 0) return std::string(s);
  std::string out;
  AppendUtf8(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))), &out);
  out.append(s.substr(len));
  return out;
}

std::string LowerSameLength(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size();) {
    unsigned char b = static_cast<unsigned char>(out[i]);
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') out[i] = static_cast<char>(b + ('a' - 'A'));
      ++i;
      continue;
    }
    int len = 0;
    char32_t c = DecodeAt(s, i, &len);
    char32_t low = c < kLowerTableSize ? LowerTable()[c]
                                       : static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    if (low != c) {
      char buf[4];
      int n = 0;
      U8_APPEND_UNSAFE(buf, n, low);
      if (n == len) out.replace(i, static_cast<size_t>(len), buf, static_cast<size_t>(n));
    }
    i += len;
  }
  return out;
}

std::string NormalizeText(std::string_view in) {
  std::string nfc = Nfc(in);
  std::string out;
  out.reserve(nfc.size());
  std::string_view s = nfc;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80) {  // printable ASCII is kept
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    int len = 0;
    char32_t c = DecodeAt(s, i, &len);
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (IsZeroWidth(c)) {
      // dropped
    } else if (IsOtherSpace(c)) {
      out.push_back(' ');
    } else if (c == 0x2028 || c == 0x2029) {
      out.push_back('\n');
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string FoldKey(std::string_view in, FoldOptions options) {
  std::string folded;
  if (!FoldCaseFast(in, options.strip_diacritics, &folded)) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
    u.foldCase();
    const icu::Normalizer2* norm = options.strip_diacritics
                                       ? icu::Normalizer2::getNFDInstance(status)
                                       : icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) u = norm->normalize(u, status);
    folded.clear();
    u.toUTF8String(folded);
  }
  if (!options.strip_diacritics) PlaceTonesOnMainVowel(&folded);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  std::string_view s = folded;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    char32_t c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) c = FirstCodePoint(s.substr(i), &len);
    std::string_view bytes = s.substr(i, static_cast<size_t>(len));
    i += len;
    if (options.strip_diacritics && c >= 0x80) {
      if (u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
          u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
        continue;
      }
      if (c == U'đ') bytes = "d";
    }
    if (IsDash(c) || c == '-') {
      if (!out.empty()) out += " - ";
      pending_space = false;
      continue;
    }
    if (c == ' ' || c == '\n' || IsOtherSpace(c) || IsZeroWidth(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != ' ') out.push_back(' ');
    pending_space = false;
    out.append(bytes);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // Collapse "  -  " artefacts.
  ReplaceAll(&out, "  ", " ");
  return out;
}

}  // namespace dondoc::text
