// Page data kept until the next commit: entries by key, all dropped when Store::DataVersion
// moves. Thread-safe. For pages whose data is the same for every caller of one scope (a unit's
// "Việc của tôi"), so that a burst of reads between writes computes it once.
#ifndef DONDOC_WEB_VERSIONED_CACHE_H_
#define DONDOC_WEB_VERSIONED_CACHE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace dondoc::web {

class VersionedCache {
 public:
  explicit VersionedCache(size_t max_entries) : max_entries_(max_entries) {}

  // The data stored under `key` at `version`; nullptr when absent or stale. Shared, never
  // copied: a hit costs a lock and a map lookup.
  std::shared_ptr<const nlohmann::json> Get(const std::string& key, std::uint64_t version) {
    std::lock_guard lock(mu_);
    if (version != version_) return nullptr;
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }

  // Stores `data` computed from the state at `version` (read before computing, so that a write
  // committed meanwhile makes it stale rather than wrong).
  void Put(const std::string& key, std::uint64_t version,
           std::shared_ptr<const nlohmann::json> data) {
    std::lock_guard lock(mu_);
    if (version < version_) return;
    if (version != version_ || entries_.size() >= max_entries_) {
      entries_.clear();
      version_ = version;
    }
    entries_[key] = std::move(data);
  }

 private:
  const size_t max_entries_;
  std::mutex mu_;
  std::uint64_t version_ = 0;                                            // guarded by mu_
  std::map<std::string, std::shared_ptr<const nlohmann::json>> entries_;  // guarded by mu_
};

}  // namespace dondoc::web

#endif  // DONDOC_WEB_VERSIONED_CACHE_H_
