// Tables to .xlsx with libxlsxwriter.
#ifndef DONDOC_EXPORT_XLSX_H_
#define DONDOC_EXPORT_XLSX_H_

#include <string>

#include "base/status.h"
#include "export/table.h"

namespace dondoc::exports {

// The bytes of a workbook with one sheet per table: the title (bold, large) in row 1, the
// subtitle in row 2, the header row in row 4 (bold, shaded, wrapped, frozen, with an
// autofilter), then the rows. Dates are real dates shown dd/mm/yyyy; percents are ratios shown
// 0,0%; widths come from Column::width or the contents (bounded). Uses a temporary file under
// $TMPDIR (or /tmp), removed before returning. REQUIRES: !tables.empty().
Result<std::string> WriteXlsx(const std::vector<Table>& tables);

// Excel's rules for a sheet name: at most 31 characters (code points), none of []:*?/\ ,
// not empty (→ "Sheet"). Names are made unique by the caller.
std::string SheetName(const std::string& wanted);

// The MIME type of an .xlsx file.
inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace dondoc::exports

#endif  // DONDOC_EXPORT_XLSX_H_
