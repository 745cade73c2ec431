#include "notice/read.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "notice/docx_reader.h"
#include "notice/pdf_reader.h"
#include "notice/sha256.h"
#include "notice/txt_reader.h"

namespace dondoc::notice {

namespace {

constexpr size_t kMaxInputBytes = 25u << 20;

std::string LowerExtension(std::string_view filename) {
  size_t slash = filename.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? filename : filename.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(base.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// The reader for `ext`, or for the content when the extension names none we know.
Result<std::string> Format(std::string_view bytes, const std::string& ext) {
  if (ext == "txt" || ext == "md" || ext == "docx" || ext == "pdf") return ext;
  if (ext == "doc") {
    return Status::Unsupported("the old Word .doc format is not supported (save it as .docx)");
  }
  // "%PDF-" may follow a few bytes of junk; PDF readers accept it within the first 1 KB.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return std::string("pdf");
  if (StartsWith(bytes, "PK\x03\x04")) return std::string("docx");
  return Status::Unsupported(
      (ext.empty() ? std::string("no file extension") : "unsupported file type ." + ext) +
      " (expected .txt, .md, .docx or .pdf)");
}

}  // namespace

Result<RawDocument> ReadDocument(std::string_view bytes, std::string_view filename) {
  if (bytes.empty()) return Status::InvalidArgument("the file is empty");
  if (bytes.size() > kMaxInputBytes) {
    return Status::TooLarge("the file is larger than 25 MB");
  }
  DONDOC_ASSIGN_OR_RETURN(std::string format, Format(bytes, LowerExtension(filename)));
  RawDocument doc;
  doc.format = format;
  doc.sha256 = Sha256Hex(bytes);
  Result<std::string> text = Status::Internal("no reader");
  if (format == "docx") {
    text = ReadDocx(bytes, &doc.warnings);
  } else if (format == "pdf") {
    text = ReadPdf(bytes, &doc.warnings);
  } else {
    text = DecodeText(bytes, &doc.warnings);
  }
  if (!text.ok()) return text.status();
  doc.text = std::move(text).value();
  return doc;
}

Result<RawDocument> ReadDocumentFile(const std::string& path) {
  auto fail = [&path](const Status& s) { return Status(s.code(), path + ": " + s.message()); };
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return fail(Status::NotFound("no such file"));
    return fail(Status::IoError(std::string("cannot open the file: ") + std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) return fail(Status::InvalidArgument("is a directory, not a file"));
  if (!S_ISREG(st.st_mode)) return fail(Status::InvalidArgument("is not a regular file"));
  if (static_cast<unsigned long long>(st.st_size) > kMaxInputBytes) {
    return fail(Status::TooLarge("the file is larger than 25 MB"));
  }
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    return fail(Status::IoError(std::string("cannot open the file: ") + std::strerror(errno)));
  }
  std::string bytes;
  char buf[64 * 1024];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    bytes.append(buf, n);
    if (bytes.size() > kMaxInputBytes)
      return fail(Status::TooLarge("the file is larger than 25 MB"));
  }
  if (std::ferror(f.get())) return fail(Status::IoError("cannot read the file"));
  Result<RawDocument> doc = ReadDocument(bytes, path);
  if (!doc.ok()) return fail(doc.status());
  return doc;
}

}  // namespace dondoc::notice
