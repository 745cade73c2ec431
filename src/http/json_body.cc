#include "http/json_body.h"

#include <algorithm>

namespace dondoc::http {

int JsonNestingDepth(std::string_view text) {
  int depth = 0;
  int max_depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

Result<nlohmann::json> ParseJson(std::string_view body, int max_depth) {
  if (JsonNestingDepth(body) > max_depth) {
    return Status::InvalidArgument("the JSON body is nested too deeply");
  }
  try {
    nlohmann::json j = nlohmann::json::parse(body.begin(), body.end(), nullptr,
                                             /*allow_exceptions=*/false);
    if (j.is_discarded()) return Status::InvalidArgument("the request body is not valid JSON");
    return j;
  } catch (const std::exception&) {
    return Status::InvalidArgument("the request body is not valid JSON");
  }
}

}  // namespace dondoc::http
