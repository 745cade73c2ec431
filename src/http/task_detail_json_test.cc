// GET /api/v1/tasks/{id} and the pages of GET /api/v1/tasks are written without a DOM
// (TaskDetailBody, TaskListBody). These tests hold it to the
// answer the nlohmann DOM gave before, byte for byte: for hand-made views with every kind of
// odd value, and through the API for a task with reports, extensions, comments, a file,
// occurrences and history.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "app/service.h"
#include "app/test_tenant.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/dispatch.h"
#include "http/message.h"
#include "http/unit_names.h"

namespace dondoc::http {
namespace {

using app::testing::D;
using nlohmann::json;

// The answer as api_tasks.cc built it until TaskDetailBody replaced it.
std::string DomDetail(const app::TaskView& v, const UnitNames& names, text::Date today) {
  json j = TaskJson(v.detail.task, names, today);
  json reports = json::array();
  for (const auto& r : v.detail.reports) reports.push_back(ReportJson(r));
  json extensions = json::array();
  for (const auto& e : v.detail.extensions) extensions.push_back(ExtensionJson(e));
  json comments = json::array();
  for (const auto& cm : v.detail.comments) comments.push_back(CommentJson(cm));
  json attachments = json::array();
  for (const auto& a : v.detail.attachments) attachments.push_back(AttachmentJson(a));
  json occurrences = json::array();
  for (const auto& o : v.detail.occurrences) {
    occurrences.push_back({{"id", o.id},
                           {"period_start", o.period_start.ToIso()},
                           {"period_end", o.period_end.ToIso()},
                           {"due", o.due.ToIso()},
                           {"done_date", DateJson(o.done_date)}});
  }
  json history = json::array();
  for (const auto& e : v.detail.history) history.push_back(AuditJson(e));
  j["reports"] = reports;
  j["extensions"] = extensions;
  j["comments"] = comments;
  j["attachments"] = attachments;
  j["occurrences"] = occurrences;
  j["history"] = history;
  return Response::Json(200, j).body;
}

// A view with two of everything and text that needs escaping or replacing.
app::TaskView OddView() {
  app::TaskView v;
  domain::Task& t = v.detail.task;
  t.id = 42;
  t.notice_id = 7;
  t.draft = false;
  t.ref = "II.2.1.a";
  t.section = "II.2";
  t.text = "Sở Tài chính chủ trì \"rà soát\"\n\tbáo cáo\\kết quả \x01 và \xff hết.";
  t.span_start = 10;
  t.span_end = 95;
  t.deadline.kind = domain::DeadlineKind::kDate;
  t.deadline.date = D("2023-06-30");
  t.deadline.phrase = "trước ngày 30/6/2023";
  t.due = D("2023-07-15");
  t.original_due = D("2023-06-30");
  t.targets_json = R"([{"value":66882,"unit":"ha","text":"66.882 ha"}])";
  t.urgent = true;
  t.lead_unit_ids = {3};
  t.support_unit_ids = {4, 999};  // 999: not in the directory, name ""
  t.progress = 40;
  t.updated_at = 1688190000;
  for (int i = 0; i < 2; ++i) {
    domain::ProgressReport r;
    r.id = 100 + i;
    r.task_id = t.id;
    r.unit_id = 3;
    r.user_id = 9;
    r.text = i == 0 ? "Đã làm 40%" : "Xong \"phần 1\"\r\n";
    r.percent = 40 * i;
    r.done = i == 1;
    r.created_at = 1688000000 + i * 86400;
    v.detail.reports.push_back(r);
    domain::Extension e;
    e.id = 200 + i;
    e.task_id = t.id;
    e.requested_by = 9;
    e.reason = "Chờ ý kiến\tSở Xây dựng";
    e.requested_due = D("2023-07-15");
    if (i == 1) {
      e.previous_due = D("2023-06-30");
      e.status = domain::ExtensionStatus::kApproved;
      e.decided_by = 2;
      e.decision_note = "Đồng ý";
      e.decided_at = 1688100000;
    }
    e.created_at = 1688050000;
    v.detail.extensions.push_back(e);
    domain::Comment c;
    c.id = 300 + i;
    c.task_id = t.id;
    c.user_id = 2;
    c.text = i == 0 ? "" : "Lưu ý: \\ và / và \x7f";
    c.created_at = -5;
    v.detail.comments.push_back(c);
    domain::Attachment a;
    a.id = 400 + i;
    a.owner_kind = i == 0 ? "task" : "report";
    a.owner_id = i == 0 ? t.id : 101;
    a.filename = "Báo cáo \"quý 2\".pdf";
    a.mime = "application/pdf";
    a.size = 5000000000;
    a.sha256 = std::string(64, 'a');
    a.created_at = 1688000500;
    v.detail.attachments.push_back(a);
    domain::Occurrence o;
    o.id = 500 + i;
    o.task_id = t.id;
    o.period_start = D(i == 0 ? "2023-05-01" : "2023-06-01");
    o.period_end = D(i == 0 ? "2023-05-31" : "2023-06-30");
    o.due = o.period_end;
    if (i == 0) o.done_date = D("2023-05-29");
    v.detail.occurrences.push_back(o);
  }
  const char* befores[] = {"",
                           R"({"status":"open","progress":0})",
                           "{}",
                           "not json",
                           R"({"n":1.25})",
                           "{\"s\":\"\xff\"}"};
  const char* afters[] = {
      R"({"report_id":100,"progress":40})", "",  R"({"note":"a \"b\""})", "[1,2",
      R"({"z":[{"b":1,"a":2}],"a":null})",  "42"};
  for (int i = 0; i < 6; ++i) {
    domain::AuditEntry e;
    e.id = 600 + i;
    if (i % 2 == 0) e.user_id = 9;
    e.at = 1688000000 + i;
    e.action = "task_report";
    e.entity = "task";
    e.entity_id = t.id;
    e.before_json = befores[i];
    e.after_json = afters[i];
    v.detail.history.push_back(e);
  }
  return v;
}

UnitNames Names() {
  auto map = std::make_shared<UnitNames::Map>();
  (*map)[3] = "Sở Tài chính";
  (*map)[4] = "Công an \"tỉnh\"";
  return UnitNames(map);
}

TEST(TaskDetailBodyTest, MatchesTheDomAnswerForOddValues) {
  const app::TaskView v = OddView();
  for (text::Date today : {D("2023-07-01"), D("2023-07-20")}) {
    EXPECT_EQ(TaskDetailBody(v, Names(), today), DomDetail(v, Names(), today));
    EXPECT_EQ(TaskDetailBody(v, UnitNames(), today), DomDetail(v, UnitNames(), today));
  }
}

TEST(TaskDetailBodyTest, MatchesTheDomAnswerForEveryDeadlineAndStatus) {
  // Numbered cases: a deadline kind, a phrase or none, a stored status, targets text.
  struct Case {
    domain::DeadlineKind kind;
    const char* phrase;
    domain::StoredStatus status;
    const char* targets;
  };
  const Case cases[] = {
      /* 0 */ {domain::DeadlineKind::kNone, "", domain::StoredStatus::kOpen, "[]"},
      /* 1 */ {domain::DeadlineKind::kDate, "", domain::StoredStatus::kDone, ""},
      /* 2 */
      {domain::DeadlineKind::kRecurring, "hằng quý", domain::StoredStatus::kPaused, "not json"},
      /* 3 */
      {domain::DeadlineKind::kOngoing, "thường xuyên", domain::StoredStatus::kPendingConfirmation,
       R"([{"x":1.5}])"},
      /* 4 */
      {domain::DeadlineKind::kDate, "cuối năm", domain::StoredStatus::kReturned,
       R"( [ {"b":2,"a":1} ] )"},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    app::TaskView v;
    domain::Task& t = v.detail.task;
    t.id = 1;
    t.deadline.kind = cases[i].kind;
    t.deadline.every = domain::Every::kQuarter;
    t.deadline.phrase = cases[i].phrase;
    if (cases[i].kind == domain::DeadlineKind::kDate) t.due = D("2023-06-30");
    t.status = cases[i].status;
    if (t.status == domain::StoredStatus::kDone) t.done_date = D("2023-06-29");
    t.targets_json = cases[i].targets;
    for (text::Date today : {D("2023-06-01"), D("2023-07-01")}) {
      EXPECT_EQ(TaskDetailBody(v, Names(), today), DomDetail(v, Names(), today)) << "case " << i;
    }
  }
}

// The list body (TaskListBody) is ListJson of TaskJson, byte for byte: none, one and several
// tasks, odd values, a total beyond the page.
TEST(TaskListBodyTest, MatchesTheDomAnswer) {
  std::vector<domain::Task> tasks;
  for (const text::Date today : {D("2023-07-01"), D("2023-07-20")}) {
    for (size_t n = 0; n <= 3; ++n) {
      tasks.clear();
      for (size_t i = 0; i < n; ++i) {
        domain::Task t = OddView().detail.task;
        t.id = static_cast<domain::Id>(42 + i);
        if (i == 1) {
          t.deadline.phrase.clear();
          t.lead_unit_ids.clear();
          t.targets_json = "x";
        }
        if (i == 2) {
          t.status = domain::StoredStatus::kDone;
          t.done_date = D("2023-07-10");
        }
        tasks.push_back(t);
      }
      const long total = static_cast<long>(n) * 40;
      nlohmann::json items = nlohmann::json::array();
      for (const domain::Task& t : tasks) items.push_back(TaskJson(t, Names(), today));
      EXPECT_EQ(TaskListBody(tasks, total, Names(), today),
                Response::Json(200, ListJson(items, total)).body)
          << n << " tasks";
    }
  }
}

// Through the API: a recurring task of unit A (supported by B) with two reports, an approved and
// a pending extension, a comment, a file, its periods and the audit rows of all that.
class TaskDetailApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_.Build([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(unit_a_, t_.AddUnit(tx, "Sở Tài chính"));
      DONDOC_ASSIGN_OR_RETURN(unit_b_, t_.AddUnit(tx, "Công an tỉnh"));
      DONDOC_ASSIGN_OR_RETURN(unit_c_, t_.AddUnit(tx, "Sở Y tế"));
      DONDOC_ASSIGN_OR_RETURN(domain::Id notice, t_.AddNotice(tx, "text", "aa"));
      domain::Task t;
      t.tenant_id = t_.tenant;
      t.notice_id = notice;
      t.text = "Báo cáo \"tiến độ\" giải ngân hằng tháng";
      t.deadline.kind = domain::DeadlineKind::kRecurring;
      t.deadline.every = domain::Every::kMonth;
      t.deadline.phrase = "hằng tháng";
      t.start_date = D("2023-03-01");
      t.targets_json = R"([{"unit":"%","value":95}])";
      t.lead_unit_ids = {unit_a_};
      t.support_unit_ids = {unit_b_};
      DONDOC_ASSIGN_OR_RETURN(task_, tx.CreateTask(t));
      return tx.ActivateNotice(t_.tenant, notice, 1);
    });
    office_ = t_.AddUser("office", domain::Role::kOffice, std::nullopt);
    clerk_a_ = t_.AddUser("clerk_a", domain::Role::kUnit, unit_a_);
    clerk_c_ = t_.AddUser("clerk_c", domain::Role::kUnit, unit_c_);
    for (const char* name : {"office", "clerk_a", "clerk_c"}) {
      tokens_[name] = t_.service->CreateApiToken(nullptr, name, "test").value();
    }
    app::Service& s = *t_.service;
    ASSERT_TRUE(s.ReportProgress(clerk_a_, task_, "Đã giải ngân 30%", 30, false).ok());
    ASSERT_TRUE(s.ReportProgress(clerk_a_, task_, "Vướng \"mặt bằng\"\nchờ xử lý", 45, false).ok());
    Result<domain::Extension> e = s.RequestExtension(clerk_a_, task_, D("2023-09-30"), "Chờ vốn");
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    ASSERT_TRUE(s.DecideExtension(office_, e->id, true, "Đồng ý").ok());
    ASSERT_TRUE(s.RequestExtension(clerk_a_, task_, D("2023-10-31"), "Thêm thời gian").ok());
    ASSERT_TRUE(s.AddComment(office_, task_, "Đề nghị khẩn trương \\ báo cáo").ok());
    Result<domain::Attachment> a =
        s.AddAttachment(clerk_a_, task_, "Báo cáo quý.pdf", "application/pdf", "%PDF-1.4 x");
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ApiOptions options;
    options.data_version = [this] { return t_.store->DataVersion(); };
    options.auth_version = [this] { return t_.store->AuthVersion(); };
    RegisterApi(router_, *t_.service, options);
  }

  Response Get(const std::string& who) {
    Request req;
    req.method = "GET";
    req.path = req.target = "/api/v1/tasks/" + std::to_string(task_);
    req.headers["authorization"] = "Bearer " + tokens_[who];
    req.remote_address = "127.0.0.1";
    return Dispatch(router_, req);
  }

  // What the DOM answer would be for `caller` now.
  std::string Expected(const app::Caller& caller) {
    Result<app::TaskView> v = t_.service->GetTask(caller, task_);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    if (!v.ok()) return "";
    UnitNamesCache names(*t_.service, nullptr);
    return DomDetail(*v, names.Get(caller), t_.clock.Today());
  }

  app::testing::TestTenant t_{D("2023-07-01")};
  Router router_;
  domain::Id unit_a_ = 0, unit_b_ = 0, unit_c_ = 0, task_ = 0;
  app::Caller office_, clerk_a_, clerk_c_;
  std::map<std::string, std::string> tokens_;
};

