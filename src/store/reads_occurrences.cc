// Reads for keeping recurring tasks' occurrences up to date.
#include "store/reads.h"

namespace dondoc::store::reads {

Result<std::vector<Id>> ListRecurringTaskIds(Db& db, Id tenant_id) {
  DONDOC_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT id FROM tasks WHERE tenant_id = ?1 AND draft "
                                             "= 0 AND deadline_kind = 'recurring' AND status <> "
                                             "'done' ORDER BY id"));
  s.Bind(1, tenant_id);
  std::vector<Id> out;
  while (true) {
    DONDOC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Int(0));
  }
  return out;
}

}  // namespace dondoc::store::reads
