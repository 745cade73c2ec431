#include "notice/figures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "notice/dev_corpus_testing.h"
#include "text/utf8.h"

namespace dondoc::notice {
namespace {

TEST(FiguresTest, Snippets) {
  struct Case {
    int n;
    const char* text;
    std::vector<std::pair<double, std::string>> want;  // value, unit
  };
  const Case cases[] = {
      {1, "ước đạt 3,271 tỷ đồng, bằng 27,73% so với dự toán", {{3271000000, "VND"}, {27.73, "%"}}},
      {2, "giải ngân 66.882 triệu đồng, đạt 24,7%", {{66882000000, "VND"}, {24.7, "%"}}},
      {3, "nông thôn mới (7,4%) và giảm nghèo (1,73%).", {{7.4, "%"}, {1.73, "%"}}},
      {4, "Quyết định số 406/QĐ-UBND ngày 03/02/2023 của UBND thị xã", {}},
      {5, "đến hết tháng 05/2023 là 5 tháng đầu năm 2023", {}},
      {6, "2.1. Về thu, chi ngân sách\n2.12. Phòng Tư pháp", {}},
      {7, "đặc biệt là 05 sắc thuế chưa đạt", {{5, "sắc thuế"}}},
      {8, "diễn tập cho 06 xã, phường năm 2023", {{6, "xã, phường"}}},
      {9, "mức độ 3, 4 và Đề án 06, mức 2", {}},
      {10, "giai đoạn 2021-2025, năm học 2023-2024", {}},
      {11, "tăng trưởng đạt 60 - 70%", {{60, "%"}, {70, "%"}}},
      {12, "từ 5 đến 7 tỷ đồng", {{5e9, "VND"}, {7e9, "VND"}}},
      {13, "Luật số 61/2020/QH14, Điều 7, khoản 12 Điều 4", {}},
      {14, "vốn 2,5 triệu USD", {{2500000, "USD"}}},
      {15, "khai thác khoáng sản1. Thực hiện", {}},
      {16, "trồng 50ha rừng và 12 km đường", {{50, "ha"}, {12, "km"}}},
      {17, "có 5 đồng chí Phó Chủ tịch", {}},
      {18, "Cổng Dịch vụ công quốc gia đạt 100%; kịp", {{100, "%"}}},
      {19, "lúc 8 giờ 30 ngày 12 tháng 6", {}},
      {20, "kinh phí 1.234.567.000 đồng", {{1234567000, "VND"}}},
      {21, "tổng vốn đầu tư 150 tỷ, trong đó", {{150e9, "VND"}}},
      {22, "đón 2,5 triệu lượt khách", {{2.5e6, "lượt khách"}}},
      {23, "Đề án một triệu ha lúa và 1 triệu người", {{1e6, "người"}}},
      {24, "dân số khoảng 1,2 triệu.", {}},
  };
  for (const Case& c : cases) {
    std::vector<Figure> got = ExtractFigures(c.text);
    ASSERT_EQ(got.size(), c.want.size()) << "case " << c.n;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_DOUBLE_EQ(got[i].value, c.want[i].first) << "case " << c.n << " #" << i;
      EXPECT_EQ(got[i].unit, c.want[i].second) << "case " << c.n << " #" << i;
    }
  }
}

TEST(FiguresTest, QuoteSpanAndContext) {
  const std::string doc =
      "Công tác thu ngân sách: tổng thu ngân sách nhà nước trên địa bàn thị xã tháng 5 ước đạt "
      "3,271 tỷ đồng, lũy kế 5 tháng ước đạt 70,264 tỷ đồng, bằng 27,73% so với dự toán; nông "
      "thôn mới (7,4%).";
  std::vector<Figure> got = ExtractFigures(doc);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].quote, "3,271 tỷ đồng");
  EXPECT_EQ(got[0].context, "tổng thu ngân sách nhà nước trên địa bàn thị xã tháng 5 ước đạt");
  long start = text::CodePointCount(doc, doc.find("3,271"));
  EXPECT_EQ(got[0].span.start, start);
  EXPECT_EQ(got[0].span.end, start + 13);
  EXPECT_EQ(got[2].quote, "27,73%");
  EXPECT_EQ(got[2].context, "lũy kế 5 tháng ước đạt 70,264 tỷ đồng, bằng");
  EXPECT_EQ(got[3].quote, "(7,4%)");
  EXPECT_EQ(got[3].context, "nông thôn mới");
}

// The scorer's figure F1 (money and percentages, compared by value) over the dev corpus.
TEST(FiguresTest, DevCorpusMoneyAndPercent) {
  std::vector<testing::DevNotice> corpus = testing::LoadDevCorpus();
  ASSERT_EQ(corpus.size(), 5u);
  int tp = 0, fp = 0, fn = 0;
  auto key = [](const std::string& unit, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %.6g", unit.c_str(), v);
    return std::string(buf);
  };
  for (const testing::DevNotice& n : corpus) {
    std::vector<std::string> gold, pred;
    for (const auto& f : n.gold["figures"]) {
      std::string unit = f["unit"].get<std::string>();
      if (unit == "%" || unit == "VND") gold.push_back(key(unit, f["value"].get<double>()));
    }
    for (const Figure& f : ExtractFigures(n.text)) {
      if (f.unit == "%" || f.unit == "VND") pred.push_back(key(f.unit, f.value));
    }
    for (const std::string& g : gold) {
      auto it = std::find(pred.begin(), pred.end(), g);
      if (it == pred.end()) {
        ++fn;
        ADD_FAILURE() << n.name << ": missed figure " << g;
      } else {
        ++tp;
        pred.erase(it);
      }
    }
    for (const std::string& p : pred) {
      ++fp;
      ADD_FAILURE() << n.name << ": extra figure " << p;
    }
  }
  double precision = tp + fp ? double(tp) / (tp + fp) : 1;
  double recall = tp + fn ? double(tp) / (tp + fn) : 1;
  double f1 = precision + recall ? 2 * precision * recall / (precision + recall) : 0;
  std::printf("dev figure_f1 = %.3f (tp %d, fp %d, fn %d)\n", f1, tp, fp, fn);
  EXPECT_GE(f1, 0.95);
}

}  // namespace
}  // namespace dondoc::notice
