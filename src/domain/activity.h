// What people add to a task: progress reports, extension requests, comments, attachments.
#ifndef DONDOC_DOMAIN_ACTIVITY_H_
#define DONDOC_DOMAIN_ACTIVITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/ids.h"
#include "text/date.h"

namespace dondoc::domain {

struct ProgressReport {
  Id id = 0;
  Id tenant_id = 0;
  Id task_id = 0;
  std::optional<Id> occurrence_id;  // for a recurring task: the period reported on
  Id unit_id = 0;                   // the reporting unit (a lead or support unit of the task)
  Id user_id = 0;
  std::string text;
  int percent = 0;    // 0..100
  bool done = false;  // the lead unit reports completion
  Timestamp created_at = 0;
};

enum class ExtensionStatus { kPending, kApproved, kRefused };
std::string_view ExtensionStatusCode(ExtensionStatus s);  // "pending" | "approved" | "refused"
std::optional<ExtensionStatus> ExtensionStatusFromCode(std::string_view code);

struct Extension {
  Id id = 0;
  Id tenant_id = 0;
  Id task_id = 0;
  Id requested_by = 0;  // user id
  std::string reason;
  text::Date requested_due;
  std::optional<text::Date> previous_due;  // the task's due when requested
  ExtensionStatus status = ExtensionStatus::kPending;
  std::optional<Id> decided_by;  // user id, set once decided
  std::string decision_note;
  Timestamp created_at = 0;
  Timestamp decided_at = 0;  // 0 while pending
};

struct Comment {
  Id id = 0;
  Id tenant_id = 0;
  Id task_id = 0;
  Id user_id = 0;
  std::string text;
  Timestamp created_at = 0;
};

// A stored file. Its bytes live in the store's blob storage under `storage_key`.
struct Attachment {
  Id id = 0;
  Id tenant_id = 0;
  std::string owner_kind;  // "task" | "report" | "notice" | "extension" | "comment"
  Id owner_id = 0;
  std::string filename;
  std::string mime;
  std::int64_t size = 0;
  std::string sha256;       // lower-case hex of the bytes
  std::string storage_key;  // assigned by the store ("sha256:<hex>")
  Id uploaded_by = 0;
  Timestamp created_at = 0;
};

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_ACTIVITY_H_
