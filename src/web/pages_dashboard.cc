// Page: the dashboard of leaders and the Office.
#include <map>
#include <memory>
#include <variant>

#include "app/policy.h"
#include "base/versioned_cache.h"
#include "domain/status.h"
#include "web/dashboard_view.h"
#include "web/format.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/task_queries.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

// The dashboard's data, or a refusal page.
std::variant<json, http::Response> DashboardData(PageCall& c, text::Date today, text::Date as_of) {
  auto scores = c.service.Scorecards(c.caller, store::ScoreGroup::kUnit, as_of, std::nullopt);
  if (!scores.ok()) return StatusPage(&c.viewer, scores.status());
  Names names = NamesFor(c.service, c.caller, nullptr, nullptr);

  // Counts by status, today: each the total of the list it links to.
  store::TaskFilter all;
  all.as_of = today;
  auto by_state = c.service.CountTasksByState(c.caller, all);
  if (!by_state.ok()) return StatusPage(&c.viewer, by_state.status());
  json counts = json::array();
  for (const auto& s : AllStatusStyles()) {
    long n = (*by_state)[static_cast<size_t>(*domain::TaskStateFromCode(s.code))];
    if (n == 0 && (s.code == "not_due" || s.code == "paused" || s.code == "returned")) continue;
    counts.push_back({{"n", FormatNumber(n)},
                      {"label", s.label},
                      {"color", s.color},
                      {"href", "/tasks?status=" + std::string(s.code)}});
  }

  // Overdue, due soon and open by lead unit, today, from two scorecards (one aggregate query
  // each): due within 7 days = in progress today - not due as of today + 7. Pending from the
  // pending list (short by nature).
  struct PerUnit {
    long overdue = 0, due_soon = 0, pending = 0, open = 0;
  };
  std::map<domain::Id, PerUnit> per_unit;
  auto today_rows = as_of == today ? scores
                                   : c.service.Scorecards(c.caller, store::ScoreGroup::kUnit, today,
                                                          std::nullopt);
  auto week_rows =
      c.service.Scorecards(c.caller, store::ScoreGroup::kUnit, today.AddDays(7), std::nullopt);
  if (today_rows.ok()) {
    for (const auto& r : *today_rows) {
      per_unit[r.key].overdue = r.counts.overdue;
      per_unit[r.key].open = r.counts.in_progress;
      per_unit[r.key].due_soon = r.counts.in_progress;
    }
  }
  if (week_rows.ok()) {
    for (const auto& r : *week_rows) {
      if (auto it = per_unit.find(r.key); it != per_unit.end()) {
        it->second.due_soon -= r.counts.not_due;
      }
    }
  }
  store::TaskFilter pending;
  pending.states = {domain::TaskState::kPendingConfirmation};
  pending.as_of = today;
  pending.limit = 500;
  if (auto page = c.service.ListTasks(c.caller, pending); page.ok()) {
    for (const auto& t : page->items) {
      for (auto id : t.lead_unit_ids) per_unit[id].pending += 1;
    }
  }
  std::erase_if(per_unit, [](const auto& kv) {
    const PerUnit& p = kv.second;
    return p.overdue == 0 && p.due_soon == 0 && p.pending == 0 && p.open == 0;
  });
  std::vector<std::pair<domain::Id, PerUnit>> unit_rows(per_unit.begin(), per_unit.end());
  std::stable_sort(unit_rows.begin(), unit_rows.end(), [](const auto& a, const auto& b) {
    return a.second.overdue != b.second.overdue ? a.second.overdue > b.second.overdue
                                                : a.second.due_soon > b.second.due_soon;
  });
  json units = json::array();
  for (const auto& [id, p] : unit_rows) {
    units.push_back(
        {{"name", names.Unit(id)},
         {"href", "/tasks?unit=" + std::to_string(id) + "&role=lead"},
         {"overdue", p.overdue > 0 ? json(p.overdue) : json(nullptr)},
         {"overdue_href", "/tasks?unit=" + std::to_string(id) + "&role=lead&overdue=true"},
         {"due_soon", p.due_soon},
         {"pending", p.pending},
         {"open", p.open}});
  }

  // Overdue over time: the last 8 weeks, as of each week's last day (and as_of), in one pass.
  std::vector<text::Date> weeks;
  for (int w = 7; w >= 0; --w) weeks.push_back(as_of.AddDays(-7L * w));
  std::vector<std::pair<text::Date, long>> points;
  if (auto totals = c.service.ScoreTotals(c.caller, weeks); totals.ok()) {
    for (size_t i = 0; i < weeks.size(); ++i) points.emplace_back(weeks[i], (*totals)[i].overdue);
  }

  // Fields (leaders' areas).
  json fields_table;
  bool has_fields = false;
  if (auto fields = c.service.ListFields(c.caller); fields.ok() && !fields->empty()) {
    std::map<domain::Id, std::string> field_names;
    for (const auto& f : *fields) field_names[f.id] = f.name;
    auto by_field = c.service.Scorecards(c.caller, store::ScoreGroup::kField, as_of, std::nullopt);
    if (by_field.ok() && !by_field->empty()) {
      fields_table = ScorecardTableJson(*by_field, field_names, "Lĩnh vực");
      has_fields = true;
    }
  }

  // Latest reports: the most recently updated tasks that have one.
  json recent = json::array();
  store::TaskFilter updated;
  updated.sort = store::TaskSort::kUpdatedDesc;
  updated.as_of = today;
  updated.limit = 8;
  if (auto page = c.service.ListTasks(c.caller, updated); page.ok()) {
    for (const auto& t : page->items) {
      auto view = c.service.GetTask(c.caller, t.id);
      if (!view.ok() || view->detail.reports.empty()) continue;
      const auto& r = view->detail.reports.back();
      std::string text = r.text.size() > 300 ? r.text.substr(0, 300) + "…" : r.text;
      recent.push_back({{"when", FormatTimestamp(r.created_at)},
                        {"unit", names.Unit(r.unit_id)},
                        {"href", "/tasks/" + std::to_string(t.id)},
                        {"task", t.text.size() > 160 ? t.text.substr(0, 160) + "…" : t.text},
                        {"percent", r.percent},
                        {"text", text}});
      if (recent.size() >= 5) break;
    }
  }

  json score_table = ScorecardTableJson(*scores, names.units, "Đơn vị");
  json data = {{"as_of", FormatDate(as_of)},
               {"as_of_iso", as_of.ToIso()},
               {"scope", c.caller.scope_units ? "Trong phạm vi lĩnh vực được phân công."
                                              : "Toàn bộ các đơn vị."},
               {"counts", std::move(counts)},
               {"has_units", !units.empty()},
               {"units", std::move(units)},
               {"chart_status", ScriptJson(StatusByUnitChart(*scores, names.units))},
               {"chart_overdue", ScriptJson(OverdueOverTimeChart(points))},
               {"key_label", score_table["key_label"]},
               {"rows", score_table["rows"]},
               {"has_rows", score_table["has_rows"]},
               {"has_fields", has_fields},
               {"fields_table", fields_table},
               {"has_recent", !recent.empty()},
               {"recent", std::move(recent)}};
  return data;
}

