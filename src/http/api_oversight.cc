// Routes: scorecards, the audit log, search.
#include "http/api_support.h"

namespace dondoc::http {

namespace {

using nlohmann::json;

json CountsJson(const domain::ScoreCounts& c) {
  return {{"assigned", c.assigned},
          {"done_on_time", c.done_on_time},
          {"done_late", c.done_late},
          {"overdue", c.overdue},
          {"in_progress", c.in_progress},
          {"not_due", c.not_due},
          {"paused", c.paused},
          {"due", c.due()},
          {"completion_rate", c.completion_rate()},
          {"overdue_rate", c.overdue_rate()}};
}

// GET /api/v1/scorecards for `c`, with `today` as the default as_of.
Response ScorecardsAnswer(app::Service& s, UnitNamesCache& n, const Request& req,
                          const app::Caller& c, text::Date today) {
  std::string by = req.Query("by").value_or("unit");
  store::ScoreGroup group;
  if (by == "unit" || by.empty()) {
    group = store::ScoreGroup::kUnit;
    by = "unit";
  } else if (by == "field") {
    group = store::ScoreGroup::kField;
  } else if (by == "notice") {
    group = store::ScoreGroup::kNotice;
  } else {
    return Response::Error(400, "invalid_argument", "by must be unit, field or notice.");
  }
  Result<std::optional<text::Date>> as_of = DateQuery(req, "as_of");
  if (!as_of.ok()) return ErrorResponse(as_of.status());
  Result<std::optional<long>> notice = IntQuery(req, "notice");
  if (!notice.ok()) return ErrorResponse(notice.status());
  text::Date date = as_of->value_or(today);
  std::optional<domain::Id> notice_id;
  if (*notice) notice_id = **notice;
  Result<std::vector<domain::ScoreRow>> rows = s.Scorecards(c, group, date, notice_id);
  if (!rows.ok()) return ErrorResponse(rows.status());
  UnitNames unit_names;
  std::map<domain::Id, std::string> names;
  if (group == store::ScoreGroup::kUnit) {
    unit_names = NamesOf(n, c);
  } else if (group == store::ScoreGroup::kField) {
    Result<std::vector<domain::Field>> fields = s.ListFields(c);
    if (fields.ok()) {
      for (const auto& f : *fields) names[f.id] = f.name;
    }
  }
  json items = json::array();
  domain::ScoreCounts sum;
  for (const domain::ScoreRow& row : *rows) {
    json j = CountsJson(row.counts);
    j["id"] = row.key;
    j[by + "_id"] = row.key;
    if (group == store::ScoreGroup::kNotice) {
      Result<app::NoticeView> n = s.GetNotice(c, row.key);
      j["name"] = n.ok() ? (n->notice.number.empty() ? n->notice.subject : n->notice.number)
                         : std::string();
    } else if (group == store::ScoreGroup::kUnit) {
      j["name"] = unit_names.Name(row.key);
    } else {
      j["name"] = names.count(row.key) ? names[row.key] : std::string();
    }
    j[by] = {{"id", row.key}, {"name", j["name"]}};
    items.push_back(j);
  }
  json out = ListJson(items, static_cast<long>(items.size()));
  out["by"] = by;
  out["as_of"] = date.ToIso();
  return Response::Json(200, out);
}

}  // namespace

void RegisterOversightRoutes(Router& r, app::Service& s, UnitNamesCache& n, BodyCache& b) {
  r.Add("GET", "/api/v1/scorecards",
        Doc("Scorecards as of a date: assigned, done_on_time, done_late, overdue, in_progress, "
            "not_due, completion_rate, overdue_rate per unit, field or notice",
            "oversight")
            .Q("by", "string", "unit (default) | field | notice")
            .Q("as_of", "string", "YYYY-MM-DD, default today")
            .Q("notice", "integer", "only tasks of this notice"),
        Authed(s, [&s, &n, &b](Request& req, const app::Caller& c) {
          // The answer depends on the parameters, the day and the caller's view only.
          const text::Date today = s.clock().Today();
          return CachedJson(
              b, "scorecards|" + today.ToIso() + "|" + app::ReadViewKey(c) + "|" + req.query_string,
              [&] { return ScorecardsAnswer(s, n, req, c, today); },
              [&] { return s.clock().Today() == today; });
        }));

  r.Add("GET", "/api/v1/audit",
        Doc("The audit log, newest first (admin, office)", "oversight")
            .Q("entity", "string", "task | notice | user | unit | field")
            .Q("entity_id", "integer", "one entity")
            .Q("user_id", "integer", "one author")
            .Q("limit", "integer", "page size, default 50, at most 500")
            .Q("offset", "integer", "rows to skip"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          Result<Paging> p = PagingOf(req);
          if (!p.ok()) return ErrorResponse(p.status());
          store::AuditFilter f;
          f.limit = p->limit;
          f.offset = p->offset;
          if (auto e = req.Query("entity"); e && !e->empty()) f.entity = *e;
          Result<std::optional<long>> entity_id = IntQuery(req, "entity_id");
          if (!entity_id.ok()) return ErrorResponse(entity_id.status());
          if (*entity_id) f.entity_id = **entity_id;
          Result<std::optional<long>> user_id = IntQuery(req, "user_id");
          if (!user_id.ok()) return ErrorResponse(user_id.status());
          if (*user_id) f.user_id = **user_id;
          Result<store::Page<domain::AuditEntry>> page = s.Audit(c, f);
          if (!page.ok()) return ErrorResponse(page.status());
          json items = json::array();
          for (const auto& e : page->items) items.push_back(AuditJson(e));
          return Response::Json(200, ListJson(items, page->total));
        }));

  r.Add("GET", "/api/v1/search",
        Doc("Full-text search over tasks and notices, diacritic-insensitive (\"giai ngan\" finds "
            "\"giải ngân\")",
            "oversight")
            .Q("q", "string", "the words")
            .Q("limit", "integer", "page size per kind"),
        Authed(s, [&s, &n](Request& req, const app::Caller& c) {
          std::string q = req.Query("q").value_or("");
          if (q.empty() || q.size() > 500) {
            return Response::Error(400, "invalid_argument", "Give q: 1 to 500 bytes.");
          }
          Result<Paging> p = PagingOf(req);
          if (!p.ok()) return ErrorResponse(p.status());
          store::TaskFilter f;
          f.q = q;
          f.sort = store::TaskSort::kRank;
          f.limit = p->limit;
          f.offset = p->offset;
          Result<store::Page<domain::Task>> tasks = s.ListTasks(c, f);
          if (!tasks.ok()) return ErrorResponse(tasks.status());
          UnitNames names = NamesOf(n, c);
          json task_items = json::array();
          for (const auto& t : tasks->items)
            task_items.push_back(TaskJson(t, names, s.clock().Today()));
          json out = {{"tasks", ListJson(task_items, tasks->total)}};
          store::NoticeFilter nf;
          nf.q = q;
          nf.limit = p->limit;
          Result<store::Page<domain::Notice>> notices = s.ListNotices(c, nf);
          json notice_items = json::array();
          long notice_total = 0;
          if (notices.ok()) {
            for (const auto& n : notices->items) notice_items.push_back(NoticeJson(n, false));
            notice_total = notices->total;
          }
          out["notices"] = ListJson(notice_items, notice_total);
          out["items"] = task_items;
          out["total"] = tasks->total;
          return Response::Json(200, out);
        }));
}

}  // namespace dondoc::http
