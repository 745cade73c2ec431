// Units (cơ quan, đơn vị) and fields (lĩnh vực, a vice-chair's area).
#ifndef DONDOC_DOMAIN_UNIT_H_
#define DONDOC_DOMAIN_UNIT_H_

#include <optional>
#include <string>
#include <vector>

#include "domain/ids.h"

namespace dondoc::domain {

// A node of the tenant's unit tree, of any depth (province → sở/xã, town → phòng/xã/tổ).
struct Unit {
  Id id = 0;
  Id tenant_id = 0;
  std::string name;                  // canonical, NFC: "Phòng Tài chính - Kế hoạch"
  std::vector<std::string> aliases;  // other names it is written under: "Phòng TC-KH"
  std::string kind;                  // free vocabulary: "ubnd", "phong", "xa", "cong_an", ...
  std::optional<Id> parent_id;       // nullopt for a root; same tenant; never a cycle
};

// A vice-chair's area: a named set of units whose tasks a leader of that field follows.
struct Field {
  Id id = 0;
  Id tenant_id = 0;
  std::string name;  // "Kinh tế", "Văn hóa - Xã hội"
  std::vector<Id> unit_ids;
};

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_UNIT_H_
