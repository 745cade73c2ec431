// The header of a document in the national format (Nghị định 30/2020/NĐ-CP, Appendix I) and
// in the Party's format (Hướng dẫn 36-HD/VPTW): issuer block beside the national motto, "Số:",
// place and date, type line and subject (or "V/v ..."), "Kính gửi:", then at the end "Nơi
// nhận:" beside the signature block (authority, title, name).
#include "notice/header.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "notice/header_text.h"

namespace dondoc::notice {
namespace {

using header_text::Cell;
using header_text::Line;

constexpr size_t kHeaderLines = 80;
// The longest cell given to std::regex (which recurses per character matched).
constexpr size_t kMaxRegexInput = 300;

// Document types (tên loại) printed in capitals on their own line.
constexpr std::array<std::string_view, 33> kTypes = {
    "THÔNG BÁO",     "CHỈ THỊ",   "KẾ HOẠCH",  "QUYẾT ĐỊNH", "NGHỊ QUYẾT",      "NGHỊ ĐỊNH",
    "THÔNG TƯ",      "CÔNG ĐIỆN", "BÁO CÁO",   "TỜ TRÌNH",   "CHƯƠNG TRÌNH",    "HƯỚNG DẪN",
    "QUY CHẾ",       "QUY ĐỊNH",  "PHƯƠNG ÁN", "ĐỀ ÁN",      "DỰ ÁN",           "BIÊN BẢN",
    "GIẤY MỜI",      "KẾT LUẬN",  "LUẬT",      "PHÁP LỆNH",  "THÔNG CÁO",       "CÔNG VĂN",
    "HỢP ĐỒNG",      "THÔNG TRI", "ĐỀ CƯƠNG",  "QUY HOẠCH",  "GIẤY GIỚI THIỆU", "BẢN GHI NHỚ",
    "GIẤY ỦY QUYỀN", "PHIẾU GỬI", "LỆNH"};

// Words that begin the name of a body in an issuer block.
constexpr std::array<std::string_view, 40> kOrgHeads = {
    "ỦY BAN",    "UỶ BAN",     "UBND",     "BỘ ",       "SỞ ",      "BAN ",      "VĂN PHÒNG",
    "CỤC",       "CHI CỤC",    "TỔNG CỤC", "TRUNG TÂM", "PHÒNG",    "THỦ TƯỚNG", "CHÍNH PHỦ",
    "TỈNH ỦY",   "TỈNH UỶ",    "THÀNH ỦY", "THÀNH UỶ",  "HUYỆN ỦY", "HUYỆN UỶ",  "THỊ ỦY",
    "THỊ UỶ",    "ĐẢNG ỦY",    "ĐẢNG UỶ",  "ĐẢNG BỘ",   "HỘI ĐỒNG", "CÔNG AN",   "THANH TRA",
    "MẶT TRẬN",  "BỘ CHỈ HUY", "QUỐC HỘI", "TÒA ÁN",    "TOÀ ÁN",   "VIỆN",      "KIỂM TOÁN",
    "NGÂN HÀNG", "TRƯỜNG",     "HỌC VIỆN", "CÔNG TY",   "TẬP ĐOÀN"};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

bool IsMotto(std::string_view cell) {
  std::string l = header_text::Lower(cell);
  return Contains(l, "cộng hòa xã hội") || Contains(l, "cộng hoà xã hội") ||
         Contains(l, "độc lập") || Contains(l, "đảng cộng sản việt nam") ||
         Contains(l, "hạnh phúc");
}

// A decoration line: dashes, underscores, stars, dots.
bool IsRule(std::string_view cell) {
  for (char c : cell) {
    if (c != '-' && c != '_' && c != '=' && c != '*' && c != '.' && c != '~' && c != ' ') {
      return false;
    }
  }
  return true;
}

bool IsItem(std::string_view cell) {
  return StartsWith(cell, "-") || StartsWith(cell, "+") || StartsWith(cell, "•") ||
         StartsWith(cell, "–");
}

// An outline label alone in a cell: a tab after "1." or "a)" in a .docx paragraph.
bool IsLabelCell(std::string_view cell) {
  if (cell.size() < 2 || cell.size() > 8) return false;
  char last = cell.back();
  if (last != '.' && last != ')') return false;
  std::string_view body = cell.substr(0, cell.size() - 1);
  if (body == "đ") return true;
  if (body.size() == 1 && body[0] >= 'a' && body[0] <= 'z') return true;
  return body.find_first_not_of("0123456789.") == std::string_view::npos ||
         body.find_first_not_of("IVX") == std::string_view::npos;
}

// A paragraph of the body: a long mixed-case line that is not a list item or a V/v.
bool IsBodyLine(const Line& line) {
  if (line.blank()) return false;
  if (line.cells.size() > 1) {
    if (line.cells.size() > 2 || !IsLabelCell(line.cells[0].text)) return false;
    return header_text::Words(line.cells[1].text).size() >= 8 &&
           !header_text::IsUpperText(line.cells[1].text);
  }
  const std::string& t = line.cells[0].text;
  if (IsItem(t) || StartsWith(t, "V/v") || StartsWith(t, "V/V") || StartsWith(t, "Về việc")) {
    return false;
  }
  return header_text::Words(t).size() >= 9 && !header_text::IsUpperText(t);
}

// "Số: 5973 /UBND-KT" -> "5973/UBND-KT"; "Số: /TB-UBND" -> "/TB-UBND"; "Số 12-TB/TU".
std::optional<std::string> ParseNumber(std::string_view cell) {
  if (!StartsWith(cell, "Số")) return std::nullopt;
  std::string_view rest = cell.substr(std::string_view("Số").size());
  if (!rest.empty() && rest[0] != ' ' && rest[0] != ':' && rest[0] != '.') return std::nullopt;
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == ':' || rest[0] == '.')) {
    rest.remove_prefix(1);
  }
  if (rest.find('/') == std::string_view::npos && rest.find('-') == std::string_view::npos) {
    return std::nullopt;
  }
  if (header_text::Words(rest).size() > 4) return std::nullopt;
  std::string out;
  for (char c : rest) {
    if (c != ' ') out.push_back(c);
  }
  // A blank number printed as dots or an ellipsis before the symbol.
  size_t slash = out.find('/');
  if (slash != std::string::npos) {
    std::string head = out.substr(0, slash);
    bool blank = true;
    for (char c : head) {
      if (std::isdigit(static_cast<unsigned char>(c))) blank = false;
    }
    if (blank && head.find_first_not_of("._\xE2\x80\xA6") == std::string::npos) {
      out = out.substr(slash);
    }
  }
  return out;
}

