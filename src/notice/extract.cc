// PLACEHOLDER extractor; replaced by the extractor work.
#include "notice/extract.h"

#include <nlohmann/json.hpp>

namespace dondoc::notice {

Notice Extract(const RawDocument& raw, const ExtractOptions& options) {
  Notice n;
  n.text = raw.text;
  n.source.format = raw.format;
  n.source.sha256 = raw.sha256;
  return n;
}

std::string NoticeToJson(const Notice& notice, int indent) {
  nlohmann::json j;
  j["schema"] = "dondoc.notice/1";
  j["tasks"] = nlohmann::json::array();
  return j.dump(indent);
}

std::string NoticeToText(const Notice& notice) { return ""; }

}  // namespace dondoc::notice
