// Figures: every amount of money and every percentage written with digits, and counts with
// their measure word ("05 sắc thuế"), each with the words before it in its clause.
//
// Pure function of the text: no I/O, thread-safe, deterministic.
#ifndef DONDOC_NOTICE_FIGURES_H_
#define DONDOC_NOTICE_FIGURES_H_

#include <string_view>
#include <vector>

#include "notice/notice.h"

namespace dondoc::notice {

// `text` is the NFC-normalised text of the whole document. Figures come in text order; spans are
// code points into `text`. Dates, years, section and document numbers are never figures.
std::vector<Figure> ExtractFigures(std::string_view text);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_FIGURES_H_
