#include "store/result_cache.h"

#include "store/rows.h"

namespace dondoc::store {

namespace {

// A member added to a filter must join its key below; these fail to compile until it does.
static_assert(sizeof(ScoreFilter) == 64, "ScoreFilterKey must name every ScoreFilter member");
static_assert(sizeof(TaskFilter) == 216, "TaskFilterKey must name every TaskFilter member");

template <typename T>
std::string Opt(const std::optional<T>& v) {
  if (!v) return "-";
  if constexpr (std::is_same_v<T, text::Date>) {
    return v->ToIso();
  } else if constexpr (std::is_same_v<T, std::vector<Id>>) {
    return IdsJson(*v);
  } else {
    return std::to_string(static_cast<long long>(*v));
  }
}

}  // namespace

std::string ScoreFilterKey(Id tenant_id, const ScoreFilter& f) {
  return std::to_string(tenant_id) + "|" + std::to_string(static_cast<int>(f.by)) + "|" +
         f.as_of.ToIso() + "|" + Opt(f.notice_id) + "|" + Opt(f.visible_unit_ids);
}

std::string TaskFilterKey(Id tenant_id, const TaskFilter& f) {
  std::string states;
  for (domain::TaskState s : f.states) states += std::to_string(static_cast<int>(s)) + ",";
  return std::to_string(tenant_id) + "|" + Opt(f.visible_unit_ids) + "|" + Opt(f.unit_id) + "|" +
         std::to_string(f.include_sub_units) + "|" + Opt(f.role) + "|" + states + "|" +
         std::to_string(f.overdue_only) + "|" + f.as_of.ToIso() + "|" + Opt(f.due_before) + "|" +
         Opt(f.due_after) + "|" + Opt(f.notice_id) + "|" + Opt(f.field_id) + "|" +
         std::to_string(f.include_drafts) + "|" + std::to_string(static_cast<int>(f.sort)) + "|" +
         std::to_string(f.limit) + "|" + std::to_string(f.offset) + "|" + f.q;
}

}  // namespace dondoc::store
