#include "web/format.h"

#include <cmath>
#include <cstdio>

namespace dondoc::web {

std::string FormatDate(const std::optional<text::Date>& d, std::string_view none) {
  if (!d || !d->IsValid()) return std::string(none);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d->day, d->month, d->year);
  return buf;
}

std::string FormatTimestamp(std::int64_t seconds) {
  constexpr std::int64_t kOffset = 7 * 3600;
  std::int64_t local = seconds + kOffset;
  std::int64_t days = local / 86400;
  std::int64_t rem = local % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  text::Date d = text::Date::FromDaysSinceEpoch(static_cast<long>(days));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", d.day, d.month, d.year,
                static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60));
  return buf;
}

std::string FormatNumber(double value, int decimals) {
  if (!std::isfinite(value)) return "—";
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  double scale = std::pow(10.0, decimals);
  double rounded = std::round(std::fabs(value) * scale);
  bool negative = value < 0 && rounded != 0;
  // Integer and fraction digits from the rounded magnitude.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", rounded);
  std::string digits = buf;
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, decimals + 1 - digits.size(), '0');
  }
  std::string int_part = digits.substr(0, digits.size() - decimals);
  std::string frac = digits.substr(digits.size() - decimals);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out;
  if (negative) out += '-';
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out += '.';
    out += int_part[i];
  }
  if (!frac.empty()) out += ',' + frac;
  return out;
}

std::string FormatPercent(double ratio, int decimals) {
  return FormatNumber(ratio * 100.0, decimals) + "%";
}

namespace {

constexpr StatusStyle kStyles[] = {
    {"overdue", "Chưa hoàn thành - quá hạn", "Quá hạn", "st-overdue", "#c62828"},
    {"in_progress", "Chưa hoàn thành - trong hạn", "Trong hạn", "st-in-progress", "#1565c0"},
    {"not_due", "Chưa đến hạn thực hiện", "Chưa đến hạn", "st-not-due", "#78909c"},
    {"pending_confirmation", "Đang chờ xác nhận", "Chờ xác nhận", "st-pending", "#ef6c00"},
    {"returned", "Trả lại", "Trả lại", "st-returned", "#ad1457"},
    {"done_on_time", "Đã hoàn thành - đúng hạn", "Đúng hạn", "st-done-on-time", "#2e7d32"},
    {"done_late", "Đã hoàn thành - quá hạn", "Hoàn thành trễ", "st-done-late", "#827717"},
    {"paused", "Tạm dừng", "Tạm dừng", "st-paused", "#616161"},
};

}  // namespace

StatusStyle StatusStyleOf(std::string_view code) {
  for (const auto& s : kStyles) {
    if (s.code == code) return s;
  }
  return {code, code, code, "st-unknown", "#9e9e9e"};
}

std::span<const StatusStyle> AllStatusStyles() { return kStyles; }

std::string_view EveryLabel(std::string_view every) {
  if (every == "week") return "Hàng tuần";
  if (every == "month") return "Hàng tháng";
  if (every == "quarter") return "Hằng quý";
  if (every == "year") return "Hằng năm";
  return "";
}

}  // namespace dondoc::web
