// A directory of the units of one administration, loaded from a CSV file with the header
// `name,aliases,kind,parent` (aliases separated by ';'), mapping the ways a notice writes a unit
// ("Phòng TC-KH", "phòng Tài chính – Kế hoạch") to its canonical name.
//
// Immutable after loading; thread-safe for lookups.
#ifndef DONDOC_NOTICE_UNIT_DIRECTORY_H_
#define DONDOC_NOTICE_UNIT_DIRECTORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dondoc::notice {

class UnitDirectory {
 public:
  struct Entry {
    std::string name;
    std::vector<std::string> aliases;
    std::string kind;    // "phòng", "ubnd_xa", ...
    std::string parent;  // canonical name of the parent unit, may be empty
  };

  // Parses CSV text. Errors name the line.
  static Result<UnitDirectory> FromCsv(std::string_view csv);
  // Reads and parses the file at `path`. Errors read "PATH: reason".
  static Result<UnitDirectory> Load(const std::string& path);

  // The canonical name of `mention`, compared under text::FoldKey (case, tone placement,
  // dashes, white space) with a head's title dropped; then without diacritics.
  std::optional<std::string> Canonical(std::string_view mention) const;

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  void Index(const std::string& key, size_t entry);

  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_key_;
  std::unordered_map<std::string, size_t> by_ascii_key_;
};

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_UNIT_DIRECTORY_H_
