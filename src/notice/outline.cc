#include "notice/outline.h"

#include <cctype>

#include "notice/layout.h"
#include "notice/table_row.h"
#include "text/normalize.h"

namespace dondoc::notice {

namespace {

bool IsRoman(std::string_view s) {
  static const char* kRomans[] = {"I",  "II", "III", "IV",  "V",    "VI",  "VII", "VIII",
                                  "IX", "X",  "XI",  "XII", "XIII", "XIV", "XV"};
  for (const char* r : kRomans) {
    if (s == r) return true;
  }
  return false;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// Key under which labels of one kind are siblings.
std::string KindKey(const std::optional<Label>& l) {
  if (!l) return "para";
  switch (l->kind) {
    case LabelKind::kRoman:
      return "roman";
    case LabelKind::kArabic:
      return "arabic" + std::to_string(l->depth);
    case LabelKind::kArabicParen:
      return "paren";
    case LabelKind::kLetter:
      return "letter";
    case LabelKind::kDash:
      return "dash";
    case LabelKind::kPlus:
      return "plus";
    case LabelKind::kBullet:
      return "bullet";
  }
  return "para";
}

}  // namespace

std::optional<Label> ParseLabel(std::string_view s) {
  if (s.empty()) return std::nullopt;
  Label l;
  // Bullets.
  if (s[0] == '-' || s[0] == '+') {
    if (s.size() < 2 || s[1] != ' ') return std::nullopt;
    l.kind = s[0] == '-' ? LabelKind::kDash : LabelKind::kPlus;
    l.text = std::string(1, s[0]);
    l.length = SkipSpaces(s, 1);
    return l;
  }
  for (std::string_view dash : {"–", "—", "•", "●", "▪", "◦"}) {
    if (s.substr(0, dash.size()) == dash && s.size() > dash.size() && s[dash.size()] == ' ') {
      l.kind = dash == "–" || dash == "—" ? LabelKind::kDash : LabelKind::kBullet;
      l.text = l.kind == LabelKind::kDash ? "-" : "•";
      l.length = SkipSpaces(s, dash.size() + 1);
      return l;
    }
  }
  // Roman: "II." "IV)".
  {
    size_t i = 0;
    while (i < s.size() && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) ++i;
    if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ' &&
        IsRoman(s.substr(0, i))) {
      l.kind = LabelKind::kRoman;
      l.text = std::string(s.substr(0, i));
      l.length = SkipSpaces(s, i + 1);
      return l;
    }
  }
  // Arabic: "1." "2.1." "2.1.1." "2.1 " "1)".
  if (std::isdigit(static_cast<unsigned char>(s[0]))) {
    size_t i = 0;
    int depth = 0;
    std::string text;
    while (true) {
      size_t d = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == d || i - d > 2) return std::nullopt;
      ++depth;
      text.append(s.substr(d, i - d));
      if (i < s.size() && s[i] == '.' && i + 1 < s.size() &&
          std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
        text.push_back('.');
        ++i;
        continue;
      }
      break;
    }
    if (i >= s.size()) return std::nullopt;
    if (s[i] == ')' && depth == 1 && i + 1 < s.size() && s[i + 1] == ' ') {
      l.kind = LabelKind::kArabicParen;
      l.text = text;
      l.length = SkipSpaces(s, i + 1);
      return l;
    }
    bool dot = s[i] == '.';
    size_t after = dot ? i + 1 : i;
    if (after >= s.size() || s[after] != ' ') return std::nullopt;
    if (!dot && depth == 1) return std::nullopt;  // "3 - Điều 61": not a label
    size_t rest = SkipSpaces(s, after);
    if (rest >= s.size()) return std::nullopt;
    // "1. 000" or "5. tỷ" would be numbers, not labels: a label is followed by a word.
    if (std::isdigit(static_cast<unsigned char>(s[rest]))) return std::nullopt;
    l.kind = LabelKind::kArabic;
    l.depth = depth;
    l.text = text;
    l.length = rest;
    return l;
  }
  // Letter: "a)" "đ)" "a." (the latter only before an upper-case word).
  {
    int len = 0;
    char32_t c = text::FirstCodePoint(s, &len);
    bool letter = (c >= 'a' && c <= 'z') || c == U'đ';
    if (letter && static_cast<size_t>(len) + 1 < s.size()) {
      char p = s[len];
      if ((p == ')' || p == '.') && s[len + 1] == ' ') {
        size_t rest = SkipSpaces(s, len + 1);
        if (p == ')' || (rest < s.size() && text::StartsUpper(s.substr(rest)))) {
          l.kind = LabelKind::kLetter;
          l.text = std::string(s.substr(0, len));
          l.length = rest;
          return l;
        }
      }
    }
  }
  return std::nullopt;
}

