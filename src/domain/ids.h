// Identifiers and instants shared by every domain type.
#ifndef DONDOC_DOMAIN_IDS_H_
#define DONDOC_DOMAIN_IDS_H_

#include <cstdint>

namespace dondoc::domain {

// A row id, unique within its table and tenant (assigned by the store from a per-tenant
// sequence, never reused). Rows are keyed by (tenant_id, id). 0 means "not yet stored" in a value
// about to be created.
using Id = std::int64_t;

// An instant: seconds since 1970-01-01T00:00:00Z. Produced by the app's Clock, never by the
// store or the domain rules (tests pass fixed values).
using Timestamp = std::int64_t;

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_IDS_H_
