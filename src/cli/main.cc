// dondoc: the composition root. Parses the command line and hands each subcommand its parts.
#include <exception>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  try {
    return dondoc::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "dondoc: internal error: " << e.what() << "\n";
    return 70;
  }
}
