// The streaming writer prints what nlohmann::json prints (Response::Json: dump(-1, ' ', false,
// replace)) for the same values: strings with every kind of byte, re-read JSON text, dates and
// times.
#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "http/api_json.h"

namespace dondoc::http {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string Escaped(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

TEST(JsonWriterTest, StringsAreEscapedAsNlohmannDoes) {
  const std::string cases[] = {
      /* 0 */ "",
      /* 1 */ "plain ascii",
      /* 2 */ "Ủy ban nhân dân thị xã Đức Phổ: “kết luận”",
      /* 3 */ "quote \" and backslash \\ and slash /",
      /* 4 */ "\b\f\n\r\t",
      /* 5 */ std::string("nul \0 here", 10),
      /* 6 */ "\x01\x02\x1f\x7f",
      /* 7 */ "emoji 😀 and CJK 中文",
      /* 8 */
      "\xEF\xBB\xBF"
      "BOM",
      /* 9 */ "tab\tinside Tiếng Việt\r\n",
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(Escaped(cases[i]), Dump(json(cases[i]))) << "case " << i;
  }
  EXPECT_EQ(Escaped("\x01"), "\"\\u0001\"");  // lower-case hex, as nlohmann
  EXPECT_EQ(Escaped("a\x1f"), "\"a\\u001f\"");
}

TEST(JsonWriterTest, InvalidUtf8IsReplacedAsNlohmannDoes) {
  const std::string cases[] = {
      /* 0 */ "\xff",
      /* 1 */ "abc\xc3",                 // truncated two-byte sequence at the end
      /* 2 */ "\xc3(",                   // bad continuation
      /* 3 */ "\xc0\xaf",                // overlong '/'
      /* 4 */ "\xe0\x80\xaf",            // overlong, three bytes
      /* 5 */ "\xed\xa0\x80",            // a surrogate
      /* 6 */ "\xf4\x90\x80\x80",        // above U+10FFFF
      /* 7 */ "\xf0\x9f\x98",            // truncated emoji
      /* 8 */ "ok \xe1\xbb\xa7 \x80 đ",  // a stray continuation byte among good letters
      /* 9 */ "\xf5\x80\x80\x80",
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(Escaped(cases[i]), Dump(json(cases[i]))) << "case " << i;
  }
}

TEST(JsonWriterTest, EveryByteAloneAndInContext) {
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    EXPECT_EQ(Escaped(one), Dump(json(one))) << "byte " << b;
    const std::string mixed = "Đ" + one + "\xe1\xbb\x87" + one + "x";
    EXPECT_EQ(Escaped(mixed), Dump(json(mixed))) << "byte " << b;
  }
}

TEST(JsonWriterTest, CanonicalJsonMatchesParseThenDump) {
  const std::string accepted[] = {
      /* 0 */ "[]",
      /* 1 */ "{}",
      /* 2 */ R"({"report_id":12,"progress":40})",  // unsorted keys, as gen_province writes
      /* 3 */ R"( { "b" : [1, -2, {"z":null,"a":true}], "a" : "Sở Tài chính" } )",
      /* 4 */ R"([{"kind":"percent","value":90,"unit":"%"},"x",false])",
      /* 5 */ "\t\n\r [ 0 , -7 , 123456789012345678 ] \n",
      /* 6 */ R"({"a_b":1,"a":2,"ab":3,"A":4,"é":5})",  // byte order of keys
      /* 7 */ R"("just a string")",
      /* 8 */ "42",
      /* 9 */ "null",
  };
  for (size_t i = 0; i < std::size(accepted); ++i) {
    std::string out = "prefix";
    ASSERT_TRUE(AppendCanonicalJson(&out, accepted[i])) << "case " << i;
    EXPECT_EQ(out, "prefix" + Dump(json::parse(accepted[i]))) << "case " << i;
  }
}

TEST(JsonWriterTest, CanonicalJsonGivesUpWhenUnsure) {
  const std::string refused[] = {
      /* 0 */ "",
      /* 1 */ "   ",
      /* 2 */ "{",
      /* 3 */ R"({"a":1,})",
      /* 4 */ R"({"a":1}x)",
      /* 5 */ R"({"a":1,"a":2})",     // a repeated key
      /* 6 */ R"(["tab\tescaped"])",  // escapes: nlohmann's path
      /* 7 */ R"(["\u00e9"])",
      /* 8 */ "[1.5]",  // not an integer
      /* 9 */ "[1e3]",
      /* 10 */ "[-0]",
      /* 11 */ "[01]",
      /* 12 */ "[1234567890123456789]",  // 19 digits
      /* 13 */ "[tru]",
      /* 14 */ "[\"raw\ttab\"]",  // a control character inside a string: invalid
      /* 15 */ "[\"\xff\"]",      // invalid UTF-8
      /* 16 */ "\xEF\xBB\xBF[]",  // a byte order mark
      /* 17 */ std::string(40, '[') + std::string(40, ']'),  // deep
      /* 18 */ "not json",
  };
  for (size_t i = 0; i < std::size(refused); ++i) {
    std::string out = "prefix";
    EXPECT_FALSE(AppendCanonicalJson(&out, refused[i])) << "case " << i;
    EXPECT_EQ(out, "prefix") << "case " << i;
  }
}

// What AuditJson and TaskJson do with stored JSON text, for accepted and refused text alike.
TEST(JsonWriterTest, ParsedMatchesTheDomPath) {
  auto audit_dom = [](const std::string& s) {
    if (s.empty()) return json(nullptr);
    json j = json::parse(s, nullptr, false);
    return j.is_discarded() ? json(s) : j;
  };
  auto targets_dom = [](const std::string& s) {
    json j = json::parse(s, nullptr, false);
    return j.is_discarded() ? json::array() : j;
  };
  const std::string cases[] = {
      "",        "{}",    R"({"z":1,"a":[1,2]})", "not json", R"({"note":"say \"hi\""})",
      "[1.50]",  "[1e2]", "{\"a\":\"\xff\"}",     "\xff",     "[\"Đông\"]",
      "  [ ]  ", "[-0]"};
  for (size_t i = 0; i < std::size(cases); ++i) {
    std::string out;
    JsonWriter w(&out);
    w.BeginArray()
        .Parsed(cases[i], JsonWriter::Unparsable::kNullOrText)
        .Parsed(cases[i], JsonWriter::Unparsable::kEmptyArray)
        .EndArray();
    EXPECT_EQ(out, Dump(json::array({audit_dom(cases[i]), targets_dom(cases[i])}))) << "case " << i;
  }
}

