// libFuzzer target for the .docx reader (libzip, pugixml, list numbering). It must return text or
// an error for any bytes, within the limits of DocxLimits, and its text must be valid UTF-8.
//
// Two input shapes, so that mutations reach the XML and numbering code (a mutated zip mostly
// fails its CRC checks inside libzip):
// - bytes starting with "PK": read as a .docx as they are;
// - otherwise, parts separated by '\x01': word/document.xml, word/numbering.xml,
//   word/styles.xml, and optionally _rels/.rels; they are packed into a valid zip first.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "notice/docx_reader.h"
#include "text/utf8.h"

namespace {

constexpr char kPackageRels[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
constexpr char kDocumentRels[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "numbering\" Target=\"numbering.xml\"/><Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

// A stored (uncompressed) zip of `parts`; "" when libzip fails.
std::string Pack(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (src == nullptr) return "";
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, nullptr);
  if (z == nullptr) {
    zip_source_free(src);
    return "";
  }
  zip_source_keep(src);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_int64_t index = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(s);
      continue;
    }
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  std::string out;
  if (zip_close(z) == 0 && zip_source_open(src) == 0) {
    char buf[16384];
    zip_int64_t n;
    while ((n = zip_source_read(src, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_source_close(src);
  } else {
    zip_discard(z);
  }
  zip_source_free(src);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string packed;
  if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
    std::vector<std::string> parts(1);
    for (char c : bytes) {
      if (c == '\x01') {
        parts.emplace_back();
      } else {
        parts.back() += c;
      }
    }
    parts.resize(std::max<size_t>(parts.size(), 3));
    std::vector<std::pair<std::string, std::string>> entries = {
        {"_rels/.rels", parts.size() > 3 ? parts[3] : kPackageRels},
        {"word/_rels/document.xml.rels", kDocumentRels},
        {"word/document.xml", parts[0]},
        {"word/numbering.xml", parts[1]},
        {"word/styles.xml", parts[2]}};
    packed = Pack(entries);
    bytes = packed;
  }
  std::vector<std::string> warnings;
  dondoc::Result<std::string> text = dondoc::notice::ReadDocx(bytes, &warnings);
  if (text.ok() && !dondoc::text::IsValidUtf8(*text)) __builtin_trap();  // the contract
  return 0;
}
