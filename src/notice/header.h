// The document header (issuer, number, date, type, subject, signer, recipients) and the meeting a
// notice reports on, read from the national document format of Nghị định 30/2020/NĐ-CP.
//
// Pure functions of the text: no I/O, thread-safe, deterministic.
#ifndef DONDOC_NOTICE_HEADER_H_
#define DONDOC_NOTICE_HEADER_H_

#include <optional>
#include <string_view>

#include "notice/notice.h"

namespace dondoc::notice {

// `text` is the NFC-normalised text of the whole document. Fields not found stay empty/null.
DocumentHeader ExtractHeader(std::string_view text);

// The meeting a conclusion notice reports on, or nullopt when the document is not about a
// meeting (a Công văn, a Chỉ thị, a Kế hoạch). `header` is ExtractHeader(text).
std::optional<Meeting> ExtractMeeting(std::string_view text, const DocumentHeader& header);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_HEADER_H_
