// HTML templates (web/templates/*.mustache, embedded) rendered with data given as JSON.
//
// Mustache semantics as in kainjow mustache, with JSON mapped so that false, null, "" and []
// are falsy; numbers render as JSON writes them (format them beforehand for display, see
// format.h). {{x}} escapes & < > " ' ; {{{x}}} does not and is only for HTML built by us.
// {{>name}} includes templates/name.mustache.
//
// Thread safety: Render() may be called from many threads at once.
#ifndef DONDOC_WEB_TEMPLATES_H_
#define DONDOC_WEB_TEMPLATES_H_

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dondoc::web {

// Renders templates/`name`.mustache with `data`. NotFound for an unknown template; Internal for
// a template that does not parse (a bug in web/, caught by the tests).
Result<std::string> RenderTemplate(std::string_view name, const nlohmann::json& data);

// The HTML escape applied by {{x}}; for attribute values and text alike.
std::string HtmlEscape(std::string_view s);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_TEMPLATES_H_
