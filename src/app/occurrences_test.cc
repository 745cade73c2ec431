// Recurring tasks through the use cases: occurrences opened on confirmation and as days pass,
// reports and completion per period, authorisation, audit rows, scorecards; and the Chair.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "app/service.h"
#include "store/sqlite_store.h"

namespace dondoc::app {
namespace {

using domain::Role;
using domain::TaskState;

text::Date D(const char* iso) { return *text::Date::FromIso(iso); }

// Units A, B, C; field F = {A}; a draft notice with a monthly task TR (lead A, support B) and a
// one-off task TO (lead A, due 2023-05-15), confirmed by the Office on 2023-04-10.
class OccurrencesAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::SqliteOptions o;
    o.path = ":memory:";
    store_ = std::move(store::OpenSqliteStore(o)).value();
    Status st = store_->InTransaction([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(tenant_, tx.CreateTenant({0, "t", "T", 0}));
      for (const char* name : {"A", "B", "C"}) {
        domain::Unit u;
        u.tenant_id = tenant_;
        u.name = name;
        DONDOC_ASSIGN_OR_RETURN(unit_[name], tx.CreateUnit(u));
      }
      DONDOC_ASSIGN_OR_RETURN(field_, tx.CreateField({0, tenant_, "F", {unit_["A"]}}));
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
      t.support_unit_ids = {unit_["B"]};
      DONDOC_ASSIGN_OR_RETURN(recurring_, tx.CreateTask(t));
      t.text = "Hoàn thành trước 15/5";
      t.deadline.kind = domain::DeadlineKind::kDate;
      t.deadline.date = D("2023-05-15");
      t.due = D("2023-05-15");
      t.support_unit_ids.clear();
      DONDOC_ASSIGN_OR_RETURN(one_off_, tx.CreateTask(t));
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
    service_ = std::make_unique<Service>(*store_, clock_, hasher_, tenant_);
    struct Spec {
      const char* name;
      Role role;
      const char* unit;
      bool field;
      bool chair;
    };
    const Spec specs[] = {
        {"admin", Role::kAdmin, nullptr, false, false},
        {"office", Role::kOffice, nullptr, false, false},
        {"chair", Role::kLeader, nullptr, false, true},
        {"vice", Role::kLeader, nullptr, true, false},
        {"leader_no_field", Role::kLeader, nullptr, false, false},
        {"unit_a", Role::kUnit, "A", false, false},
        {"unit_b", Role::kUnit, "B", false, false},
        {"unit_c", Role::kUnit, "C", false, false},
        {"viewer", Role::kViewer, nullptr, false, false},
    };
    for (const Spec& s : specs) {
      domain::User u;
      u.username = s.name;
      u.role = s.role;
      if (s.unit != nullptr) u.unit_id = unit_[s.unit];
      if (s.field) u.field_ids = {field_};
      u.chair = s.chair;
      Result<domain::User> created = service_->CreateUser(nullptr, u, "password123");
      ASSERT_TRUE(created.ok()) << created.status().ToString();
      callers_[s.name] = std::move(service_->CallerFor(created->id)).value();
    }
    auto confirmed = service_->ConfirmNotice(&callers_["office"], notice_);
    ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  }

  void SetToday(const char* iso) { clock_.Set(FixedClock::NoonOf(D(iso))); }

  long AuditCount(const std::string& action) {
    store::AuditFilter f;
    f.limit = 500;
    auto page = store_->ListAudit(tenant_, f);
    EXPECT_TRUE(page.ok());
    long n = 0;
    for (const auto& e : page->items) n += e.action == action ? 1 : 0;
    return n;
  }

  std::vector<OccurrenceView> Occurrences(const char* who = "office") {
    auto v = service_->ListOccurrences(callers_[who], recurring_);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : std::vector<OccurrenceView>{};
  }

  std::unique_ptr<store::Store> store_;
  FixedClock clock_{FixedClock::NoonOf(D("2023-04-10"))};
  PasswordHasher hasher_{HasherOptions::ForTests()};
  std::unique_ptr<Service> service_;
  Id tenant_ = 0, field_ = 0, notice_ = 0, recurring_ = 0, one_off_ = 0;
  std::map<std::string, Id> unit_;
  std::map<std::string, Caller> callers_;
};

TEST_F(OccurrencesAppTest, ConfirmationOpensTheCurrentPeriod) {
  std::vector<OccurrenceView> occ = Occurrences();
  ASSERT_EQ(occ.size(), 1u);
  EXPECT_EQ(occ[0].occurrence.period_start, D("2023-04-01"));
  EXPECT_EQ(occ[0].occurrence.due, D("2023-04-30"));
  EXPECT_EQ(occ[0].state, TaskState::kInProgress);
  auto t = store_->GetTask(tenant_, recurring_);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->start_date, D("2023-04-10"));
  EXPECT_EQ(t->due, D("2023-04-30"));
  EXPECT_TRUE(store_->ListOccurrences(tenant_, one_off_)->empty());
}

TEST_F(OccurrencesAppTest, MissedMonthsAreOverdueOnTheirOwnWithoutPileUp) {
  SetToday("2023-07-05");
  std::vector<OccurrenceView> occ = Occurrences();
  ASSERT_EQ(occ.size(), 4u);
  const TaskState want[] = {TaskState::kOverdue, TaskState::kOverdue, TaskState::kOverdue,
                            TaskState::kInProgress};
  for (size_t i = 0; i < occ.size(); ++i) EXPECT_EQ(occ[i].state, want[i]) << i;
  EXPECT_EQ(AuditCount("occurrences_open"), 1);
  // Idempotent: again today, and the next day of the same month, nothing more.
  EXPECT_EQ(Occurrences().size(), 4u);
  SetToday("2023-07-06");
  EXPECT_EQ(Occurrences().size(), 4u);
  EXPECT_EQ(AuditCount("occurrences_open"), 1);

  // The task is overdue (due: its oldest missed period) and listed so.
  store::TaskFilter f;
  f.overdue_only = true;
  auto overdue = service_->ListTasks(callers_["office"], f);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->total, 2);  // TR and TO
  auto tr = service_->GetTask(callers_["office"], recurring_);
  ASSERT_TRUE(tr.ok());
  EXPECT_EQ(tr->detail.task.due, D("2023-04-30"));
  EXPECT_EQ(tr->detail.occurrences.size(), 4u);

