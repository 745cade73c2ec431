// Test helpers: small PDFs written by hand. For tests only.
#ifndef DONDOC_NOTICE_PDF_TESTING_H_
#define DONDOC_NOTICE_PDF_TESTING_H_

#include <cstdio>
#include <string>
#include <vector>

namespace dondoc::notice::testing {

// A PDF with one page per entry of `pages` (each a content stream drawing with /F1, Helvetica),
// and `trailer_extra` added to the trailer dictionary (e.g. an /Encrypt reference).
inline std::string MakePdf(const std::vector<std::string>& pages,
                           const std::string& extra_objects = "",
                           const std::string& trailer_extra = "") {
  std::vector<std::string> objects;
  std::string kids;
  int n = static_cast<int>(pages.size());
  // 1: catalog, 2: pages, 3: font, then per page: page object, content object.
  for (int i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int i = 0; i < n; ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(5 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(pages[i].size()) + " >>\nstream\n" + pages[i] +
                      "\nendstream");
  }
  if (!extra_objects.empty()) objects.push_back(extra_objects);
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A content stream writing `line` at the top of the page.
inline std::string TextAt(const std::string& line, int x = 72, int y = 760) {
  return "BT /F1 12 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + line + ") Tj ET";
}

}  // namespace dondoc::notice::testing

#endif  // DONDOC_NOTICE_PDF_TESTING_H_
