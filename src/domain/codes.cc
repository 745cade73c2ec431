// Snake_case codes and Vietnamese labels of the domain's enums.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "domain/activity.h"
#include "domain/notice_record.h"
#include "domain/task.h"
#include "domain/user.h"

namespace dondoc::domain {

namespace {

template <typename E, size_t N>
std::string_view CodeOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [value, code] : table) {
    if (value == e) return code;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> FromCode(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view code) {
  for (const auto& [value, c] : table) {
    if (c == code) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<Role, std::string_view>, 5> kRoles{{
    {Role::kAdmin, "admin"},
    {Role::kOffice, "office"},
    {Role::kLeader, "leader"},
    {Role::kUnit, "unit"},
    {Role::kViewer, "viewer"},
}};
constexpr std::array<std::pair<Role, std::string_view>, 5> kRoleLabels{{
    {Role::kAdmin, "Quản trị"},
    {Role::kOffice, "Văn phòng"},
    {Role::kLeader, "Lãnh đạo"},
    {Role::kUnit, "Đơn vị"},
    {Role::kViewer, "Xem"},
}};
constexpr std::array<std::pair<NoticeStatus, std::string_view>, 2> kNoticeStatuses{{
    {NoticeStatus::kDraft, "draft"},
    {NoticeStatus::kActive, "active"},
}};
constexpr std::array<std::pair<DeadlineKind, std::string_view>, 4> kDeadlineKinds{{
    {DeadlineKind::kNone, "none"},
    {DeadlineKind::kDate, "date"},
    {DeadlineKind::kRecurring, "recurring"},
    {DeadlineKind::kOngoing, "ongoing"},
}};
constexpr std::array<std::pair<Every, std::string_view>, 4> kEvery{{
    {Every::kWeek, "week"},
    {Every::kMonth, "month"},
    {Every::kQuarter, "quarter"},
    {Every::kYear, "year"},
}};
constexpr std::array<std::pair<StoredStatus, std::string_view>, 5> kStoredStatuses{{
    {StoredStatus::kOpen, "open"},
    {StoredStatus::kPendingConfirmation, "pending_confirmation"},
    {StoredStatus::kReturned, "returned"},
    {StoredStatus::kPaused, "paused"},
    {StoredStatus::kDone, "done"},
}};
constexpr std::array<std::pair<UnitRole, std::string_view>, 2> kUnitRoles{{
    {UnitRole::kLead, "lead"},
    {UnitRole::kSupport, "support"},
}};
constexpr std::array<std::pair<ExtensionStatus, std::string_view>, 3> kExtensionStatuses{{
    {ExtensionStatus::kPending, "pending"},
    {ExtensionStatus::kApproved, "approved"},
    {ExtensionStatus::kRefused, "refused"},
}};

}  // namespace

std::string_view RoleCode(Role r) { return CodeOf(kRoles, r); }
std::optional<Role> RoleFromCode(std::string_view c) { return FromCode(kRoles, c); }
std::string_view RoleLabel(Role r) { return CodeOf(kRoleLabels, r); }

std::string_view NoticeStatusCode(NoticeStatus s) { return CodeOf(kNoticeStatuses, s); }
std::optional<NoticeStatus> NoticeStatusFromCode(std::string_view c) {
  return FromCode(kNoticeStatuses, c);
}

std::string_view DeadlineKindCode(DeadlineKind k) { return CodeOf(kDeadlineKinds, k); }
std::optional<DeadlineKind> DeadlineKindFromCode(std::string_view c) {
  return FromCode(kDeadlineKinds, c);
}
std::string_view EveryCode(Every e) { return CodeOf(kEvery, e); }
std::optional<Every> EveryFromCode(std::string_view c) { return FromCode(kEvery, c); }

std::string_view StoredStatusCode(StoredStatus s) { return CodeOf(kStoredStatuses, s); }
std::optional<StoredStatus> StoredStatusFromCode(std::string_view c) {
  return FromCode(kStoredStatuses, c);
}

std::string_view UnitRoleCode(UnitRole r) { return CodeOf(kUnitRoles, r); }
std::optional<UnitRole> UnitRoleFromCode(std::string_view c) { return FromCode(kUnitRoles, c); }

std::string_view ExtensionStatusCode(ExtensionStatus s) { return CodeOf(kExtensionStatuses, s); }
std::optional<ExtensionStatus> ExtensionStatusFromCode(std::string_view c) {
  return FromCode(kExtensionStatuses, c);
}

}  // namespace dondoc::domain
