// PLACEHOLDER reader (txt only); replaced by the readers work.
#include "notice/read.h"

#include <fstream>
#include <sstream>

namespace dondoc::notice {

Result<RawDocument> ReadDocument(std::string_view bytes, std::string_view filename) {
  RawDocument doc;
  doc.format = "txt";
  doc.text = std::string(bytes);
  return doc;
}

Result<RawDocument> ReadDocumentFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open the file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ReadDocument(ss.str(), path);
}

}  // namespace dondoc::notice
