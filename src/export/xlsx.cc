#include "export/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "text/utf8.h"

namespace dondoc::exports {
namespace {

// Width in characters of a cell's text as shown (code points; dates are 10).
double ShownWidth(const Cell& c, ColumnKind kind) {
  if (const auto* s = std::get_if<std::string>(&c)) {
    return text::IsValidUtf8(*s) ? static_cast<double>(text::CodePointCount(*s)) : s->size();
  }
  if (std::holds_alternative<text::Date>(c)) return 10;
  if (std::holds_alternative<double>(c)) return kind == ColumnKind::kPercent ? 7 : 12;
  return 0;
}

double ColumnWidth(const Table& t, size_t col) {
  const Column& c = t.columns[col];
  if (c.width > 0) return c.width;
  if (c.kind == ColumnKind::kLongText) return 60;
  if (c.kind == ColumnKind::kDate) return 12;
  double w = std::max(8.0, static_cast<double>(text::CodePointCount(c.header)) * 0.6 + 2);
  for (const auto& row : t.rows) {
    if (col < row.size()) w = std::max(w, ShownWidth(row[col], c.kind) + 2);
  }
  return std::min(w, 45.0);
}

struct Formats {
  lxw_format* title;
  lxw_format* subtitle;
  lxw_format* header;
  lxw_format* text;
  lxw_format* long_text;
  lxw_format* integer;
  lxw_format* decimal;
  lxw_format* percent;
  lxw_format* date;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.subtitle = workbook_add_format(wb);
  format_set_italic(f.subtitle);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(f.header, 0xDCE6F1);
  format_set_border(f.header, LXW_BORDER_THIN);
  auto cell = [wb]() {
    lxw_format* x = workbook_add_format(wb);
    format_set_border(x, LXW_BORDER_THIN);
    format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
    return x;
  };
  f.text = cell();
  f.long_text = cell();
  format_set_text_wrap(f.long_text);
  f.integer = cell();
  format_set_num_format(f.integer, "#,##0");
  f.decimal = cell();
  format_set_num_format(f.decimal, "#,##0.0");
  f.percent = cell();
  format_set_num_format(f.percent, "0.0%");
  f.date = cell();
  format_set_num_format(f.date, "dd/mm/yyyy");
  format_set_align(f.date, LXW_ALIGN_CENTER);
  return f;
}

lxw_format* FormatFor(const Formats& f, ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kText:
      return f.text;
    case ColumnKind::kLongText:
      return f.long_text;
    case ColumnKind::kInteger:
      return f.integer;
    case ColumnKind::kDecimal:
      return f.decimal;
    case ColumnKind::kPercent:
      return f.percent;
    case ColumnKind::kDate:
      return f.date;
  }
  return f.text;
}

Status Check(lxw_error e, const char* what) {
  if (e == LXW_NO_ERROR) return Status::Ok();
  return Status::Internal(std::string("xlsx: ") + what + ": " + lxw_strerror(e));
}

Status WriteSheet(lxw_workbook* wb, const Formats& f, const Table& t, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) return Status::Internal("xlsx: cannot add sheet " + name);
  const lxw_col_t ncols = static_cast<lxw_col_t>(std::max<size_t>(t.columns.size(), 1));
  constexpr lxw_row_t kHeaderRow = 3;
  DONDOC_RETURN_IF_ERROR(
      Check(worksheet_write_string(ws, 0, 0, t.title.c_str(), f.title), "title"));
  if (!t.subtitle.empty()) {
    DONDOC_RETURN_IF_ERROR(
        Check(worksheet_write_string(ws, 1, 0, t.subtitle.c_str(), f.subtitle), "subtitle"));
  }
  worksheet_set_row(ws, kHeaderRow, 32, nullptr);
  for (lxw_col_t c = 0; c < t.columns.size(); ++c) {
    DONDOC_RETURN_IF_ERROR(
        Check(worksheet_set_column(ws, c, c, ColumnWidth(t, c), nullptr), "column width"));
    DONDOC_RETURN_IF_ERROR(
        Check(worksheet_write_string(ws, kHeaderRow, c, t.columns[c].header.c_str(), f.header),
              "header"));
  }
  lxw_row_t r = kHeaderRow + 1;
  for (const auto& row : t.rows) {
    for (lxw_col_t c = 0; c < t.columns.size(); ++c) {
      lxw_format* fmt = FormatFor(f, t.columns[c].kind);
      const Cell empty;
      const Cell& cell = c < row.size() ? row[c] : empty;
      lxw_error e = LXW_NO_ERROR;
      if (const auto* s = std::get_if<std::string>(&cell)) {
        const ColumnKind kind = t.columns[c].kind;
        lxw_format* sfmt =
            (kind == ColumnKind::kText || kind == ColumnKind::kLongText) ? fmt : f.text;
        e = s->empty() ? worksheet_write_blank(ws, r, c, fmt)
                       : worksheet_write_string(ws, r, c, s->c_str(), sfmt);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        e = worksheet_write_number(ws, r, c, *d, fmt);
      } else if (const auto* date = std::get_if<text::Date>(&cell)) {
        lxw_datetime dt{date->year, date->month, date->day, 0, 0, 0};
        e = worksheet_write_datetime(ws, r, c, &dt, f.date);
      } else {
        e = worksheet_write_blank(ws, r, c, fmt);
      }
      DONDOC_RETURN_IF_ERROR(Check(e, "cell"));
    }
    ++r;
  }
  worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
  lxw_row_t last = t.rows.empty() ? kHeaderRow : r - 1;
  DONDOC_RETURN_IF_ERROR(Check(worksheet_autofilter(ws, kHeaderRow, 0, last, ncols - 1), "filter"));
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
  return Status::Ok();
}

}  // namespace

