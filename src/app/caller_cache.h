// Signed-in callers by token hash, so that a request with a known token costs a map look-up
// instead of three reads (token or session, user, unit tree). Internal to app/.
#ifndef DONDOC_APP_CALLER_CACHE_H_
#define DONDOC_APP_CALLER_CACHE_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/caller.h"
#include "domain/ids.h"

namespace dondoc::app {

// What a successful authentication found, kept with the store's AuthVersion it was read at.
struct CachedCaller {
  Caller caller;
  // Sessions only (0 for Bearer tokens): the stored expiry and last use, checked on every hit.
  domain::Timestamp expires_at = 0;
  domain::Timestamp last_seen = 0;
};

// An entry answers only while the store's AuthVersion is the one it was read at (a sign-out, a
// disabled user, a changed role, field or unit tree drops every entry; a progress report does
// not) and for at most `max_age` seconds (a write by another process, such as `dondoc user
// disable`, does not move this process's version). At most `max_entries` entries (all dropped when
// full). Thread-safe.
class CallerCache {
 public:
  CallerCache(size_t max_entries, domain::Timestamp max_age)
      : max_entries_(max_entries), max_age_(max_age) {}

  // `key` names the kind of token and its hash.
  std::optional<CachedCaller> Get(const std::string& key, std::uint64_t version,
                                  domain::Timestamp now);
  // `version` must have been read before the reads that built `value`.
  void Put(const std::string& key, std::uint64_t version, domain::Timestamp now,
           CachedCaller value);

 private:
  struct Entry {
    CachedCaller value;
    domain::Timestamp cached_at = 0;
  };
  const size_t max_entries_;
  const domain::Timestamp max_age_;
  std::mutex mu_;
  std::uint64_t version_ = 0;                       // guarded by mu_
  std::unordered_map<std::string, Entry> entries_;  // guarded by mu_
};

}  // namespace dondoc::app

#endif  // DONDOC_APP_CALLER_CACHE_H_
