// libFuzzer target: bytes → the .txt reader → the extractor → JSON. Any crash, sanitizer report,
// or hang is a bug: the extractor must take any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "notice/extract.h"
#include "notice/read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dondoc::Result<dondoc::notice::RawDocument> raw = dondoc::notice::ReadDocument(bytes, "fuzz.txt");
  if (!raw.ok()) return 0;
  dondoc::notice::Notice notice = dondoc::notice::Extract(*raw);
  std::string json = dondoc::notice::NoticeToJson(notice);
  std::string text = dondoc::notice::NoticeToText(notice);
  if (json.empty()) __builtin_trap();  // the JSON always has at least the schema
  return 0;
}
