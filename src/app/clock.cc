#include "app/clock.h"

#include <chrono>

namespace dondoc::app {

namespace {
constexpr domain::Timestamp kVietnamOffset = 7 * 3600;
constexpr domain::Timestamp kDay = 86400;
}  // namespace

text::Date Clock::Today() const {
  domain::Timestamp local = Now() + kVietnamOffset;
  domain::Timestamp days = local >= 0 ? local / kDay : -((-local + kDay - 1) / kDay);
  return text::Date::FromDaysSinceEpoch(static_cast<long>(days));
}

domain::Timestamp SystemClock::Now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

domain::Timestamp FixedClock::NoonOf(text::Date day) {
  return day.DaysSinceEpoch() * kDay + 12 * 3600 - kVietnamOffset;
}

}  // namespace dondoc::app
