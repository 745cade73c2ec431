#include "http/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

#include "http/api_json.h"

namespace dondoc::http {

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (a lead byte >= 0x80), or 0 when it is
// not one (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), which
// is the set nlohmann's decoder accepts.
size_t Utf8Length(std::string_view s, size_t i) {
  const size_t n = s.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  const unsigned char c = byte(i);
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 1 >= n) return 0;
    const unsigned char d = byte(i + 1);
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    return d >= lo && d <= hi && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 1 >= n) return 0;
    const unsigned char d = byte(i + 1);
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    return d >= lo && d <= hi && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

char* TwoDigits(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
  return p + 2;
}

// "%04d-%02d-%02d" into p[0..10) for the ranges where that is exactly four and two digits;
// false for the others.
bool IsoDate(char* p, const text::Date& d) {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) {
    return false;
  }
  p = TwoDigits(p, d.year / 100);
  p = TwoDigits(p, d.year % 100);
  *p++ = '-';
  p = TwoDigits(p, d.month);
  *p++ = '-';
  TwoDigits(p, d.day);
  return true;
}

// Reads JSON text and appends it in nlohmann's printed form, or gives up (see
// AppendCanonicalJson): strings must hold no escape, numbers must be plain integers.
class Canonicalizer {
 public:
  explicit Canonicalizer(std::string_view in) : in_(in) {}

  bool Value(std::string* out, int depth) {
    if (depth > 32) return false;
    SkipSpace();
    if (pos_ >= in_.size()) return false;
    switch (in_[pos_]) {
      case '{':
        return Object(out, depth);
      case '[':
        return Array(out, depth);
      case '"': {
        std::string_view raw;
        if (!StringToken(&raw)) return false;
        out->push_back('"');
        out->append(raw);
        out->push_back('"');
        return true;
      }
      case 't':
        return Literal(out, "true");
      case 'f':
        return Literal(out, "false");
      case 'n':
        return Literal(out, "null");
      default:
        return Number(out);
    }
  }

  bool AtEnd() {
    SkipSpace();
    return pos_ == in_.size();
  }

