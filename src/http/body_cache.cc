#include "http/body_cache.h"

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
  std::string z = Gzip(*body, CachedGzipLevel(body->size()));
  if (z.empty() || z.size() >= body->size()) return body;
  return SharedBody(body.bytes(), std::make_shared<const std::string>(std::move(z)));
}

}  // namespace

SharedBody BodyCache::Get(const std::string& key, std::uint64_t version) {
  if (!enabled()) return SharedBody();
  std::lock_guard<std::mutex> l(mu_);
  if (version != version_) return SharedBody();
  auto it = index_.find(key);
  if (it == index_.end()) return SharedBody();
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->body;
}

SharedBody BodyCache::Put(const std::string& key, std::uint64_t version, SharedBody body) {
  if (!enabled() || !body) return body;
  // Outside the lock: ~4 ms for a 300 KB scorecard.
  body = WithGzip(body);
  // Keys count too: they can be as large as small bodies.
  size_t size = 2 * key.size() + body->size();
  if (body.gzip()) size += body.gzip()->size();
  if (size > max_bytes_ / 4) return body;  // one answer never takes most of the room
  std::lock_guard<std::mutex> l(mu_);
  if (version < version_) return body;
  if (version > version_) {
    index_.clear();
    lru_.clear();
    bytes_ = 0;
    version_ = version;
  }
  if (index_.contains(key)) return body;  // a concurrent miss put the same answer
  EvictFor(size);
  lru_.push_front(Entry{key, body, size});
  index_.emplace(lru_.front().key, lru_.begin());
  bytes_ += size;
  return body;
}

void BodyCache::EvictFor(size_t incoming) {
  while (bytes_ + incoming > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().size;
    index_.erase(lru_.back().key);
    lru_.pop_back();
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
    // This answer goes out in the form kept (NegotiateEncoding sends the gzip it carries).
    res.shared_body = cache.Put(key, version, ShareBody(res));
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
