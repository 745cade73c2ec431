#include "http/query.h"

#include "text/utf8.h"

namespace dondoc::http {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) {
        return Status::InvalidArgument("malformed percent-escape in the URL");
      }
      int hi = HexValue(s[i + 1]);
      int lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return Status::InvalidArgument("malformed percent-escape in the URL");
      char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') return Status::InvalidArgument("NUL byte in the URL");
      out.push_back(decoded);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!text::IsValidUtf8(out)) return Status::InvalidArgument("the URL is not valid UTF-8");
  return out;
}

Result<QueryParams> ParseQuery(std::string_view query, size_t max_params) {
  QueryParams params;
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view piece = query.substr(pos, amp - pos);
    pos = amp + 1;
    if (piece.empty()) continue;
    if (params.size() >= max_params) {
      return Status::InvalidArgument("too many query parameters");
    }
    size_t eq = piece.find('=');
    std::string_view name = piece.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? "" : piece.substr(eq + 1);
    DONDOC_ASSIGN_OR_RETURN(std::string n, PercentDecode(name, true));
    DONDOC_ASSIGN_OR_RETURN(std::string v, PercentDecode(value, true));
    params.emplace_back(std::move(n), std::move(v));
  }
  return params;
}

}  // namespace dondoc::http
