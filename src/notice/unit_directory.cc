#include "notice/unit_directory.h"

#include <fstream>
#include <sstream>

#include "notice/units.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::notice {

namespace {

// Splits one CSV record starting at `*pos` (RFC 4180 quoting). Returns false at the end.
bool NextRecord(std::string_view csv, size_t* pos, std::vector<std::string>* fields, bool* ok) {
  fields->clear();
  *ok = true;
  if (*pos >= csv.size()) return false;
  std::string cur;
  bool quoted = false;
  size_t i = *pos;
  for (; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          cur.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cur.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->push_back(cur);
      cur.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
      ++i;
      break;
    } else {
      cur.push_back(c);
    }
  }
  if (quoted) *ok = false;
  fields->push_back(cur);
  *pos = i;
  return true;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

void UnitDirectory::Index(const std::string& key, size_t entry) {
  if (key.empty()) return;
  by_key_.emplace(text::FoldKey(key), entry);
  by_ascii_key_.emplace(text::FoldKey(key, {.strip_diacritics = true}), entry);
}

Result<UnitDirectory> UnitDirectory::FromCsv(std::string_view csv) {
  if (!text::IsValidUtf8(csv)) return Status::InvalidArgument("unit directory is not UTF-8");
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  UnitDirectory dir;
  size_t pos = 0;
  std::vector<std::string> f;
  bool ok = true;
  int line = 0;
  while (NextRecord(csv, &pos, &f, &ok)) {
    ++line;
    if (!ok) return Status::InvalidArgument("line " + std::to_string(line) + ": unclosed quote");
    if (f.size() == 1 && Trim(f[0]).empty()) continue;
    if (line == 1 && Trim(f[0]) == "name") continue;  // header
    if (Trim(f[0]).empty()) {
      return Status::InvalidArgument("line " + std::to_string(line) + ": empty name");
    }
    Entry e;
    e.name = text::NormalizeText(Trim(f[0]));
    if (f.size() > 1) {
      std::string_view a = f[1];
      size_t p = 0;
      while (p <= a.size()) {
        size_t semi = a.find(';', p);
        if (semi == std::string_view::npos) semi = a.size();
        std::string alias = Trim(a.substr(p, semi - p));
        if (!alias.empty()) e.aliases.push_back(text::NormalizeText(alias));
        p = semi + 1;
      }
    }
    if (f.size() > 2) e.kind = Trim(f[2]);
    if (f.size() > 3) e.parent = text::NormalizeText(Trim(f[3]));
    size_t idx = dir.entries_.size();
    dir.entries_.push_back(e);
    dir.Index(e.name, idx);
    for (const std::string& a : e.aliases) dir.Index(a, idx);
  }
  return dir;
}

Result<UnitDirectory> UnitDirectory::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open the unit directory");
  std::stringstream ss;
  ss << in.rdbuf();
  Result<UnitDirectory> dir = FromCsv(ss.str());
  if (!dir.ok()) return Status::InvalidArgument(path + ": " + dir.status().message());
  return dir;
}

std::optional<std::string> UnitDirectory::Canonical(std::string_view mention) const {
  for (const std::string& m : {std::string(mention), StripTitle(mention)}) {
    auto it = by_key_.find(text::FoldKey(m));
    if (it != by_key_.end()) return entries_[it->second].name;
  }
  for (const std::string& m : {std::string(mention), StripTitle(mention)}) {
    auto it = by_ascii_key_.find(text::FoldKey(m, {.strip_diacritics = true}));
    if (it != by_ascii_key_.end()) return entries_[it->second].name;
  }
  return std::nullopt;
}

}  // namespace dondoc::notice
