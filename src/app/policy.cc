#include "app/policy.h"

#include <algorithm>

namespace dondoc::app {

using domain::Role;

std::string_view ActionName(Action a) {
  switch (a) {
    case Action::kReadDirectory:
      return "read the unit directory";
    case Action::kReadTasks:
      return "read tasks";
    case Action::kReadNotices:
      return "read notices";
    case Action::kReadScorecards:
      return "read scorecards";
    case Action::kReadAudit:
      return "read the audit log";
    case Action::kReadUsers:
      return "read users";
    case Action::kImportNotice:
      return "import notices";
    case Action::kEditDraft:
      return "edit draft tasks";
    case Action::kConfirmNotice:
      return "confirm notices";
    case Action::kReportProgress:
      return "report progress";
    case Action::kConfirmCompletion:
      return "confirm or return completion";
    case Action::kRequestExtension:
      return "request extensions";
    case Action::kDecideExtension:
      return "decide extensions";
    case Action::kComment:
      return "comment";
    case Action::kAttach:
      return "attach files";
    case Action::kManageUnits:
      return "manage units";
    case Action::kManageFields:
      return "manage fields";
    case Action::kManageUsers:
      return "manage users";
  }
  return "do this";
}

namespace {

bool Allowed(Role role, Action a) {
  switch (a) {
    case Action::kReadDirectory:
    case Action::kReadTasks:
    case Action::kReadScorecards:
      return true;
    case Action::kReadNotices:
      return role != Role::kUnit;
    case Action::kReadAudit:
      return role == Role::kAdmin || role == Role::kOffice;
    case Action::kReadUsers:
      return role == Role::kAdmin || role == Role::kOffice;
    case Action::kImportNotice:
    case Action::kEditDraft:
    case Action::kConfirmNotice:
    case Action::kConfirmCompletion:
    case Action::kDecideExtension:
      return role == Role::kOffice;
    case Action::kReportProgress:
    case Action::kRequestExtension:
      return role == Role::kUnit;
    case Action::kComment:
      return role == Role::kOffice || role == Role::kLeader || role == Role::kUnit;
    case Action::kAttach:
      return role == Role::kOffice || role == Role::kUnit;
    case Action::kManageUnits:
    case Action::kManageFields:
    case Action::kManageUsers:
      return role == Role::kAdmin;
  }
  return false;
}

bool Intersects(const std::vector<domain::Id>& a, const std::vector<domain::Id>& b) {
  for (domain::Id x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

}  // namespace

Status Authorize(const Caller& caller, Action action) {
  if (caller.user.disabled) return Status::PermissionDenied("This account is disabled.");
  if (Allowed(caller.role(), action)) return Status::Ok();
  return Status::PermissionDenied("Your role (" + std::string(domain::RoleCode(caller.role())) +
                                  ") may not " + std::string(ActionName(action)) + ".");
}

bool IsChair(const domain::User& user) { return user.role == Role::kLeader && user.chair; }

bool SeesDrafts(const Caller& caller) {
  return caller.role() == Role::kOffice || caller.role() == Role::kAdmin;
}

bool CanSeeTask(const Caller& caller, const domain::Task& task) {
  if (task.draft) return SeesDrafts(caller);
  if (!caller.scope_units) return true;
  return Intersects(*caller.scope_units, task.lead_unit_ids) ||
         Intersects(*caller.scope_units, task.support_unit_ids);
}

bool ActsForTask(const Caller& caller, const domain::Task& task, bool support_ok) {
  if (caller.role() != Role::kUnit) return false;
  if (Intersects(caller.own_units, task.lead_unit_ids)) return true;
  return support_ok && Intersects(caller.own_units, task.support_unit_ids);
}

std::string ReadViewKey(const Caller& caller) {
  std::string key(domain::RoleCode(caller.role()));
  key += caller.user.disabled ? "|x|" : "|a|";
  if (!caller.scope_units) return key + "*";
  for (domain::Id id : *caller.scope_units) key += std::to_string(id) + ",";
  return key;
}

}  // namespace dondoc::app