std::vector<OutlineEntry> BuildOutline(const std::vector<Paragraph>& paragraphs) {
  std::vector<OutlineEntry> out(paragraphs.size());
  struct Open {
    std::string key;
    int index;
  };
  std::vector<Open> stack;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    OutlineEntry& e = out[i];
    // A table row's first cell ("1.") numbers the row, not a section.
    if (!IsTableRow(paragraphs[i].text)) e.label = ParseLabel(paragraphs[i].text);
    std::string key = KindKey(e.label);
    size_t k = 0;
    if (key == "para") {
      // An unlabeled paragraph follows the one before it, or hangs under the last label.
      k = !stack.empty() && stack.back().key == "para" ? stack.size() - 1 : stack.size();
    } else if (key == "dash" || key == "plus" || key == "bullet") {
      // Bullets are the innermost level: a bullet above the last numbered item is another list.
      k = stack.size();
      for (size_t j = stack.size(); j-- > 0;) {
        if (stack[j].key == key) {
          k = j;
          break;
        }
        if (stack[j].key != "para" && stack[j].key != "dash" && stack[j].key != "plus" &&
            stack[j].key != "bullet") {
          break;
        }
      }
    } else {
      for (; k < stack.size(); ++k) {
        if (stack[k].key == key) break;
      }
    }
    if (k < stack.size()) {
      stack.resize(k);
    } else if (key.rfind("arabic", 0) == 0) {
      // "2.1." after "2.1.1." items: pop to the shallower Arabic level if it is open.
      for (size_t j = 0; j < stack.size(); ++j) {
        if (stack[j].key.rfind("arabic", 0) == 0 && stack[j].key > key) {
          stack.resize(j);
          break;
        }
      }
    }
    e.parent = stack.empty() ? -1 : stack.back().index;
    std::string parent_section = e.parent >= 0 ? out[e.parent].section : "";
    if (e.label && e.label->kind != LabelKind::kDash && e.label->kind != LabelKind::kPlus &&
        e.label->kind != LabelKind::kBullet) {
      std::string own = e.label->text;
      // "2.1" under "2": the Arabic label already carries its parents.
      if (e.label->kind == LabelKind::kArabic && e.label->depth > 1) {
        std::string prefix = parent_section;
        size_t cut = std::string::npos;
        // Drop the parent's Arabic part, which "2.1" repeats.
        for (int j = e.parent; j >= 0; j = out[j].parent) {
          if (out[j].label && out[j].label->kind == LabelKind::kArabic) {
            cut = out[j].section.size() - out[j].label->text.size();
            prefix = out[j].section.substr(0, cut);
            if (!prefix.empty() && prefix.back() == '.') prefix.pop_back();
          }
        }
        e.section = prefix.empty() ? own : prefix + "." + own;
      } else {
        e.section = parent_section.empty() ? own : parent_section + "." + own;
      }
    } else {
      e.section = parent_section;
    }
    stack.push_back({key, static_cast<int>(i)});
  }
  return out;
}

}  // namespace dondoc::notice
