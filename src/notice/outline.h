// Outline labels (I./II., 1./2., 2.1./2.1.1., a)/b)/đ), -, +) and the tree they make.
#ifndef DONDOC_NOTICE_OUTLINE_H_
#define DONDOC_NOTICE_OUTLINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::notice {

struct Paragraph;

enum class LabelKind { kRoman, kArabic, kArabicParen, kLetter, kDash, kPlus, kBullet };

struct Label {
  LabelKind kind = LabelKind::kDash;
  int depth = 1;        // components of an Arabic label: "2.1.1." is 3
  std::string text;     // "II", "2.1", "a", "-"
  size_t length = 0;    // bytes of the label and the spaces after it
};

// The label that opens `para`, if any. Thread-safe.
std::optional<Label> ParseLabel(std::string_view para);

// Where each paragraph sits in the outline. Unlabeled paragraphs hang under the last labeled one
// (or the last unlabeled one at the same place).
struct OutlineEntry {
  std::optional<Label> label;
  int parent = -1;      // index of the parent paragraph, -1 at the top
  std::string section;  // "II.2.1.a": the labels of the numbered ancestors and itself
};

std::vector<OutlineEntry> BuildOutline(const std::vector<Paragraph>& paragraphs);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_OUTLINE_H_