struct PlaceDate {
  std::string place;
  std::optional<text::Date> date;
};

// "Lào Cai, ngày 11 tháng 6 năm 2026"; a blank day ("ngày   tháng 6 năm 2023") gives no date.
std::optional<PlaceDate> ParsePlaceDate(std::string_view cell) {
  // std::regex recurses per character: long cells are never a date line and could exhaust the
  // stack.
  if (cell.size() > kMaxRegexInput) return std::nullopt;
  static const std::regex kLong(
      R"(^(.*?),?\s*ngày(?:\s|\.|_|…)*([0-9]{0,2})(?:\s|\.|_|…)*tháng(?:\s|\.|_|…)*([0-9]{0,2})(?:\s|\.|_|…)*năm\s*([0-9]{4}))");
  static const std::regex kShort(
      R"(^(.*?),?\s*ngày\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4}))");
  std::string s(cell);
  std::smatch m;
  if (!std::regex_search(s, m, kLong) && !std::regex_search(s, m, kShort)) return std::nullopt;
  PlaceDate pd;
  pd.place = header_text::CollapseSpace(m[1].str());
  while (!pd.place.empty() && (pd.place.back() == ',' || pd.place.back() == ' ')) {
    pd.place.pop_back();
  }
  // The place is a short name; a cell starting with "ngày" (lower case) is a date line whose
  // place is missing.
  bool bare_date = pd.place.empty() && StartsWith(cell, "ngày") &&
                   header_text::CollapseSpace(m.suffix().str()).empty();
  if (!bare_date && (pd.place.empty() || header_text::Words(pd.place).size() > 6 ||
                     !header_text::StartsUpper(pd.place) ||
                     pd.place.find_first_of("0123456789/") != std::string::npos)) {
    return std::nullopt;
  }
  if (m[2].length() > 0 && m[3].length() > 0) {
    text::Date d{std::stoi(m[4].str()), std::stoi(m[3].str()), std::stoi(m[2].str())};
    if (d.IsValid()) pd.date = d;
  }
  return pd;
}

