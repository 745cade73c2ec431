#include "http/body_cache.h"

#include "http/compress.h"

namespace dondoc::http {

BodyCache::BodyCache(std::function<std::uint64_t()> data_version, size_t max_bytes)
    : data_version_(std::move(data_version)), max_bytes_(max_bytes) {}

std::shared_ptr<const CachedBody> BodyCache::Get(const std::string& key, std::uint64_t version) {
  if (!enabled()) return nullptr;
  std::lock_guard<std::mutex> l(mu_);
  if (version != version_) return nullptr;
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second.value;
}

void BodyCache::Put(const std::string& key, std::uint64_t version,
                    std::shared_ptr<const CachedBody> value) {
  if (!enabled() || !value || !value->body) return;
  // Keys and the task count too, roughly: they can be as large as small bodies.
  size_t size = key.size() + value->body->size() + (value->task ? 1024 : 0);
  if (size > max_bytes_ / 4) return;   // one answer never takes most of the room
  value = WithGzip(std::move(value));  // outside the lock: ~5 ms for 300 KB
  if (value->body.gzip()) size += value->body.gzip()->size();
  if (size > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> l(mu_);
  if (version < version_) return;
  if (version > version_) {
    entries_.clear();
    bytes_ = 0;
    version_ = version;
  }
  if (bytes_ + size > max_bytes_) {
    for (auto it = entries_.begin(); it != entries_.end() && bytes_ + size > max_bytes_ * 3 / 4;) {
      bytes_ -= it->second.size;
      it = entries_.erase(it);
    }
  }
  auto [it, inserted] = entries_.try_emplace(key, Entry{value, size});
  if (!inserted) return;  // a concurrent miss put the same answer
  bytes_ += size;
}

size_t BodyCache::bytes() {
  std::lock_guard<std::mutex> l(mu_);
  return bytes_;
}

Response CachedJson(BodyCache& cache, const std::string& key, const std::function<Response()>& h,
                    const std::function<bool()>& keep) {
  if (!cache.enabled()) return h();
  const std::uint64_t version = cache.Version();
  if (auto hit = cache.Get(key, version)) return JsonBody(hit->body);
  Response res = h();
  if (res.status == 200 && res.headers.empty() && res.content_type == "application/json" &&
      (!keep || keep())) {
    // Compressed before the Put so that this answer goes out with the same gzip bytes.
    auto entry =
        WithGzip(std::make_shared<const CachedBody>(CachedBody{ShareBody(res), std::nullopt}));
    cache.Put(key, version, entry);
    return JsonBody(entry->body);
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

std::shared_ptr<const CachedBody> WithGzip(std::shared_ptr<const CachedBody> value) {
  const SharedBody& body = value->body;
  if (!body || body.gzip() || body->size() < kMinGzipBytes) return value;
  std::string z = Gzip(*body);
  if (z.empty() || z.size() >= body->size()) return value;
  return std::make_shared<const CachedBody>(CachedBody{
      SharedBody(body.bytes(), std::make_shared<const std::string>(std::move(z))), value->task});
}

}  // namespace dondoc::http
