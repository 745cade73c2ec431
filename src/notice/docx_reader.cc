#include "notice/docx_reader.h"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "notice/docx_numbering.h"
#include "notice/ooxml.h"
#include "text/utf8.h"

namespace dondoc::notice {

namespace {

using ooxml::Attr;
using ooxml::Child;
using ooxml::IntAttr;
using ooxml::LocalName;

constexpr int kMaxDepth = 100;  // element nesting we follow; deeper is hostile

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// An opened archive whose sizes were checked against the limits.
class Archive {
 public:
  static Result<Archive> Open(std::string_view bytes, const DocxLimits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) {
      zip_error_fini(&error);
      return Status::Internal("cannot create a zip source");
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (z == nullptr) {
      std::string reason = zip_error_strerror(&error);
      zip_error_fini(&error);
      zip_source_free(src);
      return Status::Corruption("not a valid .docx: broken zip (" + reason + ")");
    }
    zip_error_fini(&error);
    Archive a(ZipPtr(z), limits);
    DONDOC_RETURN_IF_ERROR(a.CheckSizes());
    return a;
  }

  bool Has(const std::string& name) const { return Locate(name) >= 0; }

  // The part's bytes; NotFound when absent.
  Result<std::string> Read(const std::string& name) const {
    zip_int64_t index = Locate(name);
    if (index < 0) return Status::NotFound("the .docx has no part " + name);
    zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
    if (f == nullptr) {
      return Status::Corruption("broken zip: cannot open " + name + " (" +
                                zip_strerror(zip_.get()) + ")");
    }
    std::string out;
    char buf[64 * 1024];
    while (true) {
      zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        std::string reason = zip_file_strerror(f);
        zip_fclose(f);
        return Status::Corruption("broken zip: cannot read " + name + " (" + reason + ")");
      }
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
      if (static_cast<long long>(out.size()) > limits_.max_part_bytes) {
        zip_fclose(f);
        return Status::TooLarge("the .docx part " + name + " unpacks to more than " +
                                std::to_string(limits_.max_part_bytes >> 20) + " MB (a zip bomb?)");
      }
    }
    zip_fclose(f);
    return out;
  }

 private:
  Archive(ZipPtr z, const DocxLimits& limits) : zip_(std::move(z)), limits_(limits) {}

  zip_int64_t Locate(const std::string& name) const {
    return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  }

  Status CheckSizes() const {
    zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
    if (n < 0) return Status::Corruption("not a valid .docx: broken zip");
    if (n > limits_.max_entries) {
      return Status::TooLarge("the .docx has too many entries (" + std::to_string(n) + ")");
    }
    unsigned long long total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) {
        return Status::Corruption("not a valid .docx: broken zip entry " + std::to_string(i));
      }
      if (!(st.valid & ZIP_STAT_SIZE)) continue;
      total += st.size;
      if (total > static_cast<unsigned long long>(limits_.max_total_bytes)) {
        return Status::TooLarge("the .docx unpacks to more than " +
                                std::to_string(limits_.max_total_bytes >> 20) +
                                " MB (a zip bomb?)");
      }
      if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > (1u << 20) &&
          st.size > st.comp_size * static_cast<unsigned long long>(limits_.max_ratio)) {
        std::string name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "an entry";
        return Status::TooLarge("the .docx entry " + name + " has a compression ratio over " +
                                std::to_string(limits_.max_ratio) + ":1 (a zip bomb?)");
      }
    }
    return Status::Ok();
  }

  ZipPtr zip_;
  DocxLimits limits_;
};

// The part a relationship points to, as a zip entry name. `base_dir` is the folder of the source
// part ("" for the package, "word/" for word/document.xml).
std::string ResolveTarget(const std::string& base_dir, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& seg : segments) out += (out.empty() ? "" : "/") + seg;
  return out;
}

// The target of the first internal relationship whose type ends with "/`type`".
Result<std::optional<std::string>> FindRelationship(std::string_view rels_xml,
                                                    const std::string& rels_part,
                                                    const std::string& base_dir,
                                                    std::string_view type) {
  pugi::xml_document doc;
  DONDOC_RETURN_IF_ERROR(ooxml::Parse(rels_xml, rels_part, &doc));
  std::string suffix = "/" + std::string(type);
  for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
    if (LocalName(r) != "Relationship") continue;
    std::string t = Attr(r, "Type").value_or("");
    if (t.size() < suffix.size() || t.compare(t.size() - suffix.size(), suffix.size(), suffix)) {
      continue;
    }
    if (Attr(r, "TargetMode").value_or("") == "External") continue;
    std::optional<std::string> target = Attr(r, "Target");
    if (target && !target->empty()) return std::optional(ResolveTarget(base_dir, *target));
  }
  return std::optional<std::string>();
}

