// What the administration pages (pages_admin.cc, admin_*.cc) share: route docs, ids and lists
// from form fields, unit choices indented by their depth in the tree, and the registration of
// each group of admin routes.
#ifndef DONDOC_WEB_ADMIN_SUPPORT_H_
#define DONDOC_WEB_ADMIN_SUPPORT_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/service.h"
#include "http/router.h"
#include "web/page_support.h"

namespace dondoc::web::admin {

// Pieces of a list typed by hand, split at ',' and ';', trimmed, empty pieces dropped.
std::vector<std::string> SplitList(const std::string& s);

// Depth of each unit in the tree (0 for a root). `units` as ListUnits returns them.
std::map<domain::Id, int> UnitDepths(const std::vector<domain::Unit>& units);

// Choices for a <select> or a checkbox list, in tree order, each label indented by its depth:
// [{id, name, label, depth, selected}]. Units in `hidden` are left out.
nlohmann::json UnitChoices(const std::vector<domain::Unit>& units,
                           const std::set<domain::Id>& selected,
                           const std::set<domain::Id>& hidden = {});

// The units in tree order (each parent followed by its sub-units), `units` as ListUnits
// returns them.
std::vector<const domain::Unit*> TreeOrder(const std::vector<domain::Unit>& units);

// The sentence for a refused admin change: the use cases' own reason for bad input (they give
// it in Vietnamese), VietnameseMessage otherwise.
std::string AdminMessage(const Status& st);

// A page of the administration area around the body template `body`.
http::Response AdminView(PageCall& c, const std::string& title, const std::string& body,
                         const nlohmann::json& data, std::optional<Flash> flash = std::nullopt,
                         int status = 200);

// Each group's routes.
void RegisterUnitPages(http::Router& r, app::Service& s);
void RegisterUserPages(http::Router& r, app::Service& s);
void RegisterFieldPages(http::Router& r, app::Service& s);

}  // namespace dondoc::web::admin

#endif  // DONDOC_WEB_ADMIN_SUPPORT_H_
