// The meeting a conclusion notice reports on, from its opening paragraph: "Ngày 12/6/2023, tại
// Phòng họp số 1 UBND thị xã, Chủ tịch UBND thị xã Đỗ Tâm Hiến chủ trì phiên họp ...; với sự
// tham dự của ...".
#include <algorithm>
#include <array>
#include <regex>

#include "notice/header.h"
#include "notice/header_text.h"

namespace dondoc::notice {
namespace {

using header_text::CollapseSpace;
using header_text::Words;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The longest text given to std::regex, which recurses per character matched: the opening
// sentence of a notice is shorter.
constexpr size_t kMaxRegexInput = 2000;

// A word that can be part of a name: a capital then lower-case letters.
bool NameWord(std::string w) {
  while (!w.empty() && std::string_view(",;.:").find(w.back()) != std::string_view::npos) {
    w.pop_back();
  }
  return header_text::IsPersonName(w + " " + w);
}

// Trims ASCII `chars` and en dashes from both ends.
std::string Trim(std::string s, std::string_view chars = " ,;:-") {
  bool changed = true;
  while (changed) {
    changed = false;
    while (!s.empty() && chars.find(s.back()) != std::string_view::npos) {
      s.pop_back();
      changed = true;
    }
    size_t b = 0;
    while (b < s.size() && chars.find(s[b]) != std::string_view::npos) ++b;
    if (b > 0) changed = true;
    s.erase(0, b);
    if (StartsWith(s, "–")) {
      s.erase(0, 3);
      changed = true;
    }
    if (s.size() >= 3 && s.compare(s.size() - 3, 3, "–") == 0) {
      s.erase(s.size() - 3);
      changed = true;
    }
  }
  return s;
}

std::string StripHonorific(std::string s) {
  s = Trim(s) + " ";
  for (std::string_view h : {"đồng chí ", "Đồng chí ", "ông ", "Ông ", "bà ", "Bà "}) {
    if (StartsWith(s, h)) s = s.substr(h.size());
  }
  return Trim(s);
}

// A person's name inside `words` (from a family name, 2 to 5 capitalised words), the last one
// found or the first when `first`. Returns [begin, end) word indices or {-1, -1}.
std::pair<int, int> FindName(const std::vector<std::string>& words, bool first) {
  std::pair<int, int> found{-1, -1};
  int n = static_cast<int>(words.size());
  int i = 0;
  while (i < n) {
    if (!NameWord(words[i])) {
      ++i;
      continue;
    }
    int run_end = i;
    while (run_end < n && NameWord(words[run_end])) {
      ++run_end;
      // Punctuation glued to a word ends the run after it.
      char last = words[run_end - 1].back();
      if (last == ',' || last == ';' || last == '.' || last == ':') break;
    }
    // Prefer a name of 3 words, then 4, then 2, then 5.
    int best = -1;
    for (int want : {3, 4, 2, 5}) {
      for (int p = i; p < run_end && best < 0; ++p) {
        std::string w = Trim(words[p], ",;.:");
        if (run_end - p == want && header_text::IsFamilyName(w)) best = p;
      }
      if (best >= 0) break;
    }
    if (best >= 0) {
      found = {best, run_end};
      if (first) return found;
    }
    i = run_end;
  }
  return found;
}

std::string JoinWords(const std::vector<std::string>& w, int b, int e) {
  std::string out;
  for (int i = b; i < e; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += w[i];
  }
  return out;
}

// The chair from the words around "chủ trì": `before` holds the words before it in the
// sentence, `after` those after "chủ trì của" (when the sentence says "dưới sự chủ trì của").
std::optional<Person> Chair(const std::string& before, const std::string& after) {
  bool use_after = !after.empty();
  std::vector<std::string> w = Words(use_after ? after : before);
  auto [b, e] = FindName(w, use_after);
  const int n = static_cast<int>(w.size());
  auto is_honorific = [](const std::string& word) {
    std::string l = header_text::Lower(word);
    return l == "chí" || l == "ông" || l == "bà";
  };
  // After an honorific the name is every capitalised word up to it ("đồng chí Vy Văn Thành"),
  // even when its family name is one we do not know.
  if (b > 0) {
    int hb = b;
    while (hb > 0 && e - hb < 5 && NameWord(w[hb - 1]) &&
           std::string_view(",;.:").find(w[hb - 1].back()) == std::string_view::npos) {
      --hb;
    }
    if (hb < b && hb > 0 && is_honorific(w[hb - 1])) b = hb;
  }
  if (b >= 0 && !use_after) {
    // A name stands at the end of the words before "chủ trì", after an honorific, or before the
    // title that follows it ("đồng chí X, Phó Chủ tịch ..."); "tại Hà Nội, ..." is a place.
    std::string prev = b > 0 ? header_text::Lower(w[b - 1]) : "";
    static constexpr std::array<std::string_view, 9> kPlacePrepositions = {
        "tại", "ở", "về", "và", "của", "với", "đến", "từ", "trên"};
    bool honorific = b > 0 && is_honorific(w[b - 1]);
    bool followed_by_title = e < n && (w[e - 1].back() == ',' || w[e] == "-" || w[e] == "–");
    bool place = std::find(kPlacePrepositions.begin(), kPlacePrepositions.end(), prev) !=
                 kPlacePrepositions.end();
    if (!(e == n || honorific || (followed_by_title && !place))) b = e = -1;
  }
  if (b < 0 && !use_after) {
    // No family name we know: the capitalised words that end the clause, after a title word.
    int rb = n;
    while (rb > 0 && NameWord(w[rb - 1]) && w[rb - 1].back() != ',') --rb;
    if (n - rb >= 2 && n - rb <= 4 && rb > 0 && !header_text::StartsUpper(w[rb - 1])) {
      b = rb;
      e = n;
    }
  }
  if (b < 0) return std::nullopt;
  Person p;
  p.name = Trim(JoinWords(w, b, e), " ,;.:");
  // The title: the words before the name in its clause, else the words after it.
  int cb = b;
  while (cb > 0) {
    char last = w[cb - 1].back();
    if (last == ',' || last == ';' || last == ':') break;
    --cb;
  }
  std::string title = StripHonorific(JoinWords(w, cb, b));
  if (title.empty()) {
    int te = e;
    while (te < static_cast<int>(w.size())) {
      ++te;
      char last = w[te - 1].back();
      if (last == ',' || last == ';' || last == '.') break;
    }
    title = StripHonorific(JoinWords(w, e, te));
    for (std::string_view stop : {" chủ trì", " đã chủ trì"}) {
      size_t k = title.find(stop);
      if (k != std::string::npos) title = Trim(title.substr(0, k));
    }
  }
  p.title = Trim(title, " ,;.:");
  return p;
}

// The year of the document's date line, printed even when its day is left blank.
std::optional<int> HeaderYear(std::string_view text) {
  static const std::regex kYear(R"(ngày[^\n]{0,40}?năm\s*([0-9]{4}))");
  std::string head(text.substr(0, std::min<size_t>(text.size(), 3000)));
  std::smatch m;
  if (!std::regex_search(head, m, kYear)) return std::nullopt;
  return std::stoi(m[1].str());
}

// The first date in `s`: "Ngày 12/6/2023", "ngày 07 tháng 10 năm 2024", "Sáng 20/5" (the year
// from `year`).
std::optional<text::Date> MeetingDate(const std::string& full, std::optional<int> default_year) {
  const std::string s = full.substr(0, kMaxRegexInput);
  static const std::regex kDate(
      R"((?:Ngày|ngày|Sáng|sáng|Chiều|chiều|Tối|tối|Trưa|trưa)\s+(?:ngày\s+)?([0-9]{1,2})\s*(?:/|-|\.|tháng)\s*([0-9]{1,2})(?:\s*(?:/|-|\.|năm)\s*([0-9]{4}))?)");
  std::smatch m;
  if (!std::regex_search(s, m, kDate)) return std::nullopt;
  int year = 0;
  if (m[3].matched) {
    year = std::stoi(m[3].str());
  } else if (default_year) {
    year = *default_year;
  } else {
    return std::nullopt;
  }
  text::Date d{year, std::stoi(m[2].str()), std::stoi(m[1].str())};
  if (!d.IsValid()) return std::nullopt;
  return d;
}

std::string MeetingPlace(const std::string& full) {
  const std::string s = full.substr(0, kMaxRegexInput);
  static const std::regex kPlace(R"((?:^|\s)tại\s+([^,;]+))");
  std::smatch m;
  if (!std::regex_search(s, m, kPlace)) return "";
  std::string place = Trim(m[1].str(), " .");
  // "tại Phòng họp số 1 UBND thị xã" but not a clause: stop at a verb-like continuation.
  for (std::string_view stop : {" chủ trì", " dưới sự", " để ", " về việc"}) {
    size_t k = place.find(stop);
    if (k != std::string::npos) place = Trim(place.substr(0, k));
  }
  return place;
}

bool Vague(const std::string& item) {
  std::string l = header_text::Lower(item);
  for (std::string_view v : {"các cơ quan", "cơ quan", "đơn vị", "các đơn vị", "các địa phương",
                             "địa phương", "các sở, ngành", "các ngành", "liên quan"}) {
    if (l == v) return true;
  }
  return false;
}

// "với sự tham dự của A; B; đại diện các Bộ: X, Y" -> A, B, Bộ X, Bộ Y.
std::vector<std::string> Attendees(const std::string& full) {
  const std::string s = full.substr(0, kMaxRegexInput);
  static const std::regex kFrom(
      R"((?:tham dự của|Tham dự (?:cuộc họp|hội nghị|buổi làm việc|phiên họp)?\s*có|tham dự gồm|thành phần gồm|Thành phần tham dự gồm|Tham dự có)\s*:?\s*)");
  std::smatch m;
  if (!std::regex_search(s, m, kFrom)) return {};
  std::string rest = m.suffix().str();
  size_t end = std::min(rest.find(". "), rest.find('\n'));
  if (end != std::string::npos) rest = rest.substr(0, end);
  std::vector<std::string> out;
  std::string prefix;
  size_t pos = 0;
  while (pos <= rest.size()) {
    size_t k = rest.find_first_of(",;", pos);
    if (k == std::string::npos) k = rest.size();
    bool semicolon = k < rest.size() && rest[k] == ';';
    std::string item = Trim(rest.substr(pos, k - pos), " ,;.:");
    size_t colon = item.find(':');
    if (colon != std::string::npos) {
      std::string head = Trim(item.substr(0, colon));
      item = Trim(item.substr(colon + 1));
      prefix.clear();
      size_t cac = head.rfind("các ");
      if (cac != std::string::npos) {
        std::string noun = head.substr(cac + std::string_view("các ").size());
        if (header_text::StartsUpper(noun) && Words(noun).size() == 1) prefix = noun + " ";
      }
    }
    for (std::string_view lead : {"Đại diện ", "đại diện ", "Lãnh đạo ", "lãnh đạo ", "và "}) {
      if (StartsWith(item, lead)) item = Trim(item.substr(lead.size()));
    }
    if (!item.empty() && !prefix.empty() && !StartsWith(item, prefix)) item = prefix + item;
    bool named = header_text::StartsUpper(item) ||
                 (StartsWith(item, "các ") &&
                  header_text::StartsUpper(item.substr(std::string_view("các ").size())));
    if (named && !Vague(item) && std::find(out.begin(), out.end(), item) == out.end()) {
      out.push_back(item);
    }
    if (semicolon) prefix.clear();
    if (k >= rest.size()) break;
    pos = k + 1;
  }
  return out;
}

// The opening of `text` with hard-wrapped lines joined: paragraphs separated by '\n', white space
// folded. A line break ends a paragraph after a blank line, a line ending in sentence punctuation,
// or a line in capitals (a title).
std::string OpeningParagraphs(std::string_view text, size_t limit) {
  std::string out;
  std::string prev;
  size_t pos = 0;
  while (pos < text.size() && pos < limit) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = CollapseSpace(text.substr(pos, nl - pos));
    pos = nl + 1;
    std::string bare;
    for (char c : line) {
      if (c != '*') bare.push_back(c);
    }
    line = CollapseSpace(bare);
    if (line.empty()) {
      if (!prev.empty()) out.push_back('\n');
      prev.clear();
      continue;
    }
    if (!prev.empty()) {
      char last = prev.back();
      bool ends = last == '.' || last == ';' || last == ':' || last == '!' || last == '?';
      out.push_back(ends || header_text::IsUpperText(prev) || header_text::IsUpperText(line) ? '\n'
                                                                                             : ' ');
    }
    out += line;
    prev = line;
  }
  return out;
}

// A notice about a meeting that names no "chủ trì": "Ngày 5/6/2024, Chủ tịch UBND tỉnh Nguyễn
// Văn A đã làm việc với ...; kết luận như sau". The meeting is there when the subject or the
// opening paragraph speaks of one; the chair is the person who concludes or holds it.
std::optional<Meeting> MeetingWithoutChair(const std::string& head, std::string_view text,
                                           const DocumentHeader& header) {
  // The body starts after the subject (or the type line) in the joined opening.
  size_t body = std::string::npos;
  if (!header.subject.empty()) {
    size_t k = head.find(header.subject);
    if (k != std::string::npos) body = k + header.subject.size();
  }
  if (body == std::string::npos && !header.type.empty()) {
    size_t k = head.find(header_text::Upper(header.type));
    if (k != std::string::npos) body = k + header_text::Upper(header.type).size();
  }
  if (body == std::string::npos) return std::nullopt;
  size_t pb = head.find_first_not_of('\n', body);
  if (pb == std::string::npos) return std::nullopt;
  size_t pe = head.find('\n', pb);
  std::string paragraph = head.substr(pb, pe == std::string::npos ? std::string::npos : pe - pb);
  std::string lower = header_text::Lower(paragraph + " " + header.subject);
  bool about_meeting = false;
  for (std::string_view w : {"họp", "hội nghị", "buổi làm việc", "cuộc làm việc", "làm việc với",
                             "phiên", "hội thảo", "tọa đàm", "toạ đàm"}) {
    if (lower.find(w) != std::string::npos) about_meeting = true;
  }
  if (!about_meeting) return std::nullopt;
  Meeting m;
  std::optional<int> year = header.date ? std::optional<int>(header.date->year) : HeaderYear(text);
  m.date = MeetingDate(paragraph, year);
  m.place = MeetingPlace(paragraph);
  for (std::string_view verb : {" đã kết luận", " kết luận", " đã có buổi", " đã làm việc",
                                " làm việc với", " đã họp", " họp "}) {
    size_t k = paragraph.find(verb);
    if (k == std::string::npos) continue;
    std::string before = paragraph.substr(0, k);
    size_t semi = before.rfind(';');
    if (semi != std::string::npos) before = before.substr(semi + 1);
    m.chair = Chair(before, "");
    if (m.chair) break;
  }
  m.attendees = Attendees(paragraph);
  return m;
}

}  // namespace

