// Service: units, fields and users.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/service.h"
#include "notice/unit_directory.h"

namespace dondoc::app {

namespace {

nlohmann::json UnitJson(const domain::Unit& u) {
  nlohmann::json j = {{"id", u.id}, {"name", u.name}, {"aliases", u.aliases}, {"kind", u.kind}};
  j["parent_id"] = u.parent_id ? nlohmann::json(*u.parent_id) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json UserJson(const domain::User& u) {
  nlohmann::json j = {{"id", u.id},
                      {"username", u.username},
                      {"display_name", u.display_name},
                      {"role", domain::RoleCode(u.role)},
                      {"field_ids", u.field_ids},
                      {"chair", u.chair},
                      {"disabled", u.disabled}};
  j["unit_id"] = u.unit_id ? nlohmann::json(*u.unit_id) : nlohmann::json(nullptr);
  return j;
}

// Messages of the checks below are Vietnamese: the admin screens show them as they are.
Status CheckName(const std::string& name, const char* what) {
  if (name.empty() || name.size() > 300) {
    return Status::InvalidArgument(std::string("Tên ") + what + " cần từ 1 đến 300 byte.");
  }
  return Status::Ok();
}

Status CheckPassword(std::string_view password) {
  if (password.size() < 8) return Status::InvalidArgument("Mật khẩu cần ít nhất 8 ký tự.");
  return Status::Ok();
}

Status MaybeAuthorize(const Caller* caller, Action a) {
  return caller == nullptr ? Status::Ok() : Authorize(*caller, a);
}

}  // namespace

Result<std::vector<domain::Unit>> Service::ListUnits(const Caller& caller) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadDirectory));
  return store_.ListUnits(tenant_id_);
}

Result<domain::Unit> Service::CreateUnit(const Caller* caller, domain::Unit unit) {
  DONDOC_RETURN_IF_ERROR(MaybeAuthorize(caller, Action::kManageUnits));
  DONDOC_RETURN_IF_ERROR(CheckName(unit.name, "đơn vị"));
  unit.tenant_id = tenant_id_;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(unit.id, tx.CreateUnit(unit));
    return AppendAudit(tx, tenant_id_, caller, clock_.Now(), "unit_create", "unit", unit.id, "",
                       UnitJson(unit).dump());
  }));
  return unit;
}

Result<domain::Unit> Service::UpdateUnit(const Caller& caller, domain::Unit unit) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kManageUnits));
  DONDOC_RETURN_IF_ERROR(CheckName(unit.name, "đơn vị"));
  unit.tenant_id = tenant_id_;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Unit before, tx.GetUnit(tenant_id_, unit.id));
    if (unit.parent_id) {
      // The store refuses a cycle too; this check gives the admin the reason in Vietnamese.
      if (!tx.GetUnit(tenant_id_, *unit.parent_id).ok()) {
        return Status::InvalidArgument("Không tìm thấy đơn vị cấp trên đã chọn.");
      }
      DONDOC_ASSIGN_OR_RETURN(std::vector<Id> below, tx.SubUnitIds(tenant_id_, unit.id));
      if (std::find(below.begin(), below.end(), *unit.parent_id) != below.end()) {
        return Status::InvalidArgument(
            "Không thể đặt đơn vị trực thuộc chính nó hoặc một đơn vị cấp dưới của nó (sẽ tạo "
            "vòng lặp).");
      }
    }
    DONDOC_RETURN_IF_ERROR(tx.UpdateUnit(unit));
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "unit_update", "unit", unit.id,
                       UnitJson(before).dump(), UnitJson(unit).dump());
  }));
  return unit;
}

Status Service::DeleteUnit(const Caller& caller, Id unit_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kManageUnits));
  return store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Unit before, tx.GetUnit(tenant_id_, unit_id));
    DONDOC_RETURN_IF_ERROR(tx.DeleteUnit(tenant_id_, unit_id));
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "unit_delete", "unit", unit_id,
                       UnitJson(before).dump(), "");
  });
}

