// `dondoc extract FILE... [--format json|text] [--units UNITS.csv]`
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "notice/extract.h"
#include "notice/read.h"
#include "notice/unit_directory.h"

namespace dondoc::cli {

namespace {
struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "json";
  std::string units_csv;
};
}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract tasks, deadlines and figures from notices");
  cmd->add_option("files", args->files, "Notice files (.txt, .md, .docx, .pdf)")->required();
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"json", "text"}));
  cmd->add_option("--units", args->units_csv, "Unit directory CSV: name,aliases,kind,parent");
  cmd->callback([args, exit_code] {
    std::optional<notice::UnitDirectory> units;
    if (!args->units_csv.empty()) {
      Result<notice::UnitDirectory> dir = notice::UnitDirectory::Load(args->units_csv);
      if (!dir.ok()) {
        std::cerr << "dondoc extract: " << dir.status().message() << "\n";
        *exit_code = 1;
        return;
      }
      units = std::move(dir).value();
    }
    notice::ExtractOptions options;
    if (units) options.units = &*units;
    for (const std::string& path : args->files) {
      Result<notice::RawDocument> raw = notice::ReadDocumentFile(path);
      if (!raw.ok()) {
        std::cerr << "dondoc extract: " << raw.status().message() << "\n";
        *exit_code = 1;
        continue;
      }
      notice::Notice n = notice::Extract(*raw, options);
      n.source.path = path;
      if (n.tasks.empty()) std::cerr << "dondoc extract: warning: " << path << ": no task found\n";
      std::cout << (args->format == "json" ? notice::NoticeToJson(n) : notice::NoticeToText(n))
                << "\n";
    }
  });
}

}  // namespace dondoc::cli