TEST_F(TaskDetailApiTest, TheAnswerIsTheDomAnswerByteForByte) {
  const Response office = Get("office");
  ASSERT_EQ(office.status, 200) << office.Body();
  EXPECT_EQ(office.Body(), Expected(office_));
  // The task has every part this test is about.
  const json j = json::parse(office.Body());
  EXPECT_EQ(j["reports"].size(), 2u);
  EXPECT_EQ(j["extensions"].size(), 2u);
  EXPECT_EQ(j["comments"].size(), 1u);
  EXPECT_EQ(j["attachments"].size(), 1u);
  EXPECT_GE(j["occurrences"].size(), 4u);  // March to July
  EXPECT_GE(j["history"].size(), 6u);
  EXPECT_EQ(j["lead"][0]["name"], "Sở Tài chính");
  EXPECT_EQ(j["support"][0]["name"], "Công an tỉnh");
  EXPECT_EQ(j["extensions"][0]["status"], "approved");
  EXPECT_EQ(j["extensions"][1]["status"], "pending");
  // From the cache, the same bytes.
  EXPECT_EQ(Get("office").Body(), office.Body());

  const Response clerk = Get("clerk_a");
  ASSERT_EQ(clerk.status, 200);
  EXPECT_EQ(clerk.Body(), Expected(clerk_a_));
}

