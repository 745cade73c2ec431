// Counts for dashboards: by state and over time, one pass each (the store's task facts).
#include "app/policy.h"
#include "app/service.h"

namespace dondoc::app {

Result<std::array<long, domain::kTaskStateCount>> Service::CountTasksByState(
    const Caller& caller, store::TaskFilter filter) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadTasks));
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  // The visibility and defaults of ListTasks, so that each count is the total of the list the
  // dashboard links to.
  filter.visible_unit_ids = caller.scope_units;
  if (!SeesDrafts(caller) || !filter.notice_id) filter.include_drafts = false;
  if (filter.as_of.year == 0) filter.as_of = clock_.Today();
  filter.states.clear();
  return store_.CountTasksByState(tenant_id_, filter);
}

Result<std::vector<domain::ScoreCounts>> Service::ScoreTotals(
    const Caller& caller, const std::vector<text::Date>& dates) {
  DONDOC_RETURN_IF_ERROR(Authorize(caller, Action::kReadScorecards));
  DONDOC_RETURN_IF_ERROR(CatchUpOccurrences());
  store::ScoreFilter f;
  f.visible_unit_ids = caller.scope_units;
  return store_.ScoreTotals(tenant_id_, f, dates);
}

}  // namespace dondoc::app
