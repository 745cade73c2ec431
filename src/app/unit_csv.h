// The plan of a unit CSV import: every row of the file with what importing it would do, so that
// the admin sees a preview (rows to add, rows kept, rows refused with the reason) before anything
// is written, and the import then writes exactly the rows the preview promised.
//
// The file: UTF-8 (a BOM is dropped), LF or CRLF line ends, RFC 4180 quoting, columns
// `name,aliases,kind,parent` (aliases separated by ';'), an optional header row. Names compare
// under text::FoldKey (case, tone placement, dashes, spaces). Reasons are Vietnamese: the admin
// screen shows them as they are.
#ifndef DONDOC_APP_UNIT_CSV_H_
#define DONDOC_APP_UNIT_CSV_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/unit.h"

namespace dondoc::app {

struct UnitCsvRow {
  int line = 0;          // line of the file where the row starts (1-based, the header counts)
  domain::Unit unit;     // name, aliases, kind; parent_id when the parent is already stored
  std::string parent;    // the parent's name as written (NFC), "" for a root
  bool present = false;  // a unit of this name is already stored: kept as it is, not added
  std::string error;     // why the row cannot be added; "" when it can (or is present)
};

struct UnitCsvPlan {
  std::vector<UnitCsvRow> rows;  // file order, header and blank lines left out
  // Indexes into `rows` of the units to add, each after its parent.
  std::vector<size_t> order;
  int errors = 0;   // rows with an error
  int present = 0;  // rows already stored
};

inline constexpr size_t kMaxUnitCsvBytes = 1 << 20;
inline constexpr size_t kMaxUnitCsvRows = 5000;

// The plan of importing `csv` into a directory holding `existing`. InvalidArgument (Vietnamese)
// only for a file that cannot be read at all: not UTF-8, empty, too many rows; TooLarge over
// kMaxUnitCsvBytes. Everything else is a row's error.
Result<UnitCsvPlan> PlanUnitsCsv(std::string_view csv, const std::vector<domain::Unit>& existing);

}  // namespace dondoc::app

#endif  // DONDOC_APP_UNIT_CSV_H_
