#include "notice/figures.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "text/money.h"
#include "text/number.h"
#include "text/space.h"
#include "text/utf8.h"

namespace dondoc::notice {
namespace {

// Decodes the code point that ends just before byte `pos`; 0 at the start.
char32_t CodePointBefore(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  unsigned char c = static_cast<unsigned char>(s[b]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = b + 1; k < pos; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  return cp;
}

bool IsAlnum(char32_t cp) { return cp != 0 && u_isalnum(static_cast<UChar32>(cp)); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipBlanks(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// Skips spaces, tabs, '*' emphasis marks and at most one line break.
size_t SkipSpace(std::string_view s, size_t pos) {
  int breaks = 0;
  while (pos < s.size()) {
    char c = s[pos];
    if (c == ' ' || c == '\t' || c == '*') {
      ++pos;
    } else if (c == '\n' && breaks == 0) {
      ++breaks;
      ++pos;
    } else {
      break;
    }
  }
  return pos;
}

// The word that ends just before `pos` (letters only), lower-cased; empty when none.
std::string PreviousWord(std::string_view s, size_t pos) {
  while (pos > 0 && (s[pos - 1] == ' ' || s[pos - 1] == '\t' || s[pos - 1] == '\n')) --pos;
  size_t end = pos;
  while (pos > 0) {
    char32_t cp = CodePointBefore(s, pos);
    if (!u_isalpha(static_cast<UChar32>(cp))) break;
    size_t b = pos - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    pos = b;
  }
  return text::LowerWord(s.substr(pos, end - pos));
}

// True when the number at `pos` starts a line (after white space and emphasis marks).
bool AtLineStart(std::string_view s, size_t pos) {
  while (pos > 0 && (s[pos - 1] == ' ' || s[pos - 1] == '\t' || s[pos - 1] == '*')) --pos;
  return pos == 0 || s[pos - 1] == '\n';
}

// Words before a number that make it a label, an ordinal or a time, never a count.
constexpr std::array<std::string_view, 40> kLabelWords = {
    "số",    "điều", "khoản", "điểm",  "mục",  "chương", "phần", "lần",   "thứ", "mức",
    "cấp",   "độ",   "án",    "quyết", "định", "thông",  "báo",  "bản",   "thị", "luật",
    "tháng", "ngày", "năm",   "quý",   "tuần", "khóa",   "khoá", "đoạn",  "đợt", "vòng",
    "tổ",    "nhóm", "bước",  "tầng",  "lớp",  "phòng",  "hiệu", "trình", "lục", "kỳ"};

// Measure words of counts, longest first where one is a prefix of another. Compared in lower
// case; the unit keeps the text's spelling.
constexpr std::array<std::string_view, 74> kMeasures = {"xã, phường, thị trấn",
                                                        "xã, phường",
                                                        "xã, thị trấn",
                                                        "hộ gia đình",
                                                        "hợp tác xã",
                                                        "khu công nghiệp",
                                                        "cụm công nghiệp",
                                                        "sắc thuế",
                                                        "chương trình",
                                                        "hồ sơ",
                                                        "dự án",
                                                        "doanh nghiệp",
                                                        "đơn vị",
                                                        "cơ quan",
                                                        "trường hợp",
                                                        "công trình",
                                                        "thủ tục",
                                                        "nhiệm vụ",
                                                        "văn bản",
                                                        "lao động",
                                                        "học sinh",
                                                        "giáo viên",
                                                        "cán bộ",
                                                        "công chức",
                                                        "viên chức",
                                                        "đảng viên",
                                                        "hội viên",
                                                        "tổ chức",
                                                        "cơ sở",
                                                        "lượt người",
                                                        "lượt khách",
                                                        "hộ dân",
                                                        "phòng học",
                                                        "sản phẩm",
                                                        "tiêu chí",
                                                        "chỉ tiêu",
                                                        "căn hộ",
                                                        "vụ việc",
                                                        "đơn thư",
                                                        "tuyến đường",
                                                        "lô đất",
                                                        "thửa đất",
                                                        "trường học",
                                                        "bệnh viện",
                                                        "tàu cá",
                                                        "phương tiện",
                                                        "mô hình",
                                                        "sáng kiến",
                                                        "thôn",
                                                        "tổ dân phố",
                                                        "làng",
                                                        "bản",
                                                        "người",
                                                        "hộ",
                                                        "xã",
                                                        "phường",
                                                        "huyện",
                                                        "tỉnh",
                                                        "lượt",
                                                        "chiếc",
                                                        "căn",
                                                        "trường",
                                                        "vụ",
                                                        "ha",
                                                        "km",
                                                        "m",
                                                        "tấn",
                                                        "kg",
                                                        "tạ",
                                                        "lít",
                                                        "con",
                                                        "cây",
                                                        "MW",
                                                        "kWh"};

// Physical units that may be glued to the number ("50ha", "20km").
bool GluableMeasure(std::string_view m) {
  return m == "ha" || m == "km" || m == "m" || m == "tấn" || m == "kg" || m == "tạ" || m == "lít" ||
         m == "MW" || m == "kWh";
}

// Matches a measure at `pos`: returns its byte length or 0. Words must end at a non-letter.
size_t MatchMeasure(std::string_view s, size_t pos, std::string* unit) {
  // Only measures whose first word is the next word can match.
  size_t ws = 0;
  std::string_view first_word = text::NextWord(s, pos, &ws);
  if (ws != pos || first_word.empty()) return 0;
  const std::string first = text::LowerWord(first_word);
  for (std::string_view m : kMeasures) {
    std::string_view m_first = m.substr(0, m.find_first_of(" ,"));
    bool exact_case = m == "MW" || m == "kWh";
    if (exact_case ? first_word != m_first : first != m_first) continue;
    size_t i = pos, k = 0;
    bool ok = true;
    while (k < m.size()) {
      if (i >= s.size()) {
        ok = false;
        break;
      }
      if (m[k] == ' ') {
        if (s[i] != ' ' && s[i] != '\n') {
          ok = false;
          break;
        }
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
        ++k;
        continue;
      }
      // Compare one code point case-insensitively through LowerWord on the next letter run.
      size_t kend = k;
      while (kend < m.size() && m[kend] != ' ' && m[kend] != ',') ++kend;
      if (kend == k) {  // ','
        if (s[i] != m[k]) {
          ok = false;
          break;
        }
        ++i;
        ++k;
        continue;
      }
      size_t ws = 0;
      std::string_view word = text::NextWord(s, i, &ws);
      if (ws != i || word.empty()) {
        ok = false;
        break;
      }
      bool exact_case = m == "MW" || m == "kWh";
      if (exact_case ? word != m.substr(k, kend - k)
                     : text::LowerWord(word) != m.substr(k, kend - k)) {
        ok = false;
        break;
      }
      i += word.size();
      k = kend;
    }
    if (!ok) continue;
    if ((m == "m" || m == "km") && i < s.size() && (s[i] == '2' || s[i] == '3')) ++i;
    *unit = std::string(s.substr(pos, i - pos));
    return i - pos;
  }
  return 0;
}

// Percent sign or "phần trăm" right after the number: returns the end of the phrase or 0.
size_t MatchPercent(std::string_view s, size_t pos) {
  size_t p = SkipBlanks(s, pos);
  if (p < s.size() && s[p] == '%') return p + 1;
  static constexpr std::string_view kWords = "phần trăm";
  if (s.substr(p, kWords.size()) == kWords) return p + kWords.size();
  return 0;
}

struct Found {
  double value = 0;
  std::string unit;
  size_t begin = 0;  // byte range of the quote
  size_t end = 0;
};

// A figure (money or percent) that starts with the number at `pos`; `end` is past its unit.
std::optional<Found> MoneyOrPercent(std::string_view s, size_t pos) {
  if (auto money = text::ParseMoneyAt(s, pos)) {
    return Found{money->value, money->unit, pos, pos + money->length};
  }
  size_t len = text::ScanNumber(s, pos);
  std::optional<double> number = text::ParseNumber(s.substr(pos, len));
  if (!number) return std::nullopt;
  if (size_t end = MatchPercent(s, pos + len)) return Found{*number, "%", pos, end};
  return std::nullopt;
}

// Range words between two numbers: "-", "–", "đến", "tới", "÷". Returns the position of the
// second number or npos.
size_t RangeSecond(std::string_view s, size_t pos) {
  size_t p = SkipBlanks(s, pos);
  static constexpr std::array<std::string_view, 5> kJoin = {"-", "–", "đến", "tới", "÷"};
  for (std::string_view j : kJoin) {
    if (s.substr(p, j.size()) == j) {
      size_t q = SkipBlanks(s, p + j.size());
      if (q < s.size() && IsDigit(s[q])) return q;
    }
  }
  return std::string_view::npos;
}

bool IsClauseEnd(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ';' || c == ':' || c == '(' || c == ')' || c == '!' || c == '?') return true;
  if (c == '.' || c == ',') return i + 1 >= s.size() || !IsDigit(s[i + 1]);
  if (c == '\n') return i + 1 < s.size() && s[i + 1] == '\n';
  return false;
}

// Quotes and contexts drop emphasis marks with the white space.
std::string CollapseSpace(std::string_view s) { return text::CollapseSpace(s, " \t\n*"); }

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// The words before byte `pos` in its clause (one clause further back when that gives fewer than
// three words), at most `kMaxWords` of them, with bullets and emphasis removed.
std::string ContextBefore(std::string_view s, size_t pos) {
  constexpr int kMaxWords = 20;
  constexpr size_t kMaxBytes = 400;  // a clause longer than this is cut (keeps the scan linear)
  const size_t floor = pos > kMaxBytes ? pos - kMaxBytes : 0;
  size_t b = pos;
  std::string ctx;
  for (int round = 0; round < 2; ++round) {
    if (round == 1) {
      if (b <= floor || s[b - 1] != ',') break;
      --b;  // extend over one comma
    }
    while (b > floor && !IsClauseEnd(s, b - 1)) --b;
    if (b == floor && floor > 0) {
      // Cut at a word boundary, never inside a character.
      while (b < pos && s[b] != ' ' && s[b] != '\n') ++b;
    }
    ctx = CollapseSpace(s.substr(b, pos - b));
    while (!ctx.empty() && std::string_view("-+ ,;:.").find(ctx[0]) != std::string_view::npos) {
      ctx.erase(0, 1);
    }
    if (CountWords(ctx) >= 3) break;
  }
  // Keep the last kMaxWords words.
  int words = CountWords(ctx);
  size_t i = 0;
  while (words > kMaxWords && i < ctx.size()) {
    if (ctx[i] == ' ') --words;
    ++i;
  }
  return ctx.substr(i);
}

// True when a clause speaks of money: budgets, capital, revenue, spending, prices.
bool MoneyClause(const std::string& context) {
  std::string l = text::LowerWord(context);
  static constexpr std::array<std::string_view, 18> kWords = {
      "vốn",     "kinh phí", "ngân sách", "thu ", "chi ",     "giải ngân",
      "đầu tư",  "dự toán",  "tiền",      "nộp",  "nợ",       "doanh thu",
      "giá trị", "phí",      "lệ phí",    "thuế", "tổng mức", "quyết toán"};
  for (std::string_view w : kWords) {
    if (l.find(w) != std::string::npos) return true;
  }
  return false;
}

// "(7,4%)": the quote takes the parentheses when they enclose the figure alone.
void TakeParentheses(std::string_view s, Found* f) {
  if (f->begin > 0 && s[f->begin - 1] == '(' && f->end < s.size() && s[f->end] == ')') {
    --f->begin;
    ++f->end;
  }
}

}  // namespace

std::vector<Figure> ExtractFigures(std::string_view s) {
  std::vector<Figure> out;
  text::OffsetMap offsets(s);
  auto emit = [&](const Found& f, size_t context_at) {
    Figure fig;
    fig.quote = CollapseSpace(s.substr(f.begin, f.end - f.begin));
    fig.value = f.value;
    fig.unit = f.unit;
    fig.span = {offsets.ToCodePoint(f.begin), offsets.ToCodePoint(f.end)};
    fig.context = ContextBefore(s, context_at);
    out.push_back(std::move(fig));
  };
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    size_t len = text::ScanNumber(s, i);
    char32_t before = CodePointBefore(s, i);
    bool glued = IsAlnum(before) || before == '/' || before == '.' || before == ',' ||
                 (before == '-' && i >= 2 && IsAlnum(CodePointBefore(s, i - 1)));
    size_t after = i + len;
    bool slashed = after < s.size() && s[after] == '/' && after + 1 < s.size() &&
                   (IsDigit(s[after + 1]) || IsAlnum(CodePointBefore(s, after + 2)));
    bool label = AtLineStart(s, i) && after < s.size() && (s[after] == '.' || s[after] == ')');
    if (glued || slashed || label) {
      i = after;
      while (i < s.size() && (IsDigit(s[i]) || s[i] == '/')) ++i;
      continue;
    }
    if (std::optional<Found> f = MoneyOrPercent(s, i)) {
      TakeParentheses(s, &*f);
      emit(*f, f->begin);
      i = f->end;
      continue;
    }
    // A range "60 - 70%", "5 đến 7 tỷ đồng": the first number takes the second's unit.
    if (size_t second = RangeSecond(s, after); second != std::string_view::npos) {
      std::optional<Found> f2 = MoneyOrPercent(s, second);
      std::optional<double> n1 = text::ParseNumber(s.substr(i, len));
      size_t len2 = text::ScanNumber(s, second);
      std::optional<double> n2 = text::ParseNumber(s.substr(second, len2));
      if (f2 && n1 && n2 && *n2 != 0) {
        Found f1{*n1 * (f2->value / *n2), f2->unit, i, after};
        emit(f1, i);
        emit(*f2, i);
        i = f2->end;
        continue;
      }
    }
    std::optional<double> n = text::ParseNumber(s.substr(i, len));
    // Magnitude words: "15 tỷ" with no currency is money in a clause about money; "2,5 triệu
    // lượt khách" scales a count.
    double scale = 1;
    size_t scaled_end = after;
    for (size_t ws = 0;;) {
      std::string_view word = text::NextWord(s, scaled_end, &ws);
      std::optional<double> mag = word.empty() ? std::nullopt : text::MagnitudeWord(word);
      if (!mag) break;
      scale *= *mag;
      scaled_end = ws + word.size();
    }
    if (n && scale > 1) {
      size_t ws = 0;
      std::string_view next = text::NextWord(s, scaled_end, &ws);
      if (next.empty() && MoneyClause(ContextBefore(s, i))) {
        Found f{*n * scale, "VND", i, scaled_end};
        TakeParentheses(s, &f);
        emit(f, f.begin);
        i = f.end;
        continue;
      }
    }
    // A count with its measure: "05 sắc thuế", "06 xã, phường", "50ha".
    std::string prev = PreviousWord(s, i);
    bool year_like = len == 4 && n && *n >= 1900 && *n <= 2100;
    bool is_label = std::find(kLabelWords.begin(), kLabelWords.end(), prev) != kLabelWords.end();
    if (n && !year_like && !is_label) {
      size_t m = SkipSpace(s, scaled_end);
      std::string unit;
      size_t mlen = MatchMeasure(s, m, &unit);
      if (mlen > 0 &&
          (m > after || GluableMeasure(text::LowerWord(unit)) || GluableMeasure(unit))) {
        Found f{*n * scale, CollapseSpace(unit), i, m + mlen};
        emit(f, i);
        i = f.end;
        continue;
      }
    }
    i = after;
  }
  return out;
}

}  // namespace dondoc::notice
