// The Vietnamese lunisolar calendar (âm lịch), computed for Vietnam's time zone (UTC+7) with
// Hồ Ngọc Đức's astronomical algorithm: new moons and the sun's longitude after Jean Meeus,
// "Astronomical Algorithms". Vietnam's calendar differs from China's (UTC+8) in some years: lunar
// New Year 2007 fell on 2007-02-17 in Vietnam and 2007-02-18 in China; in 1985 the two differ by a
// whole month (1985-01-21 in Vietnam, 1985-02-20 in China).
//
// Valid for solar years 1800..2199. Pure functions: thread-safe, no I/O.
#ifndef DONDOC_TEXT_LUNAR_H_
#define DONDOC_TEXT_LUNAR_H_

#include <optional>

#include "text/date.h"

namespace dondoc::text {

struct LunarDate {
  int year = 0;       // the lunar year, named by the solar year in which it mostly falls
  int month = 0;      // 1..12
  int day = 0;        // 1..30
  bool leap = false;  // a leap month (tháng nhuận) repeating `month`

  auto operator<=>(const LunarDate&) const = default;
};

inline constexpr double kVietnamTimeZone = 7.0;

LunarDate SolarToLunar(Date solar, double time_zone = kVietnamTimeZone);
// nullopt when the lunar date does not exist (a leap month the year lacks, day 30 of a short
// month).
std::optional<Date> LunarToSolar(LunarDate lunar, double time_zone = kVietnamTimeZone);

// The solar date of lunar New Year (Tết Nguyên đán, 1/1 lunar) of lunar year `year`.
Date LunarNewYear(int year, double time_zone = kVietnamTimeZone);

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_LUNAR_H_
