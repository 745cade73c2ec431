#include "http/body_cache.h"

#include <iterator>

#include "http/compress.h"
#include "http/offload.h"

namespace dondoc::http {

BodyCache::BodyCache(std::function<std::uint64_t()> data_version, size_t max_bytes)
    : data_version_(std::move(data_version)), max_bytes_(max_bytes) {}

namespace {

// `body` with its gzip form added when that is worth it (at least kMinGzipBytes and smaller once
// compressed); `body` itself when not, or when it has one.
SharedBody WithGzip(const SharedBody& body) {
  if (!body || body.gzip() || body->size() < kMinGzipBytes) return body;
  std::string z = Gzip(*body, kGzipLevel);
  if (z.empty() || z.size() >= body->size()) return body;
  return SharedBody(body.bytes(), std::make_shared<const std::string>(std::move(z)));
}

}  // namespace

SharedBody BodyCache::Get(const std::string& key, std::uint64_t version) {
  if (!enabled()) return SharedBody();
  SharedBody hit;
  {
    std::lock_guard<std::mutex> l(mu_);
    if (version != version_) return SharedBody();
    auto it = index_.find(key);
    if (it == index_.end()) return SharedBody();
    lru_.splice(lru_.begin(), lru_, it->second);
    Entry& e = *it->second;
    if (e.gzip_tried) return e.body;
    e.gzip_tried = true;
    hit = e.body;
  }
  // A second ask: the answer is worth compressing well, once (~17 ms for 300 KB at level 6).
  SharedBody gzipped = WithGzip(hit);
  if (gzipped.gzip() != hit.gzip()) AddGzip(key, version, gzipped);
  return gzipped;
}

void BodyCache::AddGzip(const std::string& key, std::uint64_t version, const SharedBody& gzipped) {
  std::lock_guard<std::mutex> l(mu_);
  if (version != version_) return;
  auto it = index_.find(key);
  if (it == index_.end() || it->second->body.bytes() != gzipped.bytes() ||
      it->second->body.gzip()) {
    return;
  }
  const size_t extra = gzipped.gzip()->size();
  EvictFor(extra, it->second);
  Entry& e = *it->second;
  e.body = gzipped;
  e.size += extra;
  bytes_ += extra;
}

void BodyCache::Put(const std::string& key, std::uint64_t version, SharedBody body) {
  if (!enabled() || !body) return;
  // Keys count too: they can be as large as small bodies.
  size_t size = 2 * key.size() + body->size();
  if (body.gzip()) size += body.gzip()->size();
  if (size > max_bytes_ / 4) return;  // one answer never takes most of the room
  std::lock_guard<std::mutex> l(mu_);
  if (version < version_) return;
  if (version > version_) {
    index_.clear();
    lru_.clear();
    bytes_ = 0;
    version_ = version;
  }
  if (index_.contains(key)) return;  // a concurrent miss put the same answer
  EvictFor(size, lru_.end());
  lru_.push_front(Entry{key, std::move(body), size, false});
  index_.emplace(lru_.front().key, lru_.begin());
  bytes_ += size;
}

void BodyCache::EvictFor(size_t incoming, Lru::const_iterator keep) {
  while (bytes_ + incoming > max_bytes_ && !lru_.empty()) {
    auto last = std::prev(lru_.end());
    if (last == keep) {
      if (last == lru_.begin()) return;
      --last;
    }
    bytes_ -= last->size;
    index_.erase(last->key);
    lru_.erase(last);
  }
}

size_t BodyCache::bytes() {
  std::lock_guard<std::mutex> l(mu_);
  return bytes_;
}

Response CachedJson(BodyCache& cache, const std::string& key, const std::function<Response()>& h,
                    const std::function<bool()>& keep) {
  if (!cache.enabled()) return h();
  const std::uint64_t version = cache.Version();
  if (SharedBody hit = cache.Get(key, version)) return JsonBody(std::move(hit));
  if (ShouldOffload()) return Response::Offload();
  Response res = h();
  if (res.status == 200 && res.headers.empty() && res.content_type == "application/json" &&
      (!keep || keep())) {
    // Compressed once, here, at the cache's level, for this answer (NegotiateEncoding sends the
    // form it carries) and every hit: a miss is made off the I/O threads, and compressing on its
    // first hit instead put ~1,000 compressions on the I/O threads in the first second after a
    // start, besides this answer's own at the per-request level.
    res.shared_body = WithGzip(ShareBody(res));
    cache.Put(key, version, res.shared_body);
  }
  return res;
}

Response JsonBody(SharedBody body) {
  Response r;
  r.status = 200;
  r.shared_body = std::move(body);
  return r;
}

SharedBody ShareBody(Response& res) {
  if (!res.shared_body) {
    res.shared_body = std::make_shared<const std::string>(std::move(res.body));
    res.body.clear();
  }
  return res.shared_body;
}

}  // namespace dondoc::http
