#include "notice/header_text.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <set>

#include "text/space.h"

namespace dondoc::notice::header_text {
namespace {

icu::UnicodeString ToIcu(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string FromIcu(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string CapitalizeWord(std::string_view w) {
  icu::UnicodeString u = ToIcu(w);
  if (u.isEmpty()) return std::string(w);
  int32_t first_len = U16_LENGTH(u.char32At(0));
  icu::UnicodeString head = u.tempSubString(0, first_len);
  head.toUpper(icu::Locale("vi"));
  icu::UnicodeString rest = u.tempSubString(first_len);
  return FromIcu(head + rest);
}

// Abbreviations kept in capitals.
const std::set<std::string>& Abbreviations() {
  static const std::set<std::string> k = {
      "UBND",  "HĐND",  "MTTQ", "TW", "VN",     "BCĐ",  "BCH",  "BTV", "VPCP", "TTG", "CP",
      "KT-XH", "QP-AN", "TP",   "TX", "UBMTTQ", "HĐQT", "TNHH", "CA",  "CAND", "QĐND"};
  return k;
}

}  // namespace

std::string Line::Joined() const {
  std::string out;
  for (const Cell& c : cells) {
    if (!out.empty()) out.push_back(' ');
    out += c.text;
  }
  return out;
}

std::string CollapseSpace(std::string_view s) { return text::CollapseSpace(s, " \t\n\r"); }

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line line;
    line.begin = pos;
    line.end = nl;
    std::string_view raw = text.substr(pos, nl - pos);
    // Cells: split on runs of 2+ spaces, a tab, or a Markdown table's '|'; columns in code
    // points.
    std::string table_row;
    std::string_view first = raw.substr(std::min(raw.size(), raw.find_first_not_of(" \t")));
    if (!first.empty() && first[0] == '|') {
      table_row = std::string(raw);
      for (char& c : table_row) {
        if (c == '|') c = '\t';
      }
      raw = table_row;
    }
    // An HTML line break inside a Markdown cell is a space.
    std::string no_br;
    if (raw.find("<br") != std::string_view::npos) {
      for (size_t k = 0; k < raw.size();) {
        size_t len = 0;
        for (std::string_view br : {"<br/>", "<br />", "<br>"}) {
          if (raw.substr(k, br.size()) == br) len = br.size();
        }
        if (len > 0) {
          no_br.push_back(' ');
          k += len;
        } else {
          no_br.push_back(raw[k++]);
        }
      }
      raw = no_br;
    }
    size_t i = 0;
    int column = 0;
    auto advance = [&](size_t k) {
      if ((static_cast<unsigned char>(raw[k]) & 0xC0) != 0x80) ++column;
    };
    while (i < raw.size()) {
      while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) advance(i++);
      if (i >= raw.size()) break;
      size_t start = i;
      int start_col = column;
      while (i < raw.size()) {
        if (raw[i] == '\t') break;
        if (raw[i] == ' ' && i + 1 < raw.size() && (raw[i + 1] == ' ' || raw[i + 1] == '\t')) {
          break;
        }
        advance(i++);
      }
      // Emphasis marks of Markdown ('*', '_' around words, '#' of a heading) are not text.
      std::string cell;
      for (char c : raw.substr(start, i - start)) {
        if (c != '*') cell.push_back(c);
      }
      cell = CollapseSpace(cell);
      while (!cell.empty() && (cell[0] == '#' || cell[0] == '_'))
        cell = CollapseSpace(cell.substr(1));
      while (!cell.empty() && cell.back() == '_') cell.pop_back();
      if (cell.empty()) continue;
      // A blank day printed as a gap: "ngày      tháng 6 năm 2023" stays one cell.
      auto ends_with = [](const std::string& a, std::string_view b) {
        return a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0;
      };
      if (!line.cells.empty() &&
          (ends_with(line.cells.back().text, "ngày") || cell.rfind("tháng ", 0) == 0 ||
           line.cells.back().text == "Số:" || line.cells.back().text == "Số" ||
           cell.rfind("năm ", 0) == 0 ||
           (ends_with(line.cells.back().text, ",") && cell.rfind("ngày ", 0) == 0))) {
        line.cells.back().text += " " + cell;
      } else {
        line.cells.push_back({cell, start_col});
      }
    }
    lines.push_back(std::move(line));
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

std::string Lower(std::string_view s) {
  icu::UnicodeString u = ToIcu(s);
  u.toLower(icu::Locale("vi"));
  return FromIcu(u);
}

std::string Upper(std::string_view s) {
  icu::UnicodeString u = ToIcu(s);
  u.toUpper(icu::Locale("vi"));
  return FromIcu(u);
}

bool IsUpperText(std::string_view s) {
  icu::UnicodeString u = ToIcu(s);
  int letters = 0;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (u_isalpha(c)) {
      if (u_islower(c)) return false;
      ++letters;
    }
    i += U16_LENGTH(c);
  }
  return letters >= 2;
}

std::string SentenceCase(std::string_view s) { return CapitalizeWord(Lower(s)); }

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

bool StartsUpper(std::string_view word) {
  icu::UnicodeString u = ToIcu(word);
  if (u.isEmpty()) return false;
  return u_isupper(u.char32At(0));
}

std::string OrgCase(std::string_view s) {
  std::vector<std::string> raw = Words(s);
  std::vector<std::string> w;
  std::vector<bool> keep;  // abbreviation kept as printed
  for (const std::string& r : raw) {
    std::string bare = r;
    while (!bare.empty() && (bare.back() == ',' || bare.back() == '.')) bare.pop_back();
    bool abbr = Abbreviations().count(Upper(bare)) > 0 && IsUpperText(bare);
    keep.push_back(abbr);
    w.push_back(abbr ? r : Lower(r));
  }
  std::vector<bool> cap(w.size(), false);
  auto is = [&](size_t i, std::string_view word) {
    if (i >= w.size()) return false;
    std::string x = w[i];
    while (!x.empty() && (x.back() == ',' || x.back() == '.')) x.pop_back();
    return x == word;
  };
  static const std::array<std::string_view, 12> kHeads = {
      "bộ", "sở", "cục", "vụ", "ban", "phòng", "viện", "tổng", "chi", "trung", "học", "trường"};
  bool place = false;      // inside a place name after a level word
  bool head_seen = false;  // a head word ("Bộ", "Sở") came before
  for (size_t i = 0; i < w.size(); ++i) {
    if (i == 0 || (i > 0 && !w[i - 1].empty() && w[i - 1].back() == ',')) cap[i] = true;
    if (place) {
      cap[i] = true;
      continue;
    }
    // Level words: everything after them is a place name.
    if (is(i, "tỉnh") || is(i, "huyện") || is(i, "quận") || is(i, "xã") || is(i, "phường")) {
      if (i + 1 < w.size() && !is(i + 1, "ủy") && !is(i + 1, "uỷ")) {
        place = true;
        continue;
      }
    }
    if ((is(i, "thị") && (is(i + 1, "xã") || is(i + 1, "trấn"))) ||
        (is(i, "thành") && is(i + 1, "phố"))) {
      ++i;
      if (i + 1 < w.size()) place = true;
      continue;
    }
    if (is(i, "phó") || is(i, "chánh")) cap[i + 1 < w.size() ? i + 1 : i] = true;
    if (is(i, "văn") && is(i + 1, "phòng")) cap[i] = true;
    if (is(i, "chính") && is(i + 1, "phủ")) cap[i] = true;
    if (is(i, "quốc") && is(i + 1, "hội")) cap[i] = true;
    if (is(i, "trung") && is(i + 1, "ương")) cap[i] = true;
    if (is(i, "nhà") && is(i + 1, "nước")) cap[i] = true;
    if (is(i, "việt") && is(i + 1, "nam")) cap[i] = cap[i + 1] = true;
    if (is(i, "đảng")) cap[i] = true;
    if ((is(i, "tỉnh") || is(i, "thành") || is(i, "huyện") || is(i, "thị")) &&
        (is(i + 1, "ủy") || is(i + 1, "uỷ"))) {
      cap[i] = true;
    }
    if (is(i, "thường") && is(i + 1, "vụ") && i > 0 && is(i - 1, "ban")) cap[i] = true;
    // A head word ("Bộ Tài chính", "Sở Nội vụ") capitalises the next word, except in
    // "Ủy ban nhân dân", "Ban Thường vụ" (handled above) and the compound heads themselves.
    for (std::string_view h : kHeads) {
      if (!is(i, h) || i + 1 >= w.size()) continue;
      if (h == "ban" && i > 0 && (is(i - 1, "ủy") || is(i - 1, "uỷ"))) continue;
      if ((h == "tổng" || h == "chi") && is(i + 1, "cục")) continue;
      if (h == "trung" && (is(i + 1, "tâm") || is(i + 1, "ương"))) continue;
      if (is(i + 1, "trưởng") || is(i + 1, "phó")) continue;
      if (h == "học" && is(i + 1, "viện")) continue;
      if (h == "phòng" && i > 0 && is(i - 1, "văn")) {
        cap[i + 1] = true;
        continue;
      }
      cap[i + 1] = true;
    }
    if (is(i, "trung") && is(i + 1, "tâm") && i + 2 < w.size()) cap[i + 2] = true;
    if (is(i, "và") && head_seen && i + 1 < w.size()) cap[i + 1] = true;
    for (std::string_view h : kHeads) head_seen = head_seen || is(i, h);
    if ((is(i, "tổng") || is(i, "chi")) && is(i + 1, "cục") && i + 2 < w.size()) cap[i + 2] = true;
  }
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += (cap[i] && !keep[i]) ? CapitalizeWord(w[i]) : w[i];
  }
  return out;
}