// True when every word of the line is one letter ("T H Ô N G   B Á O").
bool LetterSpaced(const Line& line) {
  int letters = 0;
  for (const Cell& c : line.cells) {
    for (const std::string& w : header_text::Words(c.text)) {
      if (header_text::CodePoints(w) != 1) return false;
      ++letters;
    }
  }
  return letters >= 4;
}

// The type word a capitalised line starts with, and the rest of the line.
std::optional<std::pair<std::string, std::string>> ParseTypeLine(std::string_view raw) {
  if (!header_text::IsUpperText(raw)) return std::nullopt;
  // A type printed letter-spaced ("T H Ô N G  B Á O") reads as its word.
  std::string joined;
  std::vector<std::string> letters = header_text::Words(raw);
  bool spaced = letters.size() >= 4;
  for (const std::string& l : letters) {
    spaced = spaced && header_text::CodePoints(l) == 1;
    joined += l;
  }
  if (spaced) {
    for (std::string_view t : kTypes) {
      std::string bare;
      for (char c : t) {
        if (c != ' ') bare.push_back(c);
      }
      if (joined == bare) return std::make_pair(header_text::SentenceCase(t), std::string());
    }
  }
  std::string_view cell = raw;
  std::string_view best;
  for (std::string_view t : kTypes) {
    if (StartsWith(cell, t) && t.size() > best.size() &&
        (cell.size() == t.size() || cell[t.size()] == ' ' || cell[t.size()] == ':')) {
      best = t;
    }
  }
  if (best.empty()) return std::nullopt;
  std::string rest = header_text::CollapseSpace(cell.substr(best.size()));
  if (!rest.empty() && rest[0] == ':') rest = header_text::CollapseSpace(rest.substr(1));
  return std::make_pair(header_text::SentenceCase(best), rest);
}

bool StartsBody(std::string_view t) {
  static constexpr std::array<std::string_view, 20> kStarts = {
      "Ngày ", "Căn cứ",    "Thực hiện", "Kính gửi", "Trong ", "Để ",   "Vừa qua",
      "Sáng ", "Chiều ",    "Tối ",      "Hôm nay",  "Theo ",  "Tiếp ", "Sau ",
      "Nhằm ", "Thời gian", "Hiện nay",  "Năm ",     "Qua ",   "Nay "};
  for (std::string_view s : kStarts) {
    if (StartsWith(t, s)) return true;
  }
  // An outline label: "1.", "I.", "a)".
  static const std::regex kLabel(R"(^([0-9]+|[IVX]+|[a-zđ])[.)]\s)");
  return std::regex_search(std::string(t.substr(0, 8)), kLabel);
}

