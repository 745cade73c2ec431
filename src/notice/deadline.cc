#include "notice/deadline.h"

#include <algorithm>
#include <regex>

#include "text/normalize.h"

namespace dondoc::notice {

namespace {

int RomanOrDigit(const std::string& s) {
  if (s == "i" || s == "1") return 1;
  if (s == "ii" || s == "2") return 2;
  if (s == "iii" || s == "3") return 3;
  if (s == "iv" || s == "4") return 4;
  return 0;
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

}  // namespace

std::vector<DatePhrase> FindDeadlineDates(std::string_view s, const DeadlineContext& ctx,
                                          std::vector<DeadlineProblem>* problems) {
  std::string low = text::LowerSameLength(s);
  std::vector<DatePhrase> out;
  auto add = [&](size_t b, size_t e, text::Date d) {
    if (!d.IsValid()) {
      if (problems) problems->push_back({b, e, "not a valid date"});
      return;
    }
    out.push_back({b, e, d});
  };
  const int dy = ctx.default_year;
  // Days: "trước ngày 25/6/2023", "chậm nhất trong ngày 22/6", "đến ngày 20 tháng 10 năm 2024".
  static const std::regex kDay(
      "(trước|chậm nhất(?: trong| là)?|đến(?: hết)?|trong|hoàn thành(?: trước)?|xong(?: trước)?|"
      "hạn|kết thúc|muộn nhất|hạn chót|thời hạn)(?: ngày)? (\\d{1,2})(?:/| tháng )(\\d{1,2})"
      "(?:(?:/| năm )(\\d{4}))?(?![\\d/])");
  for (std::sregex_iterator it(low.begin(), low.end(), kDay), end; it != end; ++it) {
    const std::smatch& m = *it;
    int year = m[4].matched ? std::stoi(m[4]) : dy;
    if (year == 0) continue;
    add(m.position(0), m.position(0) + m.length(0),
        text::Date{year, std::stoi(m[3]), std::stoi(m[2])});
  }
  // Months: "trong tháng 7/2023", "trong tháng 6 năm 2026".
  static const std::regex kMonth(
      "(trong|trước|đến hết|đến|hết|cuối|xong trong) tháng (\\d{1,2})(?:(?:/| năm )(\\d{4}))?"
      "(?![\\d/])");
  for (std::sregex_iterator it(low.begin(), low.end(), kMonth), end; it != end; ++it) {
    const std::smatch& m = *it;
    int year = m[3].matched ? std::stoi(m[3]) : dy;
    int month = std::stoi(m[2]);
    if (year == 0) continue;
    if (month < 1 || month > 12) {
      if (problems) problems->push_back({size_t(m.position(0)), size_t(m.position(0) + m.length(0)), "not a month"});
      continue;
    }
    std::string cue = m[1];
    text::Date d = text::Date::EndOfMonth(year, month);
    if (cue == "trước") d = text::Date{year, month, 1}.AddDays(-1);
    add(m.position(0), m.position(0) + m.length(0), d);
  }
  // Quarters: "trong quý III năm 2012", "quý III/2023".
  static const std::regex kQuarter(
      "(trong |trước |đến hết |đến |hết |cuối )?quý (iv|iii|ii|i|[1-4])(?:(?:/| năm )(\\d{4}))?"
      "(?![\\w/])");
  for (std::sregex_iterator it(low.begin(), low.end(), kQuarter), end; it != end; ++it) {
    const std::smatch& m = *it;
    if (!m[1].matched) continue;
    int year = m[3].matched ? std::stoi(m[3]) : dy;
    if (year == 0) continue;
    int q = RomanOrDigit(m[2]);
    std::string cue = m[1];
    text::Date d = text::Date::EndOfQuarter(year, q);
    if (cue == "trước ") d = text::Date{year, (q - 1) * 3 + 1, 1}.AddDays(-1);
    add(m.position(0), m.position(0) + m.length(0), d);
  }
  // Year ends: "cuối năm 2023", "trước cuối năm".
  static const std::regex kYearEnd("cuối năm(?: (\\d{4}))?");
  for (std::sregex_iterator it(low.begin(), low.end(), kYearEnd), end; it != end; ++it) {
    const std::smatch& m = *it;
    size_t pos = m.position(0);
    if (PrecededBy(low, pos, "tháng") || PrecededBy(low, pos, "từ nay đến")) continue;
    bool cue = PrecededBy(low, pos, "trước") || PrecededBy(low, pos, "đến") ||
               PrecededBy(low, pos, "chậm nhất") || PrecededBy(low, pos, "hoàn thành") ||
               PrecededBy(low, pos, "trong");
    if (!m[1].matched && !cue) continue;
    int year = m[1].matched ? std::stoi(m[1]) : dy;
    if (year == 0) continue;
    add(pos, pos + m.length(0), text::Date{year, 12, 31});
  }
  // Years: "trong năm 2026", "đến năm 2015", "trong năm 2024 - 2025".
  static const std::regex kYear("(trong|đến hết|đến|hết|trước) năm (\\d{4})(?: ?- ?(\\d{4}))?");
  for (std::sregex_iterator it(low.begin(), low.end(), kYear), end; it != end; ++it) {
    const std::smatch& m = *it;
    size_t pos = m.position(0);
    std::string cue = m[1];
    if (cue != "trong" && !ClauseStartBefore(low, pos) && !PrecededBy(low, pos, "hoàn thành") &&
        !PrecededBy(low, pos, "phấn đấu")) {
      continue;  // "Đề án ... đến năm 2030" names a horizon, not a deadline
    }
    int year = std::stoi(m[3].matched ? m[3].str() : m[2].str());
    text::Date d = cue == "trước" ? text::Date{year - 1, 12, 31} : text::Date{year, 12, 31};
    add(pos, pos + m.length(0), d);
  }
  // Periods from the document: "trong 05 ngày làm việc kể từ ngày ký".
  static const std::regex kPeriod(
      "trong (?:vòng |thời hạn )?(\\d{1,3}) ngày( làm việc)?,? (?:kể )?từ (?:ngày|khi) "
      "(?:ký|ban hành|văn bản)");
  for (std::sregex_iterator it(low.begin(), low.end(), kPeriod), end; it != end; ++it) {
    const std::smatch& m = *it;
    if (!ctx.document_date) continue;  // blank document date: none
    int n = std::stoi(m[1]);
    text::Date d = m[2].matched ? AddWorking(ctx, *ctx.document_date, n)
                                : ctx.document_date->AddDays(n);
    add(m.position(0), m.position(0) + m.length(0), d);
  }
  // A cue followed by something that is not a date.
  if (problems) {
    static const std::regex kCue("(trước ngày|chậm nhất ngày|đến ngày) ([^\\s,.;]*)");
    for (std::sregex_iterator it(low.begin(), low.end(), kCue), end; it != end; ++it) {
      const std::smatch& m = *it;
      std::string w = m[2];
      bool digit = !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
      size_t pos = m.position(0);
      bool covered = std::any_of(out.begin(), out.end(), [&](const DatePhrase& d) {
        return d.begin <= pos + 3 && d.end > pos;
      });
      if (digit && !covered) {
        bool known = std::any_of(problems->begin(), problems->end(),
                                 [&](const DeadlineProblem& p) { return p.begin <= pos + 3 && p.end > pos; });
        if (!known) problems->push_back({pos, size_t(pos + m.length(0)), "deadline date not understood"});
      }
    }
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

std::optional<Deadline::Every> FindRecurrence(std::string_view s, std::string* phrase) {
  std::string low = text::LowerSameLength(s);
  std::optional<Deadline::Every> best;
  auto consider = [&](Deadline::Every e, const std::string& p) {
    if (!best || static_cast<int>(e) < static_cast<int>(*best)) {
      best = e;
      if (phrase) *phrase = p;
    }
  };
  static const std::regex kEvery("(?:hàng|hằng) (ngày|tuần|tháng|quý|năm)");
  for (std::sregex_iterator it(low.begin(), low.end(), kEvery), end; it != end; ++it) {
    const std::smatch& m = *it;
    std::string unit = m[1];
    size_t pos = m.position(0);
    // "kế hoạch 5 năm và hằng năm" describes a thing, not a repeated action.
    if (unit == "năm" && PrecededBy(low, pos, "năm và")) continue;
    Deadline::Every e = unit == "ngày" || unit == "tuần" ? Deadline::Every::kWeek
                        : unit == "tháng"                 ? Deadline::Every::kMonth
                        : unit == "quý"                   ? Deadline::Every::kQuarter
                                                          : Deadline::Every::kYear;
    consider(e, std::string(s.substr(pos, m.length(0))));
  }
  static const std::regex kReport(
      "(?:báo cáo|sơ kết|tổng kết|kiểm điểm) (?:định kỳ )?(6 tháng|sáu tháng|năm|quý)(?![\\w])(?! \\d)");
  for (std::sregex_iterator it(low.begin(), low.end(), kReport), end; it != end; ++it) {
    const std::smatch& m = *it;
    std::string unit = m[1];
    consider(unit == "quý" ? Deadline::Every::kQuarter : Deadline::Every::kYear,
             std::string(s.substr(m.position(0), m.length(0))));
  }
  return best;
}

bool IsOngoing(std::string_view s) {
  std::string low = text::LowerSameLength(s);
  for (std::string_view w : {"thường xuyên", "kịp thời", "liên tục", "định kỳ"}) {
    if (low.find(w) != std::string::npos) return true;
  }
  return false;
}

Deadline ParseDeadline(std::string_view s, const DeadlineContext& ctx,
                       std::vector<DeadlineProblem>* problems) {
  Deadline d;
  std::vector<DatePhrase> dates = FindDeadlineDates(s, ctx, problems);
  std::string rphrase;
  std::optional<Deadline::Every> every = FindRecurrence(s, &rphrase);
  auto earliest = std::min_element(dates.begin(), dates.end(),
                                    [](const DatePhrase& a, const DatePhrase& b) {
                                      return a.date < b.date;
                                    });
  if (every) {
    d.kind = Deadline::Kind::kRecurring;
    d.every = *every;
    d.phrase = rphrase;
    if (earliest != dates.end()) d.date = earliest->date;
  } else if (earliest != dates.end()) {
    d.kind = Deadline::Kind::kDate;
    d.date = earliest->date;
    d.phrase = std::string(s.substr(earliest->begin, earliest->end - earliest->begin));
  } else if (IsOngoing(s)) {
    d.kind = Deadline::Kind::kOngoing;
    std::string low = text::LowerSameLength(s);
    for (std::string_view w : {"thường xuyên", "kịp thời", "liên tục", "định kỳ"}) {
      size_t p = low.find(w);
      if (p != std::string::npos) {
        d.phrase = std::string(s.substr(p, w.size()));
        break;
      }
    }
  }
  return d;
}

}  // namespace dondoc::notice
