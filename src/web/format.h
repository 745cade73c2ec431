// Vietnamese display formats: dates dd/mm/yyyy, numbers 1.234,5, status words and colours.
#ifndef DONDOC_WEB_FORMAT_H_
#define DONDOC_WEB_FORMAT_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "text/date.h"

namespace dondoc::web {

// "30/06/2023"; `none` when there is no date.
std::string FormatDate(const std::optional<text::Date>& d, std::string_view none = "—");

// An instant (seconds since the epoch) in Vietnam's time (UTC+7): "30/06/2023 14:05".
std::string FormatTimestamp(std::int64_t seconds);

// Groups thousands with '.', decimals after ','; rounds half away from zero to `decimals`
// places and drops a fraction that rounds to zero: (1234.5, 1) → "1.234,5", (1234, 1) → "1.234",
// (-0.04, 1) → "0".
std::string FormatNumber(double value, int decimals = 0);

// A ratio 0..1 as a percent: (0.125, 1) → "12,5%".
std::string FormatPercent(double ratio, int decimals = 1);

// How a task status (the API code of domain/status.h) is shown.
struct StatusStyle {
  std::string_view code;         // "overdue"
  std::string_view label;        // full words for tables: "Chưa hoàn thành - quá hạn"
  std::string_view short_label;  // a badge: "Quá hạn"
  std::string_view css;          // class of the badge: "st-overdue"
  std::string_view color;        // chart colour, "#c62828"
};

// The style of `code`; an unknown code gets a neutral style with the code as its words.
StatusStyle StatusStyleOf(std::string_view code);

// Every status in display order (charts, filters).
std::span<const StatusStyle> AllStatusStyles();

// A recurrence period code ("week", "month", "quarter", "year") in words: "Hàng tuần".
std::string_view EveryLabel(std::string_view every);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_FORMAT_H_
