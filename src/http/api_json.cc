#include "http/api_json.h"

#include <cstdio>

#include "domain/status.h"
#include "http/json_writer.h"

namespace dondoc::http {

using nlohmann::json;

std::string TimeJson(domain::Timestamp t) {
  domain::Timestamp local = t + 7 * 3600;
  domain::Timestamp days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  domain::Timestamp secs = local - days * 86400;
  text::Date d = text::Date::FromDaysSinceEpoch(static_cast<long>(days));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", d.year, d.month, d.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

json DateJson(const std::optional<text::Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }

json UnitJson(const domain::Unit& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"aliases", u.aliases},
          {"kind", u.kind},
          {"parent_id", u.parent_id ? json(*u.parent_id) : json(nullptr)}};
}

json UnitRefJson(domain::Id id, const UnitNames& names) {
  return {{"id", id}, {"name", names.Name(id)}};
}

json FieldJson(const domain::Field& f) {
  return {{"id", f.id}, {"name", f.name}, {"unit_ids", f.unit_ids}};
}

json UserJson(const domain::User& u, const UnitNames& names) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", domain::RoleCode(u.role)},
          {"unit", u.unit_id ? UnitRefJson(*u.unit_id, names) : json(nullptr)},
          {"field_ids", u.field_ids},
          {"chair", u.chair},
          {"disabled", u.disabled}};
}

json DeadlineJson(const domain::Deadline& d) {
  json j = {{"kind", domain::DeadlineKindCode(d.kind)},
            {"date", DateJson(d.date)},
            {"every", d.kind == domain::DeadlineKind::kRecurring ? json(domain::EveryCode(d.every))
                                                                 : json(nullptr)}};
  if (!d.phrase.empty()) j["phrase"] = d.phrase;
  return j;
}

json TaskJson(const domain::Task& t, const UnitNames& names, text::Date today) {
  json lead = json::array();
  for (domain::Id id : t.lead_unit_ids) lead.push_back(UnitRefJson(id, names));
  json support = json::array();
  for (domain::Id id : t.support_unit_ids) support.push_back(UnitRefJson(id, names));
  json targets = json::parse(t.targets_json, nullptr, false);
  if (targets.is_discarded()) targets = json::array();
  return {{"id", t.id},
          {"notice_id", t.notice_id},
          {"ref", t.ref},
          {"section", t.section},
          {"text", t.text},
          {"span", {t.span_start, t.span_end}},
          {"lead", lead},
          {"support", support},
          {"deadline", DeadlineJson(t.deadline)},
          {"due", DateJson(t.due)},
          {"original_due", DateJson(t.original_due)},
          {"status", domain::TaskStateCode(domain::DeriveStatus(t, today))},
          {"status_label", domain::TaskStateLabel(domain::DeriveStatus(t, today))},
          {"stored_status", domain::StoredStatusCode(t.status)},
          {"overdue", domain::IsOverdue(t, today)},
          {"progress", t.progress},
          {"done_date", DateJson(t.done_date)},
          {"urgent", t.urgent},
          {"targets", targets},
          {"draft", t.draft},
          {"updated_at", TimeJson(t.updated_at)}};
}

json ReportJson(const domain::ProgressReport& r) {
  return {{"id", r.id},           {"task_id", r.task_id},
          {"unit_id", r.unit_id}, {"user_id", r.user_id},
          {"text", r.text},       {"percent", r.percent},
          {"done", r.done},       {"created_at", TimeJson(r.created_at)}};
}

json ExtensionJson(const domain::Extension& e) {
  return {{"id", e.id},
          {"task_id", e.task_id},
          {"requested_by", e.requested_by},
          {"reason", e.reason},
          {"requested_due", e.requested_due.ToIso()},
          {"previous_due", DateJson(e.previous_due)},
          {"status", domain::ExtensionStatusCode(e.status)},
          {"decided_by", e.decided_by ? json(*e.decided_by) : json(nullptr)},
          {"decision_note", e.decision_note},
          {"created_at", TimeJson(e.created_at)},
          {"decided_at", e.decided_at ? json(TimeJson(e.decided_at)) : json(nullptr)}};
}

json CommentJson(const domain::Comment& c) {
  return {{"id", c.id},
          {"task_id", c.task_id},
          {"user_id", c.user_id},
          {"text", c.text},
          {"created_at", TimeJson(c.created_at)}};
}

json AttachmentJson(const domain::Attachment& a) {
  return {{"id", a.id},
          {"owner_kind", a.owner_kind},
          {"owner_id", a.owner_id},
          {"filename", a.filename},
          {"mime", a.mime},
          {"size", a.size},
          {"sha256", a.sha256},
          {"url", "/api/v1/attachments/" + std::to_string(a.id)},
          {"created_at", TimeJson(a.created_at)}};
}

