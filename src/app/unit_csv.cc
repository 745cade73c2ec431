#include "app/unit_csv.h"

#include <map>
#include <optional>

#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::app {

namespace {

struct Record {
  int line = 0;
  std::vector<std::string> fields;
  bool unclosed_quote = false;
};

// Splits the text into RFC 4180 records; a quoted field may hold commas and line breaks. Each
// record keeps the line it starts on, for the admin's "dòng N".
std::vector<Record> SplitRecords(std::string_view csv) {
  std::vector<Record> out;
  size_t i = 0;
  int line = 1;
  while (i < csv.size()) {
    Record r;
    r.line = line;
    std::string cur;
    bool quoted = false;
    for (; i < csv.size(); ++i) {
      char c = csv[i];
      if (quoted) {
        if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
          cur.push_back('"');
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') ++line;
          cur.push_back(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        r.fields.push_back(std::move(cur));
        cur.clear();
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
        ++i;
        ++line;
        break;
      } else {
        cur.push_back(c);
      }
    }
    r.unclosed_quote = quoted;
    r.fields.push_back(std::move(cur));
    out.push_back(std::move(r));
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

bool IsBlank(const Record& r) { return r.fields.size() == 1 && Trim(r.fields[0]).empty(); }

// A first row naming the columns, in English or Vietnamese.
bool IsHeader(const Record& r) {
  std::string k = text::FoldKey(Trim(r.fields[0]), {.strip_diacritics = true});
  return k == "name" || k == "ten" || k == "ten don vi";
}

std::string Quoted(const std::string& name) { return "«" + name + "»"; }

}  // namespace

Result<UnitCsvPlan> PlanUnitsCsv(std::string_view csv, const std::vector<domain::Unit>& existing) {
  if (csv.size() > kMaxUnitCsvBytes) {
    return Status::TooLarge("Tệp CSV quá lớn (tối đa 1 MB).");
  }
  if (!text::IsValidUtf8(csv)) {
    return Status::InvalidArgument("Tệp CSV không phải văn bản UTF-8. Hãy lưu lại với mã UTF-8.");
  }
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);

  std::map<std::string, const domain::Unit*> stored;  // FoldKey(name) → unit
  for (const domain::Unit& u : existing) stored.emplace(text::FoldKey(u.name), &u);

  UnitCsvPlan plan;
  std::vector<Record> records = SplitRecords(csv);
  std::map<std::string, size_t> in_file;  // FoldKey(name) → first row of that name
  for (size_t n = 0; n < records.size(); ++n) {
    const Record& r = records[n];
    if (IsBlank(r) || (n == 0 && IsHeader(r))) continue;
    if (plan.rows.size() >= kMaxUnitCsvRows) {
      return Status::InvalidArgument("Tệp CSV có quá nhiều dòng (tối đa " +
                                     std::to_string(kMaxUnitCsvRows) + ").");
    }
    UnitCsvRow row;
    row.line = r.line;
    row.unit.name = text::NormalizeText(Trim(r.fields[0]));
    if (r.fields.size() > 1) {
      std::string_view a = r.fields[1];
      size_t p = 0;
      while (p <= a.size()) {
        size_t semi = a.find(';', p);
        if (semi == std::string_view::npos) semi = a.size();
        std::string alias = Trim(a.substr(p, semi - p));
        if (!alias.empty()) row.unit.aliases.push_back(text::NormalizeText(alias));
        p = semi + 1;
      }
    }
    if (r.fields.size() > 2) row.unit.kind = Trim(r.fields[2]);
    if (r.fields.size() > 3) row.parent = text::NormalizeText(Trim(r.fields[3]));

    const std::string key = text::FoldKey(row.unit.name);
    if (r.unclosed_quote) {
      row.error = "Thiếu dấu ngoặc kép đóng.";
    } else if (r.fields.size() > 4) {
      row.error = "Có " + std::to_string(r.fields.size()) +
                  " cột; chỉ cần 4 cột: tên, tên gọi khác, loại, đơn vị cấp trên (tên có dấu "
                  "phẩy phải đặt trong ngoặc kép).";
    } else if (row.unit.name.empty()) {
      row.error = "Tên đơn vị trống.";
    } else if (row.unit.name.size() > 300) {
      row.error = "Tên đơn vị quá dài (tối đa 300 byte).";
    } else if (in_file.count(key)) {
      row.error = "Trùng tên với dòng " + std::to_string(plan.rows[in_file[key]].line) + ".";
    } else if (!row.parent.empty() && text::FoldKey(row.parent) == key) {
      row.error = "Đơn vị không thể trực thuộc chính nó.";
    } else if (stored.count(key)) {
      row.present = true;
    }
    if (!row.unit.name.empty() && !in_file.count(key)) in_file[key] = plan.rows.size();
    plan.rows.push_back(std::move(row));
  }
  if (plan.rows.empty()) {
    return Status::InvalidArgument("Tệp CSV không có dòng đơn vị nào.");
  }

  // Parents: a stored unit, or another row of the file, which may come later; resolved in rounds
  // so that every unit is added after its parent.
  std::vector<bool> placed(plan.rows.size(), false);
  std::vector<size_t> pending;
  for (size_t i = 0; i < plan.rows.size(); ++i) {
    UnitCsvRow& row = plan.rows[i];
    if (!row.error.empty() || row.present) continue;
    if (!row.parent.empty()) {
      auto s = stored.find(text::FoldKey(row.parent));
      if (s != stored.end()) {
        row.unit.parent_id = s->second->id;
      } else if (!in_file.count(text::FoldKey(row.parent))) {
        row.error = "Không tìm thấy đơn vị cấp trên " + Quoted(row.parent) +
                    " trong danh mục hay trong tệp.";
        continue;
      }
    }
    pending.push_back(i);
  }
  bool progress = true;
  while (progress && !pending.empty()) {
    progress = false;
    std::vector<size_t> later;
    for (size_t i : pending) {
      UnitCsvRow& row = plan.rows[i];
      std::optional<size_t> parent_row;
      if (!row.parent.empty() && !row.unit.parent_id) {
        parent_row = in_file[text::FoldKey(row.parent)];
      }
      if (parent_row && !plan.rows[*parent_row].error.empty()) {
        row.error = "Đơn vị cấp trên " + Quoted(row.parent) + " (dòng " +
                    std::to_string(plan.rows[*parent_row].line) + ") có lỗi.";
        progress = true;
      } else if (!parent_row || placed[*parent_row]) {
        placed[i] = true;
        plan.order.push_back(i);
        progress = true;
      } else {
        later.push_back(i);
      }
    }
    pending = std::move(later);
  }
  for (size_t i : pending) {
    plan.rows[i].error = "Đơn vị cấp trên " + Quoted(plan.rows[i].parent) +
                         " tạo thành vòng lặp (các đơn vị trực thuộc lẫn nhau).";
  }
  for (const UnitCsvRow& row : plan.rows) {
    if (!row.error.empty()) ++plan.errors;
    if (row.present) ++plan.present;
  }
  return plan;
}

}  // namespace dondoc::app
