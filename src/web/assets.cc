#include "web/assets.h"

#include <algorithm>

#include "web/assets_table.h"

namespace dondoc::web {

std::span<const Asset> AllAssets() {
  return {internal::kAssets, static_cast<size_t>(internal::kAssetCount)};
}

const Asset* FindAsset(std::string_view path) {
  auto all = AllAssets();
  auto it = std::lower_bound(all.begin(), all.end(), path,
                             [](const Asset& a, std::string_view p) { return a.path < p; });
  if (it == all.end() || it->path != path) return nullptr;
  return &*it;
}

}  // namespace dondoc::web
