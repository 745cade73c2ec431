#include "web/notice_view.h"

#include <map>
#include <set>

#include "web/format.h"
#include "web/highlight.h"
#include "web/task_list_view.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

// The directory's key (app::UnitKey): case, spaces and old/new tone placement folded ("Phòng Y tế"
// == "phòng y  tế"; "hoà" == "hòa").
std::string Fold(std::string_view s) { return app::UnitKey(s); }

std::string Join(const std::vector<domain::Id>& ids,
                 const std::map<domain::Id, std::string>& names) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += "; ";
    auto it = names.find(id);
    out += it == names.end() ? "#" + std::to_string(id) : it->second;
  }
  return out;
}

// The kinds offered for a new unit, with their labels; app::GuessUnitKind picks one.
constexpr std::pair<const char*, const char*> kUnitKinds[] = {
    {"phong", "Phòng"},          {"so", "Sở"},
    {"ubnd_xa", "UBND xã, phường"}, {"xa", "Xã, phường"},
    {"ubnd", "UBND"},            {"ubnd_tinh", "UBND tỉnh"},
    {"hdnd", "HĐND"},            {"ban", "Ban"},
    {"trung_tam", "Trung tâm"},  {"chi_cuc", "Chi cục"},
    {"cuc", "Cục"},              {"cong_an", "Công an"},
    {"quan_su", "Quân sự"},      {"thanh_tra", "Thanh tra"},
    {"van_phong", "Văn phòng"},  {"doanh_nghiep", "Doanh nghiệp"},
    {"doi", "Đội"},              {"hoi", "Hội"},
    {"truong", "Trường"},        {"benh_vien", "Bệnh viện"},
    {"", "Khác"},
};

json UnknownUnitsJson(const std::vector<app::UnknownUnit>& unknown, bool forms) {
  json out = json::array();
  int n = 0;
  for (const app::UnknownUnit& u : unknown) {
    json kinds = json::array();
    for (auto [code, label] : kUnitKinds) {
      kinds.push_back({{"code", code}, {"label", label}, {"selected", u.kind == code}});
    }
    out.push_back({{"n", ++n},
                   {"name", u.name},
                   {"tasks", u.lead_task_ids.size() + u.support_task_ids.size()},
                   {"forms", forms},
                   {"kinds", std::move(kinds)}});
  }
  return out;
}

}  // namespace

std::vector<domain::Id> UnitIdsOf(std::string_view names, const std::vector<domain::Unit>& units,
                                  std::vector<std::string>* unknown) {
  std::map<std::string, domain::Id> index;
  for (const auto& u : units) {
    index.emplace(Fold(u.name), u.id);
    for (const auto& a : u.aliases) index.emplace(Fold(a), u.id);
  }
  std::vector<domain::Id> ids;
  size_t pos = 0;
  while (pos <= names.size()) {
    size_t end = names.find_first_of(";,", pos);
    if (end == std::string_view::npos) end = names.size();
    std::string_view piece = names.substr(pos, end - pos);
    std::string key = Fold(piece);
    if (!key.empty()) {
      auto it = index.find(key);
      if (it == index.end()) {
        if (unknown) {
          std::string raw(piece);
          while (!raw.empty() && raw.front() == ' ') raw.erase(0, 1);
          while (!raw.empty() && raw.back() == ' ') raw.pop_back();
          unknown->push_back(raw);
        }
      } else if (std::find(ids.begin(), ids.end(), it->second) == ids.end()) {
        ids.push_back(it->second);
      }
    }
    pos = end + 1;
  }
  return ids;
}

