#include "web/task_list_view.h"

#include <algorithm>
#include <charconv>

#include "domain/status.h"
#include "web/format.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

std::optional<domain::Id> ParseId(const std::string& s) {
  domain::Id v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

std::string Encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

struct SortChoice {
  const char* code;
  const char* label;
};
constexpr SortChoice kSorts[] = {
    {"due", "Hạn gần nhất trước"}, {"due_desc", "Hạn xa nhất trước"},   {"new", "Mới giao trước"},
    {"updated", "Mới cập nhật"},   {"notice", "Theo thứ tự thông báo"},
};

}  // namespace

TaskListQuery TaskListQuery::FromParams(const http::QueryParams& params) {
  TaskListQuery q;
  for (const auto& [name, value] : params) {
    if (name == "q") {
      q.q = value.substr(0, 200);
    } else if (name == "unit") {
      q.unit = ParseId(value);
    } else if (name == "role") {
      if (value == "lead" || value == "support") q.role = value;
    } else if (name == "status") {
      if (domain::TaskStateFromCode(value)) q.status = value;
    } else if (name == "overdue") {
      q.overdue = value == "true" || value == "1" || value == "on";
    } else if (name == "due_after") {
      q.due_after = text::Date::FromIso(value);
    } else if (name == "due_before") {
      q.due_before = text::Date::FromIso(value);
    } else if (name == "notice") {
      q.notice = ParseId(value);
    } else if (name == "field") {
      q.field = ParseId(value);
    } else if (name == "sort") {
      for (const auto& s : kSorts) {
        if (value == s.code) q.sort = value;
      }
    } else if (name == "page") {
      auto p = ParseId(value);
      if (p && *p < 100000) q.page = static_cast<int>(*p);
    }
  }
  return q;
}

std::string TaskListQuery::ToQueryString(int page_override) const {
  std::string out;
  auto add = [&out](std::string_view k, std::string_view v) {
    if (!out.empty()) out += '&';
    out += k;
    out += '=';
    out += Encode(v);
  };
  if (!q.empty()) add("q", q);
  if (unit) add("unit", std::to_string(*unit));
  if (!role.empty()) add("role", role);
  if (!status.empty()) add("status", status);
  if (overdue) add("overdue", "true");
  if (due_after) add("due_after", due_after->ToIso());
  if (due_before) add("due_before", due_before->ToIso());
  if (notice) add("notice", std::to_string(*notice));
  if (field) add("field", std::to_string(*field));
  if (sort != "due") add("sort", sort);
  int p = page_override > 0 ? page_override : page;
  if (p > 1) add("page", std::to_string(p));
  return out;
}

Names Names::Of(const std::vector<domain::Unit>& units,
                const std::vector<domain::Notice>& notices) {
  Names n;
  for (const auto& u : units) n.units[u.id] = u.name;
  for (const auto& x : notices) {
    n.notices[x.id] = x.number.empty() ? "Thông báo #" + std::to_string(x.id) : x.number;
  }
  return n;
}

std::string Names::Unit(domain::Id id) const {
  auto it = units.find(id);
  return it == units.end() ? "Đơn vị #" + std::to_string(id) : it->second;
}

json TaskRowJson(const domain::Task& t, const Names& names, text::Date as_of) {
  domain::TaskState state = domain::DeriveStatus(t, as_of);
  StatusStyle st = StatusStyleOf(domain::TaskStateCode(state));
  json lead = json::array(), support = json::array();
  for (auto id : t.lead_unit_ids) lead.push_back({{"id", id}, {"name", names.Unit(id)}});
  for (auto id : t.support_unit_ids) support.push_back({{"id", id}, {"name", names.Unit(id)}});
  std::string notice;
  if (auto it = names.notices.find(t.notice_id); it != names.notices.end()) notice = it->second;
  std::string every;
  if (t.deadline.kind == domain::DeadlineKind::kRecurring) {
    every = std::string(EveryLabel(domain::EveryCode(t.deadline.every)));
  } else if (t.deadline.kind == domain::DeadlineKind::kOngoing) {
    every = "Thường xuyên";
  }
  return {{"id", t.id},
          {"href", "/tasks/" + std::to_string(t.id)},
          {"ref", t.ref},
          {"text", t.text},
          {"notice", notice},
          {"lead", std::move(lead)},
          {"support", std::move(support)},
          {"due", FormatDate(t.due, "Không có hạn")},
          {"every", every},
          {"urgent", t.urgent},
          {"status",
           {{"code", st.code}, {"label", st.label}, {"short", st.short_label}, {"css", st.css}}},
          {"overdue", domain::IsOverdue(t, as_of)},
          {"progress", t.progress}};
}

