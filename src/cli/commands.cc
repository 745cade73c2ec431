#include "cli/commands.h"

#include <CLI/CLI.hpp>

namespace dondoc::cli {

int Run(int argc, char** argv) {
  CLI::App app{"dondoc: turns a Vietnamese meeting-conclusion notice into tracked work"};
  app.require_subcommand(1);
  int exit_code = 0;
  AddExtractCommand(app, &exit_code);
  AddServeCommand(app, &exit_code);
  AddAdminCommand(app, &exit_code);
  AddBackupCommand(app, &exit_code);
  AddImportCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return exit_code;
}

}  // namespace dondoc::cli