  // Scorecards count the periods: A has 3 overdue months + the one-off task.
  auto rows = service_->Scorecards(callers_["office"], store::ScoreGroup::kUnit, D("2023-07-06"),
                                   std::nullopt);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].key, unit_["A"]);
  EXPECT_EQ((*rows)[0].counts.assigned, 5);
  EXPECT_EQ((*rows)[0].counts.overdue, 4);
  EXPECT_EQ((*rows)[0].counts.in_progress, 1);

  // August opens one more period.
  SetToday("2023-08-01");
  EXPECT_EQ(Occurrences().size(), 5u);
  EXPECT_EQ(AuditCount("occurrences_open"), 2);
}

TEST_F(OccurrencesAppTest, ReportsAndCompletionPerPeriod) {
  SetToday("2023-06-05");
  std::vector<OccurrenceView> occ = Occurrences();
  ASSERT_EQ(occ.size(), 3u);  // April, May missed; June current
  const Id april = occ[0].occurrence.id;
  const Id may = occ[1].occurrence.id;
  const Id june = occ[2].occurrence.id;

  // The support unit reports without delivering.
  auto r = service_->ReportOnOccurrence(callers_["unit_b"], recurring_, june, "Đang tổng hợp", 40,
                                        false);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->reports.size(), 1u);
  EXPECT_EQ(r->reports[0].occurrence_id, june);
  EXPECT_FALSE(r->occurrence.done_date.has_value());

  // The lead unit delivers April (late): done today; the task's due moves to May's.
  r = service_->ReportOnOccurrence(callers_["unit_a"], recurring_, april, "Đã gửi báo cáo", 0,
                                   true);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->occurrence.done_date, D("2023-06-05"));
  EXPECT_EQ(r->state, TaskState::kDoneLate);
  EXPECT_EQ(r->reports[0].percent, 100);
  EXPECT_EQ(store_->GetTask(tenant_, recurring_)->due, D("2023-05-31"));

  // The Office records May as received on 30/5 (on time).
  auto c = service_->CompleteOccurrence(callers_["office"], recurring_, may, D("2023-05-30"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->state, TaskState::kDoneOnTime);
  EXPECT_EQ(store_->GetTask(tenant_, recurring_)->due, D("2023-06-30"));
  EXPECT_EQ(AuditCount("occurrence_report"), 2);
  EXPECT_EQ(AuditCount("occurrence_complete"), 1);

  // The task's own history shows the three writes.
  auto view = service_->GetTask(callers_["office"], recurring_);
  ASSERT_TRUE(view.ok());
  int rows = 0;
  for (const auto& e : view->detail.history) rows += e.action.rfind("occurrence_", 0) == 0 ? 1 : 0;
  EXPECT_EQ(rows, 3);

  struct Case {
    int n;
    std::function<Status()> run;
    StatusCode want;
  };
  const Case cases[] = {
      {1,
       [&] {
         return service_->CompleteOccurrence(callers_["office"], recurring_, may, std::nullopt)
             .status();
       },
       StatusCode::kConflict},
      {2,
       [&] {
         return service_->CompleteOccurrence(callers_["office"], recurring_, june, D("2023-06-06"))
             .status();
       },
       StatusCode::kInvalidArgument},  // the future
      {3,
       [&] {
         return service_->CompleteOccurrence(callers_["office"], recurring_, june, D("2023-05-31"))
             .status();
       },
       StatusCode::kInvalidArgument},  // before the period
      {4,
       [&] {
         return service_->CompleteOccurrence(callers_["office"], one_off_, june, std::nullopt)
             .status();
       },
       StatusCode::kNotFound},  // another task's period
      {5,
       [&] {
         return service_->ReportOnOccurrence(callers_["unit_a"], recurring_, 9999, "x", 1, false)
             .status();
       },
       StatusCode::kNotFound},
      {6,
       [&] {
         return service_->ReportOnOccurrence(callers_["unit_a"], recurring_, april, "x", 1, true)
             .status();
       },
       StatusCode::kConflict},  // delivered already
      {7,
       [&] {
         return service_->ReportOnOccurrence(callers_["unit_a"], recurring_, june, "", 1, false)
             .status();
       },
       StatusCode::kInvalidArgument},
      {8,
       [&] {
         return service_->ReportOnOccurrence(callers_["unit_a"], recurring_, june, "x", 101, false)
             .status();
       },
       StatusCode::kInvalidArgument},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE("case " + std::to_string(k.n));
    EXPECT_EQ(k.run().code(), k.want);
  }
  // None of the refused calls wrote anything.
  EXPECT_EQ(AuditCount("occurrence_report"), 2);
  EXPECT_EQ(AuditCount("occurrence_complete"), 1);
}

