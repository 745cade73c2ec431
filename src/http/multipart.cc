#include "http/multipart.h"

#include <algorithm>
#include <cctype>

namespace dondoc::http {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Splits "a; b=c; d=\"e;f\"" on semicolons outside quotes.
std::vector<std::string_view> SplitParams(std::string_view s) {
  std::vector<std::string_view> out;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (s[i] == ';' && !quoted) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

Status Truncated() { return Status::InvalidArgument("the multipart body is malformed"); }

}  // namespace

MediaType ParseMediaType(std::string_view value) {
  MediaType mt;
  std::vector<std::string_view> pieces = SplitParams(value);
  mt.type = Lower(Trim(pieces[0]));
  for (size_t i = 1; i < pieces.size(); ++i) {
    std::string_view p = Trim(pieces[i]);
    size_t eq = p.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view v = Trim(p.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    mt.params[Lower(Trim(p.substr(0, eq)))] = std::string(v);
  }
  return mt;
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body,
                                             size_t max_parts) {
  MediaType mt = ParseMediaType(content_type);
  auto b = mt.params.find("boundary");
  if (mt.type != "multipart/form-data" || b == mt.params.end() || b->second.empty() ||
      b->second.size() > 200) {
    return Status::InvalidArgument("expected multipart/form-data with a boundary");
  }
  const std::string delimiter = "--" + b->second;
  const std::string next_delimiter = "\r\n" + delimiter;

  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return Truncated();
  pos += delimiter.size();
  std::vector<FormPart> parts;
  while (true) {
    if (body.substr(pos, 2) == "--") break;  // closing delimiter
    // Skip transport padding up to the CRLF after the delimiter.
    size_t eol = body.find("\r\n", pos);
    if (eol == std::string_view::npos) return Truncated();
    pos = eol + 2;
    std::string_view headers;
    size_t data_start = 0;
    if (body.substr(pos, 2) == "\r\n") {  // a part with no headers
      data_start = pos + 2;
    } else {
      size_t headers_end = body.find("\r\n\r\n", pos);
      if (headers_end == std::string_view::npos) return Truncated();
      headers = body.substr(pos, headers_end - pos);
      data_start = headers_end + 4;
    }
    if (parts.size() >= max_parts) return Status::InvalidArgument("too many multipart parts");
    FormPart part;
    size_t hpos = 0;
    while (hpos <= headers.size()) {
      size_t hend = headers.find("\r\n", hpos);
      if (hend == std::string_view::npos) hend = headers.size();
      std::string_view line = headers.substr(hpos, hend - hpos);
      hpos = hend + 2;
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string name = Lower(Trim(line.substr(0, colon)));
      std::string_view value = Trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        MediaType cd = ParseMediaType(value);
        part.name = cd.params["name"];
        part.filename = cd.params["filename"];
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    size_t data_end = body.find(next_delimiter, data_start);
    if (data_end == std::string_view::npos) return Truncated();
    part.data = std::string(body.substr(data_start, data_end - data_start));
    parts.push_back(std::move(part));
    pos = data_end + next_delimiter.size();
  }
  return parts;
}

}  // namespace dondoc::http
