// The files of web/ (templates, CSS, JS, vendored libraries), built into the program by
// src/web/embed_assets.py so that it serves them with no files beside it.
#ifndef DONDOC_WEB_ASSETS_H_
#define DONDOC_WEB_ASSETS_H_

#include <span>
#include <string_view>

namespace dondoc::web {

// One embedded file. Every view points into static storage that lives as long as the program.
struct Asset {
  std::string_view path;          // relative to web/: "static/app.css", "templates/layout.mustache"
  std::string_view content_type;  // "text/css; charset=utf-8"
  std::string_view data;          // the bytes as in the source tree
  std::string_view gzip;          // the same bytes gzip-compressed; empty when not worth it
  std::string_view etag;          // strong ETag, quotes included: "\"3fa2…\""
};

// The asset at `path` (relative to web/), or nullptr.
const Asset* FindAsset(std::string_view path);

// Every asset, sorted by path.
std::span<const Asset> AllAssets();

}  // namespace dondoc::web

#endif  // DONDOC_WEB_ASSETS_H_