// An extension approved while a period is open moves that period's due; the daily catch-up and a
// later report must keep it rather than recompute the task's due from the period's first due.
TEST_F(OccurrencesAppTest, AnApprovedExtensionOfAPeriodSurvivesTheCatchUp) {
  SetToday("2023-04-20");
  ASSERT_EQ(Occurrences().size(), 1u);  // April, due 30/4
  auto ext = service_->RequestExtension(callers_["unit_a"], recurring_, D("2023-05-10"),
                                        "Chờ số liệu quý");
  ASSERT_TRUE(ext.ok()) << ext.status().ToString();
  auto decided = service_->DecideExtension(callers_["office"], ext->id, true, "");
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_EQ(store_->GetTask(tenant_, recurring_)->due, D("2023-05-10"));

  // The next day's catch-up (and May opening) must not undo the extension.
  SetToday("2023-05-05");
  std::vector<OccurrenceView> occ = Occurrences();
  ASSERT_EQ(occ.size(), 2u);
  EXPECT_EQ(occ[0].occurrence.due, D("2023-05-10"));
  EXPECT_EQ(occ[0].state, TaskState::kInProgress);  // not overdue: extended to 10/5
  EXPECT_EQ(occ[1].occurrence.due, D("2023-05-31"));
  auto t = store_->GetTask(tenant_, recurring_);
  EXPECT_EQ(t->due, D("2023-05-10"));
  EXPECT_EQ(t->original_due, D("2023-04-30"));

  // Delivering April moves the task on to May's own due.
  auto r = service_->ReportOnOccurrence(callers_["unit_a"], recurring_, occ[0].occurrence.id,
                                        "Đã gửi", 0, true);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->state, TaskState::kDoneOnTime);
  EXPECT_EQ(store_->GetTask(tenant_, recurring_)->due, D("2023-05-31"));
}

