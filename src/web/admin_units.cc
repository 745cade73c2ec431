// Pages: edit a unit (name, aliases, kind, parent) and import units from CSV with a preview.
#include <set>

#include "web/admin_support.h"

namespace dondoc::web::admin {
namespace {

using nlohmann::json;

Result<domain::Unit> FindUnit(const std::vector<domain::Unit>& units, domain::Id id) {
  for (const auto& u : units) {
    if (u.id == id) return u;
  }
  return Status::NotFound("no such unit");
}

std::string Joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// The edit form of unit `id`, with `flash` (an error) and the values the admin typed (`typed`)
// when a save was refused.
http::Response UnitForm(PageCall& c, domain::Id id, std::optional<Flash> flash, int status,
                        const std::optional<domain::Unit>& typed = std::nullopt) {
  if (auto st = app::Authorize(c.caller, app::Action::kManageUnits); !st.ok()) {
    return StatusPage(&c.viewer, st, "/admin");
  }
  auto units = c.service.ListUnits(c.caller);
  if (!units.ok()) return StatusPage(&c.viewer, units.status(), "/admin");
  auto unit = FindUnit(*units, id);
  if (!unit.ok()) return StatusPage(&c.viewer, unit.status(), "/admin");
  if (typed) *unit = *typed;
  // A unit cannot go under itself or its sub-units: those are not offered (the use case refuses
  // them too).
  std::set<domain::Id> below;
  std::set<domain::Id> frontier = {id};
  while (!frontier.empty()) {
    below.insert(frontier.begin(), frontier.end());
    std::set<domain::Id> next;
    for (const auto& u : *units) {
      if (u.parent_id && frontier.count(*u.parent_id) && !below.count(u.id)) next.insert(u.id);
    }
    frontier = std::move(next);
  }
  std::set<domain::Id> parent;
  if (unit->parent_id) parent.insert(*unit->parent_id);
  json data = {{"id", unit->id},
               {"name", unit->name},
               {"aliases", Joined(unit->aliases, ", ")},
               {"kind", unit->kind},
               {"is_root", !unit->parent_id},
               {"parents", UnitChoices(*units, parent, below)}};
  return AdminView(c, "Sửa đơn vị", "admin_unit", data, std::move(flash), status);
}

json RowJson(const app::UnitCsvRow& row) {
  json j = {{"line", row.line},
            {"name", row.unit.name},
            {"aliases", Joined(row.unit.aliases, "; ")},
            {"kind", row.unit.kind},
            {"parent", row.parent},
            {"error", row.error},
            {"present", row.present},
            {"add", row.error.empty() && !row.present}};
  return j;
}

// The CSV text of a form: the uploaded file when one was chosen, else the pasted text.
std::string CsvOf(const Form& f) {
  auto file = f.files.find("file");
  if (file != f.files.end() && !file->second.data.empty()) return file->second.data;
  return f.Get("csv");
}

}  // namespace

void RegisterUnitPages(http::Router& r, app::Service& s) {
  r.Add("GET", "/admin/units/{id}", PageDoc("Edit a unit"), Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          if (!id) return StatusPage(&c.viewer, Status::NotFound("no such unit"), "/admin");
          return UnitForm(c, *id, std::nullopt, 200);
        }));

  r.Add("POST", "/admin/units/{id}", PageDoc("Save a unit: name, aliases, kind, parent"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          if (!id) return StatusPage(&c.viewer, Status::NotFound("no such unit"), "/admin");
          auto form = ParseForm(c.req);
          if (!form.ok()) return UnitForm(c, *id, Flash{"error", "Biểu mẫu không hợp lệ."}, 400);
          domain::Unit u;
          u.id = *id;
          u.name = form->Get("name");
          u.aliases = SplitList(form->Get("aliases"));
          u.kind = form->Get("kind");
          const std::string parent = form->Get("parent");
          if (!parent.empty()) {
            u.parent_id = IdOf(parent);
            if (!u.parent_id) {
              return UnitForm(c, *id, Flash{"error", "Đơn vị cấp trên không hợp lệ."}, 400);
            }
          }
          auto saved = c.service.UpdateUnit(c.caller, u);
          if (!saved.ok()) {
            const Status& st = saved.status();
            if (st.code() == StatusCode::kPermissionDenied || st.code() == StatusCode::kNotFound) {
              return StatusPage(&c.viewer, st, "/admin");
            }
            return UnitForm(c, *id, Flash{"error", AdminMessage(st)}, 400, u);
          }
          return Redirect("/admin?ok=unit#units");
        }));

  r.Add("POST", "/admin/units/csv", PageDoc("Preview a unit CSV import (writes nothing)"),
        Signed(s, [](PageCall& c) {
          auto form = ParseForm(c.req);
          if (!form.ok()) return StatusPage(&c.viewer, form.status(), "/admin#units");
          const std::string csv = CsvOf(*form);
          auto plan = c.service.PreviewUnitsCsv(c.caller, csv);
          if (!plan.ok()) {
            const Status& st = plan.status();
            if (st.code() == StatusCode::kPermissionDenied) return StatusPage(&c.viewer, st);
            return ErrorPage(&c.viewer, st.code() == StatusCode::kTooLarge ? 413 : 400,
                             "Không đọc được tệp CSV", st.message(), "/admin#units");
          }
          json rows = json::array();
          for (const auto& row : plan->rows) rows.push_back(RowJson(row));
          json data = {{"rows", std::move(rows)},
                       {"row_count", plan->rows.size()},
                       {"to_add", plan->order.size()},
                       {"present", plan->present},
                       {"errors", plan->errors},
                       {"has_errors", plan->errors > 0},
                       {"can_apply", !plan->order.empty()},
                       {"csv", csv}};
          return AdminView(c, "Xem trước danh mục đơn vị", "admin_csv", data);
        }));

  r.Add("POST", "/admin/units/csv/apply", PageDoc("Import the rows of a previewed unit CSV"),
        Signed(s, [](PageCall& c) {
          auto form = ParseForm(c.req);
          if (!form.ok()) return StatusPage(&c.viewer, form.status(), "/admin#units");
          auto plan = c.service.ApplyUnitsCsv(c.caller, form->Get("csv"));
          if (!plan.ok()) {
            const Status& st = plan.status();
            if (st.code() == StatusCode::kPermissionDenied) return StatusPage(&c.viewer, st);
            return ErrorPage(&c.viewer, 400, "Không nhập được danh mục", st.message(),
                             "/admin#units");
          }
          return Redirect("/admin?ok=csv&n=" + std::to_string(plan->order.size()) + "#units");
        }));
}

}  // namespace dondoc::web::admin