json TaskListJson(const TaskListData& d) {
  const TaskListQuery& q = d.query;
  json rows = json::array();
  for (const auto& t : d.tasks) rows.push_back(TaskRowJson(t, d.names, d.as_of));

  json units = json::array();
  for (const auto& u : d.units) {
    units.push_back({{"id", u.id}, {"name", u.name}, {"selected", q.unit && *q.unit == u.id}});
  }
  json fields = json::array();
  for (const auto& f : d.fields) {
    fields.push_back({{"id", f.id}, {"name", f.name}, {"selected", q.field && *q.field == f.id}});
  }
  json notices = json::array();
  for (const auto& n : d.notices) {
    std::string name = n.number.empty() ? "Thông báo #" + std::to_string(n.id) : n.number;
    if (n.date) name += " (" + FormatDate(n.date) + ")";
    notices.push_back({{"id", n.id}, {"name", name}, {"selected", q.notice && *q.notice == n.id}});
  }
  json statuses = json::array();
  for (const auto& s : AllStatusStyles()) {
    statuses.push_back({{"code", s.code}, {"label", s.label}, {"selected", q.status == s.code}});
  }
  json roles = json::array(
      {{{"code", "lead"}, {"label", "Chủ trì"}, {"selected", q.role == "lead"}},
       {{"code", "support"}, {"label", "Phối hợp"}, {"selected", q.role == "support"}}});
  json sorts = json::array();
  for (const auto& s : kSorts) {
    sorts.push_back({{"code", s.code}, {"label", s.label}, {"selected", q.sort == s.code}});
  }

  const long size = std::max(1, q.page_size);
  const long pages = std::max(1L, (d.total + size - 1) / size);
  const long from = d.total == 0 ? 0 : (q.page - 1) * size + 1;
  const long to = std::min(d.total, (q.page - 1) * size + static_cast<long>(d.tasks.size()));
  auto href = [&](int page) {
    std::string qs = q.ToQueryString(page);
    return d.action + (qs.empty() ? "" : "?" + qs);
  };
  std::string summary = d.total == 0
                            ? "Không có nhiệm vụ."
                            : "Hiển thị " + FormatNumber(from) + "–" + FormatNumber(to) + " trên " +
                                  FormatNumber(d.total) + " nhiệm vụ · tình trạng tính đến ngày " +
                                  FormatDate(d.as_of);
  std::string qs = q.ToQueryString(1);
  std::string export_href = "/export/tasks.xlsx";
  if (d.action != "/tasks") export_href += "?scope=my";
  if (!qs.empty()) export_href += (d.action != "/tasks" ? "&" : "?") + qs;

  return {{"heading", d.heading},
          {"action", d.action},
          {"show_unit_filter", d.show_unit_filter},
          {"f",
           {{"q", q.q},
            {"units", std::move(units)},
            {"roles", std::move(roles)},
            {"statuses", std::move(statuses)},
            {"overdue", q.overdue},
            {"due_after", q.due_after ? q.due_after->ToIso() : ""},
            {"due_before", q.due_before ? q.due_before->ToIso() : ""},
            {"has_notices", !notices.empty()},
            {"notices", std::move(notices)},
            {"has_fields", !fields.empty()},
            {"fields", std::move(fields)},
            {"sorts", std::move(sorts)}}},
          {"has_rows", !rows.empty()},
          {"rows", std::move(rows)},
          {"total", d.total},
          {"summary", summary},
          {"page_label", "Trang " + std::to_string(q.page) + "/" + std::to_string(pages)},
          {"prev_href", q.page > 1 ? href(q.page - 1) : ""},
          {"next_href", q.page < pages ? href(q.page + 1) : ""},
          {"export_href", export_href}};
}

}  // namespace dondoc::web
