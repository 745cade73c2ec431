// Builds the SQL of ListTasks from a TaskFilter. Internal to store/.
#ifndef DONDOC_STORE_TASK_QUERY_H_
#define DONDOC_STORE_TASK_QUERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/status.h"
#include "store/db.h"
#include "store/store.h"

namespace dondoc::store {

using SqlParam = std::variant<std::int64_t, std::string>;

// SQL text with `?` placeholders and the values to bind to them, in order. Build it with chained
// calls (`p.S("a = ").V(x).S(" AND b = ").V(y)`), which C++17 evaluates left to right.
struct SqlParts {
  std::string sql;
  std::vector<SqlParam> params;

  SqlParts& S(std::string_view text) {
    sql += text;
    return *this;
  }
  SqlParts& V(std::int64_t v);  // appends "?" bound to v
  SqlParts& V(std::string v);   // appends "?" bound to v
  SqlParts& Append(const SqlParts& other);
  void BindAll(Stmt& s, int first = 1) const;
};

// The conditions below read the columns status, due, done_date and start_date of the table
// aliased `t` (tasks, or task_units which carries copies of them).

// Appends the condition for a derived state as of a date; see domain/status.h.
void AppendStateCondition(domain::TaskState state, const std::string& as_of, SqlParts* p);
// Appends the condition "overdue as of a date" (domain::IsOverdue).
void AppendOverdueCondition(const std::string& as_of, SqlParts* p);
// Appends the condition "done by as_of" (domain::DoneBy).
void AppendDoneBy(const std::string& as_of, SqlParts* p);

// ListTasks as two statements, each with its parameters: `count` gives the number of matching
// tasks, `page` the rows of one page (kTaskCols of alias t).
//
// When several units drive the query, a task may match through more than one of them; SQL
// DISTINCT over thousands of rows is slow, so then `candidates` is set instead: it yields
// (task_id, due, notice_id, updated_at) per matching (task, unit) row, unordered, and the
// caller deduplicates, sorts with TaskLess and reads the page's tasks.
struct TaskQuery {
  SqlParts count;
  SqlParts page;
  bool use_candidates = false;
  SqlParts candidates;
};

struct TaskKey {
  Id id = 0;
  std::string due;  // "" when none
  Id notice_id = 0;
  std::int64_t updated_at = 0;
};
// The order of `sort`, as the SQL ORDER BY of the other paths.
bool TaskLess(TaskSort sort, const TaskKey& a, const TaskKey& b);
// `sub_unit_ids` is the expansion of f.unit_id (empty when unset or without sub-units).
TaskQuery BuildTaskQuery(Id tenant_id, const TaskFilter& f, const std::vector<Id>& sub_unit_ids,
                         int limit, int offset);

}  // namespace dondoc::store

#endif  // DONDOC_STORE_TASK_QUERY_H_
