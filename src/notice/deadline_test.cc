#include "notice/deadline.h"

#include <gtest/gtest.h>

#include "text/calendar.h"

namespace dondoc::notice {
namespace {

struct DeadlineCase {
  int id;
  const char* text;
  Deadline::Kind kind;
  const char* date;  // ISO or ""
  Deadline::Every every;
};

TEST(ParseDeadline, Cases) {
  using K = Deadline::Kind;
  using E = Deadline::Every;
  const DeadlineCase kCases[] = {
      {1, "gửi Phòng Tài chính - Kế hoạch chậm nhất trong ngày 22/6/2023.", K::kDate, "2023-06-22",
       E::kMonth},
      {2, "báo cáo UBND tỉnh trước ngày 25/6/2023.", K::kDate, "2023-06-25", E::kMonth},
      {3, "trình Thủ tướng xem xét, quyết định trước ngày 20 tháng 10 năm 2024.", K::kDate,
       "2024-10-20", E::kMonth},
      {4, "thời gian thực hiện xong trong tháng 6/2026;", K::kDate, "2026-06-30", E::kMonth},
      {5, "trình Chính phủ trong quý III năm 2012.", K::kDate, "2012-09-30", E::kMonth},
      {6, "hoàn thành quý III/2023", K::kDate, "", E::kMonth},  // no cue: not a deadline
      {7, "trong quý III/2023", K::kDate, "2023-09-30", E::kMonth},
      {8, "phấn đấu hoàn thành cuối năm 2023", K::kDate, "2023-12-31", E::kMonth},
      {9, "định hướng từ nay đến cuối năm 2023", K::kNone, "", E::kMonth},
      {10, "hoàn thành trong năm 2026", K::kDate, "2026-12-31", E::kMonth},
      {11, "Đề án lúa gạo đến năm 2030 và các Thỏa thuận", K::kNone, "", E::kMonth},
      {12, "hàng tuần, hàng tháng kịp thời báo cáo", K::kRecurring, "", E::kWeek},
      {13, "định kỳ hằng quý báo cáo", K::kRecurring, "", E::kQuarter},
      {14, "xây dựng kế hoạch thanh tra hàng năm", K::kRecurring, "", E::kYear},
      {15, "xây dựng kế hoạch 5 năm và hằng năm", K::kNone, "", E::kMonth},
      {16, "Báo cáo 6 tháng: gửi trước ngày 05/7", K::kRecurring, "2023-07-05", E::kYear},
      {17, "Thường xuyên kiểm tra", K::kOngoing, "", E::kMonth},
      {18, "khẩn trương rà soát", K::kNone, "", E::kMonth},
      {19, "đến ngày 30/6/2023, giải ngân đạt khoảng 60% và đến ngày 31/12/2023, đạt 100%",
       K::kDate, "2023-06-30", E::kMonth},
      {20, "theo Quyết định số 406/QĐ-UBND ngày 03/02/2023 của UBND", K::kNone, "", E::kMonth},
      {21, "trong 05 ngày làm việc kể từ ngày ký", K::kDate, "2023-06-22", E::kMonth},
      {22, "trước ngày 30/6 hằng năm", K::kRecurring, "2023-06-30", E::kYear},
      {23, "trước khi trình Thủ tướng Chính phủ", K::kNone, "", E::kMonth},
      {24, "Hàng năm, tiến hành rà soát. Đến năm 2015, hoàn thành chương trình", K::kRecurring,
       "2015-12-31", E::kYear},
      {25, "trong 6 tháng cuối năm 2023", K::kNone, "", E::kMonth},
      {26, "sơ tán người dân đến nơi an toàn trước 17 giờ ngày 24/8/2025.", K::kDate, "2025-08-24",
       E::kMonth},
      {27, "chậm nhất 10 giờ 30 phút, ngày 05/7/2023", K::kDate, "2023-07-05", E::kMonth},
      {28, "báo cáo trước 16h00 ngày 20/6", K::kDate, "2023-06-20", E::kMonth},
      {29, "trước 17 giờ hằng ngày", K::kRecurring, "", E::kWeek},  // a time with no day
      {30, "trong quý IV", K::kDate, "2023-12-31", E::kMonth},
      {31, "trước quý iii năm 2024", K::kDate, "2024-06-30", E::kMonth},
      {32, "đến hết quý 2/2024", K::kDate, "2024-06-30", E::kMonth},
      {33, "trong quý iiii", K::kNone, "", E::kMonth},
      {34, "trước tháng 7 năm 2024", K::kDate, "2024-06-30", E::kMonth},
      {35, "trước ngày 123/6/2023", K::kNone, "", E::kMonth},
      {36, "trước ngày 15/6/20234", K::kNone, "", E::kMonth},
      {37, "trong thời hạn 10 ngày, kể từ ngày ban hành", K::kDate, "2023-06-25", E::kMonth},
      {38, "trong năm 2024 - 2025", K::kDate, "2025-12-31", E::kMonth},
      {39, "tổng kết năm 2023 và báo cáo quý", K::kRecurring, "", E::kQuarter},
      {40, "hằng tháng, liên tục", K::kRecurring, "", E::kMonth},
  };
  static const text::HolidayCalendar cal = text::HolidayCalendar::VietnamDefault();
  DeadlineContext ctx;
  ctx.document_date = text::Date{2023, 6, 15};  // a Thursday
  ctx.default_year = 2023;
  ctx.calendar = &cal;
  for (const auto& c : kCases) {
    Deadline d = ParseDeadline(c.text, ctx);
    if (c.id == 6) {
      EXPECT_EQ(d.kind, K::kNone) << "case " << c.id;
      continue;
    }
    EXPECT_EQ(d.kind, c.kind) << "case " << c.id << ": " << c.text;
    if (c.date[0] != '\0') {
      ASSERT_TRUE(d.date.has_value()) << "case " << c.id;
      EXPECT_EQ(d.date->ToIso(), c.date) << "case " << c.id;
    }
    if (c.kind == K::kRecurring) {
      EXPECT_EQ(d.every, c.every) << "case " << c.id;
    }
  }
}

TEST(ParseDeadline, PhraseQuotesTheText) {
  DeadlineContext ctx;
  ctx.default_year = 2023;
  EXPECT_EQ(ParseDeadline("Gửi trước 17 giờ ngày 24/8/2025.", ctx).phrase,
            "trước 17 giờ ngày 24/8/2025");
  EXPECT_EQ(ParseDeadline("Báo cáo Hằng Quý", ctx).phrase, "Hằng Quý");
  EXPECT_EQ(ParseDeadline("Thực hiện Thường xuyên", ctx).phrase, "Thường xuyên");
}

TEST(ParseDeadline, BlankDocumentDateGivesNoneForCountedPeriods) {
  DeadlineContext ctx;
  ctx.default_year = 2023;
  EXPECT_EQ(ParseDeadline("trong 05 ngày làm việc kể từ ngày ký", ctx).kind, Deadline::Kind::kNone);
}

TEST(FindDeadlineDates, ReportsUnreadableDates) {
  DeadlineContext ctx;
  ctx.default_year = 2023;
  std::vector<DeadlineProblem> problems;
  std::vector<DatePhrase> dates =
      FindDeadlineDates("hoàn thành trước ngày 31/02/2023.", ctx, &problems);
  EXPECT_TRUE(dates.empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].begin, 0u);  // the phrase with its cue
  EXPECT_EQ(problems[0].end, std::string("hoàn thành trước ngày 31/02/2023").size());
}

}  // namespace
}  // namespace dondoc::notice
