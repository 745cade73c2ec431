// NoticeToJson and NoticeToText: the output contract of shared/spec/extract-output.md.
#include <nlohmann/json.hpp>
#include <sstream>

#include "notice/extract.h"

namespace dondoc::notice {

namespace {

using nlohmann::json;

json DateOrNull(const std::optional<text::Date>& d) {
  return d ? json(d->ToIso()) : json(nullptr);
}

json SpanJson(const Span& s) { return json::array({s.start, s.end}); }

json PersonJson(const std::optional<Person>& p) {
  if (!p) return nullptr;
  return {{"name", p->name}, {"title", p->title}, {"authority", p->authority}};
}

const char* EveryName(Deadline::Every e) {
  switch (e) {
    case Deadline::Every::kWeek: return "week";
    case Deadline::Every::kMonth: return "month";
    case Deadline::Every::kQuarter: return "quarter";
    case Deadline::Every::kYear: return "year";
  }
  return "year";
}

json DeadlineJson(const Deadline& d) {
  json j;
  switch (d.kind) {
    case Deadline::Kind::kNone:
      j["kind"] = "none";
      return j;
    case Deadline::Kind::kOngoing:
      j["kind"] = "ongoing";
      break;
    case Deadline::Kind::kDate:
      j["kind"] = "date";
      j["date"] = DateOrNull(d.date);
      break;
    case Deadline::Kind::kRecurring:
      j["kind"] = "recurring";
      j["every"] = EveryName(d.every);
      if (d.date) j["date"] = d.date->ToIso();
      break;
  }
  if (!d.phrase.empty()) j["phrase"] = d.phrase;
  return j;
}

json UnitsJson(const std::vector<UnitRef>& units) {
  json a = json::array();
  for (const UnitRef& u : units) {
    a.push_back({{"name", u.name}, {"mention", u.mention}, {"span", SpanJson(u.span)}});
  }
  return a;
}

json OutlineJson(const OutlineNode& o) {
  json children = json::array();
  for (const OutlineNode& c : o.children) children.push_back(OutlineJson(c));
  return {{"label", o.label}, {"title", o.title}, {"span", SpanJson(o.span)},
          {"children", children}};
}

std::string DeadlineText(const Deadline& d) {
  switch (d.kind) {
    case Deadline::Kind::kNone: return "không có";
    case Deadline::Kind::kOngoing: return "thường xuyên";
    case Deadline::Kind::kDate: return d.date ? d.date->ToVietnamese() : "?";
    case Deadline::Kind::kRecurring: {
      std::string e = d.every == Deadline::Every::kWeek      ? "hằng tuần"
                      : d.every == Deadline::Every::kMonth   ? "hằng tháng"
                      : d.every == Deadline::Every::kQuarter ? "hằng quý"
                                                             : "hằng năm";
      return d.date ? e + " (mốc " + d.date->ToVietnamese() + ")" : e;
    }
  }
  return "";
}

std::string Names(const std::vector<UnitRef>& units) {
  std::string out;
  for (const UnitRef& u : units) {
    if (!out.empty()) out += "; ";
    out += u.name;
  }
  return out.empty() ? "—" : out;
}

}  // namespace

std::string NoticeToJson(const Notice& n, int indent) {
  json j;
  j["schema"] = "dondoc.notice/1";
  j["source"] = {{"path", n.source.path},
                 {"format", n.source.format},
                 {"sha256", n.source.sha256},
                 {"chars", n.source.chars}};
  const DocumentHeader& h = n.document;
  auto str_or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  j["document"] = {{"issuer", str_or_null(h.issuer)},
                   {"number", str_or_null(h.number)},
                   {"date", DateOrNull(h.date)},
                   {"place", str_or_null(h.place)},
                   {"type", str_or_null(h.type)},
                   {"subject", str_or_null(h.subject)},
                   {"signer", PersonJson(h.signer)},
                   {"recipients", h.recipients}};
  if (n.meeting) {
    j["meeting"] = {{"date", DateOrNull(n.meeting->date)},
                    {"place", str_or_null(n.meeting->place)},
                    {"chair", PersonJson(n.meeting->chair)},
                    {"attendees", n.meeting->attendees}};
  } else {
    j["meeting"] = nullptr;
  }
  json outline = json::array();
  for (const OutlineNode& o : n.outline) outline.push_back(OutlineJson(o));
  j["outline"] = outline;
  json tasks = json::array();
  for (const Task& t : n.tasks) {
    json targets = json::array();
    for (const Target& g : t.targets) {
      targets.push_back({{"metric", g.metric},
                         {"value", g.value},
                         {"unit", g.unit},
                         {"by", DateOrNull(g.by)},
                         {"approx", g.approx}});
    }
    tasks.push_back({{"id", t.id},
                     {"section", t.section},
                     {"text", t.text},
                     {"span", SpanJson(t.span)},
                     {"lead", UnitsJson(t.lead)},
                     {"support", UnitsJson(t.support)},
                     {"deadline", DeadlineJson(t.deadline)},
                     {"urgent", t.urgent},
                     {"targets", targets},
                     {"report_to", t.report_to}});
  }
  j["tasks"] = tasks;
  json figures = json::array();
  for (const Figure& f : n.figures) {
    figures.push_back({{"quote", f.quote},
                       {"value", f.value},
                       {"unit", f.unit},
                       {"span", SpanJson(f.span)},
                       {"context", f.context}});
  }
  j["figures"] = figures;
  j["warnings"] = n.warnings;
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string NoticeToText(const Notice& n) {
  std::ostringstream o;
  const DocumentHeader& h = n.document;
  o << (h.type.empty() ? "Văn bản" : h.type);
  if (!h.number.empty()) o << " số " << h.number;
  if (h.date) o << " ngày " << h.date->ToVietnamese();
  o << "\n";
  if (!h.issuer.empty()) o << "Cơ quan ban hành: " << h.issuer << "\n";
  if (!h.subject.empty()) o << "Trích yếu: " << h.subject << "\n";
  if (h.signer) o << "Người ký: " << h.signer->name << "\n";
  if (n.meeting) {
    o << "Cuộc họp: " << (n.meeting->date ? n.meeting->date->ToVietnamese() : "?");
    if (n.meeting->chair) o << ", chủ trì: " << n.meeting->chair->name;
    o << "\n";
  }
  o << "\n" << n.tasks.size() << " nhiệm vụ\n";
  for (const Task& t : n.tasks) {
    o << "\n[" << t.id << "] " << t.text << "\n";
    o << "  Chủ trì:   " << Names(t.lead) << "\n";
    o << "  Phối hợp:  " << Names(t.support) << "\n";
    o << "  Thời hạn:  " << DeadlineText(t.deadline);
    if (t.urgent) o << " (khẩn trương)";
    o << "\n";
    for (const Target& g : t.targets) {
      o << "  Chỉ tiêu:  " << g.metric << " " << (g.approx ? "khoảng " : "") << g.value << g.unit;
      if (g.by) o << " đến " << g.by->ToVietnamese();
      o << "\n";
    }
    if (!t.report_to.empty()) {
      o << "  Báo cáo:   ";
      for (size_t i = 0; i < t.report_to.size(); ++i) o << (i ? "; " : "") << t.report_to[i];
      o << "\n";
    }
  }
  if (!n.figures.empty()) {
    o << "\n" << n.figures.size() << " số liệu\n";
    for (const Figure& f : n.figures) o << "  " << f.quote << " — " << f.context << "\n";
  }
  if (!n.warnings.empty()) {
    o << "\nCảnh báo:\n";
    for (const std::string& w : n.warnings) o << "  " << w << "\n";
  }
  return o.str();
}

}  // namespace dondoc::notice
