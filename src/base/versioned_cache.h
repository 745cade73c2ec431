// Values derived from stored data, kept for the data version they were computed at (a number
// that moves with every commit, Store::DataVersion): between two commits the same question gets
// the same answer without being asked again.
#ifndef DONDOC_BASE_VERSIONED_CACHE_H_
#define DONDOC_BASE_VERSIONED_CACHE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dondoc {

// A map from a question's key to its answer, for one data version at a time: a Put of a newer
// version drops every older entry; a Get or Put of an older version finds or keeps nothing. At
// most `max_entries` entries (all are dropped when full). Thread-safe. Answers are shared, never
// copied: a hit costs a lock and a lookup.
//
// The version must be read before the answer is computed: a commit meanwhile then leaves an
// entry that is merely never used, never one that answers for a newer version.
template <typename V>
class VersionedCache {
 public:
  explicit VersionedCache(size_t max_entries) : max_entries_(max_entries) {}

  std::shared_ptr<const V> Get(const std::string& key, std::uint64_t version) {
    std::lock_guard<std::mutex> l(mu_);
    if (version != version_) return nullptr;
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void Put(const std::string& key, std::uint64_t version, std::shared_ptr<const V> value) {
    std::lock_guard<std::mutex> l(mu_);
    if (version < version_) return;
    if (version > version_ || entries_.size() >= max_entries_) {
      entries_.clear();
      version_ = version;
    }
    entries_[key] = std::move(value);
  }

 private:
  const size_t max_entries_;
  std::mutex mu_;
  std::uint64_t version_ = 0;                                          // guarded by mu_
  std::unordered_map<std::string, std::shared_ptr<const V>> entries_;  // guarded by mu_
};

}  // namespace dondoc

#endif  // DONDOC_BASE_VERSIONED_CACHE_H_
