#include "app/review_units.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "text/normalize.h"

namespace dondoc::app {
namespace {

using nlohmann::json;

// Head words (folded without diacritics) and the kind they suggest; the longer prefix of two
// that both fit wins, so "ban chi huy quan su" is not a plain "ban".
constexpr std::pair<const char*, const char*> kHeads[] = {
    {"ubnd tinh", "ubnd_tinh"},
    {"uy ban nhan dan tinh", "ubnd_tinh"},
    {"ubnd xa", "ubnd_xa"},
    {"uy ban nhan dan xa", "ubnd_xa"},
    {"ubnd phuong", "ubnd_xa"},
    {"uy ban nhan dan phuong", "ubnd_xa"},
    {"ubnd thi tran", "ubnd_xa"},
    {"ubnd", "ubnd"},
    {"uy ban nhan dan", "ubnd"},
    {"hdnd", "hdnd"},
    {"hoi dong nhan dan", "hdnd"},
    {"phong", "phong"},
    {"so", "so"},
    {"ban chi huy quan su", "quan_su"},
    {"bo chi huy quan su", "quan_su"},
    {"ban", "ban"},
    {"trung tam", "trung_tam"},
    {"chi cuc", "chi_cuc"},
    {"cuc", "cuc"},
    {"cong an", "cong_an"},
    {"thanh tra", "thanh_tra"},
    {"van phong", "van_phong"},
    {"cong ty", "doanh_nghiep"},
    {"doi", "doi"},
    {"hoi", "hoi"},
    {"truong", "truong"},
    {"benh vien", "benh_vien"},
    {"xa", "xa"},
    {"phuong", "xa"},
    {"thi tran", "xa"},
};

bool StartsWithWord(const std::string& key, std::string_view head) {
  return key.compare(0, head.size(), head) == 0 &&
         (key.size() == head.size() || key[head.size()] == ' ');
}

// A unit reference of the extraction: {"name","mention","span":[a,b]}.
struct Ref {
  std::string name, mention;
  long start = 0, end = 0;
};

std::optional<Ref> RefOf(const json& j) {
  if (!j.is_object()) return std::nullopt;
  Ref r;
  if (j.contains("name") && j["name"].is_string()) r.name = j["name"].get<std::string>();
  if (j.contains("mention") && j["mention"].is_string()) r.mention = j["mention"].get<std::string>();
  if (r.name.empty()) r.name = r.mention;
  if (r.name.empty()) return std::nullopt;
  if (j.contains("span") && j["span"].is_array() && j["span"].size() == 2 &&
      j["span"][0].is_number_integer() && j["span"][1].is_number_integer()) {
    r.start = j["span"][0].get<long>();
    r.end = j["span"][1].get<long>();
  }
  return r;
}

void AddOnce(std::vector<domain::Id>* ids, domain::Id id) {
  if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
}

}  // namespace

std::string UnitKey(std::string_view name) { return text::FoldKey(name); }

std::string GuessUnitKind(std::string_view name) {
  const std::string key = text::FoldKey(name, {.strip_diacritics = true});
  const char* best = "";
  size_t best_len = 0;
  for (const auto& [head, kind] : kHeads) {
    const std::string_view h(head);
    if (h.size() > best_len && StartsWithWord(key, h)) {
      best = kind;
      best_len = h.size();
    }
  }
  return best;
}

std::vector<UnknownUnit> UnknownUnitsOf(const domain::Notice& n,
                                        const std::vector<domain::Task>& tasks,
                                        const std::vector<domain::Unit>& units) {
  std::vector<UnknownUnit> out;
  const json extraction = json::parse(n.extraction_json, nullptr, /*allow_exceptions=*/false);
  if (!extraction.is_object() || !extraction.contains("tasks") || !extraction["tasks"].is_array()) {
    return out;
  }
  std::map<std::string, bool> known;
  for (const domain::Unit& u : units) {
    known[UnitKey(u.name)] = true;
    for (const std::string& a : u.aliases) known[UnitKey(a)] = true;
  }
  std::map<std::string, size_t> index;  // UnitKey → position in `out`
  for (const json& et : extraction["tasks"]) {
    if (!et.is_object()) continue;
    const std::string ref = et.contains("id") && et["id"].is_string() ? et["id"].get<std::string>()
                                                                      : std::string();
    for (const char* role : {"lead", "support"}) {
      if (!et.contains(role) || !et[role].is_array()) continue;
      for (const json& j : et[role]) {
        std::optional<Ref> r = RefOf(j);
        if (!r) continue;
        const std::string key = UnitKey(r->name);
        if (key.empty() || known.count(key) || known.count(UnitKey(r->mention))) continue;
        auto [it, fresh] = index.emplace(key, out.size());
        if (fresh) out.push_back({r->name, GuessUnitKind(r->name), {}, {}});
        UnknownUnit& u = out[it->second];
        for (const domain::Task& t : tasks) {
          const bool same_ref = !ref.empty() && t.ref == ref;
          const bool inside = r->end > r->start && t.span_start <= r->start && r->end <= t.span_end;
          if (!same_ref && !inside) continue;
          AddOnce(role[0] == 'l' ? &u.lead_task_ids : &u.support_task_ids, t.id);
        }
      }
    }
  }
  return out;
}

}  // namespace dondoc::app