// Writes the body of a WordprocessingML document as text.
class BodyWriter {
 public:
  explicit BodyWriter(ListNumbering* numbering) : numbering_(numbering) {}

  Status Blocks(const pugi::xml_node& parent, int depth, std::vector<std::string>* lines) {
    if (depth > kMaxDepth) return Status::Corruption("the .docx nests elements too deeply");
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = LocalName(n);
      if (name == "p") {
        std::optional<std::string> line = Paragraph(n, depth + 1);
        if (!ok_.ok()) return ok_;
        if (line) lines->push_back(std::move(*line));
      } else if (name == "tbl") {
        DONDOC_RETURN_IF_ERROR(Table(n, depth + 1, lines));
      } else if (name == "sdt") {
        DONDOC_RETURN_IF_ERROR(Blocks(Child(n, "sdtContent"), depth + 1, lines));
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        DONDOC_RETURN_IF_ERROR(Blocks(n, depth + 1, lines));
      }
    }
    return Status::Ok();
  }

 private:
  // The paragraph's text with its list label ("" for an empty paragraph), or nullopt for a
  // paragraph deleted in tracked changes (runs and mark deleted), which neither shows nor counts.
  std::optional<std::string> Paragraph(const pugi::xml_node& p, int depth) {
    std::string text;
    Inline(p, depth, &text);
    pugi::xml_node ppr = Child(p, "pPr");
    bool mark_deleted = Child(Child(ppr, "rPr"), "del");
    if (mark_deleted && text.empty()) return std::nullopt;
    pugi::xml_node num_pr = Child(ppr, "numPr");
    std::optional<int> num_id, ilvl;
    if (auto v = IntAttr(Child(num_pr, "numId"), "val")) num_id = static_cast<int>(*v);
    if (auto v = IntAttr(Child(num_pr, "ilvl"), "val")) ilvl = static_cast<int>(*v);
    std::string style = Attr(Child(ppr, "pStyle"), "val").value_or("");
    std::string label = numbering_->NextLabel(num_id, ilvl, style);
    if (text.empty()) {
      // An empty numbered paragraph still shows its number (a table's STT column).
      while (!label.empty() && label.back() == ' ') label.pop_back();
      return label;
    }
    return label + text;
  }

  void Inline(const pugi::xml_node& parent, int depth, std::string* out) {
    if (depth > kMaxDepth) {
      ok_ = Status::Corruption("the .docx nests elements too deeply");
      return;
    }
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = LocalName(n);
      if (name == "t") {
        *out += n.text().get();
      } else if (name == "tab" || name == "ptab") {
        *out += '\t';
      } else if (name == "br" || name == "cr") {
        *out += '\n';
      } else if (name == "noBreakHyphen") {
        *out += '-';
      } else if (name == "r" || name == "ins" || name == "moveTo" || name == "hyperlink" ||
                 name == "smartTag" || name == "fldSimple" || name == "customXml" ||
                 name == "sdtContent" || name == "dir" || name == "bdo") {
        Inline(n, depth + 1, out);
      } else if (name == "sdt") {
        Inline(Child(n, "sdtContent"), depth + 1, out);
      }
      // Dropped: del, moveFrom, delText, instrText, pPr, rPr, drawings, text boxes, comments.
    }
  }

  struct Cell {
    std::vector<std::string> paragraphs;
    int span = 1;            // grid columns it covers (w:gridSpan)
    bool continues = false;  // the lower part of a vertically merged cell (w:vMerge)
  };

  // A cell's paragraphs on one line, joined by " ".
  static std::string CellText(const std::vector<std::string>& paragraphs) {
    std::string cell;
    for (std::string p : paragraphs) {
      for (char& ch : p) {
        if (ch == '\n' || ch == '\t') ch = ' ';
      }
      if (p.empty()) continue;
      cell += (cell.empty() ? "" : " ") + p;
    }
    return cell;
  }

  // Rows of three or more grid columns give one cell per grid column: a cell spanning columns
  // is followed by empty cells, and the lower parts of a vertically merged cell repeat its text
  // (a unit merged over several task rows leads each of them).
  Status Table(const pugi::xml_node& tbl, int depth, std::vector<std::string>* lines) {
    std::vector<std::vector<Cell>> rows;
    DONDOC_RETURN_IF_ERROR(Rows(tbl, depth, &rows));
    size_t columns = 0;
    for (const auto& row : rows) {
      size_t width = 0;
      for (const Cell& c : row) width += static_cast<size_t>(c.span);
      columns = std::max(columns, width);
    }
    std::vector<std::string> above;  // the text shown in each grid column of the row above
    for (const auto& row : rows) {
      if (columns <= 2) {
        SideBySide(row, lines);
        continue;
      }
      std::vector<std::string> grid;
      for (const Cell& c : row) {
        size_t col = grid.size();
        std::string text = c.continues && col < above.size() ? above[col] : CellText(c.paragraphs);
        grid.push_back(std::move(text));
        for (int k = 1; k < c.span; ++k) grid.emplace_back();
      }
      above = grid;
      bool empty = true;
      std::string line;
      for (size_t i = 0; i < grid.size(); ++i) {
        if (!grid[i].empty()) empty = false;
        line += (i ? " | " : "") + grid[i];
      }
      if (!empty) lines->push_back(std::move(line));
    }
    return Status::Ok();
  }

  // A layout row (a header or a signature block): the i-th paragraphs of its cells on one line,
  // separated by '\t', as the page shows them.
  static void SideBySide(const std::vector<Cell>& row, std::vector<std::string>* lines) {
    size_t height = 0;
    for (const Cell& c : row) height = std::max(height, c.paragraphs.size());
    for (size_t i = 0; i < height; ++i) {
      std::string line;
      bool empty = true;
      for (size_t c = 0; c < row.size(); ++c) {
        std::string part = i < row[c].paragraphs.size() ? row[c].paragraphs[i] : "";
        for (char& ch : part) {
          if (ch == '\n' || ch == '\t') ch = ' ';
        }
        if (!part.empty()) empty = false;
        line += (c ? "\t" : "") + part;
      }
      if (!empty) lines->push_back(std::move(line));
    }
  }

  Status Rows(const pugi::xml_node& tbl, int depth, std::vector<std::vector<Cell>>* rows) {
    if (depth > kMaxDepth) return Status::Corruption("the .docx nests elements too deeply");
    for (pugi::xml_node n = tbl.first_child(); n; n = n.next_sibling()) {
      std::string_view name = LocalName(n);
      if (name == "sdt") {
        DONDOC_RETURN_IF_ERROR(Rows(Child(n, "sdtContent"), depth + 1, rows));
      } else if (name == "customXml") {
        DONDOC_RETURN_IF_ERROR(Rows(n, depth + 1, rows));
      } else if (name == "tr") {
        if (Child(Child(n, "trPr"), "del")) continue;  // a deleted row
        rows->emplace_back();
        DONDOC_RETURN_IF_ERROR(Cells(n, depth + 1, &rows->back()));
      }
    }
    return Status::Ok();
  }

  Status Cells(const pugi::xml_node& tr, int depth, std::vector<Cell>* cells) {
    if (depth > kMaxDepth) return Status::Corruption("the .docx nests elements too deeply");
    for (pugi::xml_node c = tr.first_child(); c; c = c.next_sibling()) {
      std::string_view name = LocalName(c);
      if (name == "sdt") {
        DONDOC_RETURN_IF_ERROR(Cells(Child(c, "sdtContent"), depth + 1, cells));
      } else if (name == "customXml") {
        DONDOC_RETURN_IF_ERROR(Cells(c, depth + 1, cells));
      } else if (name == "tc") {
        cells->emplace_back();
        Cell& cell = cells->back();
        pugi::xml_node tc_pr = Child(c, "tcPr");
        if (auto span = IntAttr(Child(tc_pr, "gridSpan"), "val")) {
          cell.span = static_cast<int>(std::clamp(*span, 1L, 64L));
        }
        pugi::xml_node v_merge = Child(tc_pr, "vMerge");
        cell.continues = v_merge && Attr(v_merge, "val").value_or("continue") == "continue";
        DONDOC_RETURN_IF_ERROR(Blocks(c, depth + 1, &cell.paragraphs));
      }
    }
    return Status::Ok();
  }

  ListNumbering* numbering_;
  Status ok_;
};

