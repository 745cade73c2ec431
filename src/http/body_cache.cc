#include "http/body_cache.h"

namespace dondoc::http {

BodyCache::BodyCache(std::function<std::uint64_t()> data_version, size_t max_bytes)
    : data_version_(std::move(data_version)), max_bytes_(max_bytes) {}

std::shared_ptr<const CachedBody> BodyCache::Get(const std::string& key, std::uint64_t version) {
  if (!enabled()) return nullptr;
  std::lock_guard<std::mutex> l(mu_);
  if (version != version_) return nullptr;
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

void BodyCache::Put(const std::string& key, std::uint64_t version,
                    std::shared_ptr<const CachedBody> value) {
  if (!enabled() || !value || !value->body) return;
  // Keys and the task count too, roughly: they can be as large as small bodies.
  const size_t size = key.size() + value->body->size() + (value->task ? 1024 : 0);
  if (size > max_bytes_ / 4) return;  // one answer never takes most of the room
  std::lock_guard<std::mutex> l(mu_);
  if (version < version_) return;
  if (version > version_ || bytes_ + size > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
    version_ = version;
  }
  auto [it, inserted] = entries_.try_emplace(key, value);
  if (!inserted) return;  // a concurrent miss put the same answer
  bytes_ += size;
}

Response CachedJson(BodyCache& cache, const std::string& key, const std::function<Response()>& h,
                    const std::function<bool()>& keep) {
  if (!cache.enabled()) return h();
  const std::uint64_t version = cache.Version();
  if (auto hit = cache.Get(key, version)) return JsonBody(hit->body);
  Response res = h();
  if (res.status == 200 && res.headers.empty() && res.content_type == "application/json" &&
      (!keep || keep())) {
    cache.Put(key, version,
              std::make_shared<const CachedBody>(CachedBody{ShareBody(res), std::nullopt}));
  }
  return res;
}

Response JsonBody(std::shared_ptr<const std::string> body) {
  Response r;
  r.status = 200;
  r.shared_body = std::move(body);
  return r;
}

std::shared_ptr<const std::string> ShareBody(Response& res) {
  if (!res.shared_body) {
    res.shared_body = std::make_shared<const std::string>(std::move(res.body));
    res.body.clear();
  }
  return res.shared_body;
}

}  // namespace dondoc::http
