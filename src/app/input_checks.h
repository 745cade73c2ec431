// Checks of free text that users send to the app's use cases.
#ifndef DONDOC_APP_INPUT_CHECKS_H_
#define DONDOC_APP_INPUT_CHECKS_H_

#include <cstddef>
#include <string>

#include "base/status.h"

namespace dondoc::app {

// Ok when `text` is valid UTF-8 of at most `max` bytes (and not empty unless `allow_empty`);
// otherwise InvalidArgument naming `what` ("report", "note", ...).
Status CheckText(const std::string& text, size_t max, const char* what, bool allow_empty);

}  // namespace dondoc::app

#endif  // DONDOC_APP_INPUT_CHECKS_H_
