// Request and Response: the HTTP messages routes see. Plain data, independent of Boost.Beast,
// so that nothing outside http/ server code depends on the transport.
#ifndef DONDOC_HTTP_MESSAGE_H_
#define DONDOC_HTTP_MESSAGE_H_

#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dondoc::http {

// Query parameters in order of appearance; names and values percent-decoded, valid UTF-8.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string target;                          // as received: "/api/v1/tasks?unit=3"
  std::string path;                            // target before '?', not decoded
  std::string query_string;                    // target after '?', not decoded
  QueryParams query;                           // filled by the dispatcher
  std::map<std::string, std::string> headers;  // names lower-case; repeated headers joined ", "
  std::string body;
  std::string remote_address;                 // "127.0.0.1"
  std::map<std::string, std::string> params;  // path parameters from the route pattern

  // The header's value, or "" when absent. `name` lower-case.
  const std::string& Header(std::string_view name) const;
  // The first value of query parameter `name`, if present.
  std::optional<std::string> Query(std::string_view name) const;
  // The path parameter `name`; "" when the route has none of that name.
  const std::string& Param(std::string_view name) const;
};

// An answer's bytes shared with a cache and the connections writing them, with their gzip form
// beside them when it was made once (so that a cache hit is neither copied nor compressed per
// request). Converts from, and reads like, the std::shared_ptr<const std::string> of the bytes.
class SharedBody {
 public:
  SharedBody() = default;
  // NOLINTNEXTLINE(google-explicit-constructor): stands in for the pointer it replaced.
  SharedBody(std::shared_ptr<const std::string> bytes,
             std::shared_ptr<const std::string> gzip = nullptr)
      : bytes_(std::move(bytes)), gzip_(std::move(gzip)) {}

  const std::shared_ptr<const std::string>& bytes() const { return bytes_; }
  // The bytes gzip-compressed; null when not made (small, not compressible, or not yet).
  const std::shared_ptr<const std::string>& gzip() const { return gzip_; }

  const std::string& operator*() const { return *bytes_; }
  const std::string* operator->() const { return bytes_.get(); }
  explicit operator bool() const { return bytes_ != nullptr; }

 private:
  std::shared_ptr<const std::string> bytes_;
  std::shared_ptr<const std::string> gzip_;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, ...)
  std::string body;
  // Set: the body, shared with a cache (`body` is then empty), so that a large cached answer is
  // neither copied per request nor held once per connection while it is written.
  SharedBody shared_body;
  bool close = false;  // ask the server to close the connection after writing
  // Not an answer: "run this request again on the offload thread" (http/offload.h).
  bool offload = false;

  const std::string& Body() const { return shared_body ? *shared_body : body; }

  static Response Json(int status, const nlohmann::json& body);
  // The error shape of api-core.md: {"error": {"code", "message"}}.
  static Response Error(int status, std::string_view code, std::string_view message);
  static Response NoContent();
  // What a route returns when ShouldOffload() says its slow answer must be made elsewhere.
  static Response Offload();
};

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_MESSAGE_H_
