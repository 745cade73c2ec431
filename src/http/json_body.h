// Parsing request bodies as JSON, with a nesting limit.
#ifndef DONDOC_HTTP_JSON_BODY_H_
#define DONDOC_HTTP_JSON_BODY_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "base/status.h"

namespace dondoc::http {

inline constexpr int kMaxJsonDepth = 32;

// Parses `body` as one JSON value. Fails (InvalidArgument) when the text is not JSON, not
// valid UTF-8, or nests arrays and objects deeper than `max_depth`. Never throws.
Result<nlohmann::json> ParseJson(std::string_view body, int max_depth = kMaxJsonDepth);

// Depth of the deepest array/object nesting in `text`, counting brackets outside strings.
int JsonNestingDepth(std::string_view text);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_JSON_BODY_H_
