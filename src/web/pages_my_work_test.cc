// "Việc của tôi" is kept per unit scope until the next commit: a write shows at once, and a unit
// never sees another unit's cached page.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "web/pages_testing.h"

namespace dondoc::web {
namespace {

using testing::DemoSite;
using testing::kPassword;
using testing::Session;

class MyWorkPageTest : public ::testing::Test {
 protected:
  std::unique_ptr<DemoSite> site_ = std::make_unique<DemoSite>();
};

// The four counts at the top of the page: overdue, this week, waiting for a report, all.
std::vector<std::string> Counts(const std::string& body) {
  std::vector<std::string> out;
  std::regex re("<div class=\"n\">([0-9]+)</div>");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

TEST_F(MyWorkPageTest, AWriteShowsAtOnceAndUnitsDoNotShareTheirPage) {
  Session tckh = site_->Login("tckh");
  Session congan = site_->Login("congan");
  auto first = site_->Send("GET", "/my", "", &tckh);
  ASSERT_EQ(first.status, 200);
  std::vector<std::string> before = Counts(first.body);
  ASSERT_EQ(before.size(), 4u);
  ASSERT_GT(std::stoi(before[2]), 0) << "the demo has tasks waiting for tckh's report";
  EXPECT_EQ(site_->Send("GET", "/my", "", &tckh).body, first.body) << "served again unchanged";

  // Another unit's page is its own.
  auto other = site_->Send("GET", "/my", "", &congan);
  ASSERT_EQ(other.status, 200);
  EXPECT_NE(other.body.find("· Công an thị xã</span>"), std::string::npos);
  EXPECT_EQ(other.body.find("· Phòng Tài chính - Kế hoạch</span>"), std::string::npos);

  // tckh reports on one waiting task (lead): the next page counts one fewer waiting.
  auto caller = site_->service->AuthenticateSession(tckh.cookie.substr(tckh.cookie.find('=') + 1));
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  std::smatch m;
  std::string waiting = first.body.substr(first.body.find("id=\"waiting\""));
  ASSERT_TRUE(std::regex_search(waiting, m, std::regex("href=\"/tasks/([0-9]+)\"")));
  auto report =
      site_->service->ReportProgress(*caller, std::stol(m[1]), "Đã triển khai", 30, false);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::vector<std::string> after = Counts(site_->Send("GET", "/my", "", &tckh).body);
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(std::stoi(after[2]), std::stoi(before[2]) - 1);
}

// A group shows at most 200 rows, but its count is of every task in it.
TEST_F(MyWorkPageTest, CountsGoPastTheRowsShown) {
  Session tckh = site_->Login("tckh");
  auto caller = site_->service->AuthenticateSession(tckh.cookie.substr(tckh.cookie.find('=') + 1));
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  const std::vector<std::string> before = Counts(site_->Send("GET", "/my", "", &tckh).body);
  ASSERT_EQ(before.size(), 4u);
  // 210 more tasks led by tckh, due a month before the demo's today: all overdue.
  Status st = site_->store->InTransaction([&](store::StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks, tx.ListNoticeTasks(site_->tenant, 1));
    domain::Task t = tasks.front();
    t.lead_unit_ids = caller->own_units;
    t.support_unit_ids.clear();
    t.status = domain::StoredStatus::kOpen;
    t.deadline.kind = domain::DeadlineKind::kDate;
    t.start_date = text::Date{2023, 5, 1};
    t.due = text::Date{2023, 6, 3};
    for (int i = 0; i < 210; ++i) {
      t.ref = "X" + std::to_string(i);
      DONDOC_RETURN_IF_ERROR(tx.CreateTask(t).status());
    }
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  auto page = site_->Send("GET", "/my", "", &tckh);
  const std::vector<std::string> after = Counts(page.body);
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(std::stoi(after[0]), std::stoi(before[0]) + 210);
  const std::string overdue =
      page.body.substr(page.body.find("id=\"overdue\""),
                       page.body.find("id=\"week\"") - page.body.find("id=\"overdue\""));
  std::set<std::string> rows;  // the tasks linked from the group (a row links twice)
  std::regex link("href=\"/tasks/([0-9]+)\"");
  for (auto it = std::sregex_iterator(overdue.begin(), overdue.end(), link);
       it != std::sregex_iterator(); ++it) {
    rows.insert((*it)[1]);
  }
  EXPECT_EQ(rows.size(), 200u);
}

}  // namespace
}  // namespace dondoc::web
