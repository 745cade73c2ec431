// Serving the embedded files under web/static/ at /static/….
#ifndef DONDOC_WEB_STATIC_FILES_H_
#define DONDOC_WEB_STATIC_FILES_H_

#include <string>
#include <string_view>

#include "http/message.h"
#include "http/router.h"

namespace dondoc::web {

// The URL of static file `name` ("app.css" → "/static/app.css?v=3fa2c1d0"): the version changes
// with the content, so the answer may be cached for a year. "" when there is no such file.
std::string StaticUrl(std::string_view name);

// Answers GET/HEAD /static/<name>: 200 with the bytes (gzip when the client accepts it, with
// Vary), 304 for a matching If-None-Match, 404 otherwise. A request carrying ?v= is cacheable for
// a year (immutable), others must revalidate.
http::Response ServeStatic(const http::Request& req);

// Adds GET /static/{name} and /static/vendor/{name} to `router` (public routes).
void AddStaticRoutes(http::Router& router);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_STATIC_FILES_H_
