// Whole answers (status 200, serialised JSON) of read routes, kept for one data version: between
// two commits the same question from a caller with the same view gets the same bytes, so a
// repeated read costs a map look-up instead of SQL and JSON building.
#ifndef DONDOC_HTTP_BODY_CACHE_H_
#define DONDOC_HTTP_BODY_CACHE_H_

#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/message.h"

namespace dondoc::http {

// Key → body for one data version at a time: a Put of a newer version drops every older entry;
// a Get or Put of an older version finds or keeps nothing. Holds at most `max_bytes` of bodies,
// plain and gzip counted; when the next one does not fit, the least recently used entries go,
// one at a time (dropping all at once made every view miss together, a burst that became the
// benchmark's tail). Thread-safe.
//
// Compression: Put adds the gzip form of a body worth compressing, at CachedGzipLevel, on the
// thread that made the answer (an answer-cache miss runs off the I/O threads); every hit sends that
// form as it is. Compressing on the first hit instead put ~1,000 compressions on the I/O threads
// in the first second after a start.
//
// The key must name everything the answer depends on besides the data: the route and its
// parameters, the date used for statuses and the caller's view (app::ReadViewKey).
class BodyCache {
 public:
  // `data_version` is Store::DataVersion behind the service; unset: nothing is kept.
  BodyCache(std::function<std::uint64_t()> data_version, size_t max_bytes);

  bool enabled() const { return static_cast<bool>(data_version_); }
  // The current data version; read it before the reads whose answer is Put.
  std::uint64_t Version() const { return data_version_ ? data_version_() : 0; }

  // The body of `key` at `version`, now the most recently used; empty when there is none.
  SharedBody Get(const std::string& key, std::uint64_t version);
  // Keeps `body` with its gzip form when worth it (kMinGzipBytes, smaller once compressed); an
  // entry kept already under `key` stays. Returns that form of `body`, kept or not.
  SharedBody Put(const std::string& key, std::uint64_t version, SharedBody body);
  // The bytes counted against `max_bytes` now.
  size_t bytes();

 private:
  struct Entry {
    std::string key;
    SharedBody body;
    size_t size = 0;  // counted against max_bytes_
  };
  using Lru = std::list<Entry>;  // most recently used first

  // Drops least recently used entries until `bytes_ + incoming` fits. mu_ held.
  void EvictFor(size_t incoming);

  const std::function<std::uint64_t()> data_version_;
  const size_t max_bytes_;
  std::mutex mu_;
  std::uint64_t version_ = 0;  // guarded by mu_
  size_t bytes_ = 0;           // guarded by mu_
  Lru lru_;                    // guarded by mu_
  // Views of the keys held by lru_'s nodes, which do not move.
  std::unordered_map<std::string_view, Lru::iterator> index_;  // guarded by mu_
};

// The answer to a route whose 200 body depends only on `key` and the data: from `cache` when
// present at the current version, else `h()`, kept when its status is 200 and `keep` (if set)
// still holds after it (say, the day named in the key has not ended meanwhile), with its gzip
// form as Put makes it. A miss on a server's I/O thread answers Response::Offload() instead of
// calling `h` there (http/offload.h).
Response CachedJson(BodyCache& cache, const std::string& key, const std::function<Response()>& h,
                    const std::function<bool()>& keep = nullptr);

// A 200 JSON answer with `body` as it is (and its gzip form, if it carries one).
Response JsonBody(SharedBody body);
// `res` with its body moved into a shared string (for a cache), answering as before.
SharedBody ShareBody(Response& res);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_BODY_CACHE_H_
