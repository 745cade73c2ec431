#include "app/input_checks.h"

#include "text/utf8.h"

namespace dondoc::app {

Status CheckText(const std::string& text, size_t max, const char* what, bool allow_empty) {
  if ((!allow_empty && text.empty()) || text.size() > max || !text::IsValidUtf8(text)) {
    return Status::InvalidArgument(std::string("The ") + what + " must be UTF-8 text of " +
                                   (allow_empty ? "0" : "1") + " to " + std::to_string(max) +
                                   " bytes.");
  }
  return Status::Ok();
}

}  // namespace dondoc::app
