#include "http/router.h"

#include <algorithm>

namespace dondoc::http {

namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t pos = 1;  // skip the leading '/'
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    out.emplace_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::Add(std::string method, std::string pattern, RouteDoc doc, Handler handler) {
  Route r;
  r.method = std::move(method);
  r.segments = Split(pattern);
  r.pattern = std::move(pattern);
  r.handler = std::move(handler);
  r.doc = std::move(doc);
  routes_.push_back(std::move(r));
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match m;
  if (path.empty() || path.front() != '/') return m;
  std::vector<std::string> segments = Split(path);
  // Among routes matching the path, the one with the most literal segments wins.
  int best_literals = -1;
  for (const Route& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    int literals = 0;
    for (size_t i = 0; i < segments.size() && ok; ++i) {
      if (IsParam(r.segments[i])) {
        if (segments[i].empty()) ok = false;
        params[r.segments[i].substr(1, r.segments[i].size() - 2)] = segments[i];
      } else {
        ok = r.segments[i] == segments[i];
        ++literals;
      }
    }
    if (!ok) continue;
    if (r.method == method) {
      if (literals > best_literals) {
        best_literals = literals;
        m.route = &r;
        m.params = std::move(params);
      }
      continue;
    }
    if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) {
      m.allowed.push_back(r.method);
    }
  }
  if (m.route != nullptr) {
    m.kind = Match::Kind::kFound;
    m.allowed.clear();
    return m;
  }
  if (!m.allowed.empty()) m.kind = Match::Kind::kMethodNotAllowed;
  return m;
}

std::vector<std::string> PatternParams(std::string_view pattern) {
  std::vector<std::string> out;
  for (const std::string& s : Split(pattern)) {
    if (IsParam(s)) out.push_back(s.substr(1, s.size() - 2));
  }
  return out;
}

}  // namespace dondoc::http
