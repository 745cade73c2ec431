// Keeping a recurring task's occurrences up to date inside a write transaction. Internal to app/.
#ifndef DONDOC_APP_OCCURRENCE_SYNC_H_
#define DONDOC_APP_OCCURRENCE_SYNC_H_

#include <optional>

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

// An approved extension of a recurring task is for the period it was asked in: moves the due of
// the open occurrence due on `previous_due` (the task's due when asked; failing that, the earliest
// open one due before `new_due`) to `new_due`, so that SyncTaskOccurrences, which derives the
// task's due from its occurrences, keeps the extension. Writes nothing for a task without
// occurrences. Appends no audit row: the caller's write carries it.
Status ExtendOpenOccurrence(store::StoreTx& tx, domain::Id tenant_id, domain::Id task_id,
                            std::optional<text::Date> previous_due, text::Date new_due);

}  // namespace dondoc::app

#endif  // DONDOC_APP_OCCURRENCE_SYNC_H_