std::string CleanRecipient(std::string_view item) {
  std::string s(item);
  while (!s.empty() && (IsItem(s) || s[0] == ' ')) {
    if (StartsWith(s, "•") || StartsWith(s, "–")) {
      s.erase(0, 3);
    } else {
      s.erase(0, 1);
    }
  }
  s = header_text::CollapseSpace(s);
  while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' || s.back() == ' ')) {
    s.pop_back();
  }
  // A trailing note on why it is sent: "(để báo cáo)", "(b/c)", "(t/h)".
  size_t open = s.rfind('(');
  if (open != std::string::npos && s.back() == ')') {
    std::string note = header_text::Lower(s.substr(open + 1, s.size() - open - 2));
    if (StartsWith(note, "để") || StartsWith(note, "b/c") || StartsWith(note, "báo cáo") ||
        StartsWith(note, "t/h") || StartsWith(note, "thực hiện") || StartsWith(note, "biết") ||
        StartsWith(note, "chỉ đạo") || StartsWith(note, "theo dõi") ||
        StartsWith(note, "phối hợp") || StartsWith(note, "đăng")) {
      s = header_text::CollapseSpace(s.substr(0, open));
      while (!s.empty() && (s.back() == ';' || s.back() == ',')) s.pop_back();
    }
  }
  return s;
}

bool UselessRecipient(std::string_view r) {
  std::string l = header_text::Lower(r);
  return r.empty() || StartsWith(l, "như trên") || StartsWith(l, "lưu");
}

// Items of a "Kính gửi:" or "Nơi nhận:" list that starts on `lines[start]` in `cell`.
// Continuation lines (a cell starting in lower case) are joined to the item above.
// `left_column_only`: the list is the left column (Nơi nhận beside the signature); otherwise it
// is the right one (Kính gửi beside the V/v).
std::vector<std::string> ListItems(const std::vector<Line>& lines, size_t start, const Cell& head,
                                   std::string_view keyword, bool left_column_only) {
  std::vector<std::string> items;
  std::string inline_rest = head.text.substr(keyword.size());
  while (!inline_rest.empty() && (inline_rest[0] == ':' || inline_rest[0] == ' ')) {
    inline_rest.erase(0, 1);
  }
  if (!inline_rest.empty()) items.push_back(inline_rest);
  int blank_run = 0;
  for (size_t i = start + 1; i < lines.size() && i < start + 60; ++i) {
    const Line& line = lines[i];
    if (line.blank()) {
      if (++blank_run > 2) break;
      continue;
    }
    blank_run = 0;
    const Cell* item = nullptr;
    const Cell* cont = nullptr;
    for (const Cell& c : line.cells) {
      if (left_column_only && c.column > head.column + 20) continue;
      if (!left_column_only && c.column + 10 < head.column) continue;
      if (IsItem(c.text)) {
        item = &c;
        break;
      }
      if (header_text::StartsUpper(c.text) || header_text::IsUpperText(c.text)) continue;
      cont = &c;
      break;
    }
    if (item) {
      items.push_back(item->text);
    } else if (cont && !items.empty()) {
      items.back() += " " + cont->text;
    } else {
      break;
    }
  }
  std::vector<std::string> out;
  for (const std::string& it : items) {
    std::string r = CleanRecipient(it);
    if (!UselessRecipient(r) && std::find(out.begin(), out.end(), r) == out.end()) {
      out.push_back(r);
    }
  }
  return out;
}

// Issuer names: cells before the number line, minus the motto. A name begins at a head word;
// other lines continue it ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI").
std::string IssuerFrom(const std::vector<std::string>& cells) {
  std::vector<std::string> names;
  for (const std::string& c : cells) {
    bool head = false;
    for (std::string_view h : kOrgHeads)
      head = head || StartsWith(c, h) || c == h.substr(0, h.size() - (h.back() == ' '));
    if (head || names.empty()) {
      names.push_back(c);
    } else {
      names.back() += " " + c;
    }
  }
  if (names.empty()) return "";
  std::string last = names.back();
  // "ĐẢNG BỘ TỈNH LÀO CAI" / "TỈNH ỦY" -> "Tỉnh ủy Lào Cai".
  std::string cased = header_text::OrgCase(last);
  std::vector<std::string> words = header_text::Words(cased);
  bool bare_committee = words.size() == 2 && (words[1] == "ủy" || words[1] == "uỷ");
  if (bare_committee && names.size() >= 2 && StartsWith(names[names.size() - 2], "ĐẢNG BỘ")) {
    std::vector<std::string> parent =
        header_text::Words(header_text::OrgCase(names[names.size() - 2]));
    size_t skip = 3;  // "Đảng bộ tỉnh"
    if (parent.size() > 3 && (parent[2] == "thị" || parent[2] == "thành")) skip = 4;
    for (size_t i = skip; i < parent.size(); ++i) cased += " " + parent[i];
  }
  return cased;
}

