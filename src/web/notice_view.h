// The review screen of an imported notice: the text with its tasks highlighted and units
// marked, the editable tasks, figures, unknown units; and the notices list.
#ifndef DONDOC_WEB_NOTICE_VIEW_H_
#define DONDOC_WEB_NOTICE_VIEW_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/service.h"

namespace dondoc::web {

// Data for templates/review.mustache. `units` is the directory (names for the autocomplete and
// for ids). Unit mentions, figures and warnings come from the notice's extraction JSON; a
// malformed one is ignored. `unknown` (Service::ListUnknownUnits) are listed, each with the forms
// that add it to the directory when `can_add_units` and the notice is a draft.
nlohmann::json ReviewJson(const app::NoticeView& view, const std::vector<domain::Unit>& units,
                          const std::vector<app::UnknownUnit>& unknown, bool can_add_units);

// Data for templates/notices.mustache.
nlohmann::json NoticeListJson(const std::vector<domain::Notice>& notices);

// Unit ids for names separated by ';' (or ','), matched to names and aliases ignoring case,
// spaces and tone placement (app::UnitKey); `unknown` gets the names that match nothing.
std::vector<domain::Id> UnitIdsOf(std::string_view names, const std::vector<domain::Unit>& units,
                                  std::vector<std::string>* unknown);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_NOTICE_VIEW_H_
