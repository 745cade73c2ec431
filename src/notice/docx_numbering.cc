#include "notice/docx_numbering.h"

#include <algorithm>
#include <pugixml.hpp>

#include "notice/ooxml.h"
#include "text/utf8.h"

namespace dondoc::notice {

namespace {

using ooxml::Attr;
using ooxml::Child;
using ooxml::IntAttr;
using ooxml::LocalName;

constexpr long kMaxStart = 100000;  // counters beyond this are hostile, not documents

std::string Roman(long n, bool upper) {
  static const std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : kTable) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Letters(long n, bool upper, bool vietnamese) {
  static const char* const kLatinLower[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i",
                                            "j", "k", "l", "m", "n", "o", "p", "q", "r",
                                            "s", "t", "u", "v", "w", "x", "y", "z"};
  static const char* const kLatinUpper[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I",
                                            "J", "K", "L", "M", "N", "O", "P", "Q", "R",
                                            "S", "T", "U", "V", "W", "X", "Y", "Z"};
  static const char* const kVietLower[] = {"a", "b", "c", "d", "đ", "e", "g", "h",
                                           "i", "k", "l", "m", "n", "o", "p", "q",
                                           "r", "s", "t", "u", "v", "x", "y"};
  static const char* const kVietUpper[] = {"A", "B", "C", "D", "Đ", "E", "G", "H",
                                           "I", "K", "L", "M", "N", "O", "P", "Q",
                                           "R", "S", "T", "U", "V", "X", "Y"};
  const char* const* alphabet =
      vietnamese ? (upper ? kVietUpper : kVietLower) : (upper ? kLatinUpper : kLatinLower);
  long size = vietnamese ? 23 : 26;
  long repeat = (n - 1) / size + 1;
  if (repeat > 10) return std::to_string(n);
  std::string out;
  for (long i = 0; i < repeat; ++i) out += alphabet[(n - 1) % size];
  return out;
}

// Bullets drawn from Symbol/Wingdings fonts live in the private-use area and mean nothing as
// Unicode; they become "-". Other bullet text is kept as written ("-", "+", "•").
std::string BulletText(const std::string& lvl_text) {
  std::string out;
  size_t i = 0;
  while (i < lvl_text.size()) {
    auto c = static_cast<unsigned char>(lvl_text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    // U+E000..U+F8FF is EE 80 80 .. EF A3 BF in UTF-8.
    bool private_use =
        len == 3 && i + 1 < lvl_text.size() &&
        (c == 0xEE || (c == 0xEF && static_cast<unsigned char>(lvl_text[i + 1]) <= 0xA3));
    if (private_use) {
      out += "-";
    } else {
      out.append(lvl_text, i, std::min(len, lvl_text.size() - i));
    }
    i += len;
  }
  return out.empty() ? "-" : out;
}

ListNumbering::Level ParseLevel(const pugi::xml_node& lvl) {
  ListNumbering::Level level;
  level.defined = true;
  if (auto v = IntAttr(Child(lvl, "start"), "val")) level.start = std::clamp(*v, 0L, kMaxStart);
  if (auto v = Attr(Child(lvl, "numFmt"), "val")) level.format = *v;
  if (auto v = Attr(Child(lvl, "lvlText"), "val")) level.text = *v;
  if (auto v = IntAttr(Child(lvl, "lvlRestart"), "val")) level.restart = static_cast<int>(*v);
  if (auto v = Attr(Child(lvl, "suff"), "val")) level.suffix = *v;
  if (pugi::xml_node lgl = Child(lvl, "isLgl")) {
    std::string v = Attr(lgl, "val").value_or("true");
    level.legal = v != "0" && v != "false" && v != "off";
  }
  if (auto v = Attr(Child(lvl, "pStyle"), "val")) level.style = *v;
  return level;
}

std::optional<int> Ilvl(const pugi::xml_node& lvl) {
  std::optional<long> v = IntAttr(lvl, "ilvl");
  if (!v || *v < 0 || *v >= ListNumbering::kLevels) return std::nullopt;
  return static_cast<int>(*v);
}

}  // namespace

std::string FormatListNumber(long n, std::string_view num_fmt, bool vietnamese_letters) {
  if (num_fmt == "none") return "";
  if (n >= 1) {
    if (num_fmt == "upperRoman" && n < 4000) return Roman(n, true);
    if (num_fmt == "lowerRoman" && n < 4000) return Roman(n, false);
    if (num_fmt == "upperLetter") return Letters(n, true, vietnamese_letters);
    if (num_fmt == "lowerLetter") return Letters(n, false, vietnamese_letters);
  }
  if (num_fmt == "decimalZero" && n >= 0 && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);
}

Result<ListNumbering> ListNumbering::Parse(std::string_view numbering_xml,
                                           std::string_view styles_xml) {
  ListNumbering out;
  if (!numbering_xml.empty()) {
    pugi::xml_document doc;
    DONDOC_RETURN_IF_ERROR(ooxml::Parse(numbering_xml, "numbering.xml", &doc));
    pugi::xml_node root = doc.document_element();
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      std::string_view name = LocalName(n);
      if (name == "abstractNum") {
        Abstract& a = out.abstracts_[Attr(n, "abstractNumId").value_or("")];
        a = Abstract();
        if (auto link = Attr(Child(n, "numStyleLink"), "val")) a.num_style_link = *link;
        for (pugi::xml_node lvl = n.first_child(); lvl; lvl = lvl.next_sibling()) {
          if (LocalName(lvl) != "lvl") continue;
          if (std::optional<int> i = Ilvl(lvl)) a.levels[*i] = ParseLevel(lvl);
        }
      } else if (name == "num") {
        std::optional<long> id = IntAttr(n, "numId");
        if (!id) continue;
        Num num;
        num.abstract_id = Attr(Child(n, "abstractNumId"), "val").value_or("");
        for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling()) {
          if (LocalName(o) != "lvlOverride") continue;
          std::optional<int> i = Ilvl(o);
          if (!i) continue;
          if (auto s = IntAttr(Child(o, "startOverride"), "val")) {
            num.start_override[*i] = std::clamp(*s, 0L, kMaxStart);
          }
          if (pugi::xml_node lvl = Child(o, "lvl")) num.level_override[*i] = ParseLevel(lvl);
        }
        out.nums_[static_cast<int>(*id)] = std::move(num);
      }
    }
  }
  if (!styles_xml.empty()) {
    pugi::xml_document doc;
    DONDOC_RETURN_IF_ERROR(ooxml::Parse(styles_xml, "styles.xml", &doc));
    pugi::xml_node root = doc.document_element();
    for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
      if (LocalName(s) != "style") continue;
      std::optional<std::string> id = Attr(s, "styleId");
      if (!id) continue;
      Style style;
      style.based_on = Attr(Child(s, "basedOn"), "val").value_or("");
      pugi::xml_node num_pr = Child(Child(s, "pPr"), "numPr");
      if (auto v = IntAttr(Child(num_pr, "numId"), "val")) style.num_id = static_cast<int>(*v);
      if (auto v = IntAttr(Child(num_pr, "ilvl"), "val")) style.ilvl = static_cast<int>(*v);
      out.styles_[*id] = std::move(style);
    }
  }
  return out;
}

