// Pages: one user: name, role, unit and the Chair flag; a new password; lock and unlock.
#include <functional>
#include <set>

#include "web/admin_support.h"

namespace dondoc::web::admin {
namespace {

using nlohmann::json;

Result<domain::User> FindUser(PageCall& c, domain::Id id) {
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::User> users, c.service.ListUsers(c.caller));
  for (auto& u : users) {
    if (u.id == id) return std::move(u);
  }
  return Status::NotFound("no such user");
}

http::Response UserForm(PageCall& c, domain::Id id, std::optional<Flash> flash, int status) {
  if (auto st = app::Authorize(c.caller, app::Action::kManageUsers); !st.ok()) {
    return StatusPage(&c.viewer, st, "/admin");
  }
  auto user = FindUser(c, id);
  if (!user.ok()) return StatusPage(&c.viewer, user.status(), "/admin#users");
  auto units = c.service.ListUnits(c.caller);
  if (!units.ok()) return StatusPage(&c.viewer, units.status(), "/admin");
  auto fields = c.service.ListFields(c.caller);
  if (!fields.ok()) return StatusPage(&c.viewer, fields.status(), "/admin");
  std::set<domain::Id> unit;
  if (user->unit_id) unit.insert(*user->unit_id);
  json roles = json::array();
  for (domain::Role r : {domain::Role::kUnit, domain::Role::kOffice, domain::Role::kLeader,
                         domain::Role::kViewer, domain::Role::kAdmin}) {
    std::string code(domain::RoleCode(r));
    roles.push_back({{"code", code}, {"label", RoleLabelVi(code)}, {"selected", r == user->role}});
  }
  json followed = json::array();
  for (const auto& f : *fields) {
    for (domain::Id fid : user->field_ids) {
      if (fid == f.id) followed.push_back({{"id", f.id}, {"name", f.name}});
    }
  }
  json data = {{"id", user->id},
               {"username", user->username},
               {"display_name", user->display_name},
               {"roles", std::move(roles)},
               {"units", UnitChoices(*units, unit)},
               {"no_unit", !user->unit_id},
               {"chair", user->chair},
               {"disabled", user->disabled},
               {"fields", std::move(followed)},
               {"self", user->id == c.caller.id()}};
  return AdminView(c, "Người dùng " + user->username, "admin_user", data, std::move(flash), status);
}

// A change to the stored user from a form, saved through the service (which checks the role and
// writes the audit row); gives the code of the message shown after saving.
using UserChange = std::function<Result<std::string>(const Form&, domain::User&)>;

// An edit of the user's columns, saved with UpdateUser.
UserChange Edited(PageCall& c,
                  std::function<Result<std::string>(const Form&, domain::User*)> edit) {
  return [&c, edit = std::move(edit)](const Form& f, domain::User& u) -> Result<std::string> {
    DONDOC_ASSIGN_OR_RETURN(std::string done, edit(f, &u));
    DONDOC_RETURN_IF_ERROR(c.service.UpdateUser(&c.caller, u).status());
    return done;
  };
}

// Runs `change` on the stored user of the path; back to the form with the reason when refused.
http::Response ChangeUser(PageCall& c, const UserChange& change) {
  auto id = PathId(c.req);
  if (!id) return StatusPage(&c.viewer, Status::NotFound("no such user"), "/admin#users");
  auto form = ParseForm(c.req);
  if (!form.ok()) return UserForm(c, *id, Flash{"error", "Biểu mẫu không hợp lệ."}, 400);
  auto user = FindUser(c, *id);
  if (!user.ok()) return StatusPage(&c.viewer, user.status(), "/admin#users");
  Result<std::string> done = change(*form, *user);
  if (!done.ok()) {
    const Status& st = done.status();
    if (st.code() == StatusCode::kPermissionDenied || st.code() == StatusCode::kNotFound) {
      return StatusPage(&c.viewer, st, "/admin#users");
    }
    return UserForm(c, *id, Flash{"error", AdminMessage(st)}, 400);
  }
  return Redirect("/admin/users/" + std::to_string(*id) + "?ok=" + *done);
}

}  // namespace

void RegisterUserPages(http::Router& r, app::Service& s) {
  r.Add(
      "GET", "/admin/users/{id}", PageDoc("One user: role, unit, Chair, password, lock"),
      Signed(s, [](PageCall& c) {
        auto id = PathId(c.req);
        if (!id) return StatusPage(&c.viewer, Status::NotFound("no such user"), "/admin#users");
        std::optional<Flash> flash;
        const std::string ok = c.req.Query("ok").value_or("");
        if (ok == "user") flash = Flash{"ok", "Đã lưu thông tin người dùng."};
        if (ok == "password") {
          flash = Flash{"ok", "Đã đặt mật khẩu mới; người dùng đã được đăng xuất khỏi mọi phiên."};
        }
        if (ok == "lock") flash = Flash{"ok", "Đã khóa tài khoản; mọi phiên đã kết thúc."};
        if (ok == "unlock") flash = Flash{"ok", "Đã mở khóa tài khoản."};
        return UserForm(c, *id, flash, 200);
      }));

  r.Add("POST", "/admin/users/{id}", PageDoc("Save a user's name, role, unit and Chair flag"),
        Signed(s, [](PageCall& c) {
          return ChangeUser(c, Edited(c, [](const Form& f, domain::User* u) -> Result<std::string> {
                              auto role = domain::RoleFromCode(f.Get("role"));
                              if (!role) return Status::InvalidArgument("Vai trò không hợp lệ.");
                              const std::string unit = f.Get("unit");
                              std::optional<domain::Id> unit_id = IdOf(unit);
                              if (!unit.empty() && !unit_id) {
                                return Status::InvalidArgument("Đơn vị không hợp lệ.");
                              }
                              u->display_name = f.Get("display_name");
                              if (u->display_name.size() > 200) {
                                return Status::InvalidArgument("Họ tên quá dài (tối đa 200 byte).");
                              }
                              u->role = *role;
                              u->unit_id = unit_id;
                              u->chair = f.Get("chair") == "1";
                              return std::string("user");
                            }));
        }));

  r.Add("POST", "/admin/users/{id}/lock", PageDoc("Lock (lock=1) or unlock (lock=0) a user"),
        Signed(s, [](PageCall& c) {
          return ChangeUser(c, Edited(c, [](const Form& f, domain::User* u) -> Result<std::string> {
                              u->disabled = f.Get("lock") == "1";
                              return std::string(u->disabled ? "lock" : "unlock");
                            }));
        }));

  r.Add("POST", "/admin/users/{id}/password",
        PageDoc("Set a user's new password (ends the user's sessions)"), Signed(s, [](PageCall& c) {
          return ChangeUser(c, [&c](const Form& f, domain::User& u) -> Result<std::string> {
            const std::string password = f.Get("password");
            if (password != f.Get("password2")) {
              return Status::InvalidArgument("Hai lần nhập mật khẩu không khớp.");
            }
            DONDOC_RETURN_IF_ERROR(c.service.ResetPassword(&c.caller, u.username, password));
            return std::string("password");
          });
        }));
}

}  // namespace dondoc::web::admin
