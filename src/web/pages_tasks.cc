// Pages: the task list, "Việc của tôi", one task with its actions, attachments.
#include <algorithm>
#include <charconv>

#include "app/policy.h"
#include "base/versioned_cache.h"
#include "domain/status.h"
#include "web/format.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/task_list_view.h"
#include "web/task_page_view.h"
#include "web/task_queries.h"
#include "web/templates.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

// Code points of the notice shown either side of a task on its page.
constexpr long kPassageContext = 600;

store::TaskSort SortOf(const std::string& code) {
  if (code == "due_desc") return store::TaskSort::kDueDesc;
  if (code == "new") return store::TaskSort::kCreatedDesc;
  if (code == "updated") return store::TaskSort::kUpdatedDesc;
  if (code == "notice") return store::TaskSort::kIdAsc;
  return store::TaskSort::kDueAsc;
}

}  // namespace

store::TaskFilter FilterOf(const TaskListQuery& q, text::Date today) {
  store::TaskFilter f;
  f.q = q.q;
  f.unit_id = q.unit;
  if (q.role == "lead") f.role = domain::UnitRole::kLead;
  if (q.role == "support") f.role = domain::UnitRole::kSupport;
  if (auto st = domain::TaskStateFromCode(q.status)) f.states.push_back(*st);
  f.overdue_only = q.overdue;
  f.as_of = today;
  f.due_after = q.due_after;
  f.due_before = q.due_before;
  f.notice_id = q.notice;
  f.field_id = q.field;
  f.sort = SortOf(q.sort);
  f.limit = q.page_size;
  f.offset = (q.page - 1) * q.page_size;
  return f;
}

// The directory and notice names a caller may read (empty on refusal).
Names NamesFor(app::Service& s, const app::Caller& caller, std::vector<domain::Unit>* units_out,
               std::vector<domain::Notice>* notices_out) {
  std::vector<domain::Unit> units;
  std::vector<domain::Notice> notices;
  if (auto u = s.ListUnits(caller); u.ok()) units = std::move(*u);
  store::NoticeFilter nf;
  nf.status = domain::NoticeStatus::kActive;
  nf.limit = 200;
  if (auto n = s.ListNotices(caller, nf); n.ok()) notices = std::move(n->items);
  Names names = Names::Of(units, notices);
  if (units_out) *units_out = std::move(units);
  if (notices_out) *notices_out = std::move(notices);
  return names;
}

