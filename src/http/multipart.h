// multipart/form-data bodies (RFC 7578) and media-type headers.
#ifndef DONDOC_HTTP_MULTIPART_H_
#define DONDOC_HTTP_MULTIPART_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dondoc::http {

struct MediaType {
  std::string type;                           // lower-case "multipart/form-data"
  std::map<std::string, std::string> params;  // names lower-case, quotes removed
};

// Parses a Content-Type value such as `multipart/form-data; boundary="x y"`.
MediaType ParseMediaType(std::string_view value);

struct FormPart {
  std::string name;
  std::string filename;      // "" when the part is not a file
  std::string content_type;  // "" when not given
  std::string data;
};

// Parses `body` with the boundary of `content_type`. Fails (InvalidArgument) on a missing
// boundary, a truncated body or more than `max_parts` parts.
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body,
                                             size_t max_parts = 32);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_MULTIPART_H_
