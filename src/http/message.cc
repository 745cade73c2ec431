#include "http/message.h"

#include <nlohmann/json.hpp>

namespace dondoc::http {

namespace {
const std::string kEmpty;
}  // namespace

const std::string& Request::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? kEmpty : it->second;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

const std::string& Request::Param(std::string_view name) const {
  auto it = params.find(std::string(name));
  return it == params.end() ? kEmpty : it->second;
}

Response Response::Json(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  // Replace invalid UTF-8 rather than throw: stored text is validated on the way in.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::Error(int status, std::string_view code, std::string_view message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  return Json(status, j);
}

Response Response::Offload() {
  Response r;
  r.status = 0;
  r.offload = true;
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace dondoc::http
