#include "notice/table_tasks.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "text/normalize.h"

namespace dondoc::notice {

namespace {

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.substr(0, w.size()) == w &&
        (s.size() == w.size() || s[w.size()] == ' ' || s[w.size()] == ',' || s[w.size()] == '/')) {
      return true;
    }
  }
  return false;
}

bool Has(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

std::string_view CellText(std::string_view row, const TableCell& c) {
  return row.substr(c.begin, c.end - c.begin);
}

// A cell of digits, dashes, dots and parentheses only: a column number row ("(1) | (2)") or a
// Markdown separator row ("---").
bool IsRuleOrNumber(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != ':' && c != '(' &&
        c != ')' && c != '.' && c != ' ') {
      return false;
    }
  }
  return true;
}

bool IsPunct(const std::vector<Token>& t, size_t i, std::string_view p) {
  return i < t.size() && t[i].punct && t[i].text == p;
}

}  // namespace

ColumnRole HeaderCellRole(std::string_view cell) {
  std::string k = text::FoldKey(cell);
  while (!k.empty() && (k.back() == ':' || k.back() == '*')) k.pop_back();
  if (k == "stt" || k == "tt" || StartsWithAny(k, {"số tt", "số thứ tự"})) {
    return ColumnRole::kIndex;
  }
  if (StartsWithAny(k, {"nội dung", "nhiệm vụ", "tên nhiệm vụ", "công việc", "giải pháp",
                        "hoạt động", "tên đề án", "đề án", "tên công việc", "các nhiệm vụ"})) {
    return ColumnRole::kContent;
  }
  if (StartsWithAny(k, {"lãnh đạo", "người ký", "ghi chú", "sản phẩm", "kết quả", "kinh phí",
                        "cấp trình", "hình thức", "dự kiến", "văn bản", "căn cứ"})) {
    return ColumnRole::kExtra;
  }
  if (Has(k, "phối hợp") && !Has(k, "chủ trì")) return ColumnRole::kSupport;
  if (StartsWithAny(k, {"thời gian", "thời hạn", "tiến độ", "hạn", "thời điểm", "mốc thời gian",
                        "hạn hoàn thành", "thời hạn hoàn thành"})) {
    return ColumnRole::kDeadline;
  }
  if (Has(k, "chủ trì") || Has(k, "thực hiện") || Has(k, "được giao") ||
      Has(k, "chịu trách nhiệm") || Has(k, "đầu mối") || k == "cơ quan" || k == "đơn vị" ||
      k == "cơ quan, đơn vị") {
    return ColumnRole::kLead;
  }
  return ColumnRole::kOther;
}

