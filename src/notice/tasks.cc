#include "notice/tasks.h"

#include <algorithm>
#include <map>
#include <optional>

#include "notice/table_row.h"
#include "notice/table_tasks.h"
#include "notice/targets.h"
#include "notice/unit_directory.h"
#include "notice/units.h"
#include "text/normalize.h"

namespace dondoc::notice {

namespace {

bool Is(const std::vector<Token>& t, size_t i, std::string_view lower) {
  if (i >= t.size() || t[i].punct) return false;
  const std::string& l = t[i].lower;
  // The first byte rules out nearly every word before a call to memcmp.
  return l.size() == lower.size() && (l.empty() || l[0] == lower[0]) && l == lower;
}
bool IsPunct(const std::vector<Token>& t, size_t i, std::string_view p) {
  return i < t.size() && t[i].punct && t[i].text == p;
}
bool Seq(const std::vector<Token>& t, size_t i, std::initializer_list<std::string_view> words) {
  // Called at nearly every token with many phrases: fail on length before comparing bytes.
  if (words.size() > (i < t.size() ? t.size() - i : 0)) return false;
  for (std::string_view w : words) {
    const Token& tk = t[i++];
    if (w.size() == 1 && (w[0] == ',' || w[0] == ':')) {
      if (!tk.punct || tk.text != w) return false;
    } else if (tk.punct || tk.lower.size() != w.size() || tk.lower != w) {
      return false;
    }
  }
  return true;
}

// Number of tokens of an addressing verb at `i` ("Giao", "Yêu cầu", "Đề nghị"), or 0.
size_t AddressVerb(const std::vector<Token>& t, size_t i) {
  if (Is(t, i, "giao")) return 1;
  if (Seq(t, i, {"yêu", "cầu"})) return 2;
  if (Seq(t, i, {"đề", "nghị"})) return 2;
  return 0;
}

size_t SkipParen(const std::vector<Token>& t, size_t i) {
  if (!IsPunct(t, i, "(")) return i;
  int depth = 0;
  for (size_t k = i; k < t.size(); ++k) {
    if (IsPunct(t, k, "(")) ++depth;
    if (IsPunct(t, k, ")") && --depth == 0) return k + 1;
  }
  return t.size();
}

bool OnlyPunctFrom(const std::vector<Token>& t, size_t i, size_t end) {
  for (size_t k = i; k < end; ++k) {
    if (!t[k].punct) return false;
  }
  return true;
}

std::vector<UnitMention> NonVague(const std::vector<UnitMention>& v) {
  std::vector<UnitMention> out;
  for (const UnitMention& m : v) {
    if (!m.vague) out.push_back(m);
  }
  return out;
}

// A piece of a paragraph that may be a task of its own.
struct Segment {
  size_t begin = 0;  // token
  size_t end = 0;    // token (exclusive)
  bool explicit_subject = false;
  std::vector<UnitMention> own;  // non-vague units named as subject or addressee
  bool addressee_only = false;   // "Giao Phòng A:" with nothing after
  bool not_task = false;         // approval, past tense, closing formula
  size_t predicate = 0;          // token where the predicate starts (explicit subjects)
};

struct Info {
  std::vector<Token> tok;
  size_t content = 0;
  size_t topic_end = 0;  // token after a topic prefix "Về ...:" (== content when none)
  bool body = false;
  bool heading = false;
  bool unit_list_item = false;
  bool lead_in_only = false;  // "Có trách nhiệm:"
  bool merge_children = false;
  bool merged = false;
  bool closing = false;
  std::vector<Segment> segs;
  std::vector<std::pair<UnitMention, size_t>> provides;  // with the paragraph naming them
  bool blocks = false;  // names a vague addressee: nothing is inherited through it
  Deadline deadline;    // of an addressee-only lead-in, inherited by its items
  std::vector<UnitMention> trailing_units;  // "Trách nhiệm chỉ đạo thực hiện: X"
};

// Parses the subject of a segment starting at token `p`.
void ParseSubject(std::string_view s, const std::vector<Token>& t, size_t p, size_t end,
                  Segment* seg) {
  size_t av = AddressVerb(t, p);
  size_t q = p + av;
  size_t next = q;
  std::vector<UnitMention> list = ParseUnitList(s, t, q, &next, av > 0);
  if (list.empty() || next > end) return;
  // The subject must be followed by a predicate, a colon, a parenthesis or the end.
  size_t n = SkipParen(t, next);
  // "Các sở, ban, ngành; ..., căn cứ chức năng ...": a comma before the predicate.
  if (IsPunct(t, n, ",") && n + 1 < end && IsPredicateStart(t, n + 1)) ++n;
  bool at_end = OnlyPunctFrom(t, n, end);
  bool colon = IsPunct(t, next, ":");
  bool pred = n < end && (IsPredicateStart(t, n) || av > 0 || Is(t, n, "tiếp") ||
                          (!t[n].punct && text::StartsLower(t[n].text)));
  if (!(at_end || colon || pred)) return;
  seg->explicit_subject = true;
  seg->predicate = n;
  seg->own = NonVague(list);
  if (at_end || (colon && OnlyPunctFrom(t, next + 1, end))) seg->addressee_only = true;
  // "... gồm:" after the addressee: the units are listed below.
  if (end >= 2 && IsPunct(t, end - 1, ":") && Is(t, end - 2, "gồm")) seg->addressee_only = true;
  if (Is(t, n, "đã")) seg->not_task = true;  // a past action
  if (Seq(t, n, {"thống", "nhất", "chủ", "trương"}) || Seq(t, n, {"thống", "nhất", "thông"}) ||
      Seq(t, n, {"đồng", "ý"}) || Seq(t, n, {"thông", "báo"}) || Seq(t, n, {"kết", "luận"})) {
    seg->not_task = true;  // an approval or the issuer speaking
  }
}

bool StartsWithAny(const std::vector<Token>& t, size_t i,
                   std::initializer_list<std::initializer_list<std::string_view>> list) {
  for (auto words : list) {
    if (Seq(t, i, words)) return true;
  }
  return false;
}

// True when the segment asks its addressee only to carry the document out ("UBND các tỉnh quan
// tâm, chỉ đạo thực hiện", "Bộ ... đề nghị UBND các tỉnh nghiêm túc thực hiện"): a closing
// formula, with no work of its own.
bool CarriesOutOnly(std::string_view s, const std::vector<Token>& t, const Segment& seg) {
  if (!seg.explicit_subject || seg.predicate == 0) return false;
  size_t k = seg.predicate;
  if (size_t av = AddressVerb(t, k)) {
    size_t next = k + av;
    if (ParseUnitList(s, t, k + av, &next, true).empty()) return false;
    k = next;
  }
  static const std::vector<std::string_view> kWords = {
      "quan",   "tâm", "chỉ",  "đạo",    "tổ", "chức", "triển", "khai", "thực", "hiện",
      "nghiêm", "túc", "khẩn", "trương", "và", "biết", "để",    "phối", "hợp"};
  bool carry_out = false;
  for (; k < seg.end; ++k) {
    if (t[k].punct) continue;
    std::string_view w = t[k].lower;
    while (!w.empty() && (w.back() == '.' || w.back() == '/')) w.remove_suffix(1);  // "hiện./."
    if (std::find(kWords.begin(), kWords.end(), w) == kWords.end()) return false;
    carry_out = carry_out || w == "hiện";
  }
  return carry_out;
}

std::string Slice(const std::string& s, const std::vector<Token>& t, size_t b, size_t e) {
  if (b >= e || b >= t.size()) return "";
  return s.substr(t[b].begin, t[e - 1].end - t[b].begin);
}

}  // namespace

std::vector<TaskDraft> FindTasks(const std::vector<Paragraph>& paragraphs,
                                 const std::vector<OutlineEntry>& outline,
                                 const TaskOptions& options) {
  const size_t n = paragraphs.size();
  std::vector<Info> info(n);
  // The body: from the first numbered paragraph to the recipients or the signature.
  size_t body_begin = n, body_end = n;
  for (size_t i = 0; i < n; ++i) {
    const auto& l = outline[i].label;
    if (l && l->kind != LabelKind::kDash && l->kind != LabelKind::kPlus &&
        l->kind != LabelKind::kBullet) {
      body_begin = i;
      break;
    }
  }
  for (size_t i = body_begin; i < n; ++i) {
    std::string f = text::LowerSameLength(paragraphs[i].text.substr(0, 24));
    if (f.rfind("nơi nhận", 0) == 0 || f.rfind("kính gửi", 0) == 0) {
      body_end = i;
      break;
    }
  }
  // The lead-in before the body ("Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành ...:").
  std::vector<std::pair<UnitMention, size_t>> root_units;
  if (body_begin < n && body_begin > 0) {
    const std::string& s = paragraphs[body_begin - 1].text;
    std::vector<Token> t = Tokenize(s);
    for (size_t k = 0; k < t.size(); ++k) {
      size_t av = AddressVerb(t, k);
      if (av == 0 || (k > 0 && !t[k - 1].punct && t[k].lower == "giao")) continue;
      size_t next = 0;
      for (const UnitMention& m : NonVague(ParseUnitList(s, t, k + av, &next, true))) {
        root_units.push_back({m, body_begin - 1});
      }
      if (!root_units.empty()) break;
    }
  }

  for (size_t i = body_begin; i < body_end; ++i) {
    if (IsTableRow(paragraphs[i].text)) continue;  // read by TaskTableReader
    Info& in = info[i];
    const std::string& s = paragraphs[i].text;
    in.body = true;
    in.tok = Tokenize(s);
    const auto& t = in.tok;
    size_t label_len = outline[i].label ? outline[i].label->length : 0;
    while (in.content < t.size() && t[in.content].begin < label_len) ++in.content;
    const size_t c = in.content;
    const size_t end = t.size();
    // Topic prefix: "Về công tác ...:", "Đối với ...:", "Báo cáo 6 tháng:".
    in.topic_end = c;
    size_t colon = end;
    for (size_t k = c; k < end; ++k) {
      if (IsPunct(t, k, ":")) {
        colon = k;
        break;
      }
      if (IsPunct(t, k, ".") || IsPunct(t, k, ";")) break;
    }
    bool topic_word = Is(t, c, "về") || Seq(t, c, {"đối", "với"});
    if (colon < end && colon + 1 < end &&
        (topic_word || (colon - c <= 4 && !StartsUnit(t, c) && AddressVerb(t, c) == 0))) {
      in.topic_end = colon + 1;
    }
    // Headings.
    bool terminal = !t.empty() && (IsPunct(t, end - 1, ".") || IsPunct(t, end - 1, ";"));
    size_t words = 0;
    for (size_t k = c; k < end; ++k) words += !t[k].punct;
    // Segments: split where a sentence starts with a new subject or an addressing verb.
    std::vector<size_t> cuts = {in.topic_end};
    for (size_t k = in.topic_end + 1; k < end; ++k) {
      bool boundary = (IsPunct(t, k - 1, ".") && text::StartsUpper(t[k].text)) ||
                      (IsPunct(t, k - 1, ";") && in.topic_end > c && in.topic_end < k);
      if (!boundary || t[k].punct) continue;
      if (AddressVerb(t, k) > 0 && text::StartsUpper(t[k].text)) {
        cuts.push_back(k);
        continue;
      }
      size_t next = 0;
      std::vector<UnitMention> l = ParseUnitList(s, t, k, &next, false);
      if (!NonVague(l).empty() && next < end && IsPredicateStart(t, next) && !Is(t, next, "đã")) {
        cuts.push_back(k);
      }
    }
    for (size_t k = 0; k < cuts.size(); ++k) {
      Segment seg;
      seg.begin = cuts[k];
      seg.end = k + 1 < cuts.size() ? cuts[k + 1] : end;
      ParseSubject(s, t, seg.begin, seg.end, &seg);
      in.segs.push_back(seg);
    }
    Segment& first = in.segs.front();
    // An addressing verb after a comma in the first sentence ("..., yêu cầu Thủ trưởng ...").
    if (!first.explicit_subject) {
      for (size_t k = first.begin + 1; k < first.end; ++k) {
        size_t av = AddressVerb(t, k);
        if (av == 0 || !(IsPunct(t, k - 1, ",") || IsPunct(t, k - 1, ";"))) continue;
        size_t next = 0;
        std::vector<UnitMention> l = NonVague(ParseUnitList(s, t, k + av, &next, true));
        if (l.empty()) continue;
        first.explicit_subject = true;
        first.own = l;
        break;
      }
    }
    // "Trong quá trình ..., nếu ..., các cơ quan, đơn vị kịp thời ...": after an opening
    // adverbial clause the sentence names its own (here vague) subject.
    if (!first.explicit_subject && StartsWithAny(t, first.begin,
                                                 {{"trong"},
                                                  {"khi"},
                                                  {"nếu"},
                                                  {"trường", "hợp"},
                                                  {"để"},
                                                  {"căn", "cứ"},
                                                  {"sau", "khi"},
                                                  {"trên", "cơ", "sở"}})) {
      for (size_t k = first.begin + 1; k + 1 < first.end; ++k) {
        if (!IsPunct(t, k - 1, ",")) continue;
        size_t next = 0;
        std::vector<UnitMention> l = ParseUnitList(s, t, k, &next, false);
        if (l.empty() || next >= first.end || t[next].punct || !text::StartsLower(t[next].text) ||
            Is(t, next, "và") || Is(t, next, "hoặc")) {
          continue;
        }
        first.explicit_subject = true;
        first.own = NonVague(l);
        break;
      }
    }
    // The topic heading itself with no text after it.
    if (!terminal && !first.explicit_subject &&
        (words <= 8 || topic_word ||
         StartsWithAny(t, c,
                       {{"công", "tác"},
                        {"nhiệm", "vụ"},
                        {"trách", "nhiệm"},
                        {"kết", "quả"},
                        {"đánh", "giá"},
                        {"bên", "cạnh"},
                        {"tình", "hình"},
                        {"một", "số"},
                        {"tổ", "chức", "thực", "hiện"}}))) {
      in.heading = true;
    }
    // "Trách nhiệm của Sở ...", "Nhiệm vụ chủ yếu của Bộ ...": a heading naming the unit.
    if (in.heading) {
      for (size_t k = c; k + 1 < end && k < c + 6; ++k) {
        if (Is(t, k, "của")) {
          size_t next = 0;
          std::vector<UnitMention> l = ParseUnitList(s, t, k + 1, &next, true);
          if (!l.empty()) {
            first.explicit_subject = true;
            first.own = NonVague(l);
            first.addressee_only = true;
          }
          break;
        }
      }
    }
    // "Có trách nhiệm:": a lead-in whose addressee was listed above.
    if (!first.explicit_subject && colon == end - 1 && words <= 6 &&
        StartsWithAny(t, c,
                      {{"có", "trách", "nhiệm"},
                       {"có", "nhiệm", "vụ"},
                       {"chịu", "trách", "nhiệm"},
                       {"thực", "hiện", "các"}})) {
      in.lead_in_only = true;
    }
    // "Trách nhiệm chỉ đạo thực hiện: X", "Cơ quan chủ trì: X" after a group of items: X leads
    // the items before it that name nobody.
    {
      size_t k = c;
      if (StartsWithAny(t, k, {{"trách", "nhiệm"}})) {
        k += 2;
        if (Seq(t, k, {"chỉ", "đạo"})) k += 2;
        if (Seq(t, k, {"thực", "hiện"})) k += 2;
        if (Seq(t, k, {"tổ", "chức", "thực", "hiện"})) k += 4;
      } else if (StartsWithAny(t, k, {{"cơ", "quan", "chủ", "trì"}, {"đơn", "vị", "chủ", "trì"}})) {
        k += 4;
      }
      if (k > c && IsPunct(t, k, ":")) {
        size_t next = 0;
        std::vector<UnitMention> l = NonVague(ParseUnitList(s, t, k + 1, &next, true));
        if (!l.empty()) {
          in.lead_in_only = true;
          in.trailing_units = l;
        }
      }
    }
    // A bullet that only names a unit ("- Sở Công Thương (đối với ...);").
    const auto& lab = outline[i].label;
    if (lab &&
        (lab->kind == LabelKind::kDash || lab->kind == LabelKind::kPlus ||
         lab->kind == LabelKind::kBullet) &&
        first.addressee_only && in.segs.size() == 1 && AddressVerb(t, c) == 0 &&
        !IsPunct(t, end - 1, ":")) {
      in.unit_list_item = true;
    }
    // Closing formulas.
    // Lower-casing keeps ASCII punctuation, so "./." is looked for in `s`; the paragraph is
    // lower-cased only when its closing words matter.
    bool final_mark = std::string_view(s).ends_with("./.");
    auto closing_words = [&] {
      std::string low = text::LowerSameLength(s);
      return low.find("triển khai thực hiện") != std::string::npos ||
             low.find("thông báo") != std::string::npos || low.find("biết") != std::string::npos;
    };
    if ((final_mark && words <= 40 && closing_words()) ||
        Is(t, c, "nay") || Seq(t, c, {"trên", "đây", "là"}) ||
        (final_mark && CarriesOutOnly(s, t, in.segs.back()))) {
      in.closing = true;
    }
    // Units given to the items below.
    for (const Segment& sg : in.segs) {
      if (sg.explicit_subject && sg.own.empty()) {
        in.provides.clear();
        in.blocks = true;
      } else if (!sg.own.empty() && !sg.not_task) {
        in.provides.clear();
        for (const UnitMention& m : sg.own) in.provides.push_back({m, i});
        in.blocks = false;
      }
    }
    if (in.heading && first.explicit_subject && first.own.empty()) in.blocks = true;
    // A task ending with a colon whose bullets are objects of its verb ("hướng dẫn triển khai:",
    // "như sau:"), not "trong đó:" / "cụ thể:".
    if (IsPunct(t, end - 1, ":") && !in.heading && !in.lead_in_only && end >= 2 &&
        !Is(t, end - 2, "đó") && !Is(t, end - 2, "thể") && !in.segs.back().addressee_only &&
        !(AddressVerb(t, in.segs.back().begin) > 0 && in.segs.back().own.empty())) {
      in.merge_children = true;
    }
    if (in.segs.back().addressee_only && !in.unit_list_item) {
      DeadlineContext ctx = options.deadline;
      in.deadline = ParseDeadline(s, ctx);
    }
  }
  // Unit lists under a lead-in ("Giao các sở ... gồm:" + "- Sở A (...);" ...).
  for (size_t i = body_begin; i < body_end; ++i) {
    if (!info[i].unit_list_item) continue;
    int p = outline[i].parent;
    if (p < 0 || !info[p].body) continue;
    Info& parent = info[p];
    if (!parent.segs.back().addressee_only) continue;
    if (!parent.provides.empty() && !parent.merged) {
      // The first listed unit replaces the generic set named in the lead-in.
      parent.provides.clear();
      parent.merged = true;  // reused as "list started"
    }
    for (const UnitMention& m : info[i].segs.front().own) parent.provides.push_back({m, i});
    parent.blocks = false;
  }
  for (size_t i = body_begin; i < body_end; ++i) info[i].merged = false;

  // Assessment sections hold no tasks.
  std::vector<bool> assessment(n, false);
  for (size_t i = body_begin; i < body_end; ++i) {
    const Info& in = info[i];
    bool a = false;
    if (in.heading) {
      const auto& t = in.tok;
      size_t c = in.content;
      a = StartsWithAny(t, c,
                        {{"đánh", "giá"},
                         {"kết", "quả"},
                         {"bên", "cạnh"},
                         {"tình", "hình"},
                         {"hạn", "chế"},
                         {"tồn", "tại"}});
    }
    int p = outline[i].parent;
    assessment[i] = a || (p >= 0 && assessment[p]);
  }

  auto inherited = [&](size_t i, Deadline* dl) -> std::vector<std::pair<UnitMention, size_t>> {
    // A later "Trách nhiệm chỉ đạo thực hiện: X" among the items of the same lead-in.
    {
      int p = outline[i].parent;
      for (size_t j = i + 1; j < body_end; ++j) {
        bool inside = false;
        for (int a = outline[j].parent; a >= 0; a = outline[a].parent) {
          if (a == p) {
            inside = true;
            break;
          }
          if (a < p) break;
        }
        if (!inside && p >= 0) break;
        if (!info[j].trailing_units.empty()) {
          std::vector<std::pair<UnitMention, size_t>> out;
          for (const UnitMention& m : info[j].trailing_units) out.push_back({m, j});
          return out;
        }
        if (info[j].heading) break;
      }
    }
    for (int p = outline[i].parent; p >= 0; p = outline[p].parent) {
      const Info& a = info[p];
      if (!a.body) break;
      if (a.unit_list_item) continue;
      if (a.blocks) return {};
      if (!a.provides.empty()) {
        if (dl && a.segs.back().addressee_only) *dl = a.deadline;
        return a.provides;
      }
    }
    return root_units;
  };

  auto make_ref = [&](const UnitMention& m, size_t para) {
    UnitRef r;
    if (para == static_cast<size_t>(-1)) {  // a back-reference: no place of its own
      r.name = m.name;
      r.mention = m.mention;
      return r;
    }
    r.mention = m.mention;
    r.name = m.name;
    if (options.units) {
      if (auto canon = options.units->Canonical(m.name)) {
        r.name = *canon;
      } else if (auto canon2 = options.units->Canonical(m.mention)) {
        r.name = *canon2;
      }
    }
    const Paragraph& pg = paragraphs[para];
    r.span.start = static_cast<long>(pg.SourceBegin(m.begin));
    r.span.end = static_cast<long>(pg.SourceEnd(m.end));
    return r;
  };

  // Who the result of the words [b, e) of `t` goes to ("báo cáo UBND tỉnh", "gửi Sở ...").
  auto report_to = [&](std::string_view s, const std::vector<Token>& t, size_t b, size_t e,
                       size_t para, Task* task) {
    for (size_t j = b; j < e; ++j) {
      size_t q = 0;
      if (Seq(t, j, {"báo", "cáo"})) {
        q = j + 2;
      } else if (Is(t, j, "gửi") || Is(t, j, "qua") || Is(t, j, "trình")) {
        q = j + 1;
      } else {
        continue;
      }
      size_t next = 0;
      for (const UnitMention& m : NonVague(ParseUnitList(s, t, q, &next, false))) {
        std::string name = make_ref(m, para).name;
        if (std::find(task->report_to.begin(), task->report_to.end(), name) ==
            task->report_to.end()) {
          task->report_to.push_back(name);
        }
      }
    }
  };

  // The task of a row of an assignment table: its content cell, the units of its unit cells,
  // the deadline of its deadline cell (else of its content).
  auto table_row_task = [&](const std::string& s, const TableTask& row, size_t i) {
    TaskDraft d;
    d.paragraph = d.last_paragraph = i;
    d.begin = row.content.begin;
    d.end = row.content.end;
    d.task.text = s.substr(d.begin, d.end - d.begin);
    for (const UnitMention& m : row.lead) d.task.lead.push_back(make_ref(m, i));
    for (const UnitMention& m : row.support) d.task.support.push_back(make_ref(m, i));
    std::vector<Token> t = Tokenize(d.task.text);
    report_to(d.task.text, t, 0, t.size(), i, &d.task);
    auto parse = [&](size_t begin, std::string cell) {
      // A cell starts with a capital ("Trước ngày 15/9/2025", "Hằng tháng").
      int len = 0;
      text::FirstCodePoint(cell, &len);
      cell = text::LowerSameLength(cell.substr(0, static_cast<size_t>(len))) + cell.substr(len);
      // A period alone in a deadline column is the time within which the row is done: "Tháng
      // 10/2025" reads "trong tháng 10/2025".
      std::string_view within = "trong ";
      bool period =
          cell.rfind("tháng ", 0) == 0 || cell.rfind("quý ", 0) == 0 || cell.rfind("năm ", 0) == 0;
      if (period) cell.insert(0, within);
      size_t shift = period ? within.size() : 0;
      std::vector<DeadlineProblem> problems;
      d.task.deadline = ParseDeadline(cell, options.deadline, &problems);
      for (const DeadlineProblem& p : problems) {
        if (p.begin < shift) continue;
        d.problems.push_back({p.begin - shift + begin, p.end - shift + begin, p.message});
      }
    };
    if (row.deadline) {
      parse(row.deadline->begin,
            s.substr(row.deadline->begin, row.deadline->end - row.deadline->begin));
    }
    if (d.task.deadline.kind == Deadline::Kind::kNone) parse(d.begin, d.task.text);
    return d;
  };

  std::vector<TaskDraft> out;
  std::map<std::string, int> counter;
  auto add = [&](TaskDraft d, size_t i) {
    d.task.targets = FindTargets(d.task.text, options.deadline);
    d.task.urgent = IsUrgent(d.task.text);
    d.task.section = outline[i].section;
    std::string key = d.task.section.empty() ? "0" : d.task.section;
    d.task.id = key + "." + std::to_string(++counter[key]);
    out.push_back(std::move(d));
  };
  TaskTableReader table;
  // Tables are read everywhere: an appendix after the signature lists tasks of its own.
  for (size_t i = 0; i < n; ++i) {
    if (std::optional<TableTask> row = table.Next(paragraphs[i].text)) {
      if (!assessment[i]) add(table_row_task(paragraphs[i].text, *row, i), i);
      continue;
    }
    if (i < body_begin || i >= body_end) continue;
    Info& in = info[i];
    if (assessment[i] || in.heading || in.unit_list_item || in.lead_in_only || in.closing ||
        in.merged) {
      continue;
    }
    const std::string& s = paragraphs[i].text;
    const auto& t = in.tok;
    for (size_t k = 0; k < in.segs.size(); ++k) {
      const Segment& sg = in.segs[k];
      if (sg.addressee_only || sg.not_task) continue;
      std::vector<std::pair<UnitMention, size_t>> lead;
      for (const UnitMention& m : sg.own) lead.push_back({m, i});
      Deadline inherited_deadline;
      bool backref = false;
      // "Các đơn vị nêu trên ...", "các công ty trên ...": the units of the task before.
      if (!out.empty()) {
        size_t j = sg.begin;
        if (Is(t, j, "các")) ++j;
        if (Is(t, j, "đơn") || Is(t, j, "cơ") || Is(t, j, "công") || Is(t, j, "sở") ||
            Is(t, j, "phòng")) {
          j += 2;
          if (Is(t, j, "nêu")) ++j;
          if (Is(t, j, "trên")) {
            backref = true;
            for (const UnitRef& r : out.back().task.lead) {
              UnitMention m;
              m.name = r.name;
              m.mention = r.mention;
              lead.push_back({m, static_cast<size_t>(-1)});
            }
          }
        }
      }
      if (backref) {
        // lead filled from the task before
      } else if (!sg.explicit_subject) {
        if (k > 0) continue;  // a later sentence without a subject belongs to the one before
        // A sentence before "Giao X:" is the lead-in's own preamble.
        if (in.segs.size() > 1 && in.segs.back().addressee_only) continue;
        // A preamble before "Giao X ..." or an approval ("Thống nhất thông qua ...").
        bool later_giao = false;
        for (size_t m = 1; m < in.segs.size(); ++m) {
          later_giao = later_giao || AddressVerb(t, in.segs[m].begin) > 0;
        }
        if (later_giao || StartsWithAny(t, sg.begin,
                                        {{"thống", "nhất", "thông", "qua"},
                                         {"thống", "nhất", "chủ", "trương"},
                                         {"đồng", "ý"}})) {
          continue;
        }
        lead = inherited(i, &inherited_deadline);
        // "phối hợp giữa các cơ quan: Sở A, Sở B" names the actors.
        for (size_t j = sg.begin; j + 1 < sg.end && lead.empty(); ++j) {
          if (!Is(t, j, "giữa")) continue;
          size_t q = j + 1;
          if (Seq(t, q, {"các", "cơ", "quan", ":"})) q += 4;
          size_t next = 0;
          for (const UnitMention& m : NonVague(ParseUnitList(s, t, q, &next, false))) {
            lead.push_back({m, i});
          }
        }
      } else if (lead.empty()) {
        continue;  // a vague addressee
      }
      if (lead.empty()) continue;
      // The task's own text: the segment, with a topic prefix kept on the first segment.
      size_t tb = k == 0 ? in.content : sg.begin;
      if (k == 0 && sg.begin > in.topic_end) tb = sg.begin;
      // "Về ...: Giao X ..." keeps the topic out of the text when an addressing verb follows.
      if (k == 0 && in.topic_end > in.content && AddressVerb(t, in.topic_end) > 0) {
        tb = in.topic_end;
      }
      TaskDraft d;
      d.paragraph = i;
      d.last_paragraph = i;
      d.begin = t[tb].begin;
      d.end = t[sg.end - 1].end;
      d.task.text = s.substr(d.begin, d.end - d.begin);
      std::string deadline_text = d.task.text;
      if (k > 0 && in.topic_end > in.content) {
        deadline_text = Slice(s, t, in.content, in.topic_end) + " " + deadline_text;
      }
      // Bullets that are objects of the lead-in's verb join its text.
      if (k + 1 == in.segs.size() && in.merge_children) {
        for (size_t j = i + 1; j < body_end; ++j) {
          if (outline[j].parent != static_cast<int>(i)) {
            if (outline[j].parent < static_cast<int>(i)) break;
            continue;
          }
          const auto& l = outline[j].label;
          if (!l || (l->kind != LabelKind::kDash && l->kind != LabelKind::kPlus &&
                     l->kind != LabelKind::kBullet)) {
            break;
          }
          const Segment& cs = info[j].segs.front();
          if (cs.explicit_subject && !cs.own.empty()) continue;
          info[j].merged = info[j].segs.size() == 1;
          if (info[j].segs.size() > 1) info[j].segs.front().not_task = true;
          d.task.text += " " + paragraphs[j].text;
          deadline_text += " " + paragraphs[j].text;
          d.last_paragraph = j;
          d.end = paragraphs[j].text.size();
        }
      }
      // Lead and support.
      for (const auto& [m, para] : lead) d.task.lead.push_back(make_ref(m, para));
      std::vector<std::string> lead_keys;
      for (const UnitRef& r : d.task.lead) lead_keys.push_back(text::FoldKey(StripTitle(r.name)));
      for (size_t j = sg.begin; j < sg.end; ++j) {
        size_t q = 0;
        if (Seq(t, j, {"phối", "hợp"})) {
          q = j + 2;
          if (Seq(t, q, {"chặt", "chẽ"})) q += 2;
          if (Is(t, q, "tốt")) ++q;
          if (!Is(t, q, "với")) continue;
          ++q;
        } else if (Seq(t, j, {"thống", "nhất", "với"})) {
          q = j + 3;
        } else if (Seq(t, j, {"làm", "việc"})) {
          q = j + 2;
          if (Seq(t, q, {"cụ", "thể", ","})) q += 3;
          if (Seq(t, q, {"thống", "nhất"})) q += 2;
          if (!Is(t, q, "với")) continue;
          ++q;
        } else if (Seq(t, j, {"cùng", "với"})) {
          q = j + 2;
        } else if (Seq(t, j, {"trao", "đổi"})) {
          // "trao đổi, thống nhất với", "trao đổi thông tin với"
          q = j + 2;
          for (int skip = 0; skip < 3 && q < sg.end && !Is(t, q, "với"); ++skip) ++q;
          if (!Is(t, q, "với")) continue;
          ++q;
        } else {
          continue;
        }
        size_t next = 0;
        for (const UnitMention& m : NonVague(ParseUnitList(s, t, q, &next, true))) {
          std::string key = text::FoldKey(StripTitle(m.name));
          if (std::find(lead_keys.begin(), lead_keys.end(), key) != lead_keys.end()) continue;
          bool dup = std::any_of(
              d.task.support.begin(), d.task.support.end(),
              [&](const UnitRef& r) { return text::FoldKey(StripTitle(r.name)) == key; });
          if (!dup) d.task.support.push_back(make_ref(m, i));
        }
        j = next > j ? next - 1 : j;
      }
      report_to(s, t, sg.begin, sg.end, i, &d.task);
      // Deadline, targets, urgency.
      std::vector<DeadlineProblem> problems;
      d.task.deadline = ParseDeadline(deadline_text, options.deadline, &problems);
      if (d.task.deadline.kind == Deadline::Kind::kNone &&
          inherited_deadline.kind != Deadline::Kind::kNone) {
        d.task.deadline = inherited_deadline;
      }
      for (const DeadlineProblem& p : problems) {
        // Offsets into deadline_text; report only those inside the task's own text.
        size_t shift = deadline_text.size() >= d.task.text.size() &&
                               deadline_text.compare(deadline_text.size() - d.task.text.size(),
                                                     d.task.text.size(), d.task.text) == 0
                           ? deadline_text.size() - d.task.text.size()
                           : 0;
        if (p.begin < shift) continue;
        d.problems.push_back({p.begin - shift + d.begin, p.end - shift + d.begin, p.message});
      }
      add(std::move(d), i);
    }
  }
  return out;
}

}  // namespace dondoc::notice
