#include "notice/txt_reader.h"

#include "text/utf8.h"

namespace dondoc::notice {

namespace {

constexpr char kNotText[] = "not UTF-8 or UTF-16 text";
constexpr char kBinary[] = "binary content, not text";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// REQUIRES: `bytes` holds the UTF-16 code units after the BOM.
Result<std::string> FromUtf16(std::string_view bytes, bool big_endian) {
  if (bytes.size() % 2 != 0) return Status::InvalidArgument(kNotText);
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  auto unit = [&](size_t i) -> char16_t {
    auto b0 = static_cast<unsigned char>(bytes[i]);
    auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(big_endian ? (b0 << 8) | b1 : (b1 << 8) | b0);
  };
  for (size_t i = 0; i < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 2 >= bytes.size()) return Status::InvalidArgument(kNotText);
      char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) return Status::InvalidArgument(kNotText);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return Status::InvalidArgument(kNotText);
    }
    text::AppendUtf8(cp, &out);
  }
  return out;
}

bool HasBinaryBytes(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u == 0x7F || (u < 0x20 && u != '\t' && u != '\n' && u != '\v' && u != '\f' && u != '\r')) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::string> DecodeText(std::string_view bytes, std::vector<std::string>* warnings) {
  std::string out;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    out.assign(bytes.substr(3));
  } else if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    bool big_endian = bytes[0] == '\xFE';
    Result<std::string> converted = FromUtf16(bytes.substr(2), big_endian);
    if (!converted.ok()) return converted.status();
    out = std::move(converted).value();
    warnings->push_back(big_endian ? "converted from UTF-16BE" : "converted from UTF-16LE");
  } else {
    out.assign(bytes);
  }
  if (!text::IsValidUtf8(out)) return Status::InvalidArgument(kNotText);
  if (HasBinaryBytes(out)) return Status::InvalidArgument(kBinary);
  return out;
}

}  // namespace dondoc::notice
