#include "notice/ooxml.h"

#include <charconv>
#include <cstring>

namespace dondoc::notice::ooxml {

std::string_view LocalName(const char* qualified) {
  const char* colon = std::strchr(qualified, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(qualified);
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

std::optional<std::string> Attr(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    if (LocalName(a.name()) == local) return std::string(a.value());
  }
  return std::nullopt;
}

std::optional<long> IntAttr(const pugi::xml_node& n, std::string_view local) {
  std::optional<std::string> v = Attr(n, local);
  if (!v) return std::nullopt;
  long out = 0;
  const char* begin = v->data();
  const char* end = begin + v->size();
  auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ec != std::errc() || ptr != end || out < -1000000000L || out > 1000000000L) {
    return std::nullopt;
  }
  return out;
}

Status Parse(std::string_view xml, std::string_view part, pugi::xml_document* doc) {
  pugi::xml_parse_result r =
      doc->load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!r) {
    return Status::Corruption("XML error in " + std::string(part) + ": " + r.description() +
                              " at byte " + std::to_string(r.offset));
  }
  return Status::Ok();
}

}  // namespace dondoc::notice::ooxml
