// Keeping a recurring task's occurrences up to date inside a write transaction. Internal to app/.
#ifndef DONDOC_APP_OCCURRENCE_SYNC_H_
#define DONDOC_APP_OCCURRENCE_SYNC_H_

#include "base/status.h"
#include "domain/ids.h"
#include "store/store.h"
#include "text/calendar.h"
#include "text/date.h"

namespace dondoc::app {

// Vietnam's statutory calendar with the tenant's overrides (store::HolidayOverride).
Result<text::HolidayCalendar> TenantCalendar(store::StoreReader& r, domain::Id tenant_id);

// Brings the occurrences of an active recurring task up to date as of `as_of`
// (domain::PlanOccurrences): tracking begins on `as_of` when the task has no start_date yet; the
// missing periods are created and the task's due written. Writes nothing for other tasks, nor
// when nothing changed. Returns the number of occurrences created. Appends no audit row: the
// caller's write carries it.
Result<int> SyncTaskOccurrences(store::StoreTx& tx, domain::Id tenant_id, domain::Id task_id,
                                text::Date as_of, const text::HolidayCalendar& calendar,
                                domain::Timestamp now);

}  // namespace dondoc::app

#endif  // DONDOC_APP_OCCURRENCE_SYNC_H_
