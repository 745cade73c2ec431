// `dondoc import FILE --db PATH [--tenant T] [--confirm] [--units CSV]`: a notice imported from
// the command line through app::Service::ImportNotice, the use case behind POST /api/v1/notices.
#ifndef DONDOC_CLI_IMPORT_COMMAND_H_
#define DONDOC_CLI_IMPORT_COMMAND_H_

#include <ostream>
#include <string>

#include "app/clock.h"

namespace dondoc::cli {

struct ImportArgs {
  std::string file;
  std::string db = "dondoc.db";
  std::string tenant;     // slug; "" = the first tenant (one named "default" is created if none)
  std::string units_csv;  // units imported first (name,aliases,kind,parent), "" = none
  bool confirm = false;   // confirm the draft: its tasks become active
};

// Exit codes of RunImport.
inline constexpr int kImportOk = 0;
inline constexpr int kImportFailed = 1;     // nothing was imported; the reason on `err`
inline constexpr int kImportDuplicate = 3;  // the same file is already a notice; nothing changed

// Runs the import as the system (audit rows without a user). Prints the notice id and task
// count on `out`, errors and warnings on `err` ("dondoc import: FILE: reason").
int RunImport(const ImportArgs& args, const app::Clock& clock, std::ostream& out,
              std::ostream& err);

}  // namespace dondoc::cli

#endif  // DONDOC_CLI_IMPORT_COMMAND_H_
