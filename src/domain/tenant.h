// A tenant: one organisation using dondoc (a People's Committee of a province, town or commune).
// Every stored row belongs to exactly one tenant; no query crosses tenants.
#ifndef DONDOC_DOMAIN_TENANT_H_
#define DONDOC_DOMAIN_TENANT_H_

#include <string>

#include "domain/ids.h"

namespace dondoc::domain {

struct Tenant {
  Id id = 0;
  std::string slug;  // unique, ASCII, e.g. "ducpho"
  std::string name;  // "UBND thị xã Đức Phổ"
  Timestamp created_at = 0;
};

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_TENANT_H_
