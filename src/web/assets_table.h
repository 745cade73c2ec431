// The generated asset table (see embed_assets.py). Only assets.cc and the generated source
// include this.
#ifndef DONDOC_WEB_ASSETS_TABLE_H_
#define DONDOC_WEB_ASSETS_TABLE_H_

#include "web/assets.h"

namespace dondoc::web::internal {

// Sorted by path.
extern const Asset kAssets[];
extern const unsigned long kAssetCount;

}  // namespace dondoc::web::internal

#endif  // DONDOC_WEB_ASSETS_TABLE_H_