TEST_F(OccurrencesAppTest, AuthorisationAsForTheTask) {
  SetToday("2023-06-05");
  const std::vector<OccurrenceView> occ = Occurrences();
  ASSERT_EQ(occ.size(), 3u);
  const Id april = occ[0].occurrence.id;
  const Id june = occ[2].occurrence.id;
  const std::set<std::string> readers = {"admin",  "office", "chair", "vice",
                                         "unit_a", "unit_b", "viewer"};
  struct Case {
    int n;
    const char* use_case;
    std::function<Status(const Caller&)> run;
    std::set<std::string> allowed;
  };
  const Case cases[] = {
      {1, "ListOccurrences",
       [&](const Caller& c) { return service_->ListOccurrences(c, recurring_).status(); }, readers},
      {2,
       "ReportOnOccurrence",
       [&](const Caller& c) {
         return service_->ReportOnOccurrence(c, recurring_, june, "r", 10, false).status();
       },
       {"unit_a", "unit_b"}},
      {3,
       "ReportOnOccurrence done",
       [&](const Caller& c) {
         // Refused before any write for everyone but the lead unit, which runs last.
         return service_->ReportOnOccurrence(c, recurring_, june, "r", 10, true).status();
       },
       {"unit_a"}},
      {4,
       "CompleteOccurrence",
       [&](const Caller& c) {
         return service_->CompleteOccurrence(c, recurring_, april, std::nullopt).status();
       },
       {"office"}},
  };
  for (const Case& k : cases) {
    // The allowed callers last, so that a completing call does not change the others' answer.
    std::vector<std::string> order;
    for (const auto& [name, caller] : callers_) {
      if (!k.allowed.count(name)) order.push_back(name);
    }
    for (const auto& [name, caller] : callers_) {
      if (k.allowed.count(name)) order.push_back(name);
    }
    for (const std::string& name : order) {
      SCOPED_TRACE("case " + std::to_string(k.n) + " " + k.use_case + " as " + name);
      Status st = k.run(callers_[name]);
      if (k.allowed.count(name)) {
        EXPECT_TRUE(st.ok()) << st.ToString();
      } else {
        EXPECT_TRUE(st.code() == StatusCode::kPermissionDenied ||
                    st.code() == StatusCode::kNotFound)
            << st.ToString();
      }
    }
  }
}

TEST_F(OccurrencesAppTest, TheChairSeesEveryFieldOthersOnlyTheirs) {
  struct Case {
    int n;
    const char* who;
    long want_total;
  };
  const Case cases[] = {
      {1, "chair", 2},
      {2, "vice", 2},  // field F = {A}
      {3, "leader_no_field", 0},
      {4, "unit_c", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n) + " " + c.who);
    auto page = service_->ListTasks(callers_[c.who], store::TaskFilter{});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, c.want_total);
  }
  EXPECT_FALSE(callers_["chair"].scope_units.has_value());
  ASSERT_TRUE(callers_["leader_no_field"].scope_units.has_value());
  EXPECT_TRUE(callers_["leader_no_field"].scope_units->empty());

  // Only a leader can be the Chair; the flag survives an update.
  domain::User u;
  u.username = "wrong";
  u.role = Role::kViewer;
  u.chair = true;
  EXPECT_EQ(service_->CreateUser(nullptr, u, "password123").status().code(),
            StatusCode::kInvalidArgument);
  domain::User vice = callers_["vice"].user;
  vice.chair = true;
  ASSERT_TRUE(service_->UpdateUser(&callers_["admin"], vice).ok());
  auto again = service_->CallerFor(vice.id);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->scope_units.has_value());
}

}  // namespace
}  // namespace dondoc::app
