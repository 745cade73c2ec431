// Page: administration of units (tree, add, CSV import), users and fields.
#include <charconv>
#include <functional>
#include <map>

#include "app/policy.h"
#include "web/notice_view.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/templates.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

http::RouteDoc PageDoc(const char* summary) {
  http::RouteDoc d;
  d.summary = summary;
  d.tag = "pages";
  return d;
}

// Nested <ul> of the unit tree, escaped.
std::string TreeHtml(const std::vector<domain::Unit>& units) {
  std::map<std::optional<domain::Id>, std::vector<const domain::Unit*>> children;
  std::map<domain::Id, bool> present;
  for (const auto& u : units) present[u.id] = true;
  for (const auto& u : units) {
    auto parent = u.parent_id && present.count(*u.parent_id) ? u.parent_id : std::nullopt;
    children[parent].push_back(&u);
  }
  std::string out;
  std::function<void(std::optional<domain::Id>, int)> walk = [&](std::optional<domain::Id> p,
                                                                 int depth) {
    auto it = children.find(p);
    if (it == children.end() || depth > 32) return;
    out += "<ul>";
    for (const auto* u : it->second) {
      out += "<li><span class=\"unit\">" + HtmlEscape(u->name) + "</span>";
      if (!u->aliases.empty()) {
        std::string a;
        for (const auto& x : u->aliases) a += (a.empty() ? "" : "; ") + x;
        out += " <span class=\"muted small\">(" + HtmlEscape(a) + ")</span>";
      }
      walk(u->id, depth + 1);
      out += "</li>";
    }
    out += "</ul>";
  };
  walk(std::nullopt, 0);
  return out;
}

http::Response AdminPage(PageCall& c, std::optional<Flash> flash, int status = 200) {
  if (auto st = app::Authorize(c.caller, app::Action::kReadUsers); !st.ok()) {
    return StatusPage(&c.viewer, st);
  }
  auto units = c.service.ListUnits(c.caller);
  if (!units.ok()) return StatusPage(&c.viewer, units.status());
  std::map<domain::Id, std::string> unit_names;
  json unit_options = json::array();
  for (const auto& u : *units) {
    unit_names[u.id] = u.name;
    unit_options.push_back({{"id", u.id}, {"name", u.name}});
  }
  const bool can_manage = app::Authorize(c.caller, app::Action::kManageUsers).ok();
  json users = json::array();
  if (auto list = c.service.ListUsers(c.caller); list.ok()) {
    for (const auto& u : *list) {
      users.push_back({{"username", u.username},
                       {"name", u.display_name},
                       {"role", RoleLabelVi(domain::RoleCode(u.role))},
                       {"unit", u.unit_id ? unit_names[*u.unit_id] : ""},
                       {"disabled", u.disabled}});
    }
  }
  json fields = json::array();
  if (auto list = c.service.ListFields(c.caller); list.ok()) {
    for (const auto& f : *list) {
      std::string names;
      for (auto id : f.unit_ids) names += (names.empty() ? "" : "; ") + unit_names[id];
      fields.push_back({{"name", f.name}, {"units", names}});
    }
  }
  json roles = json::array();
  for (const char* r : {"unit", "office", "leader", "viewer", "admin"}) {
    roles.push_back({{"code", r}, {"label", RoleLabelVi(r)}});
  }
  json data = {{"unit_count", units->size()},
               {"units_tree", TreeHtml(*units)},
               {"unit_options", std::move(unit_options)},
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

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find(';', pos);
    if (end == std::string::npos) end = s.size();
    std::string piece = s.substr(pos, end - pos);
    while (!piece.empty() && piece.front() == ' ') piece.erase(0, 1);
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
    if (!piece.empty()) out.push_back(piece);
    pos = end + 1;
  }
  return out;
}

std::optional<domain::Id> IdOf(const std::string& s) {
  domain::Id v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

using FormAction = std::function<Status(PageCall&, const Form&)>;

http::Handler AdminPost(app::Service& s, const char* done, FormAction action) {
  return Signed(s, [done, action](PageCall& c) {
    auto form = ParseForm(c.req);
    if (!form.ok()) return AdminPage(c, Flash{"error", "Biểu mẫu không hợp lệ."}, 400);
    Status st = action(c, *form);
    if (!st.ok()) {
      if (st.code() == StatusCode::kPermissionDenied) return StatusPage(&c.viewer, st, "/admin");
      return AdminPage(c, Flash{"error", VietnameseMessage(st)}, 400);
    }
    return Redirect(std::string("/admin?ok=") + done);
  });
}

}  // namespace

void RegisterAdminPages(http::Router& r, app::Service& s) {
  r.Add("GET", "/admin", PageDoc("Administration: units, users, fields"),
        Signed(s, [](PageCall& c) {
          std::optional<Flash> flash;
          if (c.req.Query("ok")) flash = Flash{"ok", "Đã lưu."};
          return AdminPage(c, flash);
        }));

  r.Add("POST", "/admin/units", PageDoc("Add a unit"),
        AdminPost(s, "unit", [](PageCall& c, const Form& f) {
          domain::Unit u;
          u.name = f.Get("name");
          u.kind = f.Get("kind");
          u.aliases = SplitList(f.Get("aliases"));
          u.parent_id = IdOf(f.Get("parent"));
          if (u.name.empty()) return Status::InvalidArgument("tên đơn vị trống");
          auto res = c.service.CreateUnit(&c.caller, u);
          return res.ok() ? Status::Ok() : res.status();
        }));

  r.Add("POST", "/admin/units/csv", PageDoc("Import units from CSV"),
        AdminPost(s, "csv", [](PageCall& c, const Form& f) {
          auto res = c.service.ImportUnitsCsv(&c.caller, f.Get("csv"));
          return res.ok() ? Status::Ok() : res.status();
        }));

  r.Add("POST", "/admin/users", PageDoc("Add a user"),
        AdminPost(s, "user", [](PageCall& c, const Form& f) {
          domain::User u;
          u.username = f.Get("username");
          u.display_name = f.Get("display_name");
          auto role = domain::RoleFromCode(f.Get("role"));
          if (!role) return Status::InvalidArgument("vai trò không hợp lệ");
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
          if (!unknown.empty()) return Status::InvalidArgument("không rõ đơn vị " + unknown[0]);
          auto res = c.service.CreateField(&c.caller, field);
          return res.ok() ? Status::Ok() : res.status();
        }));
}

}  // namespace dondoc::web