// True when the XML holds letters only Vietnamese uses (đ, ơ, ư, ă) or declares vi-VN.
bool LooksVietnamese(std::string_view document_xml, std::string_view styles_xml) {
  for (std::string_view marker : {"\xC4\x91", "\xC4\x90", "\xC6\xA1", "\xC6\xB0", "\xC4\x83"}) {
    if (document_xml.find(marker) != std::string_view::npos) return true;
  }
  return styles_xml.find("\"vi-VN\"") != std::string_view::npos;
}

std::string DirOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string RelsOf(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

// An optional part of the main document: through its relationships, else beside it.
Result<std::string> OptionalPart(const Archive& zip, const std::string& main_part,
                                 const std::optional<std::string>& rels_xml, std::string_view type,
                                 const std::string& fallback_name) {
  std::optional<std::string> name;
  if (rels_xml) {
    DONDOC_ASSIGN_OR_RETURN(name,
                            FindRelationship(*rels_xml, RelsOf(main_part), DirOf(main_part), type));
  } else if (zip.Has(DirOf(main_part) + fallback_name)) {
    name = DirOf(main_part) + fallback_name;
  }
  if (!name || !zip.Has(*name)) return std::string();
  return zip.Read(*name);
}

}  // namespace

Result<std::string> ReadDocx(std::string_view bytes, std::vector<std::string>* warnings,
                             const DocxLimits& limits) {
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") {
    return Status::Corruption("not a valid .docx: not a zip file");
  }
  DONDOC_ASSIGN_OR_RETURN(Archive zip, Archive::Open(bytes, limits));

  Result<std::string> package_rels = zip.Read("_rels/.rels");
  if (!package_rels.ok()) {
    if (package_rels.status().code() == StatusCode::kNotFound) {
      return Status::Corruption("not a valid .docx: no _rels/.rels");
    }
    return package_rels.status();
  }
  DONDOC_ASSIGN_OR_RETURN(std::optional<std::string> main_part,
                          FindRelationship(*package_rels, "_rels/.rels", "", "officeDocument"));
  if (!main_part) return Status::Corruption("not a valid .docx: no officeDocument relationship");
  Result<std::string> document_xml = zip.Read(*main_part);
  if (!document_xml.ok()) {
    if (document_xml.status().code() == StatusCode::kNotFound) {
      return Status::Corruption("not a valid .docx: the main part " + *main_part + " is missing");
    }
    return document_xml.status();
  }

  std::optional<std::string> rels_xml;
  if (zip.Has(RelsOf(*main_part))) {
    DONDOC_ASSIGN_OR_RETURN(rels_xml, zip.Read(RelsOf(*main_part)));
  }
  DONDOC_ASSIGN_OR_RETURN(std::string numbering_xml,
                          OptionalPart(zip, *main_part, rels_xml, "numbering", "numbering.xml"));
  DONDOC_ASSIGN_OR_RETURN(std::string styles_xml,
                          OptionalPart(zip, *main_part, rels_xml, "styles", "styles.xml"));
  DONDOC_ASSIGN_OR_RETURN(ListNumbering numbering, ListNumbering::Parse(numbering_xml, styles_xml));
  numbering.set_vietnamese_letters(LooksVietnamese(*document_xml, styles_xml));

  pugi::xml_document doc;
  DONDOC_RETURN_IF_ERROR(ooxml::Parse(*document_xml, *main_part, &doc));
  pugi::xml_node body = Child(doc.document_element(), "body");
  if (!body) return Status::Corruption("not a valid .docx: " + *main_part + " has no body");
  std::vector<std::string> lines;
  BodyWriter writer(&numbering);
  DONDOC_RETURN_IF_ERROR(writer.Blocks(body, 0, &lines));
  std::string text;
  for (const std::string& line : lines) {
    text += line;
    text += '\n';
  }
  if (!text::IsValidUtf8(text))
    return Status::Corruption("not a valid .docx: its text is not UTF-8");
  for (char& c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) c = ' ';  // XML forbids them in text
  }
  if (warnings != nullptr && document_xml->find("txbxContent") != std::string::npos) {
    warnings->push_back("the .docx has text boxes; their text is not read");
  }
  return text;
}

}  // namespace dondoc::notice