std::string SheetName(const std::string& wanted) {
  std::string out;
  long count = 0;
  size_t i = 0;
  const std::string_view bad = "[]:*?/\\";
  while (i < wanted.size() && count < 31) {
    unsigned char b = static_cast<unsigned char>(wanted[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + len > wanted.size()) break;
    if (len == 1 && (bad.find(wanted[i]) != std::string_view::npos || b < 0x20)) {
      out += ' ';
    } else {
      out.append(wanted, i, len);
    }
    i += len;
    ++count;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
  while (!out.empty() && (out.front() == ' ' || out.front() == '\'')) out.erase(0, 1);
  if (out.empty() || !text::IsValidUtf8(out)) return "Sheet";
  return out;
}

Result<std::string> WriteXlsx(const std::vector<Table>& tables) {
  if (tables.empty()) return Status::InvalidArgument("nothing to export");
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = (tmp != nullptr && *tmp != '\0') ? tmp : "/tmp";
  std::string path = dir + "/dondoc-xlsx-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Status::IoError("cannot create a temporary file in " + dir);
  close(fd);

  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = dir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) {
    std::remove(path.c_str());
    return Status::IoError("cannot start a workbook");
  }
  Formats f = MakeFormats(wb);
  std::set<std::string> used;
  Status st;
  for (const auto& t : tables) {
    std::string name = SheetName(t.sheet_name);
    for (int n = 2; used.count(name) != 0; ++n) {
      name = SheetName(t.sheet_name.substr(0, 20) + " (" + std::to_string(n) + ")");
    }
    used.insert(name);
    st = WriteSheet(wb, f, t, name);
    if (!st.ok()) break;
  }
  lxw_error closed = workbook_close(wb);  // frees wb in every case
  if (st.ok()) st = Check(closed, "close");
  if (!st.ok()) {
    std::remove(path.c_str());
    return st;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::remove(path.c_str());
  if (!in && !in.eof()) return Status::IoError("cannot read the workbook back");
  return bytes.str();
}

}  // namespace dondoc::exports