// "UBND thị xã" named in the opening of the text, with the place of issue: the issuer of a
// notice printed without its issuer block.
std::string IssuerFromBody(std::string_view text, const std::string& place) {
  if (place.empty()) return "";
  static const std::regex kUbnd(
      R"((UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?=[ ,.;]|$))");
  std::string head(text.substr(0, std::min<size_t>(text.size(), 4000)));
  std::smatch m;
  if (!std::regex_search(head, m, kUbnd)) return "";
  return m[1].str() + " " + m[2].str() + " " + place;
}

// Authority prefixes of a signature block, normalised: "TM.", "KT.", "TL.", "TUQ.", "Q.".
std::optional<std::pair<std::string, std::string>> SplitAuthority(std::string_view cell) {
  if (cell.size() > kMaxRegexInput) return std::nullopt;
  static const std::regex kPrefix(R"(^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\.M|K\.T|T\.L)\.?\s+(.+)$)");
  std::string s(cell);
  std::smatch m;
  if (!std::regex_match(s, m, kPrefix)) return std::nullopt;
  std::string p = m[1].str();
  if (p == "T.M") p = "TM";
  if (p == "K.T") p = "KT";
  if (p == "T.L") p = "TL";
  if (p.find('/') == std::string::npos) p += ".";
  return std::make_pair(p, m[2].str());
}

// A signer's title printed in ordinary case: "Phó Chủ tịch", "Giám đốc", "Bộ trưởng".
bool IsRoleTitle(std::string_view cell) {
  if (cell.size() > kMaxRegexInput) return false;
  static const std::regex kRole(
      R"(^(Phó |Quyền )?(Chủ tịch|Giám đốc|Chánh Văn phòng|Chánh văn phòng|Bộ trưởng|Thứ trưởng|Thủ tướng|Chủ nhiệm|Bí thư|Trưởng ban|Cục trưởng|Vụ trưởng|Tổng Cục trưởng|Chi cục trưởng|Trưởng phòng|Chánh Thanh tra|Tổng Giám đốc|Hiệu trưởng|Viện trưởng)( .*)?$)");
  return header_text::Words(cell).size() <= 8 && std::regex_match(std::string(cell), kRole);
}

