// The OpenAPI 3 description of a router, generated from its own route table.
#ifndef DONDOC_HTTP_OPENAPI_H_
#define DONDOC_HTTP_OPENAPI_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "http/router.h"

namespace dondoc::http {

// One operation per route: summary, tag, path and query parameters, request body and the
// success and error responses. Path parameters named "id" or ending in "_id" are integers.
nlohmann::json BuildOpenApi(const Router& router, std::string_view title, std::string_view version);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_OPENAPI_H_
