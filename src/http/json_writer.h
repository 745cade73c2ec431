// JSON written straight into a string, for hot answers where building an nlohmann::json DOM
// first (a node and a map entry per value, then a walk to print it) costs more than the reads.
#ifndef DONDOC_HTTP_JSON_WRITER_H_
#define DONDOC_HTTP_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/ids.h"
#include "text/date.h"

namespace dondoc::http {

// Appends `s` as a JSON string, byte for byte as nlohmann::json(s).dump(-1, ' ', false,
// error_handler_t::replace) prints it (what Response::Json does): UTF-8 as is, `"` and `\`
// escaped, \b \f \n \r \t, other control characters as \u00xx, invalid UTF-8 replaced by U+FFFD.
void AppendJsonString(std::string* out, std::string_view s);

// Appends the JSON text `text` as nlohmann::json::parse(text) followed by dump (as above) would
// print it: whitespace dropped, object keys sorted. Returns false, appending nothing, when it
// cannot be sure of giving exactly those bytes (a parse error, an escape in a string, a number
// that is not a plain integer of at most 18 digits, a repeated key, deep nesting); the caller
// then takes the nlohmann path.
bool AppendCanonicalJson(std::string* out, std::string_view text);

// A JSON writer over a string. It places commas and colons; the caller keeps the nesting right
// and, to print what an nlohmann::json object prints, writes each object's keys in ascending
// byte order (nlohmann keeps them in a std::map). Not thread-safe; `out` must outlive it.
//
//   JsonWriter w(&body);
//   w.BeginObject().Key("id").Int(3).Key("name").String("Sở Tài chính").EndObject();
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  JsonWriter& BeginObject() {
    Separate();
    out_.push_back('{');
    comma_ = false;
    return *this;
  }
  JsonWriter& EndObject() {
    out_.push_back('}');
    comma_ = true;
    return *this;
  }
  JsonWriter& BeginArray() {
    Separate();
    out_.push_back('[');
    comma_ = false;
    return *this;
  }
  JsonWriter& EndArray() {
    out_.push_back(']');
    comma_ = true;
    return *this;
  }
  // `key` is written as is: a literal without characters that need escaping.
  JsonWriter& Key(std::string_view key) {
    out_.append(comma_ ? ",\"" : "\"", comma_ ? 2 : 1);
    out_.append(key);
    out_.append("\":", 2);
    comma_ = false;
    return *this;
  }
  JsonWriter& String(std::string_view s) {
    Separate();
    AppendJsonString(&out_, s);
    comma_ = true;
    return *this;
  }
  JsonWriter& Int(std::int64_t v);
  JsonWriter& Bool(bool v) {
    Separate();
    out_.append(v ? "true" : "false");
    comma_ = true;
    return *this;
  }
  JsonWriter& Null() {
    Separate();
    out_.append("null", 4);
    comma_ = true;
    return *this;
  }
  // "YYYY-MM-DD", as text::Date::ToIso.
  JsonWriter& Date(text::Date d);
  // The date or null.
  JsonWriter& Date(const std::optional<text::Date>& d) { return d ? Date(*d) : Null(); }
  // RFC 3339 in Vietnam time, as http::TimeJson: "2023-06-12T08:30:00+07:00".
  JsonWriter& Time(domain::Timestamp t);
  // What to print for JSON text that nlohmann cannot parse.
  enum class Unparsable {
    kNullOrText,  // null for "", else the text as a JSON string (audit before/after)
    kEmptyArray,  // [] (a task's targets)
  };
  // The value of the JSON text `text` as nlohmann::json::parse(text, nullptr, false) reads it,
  // printed as dump() prints it; `unparsable` when it does not parse.
  JsonWriter& Parsed(std::string_view text, Unparsable unparsable);

 private:
  void Separate() {
    if (comma_) out_.push_back(',');
  }

  std::string& out_;
  bool comma_ = false;  // a value was just completed: the next key or value needs a comma
};

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_JSON_WRITER_H_
