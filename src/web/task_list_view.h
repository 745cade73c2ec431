// The task list page: its filters as they travel in the URL, and the page's data.
#ifndef DONDOC_WEB_TASK_LIST_VIEW_H_
#define DONDOC_WEB_TASK_LIST_VIEW_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/ids.h"
#include "domain/notice_record.h"
#include "domain/task.h"
#include "domain/unit.h"
#include "http/message.h"
#include "text/date.h"

namespace dondoc::web {

// The filters, sort and page of a task list, all kept in the URL so a view can be bookmarked.
// Unknown or malformed values are dropped (a filter that cannot be read is not applied).
struct TaskListQuery {
  std::string q;
  std::optional<domain::Id> unit;
  std::string role;    // "" | "lead" | "support"
  std::string status;  // "" or a code of domain/status.h
  bool overdue = false;
  std::optional<text::Date> due_after;
  std::optional<text::Date> due_before;
  std::optional<domain::Id> notice;
  std::optional<domain::Id> field;
  std::string sort = "due";  // "due" | "due_desc" | "new" | "updated" | "notice"
  int page = 1;              // 1-based
  int page_size = 25;

  static TaskListQuery FromParams(const http::QueryParams& params);
  // "q=…&unit=3&…" with only the set values; `page` replaces the page number when > 0.
  std::string ToQueryString(int page = 0) const;
};

// Unit and notice names by id, for showing ids as words.
struct Names {
  std::map<domain::Id, std::string> units;
  std::map<domain::Id, std::string> notices;  // "406/TB-UBND"

  static Names Of(const std::vector<domain::Unit>& units,
                  const std::vector<domain::Notice>& notices);
  std::string Unit(domain::Id id) const;
};

// One task as a row: {id, href, ref, text, notice, lead[{id,name}], support[…], due, every,
// status{code,label,short,css}, overdue, progress}.
nlohmann::json TaskRowJson(const domain::Task& t, const Names& names, text::Date as_of);

// What the page lists; `tasks` is the current page only.
struct TaskListData {
  std::string heading = "Danh sách nhiệm vụ";
  std::string action = "/tasks";  // the page's own path
  TaskListQuery query;
  std::vector<domain::Task> tasks;
  long total = 0;
  text::Date as_of;
  bool show_unit_filter = true;
  std::vector<domain::Unit> units;      // filter choices
  std::vector<domain::Field> fields;    // filter choices (may be empty)
  std::vector<domain::Notice> notices;  // filter choices (may be empty)
  Names names;
};

// Data for templates/tasks.mustache (and tasks_results.mustache).
nlohmann::json TaskListJson(const TaskListData& d);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_TASK_LIST_VIEW_H_