namespace {

http::Response TaskListPage(PageCall& c, bool mine) {
  TaskListData d;
  d.query = TaskListQuery::FromParams(c.req.query);
  d.as_of = c.service.clock().Today();
  d.names = NamesFor(c.service, c.caller, &d.units, &d.notices);
  if (auto f = c.service.ListFields(c.caller); f.ok()) d.fields = std::move(*f);
  if (c.caller.user.role == domain::Role::kUnit) {
    // A unit user chooses among their own units only.
    std::vector<domain::Unit> own;
    for (const auto& u : d.units) {
      for (auto id : c.caller.own_units) {
        if (u.id == id) own.push_back(u);
      }
    }
    d.units = std::move(own);
    d.show_unit_filter = d.units.size() > 1;
    d.fields.clear();
  }
  (void)mine;
  auto page = c.service.ListTasks(c.caller, FilterOf(d.query, d.as_of));
  if (!page.ok()) return StatusPage(&c.viewer, page.status());
  d.tasks = std::move(page->items);
  d.total = page->total;
  json data = TaskListJson(d);
  if (app::Authorize(c.caller, app::Action::kConfirmCompletion).ok()) {
    data["bulk"] = {{"csrf", c.viewer.csrf}};
  }
  if (c.req.Header("hx-request") == "true") {
    auto html = RenderTemplate("tasks_results", data);
    if (html.ok()) return HtmlResponse(std::move(*html));
  }
  PageSpec spec;
  spec.title = "Nhiệm vụ";
  spec.active = "/tasks";
  spec.body = "tasks";
  auto counted = [](const std::optional<std::string>& v) {
    return v && !v->empty() && v->size() < 6 &&
           std::all_of(v->begin(), v->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (auto done = c.req.Query("bulk_done"); counted(done) && counted(c.req.Query("bulk_skipped"))) {
    spec.flash = Flash{"ok", "Đã cập nhật " + *done + " nhiệm vụ; " +
                                 c.req.Query("bulk_skipped").value_or("0") +
                                 " nhiệm vụ không áp dụng được nên giữ nguyên."};
  }
  return HtmlResponse(RenderPage(&c.viewer, spec, data));
}

// The groups of "Việc của tôi" for the caller's units as of `today` (the caller's own data
// only through its units and scope: MyWorkKey).
json MyWorkData(PageCall& c, text::Date today) {
  Names names = NamesFor(c.service, c.caller, nullptr, nullptr);
  // The first 200 of a group (a page shows no more) and how many there are in all.
  auto list = [&](store::TaskFilter f) -> store::Page<domain::Task> {
    f.as_of = today;
    f.limit = 200;
    auto page = c.service.ListTasks(c.caller, f);
    return page.ok() ? std::move(page).value() : store::Page<domain::Task>{};
  };
  auto role_of = [&c](const domain::Task& t) {
    return app::ActsForTask(c.caller, t, false) ? "Chủ trì" : "Phối hợp";
  };
  auto rows_of = [&](const std::vector<domain::Task>& tasks) {
    json rows = json::array();
    for (const auto& t : tasks) {
      json r = TaskRowJson(t, names, today);
      r["role"] = role_of(t);
      rows.push_back(std::move(r));
    }
    return rows;
  };
  store::TaskFilter overdue;
  overdue.overdue_only = true;
  store::TaskFilter week;
  week.due_after = today;
  week.due_before = today.AddDays(7);
  week.states = {domain::TaskState::kInProgress, domain::TaskState::kReturned,
                 domain::TaskState::kNotDue};
  store::TaskFilter open;
  open.states = {domain::TaskState::kInProgress, domain::TaskState::kReturned,
                 domain::TaskState::kNotDue, domain::TaskState::kOverdue};
  std::vector<domain::Task> waiting;
  for (auto& t : list(open).items) {
    if (t.progress == 0) waiting.push_back(std::move(t));
  }
  store::TaskFilter all;
  all.limit = 1;
  all.as_of = today;
  auto total = c.service.ListTasks(c.caller, all);
  auto overdue_tasks = list(overdue);
  auto week_tasks = list(week);
  auto group = [&](const char* id, const char* title, const char* empty,
                   const std::vector<domain::Task>& tasks) {
    json rows = rows_of(tasks);
    bool has = !rows.empty();
    return json{{"id", id},
                {"title", title},
                {"empty", empty},
                {"rows", std::move(rows)},
                {"has_rows", has}};
  };
  return {
      {"unit", c.viewer.unit_name},
      {"counts",
       {{"overdue", overdue_tasks.total},
        {"week", week_tasks.total},
        {"waiting", waiting.size()},
        {"all", total.ok() ? total->total : 0}}},
      {"groups",
       json::array({group("overdue", "Quá hạn", "Không có nhiệm vụ quá hạn.", overdue_tasks.items),
                    group("week", "Đến hạn trong 7 ngày tới",
                          "Không có nhiệm vụ đến hạn trong tuần này.", week_tasks.items),
                    group("waiting", "Chưa báo cáo tiến độ",
                          "Mọi nhiệm vụ đang thực hiện đều đã có báo cáo.", waiting)})}};
}

// Everything MyWorkData depends on besides the data version: the day, the role, the user's unit
// (its name heads the page), the units it acts for and those it may see.
std::string MyWorkKey(const app::Caller& c, text::Date today) {
  std::string key = today.ToIso() + "|" + std::string(domain::RoleCode(c.user.role)) + "|" +
                    (c.user.unit_id ? std::to_string(*c.user.unit_id) : "-") + "|";
  for (auto id : c.own_units) key += std::to_string(id) + ",";
  key += "|";
  if (c.scope_units) {
    for (auto id : *c.scope_units) key += std::to_string(id) + ",";
  } else {
    key += "*";
  }
  return key;
}

http::Response MyWorkPage(PageCall& c, VersionedCache<json>& cache) {
  const text::Date today = c.service.clock().Today();
  const std::string key = MyWorkKey(c.caller, today);
  // Read before computing: a write committed meanwhile makes the entry stale, never wrong.
  const std::uint64_t version = c.service.DataVersion();
  // The body is kept rendered: turning up to 600 rows into HTML costs more than reading them.
  std::shared_ptr<const json> data = cache.Get(key, version);
  if (!data) {
    auto body = RenderTemplate("my_work", MyWorkData(c, today));
    if (!body.ok()) return StatusPage(&c.viewer, body.status());
    data = std::make_shared<const json>(json{{"html", std::move(*body)}});
    cache.Put(key, version, data);
  }
  PageSpec spec;
  spec.title = "Việc của tôi";
  spec.active = "/my";
  spec.body = "prerendered";  // {{{html}}}: the cached body of templates/my_work.mustache
  return HtmlResponse(RenderPage(&c.viewer, spec, *data));
}

http::Response TaskPage(PageCall& c, std::optional<Flash> flash = std::nullopt, int status = 200) {
  auto id = PathId(c.req);
  if (!id) return StatusPage(&c.viewer, Status::NotFound("task"), "/tasks");
  auto view = c.service.GetTask(c.caller, *id);
  if (!view.ok()) return StatusPage(&c.viewer, view.status(), "/tasks");
  TaskPageData d;
  d.as_of = c.service.clock().Today();
  d.names = NamesFor(c.service, c.caller, nullptr, nullptr);
  if (auto p = c.service.GetTaskPassage(c.caller, *id, kPassageContext); p.ok()) {
    d.passage = std::move(*p);
  }
  if (auto users = c.service.ListUsers(c.caller); users.ok()) {
    for (const auto& u : *users)
      d.users[u.id] = u.display_name.empty() ? u.username : u.display_name;
  }
  d.actions = ActionsFor(c.caller, view->detail.task);
  d.view = std::move(*view);
  json data = TaskPageJson(d);
  PageSpec spec;
  spec.title = "Nhiệm vụ #" + std::to_string(*id);
  spec.active = c.caller.user.role == domain::Role::kUnit ? "/my" : "/tasks";
  spec.body = "task";
  spec.flash = std::move(flash);
  return HtmlResponse(RenderPage(&c.viewer, spec, data), status);
}

// After a successful form post: back to the task page (Post/Redirect/Get).
http::Response BackToTask(domain::Id id, const char* done) {
  return Redirect("/tasks/" + std::to_string(id) + "?ok=" + done);
}

std::optional<Flash> FlashOf(const http::Request& req) {
  auto ok = req.Query("ok");
  if (!ok) return std::nullopt;
  static const std::map<std::string, std::string> kText = {
      {"report", "Đã gửi báo cáo tiến độ."},        {"comment", "Đã gửi ý kiến."},
      {"extension", "Đã gửi đề nghị gia hạn."},     {"confirm", "Đã xác nhận hoàn thành."},
      {"return", "Đã trả lại báo cáo hoàn thành."}, {"decide", "Đã ghi nhận quyết định gia hạn."}};
  auto it = kText.find(*ok);
  if (it == kText.end()) return std::nullopt;
  return Flash{"ok", it->second};
}

// POST /tasks/bulk: the Office's change to the selected tasks.
http::Response BulkPost(PageCall& c) {
  auto form = ParseForm(c.req);
  if (!form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"), "/tasks");
  std::vector<domain::Id> ids;
  for (auto [it, end] = form->all.equal_range("task"); it != end; ++it) {
    if (auto id = IdOf(it->second)) ids.push_back(*id);
  }
  static const std::map<std::string, app::BulkChange::Kind> kKinds = {
      {"confirm", app::BulkChange::Kind::kConfirmDone}, {"return", app::BulkChange::Kind::kReturn},
      {"due", app::BulkChange::Kind::kSetDue},          {"lead", app::BulkChange::Kind::kSetLead},
      {"pause", app::BulkChange::Kind::kPause},         {"resume", app::BulkChange::Kind::kResume}};
  auto kind = kKinds.find(form->Get("action"));
  if (kind == kKinds.end()) {
    return StatusPage(&c.viewer, Status::InvalidArgument("action"), "/tasks");
  }
  app::BulkChange change;
  change.kind = kind->second;
  change.due = text::Date::FromIso(form->Get("due"));
  change.lead = IdOf(form->Get("lead"));
  change.note = form->Get("note");
  if (ids.empty()) {
    return ErrorPage(&c.viewer, 400, "Chưa chọn nhiệm vụ",
                     "Vui lòng đánh dấu ít nhất một nhiệm vụ trong danh sách.", "/tasks");
  }
  if (change.kind == app::BulkChange::Kind::kSetDue && !change.due) {
    return ErrorPage(&c.viewer, 400, "Thiếu hạn mới", "Vui lòng chọn hạn hoàn thành mới.",
                     "/tasks");
  }
  if (change.kind == app::BulkChange::Kind::kSetLead && !change.lead) {
    return ErrorPage(&c.viewer, 400, "Thiếu đơn vị chủ trì", "Vui lòng chọn đơn vị chủ trì mới.",
                     "/tasks");
  }
  auto out = c.service.BulkChangeTasks(c.caller, ids, change);
  if (!out.ok()) return StatusPage(&c.viewer, out.status(), "/tasks");
  return Redirect("/tasks?bulk_done=" + std::to_string(out->changed.size()) +
                  "&bulk_skipped=" + std::to_string(out->skipped.size()));
}

}  // namespace

void RegisterTaskPages(http::Router& r, app::Service& s) {
  r.Add("POST", "/tasks/bulk", PageDoc("Office: one change to the selected tasks"),
        Signed(s, [](PageCall& c) { return BulkPost(c); }));
  r.Add("GET", "/tasks", PageDoc("Task list page with filters in the URL"),
        Signed(s, [](PageCall& c) { return TaskListPage(c, false); }));
  // "Việc của tôi" per unit scope, recomputed after a write (bench/README.md: page speed).
  auto my_work = std::make_shared<VersionedCache<json>>(1024);
  r.Add("GET", "/my", PageDoc("A unit user's work: overdue, due this week, waiting for a report"),
        Signed(s, [my_work](PageCall& c) { return MyWorkPage(c, *my_work); }));
  r.Add("GET", "/tasks/{id}", PageDoc("One task with its history and actions"),
        Signed(s, [](PageCall& c) { return TaskPage(c, FlashOf(c.req)); }));

  r.Add("POST", "/tasks/{id}/reports", PageDoc("Report progress (with an optional file)"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          auto form = ParseForm(c.req);
          if (!id || !form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          int percent = -1;
          std::string p = form->Get("percent");
          std::from_chars(p.data(), p.data() + p.size(), percent);
          std::string text = form->Get("text");
          if (text.empty() || percent < 0 || percent > 100) {
            return TaskPage(c,
                            Flash{"error",
                                  "Vui lòng nhập nội dung báo cáo và tiến độ từ 0 "
                                  "đến 100%."},
                            400);
          }
          bool done = form->Get("done") == "true";
          auto report = c.service.ReportProgress(c.caller, *id, text, percent, done);
          if (!report.ok()) return StatusPage(&c.viewer, report.status(), c.req.path);
          auto file = form->files.find("file");
          if (file != form->files.end() && !file->second.data.empty()) {
            std::string mime = file->second.content_type.empty() ? "application/octet-stream"
                                                                 : file->second.content_type;
            auto att = c.service.AddAttachment(c.caller, *id, file->second.filename, mime,
                                               file->second.data);
            if (!att.ok())
              return StatusPage(&c.viewer, att.status(), "/tasks/" + std::to_string(*id));
          }
          return BackToTask(*id, "report");
        }));

  r.Add("POST", "/tasks/{id}/comments", PageDoc("Comment on a task"), Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          auto form = ParseForm(c.req);
          if (!id || !form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          auto res = c.service.AddComment(c.caller, *id, form->Get("text"));
          if (!res.ok())
            return StatusPage(&c.viewer, res.status(), "/tasks/" + std::to_string(*id));
          return BackToTask(*id, "comment");
        }));

  r.Add("POST", "/tasks/{id}/extensions", PageDoc("Request an extension"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          auto form = ParseForm(c.req);
          if (!id || !form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          auto due = text::Date::FromIso(form->Get("requested_due"));
          if (!due) {
            return TaskPage(c, Flash{"error", "Vui lòng chọn ngày đề nghị gia hạn."}, 400);
          }
          auto res = c.service.RequestExtension(c.caller, *id, *due, form->Get("reason"));
          if (!res.ok())
            return StatusPage(&c.viewer, res.status(), "/tasks/" + std::to_string(*id));
          return BackToTask(*id, "extension");
        }));

  r.Add("POST", "/tasks/{id}/confirm", PageDoc("Confirm a reported completion"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          if (!id) return StatusPage(&c.viewer, Status::NotFound("task"));
          auto res = c.service.ConfirmCompletion(c.caller, *id, std::nullopt);
          if (!res.ok())
            return StatusPage(&c.viewer, res.status(), "/tasks/" + std::to_string(*id));
          return BackToTask(*id, "confirm");
        }));

  r.Add("POST", "/tasks/{id}/return", PageDoc("Return a completion report"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          auto form = ParseForm(c.req);
          if (!id || !form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          auto res = c.service.ReturnCompletion(c.caller, *id, form->Get("note"));
          if (!res.ok())
            return StatusPage(&c.viewer, res.status(), "/tasks/" + std::to_string(*id));
          return BackToTask(*id, "return");
        }));

  r.Add("POST", "/extensions/{id}/decide", PageDoc("Approve or refuse an extension"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          auto form = ParseForm(c.req);
          if (!id || !form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          bool approve = form->Get("decision") == "approve";
          auto res = c.service.DecideExtension(c.caller, *id, approve, form->Get("note"));
          if (!res.ok()) return StatusPage(&c.viewer, res.status(), "/tasks");
          return BackToTask(res->task_id, "decide");
        }));

  r.Add("GET", "/attachments/{id}", PageDoc("Download an attachment"), Signed(s, [](PageCall& c) {
          auto id = PathId(c.req);
          if (!id) return StatusPage(&c.viewer, Status::NotFound("file"));
          auto file = c.service.GetAttachment(c.caller, *id);
          if (!file.ok()) return StatusPage(&c.viewer, file.status());
          http::Response res;
          res.content_type = "application/octet-stream";
          res.body = std::move(file->bytes);
          std::string name;
          for (char ch : file->attachment.filename) {
            name += (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ? '_' : ch;
          }
          res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
          res.headers.emplace_back("X-Content-Type-Options", "nosniff");
          res.headers.emplace_back("Cache-Control", "private, no-store");
          return res;
        }));
}

}  // namespace dondoc::web
