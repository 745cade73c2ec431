// Service: the units an imported notice names that the directory lacks, listed on the review
// screen and added there (a new unit or an alias of one), resolving the draft tasks that named
// them.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/input_checks.h"
#include "app/service.h"

namespace dondoc::app {
namespace {

// The Office reviews drafts; the admin keeps the directory: either may add a unit from a review.
Status AuthorizeReviewUnits(const Caller& caller) {
  Status office = Authorize(caller, Action::kEditDraft);
  if (office.ok()) return office;
  return Authorize(caller, Action::kManageUnits);
}

bool Contains(const std::vector<Id>& ids, Id id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Messages are Vietnamese: the review screen shows them as they are.
// kConflict when `name` is already a name or alias in the directory under UnitKey.
Status CheckFree(const std::vector<domain::Unit>& units, const std::string& name) {
  const std::string key = UnitKey(name);
  for (const domain::Unit& u : units) {
    bool taken = UnitKey(u.name) == key;
    for (const std::string& a : u.aliases) taken = taken || UnitKey(a) == key;
    if (taken) {
      return Status::Conflict("“" + name + "” đã có trong danh mục (" + u.name + ").");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<UnknownUnit>> Service::ListUnknownUnits(const Caller& caller, Id notice_id) {
  DONDOC_RETURN_IF_ERROR(AuthorizeReviewUnits(caller));
  DONDOC_ASSIGN_OR_RETURN(domain::Notice n, store_.GetNotice(tenant_id_, notice_id));
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                          store_.ListNoticeTasks(tenant_id_, notice_id));
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> units, store_.ListUnits(tenant_id_));
  return UnknownUnitsOf(n, tasks, units);
}

Result<ReviewUnitResult> Service::AddReviewUnit(const Caller& caller, Id notice_id,
                                                const ReviewUnitAdd& add) {
  DONDOC_RETURN_IF_ERROR(AuthorizeReviewUnits(caller));
  DONDOC_RETURN_IF_ERROR(CheckText(add.mention, 300, "unit mention", false));
  DONDOC_RETURN_IF_ERROR(CheckText(add.name, 300, "unit name", true));
  DONDOC_RETURN_IF_ERROR(CheckText(add.kind, 50, "unit kind", true));
  ReviewUnitResult out;
  const domain::Timestamp now = clock_.Now();
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(domain::Notice n, tx.GetNotice(tenant_id_, notice_id));
    if (n.status != domain::NoticeStatus::kDraft) {
      return Status::Conflict("Chỉ thêm đơn vị khi thông báo còn chờ kiểm tra.");
    }
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                            tx.ListNoticeTasks(tenant_id_, notice_id));
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> units, tx.ListUnits(tenant_id_));
    // Only a mention this notice's review lists: the route adds no arbitrary unit.
    const std::vector<UnknownUnit> unknown = UnknownUnitsOf(n, tasks, units);
    auto found = std::find_if(unknown.begin(), unknown.end(), [&](const UnknownUnit& u) {
      return UnitKey(u.name) == UnitKey(add.mention);
    });
    if (found == unknown.end()) {
      return Status::NotFound("“" + add.mention +
                              "” không phải đơn vị chưa có trong danh mục của thông báo này.");
    }
    DONDOC_RETURN_IF_ERROR(CheckFree(units, found->name));
    nlohmann::json before = nullptr;
    if (add.alias_of) {
      DONDOC_ASSIGN_OR_RETURN(out.unit, tx.GetUnit(tenant_id_, *add.alias_of));
      before = {{"aliases", out.unit.aliases}};
      out.unit.aliases.push_back(found->name);
      DONDOC_RETURN_IF_ERROR(tx.UpdateUnit(out.unit));
    } else {
      domain::Unit u;
      u.tenant_id = tenant_id_;
      u.name = add.name.empty() ? found->name : add.name;
      if (UnitKey(u.name).empty()) return Status::InvalidArgument("Cần có tên đơn vị.");
      if (u.name != found->name) {
        DONDOC_RETURN_IF_ERROR(CheckFree(units, u.name));
        if (UnitKey(u.name) != UnitKey(found->name)) u.aliases.push_back(found->name);
      }
      u.kind = add.kind;
      if (add.parent_id) {
        DONDOC_RETURN_IF_ERROR(tx.GetUnit(tenant_id_, *add.parent_id).status());
        u.parent_id = add.parent_id;
      }
      DONDOC_ASSIGN_OR_RETURN(u.id, tx.CreateUnit(u));
      out.unit = std::move(u);
      out.created = true;
    }
    for (domain::Task& t : tasks) {
      const bool lead = Contains(found->lead_task_ids, t.id);
      const bool support = !lead && Contains(found->support_task_ids, t.id);
      if ((!lead && !support) || !t.draft || Contains(t.lead_unit_ids, out.unit.id)) continue;
      if (support && Contains(t.support_unit_ids, out.unit.id)) continue;
      // Named as lead: a unit that was a support of the task becomes its lead.
      std::erase(t.support_unit_ids, out.unit.id);
      (lead ? t.lead_unit_ids : t.support_unit_ids).push_back(out.unit.id);
      t.updated_at = now;
      DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
      out.resolved_task_ids.push_back(t.id);
    }
    nlohmann::json after = {{"unit_id", out.unit.id},
                            {"name", out.unit.name},
                            {"aliases", out.unit.aliases},
                            {"kind", out.unit.kind},
                            {"created", out.created},
                            {"mention", found->name},
                            {"notice_id", notice_id},
                            {"tasks", out.resolved_task_ids}};
    after["parent_id"] =
        out.unit.parent_id ? nlohmann::json(*out.unit.parent_id) : nlohmann::json(nullptr);
    return AppendAudit(tx, tenant_id_, &caller, now, "review_unit_add", "unit", out.unit.id,
                       before.is_null() ? "" : before.dump(), after.dump());
  }));
  return out;
}

}  // namespace dondoc::app
