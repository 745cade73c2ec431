// PLACEHOLDER: the figure reader follows.
#include "notice/figures.h"

namespace dondoc::notice {

std::vector<Figure> ExtractFigures(std::string_view text) { return {}; }

}  // namespace dondoc::notice
