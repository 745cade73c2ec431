// Unit id → name for {"id","name"} references, shared by every request until a unit changes.
#ifndef DONDOC_HTTP_UNIT_NAMES_H_
#define DONDOC_HTTP_UNIT_NAMES_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/caller.h"
#include "app/service.h"
#include "domain/ids.h"

namespace dondoc::http {

// An immutable snapshot of a tenant's unit names; cheap to copy.
class UnitNames {
 public:
  using Map = std::unordered_map<domain::Id, std::string>;
  UnitNames();
  explicit UnitNames(std::shared_ptr<const Map> map) : map_(std::move(map)) {}
  // "" for an id the snapshot does not hold.
  const std::string& Name(domain::Id id) const;

 private:
  std::shared_ptr<const Map> map_;
};

// The names of `service`'s tenant, rebuilt only when `unit_version` has moved since the last
// build: a number that moves with every committed change of a unit (Store::AuthVersion of the
// store behind the service), and not with task writes, so that the 1,000 names of a province are
// not read again after each progress report. Without a `unit_version`, rebuilt on every call.
// Thread-safe. `service` must outlive the cache.
class UnitNamesCache {
 public:
  UnitNamesCache(app::Service& service, std::function<std::uint64_t()> unit_version);
  // Empty names when the caller may not read the directory.
  UnitNames Get(const app::Caller& caller);

 private:
  app::Service& service_;
  std::function<std::uint64_t()> unit_version_;
  std::mutex mu_;
  bool valid_ = false;         // guarded by mu_
  std::uint64_t version_ = 0;  // guarded by mu_
  UnitNames names_;            // guarded by mu_
};

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_UNIT_NAMES_H_
