// Routes: tasks, progress reports, completion, extensions, comments, attachments.
#include <string_view>

#include "domain/status.h"
#include "http/api_support.h"
#include "http/multipart.h"

namespace dondoc::http {

Status TaskPatchFromJson(const nlohmann::json& body, app::TaskPatch* p);

namespace {

using nlohmann::json;

Response NoTask() { return Response::Error(404, "not_found", "No such task."); }

Result<store::TaskFilter> TaskFilterOf(const Request& req, text::Date today) {
  store::TaskFilter f;
  f.as_of = today;
  DONDOC_ASSIGN_OR_RETURN(Paging p, PagingOf(req));
  f.limit = p.limit;
  f.offset = p.offset;
  DONDOC_ASSIGN_OR_RETURN(std::optional<long> unit, IntQuery(req, "unit"));
  if (unit) f.unit_id = *unit;
  DONDOC_ASSIGN_OR_RETURN(std::optional<long> notice, IntQuery(req, "notice"));
  if (notice) {
    f.notice_id = *notice;
    f.include_drafts = true;  // app drops drafts for callers who may not see them
  }
  DONDOC_ASSIGN_OR_RETURN(std::optional<long> field, IntQuery(req, "field"));
  if (field) f.field_id = *field;
  if (auto role = req.Query("role"); role && !role->empty()) {
    f.role = domain::UnitRoleFromCode(*role);
    if (!f.role) return Status::InvalidArgument("role must be lead or support.");
  }
  if (auto status = req.Query("status"); status && !status->empty()) {
    size_t pos = 0;
    while (pos <= status->size()) {
      size_t comma = status->find(',', pos);
      if (comma == std::string::npos) comma = status->size();
      std::string code = status->substr(pos, comma - pos);
      pos = comma + 1;
      std::optional<domain::TaskState> st = domain::TaskStateFromCode(code);
      if (!st) return Status::InvalidArgument("Unknown status \"" + code + "\".");
      f.states.push_back(*st);
    }
  }
  if (auto overdue = req.Query("overdue"); overdue && !overdue->empty()) {
    if (*overdue == "true" || *overdue == "1") {
      f.overdue_only = true;
    } else if (*overdue != "false" && *overdue != "0") {
      return Status::InvalidArgument("overdue must be true or false.");
    }
  }
  DONDOC_ASSIGN_OR_RETURN(f.due_before, DateQuery(req, "due_before"));
  DONDOC_ASSIGN_OR_RETURN(f.due_after, DateQuery(req, "due_after"));
  DONDOC_ASSIGN_OR_RETURN(std::optional<text::Date> as_of, DateQuery(req, "as_of"));
  if (as_of) f.as_of = *as_of;
  f.q = req.Query("q").value_or("");
  if (f.q.size() > 500) return Status::InvalidArgument("q is too long.");
  f.sort = f.q.empty() ? store::TaskSort::kDueAsc : store::TaskSort::kRank;
  if (auto sort = req.Query("sort"); sort && !sort->empty()) {
    static const std::pair<std::string_view, store::TaskSort> kSorts[] = {
        {"due", store::TaskSort::kDueAsc},
        {"-due", store::TaskSort::kDueDesc},
        {"-created", store::TaskSort::kCreatedDesc},
        {"id", store::TaskSort::kIdAsc},
        {"notice", store::TaskSort::kIdAsc},
        {"-updated", store::TaskSort::kUpdatedDesc},
        {"rank", store::TaskSort::kRank}};
    bool found = false;
    for (const auto& [name, sort_value] : kSorts) {
      if (*sort == name) {
        f.sort = sort_value;
        found = true;
      }
    }
    if (!found) {
      return Status::InvalidArgument(
          "sort must be one of due, -due, -created, id, -updated, rank.");
    }
  }
  return f;
}

// GET /api/v1/tasks/{id}. Not kept in the answer cache: one task costs ~50 us to read and
// write, each is asked for by few people, and 200,000 of them asked at random filled the cache
// (and pushed the lists out) for a hit rate of a few per cent (bench/FINDINGS.md 3e).
Response TaskDetailAnswer(app::Service& s, UnitNamesCache& n, const app::Caller& c, domain::Id id) {
  const text::Date today = s.clock().Today();
  Result<app::TaskView> v = s.GetTask(c, id);
  if (!v.ok()) return ErrorResponse(v.status());
  // Written without a DOM (what Response::Json would print): the hot path of a random task.
  return JsonBody(std::make_shared<const std::string>(TaskDetailBody(*v, NamesOf(n, c), today)));
}

// Runs `fn(id, caller)` for routes on /tasks/{id}.
template <typename F>
AuthedHandler OnTask(F fn) {
  return [fn](Request& req, const app::Caller& c) -> Response {
    auto id = IdParam(req);
    if (!id) return NoTask();
    return fn(req, c, *id);
  };
}

}  // namespace

void RegisterTaskRoutes(Router& r, app::Service& s, UnitNamesCache& n, BodyCache& b) {
  r.Add("GET", "/api/v1/tasks",
        Doc("Tasks the caller may see, filtered and paged", "tasks")
            .Q("unit", "integer", "tasks of this unit or its sub-units")
            .Q("role", "string", "lead | support (with unit)")
            .Q("status", "string",
               "derived status, comma-separated: not_due, in_progress, overdue, done_on_time, "
               "done_late, pending_confirmation, returned, paused")
            .Q("overdue", "boolean", "true: only overdue tasks")
            .Q("due_before", "string", "due on or before YYYY-MM-DD")
            .Q("due_after", "string", "due on or after YYYY-MM-DD")
            .Q("notice", "integer", "tasks of this notice")
            .Q("field", "integer", "tasks of units of this field")
            .Q("q", "string", "full text, diacritic-insensitive")
            .Q("as_of", "string", "date for statuses (default today)")
            .Q("sort", "string", "due | -due | -created | id | -updated | rank")
            .Q("limit", "integer", "page size, default 50, at most 500")
            .Q("offset", "integer", "rows to skip"),
        Authed(s, [&s, &n, &b](Request& req, const app::Caller& c) {
          const text::Date today = s.clock().Today();
          // The answer depends on the parameters, the day and the caller's view only.
          return CachedJson(
              b, "tasks|" + today.ToIso() + "|" + app::ReadViewKey(c) + "|" + req.query_string,
              [&] {
                Result<store::TaskFilter> f = TaskFilterOf(req, today);
                if (!f.ok()) return ErrorResponse(f.status());
                Result<store::Page<domain::Task>> page = s.ListTasks(c, *f);
                if (!page.ok()) return ErrorResponse(page.status());
                // Written without a DOM: each unit's first page after a start or a write is
                // made here, and a DOM of 25 tasks cost a fifth of it.
                return JsonBody(std::make_shared<const std::string>(
                    TaskListBody(page->items, page->total, NamesOf(n, c), today)));
              },
              [&] { return s.clock().Today() == today; });
        }));

  r.Add("GET", "/api/v1/tasks/{id}",
        Doc("One task with its progress reports, extensions, comments, files and history", "tasks"),
        Authed(s, OnTask([&s, &n](Request&, const app::Caller& c, domain::Id id) {
                 return TaskDetailAnswer(s, n, c, id);
               })));

  r.Add("POST", "/api/v1/tasks/{id}/reports",
        Doc("A unit's progress report; done=true (lead unit) asks the Office to confirm", "tasks")
            .Body("json", {"text", "percent", "done"})
            .Status(201),
        Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
                 ReportBody body;
                 if (auto err = ReadReportBody(req, &body)) return *err;
                 domain::Task task;
                 Result<domain::ProgressReport> rep =
                     s.ReportProgress(c, id, body.text, body.percent, body.done, &task);
                 if (!rep.ok()) return ErrorResponse(rep.status());
                 json j = ReportJson(*rep);
                 j["task"] = TaskJson(task, NamesOf(n, c), s.clock().Today());
                 return Created(j);
               })));

  r.Add("PATCH", "/api/v1/tasks/{id}",
        Doc("Edit a draft task: text, section, lead, support, deadline (office)", "tasks")
            .Body("json", {"text", "section", "lead", "support", "deadline"}),
        Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
                 json body;
                 if (auto err = ReadJsonObject(req, &body)) return *err;
                 app::TaskPatch p;
                 Status st = TaskPatchFromJson(body, &p);
                 if (!st.ok()) return ErrorResponse(st);
                 Result<domain::Task> t = s.EditDraftTask(c, id, p);
                 if (!t.ok()) return ErrorResponse(t.status());
                 return Response::Json(200, TaskJson(*t, NamesOf(n, c), s.clock().Today()));
               })));

  r.Add("DELETE", "/api/v1/tasks/{id}", Doc("Delete a draft task (office)", "tasks"),
        Authed(s, OnTask([&s, &n](Request&, const app::Caller& c, domain::Id id) {
                 Status st = s.DeleteDraftTask(c, id);
                 return st.ok() ? Response::Json(200, {{"ok", true}}) : ErrorResponse(st);
               })));

  r.Add("POST", "/api/v1/tasks/{id}/split",
        Doc("Split a draft task into one task per text (office)", "tasks").Body("json", {"texts"}),
        Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
                 json body;
                 if (auto err = ReadJsonObject(req, &body)) return *err;
                 std::vector<std::string> texts;
                 if (!body.contains("texts") || !body["texts"].is_array()) {
                   return Response::Error(400, "invalid_argument",
                                          "Give \"texts\": an array of strings.");
                 }
                 for (const auto& t : body["texts"]) {
                   if (!t.is_string())
                     return Response::Error(400, "invalid_argument",
                                            "\"texts\" must hold strings.");
                   texts.push_back(t.get<std::string>());
                 }
                 Result<std::vector<domain::Task>> out = s.SplitDraftTask(c, id, texts);
                 if (!out.ok()) return ErrorResponse(out.status());
                 UnitNames names = NamesOf(n, c);
                 json items = json::array();
                 for (const auto& t : *out) items.push_back(TaskJson(t, names, s.clock().Today()));
                 return Response::Json(200, ListJson(items, static_cast<long>(items.size())));
               })));

  r.Add("POST", "/api/v1/tasks/{id}/confirm",
        Doc("Confirm a task's completion (office)", "tasks").Body("json", {"done_date"}),
        Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
                 json body = json::object();
                 if (!req.body.empty()) {
                   if (auto err = ReadJsonObject(req, &body)) return *err;
                 }
                 std::optional<text::Date> done_date;
                 Status st = GetDate(body, "done_date", &done_date);
                 if (!st.ok()) return ErrorResponse(st);
                 Result<domain::Task> t = s.ConfirmCompletion(c, id, done_date);
                 if (!t.ok()) return ErrorResponse(t.status());
                 return Response::Json(200, TaskJson(*t, NamesOf(n, c), s.clock().Today()));
               })));

  r.Add("POST", "/api/v1/tasks/{id}/return",
        Doc("Return a completion report to the unit (office)", "tasks").Body("json", {"note"}),
        Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
                 json body = json::object();
                 if (!req.body.empty()) {
                   if (auto err = ReadJsonObject(req, &body)) return *err;
                 }
                 std::optional<std::string> note;
                 Status st = GetString(body, "note", &note);
                 if (!st.ok()) return ErrorResponse(st);
                 Result<domain::Task> t = s.ReturnCompletion(c, id, note.value_or(""));
                 if (!t.ok()) return ErrorResponse(t.status());
                 return Response::Json(200, TaskJson(*t, NamesOf(n, c), s.clock().Today()));
               })));

  r.Add("POST", "/api/v1/tasks/{id}/extensions",
        Doc("Ask for a later due date (the lead unit)", "tasks")
            .Body("json", {"due", "reason"})
            .Status(201),
        Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
                 json body;
                 if (auto err = ReadJsonObject(req, &body)) return *err;
                 std::optional<text::Date> due;
                 std::optional<std::string> reason;
                 Status st = GetDate(body, "due", &due);
                 if (st.ok()) st = GetString(body, "reason", &reason);
                 if (st.ok() && (!due || !reason))
                   st = Status::InvalidArgument("Give \"due\" and \"reason\".");
                 if (!st.ok()) return ErrorResponse(st);
                 Result<domain::Extension> e = s.RequestExtension(c, id, *due, *reason);
                 return e.ok() ? Created(ExtensionJson(*e)) : ErrorResponse(e.status());
               })));

  r.Add("POST", "/api/v1/extensions/{id}/decide",
        Doc("Approve or refuse an extension request (office)", "tasks")
            .Body("json", {"approve", "note"}),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such extension request.");
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          std::optional<bool> approve;
          std::optional<std::string> note;
          Status st = GetBool(body, "approve", &approve);
          if (st.ok()) st = GetString(body, "note", &note);
          if (st.ok() && !approve) st = Status::InvalidArgument("Give \"approve\": true or false.");
          if (!st.ok()) return ErrorResponse(st);
          Result<domain::Extension> e = s.DecideExtension(c, *id, *approve, note.value_or(""));
          return e.ok() ? Response::Json(200, ExtensionJson(*e)) : ErrorResponse(e.status());
        }));

  r.Add("POST", "/api/v1/tasks/{id}/comments",
        Doc("Comment on a task", "tasks").Body("json", {"text"}).Status(201),
        Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
                 json body;
                 if (auto err = ReadJsonObject(req, &body)) return *err;
                 std::optional<std::string> text;
                 Status st = GetString(body, "text", &text);
                 if (st.ok() && !text) st = Status::InvalidArgument("A comment needs a \"text\".");
                 if (!st.ok()) return ErrorResponse(st);
                 Result<domain::Comment> cm = s.AddComment(c, id, *text);
                 return cm.ok() ? Created(CommentJson(*cm)) : ErrorResponse(cm.status());
               })));

  r.Add(
      "POST", "/api/v1/tasks/{id}/attachments",
      Doc("Attach a file to a task: multipart field `file`", "tasks").Body("multipart").Status(201),
      Authed(s, OnTask([&s, &n](Request& req, const app::Caller& c, domain::Id id) {
               MediaType mt = ParseMediaType(req.Header("content-type"));
               if (mt.type != "multipart/form-data") {
                 return Response::Error(415, "unsupported_media_type",
                                        "Send the file as multipart/form-data.");
               }
               Result<std::vector<FormPart>> parts =
                   ParseMultipart(req.Header("content-type"), req.body);
               if (!parts.ok())
                 return Response::Error(400, "bad_multipart", parts.status().message());
               auto it = std::find_if(parts->begin(), parts->end(),
                                      [](const FormPart& p) { return p.name == "file"; });
               if (it == parts->end()) {
                 return Response::Error(400, "invalid_argument",
                                        "The form needs a field named \"file\".");
               }
               Result<domain::Attachment> a =
                   s.AddAttachment(c, id, it->filename, it->content_type, it->data);
               return a.ok() ? Created(AttachmentJson(*a)) : ErrorResponse(a.status());
             })));

  r.Add("GET", "/api/v1/attachments/{id}", Doc("Download an attached file", "tasks"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such attachment.");
          Result<app::Service::File> f = s.GetAttachment(c, *id);
          if (!f.ok()) return ErrorResponse(f.status());
          Response res;
          res.content_type =
              f->attachment.mime.empty() ? "application/octet-stream" : f->attachment.mime;
          std::string safe;
          for (char ch : f->attachment.filename) {
            if (ch != '"' && ch != '\\' && ch != '\r' && ch != '\n') safe.push_back(ch);
          }
          res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + safe + "\"");
          res.headers.emplace_back("X-Content-Type-Options", "nosniff");
          res.body = std::move(f->bytes);
          return res;
        }));
}

}  // namespace dondoc::http