bool IsPersonName(std::string_view s) {
  std::vector<std::string> words = Words(s);
  if (words.size() < 2 || words.size() > 6) return false;
  for (const std::string& word : words) {
    icu::UnicodeString u = ToIcu(word);
    if (u.isEmpty() || !u_isupper(u.char32At(0))) return false;
    int32_t i = U16_LENGTH(u.char32At(0));
    while (i < u.length()) {
      UChar32 c = u.char32At(i);
      if (!(u_islower(c) || c == '\'' || c == 0x2019)) return false;
      i += U16_LENGTH(c);
    }
  }
  return true;
}

bool IsFamilyName(std::string_view word) {
  static const std::set<std::string> k = {
      "Nguyễn", "Trần",  "Lê",    "Phạm",  "Hoàng", "Huỳnh", "Phan",   "Vũ",    "Võ",    "Đặng",
      "Bùi",    "Đỗ",    "Hồ",    "Ngô",   "Dương", "Lý",    "Đinh",   "Đoàn",  "Lâm",   "Mai",
      "Trương", "Lương", "Tạ",    "Vương", "Cao",   "Hà",    "Chu",    "Trịnh", "Triệu", "Lò",
      "Lục",    "Lưu",   "Tô",    "Thái",  "Tăng",  "Quách", "Kiều",   "Khổng", "Đào",   "Đàm",
      "Hứa",    "Kim",   "Giàng", "Sùng",  "Thào",  "Vàng",  "Hầu",    "Nông",  "La",    "Tống",
      "Châu",   "Diệp",  "Ông",   "Âu",    "Mạc",   "Phùng", "Nghiêm", "Từ",    "Thân",  "Doãn",
      "Lã",     "Lại",   "Viên",  "Bế",    "Ninh",  "Quan",  "Sầm",    "Giáp",  "Cù",    "Khúc",
      "Mã",     "Tôn",   "Tiêu",  "Trình", "Đậu",   "Vi",    "Lạc",    "Nhữ",   "Lữ",    "Thạch",
      "Danh",   "Y",     "Hoàng", "Ksor",  "Rơ",    "Đồng",  "Văn",    "Lù",    "Sồng",  "Ma",
      "Hà",     "Đào",   "Yên",   "Bạch",  "Bạc",   "Lãnh",  "Chế",    "Cấn",   "Đường", "Tòng",
      "Vy",     "Lường", "Quàng", "Cầm",   "Điểu",  "Mùa",   "Lầu",    "Hờ",    "Lô"};
  return k.count(std::string(word)) > 0;
}

}  // namespace dondoc::notice::header_text