 private:
  void SkipSpace() {
    while (pos_ < in_.size() &&
           (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Next(char c) {
    SkipSpace();
    if (pos_ < in_.size() && in_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // The bytes between the quotes of a string at pos_, which must need no escaping: no `\`, no
  // control character, well-formed UTF-8. Then its raw bytes are its value, and they compare
  // as nlohmann compares keys.
  bool StringToken(std::string_view* raw) {
    const size_t begin = ++pos_;
    while (pos_ < in_.size()) {
      const unsigned char c = static_cast<unsigned char>(in_[pos_]);
      if (c == '"') {
        *raw = in_.substr(begin, pos_ - begin);
        ++pos_;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      if (c < 0x80) {
        ++pos_;
      } else {
        const size_t len = Utf8Length(in_, pos_);
        if (len == 0) return false;
        pos_ += len;
      }
    }
    return false;
  }

  bool Literal(std::string* out, std::string_view word) {
    if (in_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    out->append(word);
    return true;
  }

  // A plain integer that fits in 64 bits whatever its sign: printed as it is written.
  bool Number(std::string* out) {
    const size_t begin = pos_;
    if (in_[pos_] == '-') ++pos_;
    const size_t digits = pos_;
    while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') ++pos_;
    const size_t count = pos_ - digits;
    if (count == 0 || count > 18) return false;
    if (in_[digits] == '0' && (count > 1 || digits > begin)) return false;  // 01, -0
    if (pos_ < in_.size() && (in_[pos_] == '.' || in_[pos_] == 'e' || in_[pos_] == 'E')) {
      return false;
    }
    out->append(in_.substr(begin, pos_ - begin));
    return true;
  }

  bool Array(std::string* out, int depth) {
    ++pos_;
    out->push_back('[');
    if (Next(']')) {
      out->push_back(']');
      return true;
    }
    while (true) {
      if (!Value(out, depth + 1)) return false;
      if (Next(']')) break;
      if (!Next(',')) return false;
      out->push_back(',');
    }
    out->push_back(']');
    return true;
  }

  bool Object(std::string* out, int depth) {
    ++pos_;
    struct Member {
      std::string_view key;
      size_t begin;
      size_t end;
    };
    std::vector<Member> members;
    std::string values;
    if (!Next('}')) {
      while (true) {
        SkipSpace();
        if (pos_ >= in_.size() || in_[pos_] != '"') return false;
        Member m;
        if (!StringToken(&m.key) || !Next(':')) return false;
        m.begin = values.size();
        if (!Value(&values, depth + 1)) return false;
        m.end = values.size();
        members.push_back(m);
        if (Next('}')) break;
        if (!Next(',')) return false;
      }
    }
    // nlohmann keeps an object's members in a std::map: in byte order of their keys. Which of
    // two equal keys it keeps is its business: give up on them.
    std::sort(members.begin(), members.end(),
              [](const Member& a, const Member& b) { return a.key < b.key; });
    for (size_t i = 1; i < members.size(); ++i) {
      if (members[i - 1].key == members[i].key) return false;
    }
    out->push_back('{');
    for (size_t i = 0; i < members.size(); ++i) {
      if (i > 0) out->push_back(',');
      out->push_back('"');
      out->append(members[i].key);
      out->append("\":", 2);
      out->append(values, members[i].begin, members[i].end - members[i].begin);
    }
    out->push_back('}');
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  const size_t mark = out->size();
  out->reserve(mark + s.size() + 2);
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t len = Utf8Length(s, i);
      if (len == 0) {
        // Rare: let nlohmann place its replacement characters.
        out->resize(mark);
        out->append(nlohmann::json(std::string(s))
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out->append("\\\"", 2);
        break;
      case '\\':
        out->append("\\\\", 2);
        break;
      case '\b':
        out->append("\\b", 2);
        break;
      case '\f':
        out->append("\\f", 2);
        break;
      case '\n':
        out->append("\\n", 2);
        break;
      case '\r':
        out->append("\\r", 2);
        break;
      case '\t':
        out->append("\\t", 2);
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(esc, 6);
      }
    }
    run = ++i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

bool AppendCanonicalJson(std::string* out, std::string_view text) {
  const size_t mark = out->size();
  Canonicalizer c(text);
  if (c.Value(out, 0) && c.AtEnd()) return true;
  out->resize(mark);
  return false;
}

JsonWriter& JsonWriter::Int(std::int64_t v) {
  Separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<size_t>(end - buf));
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Date(text::Date d) {
  Separate();
  comma_ = true;
  char buf[12];
  buf[0] = '"';
  if (!IsoDate(buf + 1, d)) {
    AppendJsonString(&out_, d.ToIso());
    return *this;
  }
  buf[11] = '"';
  out_.append(buf, sizeof buf);
  return *this;
}

JsonWriter& JsonWriter::Time(domain::Timestamp t) {
  Separate();
  comma_ = true;
  // As TimeJson, without snprintf.
  const domain::Timestamp local = t + 7 * 3600;
  const domain::Timestamp days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const domain::Timestamp secs = local - days * 86400;
  char buf[27];  // "YYYY-MM-DDTHH:MM:SS+07:00" in quotes
  buf[0] = '"';
  if (!IsoDate(buf + 1, text::Date::FromDaysSinceEpoch(static_cast<long>(days)))) {
    AppendJsonString(&out_, TimeJson(t));
    return *this;
  }
  char* p = buf + 11;
  *p++ = 'T';
  p = TwoDigits(p, static_cast<int>(secs / 3600));
  *p++ = ':';
  p = TwoDigits(p, static_cast<int>(secs / 60 % 60));
  *p++ = ':';
  p = TwoDigits(p, static_cast<int>(secs % 60));
  std::memcpy(p, "+07:00\"", 7);
  out_.append(buf, sizeof buf);
  return *this;
}

JsonWriter& JsonWriter::Parsed(std::string_view text, Unparsable unparsable) {
  Separate();
  comma_ = true;
  if (unparsable == Unparsable::kNullOrText && text.empty()) {
    out_.append("null", 4);
    return *this;
  }
  if (AppendCanonicalJson(&out_, text)) return *this;
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) {
    if (unparsable == Unparsable::kEmptyArray) {
      out_.append("[]", 2);
    } else {
      AppendJsonString(&out_, text);
    }
    return *this;
  }
  out_.append(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return *this;
}

}  // namespace dondoc::http