json ReviewJson(const app::NoticeView& view, const std::vector<domain::Unit>& units,
                const std::vector<app::UnknownUnit>& unknown, bool can_add_units) {
  const domain::Notice& n = view.notice;
  const bool draft = n.status == domain::NoticeStatus::kDraft;
  std::map<domain::Id, std::string> unit_names;
  json unit_list = json::array();
  for (const auto& u : units) {
    unit_names[u.id] = u.name;
    unit_list.push_back(u.name);
  }

  json extraction = json::parse(n.extraction_json, nullptr, /*allow_exceptions=*/false);
  if (!extraction.is_object()) extraction = json::object();

  std::vector<Mark> marks;
  if (extraction.contains("tasks") && extraction["tasks"].is_array()) {
    for (const auto& t : extraction["tasks"]) {
      for (const char* role : {"lead", "support"}) {
        if (!t.contains(role) || !t[role].is_array()) continue;
        for (const auto& ref : t[role]) {
          if (!ref.is_object() || !ref.contains("span") || !ref["span"].is_array() ||
              ref["span"].size() != 2 || !ref["span"][0].is_number_integer() ||
              !ref["span"][1].is_number_integer()) {
            continue;
          }
          Mark m;
          m.kind = Mark::Kind::kUnit;
          m.start = ref["span"][0].get<long>();
          m.end = ref["span"][1].get<long>();
          m.label = ref.value("name", "");
          marks.push_back(m);
        }
      }
    }
  }

  json tasks = json::array();
  int index = 0;
  for (size_t i = 0; i < view.tasks.size(); ++i) {
    const domain::Task& t = view.tasks[i];
    ++index;
    if (t.span_end > t.span_start) {
      Mark m;
      m.start = t.span_start;
      m.end = t.span_end;
      m.id = "t-" + std::to_string(t.id);
      m.label = std::to_string(index);
      m.link = "row-" + std::to_string(t.id);
      marks.push_back(m);
    }
    json kinds = json::array();
    for (auto [code, label] :
         {std::pair{"none", "Không có hạn"}, std::pair{"date", "Theo ngày"},
          std::pair{"recurring", "Định kỳ"}, std::pair{"ongoing", "Thường xuyên"}}) {
      kinds.push_back({{"code", code},
                       {"label", label},
                       {"selected", domain::DeadlineKindCode(t.deadline.kind) == code}});
    }
    json everies = json::array();
    for (const char* code : {"week", "month", "quarter", "year"}) {
      everies.push_back({{"code", code},
                         {"label", EveryLabel(code)},
                         {"selected", domain::EveryCode(t.deadline.every) == code}});
    }
    std::optional<text::Date> due = t.due ? t.due : t.deadline.date;
    tasks.push_back({{"id", t.id},
                     {"n", index},
                     {"notice_id", n.id},
                     {"section", t.section},
                     {"text", t.text},
                     {"lead_text", Join(t.lead_unit_ids, unit_names)},
                     {"support_text", Join(t.support_unit_ids, unit_names)},
                     {"unknown", t.lead_unit_ids.empty()},
                     {"due", FormatDate(due, "Không có hạn")},
                     {"due_iso", due ? due->ToIso() : ""},
                     {"phrase", t.deadline.phrase},
                     {"kinds", std::move(kinds)},
                     {"everies", std::move(everies)},
                     {"editable", draft},
                     {"has_next", draft && i + 1 < view.tasks.size()}});
  }

  json figures = json::array();
  if (extraction.contains("figures") && extraction["figures"].is_array()) {
    for (const auto& f : extraction["figures"]) {
      if (!f.is_object()) continue;
      figures.push_back({{"quote", f.value("quote", "")}, {"context", f.value("context", "")}});
    }
  }
  json warnings = json::array();
  if (extraction.contains("warnings") && extraction["warnings"].is_array()) {
    for (const auto& w : extraction["warnings"]) {
      if (w.is_string()) warnings.push_back(w);
    }
  }
  json parents = json::array();
  if (draft && can_add_units && !unknown.empty()) {
    for (const auto& u : units) parents.push_back({{"id", u.id}, {"name", u.name}});
  }
  json unknown_list = UnknownUnitsJson(unknown, draft && can_add_units);

  return {{"notice",
           {{"id", n.id},
            {"number", n.number.empty() ? "(chưa có số)" : n.number},
            {"date", n.date ? FormatDate(n.date) : ""},
            {"issuer", n.issuer},
            {"subject", n.subject},
            {"filename", n.filename},
            {"confirmed", n.confirmed_at ? FormatTimestamp(n.confirmed_at) : ""}}},
          {"draft", draft},
          {"doc_html", HighlightHtml(n.text, std::move(marks))},
          {"task_count", view.tasks.size()},
          {"tasks", std::move(tasks)},
          {"unit_names", std::move(unit_list)},
          {"has_figures", !figures.empty()},
          {"figures", std::move(figures)},
          {"has_warnings", !warnings.empty()},
          {"warnings_count", warnings.size()},
          {"warnings", std::move(warnings)},
          {"has_unknown", !unknown_list.empty()},
          {"unknown_count", unknown.size()},
          {"can_add_units", draft && can_add_units},
          {"parent_options", std::move(parents)},
          {"unknown", std::move(unknown_list)}};
}

json NoticeListJson(const std::vector<domain::Notice>& notices) {
  json rows = json::array();
  for (const auto& n : notices) {
    const bool draft = n.status == domain::NoticeStatus::kDraft;
    rows.push_back({{"href", "/notices/" + std::to_string(n.id)},
                    {"number", n.number.empty() ? "(chưa có số)" : n.number},
                    {"date", FormatDate(n.date)},
                    {"subject", n.subject},
                    {"filename", n.filename},
                    {"state", draft ? "Chờ kiểm tra" : "Đã giao"},
                    {"css", draft ? "st-pending" : "st-done-on-time"},
                    {"created", FormatTimestamp(n.created_at)}});
  }
  bool has = !rows.empty();
  return {{"rows", std::move(rows)}, {"has_rows", has}};
}

}  // namespace dondoc::web
