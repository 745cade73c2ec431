#include "web/admin_support.h"

#include <functional>

namespace dondoc::web::admin {

using nlohmann::json;

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::string piece;
  auto flush = [&] {
    size_t b = piece.find_first_not_of(" \t\r\n");
    size_t e = piece.find_last_not_of(" \t\r\n");
    if (b != std::string::npos) out.push_back(piece.substr(b, e - b + 1));
    piece.clear();
  };
  for (char ch : s) {
    if (ch == ',' || ch == ';') {
      flush();
    } else {
      piece.push_back(ch);
    }
  }
  flush();
  return out;
}

std::map<domain::Id, int> UnitDepths(const std::vector<domain::Unit>& units) {
  // Walks each unit's parents (not relying on the list's order); the walk stops at a missing
  // parent and after units.size() steps, so a bad row cannot loop.
  std::map<domain::Id, std::optional<domain::Id>> parent;
  for (const auto& u : units) parent[u.id] = u.parent_id;
  std::map<domain::Id, int> depth;
  for (const auto& u : units) {
    int d = 0;
    std::optional<domain::Id> p = u.parent_id;
    while (p && parent.count(*p) && d < static_cast<int>(units.size())) {
      ++d;
      p = parent[*p];
    }
    depth[u.id] = d;
  }
  return depth;
}

std::vector<const domain::Unit*> TreeOrder(const std::vector<domain::Unit>& units) {
  std::map<std::optional<domain::Id>, std::vector<const domain::Unit*>> children;
  std::set<domain::Id> present;
  for (const auto& u : units) present.insert(u.id);
  for (const auto& u : units) {
    children[u.parent_id && present.count(*u.parent_id) ? u.parent_id : std::nullopt].push_back(&u);
  }
  std::vector<const domain::Unit*> out;
  std::set<domain::Id> seen;  // the store forbids cycles; this keeps a bad row from looping
  std::function<void(std::optional<domain::Id>)> walk = [&](std::optional<domain::Id> p) {
    auto it = children.find(p);
    if (it == children.end()) return;
    for (const auto* u : it->second) {
      if (!seen.insert(u->id).second) continue;
      out.push_back(u);
      walk(u->id);
    }
  };
  walk(std::nullopt);
  return out;
}

json UnitChoices(const std::vector<domain::Unit>& units, const std::set<domain::Id>& selected,
                 const std::set<domain::Id>& hidden) {
  std::map<domain::Id, int> depth = UnitDepths(units);
  json out = json::array();
  for (const auto* u : TreeOrder(units)) {
    if (hidden.count(u->id)) continue;
    std::string indent;
    for (int i = 0; i < depth[u->id]; ++i) indent += "\u00A0\u00A0\u00A0";
    out.push_back({{"id", u->id},
                   {"name", u->name},
                   {"label", indent + u->name},
                   {"depth", depth[u->id]},
                   {"selected", selected.count(u->id) > 0}});
  }
  return out;
}

std::string AdminMessage(const Status& st) {
  return st.code() == StatusCode::kInvalidArgument ? st.message() : VietnameseMessage(st);
}

http::Response AdminView(PageCall& c, const std::string& title, const std::string& body,
                         const json& data, std::optional<Flash> flash, int status) {
  PageSpec spec;
  spec.title = title;
  spec.active = "/admin";
  spec.body = body;
  spec.flash = std::move(flash);
  return HtmlResponse(RenderPage(&c.viewer, spec, data), status);
}

}  // namespace dondoc::web::admin
