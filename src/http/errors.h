// The one place where a Status becomes an HTTP status and the error shape of api-core.md.
#ifndef DONDOC_HTTP_ERRORS_H_
#define DONDOC_HTTP_ERRORS_H_

#include <string_view>

#include "base/status.h"
#include "http/message.h"

namespace dondoc::http {

// The HTTP status for `code` (kOk → 200).
int HttpStatusFor(StatusCode code);
// The snake_case error code for `code` ("not_found", "forbidden", ...).
std::string_view ErrorCodeFor(StatusCode code);

// {"error": {"code", "message"}} with the mapped status. Server-side failures (I/O, corruption,
// internal) are logged and answered with a generic message: their text never reaches a client.
// REQUIRES: !status.ok().
Response ErrorResponse(const Status& status);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_ERRORS_H_