json AuditJson(const domain::AuditEntry& e) {
  auto parse = [](const std::string& s) {
    if (s.empty()) return json(nullptr);
    json j = json::parse(s, nullptr, false);
    return j.is_discarded() ? json(s) : j;
  };
  return {{"id", e.id},
          {"user_id", e.user_id ? json(*e.user_id) : json(nullptr)},
          {"at", TimeJson(e.at)},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"before", parse(e.before_json)},
          {"after", parse(e.after_json)}};
}

json NoticeJson(const domain::Notice& n, bool with_text) {
  json j = {{"id", n.id},
            {"status", domain::NoticeStatusCode(n.status)},
            {"number", n.number},
            {"date", DateJson(n.date)},
            {"issuer", n.issuer},
            {"type", n.type},
            {"subject", n.subject},
            {"signer", n.signer},
            {"sha256", n.sha256},
            {"filename", n.filename},
            {"format", n.format},
            {"created_at", TimeJson(n.created_at)},
            {"confirmed_at", n.confirmed_at ? json(TimeJson(n.confirmed_at)) : json(nullptr)}};
  if (n.original_attachment_id) {
    j["original_url"] = "/api/v1/attachments/" + std::to_string(*n.original_attachment_id);
  }
  if (with_text) j["text"] = n.text;
  return j;
}

json ListJson(json items, long total) { return {{"items", std::move(items)}, {"total", total}}; }

