// Page: administration of units (tree, add), users and fields; the edit pages and the CSV
// import are in admin_*.cc.
#include <functional>
#include <map>
#include <set>

#include "app/policy.h"
#include "web/admin_support.h"
#include "web/notice_view.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/templates.h"

namespace dondoc::web {
namespace {

using admin::SplitList;
using nlohmann::json;

// Nested <ul> of the unit tree (any depth), escaped; with an edit link per unit for an admin.
std::string TreeHtml(const std::vector<domain::Unit>& units, bool can_edit) {
  std::map<domain::Id, int> depth = admin::UnitDepths(units);
  std::string out;
  int open = 0;  // <ul> levels open
  for (const domain::Unit* u : admin::TreeOrder(units)) {
    const int d = depth[u->id];
    if (d + 1 > open) {
      for (; open < d + 1; ++open) out += "<ul>";
    } else {
      out += "</li>";
      for (; open > d + 1; --open) out += "</ul></li>";
    }
    out += "<li><span class=\"unit\">" + HtmlEscape(u->name) + "</span>";
    if (!u->kind.empty())
      out += " <span class=\"badge st-not-due\">" + HtmlEscape(u->kind) + "</span>";
    if (!u->aliases.empty()) {
      std::string a;
      for (const auto& x : u->aliases) a += (a.empty() ? "" : "; ") + x;
      out += " <span class=\"muted small\">(" + HtmlEscape(a) + ")</span>";
    }
    if (can_edit) {
      out += " <a class=\"small no-print\" href=\"/admin/units/" + std::to_string(u->id) +
             "\" aria-label=\"Sửa " + HtmlEscape(u->name) + "\">Sửa</a>";
    }
  }
  if (open > 0) out += "</li>";
  for (; open > 0; --open) out += open > 1 ? "</ul></li>" : "</ul>";
  return out;
}

std::optional<Flash> FlashOf(const http::Request& req) {
  const std::string ok = req.Query("ok").value_or("");
  if (ok.empty()) return std::nullopt;
  if (ok == "unit") return Flash{"ok", "Đã lưu đơn vị."};
  if (ok == "field") return Flash{"ok", "Đã lưu lĩnh vực."};
  if (ok == "csv") {
    auto n = IdOf(req.Query("n").value_or(""));
    return Flash{"ok", "Đã nhập " + std::to_string(n.value_or(0)) + " đơn vị mới."};
  }
  return Flash{"ok", "Đã lưu."};
}

http::Response AdminPage(PageCall& c, std::optional<Flash> flash, int status = 200) {
  if (auto st = app::Authorize(c.caller, app::Action::kReadUsers); !st.ok()) {
    return StatusPage(&c.viewer, st);
  }
  auto units = c.service.ListUnits(c.caller);
  if (!units.ok()) return StatusPage(&c.viewer, units.status());
  std::map<domain::Id, std::string> unit_names;
  for (const auto& u : *units) unit_names[u.id] = u.name;
  const bool can_manage = app::Authorize(c.caller, app::Action::kManageUsers).ok();
  json users = json::array();
  std::map<domain::Id, std::vector<std::string>> field_leaders;
  if (auto list = c.service.ListUsers(c.caller); list.ok()) {
    for (const auto& u : *list) {
      const std::string name = u.display_name.empty() ? u.username : u.display_name;
      for (auto f : u.field_ids) field_leaders[f].push_back(name);
      users.push_back({{"id", u.id},
                       {"username", u.username},
                       {"name", u.display_name},
                       {"role", RoleLabelVi(domain::RoleCode(u.role))},
                       {"unit", u.unit_id ? unit_names[*u.unit_id] : ""},
                       {"chair", u.chair},
                       {"disabled", u.disabled}});
    }
  }
  json fields = json::array();
  if (auto list = c.service.ListFields(c.caller); list.ok()) {
    for (const auto& f : *list) {
      std::string names, leaders;
      for (auto id : f.unit_ids) names += (names.empty() ? "" : "; ") + unit_names[id];
      for (const auto& l : field_leaders[f.id]) leaders += (leaders.empty() ? "" : ", ") + l;
      fields.push_back({{"id", f.id},
                        {"name", f.name},
                        {"units", names},
                        {"has_units", !names.empty()},
                        {"leaders", leaders},
                        {"has_leaders", !leaders.empty()}});
    }
  }
  json roles = json::array();
  for (const char* r : {"unit", "office", "leader", "viewer", "admin"}) {
    roles.push_back({{"code", r}, {"label", RoleLabelVi(r)}});
  }
  json data = {{"unit_count", units->size()},
               {"units_tree", TreeHtml(*units, can_manage)},
               {"unit_options", admin::UnitChoices(*units, {})},
               {"user_count", users.size()},
               {"users", std::move(users)},
               {"field_count", fields.size()},
               {"fields", std::move(fields)},
               {"roles", std::move(roles)},
               {"can_manage", can_manage}};
  PageSpec spec;
  spec.title = "Quản trị";
  spec.active = "/admin";
  spec.body = "admin";
  spec.flash = std::move(flash);
  return HtmlResponse(RenderPage(&c.viewer, spec, data), status);
}

using FormAction = std::function<Status(PageCall&, const Form&)>;

http::Handler AdminPost(app::Service& s, const char* done, FormAction action) {
  return Signed(s, [done, action](PageCall& c) {
    auto form = ParseForm(c.req);
    if (!form.ok()) return AdminPage(c, Flash{"error", "Biểu mẫu không hợp lệ."}, 400);
    Status st = action(c, *form);
    if (!st.ok()) {
      if (st.code() == StatusCode::kPermissionDenied) return StatusPage(&c.viewer, st, "/admin");
      return AdminPage(c, Flash{"error", admin::AdminMessage(st)}, 400);
    }
    return Redirect(std::string("/admin?ok=") + done);
  });
}

}  // namespace

void RegisterAdminPages(http::Router& r, app::Service& s) {
  r.Add("GET", "/admin", PageDoc("Administration: units, users, fields"),
        Signed(s, [](PageCall& c) { return AdminPage(c, FlashOf(c.req)); }));

  r.Add("POST", "/admin/units", PageDoc("Add a unit"),
        AdminPost(s, "unit", [](PageCall& c, const Form& f) {
          domain::Unit u;
          u.name = f.Get("name");
          u.kind = f.Get("kind");
          u.aliases = SplitList(f.Get("aliases"));
          u.parent_id = IdOf(f.Get("parent"));
          if (u.name.empty()) return Status::InvalidArgument("Tên đơn vị trống.");
          auto res = c.service.CreateUnit(&c.caller, u);
          return res.ok() ? Status::Ok() : res.status();
        }));

  r.Add("POST", "/admin/users", PageDoc("Add a user"),
        AdminPost(s, "user", [](PageCall& c, const Form& f) {
          domain::User u;
          u.username = f.Get("username");
          u.display_name = f.Get("display_name");
          auto role = domain::RoleFromCode(f.Get("role"));
          if (!role) return Status::InvalidArgument("Vai trò không hợp lệ.");
          u.role = *role;
          u.unit_id = IdOf(f.Get("unit"));
          auto res = c.service.CreateUser(&c.caller, u, f.Get("password"));
          return res.ok() ? Status::Ok() : res.status();
        }));

  r.Add("POST", "/admin/users/disable", PageDoc("Disable a user"),
        AdminPost(s, "disable", [](PageCall& c, const Form& f) {
          return c.service.DisableUser(&c.caller, f.Get("username"));
        }));

  r.Add("POST", "/admin/fields", PageDoc("Add a field"),
        AdminPost(s, "field", [](PageCall& c, const Form& f) {
          auto units = c.service.ListUnits(c.caller);
          if (!units.ok()) return units.status();
          std::vector<std::string> unknown;
          domain::Field field;
          field.name = f.Get("name");
          field.unit_ids = UnitIdsOf(f.Get("units"), *units, &unknown);
          if (!unknown.empty()) return Status::InvalidArgument("Không rõ đơn vị " + unknown[0]);
          auto res = c.service.CreateField(&c.caller, field);
          return res.ok() ? Status::Ok() : res.status();
        }));

  admin::RegisterUnitPages(r, s);
  admin::RegisterUserPages(r, s);
  admin::RegisterFieldPages(r, s);
}

}  // namespace dondoc::web
