// Whole answers (status 200, serialised JSON) of read routes, kept for one data version: between
// two commits the same question from a caller with the same view gets the same bytes, so a
// repeated read costs a map look-up instead of SQL and JSON building.
#ifndef DONDOC_HTTP_BODY_CACHE_H_
#define DONDOC_HTTP_BODY_CACHE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/task.h"
#include "http/message.h"

namespace dondoc::http {

struct CachedBody {
  // JSON; Put adds its gzip form when it is worth making (NegotiateEncoding sends that one).
  SharedBody body;
  // For answers about one task: the task, so that each caller's right to see it is checked
  // on a hit (app::CanSeeTask) instead of being part of the key.
  std::optional<domain::Task> task;
};

// Key → body for one data version at a time: a Put of a newer version drops every older entry;
// a Get or Put of an older version finds or keeps nothing. Holds at most `max_bytes` of bodies,
// plain and gzip counted: when the next one does not fit, entries taken in no particular order
// go until a quarter of the room is free (dropping all at once made every view miss together,
// a burst that became the benchmark's tail). Thread-safe.
//
// The key must name everything the answer depends on besides the data: the route and its
// parameters, the date used for statuses and the caller's view (app::ReadViewKey) unless the
// entry carries a task to check per caller.
class BodyCache {
 public:
  // `data_version` is Store::DataVersion behind the service; unset: nothing is kept.
  BodyCache(std::function<std::uint64_t()> data_version, size_t max_bytes);

  bool enabled() const { return static_cast<bool>(data_version_); }
  // The current data version; read it before the reads whose answer is Put.
  std::uint64_t Version() const { return data_version_ ? data_version_() : 0; }

  std::shared_ptr<const CachedBody> Get(const std::string& key, std::uint64_t version);
  // Keeps `value`, first adding the gzip form of a body of at least kMinGzipBytes that has none:
  // compressed here, once per answer and version, never on a hit.
  void Put(const std::string& key, std::uint64_t version, std::shared_ptr<const CachedBody> value);
  // The bytes counted against `max_bytes` now.
  size_t bytes();

 private:
  const std::function<std::uint64_t()> data_version_;
  const size_t max_bytes_;
  std::mutex mu_;
  std::uint64_t version_ = 0;  // guarded by mu_
  size_t bytes_ = 0;           // guarded by mu_
  struct Entry {
    std::shared_ptr<const CachedBody> value;
    size_t size = 0;  // counted against max_bytes_
  };
  std::unordered_map<std::string, Entry> entries_;  // guarded by mu_
};

// The answer to a route whose 200 body depends only on `key` and the data: from `cache` when
// present at the current version, else `h()`, kept when its status is 200 and `keep` (if set)
// still holds after it (say, the day named in the key has not ended meanwhile).
Response CachedJson(BodyCache& cache, const std::string& key, const std::function<Response()>& h,
                    const std::function<bool()>& keep = nullptr);

// A 200 JSON answer with `body` as it is (and its gzip form, if it carries one).
Response JsonBody(SharedBody body);
// `res` with its body moved into a shared string (for a cache), answering as before.
SharedBody ShareBody(Response& res);
// `value` with the gzip form of its body added when that is worth it (at least kMinGzipBytes and
// smaller once compressed); `value` itself when not, or when it has one.
std::shared_ptr<const CachedBody> WithGzip(std::shared_ptr<const CachedBody> value);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_BODY_CACHE_H_