namespace {

// Each writer below prints what the *Json function of the same value prints; nlohmann orders
// an object's keys bytewise, so the keys are written in that order here.

void WriteUnitRefs(JsonWriter& w, const std::vector<domain::Id>& ids, const UnitNames& names) {
  w.BeginArray();
  for (domain::Id id : ids)
    w.BeginObject().Key("id").Int(id).Key("name").String(names.Name(id)).EndObject();
  w.EndArray();
}

void WriteDeadline(JsonWriter& w, const domain::Deadline& d) {
  w.BeginObject().Key("date").Date(d.date).Key("every");
  if (d.kind == domain::DeadlineKind::kRecurring) {
    w.String(domain::EveryCode(d.every));
  } else {
    w.Null();
  }
  w.Key("kind").String(domain::DeadlineKindCode(d.kind));
  if (!d.phrase.empty()) w.Key("phrase").String(d.phrase);
  w.EndObject();
}

void WriteReport(JsonWriter& w, const domain::ProgressReport& r) {
  w.BeginObject()
      .Key("created_at")
      .Time(r.created_at)
      .Key("done")
      .Bool(r.done)
      .Key("id")
      .Int(r.id)
      .Key("percent")
      .Int(r.percent)
      .Key("task_id")
      .Int(r.task_id)
      .Key("text")
      .String(r.text)
      .Key("unit_id")
      .Int(r.unit_id)
      .Key("user_id")
      .Int(r.user_id)
      .EndObject();
}

void WriteExtension(JsonWriter& w, const domain::Extension& e) {
  w.BeginObject().Key("created_at").Time(e.created_at).Key("decided_at");
  if (e.decided_at) {
    w.Time(e.decided_at);
  } else {
    w.Null();
  }
  w.Key("decided_by");
  if (e.decided_by) {
    w.Int(*e.decided_by);
  } else {
    w.Null();
  }
  w.Key("decision_note")
      .String(e.decision_note)
      .Key("id")
      .Int(e.id)
      .Key("previous_due")
      .Date(e.previous_due)
      .Key("reason")
      .String(e.reason)
      .Key("requested_by")
      .Int(e.requested_by)
      .Key("requested_due")
      .Date(e.requested_due)
      .Key("status")
      .String(domain::ExtensionStatusCode(e.status))
      .Key("task_id")
      .Int(e.task_id)
      .EndObject();
}

void WriteComment(JsonWriter& w, const domain::Comment& c) {
  w.BeginObject()
      .Key("created_at")
      .Time(c.created_at)
      .Key("id")
      .Int(c.id)
      .Key("task_id")
      .Int(c.task_id)
      .Key("text")
      .String(c.text)
      .Key("user_id")
      .Int(c.user_id)
      .EndObject();
}

void WriteAttachment(JsonWriter& w, const domain::Attachment& a) {
  w.BeginObject()
      .Key("created_at")
      .Time(a.created_at)
      .Key("filename")
      .String(a.filename)
      .Key("id")
      .Int(a.id)
      .Key("mime")
      .String(a.mime)
      .Key("owner_id")
      .Int(a.owner_id)
      .Key("owner_kind")
      .String(a.owner_kind)
      .Key("sha256")
      .String(a.sha256)
      .Key("size")
      .Int(a.size)
      .Key("url")
      .String("/api/v1/attachments/" + std::to_string(a.id))
      .EndObject();
}

void WriteOccurrence(JsonWriter& w, const domain::Occurrence& o) {
  w.BeginObject()
      .Key("done_date")
      .Date(o.done_date)
      .Key("due")
      .Date(o.due)
      .Key("id")
      .Int(o.id)
      .Key("period_end")
      .Date(o.period_end)
      .Key("period_start")
      .Date(o.period_start)
      .EndObject();
}

void WriteAudit(JsonWriter& w, const domain::AuditEntry& e) {
  using Unparsable = JsonWriter::Unparsable;
  w.BeginObject()
      .Key("action")
      .String(e.action)
      .Key("after")
      .Parsed(e.after_json, Unparsable::kNullOrText)
      .Key("at")
      .Time(e.at)
      .Key("before")
      .Parsed(e.before_json, Unparsable::kNullOrText)
      .Key("entity")
      .String(e.entity)
      .Key("entity_id")
      .Int(e.entity_id)
      .Key("id")
      .Int(e.id)
      .Key("user_id");
  if (e.user_id) {
    w.Int(*e.user_id);
  } else {
    w.Null();
  }
  w.EndObject();
}

template <typename T>
void WriteAll(JsonWriter& w, const std::vector<T>& items, void (*write)(JsonWriter&, const T&)) {
  w.BeginArray();
  for (const T& item : items) write(w, item);
  w.EndArray();
}

// Writes TaskJson(t) and, given `detail`, its detail arrays among the task's keys in the order
// nlohmann prints them (bytewise).
void WriteTask(JsonWriter& w, const domain::Task& t, const store::TaskDetail* detail,
               const UnitNames& names, text::Date today) {
  const domain::TaskState state = domain::DeriveStatus(t, today);
  w.BeginObject();
  if (detail) {
    w.Key("attachments");
    WriteAll(w, detail->attachments, WriteAttachment);
    w.Key("comments");
    WriteAll(w, detail->comments, WriteComment);
  }
  w.Key("deadline");
  WriteDeadline(w, t.deadline);
  w.Key("done_date").Date(t.done_date).Key("draft").Bool(t.draft).Key("due").Date(t.due);
  if (detail) {
    w.Key("extensions");
    WriteAll(w, detail->extensions, WriteExtension);
    w.Key("history");
    WriteAll(w, detail->history, WriteAudit);
  }
  w.Key("id").Int(t.id).Key("lead");
  WriteUnitRefs(w, t.lead_unit_ids, names);
  w.Key("notice_id").Int(t.notice_id);
  if (detail) {
    w.Key("occurrences");
    WriteAll(w, detail->occurrences, WriteOccurrence);
  }
  w.Key("original_due")
      .Date(t.original_due)
      .Key("overdue")
      .Bool(domain::IsOverdue(t, today))
      .Key("progress")
      .Int(t.progress)
      .Key("ref")
      .String(t.ref);
  if (detail) {
    w.Key("reports");
    WriteAll(w, detail->reports, WriteReport);
  }
  w.Key("section")
      .String(t.section)
      .Key("span")
      .BeginArray()
      .Int(t.span_start)
      .Int(t.span_end)
      .EndArray()
      .Key("status")
      .String(domain::TaskStateCode(state))
      .Key("status_label")
      .String(domain::TaskStateLabel(state))
      .Key("stored_status")
      .String(domain::StoredStatusCode(t.status))
      .Key("support");
  WriteUnitRefs(w, t.support_unit_ids, names);
  w.Key("targets")
      .Parsed(t.targets_json, JsonWriter::Unparsable::kEmptyArray)
      .Key("text")
      .String(t.text)
      .Key("updated_at")
      .Time(t.updated_at)
      .Key("urgent")
      .Bool(t.urgent)
      .EndObject();
}

// Room for a task's usual answer without its detail, so that the body is rarely copied while
// it grows.
size_t TaskSizeHint(const domain::Task& t) { return 900 + t.text.size() + t.targets_json.size(); }

}  // namespace

std::string TaskDetailBody(const app::TaskView& v, const UnitNames& names, text::Date today) {
  const store::TaskDetail& d = v.detail;
  size_t size = TaskSizeHint(d.task) + 230 * d.reports.size() + 120 * d.occurrences.size() +
                260 * d.history.size() +
                300 * (d.extensions.size() + d.comments.size() + d.attachments.size());
  for (const auto& r : d.reports) size += r.text.size();
  std::string out;
  out.reserve(size);
  JsonWriter w(&out);
  WriteTask(w, d.task, &d, names, today);
  return out;
}

std::string TaskListBody(const std::vector<domain::Task>& tasks, long total, const UnitNames& names,
                         text::Date today) {
  size_t size = 32;
  for (const domain::Task& t : tasks) size += TaskSizeHint(t);
  std::string out;
  out.reserve(size);
  JsonWriter w(&out);
  w.BeginObject().Key("items").BeginArray();
  for (const domain::Task& t : tasks) WriteTask(w, t, nullptr, names, today);
  w.EndArray().Key("total").Int(total).EndObject();
  return out;
}

}  // namespace dondoc::http
