#include "http/api_occurrences.h"

#include "domain/status.h"
#include "http/api_support.h"

namespace dondoc::http {

namespace {

using nlohmann::json;

json OccurrenceJson(const app::OccurrenceView& v, domain::Id task_id) {
  const domain::Occurrence& o = v.occurrence;
  json reports = json::array();
  for (const auto& r : v.reports) reports.push_back(ReportJson(r));
  return {{"id", o.id},
          {"task_id", task_id},
          {"period_start", o.period_start.ToIso()},
          {"period_end", o.period_end.ToIso()},
          {"due", o.due.ToIso()},
          {"done_date", DateJson(o.done_date)},
          {"status", domain::TaskStateCode(v.state)},
          {"overdue", v.state == domain::TaskState::kOverdue},
          {"reports", reports}};
}

// Runs `fn(req, caller, task_id, occurrence_id)` for routes on /tasks/{id}/occurrences/{oid}.
template <typename F>
AuthedHandler OnOccurrence(F fn) {
  return [fn](Request& req, const app::Caller& c) -> Response {
    auto task = IdParam(req);
    auto occurrence = IdParam(req, "occurrence_id");
    if (!task || !occurrence) return Response::Error(404, "not_found", "No such occurrence.");
    return fn(req, c, *task, *occurrence);
  };
}

}  // namespace

void RegisterOccurrenceRoutes(Router& r, app::Service& s) {
  r.Add("GET", "/api/v1/tasks/{id}/occurrences",
        Doc("A recurring task's occurrences (one per period up to the current one) with their "
            "status and reports",
            "tasks"),
        Authed(s, [&s](Request& req, const app::Caller& c) {
          auto id = IdParam(req);
          if (!id) return Response::Error(404, "not_found", "No such task.");
          Result<std::vector<app::OccurrenceView>> v = s.ListOccurrences(c, *id);
          if (!v.ok()) return ErrorResponse(v.status());
          json items = json::array();
          for (const auto& o : *v) items.push_back(OccurrenceJson(o, *id));
          return Response::Json(200, ListJson(items, static_cast<long>(items.size())));
        }));

  r.Add("POST", "/api/v1/tasks/{id}/occurrences/{occurrence_id}/reports",
        Doc("A unit's report on one period; done=true (lead unit) delivers the period", "tasks")
            .Body("json", {"text", "percent", "done"})
            .Status(201),
        Authed(s, OnOccurrence([&s](Request& req, const app::Caller& c, domain::Id task,
                                    domain::Id occurrence) {
                 ReportBody body;
                 if (auto err = ReadReportBody(req, &body)) return *err;
                 Result<app::OccurrenceView> v =
                     s.ReportOnOccurrence(c, task, occurrence, body.text, body.percent, body.done);
                 return v.ok() ? Created(OccurrenceJson(*v, task)) : ErrorResponse(v.status());
               })));

  r.Add("POST", "/api/v1/tasks/{id}/occurrences/{occurrence_id}/complete",
        Doc("Record a period as done (office); done_date defaults to today", "tasks")
            .Body("json", {"done_date"}),
        Authed(s, OnOccurrence([&s](Request& req, const app::Caller& c, domain::Id task,
                                    domain::Id occurrence) {
                 json body = json::object();
                 if (!req.body.empty()) {
                   if (auto err = ReadJsonObject(req, &body)) return *err;
                 }
                 std::optional<text::Date> done_date;
                 Status st = GetDate(body, "done_date", &done_date);
                 if (!st.ok()) return ErrorResponse(st);
                 Result<app::OccurrenceView> v =
                     s.CompleteOccurrence(c, task, occurrence, done_date);
                 return v.ok() ? Response::Json(200, OccurrenceJson(*v, task))
                               : ErrorResponse(v.status());
               })));
}

}  // namespace dondoc::http
