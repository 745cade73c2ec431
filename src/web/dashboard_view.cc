#include "web/dashboard_view.h"

#include <algorithm>

#include "web/format.h"

namespace dondoc::web {

using nlohmann::json;

namespace {

std::string NameOf(const std::map<domain::Id, std::string>& names, domain::Id id) {
  auto it = names.find(id);
  return it == names.end() ? "#" + std::to_string(id) : it->second;
}

// Chart labels: long unit names cut to keep the axis readable.
std::string ShortLabel(const std::string& s, size_t max_code_points = 28) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++count > max_code_points) {
      return s.substr(0, i) + "…";
    }
  }
  return s;
}

}  // namespace

json ScorecardTableJson(const std::vector<domain::ScoreRow>& rows,
                        const std::map<domain::Id, std::string>& names,
                        std::string_view key_label) {
  json out = json::array();
  for (const auto& r : rows) {
    const auto& c = r.counts;
    out.push_back({{"key", r.key},
                   {"name", NameOf(names, r.key)},
                   {"assigned", FormatNumber(c.assigned)},
                   {"not_due", FormatNumber(c.not_due)},
                   {"done_on_time", FormatNumber(c.done_on_time)},
                   {"done_late", FormatNumber(c.done_late)},
                   {"overdue", FormatNumber(c.overdue)},
                   {"in_progress", FormatNumber(c.in_progress)},
                   {"completion_rate", c.due() > 0 ? FormatPercent(c.completion_rate()) : "—"},
                   {"overdue_rate", c.due() > 0 ? FormatPercent(c.overdue_rate()) : "—"}});
  }
  bool has = !out.empty();
  return {{"key_label", key_label}, {"rows", std::move(out)}, {"has_rows", has}};
}

std::string ScriptJson(const json& j) {
  std::string s = j.dump();
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

json StatusByUnitChart(const std::vector<domain::ScoreRow>& rows,
                       const std::map<domain::Id, std::string>& names, size_t limit) {
  std::vector<domain::ScoreRow> top = rows;
  std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.counts.assigned > b.counts.assigned;
  });
  if (top.size() > limit) top.resize(limit);
  json labels = json::array();
  json on_time = json::array(), late = json::array(), overdue = json::array(),
       in_progress = json::array();
  for (const auto& r : top) {
    labels.push_back(ShortLabel(NameOf(names, r.key)));
    on_time.push_back(r.counts.done_on_time);
    late.push_back(r.counts.done_late);
    overdue.push_back(r.counts.overdue);
    in_progress.push_back(r.counts.in_progress);
  }
  auto set = [](std::string_view code, json data) {
    StatusStyle s = StatusStyleOf(code);
    return json{{"label", s.short_label}, {"data", std::move(data)}, {"backgroundColor", s.color}};
  };
  return {
      {"type", "bar"},
      {"data",
       {{"labels", std::move(labels)},
        {"datasets", json::array({set("done_on_time", on_time), set("done_late", late),
                                  set("overdue", overdue), set("in_progress", in_progress)})}}},
      {"options",
       {{"indexAxis", "y"},
        {"scales",
         {{"x", {{"stacked", true}, {"ticks", {{"precision", 0}}}}}, {"y", {{"stacked", true}}}}},
        {"plugins", {{"legend", {{"position", "bottom"}}}}}}}};
}

json OverdueOverTimeChart(const std::vector<std::pair<text::Date, long>>& points) {
  json labels = json::array(), data = json::array();
  for (const auto& [d, n] : points) {
    labels.push_back(FormatDate(d).substr(0, 5));
    data.push_back(n);
  }
  return {{"type", "line"},
          {"data",
           {{"labels", std::move(labels)},
            {"datasets", json::array({{{"label", "Nhiệm vụ quá hạn"},
                                       {"data", std::move(data)},
                                       {"borderColor", StatusStyleOf("overdue").color},
                                       {"backgroundColor", "rgba(198,40,40,0.15)"},
                                       {"fill", true},
                                       {"tension", 0.2}}})}}},
          {"options",
           {{"scales", {{"y", {{"beginAtZero", true}, {"ticks", {{"precision", 0}}}}}}},
            {"plugins", {{"legend", {{"display", false}}}}}}}};
}

}  // namespace dondoc::web
