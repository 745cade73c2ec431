#include "web/static_files.h"

#include "http/compress.h"
#include "web/assets.h"

namespace dondoc::web {
namespace {

constexpr std::string_view kPrefix = "/static/";

// True when `header` (an If-None-Match value) lists `etag` or is "*".
bool EtagMatches(std::string_view header, std::string_view etag) {
  if (header.empty()) return false;
  if (header == "*") return true;
  size_t pos = 0;
  while (pos < header.size()) {
    size_t comma = header.find(',', pos);
    std::string_view item =
        header.substr(pos, comma == std::string_view::npos ? header.npos : comma - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return false;
}

}  // namespace

std::string StaticUrl(std::string_view name) {
  std::string path = "static/" + std::string(name);
  const Asset* a = FindAsset(path);
  if (a == nullptr) return "";
  std::string_view tag = a->etag.substr(1, 10);
  return "/" + path + "?v=" + std::string(tag);
}

http::Response ServeStatic(const http::Request& req) {
  http::Response res;
  std::string_view path = req.path;
  const Asset* a = nullptr;
  if (path.starts_with(kPrefix) && path.find("..") == std::string_view::npos) {
    a = FindAsset(path.substr(1));
  }
  if (a == nullptr) {
    res.status = 404;
    res.content_type = "text/plain; charset=utf-8";
    res.body = "Không tìm thấy tệp.";
    return res;
  }
  res.content_type = std::string(a->content_type);
  res.headers.emplace_back("ETag", std::string(a->etag));
  res.headers.emplace_back("Cache-Control", req.query_string.starts_with("v=")
                                                ? "public, max-age=31536000, immutable"
                                                : "no-cache");
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  // Vary on every compressible type, also those whose gzip is empty (not worth it): it tells the
  // server (http::MayGzip) that the encoding is chosen here, from the gzip made at build time.
  if (!a->gzip.empty() || http::IsCompressibleType(a->content_type)) {
    res.headers.emplace_back("Vary", "Accept-Encoding");
  }
  if (EtagMatches(req.Header("if-none-match"), a->etag)) {
    res.status = 304;
    return res;
  }
  if (!a->gzip.empty() && http::AcceptsGzip(req.Header("accept-encoding"))) {
    res.headers.emplace_back("Content-Encoding", "gzip");
    res.body = std::string(a->gzip);
  } else {
    res.body = std::string(a->data);
  }
  return res;
}

void AddStaticRoutes(http::Router& router) {
  http::RouteDoc doc;
  doc.summary = "Embedded CSS, JavaScript and images of the web pages";
  doc.tag = "web";
  doc.public_route = true;
  auto handler = [](http::Request& req) { return ServeStatic(req); };
  router.Add("GET", "/static/{name}", doc, handler);
  router.Add("GET", "/static/vendor/{name}", doc, handler);
}

}  // namespace dondoc::web
