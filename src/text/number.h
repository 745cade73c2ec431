// Numbers as Vietnamese documents write them: "." groups thousands and "," marks the decimals
// ("66.882" = 66882, "3,271" = 3.271, "1.234.567,5"), with leading zeros kept for counts ("05").
//
// Pure functions: thread-safe, no I/O.
#ifndef DONDOC_TEXT_NUMBER_H_
#define DONDOC_TEXT_NUMBER_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace dondoc::text {

// The value of a whole number token made of ASCII digits with '.' and ',' between digits, or
// nullopt when `s` is not one. Rules, in order:
//  - both separators: the last one to appear is the decimal mark ("1.234,5", "1,234.5");
//  - dots only: several dots group thousands (groups of 3 required); one dot followed by exactly
//    three digits groups thousands ("66.882"), otherwise it is a decimal point ("3.5");
//  - commas only: one comma is the decimal mark ("3,271" = 3.271); several commas group
//    thousands in the English way when every group has 3 digits ("1,234,567").
std::optional<double> ParseNumber(std::string_view s);

// The byte length of the number token that starts at `pos` of `s`: digits, and '.' or ','
// each directly followed by a digit. 0 when `s[pos]` is not a digit.
size_t ScanNumber(std::string_view s, size_t pos);

}  // namespace dondoc::text

#endif  // DONDOC_TEXT_NUMBER_H_
