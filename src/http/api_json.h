// JSON views of domain values for the API (api-core.md shapes).
#ifndef DONDOC_HTTP_API_JSON_H_
#define DONDOC_HTTP_API_JSON_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/service.h"
#include "domain/activity.h"
#include "domain/audit.h"
#include "domain/notice_record.h"
#include "domain/task.h"
#include "domain/unit.h"
#include "domain/user.h"
#include "http/unit_names.h"
#include "text/date.h"

namespace dondoc::http {

// RFC 3339 in Vietnam time: "2023-06-12T08:30:00+07:00".
std::string TimeJson(domain::Timestamp t);
nlohmann::json DateJson(const std::optional<text::Date>& d);

nlohmann::json UnitJson(const domain::Unit& u);
nlohmann::json UnitRefJson(domain::Id id, const UnitNames& names);
nlohmann::json FieldJson(const domain::Field& f);
nlohmann::json UserJson(const domain::User& u, const UnitNames& names);
nlohmann::json DeadlineJson(const domain::Deadline& d);
// The task of api-core.md: id, notice_id, section, text, lead, support, deadline, due, status,
// overdue, progress; and more.
nlohmann::json TaskJson(const domain::Task& t, const UnitNames& names, text::Date today);
nlohmann::json ReportJson(const domain::ProgressReport& r);
nlohmann::json ExtensionJson(const domain::Extension& e);
nlohmann::json CommentJson(const domain::Comment& c);
nlohmann::json AttachmentJson(const domain::Attachment& a);
nlohmann::json AuditJson(const domain::AuditEntry& e);
// A notice without its text (lists) or with it.
nlohmann::json NoticeJson(const domain::Notice& n, bool with_text);
nlohmann::json ListJson(nlohmann::json items, long total);

// The body of GET /api/v1/tasks/{id}: TaskJson with "reports", "extensions", "comments",
// "attachments", "occurrences" and "history" (oldest first) added, written without a DOM. Byte
// for byte what Response::Json prints for the same value built from the functions above.
std::string TaskDetailBody(const app::TaskView& v, const UnitNames& names, text::Date today);
// The body of a page of tasks, {"items": [TaskJson...], "total": total}, written without a DOM;
// byte for byte what Response::Json prints for ListJson of the same tasks.
std::string TaskListBody(const std::vector<domain::Task>& tasks, long total, const UnitNames& names,
                         text::Date today);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_API_JSON_H_
