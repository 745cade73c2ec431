#include "web/task_list_view.h"

#include <gtest/gtest.h>

#include "web/templates.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

TEST(TaskListQueryTest, ParsesAndWritesBack) {
  struct Case {
    int n;
    http::QueryParams in;
    std::string want;
  } cases[] = {
      {1, {}, ""},
      {2, {{"q", "giải ngân"}, {"unit", "3"}}, "q=gi%E1%BA%A3i%20ng%C3%A2n&unit=3"},
      {3,
       {{"status", "overdue"}, {"overdue", "true"}, {"page", "2"}},
       "status=overdue&overdue=true&page=2"},
      {4, {{"status", "bogus"}, {"unit", "x"}, {"role", "boss"}, {"page", "-1"}}, ""},
      {5, {{"due_after", "2023-06-01"}, {"due_before", "2023-13-01"}}, "due_after=2023-06-01"},
      {6,
       {{"sort", "notice"}, {"notice", "4"}, {"field", "2"}, {"role", "lead"}},
       "role=lead&notice=4&field=2&sort=notice"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(TaskListQuery::FromParams(c.in).ToQueryString(), c.want) << "case " << c.n;
  }
  EXPECT_EQ(TaskListQuery::FromParams({{"q", "a&b"}}).ToQueryString(3), "q=a%26b&page=3");
}

domain::Task MakeTask(domain::Id id, std::optional<text::Date> due, domain::StoredStatus st) {
  domain::Task t;
  t.id = id;
  t.notice_id = 1;
  t.ref = "II.1";
  t.text = "Nhiệm vụ <" + std::to_string(id) + ">";
  t.due = due;
  t.status = st;
  t.lead_unit_ids = {10};
  t.support_unit_ids = {11};
  t.progress = 30;
  return t;
}

TEST(TaskRowJsonTest, StatusAndUnits) {
  Names names;
  names.units = {{10, "Phòng Tài chính - Kế hoạch"}, {11, "Công an thị xã"}};
  names.notices = {{1, "406/TB-UBND"}};
  const text::Date as_of{2023, 7, 1};
  struct Case {
    int n;
    std::optional<text::Date> due;
    domain::StoredStatus st;
    std::string code;
    bool overdue;
  } cases[] = {
      {1, text::Date{2023, 6, 22}, domain::StoredStatus::kOpen, "overdue", true},
      {2, text::Date{2023, 7, 1}, domain::StoredStatus::kOpen, "in_progress", false},
      {3, std::nullopt, domain::StoredStatus::kOpen, "in_progress", false},
      {4, text::Date{2023, 6, 22}, domain::StoredStatus::kPaused, "paused", false},
      {5, text::Date{2023, 6, 22}, domain::StoredStatus::kPendingConfirmation,
       "pending_confirmation", true},
  };
  for (const auto& c : cases) {
    json row = TaskRowJson(MakeTask(5, c.due, c.st), names, as_of);
    EXPECT_EQ(row["status"]["code"], c.code) << "case " << c.n;
    EXPECT_EQ(row["overdue"], c.overdue) << "case " << c.n;
    EXPECT_EQ(row["lead"][0]["name"], "Phòng Tài chính - Kế hoạch") << "case " << c.n;
    EXPECT_EQ(row["notice"], "406/TB-UBND") << "case " << c.n;
  }
  EXPECT_EQ(TaskRowJson(MakeTask(5, text::Date{2023, 6, 22}, domain::StoredStatus::kOpen), names,
                        as_of)["due"],
            "22/06/2023");
}

TEST(TaskListJsonTest, PagerAndRendering) {
  TaskListData d;
  d.query = TaskListQuery::FromParams({{"status", "overdue"}, {"page", "2"}});
  d.total = 60;
  d.as_of = {2023, 7, 1};
  for (int i = 0; i < 25; ++i) {
    d.tasks.push_back(MakeTask(26 + i, text::Date{2023, 6, 1}, domain::StoredStatus::kOpen));
  }
  d.units = {{10, 1, "Phòng Tài chính - Kế hoạch", {}, "phong", std::nullopt}};
  d.names.units = {{10, "Phòng Tài chính - Kế hoạch"}};
  json j = TaskListJson(d);
  EXPECT_EQ(j["prev_href"], "/tasks?status=overdue");
  EXPECT_EQ(j["next_href"], "/tasks?status=overdue&page=3");
  EXPECT_EQ(j["page_label"], "Trang 2/3");
  EXPECT_EQ(j["export_href"], "/export/tasks.xlsx?status=overdue");
  EXPECT_EQ(j["summary"], "Hiển thị 26–50 trên 60 nhiệm vụ · tình trạng tính đến ngày 01/07/2023");
  auto html = RenderTemplate("tasks", j);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("Nhiệm vụ &lt;26&gt;"), std::string::npos);
  EXPECT_NE(html->find("<option value=\"overdue\" selected>"), std::string::npos);
  EXPECT_NE(html->find("href=\"/tasks/26\""), std::string::npos);
  EXPECT_EQ(html->find("Không có nhiệm vụ nào"), std::string::npos);

  d.tasks.clear();
  d.total = 0;
  html = RenderTemplate("tasks", TaskListJson(d));
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("Không có nhiệm vụ nào khớp với bộ lọc."), std::string::npos);
}

}  // namespace
}  // namespace dondoc::web
