// Shared by the task pages and the exports: the store filter of a task-list URL, and the names
// a caller may read.
#ifndef DONDOC_WEB_TASK_QUERIES_H_
#define DONDOC_WEB_TASK_QUERIES_H_

#include <vector>

#include "app/service.h"
#include "web/task_list_view.h"

namespace dondoc::web {

// The store filter for `q` as of `today` (one page of q.page_size rows).
store::TaskFilter FilterOf(const TaskListQuery& q, text::Date today);

// Unit and (active) notice names the caller may read; refusals give empty lists. The lists
// themselves are returned through the optional out-parameters.
Names NamesFor(app::Service& s, const app::Caller& caller, std::vector<domain::Unit>* units_out,
               std::vector<domain::Notice>* notices_out);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_TASK_QUERIES_H_
