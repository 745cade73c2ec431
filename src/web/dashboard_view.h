// The dashboard: counts by status, overdue and due-soon by unit, charts, scorecards.
#ifndef DONDOC_WEB_DASHBOARD_VIEW_H_
#define DONDOC_WEB_DASHBOARD_VIEW_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/scorecard.h"
#include "text/date.h"

namespace dondoc::web {

// Data for templates/scorecard_table.mustache: {key_label, rows[...], has_rows}. Rows keep the
// order given; names from `names` (key → name).
nlohmann::json ScorecardTableJson(const std::vector<domain::ScoreRow>& rows,
                                  const std::map<domain::Id, std::string>& names,
                                  std::string_view key_label);

// A Chart.js configuration as JSON text safe to put inside <script type="application/json">
// (no "<", ">" or "&" characters: they are written as \u escapes).
std::string ScriptJson(const nlohmann::json& j);

// A stacked bar chart of statuses per unit (the `limit` units with the most assigned tasks).
nlohmann::json StatusByUnitChart(const std::vector<domain::ScoreRow>& rows,
                                 const std::map<domain::Id, std::string>& names, size_t limit = 15);

// A line chart of overdue tasks at each date.
nlohmann::json OverdueOverTimeChart(const std::vector<std::pair<text::Date, long>>& points);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_DASHBOARD_VIEW_H_
