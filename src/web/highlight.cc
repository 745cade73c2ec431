#include "web/highlight.h"

#include <algorithm>

#include "web/templates.h"

namespace dondoc::web {
namespace {

// Byte offset of every code point boundary: offsets[i] is where code point i starts;
// offsets.back() == text.size().
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

bool ByStart(const Mark& a, const Mark& b) {
  return a.start != b.start ? a.start < b.start : a.end > b.end;
}

}  // namespace

std::string HighlightHtml(std::string_view text, std::vector<Mark> marks) {
  std::vector<size_t> at = CodePointOffsets(text);
  const long n = static_cast<long>(at.size()) - 1;
  std::vector<Mark> tasks, units;
  for (auto& m : marks) {
    m.start = std::clamp(m.start, 0L, n);
    m.end = std::clamp(m.end, 0L, n);
    if (m.end <= m.start) continue;
    (m.kind == Mark::Kind::kTask ? tasks : units).push_back(std::move(m));
  }
  auto drop_overlaps = [](std::vector<Mark>& v) {
    std::sort(v.begin(), v.end(), ByStart);
    std::vector<Mark> kept;
    for (auto& m : v) {
      if (!kept.empty() && m.start < kept.back().end) continue;
      kept.push_back(std::move(m));
    }
    v = std::move(kept);
  };
  drop_overlaps(tasks);
  drop_overlaps(units);
  // Keep units that do not cross a task boundary.
  std::vector<Mark> ok_units;
  for (auto& u : units) {
    bool crosses = false;
    for (const auto& t : tasks) {
      bool inside = u.start >= t.start && u.end <= t.end;
      bool outside = u.end <= t.start || u.start >= t.end;
      if (!inside && !outside) {
        crosses = true;
        break;
      }
    }
    if (!crosses) ok_units.push_back(std::move(u));
  }

  // Events at code point positions: close before open.
  struct Event {
    long pos;
    int order;  // 0 close unit, 1 close task, 2 open task, 3 open unit
    const Mark* m;
  };
  std::vector<Event> events;
  for (const auto& t : tasks) {
    events.push_back({t.start, 2, &t});
    events.push_back({t.end, 1, &t});
  }
  for (const auto& u : ok_units) {
    events.push_back({u.start, 3, &u});
    events.push_back({u.end, 0, &u});
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.order < b.order;
  });

  std::string out;
  out.reserve(text.size() + text.size() / 8 + events.size() * 40);
  long pos = 0;
  for (const auto& e : events) {
    if (e.pos > pos) {
      out += HtmlEscape(text.substr(at[pos], at[e.pos] - at[pos]));
      pos = e.pos;
    }
    const Mark& m = *e.m;
    switch (e.order) {
      case 0:
        out += "</span>";
        break;
      case 1:
        out += "</mark>";
        break;
      case 2:
        out += "<mark class=\"task\"";
        if (!m.id.empty()) out += " id=\"" + HtmlEscape(m.id) + "\"";
        if (!m.link.empty()) out += " data-goto=\"" + HtmlEscape(m.link) + "\"";
        out += ">";
        if (!m.label.empty()) out += "<sup>" + HtmlEscape(m.label) + "</sup>";
        break;
      case 3:
        out += "<span class=\"u\"";
        if (!m.label.empty()) out += " title=\"" + HtmlEscape(m.label) + "\"";
        out += ">";
        break;
    }
  }
  if (pos < n) out += HtmlEscape(text.substr(at[pos]));
  return out;
}

std::string PassageHtml(std::string_view text, long start, long end, bool cut_before,
                        bool cut_after) {
  std::vector<size_t> at = CodePointOffsets(text);
  const long n = static_cast<long>(at.size()) - 1;
  start = std::clamp(start, 0L, n);
  end = std::clamp(end, start, n);
  std::string out = cut_before ? "… " : "";
  out += HtmlEscape(text.substr(0, at[start]));
  out += "<mark>" + HtmlEscape(text.substr(at[start], at[end] - at[start])) + "</mark>";
  out += HtmlEscape(text.substr(at[end]));
  if (cut_after) out += " …";
  return out;
}

}  // namespace dondoc::web
