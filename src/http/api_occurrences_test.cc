// The occurrence routes over a real listener and the test client: a monthly task confirmed in
// April, read in July (three missed months), reported on by its lead unit, completed by the
// Office; authorisation, error shapes and the scorecard that counts the periods.
#include "http/api_occurrences.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/bulk.h"
#include "http/api.h"
#include "http/test_client.h"
#include "http/test_server.h"
#include "store/sqlite_store.h"

namespace dondoc::http {
namespace {

using nlohmann::json;
using testing::Client;
using testing::ClientResponse;

text::Date D(const char* iso) { return *text::Date::FromIso(iso); }

class OccurrenceRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::OpenSqliteStore({":memory:"})).value();
    Status st = store_->InTransaction([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(tenant_, tx.CreateTenant({0, "t", "T", 0}));
      for (const char* name : {"A", "B"}) {
        domain::Unit u;
        u.tenant_id = tenant_;
        u.name = name;
        DONDOC_ASSIGN_OR_RETURN(unit_[name], tx.CreateUnit(u));
      }
      domain::Notice n;
      n.tenant_id = tenant_;
      n.text = "text";
      n.sha256 = "aa";
      DONDOC_ASSIGN_OR_RETURN(notice_, tx.CreateNotice(n));
      domain::Task t;
      t.tenant_id = tenant_;
      t.notice_id = notice_;
      t.text = "Báo cáo hàng tháng";
      t.deadline.kind = domain::DeadlineKind::kRecurring;
      t.deadline.every = domain::Every::kMonth;
      t.lead_unit_ids = {unit_["A"]};
      DONDOC_ASSIGN_OR_RETURN(task_, tx.CreateTask(t));
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
    service_ = std::make_unique<app::Service>(*store_, clock_, hasher_, tenant_);
    const std::pair<const char*, domain::Role> users[] = {{"office", domain::Role::kOffice},
                                                          {"unit_a", domain::Role::kUnit},
                                                          {"unit_b", domain::Role::kUnit},
                                                          {"viewer", domain::Role::kViewer}};
    for (const auto& [name, role] : users) {
      domain::User u;
      u.username = name;
      u.role = role;
      if (std::string(name) == "unit_a") u.unit_id = unit_["A"];
      if (std::string(name) == "unit_b") u.unit_id = unit_["B"];
      ASSERT_TRUE(service_->CreateUser(nullptr, u, "password123").ok());
      token_[name] = std::move(service_->CreateApiToken(nullptr, name, "test")).value();
    }
    app::Caller office = std::move(service_->CallerFor(1)).value();
    ASSERT_TRUE(service_->ConfirmNotice(&office, notice_).ok());

    RegisterApi(router_, *service_);
    ServerOptions options;
    options.threads = 2;
    server_ = std::make_unique<testing::TestServer>(options, router_);
  }

  void TearDown() override { server_.reset(); }

  ClientResponse Call(const std::string& who, const std::string& method, const std::string& target,
                      const std::string& body = "") {
    Client c(server_->port());
    return c.Send(method, target, body, body.empty() ? "" : "application/json",
                  {{"Authorization", "Bearer " + token_[who]}});
  }

  static std::string Code(const ClientResponse& r) {
    json j = json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
  }

  std::string Occurrences() { return "/api/v1/tasks/" + std::to_string(task_) + "/occurrences"; }

  std::unique_ptr<store::Store> store_;
  app::FixedClock clock_{app::FixedClock::NoonOf(D("2023-04-10"))};
  app::PasswordHasher hasher_{app::HasherOptions::ForTests()};
  std::unique_ptr<app::Service> service_;
  domain::Id tenant_ = 0, notice_ = 0, task_ = 0;
  std::map<std::string, domain::Id> unit_;
  std::map<std::string, std::string> token_;
  Router router_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(OccurrenceRoutesTest, ListReportCompleteAndScore) {
  clock_.Set(app::FixedClock::NoonOf(D("2023-07-05")));
  ClientResponse r = Call("unit_a", "GET", Occurrences());
  ASSERT_EQ(r.status, 200) << r.body;
  json list = json::parse(r.body);
  ASSERT_EQ(list["total"], 4);
  ASSERT_EQ(list["items"].size(), 4u);
  const char* want_status[] = {"overdue", "overdue", "overdue", "in_progress"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(list["items"][i]["status"], want_status[i]) << i;
    EXPECT_EQ(list["items"][i]["overdue"], i < 3) << i;
  }
  EXPECT_EQ(list["items"][0]["period_start"], "2023-04-01");
  EXPECT_EQ(list["items"][0]["due"], "2023-04-30");
  const std::string april = std::to_string(list["items"][0]["id"].get<long>());
  const std::string may = std::to_string(list["items"][1]["id"].get<long>());

  // The task itself reads as overdue, due its oldest missed period.
  r = Call("office", "GET", "/api/v1/tasks/" + std::to_string(task_));
  ASSERT_EQ(r.status, 200);
  json task = json::parse(r.body);
  EXPECT_EQ(task["status"], "overdue");
  EXPECT_EQ(task["due"], "2023-04-30");
  EXPECT_EQ(task["occurrences"].size(), 4u);
  // A new due date set on it by the Office keeps it recurring, and its periods with it (a task
  // read looks up occurrences for recurring tasks only: store/reads_tasks.cc).
  app::Caller office = std::move(service_->CallerFor(1)).value();
  ASSERT_TRUE(service_
                  ->BulkChangeTasks(office, {task_},
                                    {app::BulkChange::Kind::kSetDue, D("2023-12-31"), {}, ""})
                  .ok());
  r = Call("office", "GET", "/api/v1/tasks/" + std::to_string(task_));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["deadline"]["kind"], "recurring") << r.body;
  EXPECT_EQ(json::parse(r.body)["occurrences"].size(), 4u);

  // Scorecard: three overdue periods and the current one.
  r = Call("office", "GET", "/api/v1/scorecards?by=unit&as_of=2023-07-05");
  ASSERT_EQ(r.status, 200) << r.body;
  json score = json::parse(r.body)["items"][0];
  EXPECT_EQ(score["assigned"], 4);
  EXPECT_EQ(score["overdue"], 3);
  EXPECT_EQ(score["in_progress"], 1);

  // The lead unit delivers April.
  r = Call("unit_a", "POST", Occurrences() + "/" + april + "/reports",
           R"({"text": "Đã gửi báo cáo tháng 4", "done": true})");
  ASSERT_EQ(r.status, 201) << r.body;
  json occ = json::parse(r.body);
  EXPECT_EQ(occ["done_date"], "2023-07-05");
  EXPECT_EQ(occ["status"], "done_late");
  ASSERT_EQ(occ["reports"].size(), 1u);
  EXPECT_EQ(occ["reports"][0]["percent"], 100);

  // The Office records May as received on time.
  r = Call("office", "POST", Occurrences() + "/" + may + "/complete",
           R"({"done_date": "2023-05-31"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["status"], "done_on_time");

  r = Call("office", "GET", "/api/v1/scorecards?by=unit&as_of=2023-07-05");
  score = json::parse(r.body)["items"][0];
  EXPECT_EQ(score["overdue"], 1);
  EXPECT_EQ(score["done_late"], 1);
  EXPECT_EQ(score["done_on_time"], 1);

  // One audit row per write, in the task's history.
  r = Call("office", "GET", "/api/v1/audit?limit=500");
  ASSERT_EQ(r.status, 200);
  int rows = 0;
  const json audit = json::parse(r.body);
  for (const auto& e : audit["items"]) {
    std::string action = e["action"];
    rows += action == "occurrence_report" || action == "occurrence_complete" ? 1 : 0;
  }
  EXPECT_EQ(rows, 2);
}

TEST_F(OccurrenceRoutesTest, AuthorisationAndErrors) {
  clock_.Set(app::FixedClock::NoonOf(D("2023-05-05")));
  ClientResponse r = Call("office", "GET", Occurrences());
  ASSERT_EQ(r.status, 200);
  const std::string april = std::to_string(json::parse(r.body)["items"][0]["id"].get<long>());
  const std::string report = Occurrences() + "/" + april + "/reports";
  const std::string complete = Occurrences() + "/" + april + "/complete";
  struct Case {
    int n;
    std::string who, method, target, body;
    int status;
    std::string code;  // "" for success
  };
  const Case cases[] = {
      {1, "unit_b", "GET", Occurrences(), "", 404, "not_found"},  // another unit's task
      {2, "viewer", "GET", Occurrences(), "", 200, ""},
      {3, "viewer", "POST", report, R"({"text": "x"})", 403, "forbidden"},
      {4, "office", "POST", report, R"({"text": "x"})", 403, "forbidden"},
      {5, "unit_a", "POST", complete, "", 403, "forbidden"},
      {6, "unit_a", "POST", report, R"({"percent": 10})", 400, "invalid_argument"},
      {7, "unit_a", "POST", report, R"({"text": "x", "percent": 150})", 400, "invalid_argument"},
      {8, "unit_a", "POST", report, "not json", 400, "bad_json"},
      {9, "unit_a", "POST", Occurrences() + "/9999/reports", R"({"text": "x"})", 404, "not_found"},
      {10, "office", "POST", complete, R"({"done_date": "2023-05-06"})", 400, "invalid_argument"},
      {11, "office", "POST", complete, R"({"done_date": "bad"})", 400, "invalid_argument"},
      {12, "unit_a", "POST", report, R"({"text": "Đang làm", "percent": 50})", 201, ""},
      {13, "office", "POST", complete, "", 200, ""},
      {14, "office", "POST", complete, "", 409, "conflict"},
      {15, "unit_a", "GET", "/api/v1/tasks/abc/occurrences", "", 404, "not_found"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    r = Call(c.who, c.method, c.target, c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Code(r), c.code) << r.body;
  }
}

}  // namespace
}  // namespace dondoc::http