TEST(JsonWriterTest, PlacesCommasAndColons) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject()
      .Key("a")
      .BeginArray()
      .EndArray()
      .Key("b")
      .BeginArray()
      .Int(1)
      .Int(-2)
      .BeginObject()
      .EndObject()
      .Null()
      .Bool(true)
      .Bool(false)
      .EndArray()
      .Key("c")
      .BeginObject()
      .Key("d")
      .String("x")
      .EndObject()
      .Key("e")
      .Int(INT64_MIN)
      .EndObject();
  EXPECT_EQ(out,
            R"({"a":[],"b":[1,-2,{},null,true,false],"c":{"d":"x"},"e":-9223372036854775808})");
  EXPECT_EQ(json::parse(out).dump(), out);
}

TEST(JsonWriterTest, DatesAndTimesAsTheDomFunctions) {
  const text::Date dates[] = {{2023, 6, 12}, {1, 1, 1}, {9999, 12, 31}, {0, 0, 0}, {12345, 1, 2}};
  for (const text::Date& d : dates) {
    std::string out;
    JsonWriter(&out).Date(d);
    EXPECT_EQ(out, Dump(json(d.ToIso())));
  }
  std::string none;
  JsonWriter(&none).Date(std::optional<text::Date>());
  EXPECT_EQ(none, "null");
  const domain::Timestamp times[] = {
      0,      1,      -1,         1686533400,   1686589199,   1686589200,
      -25200, -25201, 4102444800, 253402300799, 253402300800, -62135596800 - 86400};
  for (domain::Timestamp t : times) {
    std::string out;
    JsonWriter(&out).Time(t);
    EXPECT_EQ(out, Dump(json(TimeJson(t)))) << t;
  }
}

}  // namespace
}  // namespace dondoc::http
