// XLSX downloads of task lists and scorecards.
#include "export/xlsx.h"
#include "web/export_tables.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/task_queries.h"

namespace dondoc::web {
namespace {

constexpr size_t kMaxRows = 20000;

http::Response Xlsx(std::string bytes, const std::string& filename) {
  http::Response res;
  res.content_type = exports::kXlsxContentType;
  res.body = std::move(bytes);
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  res.headers.emplace_back("Cache-Control", "private, no-store");
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return res;
}

http::RouteDoc ExportDoc(const char* summary) {
  http::RouteDoc d;
  d.summary = summary;
  d.tag = "export";
  return d;
}

}  // namespace

void RegisterExportPages(http::Router& r, app::Service& s) {
  r.Add("GET", "/export/tasks.xlsx", ExportDoc("The task list (with the page's filters) as XLSX"),
        Signed(s, [](PageCall& c) {
          TaskListQuery q = TaskListQuery::FromParams(c.req.query);
          const text::Date today = c.service.clock().Today();
          Names names = NamesFor(c.service, c.caller, nullptr, nullptr);
          std::vector<domain::Task> tasks;
          q.page_size = 500;
          for (q.page = 1; tasks.size() < kMaxRows; ++q.page) {
            auto page = c.service.ListTasks(c.caller, FilterOf(q, today));
            if (!page.ok()) return StatusPage(&c.viewer, page.status());
            for (auto& t : page->items) tasks.push_back(std::move(t));
            if (page->items.empty() || static_cast<long>(tasks.size()) >= page->total) break;
          }
          q.page = 1;
          auto bytes = exports::WriteXlsx(
              {TaskTable(tasks, names, today, DescribeFilters(q, names), c.service.clock().Now())});
          if (!bytes.ok()) return StatusPage(&c.viewer, bytes.status());
          return Xlsx(std::move(*bytes), "nhiem-vu-" + today.ToIso() + ".xlsx");
        }));

  r.Add("GET", "/export/scorecards.xlsx", ExportDoc("Scorecards by unit and by field as XLSX"),
        Signed(s, [](PageCall& c) {
          text::Date as_of = c.service.clock().Today();
          if (auto q = c.req.Query("as_of")) {
            if (auto d = text::Date::FromIso(*q)) as_of = *d;
          }
          auto by_unit =
              c.service.Scorecards(c.caller, store::ScoreGroup::kUnit, as_of, std::nullopt);
          if (!by_unit.ok()) return StatusPage(&c.viewer, by_unit.status());
          Names names = NamesFor(c.service, c.caller, nullptr, nullptr);
          std::vector<exports::Table> tables = {
              ScorecardTable(*by_unit, names.units, "Đơn vị", as_of, c.service.clock().Now())};
          if (auto fields = c.service.ListFields(c.caller); fields.ok() && !fields->empty()) {
            std::map<domain::Id, std::string> field_names;
            for (const auto& f : *fields) field_names[f.id] = f.name;
            auto by_field =
                c.service.Scorecards(c.caller, store::ScoreGroup::kField, as_of, std::nullopt);
            if (by_field.ok()) {
              tables.push_back(ScorecardTable(*by_field, field_names, "Lĩnh vực", as_of,
                                              c.service.clock().Now()));
            }
          }
          auto bytes = exports::WriteXlsx(tables);
          if (!bytes.ok()) return StatusPage(&c.viewer, bytes.status());
          return Xlsx(std::move(*bytes), "ket-qua-" + as_of.ToIso() + ".xlsx");
        }));
}

}  // namespace dondoc::web
