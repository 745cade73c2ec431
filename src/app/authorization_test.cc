// The authorisation matrix: every role × every use case, expected allow or deny.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "app/service.h"
#include "app/test_tenant.h"

namespace dondoc::app {
namespace {

using domain::Role;

using testing::D;

// A tenant with units A (and its sub-unit A1) and B, field F = {A}, one user per role, an
// active notice with task TA (lead A) and TB (lead B), a draft notice with task TD, and a
// pending extension request on TA.
struct World : testing::TestTenant {
  Id unit_a = 0, unit_a1 = 0, unit_b = 0, field = 0;
  Id active_notice = 0, draft_notice = 0, task_a = 0, task_b = 0, task_d = 0, extension = 0;
  std::map<std::string, Caller> callers;

  World() : TestTenant(D("2023-07-01")) {
    Build([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(unit_a, AddUnit(tx, "A"));
      DONDOC_ASSIGN_OR_RETURN(unit_a1, AddUnit(tx, "A1", unit_a));
      DONDOC_ASSIGN_OR_RETURN(unit_b, AddUnit(tx, "B"));
      DONDOC_ASSIGN_OR_RETURN(field, tx.CreateField({0, tenant, "F", {unit_a}}));
      DONDOC_ASSIGN_OR_RETURN(active_notice, AddNotice(tx, "text", "aa"));
      DONDOC_ASSIGN_OR_RETURN(draft_notice, AddNotice(tx, "text", "bb"));
      domain::Task task;
      task.tenant_id = tenant;
      task.notice_id = active_notice;
      task.text = "Task of A";
      task.lead_unit_ids = {unit_a};
      task.due = D("2023-08-01");
      DONDOC_ASSIGN_OR_RETURN(task_a, tx.CreateTask(task));
      task.text = "Task of B";
      task.lead_unit_ids = {unit_b};
      DONDOC_ASSIGN_OR_RETURN(task_b, tx.CreateTask(task));
      task.notice_id = draft_notice;
      task.text = "Draft task";
      DONDOC_ASSIGN_OR_RETURN(task_d, tx.CreateTask(task));
      return tx.ActivateNotice(tenant, active_notice, 1);
    });
    callers["admin"] = AddUser("admin", Role::kAdmin, {});
    callers["office"] = AddUser("office", Role::kOffice, {});
    callers["chair"] = AddUser("chair", Role::kLeader, {}, {}, /*chair=*/true);
    callers["vice"] = AddUser("vice", Role::kLeader, {}, {field});
    callers["unit_a"] = AddUser("unit_a", Role::kUnit, unit_a);
    callers["unit_b"] = AddUser("unit_b", Role::kUnit, unit_b);
    callers["viewer"] = AddUser("viewer", Role::kViewer, {});
    Status st = store->InTransaction([&](store::StoreTx& tx) -> Status {
      domain::Extension e;
      e.tenant_id = tenant;
      e.task_id = task_a;
      e.requested_by = callers["unit_a"].id();
      e.reason = "r";
      e.requested_due = D("2023-09-01");
      DONDOC_ASSIGN_OR_RETURN(extension, tx.CreateExtension(e));
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
};

const char* const kRoles[] = {"admin", "office", "chair", "vice", "unit_a", "unit_b", "viewer"};

struct Case {
  int n;
  const char* use_case;
  std::function<Status(World&, const Caller&)> run;
  std::set<std::string> allowed;  // roles allowed; the others must be denied
};

bool Denied(const Status& st) {
  return st.code() == StatusCode::kPermissionDenied || st.code() == StatusCode::kNotFound;
}

TEST(AuthorizationTest, EveryRoleTimesEveryUseCase) {
  const std::set<std::string> all(std::begin(kRoles), std::end(kRoles));
  const Case cases[] = {
      {1, "ListUnits", [](World& w, const Caller& c) { return w.service->ListUnits(c).status(); },
       all},
      {2,
       "CreateUnit",
       [](World& w, const Caller& c) {
         domain::Unit u;
         u.name = "New";
         return w.service->CreateUnit(&c, u).status();
       },
       {"admin"}},
      {3,
       "CreateField",
       [](World& w, const Caller& c) {
         domain::Field f;
         f.name = "G";
         return w.service->CreateField(&c, f).status();
       },
       {"admin"}},
      {4,
       "ListUsers",
       [](World& w, const Caller& c) { return w.service->ListUsers(c).status(); },
       {"admin", "office"}},
      {5,
       "CreateUser",
       [](World& w, const Caller& c) {
         domain::User u;
         u.username = "someone";
         return w.service->CreateUser(&c, u, "password123").status();
       },
       {"admin"}},
      {6,
       "ImportNotice",
       [](World& w, const Caller& c) {
         return w.service->ImportNotice(&c, "Phòng A chủ trì thực hiện.", "a.txt").status();
       },
       {"office"}},
      {7,
       "GetTask(A)",
       [](World& w, const Caller& c) { return w.service->GetTask(c, w.task_a).status(); },
       {"admin", "office", "chair", "vice", "unit_a", "viewer"}},
      {8,
       "GetTask(B)",
       [](World& w, const Caller& c) { return w.service->GetTask(c, w.task_b).status(); },
       {"admin", "office", "chair", "unit_b", "viewer"}},
      {9,
       "GetTask(draft)",
       [](World& w, const Caller& c) { return w.service->GetTask(c, w.task_d).status(); },
       {"admin", "office"}},
      {10,
       "ReportProgress(A)",
       [](World& w, const Caller& c) {
         return w.service->ReportProgress(c, w.task_a, "Đang làm", 40, false).status();
       },
       {"unit_a"}},
      {11,
       "RequestExtension(A)",
       [](World& w, const Caller& c) {
         return w.service->RequestExtension(c, w.task_a, D("2023-12-01"), "Lý do").status();
       },
       {"unit_a"}},
      {12,
       "ConfirmCompletion(A)",
       [](World& w, const Caller& c) {
         return w.service->ConfirmCompletion(c, w.task_a, std::nullopt).status();
       },
       {"office"}},
      {13,
       "DecideExtension",
       [](World& w, const Caller& c) {
         return w.service->DecideExtension(c, w.extension, true, "").status();
       },
       {"office"}},
      {14,
       "AddComment(A)",
       [](World& w, const Caller& c) {
         return w.service->AddComment(c, w.task_a, "Ý kiến").status();
       },
       {"office", "chair", "vice", "unit_a"}},
      {15,
       "AddAttachment(A)",
       [](World& w, const Caller& c) {
         return w.service->AddAttachment(c, w.task_a, "a.txt", "text/plain", "x").status();
       },
       {"office", "unit_a"}},
      {16, "Scorecards",
       [](World& w, const Caller& c) {
         return w.service->Scorecards(c, store::ScoreGroup::kUnit, D("2023-07-01"), std::nullopt)
             .status();
       },
       all},
      {17,
       "Audit",
       [](World& w, const Caller& c) { return w.service->Audit(c, {}).status(); },
       {"admin", "office"}},
      {18,
       "ConfirmNotice(draft)",
       [](World& w, const Caller& c) {
         return w.service->ConfirmNotice(&c, w.draft_notice).status();
       },
       {"office"}},
      {19,
       "EditDraftTask",
       [](World& w, const Caller& c) {
         TaskPatch p;
         p.text = "Sửa";
         return w.service->EditDraftTask(c, w.task_d, p).status();
       },
       {"office"}},
      {20,
       "ListNotices",
       [](World& w, const Caller& c) { return w.service->ListNotices(c, {}).status(); },
       {"admin", "office", "chair", "vice", "viewer"}},
      {21, "ListTasks",
       [](World& w, const Caller& c) { return w.service->ListTasks(c, {}).status(); }, all},
      {22,
       "CreateApiToken",
       [](World& w, const Caller& c) {
         return w.service->CreateApiToken(&c, "viewer", "t").status();
       },
       {"admin"}},
  };
  for (const Case& c : cases) {
    for (const char* role : kRoles) {
      World w;
      Status st = c.run(w, w.callers[role]);
      bool allowed = c.allowed.count(role) > 0;
      if (allowed) {
        EXPECT_FALSE(Denied(st)) << "case " << c.n << " " << c.use_case << " as " << role << ": "
                                 << st.ToString();
      } else {
        EXPECT_TRUE(Denied(st)) << "case " << c.n << " " << c.use_case << " as " << role
                                << " should be denied, got " << st.ToString();
      }
    }
  }
}

TEST(AuthorizationTest, ListsShowOnlyWhatTheCallerMaySee) {
  World w;
  struct Want {
    int n;
    const char* role;
    long total;
  };
  const Want wants[] = {{1, "office", 2}, {2, "chair", 2},  {3, "vice", 1},
                        {4, "unit_a", 1}, {5, "unit_b", 1}, {6, "viewer", 2}};
  for (const Want& want : wants) {
    Result<store::Page<domain::Task>> page = w.service->ListTasks(w.callers[want.role], {});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, want.total) << "case " << want.n << " " << want.role;
  }
}

TEST(AuthorizationTest, WritesLeaveOneAuditRowEach) {
  World w;
  const Caller& unit_a = w.callers["unit_a"];
  const Caller& office = w.callers["office"];
  long before = w.service->Audit(office, {})->total;
  ASSERT_TRUE(w.service->ReportProgress(unit_a, w.task_a, "Xong", 100, true).ok());
  ASSERT_TRUE(w.service->ConfirmCompletion(office, w.task_a, std::nullopt).ok());
  EXPECT_EQ(w.service->Audit(office, {})->total, before + 2);
  // A refused write changes nothing and writes no row.
  EXPECT_FALSE(w.service->ReportProgress(unit_a, w.task_a, "Lại", 10, false).ok());
  EXPECT_EQ(w.service->Audit(office, {})->total, before + 2);
  Result<TaskView> v = w.service->GetTask(office, w.task_a);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->detail.task.status, domain::StoredStatus::kDone);
  EXPECT_EQ(v->detail.reports.size(), 1u);
}

TEST(AuthorizationTest, LoginSessionsAndThrottling) {
  World w;
  Result<LoginResult> ok = w.service->Login("Unit_A", "password123", "10.0.0.1");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  Result<Caller> c = w.service->AuthenticateSession(ok->token);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->user.username, "unit_a");
  EXPECT_EQ(c->csrf, ok->csrf);
  // Idle expiry.
  w.clock.Advance(3 * 3600);
  EXPECT_EQ(w.service->AuthenticateSession(ok->token).status().code(),
            StatusCode::kUnauthenticated);
  // Wrong passwords, then throttled even with the right one.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(w.service->Login("viewer", "wrong-password", "10.0.0.2").status().code(),
              StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(w.service->Login("viewer", "password123", "10.0.0.2").status().code(),
            StatusCode::kResourceExhausted);
  // NFC: "é" precomposed and decomposed are one password.
  domain::User u;
  u.username = "nfc";
  ASSERT_TRUE(w.service->CreateUser(nullptr, u, "mật khẩu caf\xC3\xA9").ok());
  EXPECT_TRUE(w.service->Login("nfc", "mật khẩu cafe\xCC\x81", "10.0.0.3").ok());
  // Bearer tokens.
  Result<std::string> token = w.service->CreateApiToken(nullptr, "office", "test");
  ASSERT_TRUE(token.ok());
  EXPECT_TRUE(w.service->AuthenticateBearer(*token).ok());
  EXPECT_FALSE(w.service->AuthenticateBearer(*token + "x").ok());
}

}  // namespace
}  // namespace dondoc::app
