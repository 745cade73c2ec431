// Page: the dashboard of leaders and the Office.
#include <map>

#include "app/policy.h"
#include "domain/status.h"
#include "web/dashboard_view.h"
#include "web/format.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/task_queries.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

long CountTasks(PageCall& c, store::TaskFilter f, text::Date today) {
  f.as_of = today;
  f.limit = 0;
  auto page = c.service.ListTasks(c.caller, f);
  return page.ok() ? page->total : 0;
}

http::Response DashboardPage(PageCall& c) {
  const text::Date today = c.service.clock().Today();
  text::Date as_of = today;
  if (auto q = c.req.Query("as_of")) {
    if (auto d = text::Date::FromIso(*q)) as_of = *d;
  }
  auto scores = c.service.Scorecards(c.caller, store::ScoreGroup::kUnit, as_of, std::nullopt);
  if (!scores.ok()) return StatusPage(&c.viewer, scores.status());
  Names names = NamesFor(c.service, c.caller, nullptr, nullptr);

  // Counts by status, today.
  json counts = json::array();
  for (const auto& s : AllStatusStyles()) {
    store::TaskFilter f;
    f.states.push_back(*domain::TaskStateFromCode(s.code));
    long n = CountTasks(c, f, today);
    if (n == 0 && (s.code == "not_due" || s.code == "paused" || s.code == "returned")) continue;
    counts.push_back({{"n", FormatNumber(n)},
                      {"label", s.label},
                      {"color", s.color},
                      {"href", "/tasks?status=" + std::string(s.code)}});
  }

  // Overdue, due soon and pending by lead unit, today.
  struct PerUnit {
    long overdue = 0, due_soon = 0, pending = 0, open = 0;
  };
  std::map<domain::Id, PerUnit> per_unit;
  auto tally = [&](store::TaskFilter f, long PerUnit::*field) {
    f.as_of = today;
    f.limit = 500;
    auto page = c.service.ListTasks(c.caller, f);
    if (!page.ok()) return;
    for (const auto& t : page->items) {
      for (auto id : t.lead_unit_ids) per_unit[id].*field += 1;
    }
  };
  store::TaskFilter overdue;
  overdue.overdue_only = true;
  tally(overdue, &PerUnit::overdue);
  store::TaskFilter soon;
  soon.due_after = today;
  soon.due_before = today.AddDays(7);
  soon.states = {domain::TaskState::kInProgress, domain::TaskState::kReturned};
  tally(soon, &PerUnit::due_soon);
  store::TaskFilter pending;
  pending.states = {domain::TaskState::kPendingConfirmation};
  tally(pending, &PerUnit::pending);
  store::TaskFilter open;
  open.states = {domain::TaskState::kInProgress, domain::TaskState::kReturned,
                 domain::TaskState::kNotDue};
  tally(open, &PerUnit::open);
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

  // Overdue over time: the last 8 weeks, as of each week's last day (and as_of).
  std::vector<std::pair<text::Date, long>> points;
  for (int w = 7; w >= 0; --w) {
    text::Date d = as_of.AddDays(-7L * w);
    auto rows = c.service.Scorecards(c.caller, store::ScoreGroup::kUnit, d, std::nullopt);
    long n = 0;
    if (rows.ok()) {
      for (const auto& r : *rows) n += r.counts.overdue;
    }
    points.emplace_back(d, n);
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
  PageSpec spec;
  spec.title = "Tổng quan";
  spec.active = "/dashboard";
  spec.body = "dashboard";
  spec.charts = true;
  return HtmlResponse(RenderPage(&c.viewer, spec, data));
}

}  // namespace

void RegisterDashboardPages(http::Router& r, app::Service& s) {
  http::RouteDoc d;
  d.summary = "Dashboard: counts, overdue by unit, charts, scorecards as of a date";
  d.tag = "pages";
  r.Add("GET", "/dashboard", d, Signed(s, [](PageCall& c) { return DashboardPage(c); }));
}

}  // namespace dondoc::web
