#include "notice/pdf_reader.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstring>

namespace dondoc::notice {

namespace {

// A temporary file holding bytes; removed when destroyed.
class TempFile {
 public:
  static Result<TempFile> Write(std::string_view bytes) {
    const char* dir = getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/dondoc-pdf-XXXXXX";
    std::vector<char> buf(path.begin(), path.end());
    buf.push_back('\0');
    int fd = mkstemp(buf.data());
    if (fd < 0) return Status::IoError("cannot create a temporary file for the PDF");
    TempFile f(buf.data());
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) {
        close(fd);
        return Status::IoError("cannot write a temporary file for the PDF");
      }
      done += static_cast<size_t>(n);
    }
    close(fd);
    return f;
  }
  TempFile(TempFile&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The line of poppler's stderr that says why: the first "Error" line, else the first line.
std::string Reason(std::string_view err) {
  std::string_view chosen;
  for (size_t pos = 0; pos < err.size();) {
    size_t end = std::min(err.find('\n', pos), err.size());
    std::string_view line = err.substr(pos, end - pos);
    if (chosen.empty() && !line.empty()) chosen = line;
    if (line.find("Error") != std::string_view::npos) {
      chosen = line;
      break;
    }
    pos = end + 1;
  }
  if (chosen.empty()) return "no reason given";
  return std::string(chosen.substr(0, 200));
}

Status LimitError(const ChildResult& r) {
  if (r.timed_out || r.signal == SIGXCPU)
    return Status::ResourceExhausted("reading the PDF took too long");
  if (r.output_truncated) return Status::TooLarge("the PDF's text is too large");
  if (r.signal == SIGKILL || r.signal == SIGSEGV || r.signal == SIGABRT || r.signal == SIGBUS) {
    return Status::ResourceExhausted(
        "reading the PDF failed (it needed too much memory or "
        "crashed the PDF reader)");
  }
  return Status::Corruption("the PDF cannot be read (the PDF reader was stopped by signal " +
                            std::to_string(r.signal) + ")");
}

}  // namespace

std::string PagesFromPdftotext(std::string_view out) {
  while (!out.empty() && (out.back() == '\f' || out.back() == '\n')) out.remove_suffix(1);
  std::string text;
  text.reserve(out.size() + 64);
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\f') {
      if (!text.empty() && text.back() != '\n') text += '\n';
      text += "\f\n";
    } else {
      text += out[i];
    }
  }
  return text;
}

std::string LegacyFontWarning(std::string_view pdffonts_out) {
  // Names may carry a subset tag: "ABCDEF+.VnTime".
  for (size_t pos = 0; pos < pdffonts_out.size();) {
    size_t end = pdffonts_out.find('\n', pos);
    if (end == std::string_view::npos) end = pdffonts_out.size();
    std::string_view line = pdffonts_out.substr(pos, end - pos);
    std::string_view name = line.substr(0, line.find(' '));
    if (size_t plus = name.find('+'); plus != std::string_view::npos) name.remove_prefix(plus + 1);
    if (name.substr(0, 3) == ".Vn" || name.substr(0, 3) == ".VN" || name.substr(0, 4) == "VNI-" ||
        name.substr(0, 4) == "VNI_") {
      return "the PDF uses a legacy Vietnamese font (" + std::string(name) +
             ", TCVN3/VNI); its text may come out in the wrong letters";
    }
    pos = end + 1;
  }
  return "";
}

Result<std::string> ReadPdf(std::string_view bytes, std::vector<std::string>* warnings,
                            const ChildLimits& limits) {
  DONDOC_ASSIGN_OR_RETURN(TempFile file, TempFile::Write(bytes));
  DONDOC_ASSIGN_OR_RETURN(
      ChildResult r, RunChild({"pdftotext", "-layout", "-enc", "UTF-8", file.path(), "-"}, limits));
  if (r.timed_out || r.output_truncated || r.signal != 0) return LimitError(r);
  if (r.exit_code != 0) {
    // pdftotext exits 1 for an unreadable file and 3 for a permission error; an encrypted
    // file's message names the password. Ask pdfinfo to be sure.
    Result<ChildResult> info = RunChild({"pdfinfo", file.path()}, limits);
    bool encrypted = Contains(r.err, "assword") || Contains(r.err, "ncrypt") ||
                     (info.ok() && (Contains(info->out, "Encrypted:      yes") ||
                                    Contains(info->err, "assword")));
    if (encrypted) return Status::PermissionDenied("the PDF is encrypted");
    std::string reason = !r.err.empty() ? r.err : info.ok() ? info->err : "";
    return Status::Corruption("the PDF cannot be read (" + Reason(reason) + ")");
  }
  std::string text = PagesFromPdftotext(r.out);
  if (text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
    return Status::InvalidArgument("the PDF has no text layer (a scan?)");
  }
  Result<ChildResult> fonts = RunChild({"pdffonts", file.path()}, limits);
  if (fonts.ok() && fonts->exit_code == 0 && warnings != nullptr) {
    std::string warning = LegacyFontWarning(fonts->out);
    if (!warning.empty()) warnings->push_back(std::move(warning));
  }
  return text;
}

}  // namespace dondoc::notice
