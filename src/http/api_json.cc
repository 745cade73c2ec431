#include "http/api_json.h"

#include <cstdio>

#include "domain/status.h"

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

}  // namespace dondoc::http
