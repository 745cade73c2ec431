// Readers: a file's bytes → UTF-8 text with its list numbering written out.
//
// Every reader returns an error Status (never throws, never crashes) whose message names the
// reason in English; callers prefix the file name. Readers enforce size limits so hostile input
// cannot exhaust memory or time.
#ifndef DONDOC_NOTICE_READ_H_
#define DONDOC_NOTICE_READ_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dondoc::notice {

struct RawDocument {
  std::string format;  // "txt" | "md" | "docx" | "pdf"
  std::string sha256;  // of the input bytes
  std::string text;    // UTF-8, not yet normalised; paragraphs separated by '\n'
  std::vector<std::string> warnings;
};

// Reads `bytes`; `filename` chooses the reader by extension (.txt .md .docx .pdf), falling back
// to sniffing the content.
Result<RawDocument> ReadDocument(std::string_view bytes, std::string_view filename);

// Reads the file at `path`. Errors read "PATH: reason".
Result<RawDocument> ReadDocumentFile(const std::string& path);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_READ_H_
