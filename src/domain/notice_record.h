// A stored notice (thông báo kết luận): its header, normalised text and original file.
#ifndef DONDOC_DOMAIN_NOTICE_RECORD_H_
#define DONDOC_DOMAIN_NOTICE_RECORD_H_

#include <optional>
#include <string>
#include <string_view>

#include "domain/ids.h"
#include "text/date.h"

namespace dondoc::domain {

// kDraft: imported, its tasks under review (editable, not visible to units, not counted).
// kActive: confirmed; its tasks are tracked.
enum class NoticeStatus { kDraft, kActive };
std::string_view NoticeStatusCode(NoticeStatus s);  // "draft" | "active"
std::optional<NoticeStatus> NoticeStatusFromCode(std::string_view code);

struct Notice {
  Id id = 0;
  Id tenant_id = 0;
  NoticeStatus status = NoticeStatus::kDraft;
  // Header (from the extraction, editable by the Office).
  std::string number;  // "406/TB-UBND"
  std::optional<text::Date> date;
  std::string issuer;
  std::string type;  // "Thông báo"
  std::string subject;
  std::string signer;
  // Content.
  std::string text;    // normalised (NFC) text; task spans point into it (code points)
  std::string sha256;  // of the original file's bytes, lower-case hex; unique per tenant
  std::string filename;
  std::string format;           // "txt" | "md" | "docx" | "pdf"
  std::string extraction_json;  // `dondoc extract` output as imported (spec/extract-output.md)
  std::optional<Id> original_attachment_id;  // the stored original file, if kept
  Id created_by = 0;                         // user id
  Timestamp created_at = 0;
  Timestamp confirmed_at = 0;  // 0 while a draft
};

}  // namespace dondoc::domain

#endif  // DONDOC_DOMAIN_NOTICE_RECORD_H_
