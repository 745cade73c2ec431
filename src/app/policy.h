// Authorisation: which role may run which use case, and which tasks a caller may see.
//
// Roles (issue 3): admin — units, users, fields (and reads); office — import, confirm, approve,
// return, everything in the tenant; leader — read in their fields (the Chair: every field),
// comment; unit — their unit's and sub-units' tasks as lead or support: read, report,
// request an extension, comment, attach; viewer — read.
#ifndef DONDOC_APP_POLICY_H_
#define DONDOC_APP_POLICY_H_

#include <string>
#include <string_view>

#include "app/caller.h"
#include "base/status.h"
#include "domain/task.h"

namespace dondoc::app {

enum class Action {
  kReadDirectory,  // units, fields
  kReadTasks,
  kReadNotices,
  kReadScorecards,
  kReadAudit,
  kReadUsers,
  kImportNotice,
  kEditDraft,
  kConfirmNotice,
  kReportProgress,
  kConfirmCompletion,  // also return a completion report, pause and resume
  kRequestExtension,
  kDecideExtension,
  kComment,
  kAttach,
  kManageUnits,
  kManageFields,
  kManageUsers,
};
inline constexpr int kActionCount = 18;

std::string_view ActionName(Action a);

// Role-level check. PermissionDenied (with an English sentence) when the role may not.
Status Authorize(const Caller& caller, Action action);

// True for the Chair: a leader flagged `chair`, who reads every field. A leader who is not the
// Chair reads only the units of their fields (none without fields).
bool IsChair(const domain::User& user);

// True for the roles that see draft notices and their tasks (office, admin).
bool SeesDrafts(const Caller& caller);

// True when the caller may see `task` at all (drafts only for office and admin).
bool CanSeeTask(const Caller& caller, const domain::Task& task);

// True when one of the caller's own units (unit role) is a lead (or, with `support_ok`, a
// support) unit of `task`.
bool ActsForTask(const Caller& caller, const domain::Task& task, bool support_ok);

// A key equal for two callers whose reads are answered alike (everything the checks above and
// the read use cases look at: role, disabled, visible units), for caches of whole answers.
std::string ReadViewKey(const Caller& caller);

}  // namespace dondoc::app

#endif  // DONDOC_APP_POLICY_H_
