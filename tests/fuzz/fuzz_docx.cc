// libFuzzer target: bytes → the .docx reader (libzip, pugixml, list numbering). It must return
// text or an error for any bytes, within the limits of DocxLimits.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "notice/docx_reader.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  dondoc::Result<std::string> text = dondoc::notice::ReadDocx(bytes, &warnings);
  if (text.ok() && !dondoc::text::IsValidUtf8(*text)) __builtin_trap();  // the contract
  return 0;
}
