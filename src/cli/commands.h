// The subcommands of the dondoc program.
#ifndef DONDOC_CLI_COMMANDS_H_
#define DONDOC_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace dondoc::cli {

// Parses argv and runs the chosen subcommand; returns the process exit code.
int Run(int argc, char** argv);

// Each subcommand registers its options on `app` and runs when chosen.
void AddExtractCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
void AddAdminCommand(CLI::App& app, int* exit_code);
void AddBackupCommand(CLI::App& app, int* exit_code);
void AddImportCommand(CLI::App& app, int* exit_code);

}  // namespace dondoc::cli

#endif  // DONDOC_CLI_COMMANDS_H_
