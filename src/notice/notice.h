// The structure of a directive document, as `dondoc extract` prints it (see
// shared/spec/extract-output.md). Plain data: no I/O, no storage.
//
// Every span is [start, end) in Unicode code points into Notice::text, the normalised text.
#ifndef DONDOC_NOTICE_NOTICE_H_
#define DONDOC_NOTICE_NOTICE_H_

#include <optional>
#include <string>
#include <vector>

#include "text/date.h"

namespace dondoc::notice {

struct Span {
  long start = 0;
  long end = 0;
};

struct Source {
  std::string path;
  std::string format;  // "txt" | "md" | "docx" | "pdf"
  std::string sha256;  // of the file's bytes, lower-case hex
  long chars = 0;      // code points of the normalised text
};

struct Person {
  std::string name;
  std::string title;      // "Phó Chánh Văn phòng"
  std::string authority;  // "TL. Chủ tịch, KT. Chánh Văn phòng"
};

struct DocumentHeader {
  std::string issuer;
  std::string number;  // "406/QĐ-UBND"; "/TB-UBND" when the number is blank
  std::optional<text::Date> date;
  std::string place;
  std::string type;     // "Thông báo", "Chỉ thị", "Công văn", ...
  std::string subject;  // trích yếu or "V/v ..."
  std::optional<Person> signer;
  std::vector<std::string> recipients;
};

struct Meeting {
  std::optional<text::Date> date;
  std::string place;
  std::optional<Person> chair;
  std::vector<std::string> attendees;
};

struct OutlineNode {
  std::string label;  // "II", "2.1", "a", "-"
  std::string title;
  Span span;
  std::vector<OutlineNode> children;
};

struct UnitRef {
  std::string name;     // canonical (directory) or cleaned mention
  std::string mention;  // as written
  Span span;
};

struct Deadline {
  enum class Kind { kNone, kDate, kRecurring, kOngoing };
  enum class Every { kWeek, kMonth, kQuarter, kYear };
  Kind kind = Kind::kNone;
  std::optional<text::Date> date;  // kDate (and a recurring task's first milestone if any)
  Every every = Every::kMonth;     // kRecurring
  std::string phrase;              // the words it came from
};

struct Target {
  std::string metric;  // "giải ngân"
  double value = 0;
  std::string unit;  // "%", "VND", ...
  std::optional<text::Date> by;
  bool approx = false;
};

struct Task {
  std::string id;       // "II.2.1.a.1"
  std::string section;  // "II.2.1.a"
  std::string text;
  Span span;
  std::vector<UnitRef> lead;
  std::vector<UnitRef> support;
  Deadline deadline;
  bool urgent = false;
  std::vector<Target> targets;
  std::vector<std::string> report_to;
};

struct Figure {
  std::string quote;  // "3,271 tỷ đồng"
  double value = 0;   // base units: VND for money, the percent number for %
  std::string unit;   // "VND", "%", or the measure word ("ha", "hồ sơ")
  Span span;
  std::string context;
};

struct Notice {
  Source source;
  std::string text;  // normalised (NFC) text every span points into
  DocumentHeader document;
  std::optional<Meeting> meeting;
  std::vector<OutlineNode> outline;
  std::vector<Task> tasks;
  std::vector<Figure> figures;
  std::vector<std::string> warnings;
};

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_NOTICE_H_
