#include "http/cookies.h"

namespace dondoc::http {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> FindCookie(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t semi = header.find(';', pos);
    if (semi == std::string_view::npos) semi = header.size();
    std::string_view piece = Trim(header.substr(pos, semi - pos));
    pos = semi + 1;
    size_t eq = piece.find('=');
    if (eq == std::string_view::npos) continue;
    if (Trim(piece.substr(0, eq)) != name) continue;
    std::string_view value = Trim(piece.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

std::string FormatSetCookie(std::string_view name, std::string_view value,
                            const CookieOptions& options) {
  std::string out;
  out.append(name).append("=").append(value).append("; Path=/; HttpOnly; SameSite=");
  out.append(options.same_site);
  if (options.max_age_seconds >= 0) {
    out.append("; Max-Age=").append(std::to_string(options.max_age_seconds));
  }
  if (options.secure) out.append("; Secure");
  return out;
}

}  // namespace dondoc::http
