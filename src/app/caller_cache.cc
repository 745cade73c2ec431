#include "app/caller_cache.h"

namespace dondoc::app {

std::optional<CachedCaller> CallerCache::Get(const std::string& key, std::uint64_t version,
                                             domain::Timestamp now) {
  std::lock_guard<std::mutex> l(mu_);
  if (version != version_) return std::nullopt;
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  // A clock that went back counts as too old as well.
  if (now < it->second.cached_at || now - it->second.cached_at >= max_age_) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.value;
}

void CallerCache::Put(const std::string& key, std::uint64_t version, domain::Timestamp now,
                      CachedCaller value) {
  std::lock_guard<std::mutex> l(mu_);
  if (version < version_) return;
  if (version > version_ || entries_.size() >= max_entries_) {
    entries_.clear();
    version_ = version;
  }
  entries_[key] = Entry{std::move(value), now};
}

}  // namespace dondoc::app
