// The page of one task: its words in the notice, units, deadline and history, reports, files,
// comments, and the actions the caller's role allows.
#ifndef DONDOC_WEB_TASK_PAGE_VIEW_H_
#define DONDOC_WEB_TASK_PAGE_VIEW_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app/service.h"
#include "web/task_list_view.h"

namespace dondoc::web {

struct TaskActions {
  bool report = false;    // report progress (lead or support unit)
  bool complete = false;  // report completion (lead unit)
  bool extend = false;    // request an extension (lead unit)
  bool comment = false;
  bool review = false;            // confirm or return a completion report (office)
  bool decide_extension = false;  // approve or refuse extensions (office)
};

// The actions `caller` may take on `task` now.
TaskActions ActionsFor(const app::Caller& caller, const domain::Task& task);

struct TaskPageData {
  app::TaskView view;
  app::TaskPassage passage;  // empty text: no passage to show
  Names names;
  std::map<domain::Id, std::string> users;  // user id → display name (may be empty)
  TaskActions actions;
  text::Date as_of;
};

// Data for templates/task.mustache.
nlohmann::json TaskPageJson(const TaskPageData& d);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_TASK_PAGE_VIEW_H_
