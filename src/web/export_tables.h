// The tables the pages export to XLSX: a task list and scorecards, with Vietnamese headers and
// a title saying what was exported and as of when.
#ifndef DONDOC_WEB_EXPORT_TABLES_H_
#define DONDOC_WEB_EXPORT_TABLES_H_

#include <string>
#include <vector>

#include "domain/scorecard.h"
#include "domain/task.h"
#include "export/table.h"
#include "web/task_list_view.h"

namespace dondoc::web {

// `filters` describes the filters in words ("Tình trạng: Quá hạn"); `exported_at` is the
// instant of the export.
exports::Table TaskTable(const std::vector<domain::Task>& tasks, const Names& names,
                         text::Date as_of, const std::string& filters,
                         domain::Timestamp exported_at);

exports::Table ScorecardTable(const std::vector<domain::ScoreRow>& rows,
                              const std::map<domain::Id, std::string>& names,
                              const std::string& key_header, text::Date as_of,
                              domain::Timestamp exported_at);

// The filters of `q` in words, "" when none.
std::string DescribeFilters(const TaskListQuery& q, const Names& names);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_EXPORT_TABLES_H_
