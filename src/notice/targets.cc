#include "notice/targets.h"

#include <array>
#include <charconv>
#include <optional>
#include <string>

#include "text/normalize.h"
#include "text/scan.h"

namespace dondoc::notice {

namespace {

using text::At;
using text::ByteAt;
using text::DigitRun;

constexpr std::string_view kReach = "đạt ";

// A byte of a word before "đạt": anything but white space and ",;:.()".
bool IsMetricByte(char c) {
  return !text::IsAsciiSpace(c) && c != ',' && c != ';' && c != ':' && c != '.' && c != '(' &&
         c != ')';
}

// Qualifiers between "đạt" and the number; those before kFirstExact make the value approximate.
constexpr std::array<std::string_view, 7> kQualifiers = {"khoảng ", "từ ",      "gần ",      "hơn ",
                                                         "trên ",   "ít nhất ", "tối thiểu "};
constexpr int kFirstExact = 4;

struct TargetPhrase {
  size_t words_end = 0;  // end of the words before "đạt" (with their last space)
  size_t end = 0;
  int qualifier = -1;  // index into kQualifiers
  double value = 0;
};

// "đạt [khoảng ]60[,5][ ]%" or "... phần trăm" at `q`; the number has at most three integer digits.
std::optional<TargetPhrase> MatchReach(std::string_view s, size_t q) {
  if (!At(s, q, kReach)) return std::nullopt;
  TargetPhrase t;
  q += kReach.size();
  t.qualifier = text::FirstAt(s, q, kQualifiers);
  if (t.qualifier >= 0) q += kQualifiers[t.qualifier].size();
  size_t b = q;
  size_t n = DigitRun(s, q);
  if (n < 1 || n > 3) return std::nullopt;
  q += n;
  if (ByteAt(s, q) == ',' && text::IsAsciiDigit(ByteAt(s, q + 1))) q += 1 + DigitRun(s, q + 1);
  std::string number(s.substr(b, q - b));
  for (char& c : number) {
    if (c == ',') c = '.';
  }
  if (std::from_chars(number.data(), number.data() + number.size(), t.value).ec != std::errc()) {
    return std::nullopt;
  }
  if (ByteAt(s, q) == ' ') ++q;
  if (ByteAt(s, q) == '%') {
    t.end = q + 1;
  } else if (At(s, q, "phần trăm")) {
    t.end = q + std::string_view("phần trăm").size();
  } else {
    return std::nullopt;
  }
  return t;
}

// A target starting at `p`: one to three words, each followed by one space (the most that lead to
// a match), then MatchReach.
std::optional<TargetPhrase> MatchTarget(std::string_view s, size_t p) {
  std::array<size_t, 3> ends{};
  size_t words = 0;
  for (size_t q = p; words < ends.size();) {
    size_t b = q;
    while (q < s.size() && IsMetricByte(s[q])) ++q;
    if (q == b || ByteAt(s, q) != ' ') break;
    ends[words++] = ++q;
  }
  for (size_t w = words; w > 0; --w) {
    if (std::optional<TargetPhrase> t = MatchReach(s, ends[w - 1])) {
      t->words_end = ends[w - 1];
      return t;
    }
  }
  return std::nullopt;
}

// The earliest start, not before `floor`, of one to three words each followed by one space that
// end at `k`; kNoMatch when there is no word right before `k`.
size_t WordsStart(std::string_view s, size_t k, size_t floor) {
  size_t start = text::kNoMatch;
  size_t p = k;
  for (int words = 0; words < 3 && p > floor && s[p - 1] == ' '; ++words) {
    size_t b = p - 1;
    while (b > floor && IsMetricByte(s[b - 1])) --b;
    if (b == p - 1) break;
    start = b;
    p = b;
  }
  return start;
}

}  // namespace

std::vector<Target> FindTargets(std::string_view s, const DeadlineContext& ctx) {
  std::string low = text::LowerSameLength(s);
  std::vector<Target> out;
  if (low.find(kReach) == std::string::npos) return out;
  std::vector<DatePhrase> dates = FindDeadlineDates(s, ctx);
  size_t floor = 0;  // matches never overlap
  for (size_t k = low.find(kReach); k != std::string::npos; k = low.find(kReach, k + 1)) {
    if (k < floor) continue;
    size_t pos = WordsStart(low, k, floor);
    if (pos == text::kNoMatch) continue;
    std::optional<TargetPhrase> m = MatchTarget(low, pos);
    if (!m) continue;
    floor = m->end;
    Target t;
    // The metric: the last two words before "đạt" ("giải ngân").
    size_t me = m->words_end;
    while (me > pos && low[me - 1] == ' ') --me;
    size_t start = pos;
    int spaces = 0;
    for (size_t i = me; i > pos; --i) {
      if (low[i - 1] == ' ' && ++spaces == 2) {
        start = i;
        break;
      }
    }
    t.metric = std::string(s.substr(start, me - start));
    t.value = m->value;
    t.unit.assign(1, '%');
    t.approx = m->qualifier >= 0 && m->qualifier < kFirstExact;
    // The date of the clause: the nearest dated phrase within 60 bytes before, else after.
    const DatePhrase* best = nullptr;
    for (const DatePhrase& d : dates) {
      if (d.end <= pos && pos - d.end <= 60) best = &d;
    }
    if (!best) {
      for (const DatePhrase& d : dates) {
        if (d.begin >= m->end && d.begin - m->end <= 40) {
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
