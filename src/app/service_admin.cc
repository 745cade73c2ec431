// Service: the administration screens' use cases (unit CSV preview and import, a field's units
// and leader). Reasons in errors are Vietnamese.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/service.h"
#include "text/normalize.h"

namespace dondoc::app {

Result<UnitCsvPlan> Service::PreviewUnitsCsv(const Caller& caller, std::string_view csv) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kManageUnits));
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> existing, store_.ListUnits(tenant_id_));
  return PlanUnitsCsv(csv, existing);
}

Result<UnitCsvPlan> Service::ApplyUnitsCsv(const Caller& caller, std::string_view csv) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kManageUnits));
  UnitCsvPlan plan;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    // Planned again here: the directory may have changed since the preview.
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> existing, tx.ListUnits(tenant_id_));
    DONDOC_ASSIGN_OR_RETURN(plan, PlanUnitsCsv(csv, existing));
    std::map<std::string, Id> added;  // FoldKey(name) → id of a unit added from this file
    nlohmann::json names = nlohmann::json::array();
    for (size_t i : plan.order) {
      UnitCsvRow& row = plan.rows[i];
      row.unit.tenant_id = tenant_id_;
      if (!row.parent.empty() && !row.unit.parent_id) {
        row.unit.parent_id = added.at(text::FoldKey(row.parent));  // placed before: see order
      }
      DONDOC_ASSIGN_OR_RETURN(row.unit.id, tx.CreateUnit(row.unit));
      added[text::FoldKey(row.unit.name)] = row.unit.id;
      names.push_back(row.unit.name);
    }
    return AppendAudit(tx, tenant_id_, &caller, clock_.Now(), "units_import", "unit", 0, "",
                       nlohmann::json{{"created", plan.order.size()},
                                      {"names", names},
                                      {"rows_with_errors", plan.errors},
                                      {"rows_present", plan.present}}
                           .dump());
  }));
  return plan;
}

Result<domain::Field> Service::AssignField(const Caller& caller, domain::Field field,
                                           std::optional<Id> leader_id) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kManageFields));
  if (field.name.empty() || field.name.size() > 300) {
    return Status::InvalidArgument("Tên lĩnh vực cần từ 1 đến 300 byte.");
  }
  std::sort(field.unit_ids.begin(), field.unit_ids.end());
  field.unit_ids.erase(std::unique(field.unit_ids.begin(), field.unit_ids.end()),
                       field.unit_ids.end());
  field.tenant_id = tenant_id_;
  DONDOC_RETURN_IF_ERROR(store_.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(domain::Field before, tx.GetField(tenant_id_, field.id));
    for (Id unit_id : field.unit_ids) {
      if (!tx.GetUnit(tenant_id_, unit_id).ok()) {
        return Status::InvalidArgument("Không tìm thấy đơn vị số " + std::to_string(unit_id) + ".");
      }
    }
    if (leader_id) {
      Result<domain::User> leader = tx.GetUser(tenant_id_, *leader_id);
      if (!leader.ok()) return Status::InvalidArgument("Không tìm thấy người phụ trách đã chọn.");
      if (leader->role != domain::Role::kLeader) {
        return Status::InvalidArgument("Người phụ trách lĩnh vực phải có vai trò Lãnh đạo.");
      }
    }
    DONDOC_RETURN_IF_ERROR(tx.UpdateField(field));
    // The field's followers become exactly the chosen leader.
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::User> users, tx.ListUsers(tenant_id_));
    std::vector<Id> leaders_before;
    for (domain::User& u : users) {
      auto& f = u.field_ids;
      const bool follows = std::find(f.begin(), f.end(), field.id) != f.end();
      const bool should = leader_id && u.id == *leader_id;
      if (follows) leaders_before.push_back(u.id);
      if (follows == should) continue;
      if (should) {
        f.push_back(field.id);
      } else {
        f.erase(std::remove(f.begin(), f.end(), field.id), f.end());
      }
      DONDOC_RETURN_IF_ERROR(tx.UpdateUser(u));
    }
    nlohmann::json after_leaders = nlohmann::json::array();
    if (leader_id) after_leaders.push_back(*leader_id);
    return AppendAudit(
        tx, tenant_id_, &caller, clock_.Now(), "field_update", "field", field.id,
        nlohmann::json{
            {"name", before.name}, {"unit_ids", before.unit_ids}, {"leader_ids", leaders_before}}
            .dump(),
        nlohmann::json{
            {"name", field.name}, {"unit_ids", field.unit_ids}, {"leader_ids", after_leaders}}
            .dump());
  }));
  return field;
}

}  // namespace dondoc::app
