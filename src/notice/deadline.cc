#include "notice/deadline.h"

#include <algorithm>
#include <array>

#include "text/normalize.h"
#include "text/scan.h"

namespace dondoc::notice {

namespace {

using text::At;
using text::ByteAt;
using text::DigitRun;
using text::DigitsValue;
using text::FirstAt;
using text::kNoMatch;

// The phrases below are matched in lower-cased text. Where one cue is a prefix of another, both
// are tried in the order listed and the first that completes a phrase wins.

// Cues of a day: "trước ngày 25/6/2023", "chậm nhất trong ngày 22/6", "hạn chót 30/6".
constexpr std::array<std::string_view, 16> kDayCues = {
    "trước", "chậm nhất trong",  "chậm nhất là", "chậm nhất",  "đến hết", "đến",
    "trong", "hoàn thành trước", "hoàn thành",   "xong trước", "xong",    "hạn chót",
    "hạn",   "kết thúc",         "muộn nhất",    "thời hạn"};
// Cues of a month: "trong tháng 7/2023".
constexpr std::array<std::string_view, 7> kMonthCues = {"trong", "trước", "đến hết",   "đến",
                                                        "hết",   "cuối",  "xong trong"};
// Cues of a quarter, with their space: "trong quý III năm 2012".
constexpr std::array<std::string_view, 6> kQuarterCues = {"trong ", "trước ", "đến hết ",
                                                          "đến ",   "hết ",   "cuối "};
// Quarter numerals, longest Roman first; the value is the index's entry in kQuarterValue.
constexpr std::array<std::string_view, 8> kQuarterNumerals = {"iv", "iii", "ii", "i",
                                                              "1",  "2",   "3",  "4"};
constexpr std::array<int, 8> kQuarterValue = {4, 3, 2, 1, 1, 2, 3, 4};
// Cues of a year: "trong năm 2026", "đến hết năm 2025".
constexpr std::array<std::string_view, 5> kYearCues = {"trong", "đến hết", "đến", "hết", "trước"};
// Cues a date must follow; anything else after them is reported.
constexpr std::array<std::string_view, 3> kProblemCues = {"trước ngày", "chậm nhất ngày",
                                                          "đến ngày"};

constexpr std::string_view kDayWord = " ngày";
constexpr std::string_view kMonthWord = " tháng ";
constexpr std::string_view kYearWord = " năm ";
constexpr std::string_view kQuarterWord = "quý ";

bool IsDigitOrSlash(char c) { return text::IsAsciiDigit(c) || c == '/'; }
bool IsWordOrSlash(char c) { return text::IsAsciiWord(c) || c == '/'; }

size_t NextDigit(std::string_view s, size_t p) { return text::FindDigit(s, p); }

// A run of 1 to `max` digits at `pos` that no further digit follows: its length, or 0.
size_t ShortNumber(std::string_view s, size_t pos, size_t max) {
  size_t n = DigitRun(s, pos);
  return n <= max ? n : 0;
}

// "/2023" or " năm 2023" at `pos`, whose year no `stop` byte follows, else nothing when no `stop`
// byte is at `pos`: the end of the phrase and the year (0 when none). Fails otherwise.
struct YearTail {
  size_t end = 0;
  int year = 0;
};
std::optional<YearTail> MatchYearTail(std::string_view s, size_t pos, bool (*stop)(char)) {
  for (std::string_view sep : {std::string_view("/"), kYearWord}) {
    if (!At(s, pos, sep)) continue;
    size_t y = pos + sep.size();
    if (DigitRun(s, y) >= 4 && !stop(ByteAt(s, y + 4)))
      return YearTail{y + 4, DigitsValue(s, y, 4)};
  }
  if (stop(ByteAt(s, pos))) return std::nullopt;
  return YearTail{pos, 0};
}

// A time of day after a cue: " 17 giờ", " 17 giờ 30", " 17 giờ 30 phút", " 17h", " 17h30", with
// an optional comma. Returns its end, or `pos` when there is none.
size_t SkipTimeOfDay(std::string_view s, size_t pos) {
  if (ByteAt(s, pos) != ' ') return pos;
  size_t h = ShortNumber(s, pos + 1, 2);
  if (h == 0) return pos;
  size_t q = pos + 1 + h;
  if (At(s, q, " giờ")) {
    q += std::string_view(" giờ").size();
    if (ByteAt(s, q) == ' ' && text::IsAsciiDigit(ByteAt(s, q + 1))) {
      size_t m = ShortNumber(s, q + 1, 2);
      if (m == 0) return pos;
      q += 1 + m;
      if (At(s, q, " phút")) q += std::string_view(" phút").size();
    }
  } else if (ByteAt(s, q) == 'h') {
    size_t m = DigitRun(s, q + 1);
    if (m > 2 || text::IsAsciiWord(ByteAt(s, q + 1 + m))) return pos;
    q += 1 + m;
  } else {
    return pos;
  }
  if (ByteAt(s, q) == ',') ++q;
  return q;
}

struct DayPhrase {
  size_t end = 0;
  int day = 0, month = 0, year = 0;  // year 0: not written
};

// The part of a day phrase after its cue: "[ 17 giờ][ ngày] 25/6[/2023]", "[ ngày] 20 tháng 10
// [năm 2024]", with no digit or '/' right after it.
std::optional<DayPhrase> MatchDayAfterCue(std::string_view s, size_t q) {
  size_t t = SkipTimeOfDay(s, q);
  if (t != q) {
    if (!At(s, t, kDayWord)) return std::nullopt;  // a time must be followed by its day
    q = t;
  }
  if (At(s, q, kDayWord)) q += kDayWord.size();
  if (ByteAt(s, q) != ' ') return std::nullopt;
  DayPhrase d;
  size_t n = ShortNumber(s, ++q, 2);
  if (n == 0) return std::nullopt;
  d.day = DigitsValue(s, q, n);
  q += n;
  if (ByteAt(s, q) == '/') {
    ++q;
  } else if (At(s, q, kMonthWord)) {
    q += kMonthWord.size();
  } else {
    return std::nullopt;
  }
  n = ShortNumber(s, q, 2);
  if (n == 0) return std::nullopt;
  d.month = DigitsValue(s, q, n);
  std::optional<YearTail> tail = MatchYearTail(s, q + n, IsDigitOrSlash);
  if (!tail) return std::nullopt;
  d.end = tail->end;
  d.year = tail->year;
  return d;
}

std::optional<DayPhrase> MatchDay(std::string_view s, size_t p) {
  for (std::string_view cue : kDayCues) {
    if (!At(s, p, cue)) continue;
    if (std::optional<DayPhrase> d = MatchDayAfterCue(s, p + cue.size())) return d;
  }
  return std::nullopt;
}

struct MonthPhrase {
  size_t end = 0;
  std::string_view cue;
  int month = 0, year = 0;  // year 0: not written
};

// "trong tháng 7/2023", "trước tháng 6 năm 2026", with no digit or '/' right after it.
std::optional<MonthPhrase> MatchMonth(std::string_view s, size_t p) {
  for (std::string_view cue : kMonthCues) {
    size_t q = p + cue.size();
    if (!At(s, p, cue) || !At(s, q, kMonthWord)) continue;
    q += kMonthWord.size();
    size_t n = ShortNumber(s, q, 2);
    if (n == 0) continue;
    std::optional<YearTail> tail = MatchYearTail(s, q + n, IsDigitOrSlash);
    if (!tail) continue;
    return MonthPhrase{tail->end, cue, DigitsValue(s, q, n), tail->year};
  }
  return std::nullopt;
}

struct QuarterPhrase {
  size_t end = 0;
  std::string_view cue;
  int quarter = 0, year = 0;  // year 0: not written
};

// "trong quý III năm 2012", "cuối quý 2/2023", with no ASCII letter, digit or '/' right after.
std::optional<QuarterPhrase> MatchQuarter(std::string_view s, size_t p) {
  for (std::string_view cue : kQuarterCues) {
    size_t q = p + cue.size();
    if (!At(s, p, cue) || !At(s, q, kQuarterWord)) continue;
    q += kQuarterWord.size();
    for (size_t i = 0; i < kQuarterNumerals.size(); ++i) {
      if (!At(s, q, kQuarterNumerals[i])) continue;
      std::optional<YearTail> tail =
          MatchYearTail(s, q + kQuarterNumerals[i].size(), IsWordOrSlash);
      if (tail) return QuarterPhrase{tail->end, cue, kQuarterValue[i], tail->year};
    }
  }
  return std::nullopt;
}

struct YearPhrase {
  size_t end = 0;
  std::string_view cue;
  int year = 0;  // the last year of a range ("2024 - 2025")
};

// "trong năm 2026", "trong năm 2024 - 2025".
std::optional<YearPhrase> MatchYear(std::string_view s, size_t p) {
  for (std::string_view cue : kYearCues) {
    size_t q = p + cue.size();
    if (!At(s, p, cue) || !At(s, q, kYearWord)) continue;
    q += kYearWord.size();
    if (DigitRun(s, q) < 4) continue;
    YearPhrase y{q + 4, cue, DigitsValue(s, q, 4)};
    size_t r = y.end;
    if (ByteAt(s, r) == ' ') ++r;
    if (ByteAt(s, r) == '-') {
      ++r;
      if (ByteAt(s, r) == ' ') ++r;
      if (DigitRun(s, r) >= 4) {
        y.end = r + 4;
        y.year = DigitsValue(s, r, 4);
      }
    }
    return y;
  }
  return std::nullopt;
}

struct PeriodPhrase {
  size_t end = 0;
  int days = 0;
  bool working = false;
};

// "trong [vòng |thời hạn ]05 ngày[ làm việc][,] [kể ]từ ngày|khi ký|ban hành|văn bản".
std::optional<PeriodPhrase> MatchPeriod(std::string_view s, size_t p) {
  if (!At(s, p, "trong ")) return std::nullopt;
  size_t q = p + std::string_view("trong ").size();
  if (int i = FirstAt(s, q, {"vòng ", "thời hạn "}); i >= 0) {
    q += i == 0 ? std::string_view("vòng ").size() : std::string_view("thời hạn ").size();
  }
  PeriodPhrase d;
  size_t n = ShortNumber(s, q, 3);
  if (n == 0 || !At(s, q + n, kDayWord)) return std::nullopt;
  d.days = DigitsValue(s, q, n);
  q += n + kDayWord.size();
  if (At(s, q, " làm việc")) {
    d.working = true;
    q += std::string_view(" làm việc").size();
  }
  if (ByteAt(s, q) == ',') ++q;
  if (ByteAt(s, q) != ' ') return std::nullopt;
  ++q;
  if (At(s, q, "kể ")) q += std::string_view("kể ").size();
  if (!At(s, q, "từ ")) return std::nullopt;
  q += std::string_view("từ ").size();
  int from = FirstAt(s, q, {"ngày ", "khi "});
  if (from < 0) return std::nullopt;
  q += from == 0 ? std::string_view("ngày ").size() : std::string_view("khi ").size();
  constexpr std::array<std::string_view, 3> kEvents = {"ký", "ban hành", "văn bản"};
  int event = FirstAt(s, q, kEvents);
  if (event < 0) return std::nullopt;
  d.end = q + kEvents[event].size();
  return d;
}

// "trước ngày X" where X is not a date: the end of X and whether X starts with a digit.
struct CuePhrase {
  size_t end = 0;
  bool digit = false;
};
std::optional<CuePhrase> MatchProblemCue(std::string_view s, size_t p) {
  int i = FirstAt(s, p, kProblemCues);
  if (i < 0) return std::nullopt;
  size_t q = p + kProblemCues[i].size();
  if (ByteAt(s, q) != ' ') return std::nullopt;
  size_t w = ++q;
  while (q < s.size() && !text::IsAsciiSpace(s[q]) && s[q] != ',' && s[q] != '.' && s[q] != ';') {
    ++q;
  }
  return CuePhrase{q, q > w && text::IsAsciiDigit(s[w])};
}

bool ClauseStartBefore(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i > 0 && s[i - 1] == ' ') --i;
  if (i == 0) return true;
  char c = s[i - 1];
  return c == ',' || c == ';' || c == '.' || c == ':' || c == '(';
}

bool PrecededBy(std::string_view s, size_t pos, std::string_view word) {
  size_t i = pos;
  while (i > 0 && s[i - 1] == ' ') --i;
  return i >= word.size() && s.substr(i - word.size(), word.size()) == word;
}

text::Date AddWorking(const DeadlineContext& ctx, text::Date from, int n) {
  if (ctx.calendar) return ctx.calendar->AddWorkingDays(from, n);
  text::Date d = from;
  while (n > 0) {
    d = d.AddDays(1);
    if (d.Weekday() < 5) --n;
  }
  return d;
}

// Calls `on(begin, match)` for every match of `match_at` in `low` whose first digit lies at most
// `lead` bytes after its start, in text order.
template <typename MatchAt, typename On>
void ScanNearDigits(std::string_view low, size_t lead, MatchAt match_at, On on) {
  text::ScanAnchored(
      low, lead, [&](size_t p) { return NextDigit(low, p); },
      [&](size_t p) -> size_t {
        auto m = match_at(low, p);
        if (!m) return 0;
        on(p, *m);
        return m->end;
      });
}

// FindDeadlineDates over lower-cased text.
std::vector<DatePhrase> FindDates(std::string_view low, const DeadlineContext& ctx,
                                  std::vector<DeadlineProblem>* problems) {
  std::vector<DatePhrase> out;
  auto add = [&](size_t b, size_t e, text::Date d) {
    if (!d.IsValid()) {
      if (problems) problems->push_back({b, e, "not a valid date"});
      return;
    }
    out.push_back({b, e, d});
  };
  const int dy = ctx.default_year;
  constexpr size_t kDayLead = text::MaxLength(kDayCues) + kDayWord.size() + 1;
  ScanNearDigits(low, kDayLead, MatchDay, [&](size_t b, const DayPhrase& m) {
    int year = m.year != 0 ? m.year : dy;
    if (year != 0) add(b, m.end, text::Date{year, m.month, m.day});
  });
  constexpr size_t kMonthLead = text::MaxLength(kMonthCues) + kMonthWord.size();
  ScanNearDigits(low, kMonthLead, MatchMonth, [&](size_t b, const MonthPhrase& m) {
    int year = m.year != 0 ? m.year : dy;
    if (year == 0) return;
    if (m.month < 1 || m.month > 12) {
      if (problems) problems->push_back({b, m.end, "not a month"});
      return;
    }
    text::Date d = m.cue == "trước" ? text::Date{year, m.month, 1}.AddDays(-1)
                                    : text::Date::EndOfMonth(year, m.month);
    add(b, m.end, d);
  });
  // Quarters may have no digit ("trong quý III"): anchored on the word "quý".
  constexpr size_t kQuarterLead = text::MaxLength(kQuarterCues);
  text::ScanAnchored(
      low, kQuarterLead, [&](size_t p) { return low.find(kQuarterWord, p); },
      [&](size_t p) -> size_t {
        std::optional<QuarterPhrase> m = MatchQuarter(low, p);
        if (!m) return 0;
        int year = m->year != 0 ? m->year : dy;
        if (year != 0) {
          text::Date d = m->cue == "trước "
                             ? text::Date{year, (m->quarter - 1) * 3 + 1, 1}.AddDays(-1)
                             : text::Date::EndOfQuarter(year, m->quarter);
          add(p, m->end, d);
        }
        return m->end;
      });
  // Year ends: "cuối năm 2023", "trước cuối năm".
  constexpr std::string_view kYearEnd = "cuối năm";
  for (size_t pos = low.find(kYearEnd); pos != kNoMatch; pos = low.find(kYearEnd, pos)) {
    size_t end = pos + kYearEnd.size();
    int year = 0;
    if (ByteAt(low, end) == ' ' && DigitRun(low, end + 1) >= 4) {
      year = DigitsValue(low, end + 1, 4);
      end += 5;
    }
    size_t b = pos;
    pos = end;
    if (PrecededBy(low, b, "tháng") || PrecededBy(low, b, "từ nay đến")) continue;
    bool cue = PrecededBy(low, b, "trước") || PrecededBy(low, b, "đến") ||
               PrecededBy(low, b, "chậm nhất") || PrecededBy(low, b, "hoàn thành") ||
               PrecededBy(low, b, "trong");
    if (year == 0 && !cue) continue;
    if (year == 0) year = dy;
    if (year != 0) add(b, end, text::Date{year, 12, 31});
  }
  // Years: "trong năm 2026", "đến năm 2015", "trong năm 2024 - 2025".
  constexpr size_t kYearLead = text::MaxLength(kYearCues) + kYearWord.size();
  ScanNearDigits(low, kYearLead, MatchYear, [&](size_t b, const YearPhrase& m) {
    if (m.cue != "trong" && !ClauseStartBefore(low, b) && !PrecededBy(low, b, "hoàn thành") &&
        !PrecededBy(low, b, "phấn đấu")) {
      return;  // "Đề án ... đến năm 2030" names a horizon, not a deadline
    }
    add(b, m.end, m.cue == "trước" ? text::Date{m.year - 1, 12, 31} : text::Date{m.year, 12, 31});
  });
  // Periods from the document: "trong 05 ngày làm việc kể từ ngày ký".
  constexpr size_t kPeriodLead = std::string_view("trong thời hạn ").size();
  ScanNearDigits(low, kPeriodLead, MatchPeriod, [&](size_t b, const PeriodPhrase& m) {
    if (!ctx.document_date) return;  // blank document date: none
    text::Date d = m.working ? AddWorking(ctx, *ctx.document_date, m.days)
                             : ctx.document_date->AddDays(m.days);
    add(b, m.end, d);
  });
  // A cue followed by something that is not a date.
  if (problems) {
    constexpr size_t kCueLead = text::MaxLength(kProblemCues) + 1;
    ScanNearDigits(low, kCueLead, MatchProblemCue, [&](size_t pos, const CuePhrase& m) {
      if (!m.digit) return;
      auto near = [&](size_t b, size_t e) { return b <= pos + 3 && e > pos; };
      bool covered = std::any_of(out.begin(), out.end(),
                                 [&](const DatePhrase& d) { return near(d.begin, d.end); });
      bool known = std::any_of(problems->begin(), problems->end(),
                               [&](const DeadlineProblem& p) { return near(p.begin, p.end); });
      if (!covered && !known) problems->push_back({pos, m.end, "deadline date not understood"});
    });
  }
  std::sort(out.begin(), out.end(),
            [](const DatePhrase& a, const DatePhrase& b) { return a.begin < b.begin; });
  // Drop a phrase inside another ("trong tháng 6" inside a day phrase).
  std::vector<DatePhrase> uniq;
  for (const DatePhrase& d : out) {
    if (!uniq.empty() && d.begin < uniq.back().end) {
      if (d.end - d.begin > uniq.back().end - uniq.back().begin) uniq.back() = d;
      continue;
    }
    uniq.push_back(d);
  }
  return uniq;
}

struct EveryPhrase {
  size_t end = 0;
  Deadline::Every every = Deadline::Every::kYear;
};

// "hàng tuần", "hằng quý".
std::optional<EveryPhrase> MatchEvery(std::string_view s, size_t p) {
  constexpr std::array<std::string_view, 2> kEach = {"hàng ", "hằng "};
  int e = FirstAt(s, p, kEach);
  if (e < 0) return std::nullopt;
  size_t q = p + kEach[e].size();
  constexpr std::array<std::string_view, 5> kUnits = {"ngày", "tuần", "tháng", "quý", "năm"};
  constexpr std::array<Deadline::Every, 5> kEvery = {
      Deadline::Every::kWeek, Deadline::Every::kWeek, Deadline::Every::kMonth,
      Deadline::Every::kQuarter, Deadline::Every::kYear};
  int u = FirstAt(s, q, kUnits);
  if (u < 0) return std::nullopt;
  return EveryPhrase{q + kUnits[u].size(), kEvery[u]};
}

// "báo cáo 6 tháng", "tổng kết năm", "sơ kết định kỳ quý", not followed by a word or a number.
std::optional<EveryPhrase> MatchReport(std::string_view s, size_t p) {
  constexpr std::array<std::string_view, 4> kKinds = {"báo cáo ", "sơ kết ", "tổng kết ",
                                                      "kiểm điểm "};
  int k = FirstAt(s, p, kKinds);
  if (k < 0) return std::nullopt;
  size_t q = p + kKinds[k].size();
  if (At(s, q, "định kỳ ")) q += std::string_view("định kỳ ").size();
  constexpr std::array<std::string_view, 4> kPeriods = {"6 tháng", "sáu tháng", "năm", "quý"};
  int u = FirstAt(s, q, kPeriods);
  if (u < 0) return std::nullopt;
  q += kPeriods[u].size();
  if (text::IsAsciiWord(ByteAt(s, q)) ||
      (ByteAt(s, q) == ' ' && text::IsAsciiDigit(ByteAt(s, q + 1)))) {
    return std::nullopt;
  }
  return EveryPhrase{q, u == 3 ? Deadline::Every::kQuarter : Deadline::Every::kYear};
}

// FindRecurrence with `low` the lower-cased `s`.
std::optional<Deadline::Every> FindRecurrenceIn(std::string_view s, std::string_view low,
                                                std::string* phrase) {
  std::optional<Deadline::Every> best;
  auto consider = [&](size_t b, const EveryPhrase& m) {
    if (!best || static_cast<int>(m.every) < static_cast<int>(*best)) {
      best = m.every;
      if (phrase) *phrase = std::string(s.substr(b, m.end - b));
    }
  };
  auto scan = [&](auto next_anchor, auto match_at, auto on) {
    text::ScanAnchored(low, 0, next_anchor, [&](size_t p) -> size_t {
      std::optional<EveryPhrase> m = match_at(low, p);
      if (!m) return 0;
      on(p, *m);
      return m->end;
    });
  };
  scan([&](size_t p) { return low.find('h', p); }, MatchEvery,
       [&](size_t b, const EveryPhrase& m) {
         // "kế hoạch 5 năm và hằng năm" describes a thing, not a repeated action.
         if (m.every == Deadline::Every::kYear && PrecededBy(low, b, "năm và")) return;
         consider(b, m);
       });
  scan([&](size_t p) { return low.find_first_of("bstk", p); }, MatchReport, consider);
  return best;
}

constexpr std::array<std::string_view, 4> kOngoingWords = {"thường xuyên", "kịp thời", "liên tục",
                                                           "định kỳ"};

// The first word of kOngoingWords found in `low`, as an index, or -1.
int FindOngoing(std::string_view low, size_t* pos) {
  for (size_t i = 0; i < kOngoingWords.size(); ++i) {
    size_t p = low.find(kOngoingWords[i]);
    if (p != kNoMatch) {
      if (pos) *pos = p;
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace

std::vector<DatePhrase> FindDeadlineDates(std::string_view s, const DeadlineContext& ctx,
                                          std::vector<DeadlineProblem>* problems) {
  return FindDates(text::LowerSameLength(s), ctx, problems);
}

std::optional<Deadline::Every> FindRecurrence(std::string_view s, std::string* phrase) {
  return FindRecurrenceIn(s, text::LowerSameLength(s), phrase);
}

bool IsOngoing(std::string_view s) { return FindOngoing(text::LowerSameLength(s), nullptr) >= 0; }

Deadline ParseDeadline(std::string_view s, const DeadlineContext& ctx,
                       std::vector<DeadlineProblem>* problems) {
  Deadline d;
  const std::string low = text::LowerSameLength(s);
  std::vector<DatePhrase> dates = FindDates(low, ctx, problems);
  std::string rphrase;
  std::optional<Deadline::Every> every = FindRecurrenceIn(s, low, &rphrase);
  auto earliest =
      std::min_element(dates.begin(), dates.end(),
                       [](const DatePhrase& a, const DatePhrase& b) { return a.date < b.date; });
  size_t ongoing_at = 0;
  if (every) {
    d.kind = Deadline::Kind::kRecurring;
    d.every = *every;
    d.phrase = rphrase;
    if (earliest != dates.end()) d.date = earliest->date;
  } else if (earliest != dates.end()) {
    d.kind = Deadline::Kind::kDate;
    d.date = earliest->date;
    d.phrase = std::string(s.substr(earliest->begin, earliest->end - earliest->begin));
  } else if (int w = FindOngoing(low, &ongoing_at); w >= 0) {
    d.kind = Deadline::Kind::kOngoing;
    d.phrase = std::string(s.substr(ongoing_at, kOngoingWords[w].size()));
  }
  return d;
}

}  // namespace dondoc::notice