Result<int> Service::ImportUnitsCsv(const Caller* caller, std::string_view csv) {
  DONDOC_RETURN_IF_ERROR(MaybeAuthorize(caller, Action::kManageUnits));
  DONDOC_ASSIGN_OR_RETURN(notice::UnitDirectory dir, notice::UnitDirectory::FromCsv(csv));
  int created = 0;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> existing, tx.ListUnits(tenant_id_));
    std::map<std::string, Id> by_name;
    for (const domain::Unit& u : existing) by_name[u.name] = u.id;
    // Parents may come after their children in the file: create in rounds.
    std::vector<const notice::UnitDirectory::Entry*> pending;
    for (const auto& e : dir.entries()) {
      if (!by_name.count(e.name)) pending.push_back(&e);
    }
    while (!pending.empty()) {
      std::vector<const notice::UnitDirectory::Entry*> later;
      for (const auto* e : pending) {
        domain::Unit u;
        u.tenant_id = tenant_id_;
        u.name = e->name;
        u.aliases = e->aliases;
        u.kind = e->kind;
        if (!e->parent.empty()) {
          auto p = by_name.find(e->parent);
          if (p == by_name.end()) {
            later.push_back(e);
            continue;
          }
          u.parent_id = p->second;
        }
        DONDOC_ASSIGN_OR_RETURN(u.id, tx.CreateUnit(u));
        by_name[u.name] = u.id;
        ++created;
      }
      if (later.size() == pending.size()) {
        return Status::InvalidArgument("unknown parent unit \"" + later.front()->parent +
                                       "\" of \"" + later.front()->name + "\"");
      }
      pending = std::move(later);
    }
    return AppendAudit(tx, tenant_id_, caller, clock_.Now(), "units_import", "unit", 0, "",
                       nlohmann::json{{"created", created}}.dump());
  }));
  return created;
}

Result<std::vector<domain::Field>> Service::ListFields(const Caller& caller) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadDirectory));
  return store_.ListFields(tenant_id_);
}

Result<domain::Field> Service::CreateField(const Caller* caller, domain::Field field) {
  DONDOC_RETURN_IF_ERROR(MaybeAuthorize(caller, Action::kManageFields));
  DONDOC_RETURN_IF_ERROR(CheckName(field.name, "lĩnh vực"));
  field.tenant_id = tenant_id_;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(field.id, tx.CreateField(field));
    return AppendAudit(tx, tenant_id_, caller, clock_.Now(), "field_create", "field", field.id, "",
                       nlohmann::json{{"name", field.name}, {"unit_ids", field.unit_ids}}.dump());
  }));
  return field;
}

Result<domain::Field> Service::UpdateField(const Caller& caller, domain::Field field) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kManageFields));
  DONDOC_RETURN_IF_ERROR(CheckName(field.name, "lĩnh vực"));
  field.tenant_id = tenant_id_;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Field before, tx.GetField(tenant_id_, field.id));
    DONDOC_RETURN_IF_ERROR(tx.UpdateField(field));
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "field_update", "field", field.id,
                       nlohmann::json{{"name", before.name}, {"unit_ids", before.unit_ids}}.dump(),
                       nlohmann::json{{"name", field.name}, {"unit_ids", field.unit_ids}}.dump());
  }));
  return field;
}

Status Service::DeleteField(const Caller& caller, Id field_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kManageFields));
  return store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Field before, tx.GetField(tenant_id_, field_id));
    DONDOC_RETURN_IF_ERROR(tx.DeleteField(tenant_id_, field_id));
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "field_delete", "field", field_id,
                       nlohmann::json{{"name", before.name}}.dump(), "");
  });
}

Result<std::vector<domain::User>> Service::ListUsers(const Caller& caller) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadUsers));
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::User> users, store_.ListUsers(tenant_id_));
  for (domain::User& u : users) u.password_hash.clear();
  return users;
}

namespace {

Status CheckUser(const domain::User& u) {
  if (u.username.empty() || u.username.size() > 64) {
    return Status::InvalidArgument("Tên đăng nhập cần từ 1 đến 64 ký tự.");
  }
  for (char c : u.username) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) {
      return Status::InvalidArgument(
          "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các dấu '.', '_', '-'.");
    }
  }
  if (u.role == domain::Role::kUnit && !u.unit_id) {
    return Status::InvalidArgument("Người dùng có vai trò Đơn vị cần chọn một đơn vị.");
  }
  if (u.chair && u.role != domain::Role::kLeader) {
    return Status::InvalidArgument("Chỉ người có vai trò Lãnh đạo mới có thể là Chủ tịch.");
  }
  return Status::Ok();
}

}  // namespace

