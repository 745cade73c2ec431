// PLACEHOLDER: minimal header reader; the full one follows.
#include "notice/header.h"

namespace dondoc::notice {

DocumentHeader ExtractHeader(std::string_view text) { return {}; }

std::optional<Meeting> ExtractMeeting(std::string_view text, const DocumentHeader& header) {
  return std::nullopt;
}

}  // namespace dondoc::notice