const ListNumbering::Abstract* ListNumbering::AbstractFor(int num_id) const {
  auto num = nums_.find(num_id);
  if (num == nums_.end()) return nullptr;
  auto a = abstracts_.find(num->second.abstract_id);
  if (a == abstracts_.end()) return nullptr;
  if (!a->second.num_style_link.empty()) {
    // A numbering style: its definition is the abstractNum of the num the style points to.
    auto style = styles_.find(a->second.num_style_link);
    if (style != styles_.end() && style->second.num_id && *style->second.num_id != num_id) {
      auto linked_num = nums_.find(*style->second.num_id);
      if (linked_num != nums_.end()) {
        auto linked = abstracts_.find(linked_num->second.abstract_id);
        if (linked != abstracts_.end() && linked->second.num_style_link.empty()) {
          return &linked->second;
        }
      }
    }
  }
  return &a->second;
}

const ListNumbering::Level* ListNumbering::LevelFor(int num_id, int ilvl) const {
  auto num = nums_.find(num_id);
  if (num == nums_.end()) return nullptr;
  if (num->second.level_override[ilvl]) return &*num->second.level_override[ilvl];
  const Abstract* a = AbstractFor(num_id);
  if (a == nullptr || !a->levels[ilvl].defined) return nullptr;
  return &a->levels[ilvl];
}

long ListNumbering::StartOf(int num_id, int ilvl) const {
  auto num = nums_.find(num_id);
  if (num != nums_.end() && num->second.start_override[ilvl]) {
    return *num->second.start_override[ilvl];
  }
  const Level* level = LevelFor(num_id, ilvl);
  return level ? level->start : 1;
}

std::string ListNumbering::NextLabel(std::optional<int> num_id, std::optional<int> ilvl,
                                     std::string_view style_id) {
  // The style chain supplies what the paragraph does not say itself.
  std::string style_with_num;
  std::string current(style_id);
  for (int depth = 0; depth < 16 && !current.empty() && (!num_id || !ilvl); ++depth) {
    auto s = styles_.find(current);
    if (s == styles_.end()) break;
    if (s->second.num_id || s->second.ilvl) {
      if (!num_id && s->second.num_id) {
        num_id = s->second.num_id;
        style_with_num = current;
      }
      if (!ilvl && s->second.ilvl) ilvl = s->second.ilvl;
    }
    current = s->second.based_on;
  }
  if (!num_id || *num_id <= 0) return "";
  if (!ilvl && !style_with_num.empty()) {
    // A level tied to the style by its own w:pStyle.
    if (const Abstract* a = AbstractFor(*num_id)) {
      for (int i = 0; i < kLevels; ++i) {
        if (a->levels[i].style == style_with_num || a->levels[i].style == style_id) ilvl = i;
      }
    }
  }
  int level_index = ilvl.value_or(0);
  if (level_index < 0 || level_index >= kLevels) level_index = 0;
  const Level* level = LevelFor(*num_id, level_index);
  if (level == nullptr) return "";

  Counters& c = counters_[*num_id];
  if (c.started[level_index]) {
    ++c.value[level_index];
  } else {
    c.value[level_index] = StartOf(*num_id, level_index);
    c.started[level_index] = true;
  }
  for (int deeper = level_index + 1; deeper < kLevels; ++deeper) {
    const Level* d = LevelFor(*num_id, deeper);
    if (d != nullptr && d->restart == 0) continue;
    if (d != nullptr && d->restart > 0 && level_index >= d->restart) continue;
    c.started[deeper] = false;
  }

  std::string label;
  if (level->format == "bullet") {
    label = BulletText(level->text);
  } else {
    const std::string& t = level->text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
        int ref = t[i + 1] - '1';
        const Level* ref_level = LevelFor(*num_id, ref);
        long value = c.started[ref] ? c.value[ref] : StartOf(*num_id, ref);
        std::string fmt = ref_level ? ref_level->format : "decimal";
        if (level->legal) fmt = "decimal";
        if (fmt == "bullet") fmt = "decimal";
        label += FormatListNumber(value, fmt, vietnamese_letters_);
        ++i;
      } else {
        label += t[i];
      }
    }
  }
  if (label.empty()) return "";
  if (level->suffix != "nothing") label += ' ';
  return label;
}

}  // namespace dondoc::notice
