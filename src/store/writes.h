// The write statements of the SQLite store, one function per StoreTx method, over the writer
// connection inside an open transaction. Internal to store/; contracts are those of store.h.
#ifndef DONDOC_STORE_WRITES_H_
#define DONDOC_STORE_WRITES_H_

#include <string>

#include "store/db.h"
#include "store/store.h"

namespace dondoc::store::writes {

// The next id of `table` for the tenant (a per-tenant sequence; ids are never reused).
Result<Id> NextId(Db& db, Id tenant_id, const char* table);

Result<Id> CreateTenant(Db& db, const domain::Tenant& t);
Result<Id> CreateUnit(Db& db, const domain::Unit& u);
Status UpdateUnit(Db& db, const domain::Unit& u);
Status DeleteUnit(Db& db, Id tenant_id, Id unit_id);
Result<Id> CreateField(Db& db, const domain::Field& f);
Status UpdateField(Db& db, const domain::Field& f);
Status DeleteField(Db& db, Id tenant_id, Id field_id);
Result<Id> CreateUser(Db& db, const domain::User& u);
Status UpdateUser(Db& db, const domain::User& u);
Status CreateSession(Db& db, const domain::Session& s);
Status TouchSession(Db& db, Id tenant_id, const std::string& token_hash, Timestamp last_seen);
Status DeleteSession(Db& db, Id tenant_id, const std::string& token_hash);
Result<int> DeleteExpiredSessions(Db& db, Id tenant_id, Timestamp now, Timestamp idle_before);
Result<int> DeleteUserSessions(Db& db, Id tenant_id, Id user_id);
Status CreateApiToken(Db& db, const domain::ApiToken& t);
Status DeleteApiToken(Db& db, Id tenant_id, const std::string& token_hash);
Status RecordLoginAttempt(Db& db, Id tenant_id, const std::string& username,
                          const std::string& address, Timestamp at, bool success);

Result<Id> CreateNotice(Db& db, const domain::Notice& n);
Status UpdateNotice(Db& db, const domain::Notice& n);
Status ActivateNotice(Db& db, Id tenant_id, Id notice_id, Timestamp at);
Status DeleteDraftNotice(Db& db, Id tenant_id, Id notice_id);
Result<Id> CreateTask(Db& db, const domain::Task& t);
Status UpdateTask(Db& db, const domain::Task& t);
Status DeleteTask(Db& db, Id tenant_id, Id task_id);
Result<Id> CreateOccurrence(Db& db, const domain::Occurrence& o);
Status UpdateOccurrence(Db& db, const domain::Occurrence& o);
Result<Id> AddProgressReport(Db& db, const domain::ProgressReport& r);
Result<Id> CreateExtension(Db& db, const domain::Extension& e);
Status UpdateExtension(Db& db, const domain::Extension& e);
Result<Id> AddComment(Db& db, const domain::Comment& c);
Result<domain::Attachment> AddAttachment(Db& db, const domain::Attachment& a,
                                         const std::string& bytes);
Result<Id> AppendAudit(Db& db, const domain::AuditEntry& e);
Status PutHoliday(Db& db, Id tenant_id, const HolidayOverride& h);
Status DeleteHoliday(Db& db, Id tenant_id, text::Date date);

}  // namespace dondoc::store::writes

#endif  // DONDOC_STORE_WRITES_H_