Result<domain::User> Service::CreateUser(const Caller* caller, domain::User user,
                                         std::string_view password) {
  DONDOC_RETURN_IF_ERROR(MaybeAuthorize(caller, Action::kManageUsers));
  user.username = NormalizeUsername(user.username);
  user.tenant_id = tenant_id_;
  DONDOC_RETURN_IF_ERROR(CheckUser(user));
  DONDOC_RETURN_IF_ERROR(CheckPassword(password));
  DONDOC_ASSIGN_OR_RETURN(user.password_hash, hasher_.Hash(password));
  user.created_at = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    if (user.unit_id) DONDOC_RETURN_IF_ERROR(tx.GetUnit(tenant_id_, *user.unit_id).status());
    DONDOC_ASSIGN_OR_RETURN(user.id, tx.CreateUser(user));
    return AppendAudit(tx, tenant_id_, caller, user.created_at, "user_create", "user", user.id, "",
                       UserJson(user).dump());
  }));
  user.password_hash.clear();
  return user;
}

Result<domain::User> Service::UpdateUser(const Caller* caller, domain::User user) {
  DONDOC_RETURN_IF_ERROR(MaybeAuthorize(caller, Action::kManageUsers));
  domain::User out;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::User before, tx.GetUser(tenant_id_, user.id));
    out = before;
    out.display_name = user.display_name;
    out.role = user.role;
    out.unit_id = user.unit_id;
    out.field_ids = user.field_ids;
    out.chair = user.chair;
    out.disabled = user.disabled;
    DONDOC_RETURN_IF_ERROR(CheckUser(out));
    // An admin locking themselves out would leave the tenant without a way back in.
    if (caller != nullptr && caller->id() == out.id &&
        (out.disabled || out.role != domain::Role::kAdmin)) {
      return Status::InvalidArgument(
          "Không thể tự khóa hoặc bỏ vai trò Quản trị của chính tài khoản đang đăng nhập.");
    }
    if (out.unit_id && !tx.GetUnit(tenant_id_, *out.unit_id).ok()) {
      return Status::InvalidArgument("Không tìm thấy đơn vị đã chọn.");
    }
    DONDOC_RETURN_IF_ERROR(tx.UpdateUser(out));
    // A disabled account is signed out everywhere at once.
    if (out.disabled && !before.disabled) {
      DONDOC_RETURN_IF_ERROR(tx.DeleteUserSessions(tenant_id_, out.id).status());
    }
    return AppendAudit(tx, tenant_id_, caller, clock_.Now(), "user_update", "user", out.id,
                       UserJson(before).dump(), UserJson(out).dump());
  }));
  out.password_hash.clear();
  return out;
}

Status Service::ResetPassword(const Caller* caller, std::string_view username,
                              std::string_view password) {
  DONDOC_RETURN_IF_ERROR(MaybeAuthorize(caller, Action::kManageUsers));
  DONDOC_RETURN_IF_ERROR(CheckPassword(password));
  DONDOC_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(password));
  return store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::User u,
                            tx.FindUserByUsername(tenant_id_, NormalizeUsername(username)));
    u.password_hash = hash;
    DONDOC_RETURN_IF_ERROR(tx.UpdateUser(u));
    // Whoever knew the old password is signed out: the user signs in again with the new one.
    DONDOC_ASSIGN_OR_RETURN(int ended, tx.DeleteUserSessions(tenant_id_, u.id));
    return AppendAudit(tx, tenant_id_, caller, clock_.Now(), "user_reset_password", "user", u.id,
                       "", nlohmann::json{{"sessions_ended", ended}}.dump());
  });
}

Status Service::DisableUser(const Caller* caller, std::string_view username) {
  DONDOC_RETURN_IF_ERROR(MaybeAuthorize(caller, Action::kManageUsers));
  return store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::User u,
                            tx.FindUserByUsername(tenant_id_, NormalizeUsername(username)));
    u.disabled = true;
    DONDOC_RETURN_IF_ERROR(tx.UpdateUser(u));
    DONDOC_RETURN_IF_ERROR(tx.DeleteUserSessions(tenant_id_, u.id).status());
    return AppendAudit(tx, tenant_id_, caller, clock_.Now(), "user_disable", "user", u.id,
                       "{\"disabled\":false}", "{\"disabled\":true}");
  });
}

}  // namespace dondoc::app