std::optional<Person> Signer(const std::vector<Line>& lines) {
  if (lines.empty()) return std::nullopt;
  // The signature follows the body's closing "./."; without one, it is near "Nơi nhận" or in
  // the last lines.
  size_t n = lines.size();
  size_t start = n > 40 ? n - 40 : 0;
  long closing = -1, noi_nhan = -1;
  for (size_t i = n; i-- > 0 && (closing < 0 || noi_nhan < 0);) {
    for (const Cell& c : lines[i].cells) {
      if (noi_nhan < 0 && StartsWith(c.text, "Nơi nhận")) noi_nhan = static_cast<long>(i);
      size_t k = c.text.size();
      if (closing < 0 && k >= 3 &&
          (c.text.compare(k - 3, 3, "./.") == 0 || c.text.compare(k - 3, 3, "/./") == 0)) {
        closing = static_cast<long>(i);
      }
    }
  }
  if (closing >= 0 && (noi_nhan < 0 || closing <= noi_nhan + 1 || n - closing < 60)) {
    start = static_cast<size_t>(closing) + 1;
  } else if (noi_nhan >= 0) {
    start = noi_nhan > 15 ? static_cast<size_t>(noi_nhan) - 15 : 0;
  }
  std::vector<std::string> titles;
  std::string name, last_name_like;
  for (size_t i = start; i < n && name.empty(); ++i) {
    for (const Cell& c : lines[i].cells) {
      const std::string& t = c.text;
      if (IsItem(t) || StartsWith(t, "Nơi nhận") || IsRule(t)) continue;
      std::string l = header_text::Lower(t);
      if (StartsWith(l, "(đã ký") || StartsWith(l, "đã ký") || StartsWith(l, "(ký") ||
          StartsWith(l, "[")) {
        continue;
      }
      if ((header_text::IsUpperText(t) && !IsMotto(t)) || SplitAuthority(t) || IsRoleTitle(t)) {
        titles.push_back(t);
        continue;
      }
      if (header_text::IsPersonName(t)) {
        if (!titles.empty()) {
          name = t;
          break;
        }
        last_name_like = t;
      }
    }
  }
  // A signature block printed without its titles: the last name-like line.
  if (name.empty()) name = last_name_like;
  if (name.empty()) return std::nullopt;
  Person p;
  p.name = name;
  std::vector<std::string> authority;
  for (size_t i = 0; i < titles.size(); ++i) {
    auto split = SplitAuthority(titles[i]);
    bool last = i + 1 == titles.size();
    auto cased = [](const std::string& t) {
      return header_text::IsUpperText(t) ? header_text::OrgCase(t) : t;
    };
    if (split) {
      authority.push_back(split->first + " " + cased(split->second));
    } else if (last) {
      p.title = cased(titles[i]);
    } else if (!authority.empty()) {
      authority.back() += " " + cased(titles[i]);
    } else {
      authority.push_back(cased(titles[i]));
    }
  }
  for (size_t i = 0; i < authority.size(); ++i) {
    if (i > 0) p.authority += ", ";
    p.authority += authority[i];
  }
  return p;
}

}  // namespace

