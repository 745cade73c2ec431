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

// Reads `bytes`; `filename` chooses the reader by extension (.txt .md .docx .pdf, any case),
// falling back to sniffing the content ("%PDF-", a zip) when the extension is none of these.
//
// Text contract (see txt_reader.h, docx_reader.h, pdf_reader.h for each format):
// - .txt/.md: the decoded text, line ends as written.
// - .docx: one line per paragraph, list numbering written out ("2.1. ", "a) ", "- "), a table
//   row per line with cells joined by " | ".
// - .pdf: pdftotext's layout; a page break is a line holding only ''.
// Errors (one English line naming the reason; no path): "the file is empty", "the file is larger
// than 25 MB", "unsupported file type .x (...)", "not UTF-8 or UTF-16 text", "binary content,
// not text", "not a valid .docx: ...", "... (a zip bomb?)", "the PDF is encrypted", "the PDF has
// no text layer (a scan?)", ...
Result<RawDocument> ReadDocument(std::string_view bytes, std::string_view filename);

// Reads the file at `path`. Errors read "PATH: reason"; besides those above: "no such file",
// "is a directory, not a file", "cannot open the file: ...".
Result<RawDocument> ReadDocumentFile(const std::string& path);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_READ_H_
