#include "notice/layout.h"

#include <cctype>
#include <optional>

#include "notice/outline.h"
#include "notice/table_row.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::notice {

namespace {

struct Line {
  size_t begin = 0;  // byte offset of the first non-space character
  size_t end = 0;    // byte offset past the last non-space character
  int indent = 0;
  int number = 0;  // 1-based
  bool blank = true;
  bool dropped = false;
};

bool IsPageNumber(std::string_view t) {
  // "2", "- 2 -", "Trang 2"
  size_t i = 0;
  while (i < t.size() && (t[i] == '-' || t[i] == ' ')) ++i;
  size_t d = i;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == d || i - d > 3) return false;
  while (i < t.size() && (t[i] == '-' || t[i] == ' ')) ++i;
  return i == t.size();
}

bool LooksLikeFootnoteStart(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == 0 || i > 2 || i >= t.size() || t[i] != ' ') return false;
  return text::StartsUpper(t.substr(i + 1));
}

bool EndsSentence(const std::string& s) {
  size_t n = s.size();
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '*')) --n;
  if (n == 0) return true;
  char c = s[n - 1];
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// The text of a paragraph continues on `next` (a later piece that starts without a label).
bool ContinuesWith(std::string_view next) {
  if (next.empty()) return false;
  if (text::StartsLower(next)) return true;
  if (std::isdigit(static_cast<unsigned char>(next[0]))) return !ParseLabel(next).has_value();
  return false;
}

class Builder {
 public:
  explicit Builder(std::string_view src) : src_(src) {}

  void Start(int line) {
    Flush();
    cur_ = Paragraph();
    cur_.line = line;
    open_ = true;
  }

  // Appends source bytes [b, e) with white space folded and '*' removed.
  void Append(size_t b, size_t e, bool glue = false) {
    if (!open_) Start(0);
    if (!cur_.text.empty() && !glue && cur_.text.back() != ' ') Push(' ', b);
    for (size_t i = b; i < e; ++i) {
      char c = src_[i];
      if (c == '*') continue;
      if (c == ' ' || c == '\t') {
        if (!cur_.text.empty() && cur_.text.back() != ' ') Push(' ', i);
        continue;
      }
      Push(c, i);
    }
    last_end_ = e;
  }

  void Flush() {
    if (!open_) return;
    while (!cur_.text.empty() && cur_.text.back() == ' ') {
      cur_.text.pop_back();
      cur_.src.pop_back();
    }
    if (!cur_.text.empty()) {
      cur_.src.push_back(static_cast<uint32_t>(last_end_));
      out_.push_back(std::move(cur_));
    }
    cur_ = Paragraph();
    open_ = false;
  }

  bool open() const { return open_; }
  Paragraph& current() { return cur_; }
  std::vector<Paragraph>& out() { return out_; }

 private:
  void Push(char c, size_t at) {
    cur_.text.push_back(c);
    cur_.src.push_back(static_cast<uint32_t>(at));
  }

  std::string_view src_;
  Paragraph cur_;
  bool open_ = false;
  size_t last_end_ = 0;
  std::vector<Paragraph> out_;
};

}  // namespace

uint32_t Paragraph::SourceEnd(size_t end) const {
  if (end == 0) return src.empty() ? 0 : src[0];
  if (end >= text.size()) return src.back();
  // One past the source byte of the last character of the range.
  uint32_t s = src[end - 1];
  return s + 1;
}

