// Types of the Office's bulk changes to tasks and of a task's passage in its notice.
#ifndef DONDOC_APP_BULK_H_
#define DONDOC_APP_BULK_H_

#include <optional>
#include <string>
#include <vector>

#include "domain/ids.h"
#include "text/date.h"

namespace dondoc::app {

// One change applied to each selected task.
struct BulkChange {
  enum class Kind { kConfirmDone, kReturn, kSetDue, kSetLead, kPause, kResume };
  Kind kind = Kind::kConfirmDone;
  std::optional<text::Date> due;   // kSetDue: the new due date (REQUIRED)
  std::optional<domain::Id> lead;  // kSetLead: the new lead unit (REQUIRED)
  std::string note;                // kReturn: the note to the unit (may be empty)
};

// Why a selected task was left unchanged.
enum class BulkSkip {
  kNotFound,    // no such task, or the caller may not see it
  kDraft,       // its notice is not confirmed
  kDone,        // already done (every change but none applies)
  kNotPending,  // kReturn: no completion report waits
  kNotPaused,   // kResume: the task is not paused
  kUnchanged,   // the change would leave the task as it is
};

struct BulkOutcome {
  std::vector<domain::Id> changed;  // in the order given, one audit row each
  std::vector<std::pair<domain::Id, BulkSkip>> skipped;
};

// A task's words in the context of its notice, for the task page.
struct TaskPassage {
  // Part of the notice's text around the task. Other tasks that the caller may not see are cut
  // out of it (each replaced by "[…]"), so a unit user reads only the notice's framing and the
  // tasks visible to them.
  std::string text;
  long span_start = 0;  // the task in `text`, [start, end) in code points
  long span_end = 0;
  bool cut_before = false;  // text of the notice precedes `text`
  bool cut_after = false;   // text of the notice follows `text`
};

}  // namespace dondoc::app

#endif  // DONDOC_APP_BULK_H_