// Dashboard data by (data version, caller's scope, today, as of): the page is recomputed only
// after a write.
using DashboardCache = VersionedCache<json>;

http::Response DashboardPage(PageCall& c, DashboardCache& cache) {
  const text::Date today = c.service.clock().Today();
  text::Date as_of = today;
  if (auto q = c.req.Query("as_of")) {
    if (auto d = text::Date::FromIso(*q)) as_of = *d;
  }
  std::string key = today.ToIso() + "|" + as_of.ToIso() + "|";
  if (c.caller.scope_units) {
    for (auto id : *c.caller.scope_units) key += std::to_string(id) + ",";
  } else {
    key += "*";
  }
  const std::uint64_t version = c.service.DataVersion();
  std::shared_ptr<const json> data = cache.Get(key, version);
  if (!data) {
    auto made = DashboardData(c, today, as_of);
    if (auto* page = std::get_if<http::Response>(&made)) return std::move(*page);
    data = std::make_shared<const json>(std::move(std::get<json>(made)));
    cache.Put(key, version, data);
  }
  PageSpec spec;
  spec.title = "Tổng quan";
  spec.active = "/dashboard";
  spec.body = "dashboard";
  spec.charts = true;
  return HtmlResponse(RenderPage(&c.viewer, spec, *data));
}

}  // namespace

void RegisterDashboardPages(http::Router& r, app::Service& s) {
  http::RouteDoc d;
  d.summary = "Dashboard: counts, overdue by unit, charts, scorecards as of a date";
  d.tag = "pages";
  auto cache = std::make_shared<DashboardCache>(256);
  r.Add("GET", "/dashboard", d,
        Signed(s, [cache](PageCall& c) { return DashboardPage(c, *cache); }));
}

}  // namespace dondoc::web