Layout BuildLayout(std::string_view text) {
  Layout layout;
  std::vector<Line> lines;
  {
    size_t pos = 0;
    int number = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      Line l;
      l.number = ++number;
      size_t b = pos;
      while (b < nl && (text[b] == ' ' || text[b] == '\t')) ++b;
      size_t e = nl;
      while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
      l.begin = b;
      l.end = e;
      l.indent = static_cast<int>(b - pos);
      l.blank = b == e;
      lines.push_back(l);
      if (nl == text.size()) break;
      pos = nl + 1;
    }
  }
  auto content = [&](const Line& l) { return text.substr(l.begin, l.end - l.begin); };

  // Layout mode: pdftotext -layout style, paragraphs start indented, wrapped lines do not.
  int nonblank = 0, indented = 0;
  for (const Line& l : lines) {
    if (l.blank) continue;
    ++nonblank;
    if (l.indent >= 3) ++indented;
  }
  const bool layout_mode = nonblank > 0 && indented * 4 > nonblank;

  // Page numbers (a lone number between blank lines) and the footnotes printed above them.
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.blank || !IsPageNumber(content(l))) continue;
    bool blank_before = i == 0 || lines[i - 1].blank;
    bool blank_after = i + 1 >= lines.size() || lines[i + 1].blank;
    if (!(layout_mode ? (l.indent >= 8 || (blank_before && blank_after))
                      : (blank_before && blank_after))) {
      continue;
    }
    l.dropped = true;
    // A footnote block: a line "N Text" after a blank line, within the 30 lines above.
    for (size_t k = i; k-- > 0 && i - k <= 30;) {
      if (lines[k].blank || lines[k].dropped) continue;
      if ((k == 0 || lines[k - 1].blank) && LooksLikeFootnoteStart(content(lines[k]))) {
        for (size_t j = k; j < i; ++j) lines[j].dropped = true;
        layout.warnings.push_back("footnote at line " + std::to_string(lines[k].number) +
                                  " dropped from the body text");
        break;
      }
    }
  }

  Builder b(text);
  bool gap = false;          // blank or dropped lines since the last text
  bool page_gap = false;     // a dropped page number since the last text
  size_t counted_bytes = 0;  // warnings count code points on from here...
  long counted_cp = 0;       // ...which is this many code points into the text
  bool prev_row = false;     // the last piece was a table row
  for (const Line& l : lines) {
    if (l.dropped) {
      gap = true;
      page_gap = true;
      continue;
    }
    if (l.blank) {
      gap = true;
      continue;
    }
    // Two columns: a run of 5+ spaces inside the line.
    std::vector<std::pair<size_t, size_t>> parts;
    if (layout_mode) {
      size_t s = l.begin;
      for (size_t i = l.begin; i < l.end;) {
        if (text[i] == ' ') {
          size_t j = i;
          while (j < l.end && text[j] == ' ') ++j;
          if (j - i >= 5) {
            parts.push_back({s, i});
            s = j;
          }
          i = j;
        } else {
          ++i;
        }
      }
      parts.push_back({s, l.end});
    } else {
      parts.push_back({l.begin, l.end});
    }
    for (size_t p = 0; p < parts.size(); ++p) {
      std::string_view piece = text.substr(parts[p].first, parts[p].second - parts[p].first);
      bool label = ParseLabel(piece).has_value();
      bool cont = false;
      // A table row is a paragraph of its own: never continued, never continuing.
      bool row = IsTableRow(piece);
      if (b.open() && !label && !row && !prev_row && p == 0 && parts.size() == 1) {
        const std::string& prev = b.current().text;
        if (layout_mode) {
          cont = l.indent < 3 && (!gap || !EndsSentence(prev) || ContinuesWith(piece));
        } else {
          cont = !EndsSentence(prev) && ContinuesWith(piece);
        }
      }
      if (cont) {
        std::string& prev = b.current().text;
        bool glue = prev.size() >= 2 && prev.back() == '-' && prev[prev.size() - 2] != ' ';
        if (gap || page_gap) {
          // Code points are counted on from the previous warning, not from the start of the
          // text each time, so a long text with many joins stays linear.
          counted_cp +=
              text::CodePointCount(text.substr(counted_bytes, parts[p].first - counted_bytes));
          counted_bytes = parts[p].first;
          long at = counted_cp;
          layout.warnings.push_back(std::string(page_gap ? "page break" : "blank line") +
                                    " inside a sentence at " + std::to_string(at) + " joined");
        }
        b.current().joined = true;
        b.Append(parts[p].first, parts[p].second, glue);
      } else {
        b.Start(l.number);
        b.Append(parts[p].first, parts[p].second);
      }
      prev_row = row;
    }
    if (parts.size() > 1) b.Flush();
    gap = false;
    page_gap = false;
  }
  b.Flush();
  layout.paragraphs = std::move(b.out());
  return layout;
}

}  // namespace dondoc::notice
