// Routes: importing notices and reviewing their draft tasks.
#include "http/api_support.h"
#include "http/multipart.h"

namespace dondoc::http {

namespace {

using nlohmann::json;

json NoticeWithTasks(app::Service& s, UnitNamesCache& names_cache, const app::Caller& c,
                     const domain::Notice& n, const std::vector<domain::Task>& tasks,
                     bool with_text) {
  UnitNames names = NamesOf(names_cache, c);
  text::Date today = s.clock().Today();
  json j = NoticeJson(n, with_text);
  json items = json::array();
  for (const domain::Task& t : tasks) items.push_back(TaskJson(t, names, today));
  j["tasks"] = items;
  j["notice"] = NoticeJson(n, false);
  return j;
}

}  // namespace

Status TaskPatchFromJson(const json& body, app::TaskPatch* p);

Status TaskPatchFromJson(const json& body, app::TaskPatch* p) {
  DONDOC_RETURN_IF_ERROR(GetString(body, "text", &p->text));
  DONDOC_RETURN_IF_ERROR(GetString(body, "section", &p->section));
  DONDOC_RETURN_IF_ERROR(GetIds(body, "lead", &p->lead));
  DONDOC_RETURN_IF_ERROR(GetIds(body, "support", &p->support));
  if (body.contains("deadline") && !body["deadline"].is_null()) {
    const json& d = body["deadline"];
    if (!d.is_object()) return Status::InvalidArgument("\"deadline\" must be an object.");
    std::optional<std::string> kind, every, phrase;
    std::optional<text::Date> date;
    DONDOC_RETURN_IF_ERROR(GetString(d, "kind", &kind));
    DONDOC_RETURN_IF_ERROR(GetString(d, "every", &every));
    DONDOC_RETURN_IF_ERROR(GetString(d, "phrase", &phrase));
    DONDOC_RETURN_IF_ERROR(GetDate(d, "date", &date));
    domain::Deadline dl;
    std::optional<domain::DeadlineKind> k = domain::DeadlineKindFromCode(kind.value_or(""));
    if (!k)
      return Status::InvalidArgument("\"deadline.kind\" must be none, date, recurring or ongoing.");
    dl.kind = *k;
    dl.date = date;
    if (every) {
      std::optional<domain::Every> e = domain::EveryFromCode(*every);
      if (!e)
        return Status::InvalidArgument("\"deadline.every\" must be week, month, quarter or year.");
      dl.every = *e;
    }
    dl.phrase = phrase.value_or("");
    p->deadline = dl;
  }
  return Status::Ok();
}

void RegisterNoticeRoutes(Router& r, app::Service& s, UnitNamesCache& n) {
  r.Add("POST", "/api/v1/notices",
        Doc("Import a notice: multipart field `file` (.txt/.docx/.pdf) or JSON {text, filename}; "
            "201 with the draft notice and its extracted tasks; 409 when the same file exists",
            "notices")
            .Body("json|multipart", {"text", "filename"})
            .Status(201),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          std::string bytes, filename;
          MediaType mt = ParseMediaType(req.Header("content-type"));
          if (mt.type == "multipart/form-data") {
            Result<std::vector<FormPart>> parts =
                ParseMultipart(req.Header("content-type"), req.body);
            if (!parts.ok()) return Response::Error(400, "bad_multipart", parts.status().message());
            auto it = std::find_if(parts->begin(), parts->end(),
                                   [](const FormPart& p) { return p.name == "file"; });
            if (it == parts->end()) {
              return Response::Error(400, "invalid_argument",
                                     "The form needs a field named \"file\".");
            }
            bytes = std::move(it->data);
            filename = it->filename;
          } else {
            json body;
            if (auto err = ReadJsonObject(req, &body)) return *err;
            std::optional<std::string> text, name;
            Status st = GetString(body, "text", &text);
            if (st.ok()) st = GetString(body, "filename", &name);
            if (st.ok() && (!text || text->empty()))
              st = Status::InvalidArgument("Give the notice's \"text\".");
            if (!st.ok()) return ErrorResponse(st);
            bytes = std::move(*text);
            filename = name.value_or("pasted.txt");
            if (filename.find('.') == std::string::npos) filename += ".txt";
          }
          Result<app::ImportResult> out = s.ImportNotice(&c, bytes, filename);
          if (!out.ok()) {
            StatusCode code = out.status().code();
            if (code == StatusCode::kInvalidArgument || code == StatusCode::kCorruption) {
              return Response::Error(422, "unprocessable_document", out.status().message());
            }
            return ErrorResponse(out.status());
          }
          if (out->duplicate_of) {
            json err = {{"error",
                         {{"code", "duplicate_notice"},
                          {"message", "This file was already imported as notice " +
                                          std::to_string(*out->duplicate_of) + "."},
                          {"notice_id", *out->duplicate_of},
                          {"url", "/api/v1/notices/" + std::to_string(*out->duplicate_of)}}}};
            Response res = Response::Json(409, err);
            res.headers.emplace_back("Location",
                                     "/api/v1/notices/" + std::to_string(*out->duplicate_of));
            return res;
          }
          json j = NoticeWithTasks(s, n, c, out->notice, out->tasks, false);
          j["unmatched_units"] = out->unmatched_units;
          j["warnings"] = out->warnings;
          Response res = Created(j);
          res.headers.emplace_back("Location", "/api/v1/notices/" + std::to_string(out->notice.id));
          return res;
        }));

  r.Add("GET", "/api/v1/notices",
        Doc("Notices (drafts only for office and admin)", "notices")
            .Q("status", "string", "draft | active")
            .Q("q", "string", "full text, diacritic-insensitive")
            .Q("limit", "integer", "page size")
            .Q("offset", "integer", "rows to skip"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          Result<Paging> p = PagingOf(req);
          if (!p.ok()) return ErrorResponse(p.status());
          store::NoticeFilter f;
          f.limit = p->limit;
          f.offset = p->offset;
          f.q = req.Query("q").value_or("");
          if (auto st = req.Query("status"); st && !st->empty()) {
            f.status = domain::NoticeStatusFromCode(*st);
            if (!f.status)
              return Response::Error(400, "invalid_argument", "status must be draft or active.");
          }
          Result<store::Page<domain::Notice>> page = s.ListNotices(c, f);
          if (!page.ok()) return ErrorResponse(page.status());
          json items = json::array();
          for (const domain::Notice& n : page->items) items.push_back(NoticeJson(n, false));
          return Response::Json(200, ListJson(items, page->total));
        }));

  r.Add("GET", "/api/v1/notices/{id}",
        Doc("One notice with its source text and its tasks (with spans into the text)", "notices"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such notice.");
          Result<app::NoticeView> v = s.GetNotice(c, *id);
          if (!v.ok()) return ErrorResponse(v.status());
          return Response::Json(200, NoticeWithTasks(s, n, c, v->notice, v->tasks, true));
        }));

  r.Add("POST", "/api/v1/notices/{id}/confirm",
        Doc("Confirm a draft notice: its tasks become active tasks (office)", "notices"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such notice.");
          Result<app::NoticeView> v = s.ConfirmNotice(&c, *id);
          if (!v.ok()) return ErrorResponse(v.status());
          return Response::Json(200, NoticeWithTasks(s, n, c, v->notice, v->tasks, false));
        }));

  r.Add("DELETE", "/api/v1/notices/{id}",
        Doc("Delete a draft notice and its tasks (office)", "notices"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such notice.");
          Status st = s.DeleteDraftNotice(c, *id);
          return st.ok() ? Response::Json(200, {{"ok", true}}) : ErrorResponse(st);
        }));

  r.Add("POST", "/api/v1/notices/{id}/tasks",
        Doc("Add a task to a draft notice (office)", "notices")
            .Body("json", {"text", "section", "lead", "support", "deadline"})
            .Status(201),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such notice.");
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          app::TaskPatch p;
          Status st = TaskPatchFromJson(body, &p);
          if (!st.ok()) return ErrorResponse(st);
          Result<domain::Task> t = s.AddDraftTask(c, *id, p);
          if (!t.ok()) return ErrorResponse(t.status());
          return Created(TaskJson(*t, NamesOf(n, c), s.clock().Today()));
        }));

  r.Add("POST", "/api/v1/notices/{id}/merge",
        Doc("Merge draft tasks of a notice into the first one (office)", "notices")
            .Body("json", {"task_ids"}),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such notice.");
          json body;
          if (auto err = ReadJsonObject(req, &body)) return *err;
          std::optional<std::vector<domain::Id>> ids;
          Status st = GetIds(body, "task_ids", &ids);
          if (st.ok() && !ids) st = Status::InvalidArgument("Give \"task_ids\".");
          if (!st.ok()) return ErrorResponse(st);
          for (domain::Id task_id : *ids) {
            Result<app::TaskView> v = s.GetTask(c, task_id);
            if (!v.ok()) return ErrorResponse(v.status());
            if (v->detail.task.notice_id != *id) {
              return Response::Error(404, "not_found", "No such task in this notice.");
            }
          }
          Result<domain::Task> t = s.MergeDraftTasks(c, *ids);
          if (!t.ok()) return ErrorResponse(t.status());
          return Response::Json(200, TaskJson(*t, NamesOf(n, c), s.clock().Today()));
        }));
}

}  // namespace dondoc::http
