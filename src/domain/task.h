// Tasks (nhiệm vụ), their deadlines, and the occurrences of recurring tasks.
#ifndef DONDOC_DOMAIN_TASK_H_
#define DONDOC_DOMAIN_TASK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.h"
#include "text/date.h"

namespace dondoc::domain {

// As in spec/extract-output.md: "none" | "date" | "recurring" | "ongoing".
enum class DeadlineKind { kNone, kDate, kRecurring, kOngoing };
// A recurring task's period: "week" | "month" | "quarter" | "year".
enum class Every { kWeek, kMonth, kQuarter, kYear };

std::string_view DeadlineKindCode(DeadlineKind k);
std::optional<DeadlineKind> DeadlineKindFromCode(std::string_view code);
std::string_view EveryCode(Every e);
std::optional<Every> EveryFromCode(std::string_view code);

struct Deadline {
  DeadlineKind kind = DeadlineKind::kNone;
  std::optional<text::Date> date;  // kDate: the date; kRecurring: an optional first milestone
  Every every = Every::kMonth;     // meaningful for kRecurring only
  std::string phrase;              // the words it came from, may be empty
};

// The status as a person decided it. Overdue is never stored (see domain/status.h).
//   kOpen: being worked on.  kPendingConfirmation: the lead unit reported completion, the Office
//   has not confirmed.  kReturned: the Office returned the completion report (work goes on).
//   kPaused: stopped by decision.  kDone: completion confirmed, on `done_date`.
enum class StoredStatus { kOpen, kPendingConfirmation, kReturned, kPaused, kDone };
// "open" | "pending_confirmation" | "returned" | "paused" | "done".
std::string_view StoredStatusCode(StoredStatus s);
std::optional<StoredStatus> StoredStatusFromCode(std::string_view code);

enum class UnitRole { kLead, kSupport };
std::string_view UnitRoleCode(UnitRole r);  // "lead" | "support"
std::optional<UnitRole> UnitRoleFromCode(std::string_view code);

struct Task {
  Id id = 0;
  Id tenant_id = 0;
  Id notice_id = 0;
  bool draft = true;    // true while its notice is a draft; the store flips it on confirmation
  std::string ref;      // the extractor's id within the notice: "II.2.1.a.1" (may be empty)
  std::string section;  // "II.2.1.a"
  std::string text;     // NFC
  long span_start = 0;  // [start, end) in code points into the notice's text; 0,0 if added
  long span_end = 0;
  Deadline deadline;
  std::optional<text::Date> start_date;    // when tracking begins (recurrence starts here)
  std::optional<text::Date> original_due;  // the due date first set, never moved by extensions
  std::optional<text::Date> due;           // the due date now, after approved extensions
  std::string targets_json = "[]";         // extract-output.md "targets" array, as JSON text
  bool urgent = false;
  std::vector<Id> lead_unit_ids;     // usually one
  std::vector<Id> support_unit_ids;  // disjoint from lead_unit_ids
  StoredStatus status = StoredStatus::kOpen;
  std::optional<text::Date> done_date;  // set iff status == kDone (the date the work was done)
  int progress = 0;                     // 0..100, the latest reported percent
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

// One period of a recurring task, with its own due date and completion.
struct Occurrence {
  Id id = 0;
  Id tenant_id = 0;
  Id task_id = 0;
  text::Date period_start;
  text::Date period_end;  // inclusive
  text::Date due;
  std::optional<text::Date> done_date;
};

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_TASK_H_
