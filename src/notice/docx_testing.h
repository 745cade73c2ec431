// Test helpers: build .docx packages in memory. For tests only.
#ifndef DONDOC_NOTICE_DOCX_TESTING_H_
#define DONDOC_NOTICE_DOCX_TESTING_H_

#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace dondoc::notice::testing {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip archive holding `entries` (deflated), as bytes; "" on failure.
inline std::string MakeZip(const Entries& entries) {
  char path[] = "/tmp/dondoc-test-zip-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return "";
  close(fd);
  int err = 0;
  zip_t* z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (z == nullptr) return "";
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path);
  return ss.str();
}

inline constexpr char kWordNs[] =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
inline constexpr char kRelType[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

inline std::string PackageRels(const std::string& main_part) {
  return std::string(
             "<?xml version=\"1.0\"?><Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"") +
         kRelType + "officeDocument\" Target=\"" + main_part + "\"/></Relationships>";
}

inline std::string DocumentRels() {
  return std::string(
             "<?xml version=\"1.0\"?><Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"") +
         kRelType + "numbering\" Target=\"numbering.xml\"/><Relationship Id=\"rId2\" Type=\"" +
         kRelType + "styles\" Target=\"styles.xml\"/></Relationships>";
}

inline std::string DocumentXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kWordNs +
         "><w:body>" + body + "</w:body></w:document>";
}

inline std::string NumberingXml(const std::string& inner) {
  return std::string("<?xml version=\"1.0\"?><w:numbering ") + kWordNs + ">" + inner +
         "</w:numbering>";
}

inline std::string StylesXml(const std::string& inner) {
  return std::string("<?xml version=\"1.0\"?><w:styles ") + kWordNs + ">" + inner + "</w:styles>";
}

// A .docx with the body `body` at word/document.xml and, when given, numbering and styles.
inline std::string MakeDocx(const std::string& body, const std::string& numbering = "",
                            const std::string& styles = "") {
  Entries e = {{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
               {"_rels/.rels", PackageRels("word/document.xml")},
               {"word/_rels/document.xml.rels", DocumentRels()},
               {"word/document.xml", DocumentXml(body)}};
  if (!numbering.empty()) e.push_back({"word/numbering.xml", NumberingXml(numbering)});
  if (!styles.empty()) e.push_back({"word/styles.xml", StylesXml(styles)});
  return MakeZip(e);
}

// <w:p> with runs of plain text, and an optional numbering (numId, ilvl) and style.
inline std::string P(const std::string& text, int num_id = -1, int ilvl = -1,
                     const std::string& style = "") {
  std::string ppr;
  if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
  if (num_id >= 0 || ilvl >= 0) {
    ppr += "<w:numPr>";
    if (ilvl >= 0) ppr += "<w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/>";
    if (num_id >= 0) ppr += "<w:numId w:val=\"" + std::to_string(num_id) + "\"/>";
    ppr += "</w:numPr>";
  }
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") +
         "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

// <w:lvl> of an abstractNum.
inline std::string Lvl(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                       const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text +
         "\"/>" + extra + "</w:lvl>";
}

inline std::string AbstractNum(int id, const std::string& levels) {
  return "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">" + levels +
         "</w:abstractNum>";
}

inline std::string Num(int num_id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(num_id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

}  // namespace dondoc::notice::testing

#endif  // DONDOC_NOTICE_DOCX_TESTING_H_
