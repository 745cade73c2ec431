#include "http/unit_names.h"

#include "app/policy.h"

namespace dondoc::http {

UnitNames::UnitNames() : map_(std::make_shared<const Map>()) {}

const std::string& UnitNames::Name(domain::Id id) const {
  static const std::string kNone;
  auto it = map_->find(id);
  return it == map_->end() ? kNone : it->second;
}

UnitNamesCache::UnitNamesCache(app::Service& service, std::function<std::uint64_t()> unit_version)
    : service_(service), unit_version_(std::move(unit_version)) {}

UnitNames UnitNamesCache::Get(const app::Caller& caller) {
  if (!app::Authorize(caller, app::Action::kReadDirectory).ok()) return UnitNames();
  // The version is read before the units: a commit in between makes the entry stale, never
  // newer than its version says.
  const bool cached = static_cast<bool>(unit_version_);
  const std::uint64_t version = cached ? unit_version_() : 0;
  if (cached) {
    std::lock_guard<std::mutex> l(mu_);
    if (valid_ && version_ == version) return names_;
  }
  Result<std::vector<domain::Unit>> units = service_.ListUnits(caller);
  if (!units.ok()) return UnitNames();
  auto map = std::make_shared<UnitNames::Map>();
  map->reserve(units->size());
  for (const domain::Unit& u : *units) (*map)[u.id] = u.name;
  UnitNames names(std::move(map));
  if (cached) {
    std::lock_guard<std::mutex> l(mu_);
    if (!valid_ || version_ <= version) {
      valid_ = true;
      version_ = version;
      names_ = names;
    }
  }
  return names;
}

}  // namespace dondoc::http
