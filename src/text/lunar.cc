#include "text/lunar.h"

#include <cmath>

namespace dondoc::text {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr long kJulianDayOfEpoch = 2440588;  // 1970-01-01

long JulianDay(Date d) { return d.DaysSinceEpoch() + kJulianDayOfEpoch; }
Date FromJulianDay(long jd) { return Date::FromDaysSinceEpoch(jd - kJulianDayOfEpoch); }

long Floor(double x) { return static_cast<long>(std::floor(x)); }

// The Julian day number of the k-th new moon after 1900-01-01, local to `tz`.
long NewMoonDay(long k, double tz) {
  const double t = k / 1236.85;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double dr = kPi / 180;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * dr) + 0.0021 * std::sin(2 * dr * m);
  c1 = c1 - 0.4068 * std::sin(mpr * dr) + 0.0161 * std::sin(dr * 2 * mpr);
  c1 = c1 - 0.0004 * std::sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * std::sin(dr * 2 * f) - 0.0051 * std::sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * std::sin(dr * (m - mpr)) + 0.0004 * std::sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * std::sin(dr * (2 * f - m)) - 0.0006 * std::sin(dr * (2 * f + mpr));
  c1 = c1 + 0.0010 * std::sin(dr * (2 * f - mpr)) + 0.0005 * std::sin(dr * (2 * mpr + m));
  double deltat;
  if (t < -11) {
    deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
  } else {
    deltat = -0.000278 + 0.000265 * t + 0.000262 * t2;
  }
  const double jd_new = jd1 + c1 - deltat;
  return Floor(jd_new + 0.5 + tz / 24);
}

// The sun's longitude at local midnight starting day `jdn`, as a sector 0..11 of 30 degrees.
int SunLongitudeSector(long jdn, double tz) {
  const double t = (jdn - 2451545.5 - tz / 24) / 36525;
  const double t2 = t * t;
  const double dr = kPi / 180;
  const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(dr * m);
  dl += (0.019993 - 0.000101 * t) * std::sin(dr * 2 * m) + 0.000290 * std::sin(dr * 3 * m);
  double l = (l0 + dl) * dr;
  l -= kPi * 2 * Floor(l / (kPi * 2));
  return static_cast<int>(Floor(l / kPi * 6));
}

// The Julian day of the start of lunar month 11 (the month holding the winter solstice) in
// solar year `yy`.
long LunarMonth11(int yy, double tz) {
  const long off = JulianDay(Date{yy, 12, 31}) - 2415021;
  const long k = Floor(off / 29.530588853);
  long nm = NewMoonDay(k, tz);
  if (SunLongitudeSector(nm, tz) >= 9) nm = NewMoonDay(k - 1, tz);
  return nm;
}

// The offset, in months after month 11 starting `a11`, of the leap month of that lunar year.
int LeapMonthOffset(long a11, double tz) {
  const long k = Floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  int i = 1;
  int arc = SunLongitudeSector(NewMoonDay(k + i, tz), tz);
  int last;
  do {
    last = arc;
    ++i;
    arc = SunLongitudeSector(NewMoonDay(k + i, tz), tz);
  } while (arc != last && i < 14);
  return i - 1;
}

}  // namespace

LunarDate SolarToLunar(Date solar, double tz) {
  const long day_number = JulianDay(solar);
  const long k = Floor((day_number - 2415021.076998695) / 29.530588853);
  long month_start = NewMoonDay(k + 1, tz);
  if (month_start > day_number) month_start = NewMoonDay(k, tz);
  long a11 = LunarMonth11(solar.year, tz);
  long b11 = a11;
  int lunar_year;
  if (a11 >= month_start) {
    lunar_year = solar.year;
    a11 = LunarMonth11(solar.year - 1, tz);
  } else {
    lunar_year = solar.year + 1;
    b11 = LunarMonth11(solar.year + 1, tz);
  }
  LunarDate out;
  out.day = static_cast<int>(day_number - month_start + 1);
  const int diff = static_cast<int>(Floor((month_start - a11) / 29.0));
  out.month = diff + 11;
  if (b11 - a11 > 365) {
    const int leap_diff = LeapMonthOffset(a11, tz);
    if (diff >= leap_diff) {
      out.month = diff + 10;
      if (diff == leap_diff) out.leap = true;
    }
  }
  if (out.month > 12) out.month -= 12;
  if (out.month >= 11 && diff < 4) lunar_year -= 1;
  out.year = lunar_year;
  return out;
}

std::optional<Date> LunarToSolar(LunarDate lunar, double tz) {
  if (lunar.month < 1 || lunar.month > 12 || lunar.day < 1 || lunar.day > 30) return std::nullopt;
  long a11, b11;
  if (lunar.month < 11) {
    a11 = LunarMonth11(lunar.year - 1, tz);
    b11 = LunarMonth11(lunar.year, tz);
  } else {
    a11 = LunarMonth11(lunar.year, tz);
    b11 = LunarMonth11(lunar.year + 1, tz);
  }
  const long k = Floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  int off = lunar.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const int leap_off = LeapMonthOffset(a11, tz);
    int leap_month = leap_off - 2;
    if (leap_month < 0) leap_month += 12;
    if (lunar.leap && lunar.month != leap_month) return std::nullopt;
    if (lunar.leap || off >= leap_off) off += 1;
  } else if (lunar.leap) {
    return std::nullopt;
  }
  const long month_start = NewMoonDay(k + off, tz);
  Date d = FromJulianDay(month_start + lunar.day - 1);
  // Day 30 of a 29-day month falls in the next month.
  if (SolarToLunar(d, tz).day != lunar.day) return std::nullopt;
  return d;
}

Date LunarNewYear(int year, double tz) {
  // 1/1 always exists.
  return *LunarToSolar(LunarDate{year, 1, 1, false}, tz);
}

}  // namespace dondoc::text
