#include "notice/extract.h"

#include <functional>
#include <regex>

#include "notice/deadline.h"
#include "notice/figures.h"
#include "notice/header.h"
#include "notice/layout.h"
#include "notice/outline.h"
#include "notice/tasks.h"
#include "text/calendar.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::notice {

namespace {

// The year the notice speaks of when its date is blank ("ngày   tháng 6 năm 2023").
int GuessYear(const std::string& text, const DocumentHeader& header,
              const std::optional<Meeting>& meeting) {
  if (header.date) return header.date->year;
  static const std::regex kYear("năm (\\d{4})");
  std::smatch m;
  std::string head = text.substr(0, std::min<size_t>(text.size(), 1500));
  if (std::regex_search(head, m, kYear)) return std::stoi(m[1]);
  if (meeting && meeting->date) return meeting->date->year;
  return 0;
}

// A tab separates the columns of a line as laid out on the page (the cells of a .docx layout
// table, a typed "Số: 12/TB-UBND<TAB>Hà Nội, ngày ..."). Normalisation turns white space into
// single spaces, so a tab becomes the two spaces by which the header reader tells cells apart.
std::string KeepColumns(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 64);
  for (char c : raw) {
    if (c == '\t') {
      out += "  ";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Cuts `s` to at most `max` bytes at a character boundary, adding "…" when cut.
std::string Cut(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "…";
}

std::vector<OutlineNode> BuildTree(const std::vector<Paragraph>& paras,
                                   const std::vector<OutlineEntry>& entries,
                                   const text::OffsetMap& map) {
  const size_t n = paras.size();
  auto numbered = [&](size_t i) {
    const auto& l = entries[i].label;
    return l && l->kind != LabelKind::kDash && l->kind != LabelKind::kPlus &&
           l->kind != LabelKind::kBullet;
  };
  // Last paragraph of each subtree.
  std::vector<size_t> last(n);
  for (size_t i = 0; i < n; ++i) last[i] = i;
  for (size_t i = n; i-- > 0;) {
    int p = entries[i].parent;
    if (p >= 0) last[p] = std::max(last[p], last[i]);
  }
  std::function<OutlineNode(size_t)> node = [&](size_t i) {
    OutlineNode o;
    o.label = entries[i].label->text;
    o.title = Cut(paras[i].text.substr(entries[i].label->length), 200);
    o.span.start = map.ToCodePoint(paras[i].SourceBegin(0));
    const Paragraph& lp = paras[last[i]];
    o.span.end = map.ToCodePoint(lp.SourceEnd(lp.text.size()));
    return o;
  };
  // Nearest numbered ancestor.
  auto numbered_parent = [&](size_t i) -> int {
    for (int p = entries[i].parent; p >= 0; p = entries[p].parent) {
      if (numbered(p)) return p;
    }
    return -1;
  };
  std::vector<OutlineNode> roots;
  std::vector<std::vector<size_t>> kids(n);
  std::vector<size_t> top;
  for (size_t i = 0; i < n; ++i) {
    if (!numbered(i)) continue;
    int p = numbered_parent(i);
    if (p < 0) {
      top.push_back(i);
    } else {
      kids[p].push_back(i);
    }
  }
  std::function<OutlineNode(size_t)> build = [&](size_t i) {
    OutlineNode o = node(i);
    for (size_t k : kids[i]) o.children.push_back(build(k));
    return o;
  };
  for (size_t i : top) roots.push_back(build(i));
  return roots;
}

// "line 12: message\n  the line\n  ^~~~" for a byte range of the text.
std::string Diagnostic(const std::string& text, size_t begin, size_t end, const std::string& msg) {
  size_t line_start = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  if (begin == 0) line_start = 0;
  size_t line_end = text.find('\n', begin);
  if (line_end == std::string::npos) line_end = text.size();
  int line = 1;
  for (size_t i = 0; i < line_start; ++i) line += text[i] == '\n';
  std::string the_line = text.substr(line_start, line_end - line_start);
  long col = text::CodePointCount(the_line, begin - line_start);
  long width = text::CodePointCount(text.substr(begin, std::min(end, line_end) - begin));
  std::string caret(static_cast<size_t>(col), ' ');
  caret += "^";
  if (width > 1) caret += std::string(static_cast<size_t>(width - 1), '~');
  return "line " + std::to_string(line) + ": " + msg + "\n    " + the_line + "\n    " + caret;
}

}  // namespace

Notice Extract(const RawDocument& raw, const ExtractOptions& options) {
  Notice n;
  n.text = raw.text.find('\t') == std::string::npos ? text::NormalizeText(raw.text)
                                                    : text::NormalizeText(KeepColumns(raw.text));
  n.source.format = raw.format;
  n.source.sha256 = raw.sha256;
  n.source.chars = text::CodePointCount(n.text);
  n.warnings = raw.warnings;
  n.document = ExtractHeader(n.text);
  n.meeting = ExtractMeeting(n.text, n.document);
  n.figures = ExtractFigures(n.text);

  Layout layout = BuildLayout(n.text);
  for (std::string& w : layout.warnings) n.warnings.push_back(std::move(w));
  std::vector<OutlineEntry> entries = BuildOutline(layout.paragraphs);
  text::OffsetMap map(n.text);
  n.outline = BuildTree(layout.paragraphs, entries, map);

  static const text::HolidayCalendar kCalendar = text::HolidayCalendar::VietnamDefault();
  TaskOptions topt;
  topt.units = options.units;
  topt.issuer = n.document.issuer;
  topt.deadline.document_date = n.document.date;
  topt.deadline.default_year = GuessYear(n.text, n.document, n.meeting);
  topt.deadline.calendar = &kCalendar;
  std::vector<TaskDraft> drafts = FindTasks(layout.paragraphs, entries, topt);
  for (TaskDraft& d : drafts) {
    const Paragraph& first = layout.paragraphs[d.paragraph];
    const Paragraph& last = layout.paragraphs[d.last_paragraph];
    d.task.span.start = map.ToCodePoint(first.SourceBegin(d.begin));
    d.task.span.end = map.ToCodePoint(last.SourceEnd(d.end));
    for (auto* refs : {&d.task.lead, &d.task.support}) {
      for (UnitRef& r : *refs) {
        r.span.start = map.ToCodePoint(static_cast<size_t>(r.span.start));
        r.span.end = map.ToCodePoint(static_cast<size_t>(r.span.end));
      }
    }
    for (const DeadlineProblem& p : d.problems) {
      // A task that took in its child bullets has problems past its first paragraph; those are
      // quoted at the task's whole span rather than mapped through the wrong paragraph.
      bool in_first = p.begin <= p.end && p.end <= first.text.size();
      size_t begin = in_first ? first.SourceBegin(p.begin) : first.SourceBegin(d.begin);
      size_t end = in_first ? first.SourceEnd(p.end) : last.SourceEnd(d.end);
      n.warnings.push_back(Diagnostic(n.text, begin, end, p.message));
    }
    n.tasks.push_back(std::move(d.task));
  }
  if (n.tasks.empty()) n.warnings.push_back("no task found");
  return n;
}

}  // namespace dondoc::notice
