#include "web/export_tables.h"

#include "domain/status.h"
#include "web/format.h"

namespace dondoc::web {

using exports::Cell;
using exports::ColumnKind;

namespace {

std::string JoinUnits(const std::vector<domain::Id>& ids, const Names& names) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : "; ") + names.Unit(id);
  return out;
}

Cell DateCell(const std::optional<text::Date>& d) {
  if (!d) return std::monostate{};
  return *d;
}

}  // namespace

std::string DescribeFilters(const TaskListQuery& q, const Names& names) {
  std::string out;
  auto add = [&out](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
  if (!q.q.empty()) add("Tìm: \"" + q.q + "\"");
  if (q.unit) add("Đơn vị: " + names.Unit(*q.unit));
  if (q.role == "lead") add("Vai trò: chủ trì");
  if (q.role == "support") add("Vai trò: phối hợp");
  if (!q.status.empty()) add("Tình trạng: " + std::string(StatusStyleOf(q.status).label));
  if (q.overdue) add("Chỉ quá hạn");
  if (q.due_after) add("Hạn từ " + FormatDate(q.due_after));
  if (q.due_before) add("Hạn đến " + FormatDate(q.due_before));
  if (q.notice) {
    auto it = names.notices.find(*q.notice);
    add("Thông báo: " + (it == names.notices.end() ? "#" + std::to_string(*q.notice) : it->second));
  }
  return out;
}

exports::Table TaskTable(const std::vector<domain::Task>& tasks, const Names& names,
                         text::Date as_of, const std::string& filters,
                         domain::Timestamp exported_at) {
  exports::Table t;
  t.sheet_name = "Nhiệm vụ";
  t.title = "DANH SÁCH NHIỆM VỤ THEO THÔNG BÁO KẾT LUẬN";
  t.subtitle = (filters.empty() ? std::string("Tất cả nhiệm vụ") : "Lọc: " + filters) +
               " · Tình trạng tính đến ngày " + FormatDate(as_of) + " · Xuất lúc " +
               FormatTimestamp(exported_at) + " · " + std::to_string(tasks.size()) + " nhiệm vụ";
  t.columns = {
      {"STT", ColumnKind::kInteger, 6},         {"Số hiệu", ColumnKind::kText, 0},
      {"Thông báo", ColumnKind::kText, 0},      {"Nội dung nhiệm vụ", ColumnKind::kLongText, 70},
      {"Đơn vị chủ trì", ColumnKind::kText, 0}, {"Đơn vị phối hợp", ColumnKind::kLongText, 30},
      {"Hạn hoàn thành", ColumnKind::kDate, 0}, {"Hạn ban đầu", ColumnKind::kDate, 0},
      {"Tình trạng", ColumnKind::kText, 0},     {"Tiến độ", ColumnKind::kPercent, 9},
      {"Ngày hoàn thành", ColumnKind::kDate, 0}};
  int n = 0;
  for (const auto& task : tasks) {
    auto it = names.notices.find(task.notice_id);
    StatusStyle st = StatusStyleOf(domain::TaskStateCode(domain::DeriveStatus(task, as_of)));
    t.rows.push_back({static_cast<double>(++n), task.ref,
                      it == names.notices.end() ? std::string() : it->second, task.text,
                      JoinUnits(task.lead_unit_ids, names), JoinUnits(task.support_unit_ids, names),
                      DateCell(task.due), DateCell(task.original_due), std::string(st.label),
                      task.progress / 100.0, DateCell(task.done_date)});
  }
  return t;
}

exports::Table ScorecardTable(const std::vector<domain::ScoreRow>& rows,
                              const std::map<domain::Id, std::string>& names,
                              const std::string& key_header, text::Date as_of,
                              domain::Timestamp exported_at) {
  exports::Table t;
  t.sheet_name = "Kết quả theo " + key_header;
  t.title = "KẾT QUẢ THỰC HIỆN NHIỆM VỤ";
  t.subtitle = "Theo " + key_header + " · Tính đến ngày " + FormatDate(as_of) + " · Xuất lúc " +
               FormatTimestamp(exported_at);
  t.columns = {{key_header, ColumnKind::kText, 0},
               {"Được giao", ColumnKind::kInteger, 0},
               {"Chưa đến hạn", ColumnKind::kInteger, 0},
               {"Hoàn thành đúng hạn", ColumnKind::kInteger, 0},
               {"Hoàn thành trễ hạn", ColumnKind::kInteger, 0},
               {"Quá hạn chưa hoàn thành", ColumnKind::kInteger, 0},
               {"Đang thực hiện trong hạn", ColumnKind::kInteger, 0},
               {"Tạm dừng", ColumnKind::kInteger, 0},
               {"Tỷ lệ hoàn thành", ColumnKind::kPercent, 0},
               {"Tỷ lệ quá hạn", ColumnKind::kPercent, 0}};
  for (const auto& r : rows) {
    auto it = names.find(r.key);
    const auto& c = r.counts;
    t.rows.push_back({it == names.end() ? "#" + std::to_string(r.key) : it->second,
                      static_cast<double>(c.assigned), static_cast<double>(c.not_due),
                      static_cast<double>(c.done_on_time), static_cast<double>(c.done_late),
                      static_cast<double>(c.overdue), static_cast<double>(c.in_progress),
                      static_cast<double>(c.paused), c.completion_rate(), c.overdue_rate()});
  }
  return t;
}

}  // namespace dondoc::web
