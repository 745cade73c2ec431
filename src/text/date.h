// Civil dates and the Vietnamese ways of writing them.
#ifndef DONDOC_TEXT_DATE_H_
#define DONDOC_TEXT_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dondoc::text {

// A proleptic Gregorian calendar day. Plain value; no time zone.
struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const Date&) const = default;

  bool IsValid() const;
  // Days since 1970-01-01 (negative before). REQUIRES: IsValid().
  long DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);
  // 0 = Monday .. 6 = Sunday.
  int Weekday() const;
  Date AddDays(long n) const;
  std::string ToIso() const;           // "2023-06-30"
  std::string ToVietnamese() const;    // "30/06/2023"
  static std::optional<Date> FromIso(std::string_view iso);  // strict YYYY-MM-DD
  static int DaysInMonth(int year, int month);
  static Date EndOfMonth(int year, int month);
  static Date EndOfQuarter(int year, int quarter);  // quarter 1..4
};

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_DATE_H_
