// Deadlines: the time a task gives, following shared/spec/gold-format.md.
//
// Dates ("trước ngày 25/6/2023", "chậm nhất trong ngày 22/6", "ngày 20 tháng 10 năm 2024"),
// months ("trong tháng 7/2023"), quarters ("trong quý III năm 2012"), year ends ("cuối năm
// 2023", "trong năm 2026"), periods counted from the document ("trong 05 ngày làm việc kể từ ngày
// ký"), recurrences ("hàng tuần", "định kỳ hằng quý", "báo cáo 6 tháng") and ongoing work
// ("thường xuyên", "kịp thời"). Pure functions: thread-safe.
#ifndef DONDOC_NOTICE_DEADLINE_H_
#define DONDOC_NOTICE_DEADLINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notice/notice.h"
#include "text/calendar.h"
#include "text/date.h"

namespace dondoc::notice {

struct DeadlineContext {
  std::optional<text::Date> document_date;  // for "kể từ ngày ký"
  int default_year = 0;                      // for dates written without a year
  const text::HolidayCalendar* calendar = nullptr;  // working days; Monday-Friday when null
};

// A dated milestone found in a text.
struct DatePhrase {
  size_t begin = 0;  // bytes into the text
  size_t end = 0;
  text::Date date;
};

// A phrase that looks like a deadline but could not be read ("trước ngày 31/02/2023").
struct DeadlineProblem {
  size_t begin = 0;
  size_t end = 0;
  std::string message;
};

// Every deadline date in `s`, in text order. Dates of references ("Quyết định số 406/QĐ-UBND
// ngày 03/02/2023") are not deadlines and are skipped.
std::vector<DatePhrase> FindDeadlineDates(std::string_view s, const DeadlineContext& ctx,
                                          std::vector<DeadlineProblem>* problems = nullptr);

// The shortest recurrence named in `s` ("hàng tuần, hàng tháng" gives week), if any.
std::optional<Deadline::Every> FindRecurrence(std::string_view s, std::string* phrase = nullptr);

// True when `s` says the work is continuous ("thường xuyên", "kịp thời").
bool IsOngoing(std::string_view s);

// The deadline of a task whose text is `s`.
Deadline ParseDeadline(std::string_view s, const DeadlineContext& ctx,
                       std::vector<DeadlineProblem>* problems = nullptr);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_DEADLINE_H_
