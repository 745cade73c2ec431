// Amounts of money as Vietnamese documents write them: a number, magnitude words (nghìn/ngàn,
// triệu, tỷ/tỉ, chained: "nghìn tỷ"), and a currency ("đồng", "đ", "VNĐ", "USD", ...):
// "3,271 tỷ đồng" = 3 271 000 000 VND, "66.882 triệu đồng" = 66 882 000 000 VND,
// "3 tỷ 271 triệu đồng", "500.000đ", "2,5 triệu USD" (kept in USD).
//
// Pure functions: thread-safe, no I/O.
#ifndef DONDOC_TEXT_MONEY_H_
#define DONDOC_TEXT_MONEY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dondoc::text {

// The multiplier of a magnitude word ("nghìn" 1e3, "triệu" 1e6, "tỷ" 1e9, any case), or nullopt.
std::optional<double> MagnitudeWord(std::string_view word);

// The currency a word names: "VND" for đồng/đ/VNĐ/VND, the ISO code for USD, EUR, ...; nullopt
// otherwise. "đồng" followed by a word that makes it a compound ("đồng chí", "đồng bộ") is not a
// currency: callers pass that next word in `next` (empty when none).
std::optional<std::string> CurrencyWord(std::string_view word, std::string_view next = {});

struct Amount {
  double value = 0;   // in units of `unit`
  std::string unit;   // "VND", "USD", ...
  size_t length = 0;  // bytes of `s` the phrase covers from `pos`
};

// The money phrase that starts at byte `pos` of `s` with a number, or nullopt when none does.
// Words may be separated by spaces and single line breaks (hard-wrapped text).
std::optional<Amount> ParseMoneyAt(std::string_view s, size_t pos);

// ParseMoneyAt(s, 0) when it covers all of `s` (surrounding white space allowed).
std::optional<Amount> ParseMoney(std::string_view s);

// Helpers shared by the money and figure readers.
// The word (letters only, Unicode) that starts at `pos` after white space of at most one line
// break; sets `*start` to its first byte. Empty when the next thing is not a letter.
std::string_view NextWord(std::string_view s, size_t pos, size_t* start);
// Lower-cases a UTF-8 word (Vietnamese letters included).
std::string LowerWord(std::string_view word);

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_MONEY_H_
