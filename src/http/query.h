// Query strings and percent-encoding.
#ifndef DONDOC_HTTP_QUERY_H_
#define DONDOC_HTTP_QUERY_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "http/message.h"

namespace dondoc::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). Fails on a malformed escape,
// on a decoded NUL byte and on a result that is not valid UTF-8.
Result<std::string> PercentDecode(std::string_view s, bool plus_is_space);

// Parses "a=1&b=x%20y". Empty pieces are skipped; a name without '=' gets an empty value.
// Fails (InvalidArgument) on bad escapes, invalid UTF-8 or more than `max_params` parameters.
Result<QueryParams> ParseQuery(std::string_view query, size_t max_params = 64);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_QUERY_H_