DocumentHeader ExtractHeader(std::string_view text) {
  DocumentHeader h;
  std::vector<Line> lines = header_text::SplitLines(text);
  size_t limit = std::min(lines.size(), kHeaderLines);
  std::vector<std::string> issuer_cells;
  bool issuer_done = false;
  long type_line = -1, vv_line = -1, kinh_gui_line = -1;
  const Cell* kinh_gui_cell = nullptr;
  std::string vv;
  for (size_t i = 0; i < limit; ++i) {
    const Line& line = lines[i];
    if (line.blank()) continue;
    if (IsBodyLine(line) && !StartsWith(line.cells[0].text, "Kính gửi") &&
        !ParseNumber(line.cells[0].text) && !ParsePlaceDate(line.cells[0].text)) {
      break;
    }
    for (const Cell& c : line.cells) {
      if (h.number.empty()) {
        if (auto num = ParseNumber(c.text)) {
          h.number = *num;
          issuer_done = true;
          continue;
        }
      }
      if (h.place.empty() && !h.date) {
        if (auto pd = ParsePlaceDate(c.text)) {
          h.place = pd->place;
          h.date = pd->date;
          issuer_done = true;
          continue;
        }
      }
      if (type_line < 0 && (line.cells.size() == 1 || LetterSpaced(line)) &&
          (!h.number.empty() || !h.place.empty() || h.date)) {
        if (auto type = ParseTypeLine(line.cells.size() == 1 ? c.text : line.Joined())) {
          h.type = type->first;
          h.subject = type->second;
          type_line = static_cast<long>(i);
          issuer_done = true;
          continue;
        }
      }
      if (vv_line < 0 && type_line < 0 &&
          (StartsWith(c.text, "V/v") || StartsWith(c.text, "V/V") ||
           (StartsWith(c.text, "Về việc") && (!h.number.empty() || h.date)))) {
        vv_line = static_cast<long>(i);
        size_t skip = StartsWith(c.text, "Về việc") ? std::string_view("Về việc").size() : 3;
        vv = header_text::CollapseSpace(c.text.substr(skip));
        while (!vv.empty() && (vv[0] == ':' || vv[0] == ' ')) vv.erase(0, 1);
        issuer_done = true;
        continue;
      }
      if (kinh_gui_line < 0 && StartsWith(c.text, "Kính gửi")) {
        kinh_gui_line = static_cast<long>(i);
        kinh_gui_cell = &c;
        issuer_done = true;
        continue;
      }
      if (!issuer_done && !IsMotto(c.text) && !IsRule(c.text) && header_text::IsUpperText(c.text)) {
        issuer_cells.push_back(c.text);
      }
    }
    // The header ends with the type line; the subject follows it.
    if (type_line >= 0) break;
  }
  h.issuer = IssuerFrom(issuer_cells);
  if (h.issuer.empty()) h.issuer = IssuerFromBody(text, h.place);

  // V/v lines continue in the left column until a blank line or "Kính gửi".
  if (vv_line >= 0) {
    int vv_col = lines[vv_line].cells.empty() ? 0 : lines[vv_line].cells[0].column;
    for (size_t i = vv_line + 1; i < lines.size() && i < static_cast<size_t>(vv_line) + 8; ++i) {
      const Line& line = lines[i];
      if (line.blank()) break;
      const Cell& c = line.cells[0];
      if (StartsWith(c.text, "Kính gửi") || c.column > vv_col + 25 || IsItem(c.text) ||
          ParseNumber(c.text) || ParsePlaceDate(c.text) || IsBodyLine(line)) {
        break;
      }
      bool glue = !vv.empty() && vv.back() == '-';
      vv += (glue ? "" : " ") + c.text;
    }
    if (h.subject.empty()) h.subject = vv;
    if (h.type.empty()) h.type = "Công văn";
  }
  if (h.type.empty() && kinh_gui_line >= 0) h.type = "Công văn";

  // The subject: the lines after the type line.
  if (type_line >= 0) {
    bool upper_subject = !h.subject.empty();
    size_t i = type_line + 1;
    int taken = 0;
    int blanks = 0;
    for (; i < lines.size() && taken < 6; ++i) {
      const Line& line = lines[i];
      if (line.blank()) {
        if (taken > 0 || ++blanks > 2) break;
        continue;
      }
      std::string t = line.Joined();
      if (IsRule(t)) {
        if (taken > 0) break;
        continue;
      }
      bool upper = header_text::IsUpperText(t);
      if (taken == 0 && !upper_subject) {
        if (StartsBody(t) || IsItem(t)) break;
        upper_subject = upper;
      } else if (upper_subject != upper || (!upper && StartsBody(t))) {
        break;
      }
      if (!upper && taken >= 3) break;
      h.subject += (h.subject.empty() ? "" : " ") + t;
      ++taken;
    }
  }
  h.subject = header_text::CollapseSpace(h.subject);

  // Recipients: "Kính gửi:" then "Nơi nhận:".
  if (kinh_gui_line >= 0 && kinh_gui_cell) {
    h.recipients = ListItems(lines, kinh_gui_line, *kinh_gui_cell, "Kính gửi", false);
  }
  for (size_t i = lines.size(); i-- > 0;) {
    bool done = false;
    for (const Cell& c : lines[i].cells) {
      if (StartsWith(c.text, "Nơi nhận")) {
        for (std::string& r : ListItems(lines, i, c, "Nơi nhận", true)) {
          if (std::find(h.recipients.begin(), h.recipients.end(), r) == h.recipients.end()) {
            h.recipients.push_back(std::move(r));
          }
        }
        done = true;
        break;
      }
    }
    if (done) break;
  }
  h.signer = Signer(lines);
  return h;
}

}  // namespace dondoc::notice
