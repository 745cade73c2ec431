// Word's automatic list numbering (numbering.xml + styles.xml), replayed paragraph by paragraph
// so that the labels a person sees ("2.1.", "a)", "-") can be written into the text.
#ifndef DONDOC_NOTICE_DOCX_NUMBERING_H_
#define DONDOC_NOTICE_DOCX_NUMBERING_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dondoc::notice {

// `n` written in a numFmt of WordprocessingML: decimal, decimalZero, upperRoman, lowerRoman,
// upperLetter, lowerLetter, none; other formats fall back to decimal, and so do numbers a format
// cannot write (roman numbers above 3999, letters repeated more than 10 times, n < 1).
// With `vietnamese_letters`, letters follow the alphabet of Vietnamese legal documents
// (a, b, c, d, đ, e, g, h, i, k, ... x, y: no f, j, w, z), as legal texts label their points.
std::string FormatListNumber(long n, std::string_view num_fmt, bool vietnamese_letters);

// The numbering definitions of one .docx and the counters of its lists.
// Counters are kept per numId (each w:num is its own list); a level restarts when a shallower
// level of the same numId advances, unless its w:lvlRestart is 0. w:lvlOverride/w:startOverride
// and whole-level overrides are honoured, and so are numbering styles (w:numStyleLink).
// Bullets drawn from a symbol font (private-use code points) are written "-".
class ListNumbering {
 public:
  // Parses the parts' XML; an empty string means the part is absent. An XML error is an error.
  static Result<ListNumbering> Parse(std::string_view numbering_xml, std::string_view styles_xml);

  void set_vietnamese_letters(bool on) { vietnamese_letters_ = on; }

  // The paragraph's numbering: its own w:numPr values (nullopt when absent) and its w:pStyle
  // ("" when none); falls back to the style's numbering along w:basedOn.
  // Returns the label with its separator ("2.1. ", "a) ", "- "), or "" when the paragraph is not
  // numbered. Advances the counters: call once per paragraph, in document order.
  std::string NextLabel(std::optional<int> num_id, std::optional<int> ilvl,
                        std::string_view style_id);

  struct Level {
    long start = 1;
    std::string format = "decimal";
    std::string text;  // lvlText, e.g. "%1.%2."
    int restart = -1;  // w:lvlRestart; -1: after any shallower level
    std::string suffix = "tab";
    bool legal = false;  // w:isLgl: every number of the label written in decimal
    std::string style;   // w:pStyle tying the level to a paragraph style
    bool defined = false;
  };
  static constexpr int kLevels = 9;
  using Levels = std::array<Level, kLevels>;

 private:
  struct Num {
    std::string abstract_id;
    std::array<std::optional<long>, kLevels> start_override;
    std::array<std::optional<Level>, kLevels> level_override;
  };
  struct Style {
    std::string based_on;
    std::optional<int> num_id;
    std::optional<int> ilvl;
  };
  struct Counters {
    std::array<long, kLevels> value{};
    std::array<bool, kLevels> started{};
  };
  struct Abstract {
    Levels levels;
    std::string num_style_link;
  };

  const Abstract* AbstractFor(int num_id) const;
  const Level* LevelFor(int num_id, int ilvl) const;
  long StartOf(int num_id, int ilvl) const;

  std::map<std::string, Abstract> abstracts_;
  std::map<int, Num> nums_;
  std::map<std::string, Style> styles_;
  std::map<int, Counters> counters_;
  bool vietnamese_letters_ = false;
};

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_DOCX_NUMBERING_H_
