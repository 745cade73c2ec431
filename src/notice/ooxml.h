// Small helpers over pugixml for Office Open XML parts, matching names by their local part so
// that documents using other namespace prefixes than "w:" read the same.
#ifndef DONDOC_NOTICE_OOXML_H_
#define DONDOC_NOTICE_OOXML_H_

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dondoc::notice::ooxml {

// The name after the namespace prefix: "w:p" → "p".
std::string_view LocalName(const char* qualified);
inline std::string_view LocalName(const pugi::xml_node& n) { return LocalName(n.name()); }

// The first child element with local name `local`; an empty node when none.
pugi::xml_node Child(const pugi::xml_node& n, std::string_view local);

// The value of the attribute with local name `local`; nullopt when absent.
std::optional<std::string> Attr(const pugi::xml_node& n, std::string_view local);

// The integer value of `local` ("w:val"), nullopt when absent or not a number in [-1e9, 1e9].
std::optional<long> IntAttr(const pugi::xml_node& n, std::string_view local);

// Parses `xml` into `doc` (whitespace-only text kept: it matters in w:t). An error names `part`:
// "XML error in word/document.xml: <reason> at byte N".
Status Parse(std::string_view xml, std::string_view part, pugi::xml_document* doc);

}  // namespace dondoc::notice::ooxml

#endif  // DONDOC_NOTICE_OOXML_H_
