#include "notice/outline.h"

#include <gtest/gtest.h>

#include "notice/layout.h"

namespace dondoc::notice {
namespace {

struct LabelCase {
  int id;
  const char* text;
  bool has_label;
  LabelKind kind;
  const char* label;
  int depth;
};

TEST(ParseLabel, Cases) {
  const LabelCase kCases[] = {
      {1, "I. Đánh giá kết quả", true, LabelKind::kRoman, "I", 1},
      {2, "II. Một số nhiệm vụ", true, LabelKind::kRoman, "II", 1},
      {3, "1. Nhiệm vụ chung", true, LabelKind::kArabic, "1", 1},
      {4, "2.1. Về thu, chi ngân sách", true, LabelKind::kArabic, "2.1", 2},
      {5, "2.10. Công an thị xã", true, LabelKind::kArabic, "2.10", 2},
      {6, "2.1.1. Chi tiết", true, LabelKind::kArabic, "2.1.1", 3},
      {7, "a) Tập trung thực hiện", true, LabelKind::kLetter, "a", 1},
      {8, "đ) Phối hợp với các Bộ", true, LabelKind::kLetter, "đ", 1},
      {9, "- Chủ trì, phối hợp", true, LabelKind::kDash, "-", 1},
      {10, "+ Rà soát", true, LabelKind::kPlus, "+", 1},
      {11, "3 - Điều 61 Luật Lâm nghiệp", false, LabelKind::kDash, "", 0},
      {12, "1) Báo cáo", true, LabelKind::kArabicParen, "1", 1},
      {13, "Phòng Kinh tế theo dõi", false, LabelKind::kDash, "", 0},
      {14, "2023 là năm", false, LabelKind::kDash, "", 0},
      {15, "1.000 tỷ đồng", false, LabelKind::kDash, "", 0},
      {16, "-5 độ", false, LabelKind::kDash, "", 0},
      {17, "– Gạch ngang dài", true, LabelKind::kDash, "-", 1},
      {18, "IV) Tổ chức thực hiện", true, LabelKind::kRoman, "IV", 1},
  };
  for (const auto& c : kCases) {
    std::optional<Label> l = ParseLabel(c.text);
    ASSERT_EQ(l.has_value(), c.has_label) << "case " << c.id;
    if (!l) continue;
    EXPECT_EQ(l->kind, c.kind) << "case " << c.id;
    EXPECT_EQ(l->text, c.label) << "case " << c.id;
    EXPECT_EQ(l->depth, c.depth) << "case " << c.id;
  }
}

TEST(BuildOutline, SectionsAndParents) {
  std::vector<Paragraph> paras;
  for (const char* t : {"II. Nhiệm vụ", "1. Chung", "Yêu cầu các phòng:", "- Tổ chức", "2. Riêng",
                        "2.1. Thu", "a) Giao Phòng A:", "- Chủ trì", "b) Phòng B chủ trì", "3. Khác"}) {
    Paragraph p;
    p.text = t;
    p.src.assign(p.text.size() + 1, 0);
    paras.push_back(p);
  }
  std::vector<OutlineEntry> o = BuildOutline(paras);
  struct Want {
    int id;
    size_t index;
    int parent;
    const char* section;
  };
  const Want kWant[] = {
      {1, 0, -1, "II"},     {2, 1, 0, "II.1"},     {3, 2, 1, "II.1"},   {4, 3, 2, "II.1"},
      {5, 4, 0, "II.2"},    {6, 5, 4, "II.2.1"},   {7, 6, 5, "II.2.1.a"}, {8, 7, 6, "II.2.1.a"},
      {9, 8, 5, "II.2.1.b"}, {10, 9, 0, "II.3"},
  };
  for (const auto& w : kWant) {
    EXPECT_EQ(o[w.index].parent, w.parent) << "case " << w.id;
    EXPECT_EQ(o[w.index].section, w.section) << "case " << w.id;
  }
}

}  // namespace
}  // namespace dondoc::notice