std::vector<UnitMention> CellUnits(std::string_view row, const TableCell& cell) {
  std::string_view s = CellText(row, cell);
  std::vector<Token> t = Tokenize(s);
  std::vector<UnitMention> found;
  size_t piece = 0;  // first token of the current ';'-separated piece
  bool piece_named = false;
  auto close_piece = [&](size_t end) {
    if (piece_named || piece >= end) return;
    // A capitalised name the parser does not know: two capitalised words at least.
    int caps = 0, words = 0;
    for (size_t k = piece; k < end; ++k) {
      if (t[k].punct) continue;
      ++words;
      if (text::StartsUpper(t[k].text)) ++caps;
    }
    if (words > 12 || caps < 2 || !text::StartsUpper(t[piece].text)) return;
    UnitMention m;
    m.begin = t[piece].begin;
    m.end = t[end - 1].end;
    while (end > piece && t[end - 1].punct) m.end = t[--end - 1].end;
    if (end == piece) return;
    m.mention = std::string(s.substr(m.begin, m.end - m.begin));
    m.name = StripTitle(m.mention);
    found.push_back(m);
  };
  for (size_t i = 0; i < t.size();) {
    if (IsPunct(t, i, ";")) {
      close_piece(i);
      piece = i + 1;
      piece_named = false;
      ++i;
      continue;
    }
    size_t next = i;
    std::vector<UnitMention> list = ParseUnitList(s, t, i, &next, true);
    if (!list.empty() && next > i) {
      piece_named = true;
      for (UnitMention& m : list) {
        if (!m.vague) found.push_back(std::move(m));
      }
      i = next;
      continue;
    }
    ++i;
  }
  close_piece(t.size());
  std::vector<UnitMention> out;
  std::vector<std::string> keys;
  for (UnitMention& m : found) {
    std::string key = text::FoldKey(StripTitle(m.name));
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(key);
    m.begin += cell.begin;
    m.end += cell.begin;
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<TableTask> TaskTableReader::Next(std::string_view paragraph) {
  std::vector<TableCell> cells = SplitTableRow(paragraph);
  if (cells.empty()) {
    roles_.clear();
    in_header_ = false;
    return std::nullopt;
  }
  // A .docx row whose first and last cells are empty reads like a Markdown row ("| | x | y |"):
  // two cells short of the table, it gets them back.
  if (!roles_.empty() && cells.size() + 2 == roles_.size() && paragraph.front() == '|' &&
      paragraph.back() == '|') {
    cells.insert(cells.begin(), TableCell{0, 0});
    cells.push_back(TableCell{paragraph.size(), paragraph.size()});
  }
  // Header rows: every non-empty cell names a column and one names the content.
  std::vector<ColumnRole> roles;
  bool header = true, numbers = true;
  for (const TableCell& c : cells) {
    std::string_view s = CellText(paragraph, c);
    ColumnRole r = s.empty() ? ColumnRole::kOther : HeaderCellRole(s);
    if (!s.empty() && r == ColumnRole::kOther) header = false;
    if (!IsRuleOrNumber(s)) numbers = false;
    roles.push_back(r);
  }
  auto count = [](const std::vector<ColumnRole>& v, ColumnRole r) {
    return std::count(v.begin(), v.end(), r);
  };
  if (numbers) return std::nullopt;  // "---" or "(1) | (2) | (3)" under the header
  if (header && !roles_.empty() && in_header_) {
    // A second header row splitting a column: "Chủ trì | Phối hợp" under "Cơ quan thực hiện".
    roles_.resize(std::max(roles_.size(), roles.size()), ColumnRole::kOther);
    for (size_t j = 0; j < roles.size(); ++j) {
      if (roles[j] == ColumnRole::kOther) continue;
      for (ColumnRole& old : roles_) {
        if (old == roles[j] && roles[j] != ColumnRole::kContent) old = ColumnRole::kOther;
      }
      roles_[j] = roles[j];
    }
    return std::nullopt;
  }
  // A header row (again on each new page of a long table) names the content and a unit.
  if (header && count(roles, ColumnRole::kContent) >= 1 &&
      (count(roles, ColumnRole::kLead) >= 1 || count(roles, ColumnRole::kSupport) >= 1)) {
    roles_ = roles;
    in_header_ = true;
    return std::nullopt;
  }
  in_header_ = false;
  if (roles_.empty()) return std::nullopt;
  auto column = [&](ColumnRole r) -> std::optional<TableCell> {
    for (size_t j = 0; j < roles_.size() && j < cells.size(); ++j) {
      if (roles_[j] == r && cells[j].end > cells[j].begin) return cells[j];
    }
    return std::nullopt;
  };
  std::optional<TableCell> content = column(ColumnRole::kContent);
  std::optional<TableCell> lead = column(ColumnRole::kLead);
  if (!content || !lead) return std::nullopt;  // a group row ("I | Lĩnh vực kinh tế | |")
  TableTask task;
  task.content = *content;
  // One column for both: "Sở Tài chính chủ trì, phối hợp với Sở Xây dựng", "Chủ trì: A; phối
  // hợp: B". The units after "phối hợp" support.
  std::vector<TableCell> support_cells;
  TableCell lead_cell = *lead;
  std::string_view lead_text = CellText(paragraph, lead_cell);
  for (std::string_view word : {"phối hợp", "Phối hợp"}) {
    size_t at = lead_text.find(word);
    if (at == std::string_view::npos || at == 0) continue;
    support_cells.push_back({lead_cell.begin + at + word.size(), lead_cell.end});
    lead_cell.end = lead_cell.begin + at;
    lead_text = CellText(paragraph, lead_cell);
  }
  task.lead = CellUnits(paragraph, lead_cell);
  if (task.lead.empty()) return std::nullopt;
  if (std::optional<TableCell> support = column(ColumnRole::kSupport)) {
    support_cells.push_back(*support);
  }
  std::vector<std::string> keys;
  for (const UnitMention& m : task.lead) keys.push_back(text::FoldKey(StripTitle(m.name)));
  for (const TableCell& cell : support_cells) {
    for (UnitMention& m : CellUnits(paragraph, cell)) {
      std::string key = text::FoldKey(StripTitle(m.name));
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      keys.push_back(key);
      task.support.push_back(std::move(m));
    }
  }
  task.deadline = column(ColumnRole::kDeadline);
  return task;
}

}  // namespace dondoc::notice
