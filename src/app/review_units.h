// The unit mentions of an imported notice that the tenant's directory does not know, and the
// kind a new unit is guessed to be from its head word. Pure functions, used by the review use
// cases (service_review_units.cc).
#ifndef DONDOC_APP_REVIEW_UNITS_H_
#define DONDOC_APP_REVIEW_UNITS_H_

#include <string>
#include <string_view>
#include <vector>

#include "domain/notice_record.h"
#include "domain/task.h"
#include "domain/unit.h"

namespace dondoc::app {

// One unit the extractor found in a notice that matches no name or alias of the directory.
struct UnknownUnit {
  std::string name;                  // as the extractor named it (first spelling seen)
  std::string kind;                  // guessed from the head word (GuessUnitKind)
  std::vector<domain::Id> lead_task_ids;     // draft tasks naming it as lead
  std::vector<domain::Id> support_task_ids;  // ... as support
};

// The unit kind a name's head word suggests: "Phòng …" → "phong", "Sở …" → "so", "UBND xã …" →
// "ubnd_xa", "Ban …" → "ban", …; "" when nothing fits. Tone placement and case insensitive.
std::string GuessUnitKind(std::string_view name);

// The directory key of a unit name or alias: text::FoldKey (case and tone placement folded).
std::string UnitKey(std::string_view name);

// The unit mentions of `n.extraction_json` (lead and support of every task) whose name and
// mention match no name or alias of `units` under UnitKey, in first-seen order, one per key.
// A mention belongs to the stored task with the same ref as its extracted task, or else whose
// span contains the mention's. A malformed extraction yields nothing.
std::vector<UnknownUnit> UnknownUnitsOf(const domain::Notice& n,
                                        const std::vector<domain::Task>& tasks,
                                        const std::vector<domain::Unit>& units);

}  // namespace dondoc::app

#endif  // DONDOC_APP_REVIEW_UNITS_H_
