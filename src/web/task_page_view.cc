#include "web/task_page_view.h"

#include "app/policy.h"
#include "domain/recurrence.h"
#include "domain/status.h"
#include "web/format.h"
#include "web/highlight.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

std::string Size(std::int64_t bytes) {
  if (bytes < 1024) return FormatNumber(static_cast<double>(bytes)) + " B";
  if (bytes < 1024 * 1024) return FormatNumber(bytes / 1024.0, 1) + " KB";
  return FormatNumber(bytes / (1024.0 * 1024.0), 1) + " MB";
}

json StatusJson(std::string_view code) {
  StatusStyle st = StatusStyleOf(code);
  return {{"code", st.code}, {"label", st.label}, {"short", st.short_label}, {"css", st.css}};
}

}  // namespace

TaskActions ActionsFor(const app::Caller& caller, const domain::Task& task) {
  TaskActions a;
  const bool open = task.status != domain::StoredStatus::kDone &&
                    task.status != domain::StoredStatus::kPaused && !task.draft;
  a.report = open && app::Authorize(caller, app::Action::kReportProgress).ok() &&
             app::ActsForTask(caller, task, true);
  a.complete = a.report && app::ActsForTask(caller, task, false) &&
               task.status != domain::StoredStatus::kPendingConfirmation;
  a.extend = open && app::Authorize(caller, app::Action::kRequestExtension).ok() &&
             app::ActsForTask(caller, task, false);
  a.comment = app::Authorize(caller, app::Action::kComment).ok();
  a.review = task.status == domain::StoredStatus::kPendingConfirmation &&
             app::Authorize(caller, app::Action::kConfirmCompletion).ok();
  a.decide_extension = app::Authorize(caller, app::Action::kDecideExtension).ok();
  return a;
}

json TaskPageJson(const TaskPageData& d) {
  const domain::Task& t = d.view.detail.task;
  json task = TaskRowJson(t, d.names, d.as_of);
  task["section"] = t.section;
  task["phrase"] = t.deadline.phrase;
  task["notice_href"] = "/notices/" + std::to_string(t.notice_id);
  if (t.original_due && t.due && *t.original_due != *t.due) {
    task["original_due"] = FormatDate(t.original_due);
  }
  auto user = [&d](domain::Id id) {
    auto it = d.users.find(id);
    return it == d.users.end() ? std::string() : it->second;
  };

  json files = json::array();
  for (const auto& a : d.view.detail.attachments) {
    files.push_back({{"href", "/attachments/" + std::to_string(a.id)},
                     {"name", a.filename},
                     {"size", Size(a.size)},
                     {"owner", a.owner_kind},
                     {"owner_id", a.owner_id},
                     {"at", a.created_at}});
  }
  json reports = json::array();
  for (const auto& r : d.view.detail.reports) {
    json rfiles = json::array();
    for (const auto& f : files) {
      bool mine = (f["owner"] == "report" && f["owner_id"] == r.id) ||
                  (f["owner"] == "task" && f["at"].get<domain::Timestamp>() >= r.created_at &&
                   f["at"].get<domain::Timestamp>() <= r.created_at + 5);
      if (mine) rfiles.push_back(f);
    }
    reports.push_back({{"when", FormatTimestamp(r.created_at)},
                       {"unit", d.names.Unit(r.unit_id)},
                       {"user", user(r.user_id)},
                       {"percent", r.percent},
                       {"done", r.done},
                       {"text", r.text},
                       {"files", std::move(rfiles)}});
  }
  json comments = json::array();
  for (const auto& c : d.view.detail.comments) {
    std::string who = user(c.user_id);
    comments.push_back({{"when", FormatTimestamp(c.created_at)},
                        {"user", who.empty() ? "Người dùng #" + std::to_string(c.user_id) : who},
                        {"text", c.text}});
  }
  json extensions = json::array();
  for (const auto& e : d.view.detail.extensions) {
    std::string state, css;
    switch (e.status) {
      case domain::ExtensionStatus::kPending:
        state = "Chờ quyết định";
        css = "st-pending";
        break;
      case domain::ExtensionStatus::kApproved:
        state = "Đã đồng ý";
        css = "st-done-on-time";
        break;
      case domain::ExtensionStatus::kRefused:
        state = "Không đồng ý";
        css = "st-overdue";
        break;
    }
    extensions.push_back({{"id", e.id},
                          {"when", FormatTimestamp(e.created_at)},
                          {"requested_due", FormatDate(e.requested_due)},
                          {"previous_due", e.previous_due ? FormatDate(e.previous_due) : ""},
                          {"reason", e.reason},
                          {"state", state},
                          {"css", css},
                          {"note", e.decision_note},
                          {"can_decide", d.actions.decide_extension &&
                                             e.status == domain::ExtensionStatus::kPending}});
  }
  json occurrences = json::array();
  for (const auto& o : d.view.detail.occurrences) {
    occurrences.push_back(
        {{"period", FormatDate(o.period_start) + " – " + FormatDate(o.period_end)},
         {"due", FormatDate(o.due)},
         {"status", StatusJson(domain::TaskStateCode(domain::OccurrenceStatus(o, d.as_of)))}});
  }
  std::string passage;
  if (!d.passage.text.empty()) {
    passage = PassageHtml(d.passage.text, d.passage.span_start, d.passage.span_end,
                          d.passage.cut_before, d.passage.cut_after);
  }
  return {{"task", std::move(task)},
          {"passage", passage},
          {"reports", std::move(reports)},
          {"files", std::move(files)},
          {"comments", std::move(comments)},
          {"extensions", std::move(extensions)},
          {"has_occurrences", !occurrences.empty()},
          {"occurrences", std::move(occurrences)},
          {"actions",
           {{"report", d.actions.report},
            {"complete", d.actions.complete},
            {"extend", d.actions.extend},
            {"comment", d.actions.comment},
            {"review", d.actions.review}}}};
}

}  // namespace dondoc::web
