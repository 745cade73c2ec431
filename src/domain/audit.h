// An append-only record of one write.
#ifndef DONDOC_DOMAIN_AUDIT_H_
#define DONDOC_DOMAIN_AUDIT_H_

#include <optional>
#include <string>

#include "domain/ids.h"

namespace dondoc::domain {

struct AuditEntry {
  Id id = 0;  // assigned by the store, increasing
  Id tenant_id = 0;
  std::optional<Id> user_id;  // nullopt for the system (demo seeding, migrations)
  Timestamp at = 0;
  std::string action;  // snake_case verb: "task_report", "notice_confirm", "user_create", ...
  std::string entity;  // "task", "notice", "user", ...
  Id entity_id = 0;
  std::string before_json;  // "" or a JSON object
  std::string after_json;   // "" or a JSON object
};

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_AUDIT_H_
