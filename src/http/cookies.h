// Cookie header parsing and Set-Cookie formatting.
#ifndef DONDOC_HTTP_COOKIES_H_
#define DONDOC_HTTP_COOKIES_H_

#include <optional>
#include <string>
#include <string_view>

namespace dondoc::http {

// The value of cookie `name` in a Cookie header ("a=1; b=2"), if present. Quotes around the
// value are removed; values are not percent-decoded.
std::optional<std::string> FindCookie(std::string_view cookie_header, std::string_view name);

struct CookieOptions {
  long max_age_seconds = -1;  // < 0: a session cookie; 0: delete
  bool secure = false;
  std::string same_site = "Lax";
};

// "name=value; Path=/; HttpOnly; SameSite=Lax[; Max-Age=N][; Secure]".
// REQUIRES: name and value hold only cookie-safe characters (tokens, base64url, hex).
std::string FormatSetCookie(std::string_view name, std::string_view value,
                            const CookieOptions& options);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_COOKIES_H_
