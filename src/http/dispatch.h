// Request dispatch: query parsing, route matching, 404/405, and the exception boundary.
#ifndef DONDOC_HTTP_DISPATCH_H_
#define DONDOC_HTTP_DISPATCH_H_

#include "http/message.h"
#include "http/router.h"

namespace dondoc::http {

// Answers `req` with the matching route of `router`: 400 `bad_query` for a malformed query
// string or path, 404 `not_found` for an unknown path, 405 `method_not_allowed` (with Allow)
// for a known path with another method. An exception thrown by a handler is logged and
// becomes 500 `internal`; its text never reaches the client.
Response Dispatch(const Router& router, Request& req);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_DISPATCH_H_
