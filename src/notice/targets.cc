#include "notice/targets.h"

#include <regex>
#include <string>

#include "text/normalize.h"

namespace dondoc::notice {

std::vector<Target> FindTargets(std::string_view s, const DeadlineContext& ctx) {
  std::string low = text::LowerSameLength(s);
  std::vector<Target> out;
  std::vector<DatePhrase> dates = FindDeadlineDates(s, ctx);
  static const std::regex kTarget(
      "((?:[^\\s,;:.()]+ ){1,3})đạt (khoảng |trên |ít nhất |tối thiểu |từ |gần |hơn )?"
      "(\\d{1,3}(?:,\\d+)?) ?(%|phần trăm)");
  for (std::sregex_iterator it(low.begin(), low.end(), kTarget), end; it != end; ++it) {
    const std::smatch& m = *it;
    Target t;
    // The metric: the last two words before "đạt" ("giải ngân").
    size_t mb = static_cast<size_t>(m.position(1));
    size_t me = mb + static_cast<size_t>(m.length(1));
    while (me > mb && low[me - 1] == ' ') --me;
    size_t start = mb;
    int spaces = 0;
    for (size_t i = me; i > mb; --i) {
      if (low[i - 1] == ' ' && ++spaces == 2) {
        start = i;
        break;
      }
    }
    t.metric = std::string(s.substr(start, me - start));
    std::string num = m[3];
    for (char& c : num) {
      if (c == ',') c = '.';
    }
    t.value = std::stod(num);
    t.unit.assign(1, '%');
    t.approx = m[2].matched && m[2].str() != "trên " && m[2].str() != "ít nhất " &&
               m[2].str() != "tối thiểu ";
    // The date of the clause: the nearest dated phrase within 60 bytes before, else after.
    size_t pos = m.position(0);
    const DatePhrase* best = nullptr;
    for (const DatePhrase& d : dates) {
      if (d.end <= pos && pos - d.end <= 60) best = &d;
    }
    if (!best) {
      for (const DatePhrase& d : dates) {
        size_t e = pos + m.length(0);
        if (d.begin >= e && d.begin - e <= 40) {
          best = &d;
          break;
        }
      }
    }
    if (best) t.by = best->date;
    out.push_back(std::move(t));
  }
  return out;
}

bool IsUrgent(std::string_view s) {
  std::string low = text::LowerSameLength(s);
  for (std::string_view w : {"khẩn trương", "khẩn cấp", "gấp", " ngay ", " ngay,", "cấp bách"}) {
    if (low.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace dondoc::notice
