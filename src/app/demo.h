// The demo tenant of shared/spec/api-core.md: UBND thị xã Đức Phổ, its units and fields, the
// demo users, and the dev notice imported and confirmed.
#ifndef DONDOC_APP_DEMO_H_
#define DONDOC_APP_DEMO_H_

#include <string>

#include "app/clock.h"
#include "app/credentials.h"
#include "base/status.h"
#include "store/store.h"

namespace dondoc::app {

struct DemoOptions {
  std::string password;     // REQUIRES: at least 8 bytes
  std::string units_csv;    // a unit directory CSV; "" or a missing file: the built-in list
  std::string notice_path;  // the notice to import and confirm
};

struct DemoResult {
  domain::Id tenant_id = 0;
  domain::Id notice_id = 0;
  int units = 0;
  int tasks = 0;
};

inline constexpr const char* kDemoTenantSlug = "ducpho";
inline constexpr const char* kDemoTenantName = "UBND thị xã Đức Phổ";

// Builds the demo tenant. REQUIRES: the store has no tenant with slug kDemoTenantSlug.
Result<DemoResult> SeedDemo(store::Store& store, const Clock& clock, PasswordHasher& hasher,
                            const DemoOptions& options);

}  // namespace dondoc::app

#endif  // DONDOC_APP_DEMO_H_