TEST_F(TaskDetailApiTest, AnotherUnitStillGetsNotFound) {
  // First uncached, then after the Office's answer is cached.
  for (int round = 0; round < 2; ++round) {
    const Response r = Get("clerk_c");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.Body().find("giải ngân"), std::string::npos);
    EXPECT_EQ(t_.service->GetTask(clerk_c_, task_).status().code(), StatusCode::kNotFound);
    ASSERT_EQ(Get("office").status, 200);
  }
  EXPECT_EQ(t_.service->GetTask(office_, task_ + 1000).status().code(), StatusCode::kNotFound);
}

// The unit names an answer carries are kept across task writes and follow a renamed unit.
TEST_F(TaskDetailApiTest, UnitNamesFollowARenameAndSurviveAReport) {
  ASSERT_EQ(json::parse(Get("office").Body())["lead"][0]["name"], "Sở Tài chính");
  ASSERT_TRUE(t_.service->ReportProgress(clerk_a_, task_, "Đã giải ngân 60%", 60, false).ok());
  json j = json::parse(Get("office").Body());
  EXPECT_EQ(j["lead"][0]["name"], "Sở Tài chính");
  EXPECT_EQ(j["reports"].size(), 3u);

  Result<domain::Unit> unit = t_.store->GetUnit(t_.tenant, unit_a_);
  ASSERT_TRUE(unit.ok()) << unit.status().ToString();
  unit->name = "Sở Tài chính tỉnh Quảng Ngãi";
  ASSERT_TRUE(
      t_.store->InTransaction([&](store::StoreTx& tx) { return tx.UpdateUnit(*unit); }).ok());
  j = json::parse(Get("office").Body());
  EXPECT_EQ(j["lead"][0]["name"], "Sở Tài chính tỉnh Quảng Ngãi");
  EXPECT_EQ(Get("office").Body(), Expected(office_));
}

}  // namespace
}  // namespace dondoc::http
