// Column lists and row readers shared by the SQLite queries. Internal to store/.
#ifndef DONDOC_STORE_ROWS_H_
#define DONDOC_STORE_ROWS_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "domain/activity.h"
#include "domain/audit.h"
#include "domain/notice_record.h"
#include "domain/task.h"
#include "domain/tenant.h"
#include "domain/unit.h"
#include "domain/user.h"
#include "store/db.h"

namespace dondoc::store {

using domain::Id;

// FTS rowids: tenant_id * 2^40 + id, so one FTS table serves every tenant and a tenant's rows are
// a contiguous rowid range.
inline constexpr int kFtsTenantShift = 40;
inline std::int64_t FtsRowid(Id tenant_id, Id id) { return (tenant_id << kFtsTenantShift) + id; }
inline std::int64_t FtsFirstRowid(Id tenant_id) { return tenant_id << kFtsTenantShift; }
inline std::int64_t FtsLastRowid(Id tenant_id) { return ((tenant_id + 1) << kFtsTenantShift) - 1; }

// A JSON array of integers, for `IN (SELECT value FROM json_each(?))`.
std::string IdsJson(const std::vector<Id>& ids);

// Each k*Cols lists the columns its Read* function expects, in order, from column 0. Table
// aliases: t (tasks), n (notices).
extern const char* const kTaskCols;
extern const char* const kNoticeCols;
extern const char* const kNoticeListCols;  // without text and extraction_json
extern const char* const kUserCols;
extern const char* const kReportCols;
extern const char* const kExtensionCols;
extern const char* const kCommentCols;
extern const char* const kAttachmentCols;
extern const char* const kOccurrenceCols;
extern const char* const kAuditCols;

domain::Task ReadTask(const Stmt& s);
domain::Notice ReadNotice(const Stmt& s, bool with_content);
domain::User ReadUser(const Stmt& s);
domain::ProgressReport ReadReport(const Stmt& s);
domain::Extension ReadExtension(const Stmt& s);
domain::Comment ReadComment(const Stmt& s);
domain::Attachment ReadAttachment(const Stmt& s);
domain::Occurrence ReadOccurrence(const Stmt& s);
domain::AuditEntry ReadAudit(const Stmt& s);

// Fills lead_unit_ids / support_unit_ids of `tasks` (all of `tenant_id`).
Status LoadTaskUnits(Db& db, Id tenant_id, std::vector<domain::Task>* tasks);

// Holds a savepoint for the duration of a multi-statement read, so it sees one snapshot.
// Works inside and outside a write transaction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Db& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Db& db_;
  bool ok_;
};

}  // namespace dondoc::store

#endif  // DONDOC_STORE_ROWS_H_
