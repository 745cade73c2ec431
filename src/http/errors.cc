#include "http/errors.h"

#include <spdlog/spdlog.h>

namespace dondoc::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kUnsupported:
      return 415;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view ErrorCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kPermissionDenied:
      return "forbidden";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kTooLarge:
      return "payload_too_large";
    case StatusCode::kUnsupported:
      return "unsupported_media_type";
    case StatusCode::kResourceExhausted:
      return "too_many_requests";
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
    case StatusCode::kInternal:
      return "internal";
  }
  return "internal";
}

Response ErrorResponse(const Status& status) {
  int http_status = HttpStatusFor(status.code());
  if (http_status >= 500) {
    spdlog::error("event=internal_error detail=\"{}\"", status.ToString());
    return Response::Error(500, "internal", "An internal error occurred; it has been logged.");
  }
  return Response::Error(http_status, ErrorCodeFor(status.code()), status.message());
}

}  // namespace dondoc::http