std::optional<Meeting> ExtractMeeting(std::string_view text, const DocumentHeader& header) {
  static constexpr std::array<std::string_view, 6> kNotMeetings = {
      "Công văn", "Chỉ thị", "Quyết định", "Kế hoạch", "Nghị quyết", "Công điện"};
  if (std::find(kNotMeetings.begin(), kNotMeetings.end(), header.type) != kNotMeetings.end()) {
    return std::nullopt;
  }
  // The opening of the body, joined: hard-wrapped lines become one paragraph.
  std::string head = OpeningParagraphs(text, 8000);
  size_t chu_tri = std::min(head.find("chủ trì"), head.find("Chủ trì"));
  if (chu_tri == std::string::npos || chu_tri > 3000)
    return MeetingWithoutChair(head, text, header);
  // The sentence and the paragraph holding "chủ trì".
  size_t para = head.rfind('\n', chu_tri);
  para = para == std::string::npos ? 0 : para + 1;
  size_t sb = head.rfind(". ", chu_tri);
  sb = sb == std::string::npos || sb + 2 < para ? para : sb + 2;
  size_t se = std::min(head.find(". ", chu_tri), head.find('\n', chu_tri));
  if (se == std::string::npos) se = head.size();
  std::string sentence = head.substr(sb, se - sb);
  std::string paragraph = head.substr(para, se - para);
  std::string lower = header_text::Lower(sentence + " " + header.subject);
  bool about_meeting = false;
  for (std::string_view w : {"họp", "hội nghị", "buổi làm việc", "cuộc làm việc", "làm việc với",
                             "phiên", "hội thảo", "tọa đàm", "toạ đàm"}) {
    if (lower.find(w) != std::string::npos) about_meeting = true;
  }
  if (!about_meeting) return std::nullopt;
  size_t at = chu_tri - sb;
  std::string before = sentence.substr(0, at);
  size_t semi = before.rfind(';');
  if (semi != std::string::npos) before = before.substr(semi + 1);
  // "dưới sự chủ trì của X", "Chủ trì cuộc họp: X": the chair follows.
  std::string after;
  std::string rest = sentence.substr(at + std::string_view("chủ trì").size());
  size_t colon = rest.find(':');
  if (StartsWith(rest, " của ")) {
    after = rest.substr(std::string_view(" của ").size());
  } else if (colon != std::string::npos && Words(rest.substr(0, colon)).size() <= 3) {
    after = rest.substr(colon + 1);
  }
  Meeting m;
  std::optional<int> year = header.date ? std::optional<int>(header.date->year) : HeaderYear(text);
  m.date = MeetingDate(sentence, year);
  if (!m.date) m.date = MeetingDate(paragraph, year);
  if (!m.date) m.date = MeetingDate(header.subject, year);
  m.place = MeetingPlace(sentence);
  if (m.place.empty()) m.place = MeetingPlace(paragraph);
  m.chair = Chair(before, after);
  // Attendees may be named in the same sentence or the next one.
  size_t ne = std::min(head.find(". ", se + 2), head.find('\n', se + 2));
  m.attendees = Attendees(head.substr(sb, (ne == std::string::npos ? head.size() : ne) - sb));
  return m;
}

}  // namespace dondoc::notice
