// Pages: one field (a vice-chair's area): its name, its units and the leader who follows it.
#include <set>

#include "web/admin_support.h"

namespace dondoc::web::admin {
namespace {

using nlohmann::json;

http::Response FieldForm(PageCall& c, domain::Id id, std::optional<Flash> flash, int status) {
  if (auto st = app::Authorize(c.caller, app::Action::kManageFields); !st.ok()) {
    return StatusPage(&c.viewer, st, "/admin");
  }
  auto fields = c.service.ListFields(c.caller);
  if (!fields.ok()) return StatusPage(&c.viewer, fields.status(), "/admin");
  const domain::Field* field = nullptr;
  for (const auto& f : *fields) {
    if (f.id == id) field = &f;
  }
  if (field == nullptr) {
    return StatusPage(&c.viewer, Status::NotFound("no such field"), "/admin#fields");
  }
  auto units = c.service.ListUnits(c.caller);
  if (!units.ok()) return StatusPage(&c.viewer, units.status(), "/admin");
  auto users = c.service.ListUsers(c.caller);
  if (!users.ok()) return StatusPage(&c.viewer, users.status(), "/admin");
  json leaders = json::array();
  bool has_leader = false;
  for (const auto& u : *users) {
    if (u.role != domain::Role::kLeader) continue;
    bool follows = false;
    for (domain::Id f : u.field_ids) follows = follows || f == id;
    has_leader = has_leader || follows;
    leaders.push_back({{"id", u.id},
                       {"name", u.display_name.empty() ? u.username : u.display_name},
                       {"username", u.username},
                       {"selected", follows}});
  }
  json data = {{"id", field->id},
               {"name", field->name},
               {"units", UnitChoices(*units, {field->unit_ids.begin(), field->unit_ids.end()})},
               {"leaders", std::move(leaders)},
               {"no_leader", !has_leader}};
  return AdminView(c, "Lĩnh vực " + field->name, "admin_field", data, std::move(flash), status);
}

}  // namespace

void RegisterFieldPages(http::Router& r, app::Service& s) {
  r.Add("GET", "/admin/fields/{id}", PageDoc("Edit a field: its units and leader"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          if (!id) return StatusPage(&c.viewer, Status::NotFound("no such field"), "/admin");
          return FieldForm(c, *id, std::nullopt, 200);
        }));

  r.Add("POST", "/admin/fields/{id}", PageDoc("Save a field's name, units and leader"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          if (!id) return StatusPage(&c.viewer, Status::NotFound("no such field"), "/admin");
          auto form = ParseForm(c.req);
          if (!form.ok()) return FieldForm(c, *id, Flash{"error", "Biểu mẫu không hợp lệ."}, 400);
          domain::Field f;
          f.id = *id;
          f.name = form->Get("name");
          auto [from, to] = form->all.equal_range("unit");
          for (auto it = from; it != to; ++it) {
            auto unit = IdOf(it->second);
            if (!unit) return FieldForm(c, *id, Flash{"error", "Đơn vị không hợp lệ."}, 400);
            f.unit_ids.push_back(*unit);
          }
          std::optional<domain::Id> leader;
          if (const std::string l = form->Get("leader"); !l.empty()) {
            leader = IdOf(l);
            if (!leader) {
              return FieldForm(c, *id, Flash{"error", "Người phụ trách không hợp lệ."}, 400);
            }
          }
          auto saved = c.service.AssignField(c.caller, f, leader);
          if (!saved.ok()) {
            const Status& st = saved.status();
            if (st.code() == StatusCode::kPermissionDenied || st.code() == StatusCode::kNotFound) {
              return StatusPage(&c.viewer, st, "/admin#fields");
            }
            return FieldForm(c, *id, Flash{"error", AdminMessage(st)}, 400);
          }
          return Redirect("/admin?ok=field#fields");
        }));
}

}  // namespace dondoc::web::admin
