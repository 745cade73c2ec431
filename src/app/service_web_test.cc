// The use cases behind the web pages: a task's passage and the Office's bulk changes.
#include <gtest/gtest.h>

#include "app/service.h"
#include "app/test_tenant.h"
#include "text/utf8.h"

namespace dondoc::app {
namespace {

using testing::D;

// Units A and B; an active notice whose text holds a heading and three tasks (TA1 and TA2 lead
// A, TB lead B); users office and unit_a/unit_b.
constexpr const char* kNotice =
    "II. NHIỆM VỤ\n"
    "1. A làm việc một.\n"
    "2. B làm việc hai.\n"
    "3. A làm việc ba.\n";

struct World : testing::TestTenant {
  Id unit_a = 0, unit_b = 0, notice = 0, draft_notice = 0;
  Id ta1 = 0, tb = 0, ta2 = 0, td = 0;
  Caller office, unit_a_user, unit_b_user;

  World() : TestTenant(D("2023-07-01")) {
    Build([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(unit_a, AddUnit(tx, "A"));
      DONDOC_ASSIGN_OR_RETURN(unit_b, AddUnit(tx, "B"));
      DONDOC_ASSIGN_OR_RETURN(notice, AddNotice(tx, kNotice, "aa"));
      DONDOC_ASSIGN_OR_RETURN(draft_notice, AddNotice(tx, kNotice, "bb"));
      domain::Task task;
      task.tenant_id = tenant;
      task.notice_id = notice;
      task.due = D("2023-08-01");
      auto add = [&](const char* text, Id lead, long start, Id* id) -> Status {
        task.text = text;
        task.lead_unit_ids = {lead};
        task.span_start = start;
        task.span_end = start + text::CodePointCount(text);
        DONDOC_ASSIGN_OR_RETURN(*id, tx.CreateTask(task));
        return Status::Ok();
      };
      // Lines start at code points 13, 32 and 51; each task is its line after "N. ".
      DONDOC_RETURN_IF_ERROR(add("A làm việc một.", unit_a, 16, &ta1));
      DONDOC_RETURN_IF_ERROR(add("B làm việc hai.", unit_b, 35, &tb));
      DONDOC_RETURN_IF_ERROR(add("A làm việc ba.", unit_a, 54, &ta2));
      task.notice_id = draft_notice;
      DONDOC_RETURN_IF_ERROR(add("Nháp", unit_a, 0, &td));
      return tx.ActivateNotice(tenant, notice, 1);
    });
    office = AddUser("office", domain::Role::kOffice, std::nullopt);
    unit_a_user = AddUser("unit_a", domain::Role::kUnit, unit_a);
    unit_b_user = AddUser("unit_b", domain::Role::kUnit, unit_b);
  }

  long AuditRows() { return service->Audit(office, {})->total; }
  domain::Task Task(Id id) { return service->GetTask(office, id)->detail.task; }
};

// The marked words of a passage.
std::string Marked(const TaskPassage& p) {
  std::vector<size_t> at;
  for (size_t i = 0; i < p.text.size(); ++i) {
    if ((static_cast<unsigned char>(p.text[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(p.text.size());
  if (p.span_end >= static_cast<long>(at.size())) return "<out of range>";
  return p.text.substr(at[p.span_start], at[p.span_end] - at[p.span_start]);
}

TEST(TaskPassageTest, EachCallerSeesTheNoticeWithoutOtherUnitsTasks) {
  World w;
  struct Case {
    int n;
    const Caller* caller;
    Id task;
    long context;
    std::string want_text;  // "" with want_found false: refused
    bool want_found;
  };
  const Case cases[] = {
      {1, &w.office, w.tb, 100, kNotice, true},
      {2, &w.unit_a_user, w.ta1, 100,
       "II. NHIỆM VỤ\n1. A làm việc một.\n2. […]\n3. A làm việc ba.\n", true},
      {3, &w.unit_a_user, w.ta2, 100,
       "II. NHIỆM VỤ\n1. A làm việc một.\n2. […]\n3. A làm việc ba.\n", true},
      {4, &w.unit_b_user, w.tb, 100, "II. NHIỆM VỤ\n1. […]\n2. B làm việc hai.\n3. […]\n", true},
      {5, &w.unit_b_user, w.ta1, 100, "", false},
      // A short context keeps whole lines where a line start or end falls inside it.
      {6, &w.office, w.tb, 5, "2. B làm việc hai.", true},
      {7, &w.unit_a_user, w.td, 100, "", false},
  };
  for (const Case& c : cases) {
    Result<TaskPassage> p = w.service->GetTaskPassage(*c.caller, c.task, c.context);
    ASSERT_EQ(p.ok(), c.want_found) << "case " << c.n;
    if (!p.ok()) {
      EXPECT_EQ(p.status().code(), StatusCode::kNotFound) << "case " << c.n;
      continue;
    }
    EXPECT_EQ(p->text, c.want_text) << "case " << c.n;
    EXPECT_EQ(Marked(*p), w.Task(c.task).text) << "case " << c.n;
  }
}

TEST(BulkChangeTest, AppliesWhereItCanWithOneAuditRowPerTask) {
  using Kind = BulkChange::Kind;
  World w;
  // TA1 waits for confirmation; TB is paused.
  ASSERT_TRUE(w.service->ReportProgress(w.unit_a_user, w.ta1, "Xong", 100, true).ok());
  BulkChange pause{Kind::kPause, {}, {}, ""};
  ASSERT_TRUE(w.service->BulkChangeTasks(w.office, {w.tb}, pause).ok());
  struct Case {
    int n;
    BulkChange change;
    std::vector<Id> ids;
    std::vector<Id> want_changed;
    std::vector<std::pair<Id, BulkSkip>> want_skipped;
  };
  const Case cases[] = {
      {1,
       {Kind::kReturn, {}, {}, "Thiếu hồ sơ"},
       {w.ta1, w.tb, w.ta2},
       {w.ta1},
       {{w.tb, BulkSkip::kNotPending}, {w.ta2, BulkSkip::kNotPending}}},
      {2,
       {Kind::kSetDue, D("2023-09-30"), {}, ""},
       {w.ta1, w.ta2, w.td, 999},
       {w.ta1, w.ta2},
       {{w.td, BulkSkip::kDraft}, {999, BulkSkip::kNotFound}}},
      {3, {Kind::kSetDue, D("2023-09-30"), {}, ""}, {w.ta1}, {}, {{w.ta1, BulkSkip::kUnchanged}}},
      {4,
       {Kind::kSetLead, {}, w.unit_b, ""},
       {w.ta2, w.tb},
       {w.ta2},
       {{w.tb, BulkSkip::kUnchanged}}},
      {5, {Kind::kResume, {}, {}, ""}, {w.tb, w.ta1}, {w.tb}, {{w.ta1, BulkSkip::kNotPaused}}},
      {6, {Kind::kConfirmDone, {}, {}, ""}, {w.ta1, w.ta1}, {w.ta1}, {}},
      {7, {Kind::kPause, {}, {}, ""}, {w.ta1}, {}, {{w.ta1, BulkSkip::kDone}}},
  };
  for (const Case& c : cases) {
    long rows = w.AuditRows();
    Result<BulkOutcome> out = w.service->BulkChangeTasks(w.office, c.ids, c.change);
    ASSERT_TRUE(out.ok()) << "case " << c.n << ": " << out.status().ToString();
    EXPECT_EQ(out->changed, c.want_changed) << "case " << c.n;
    EXPECT_EQ(out->skipped, c.want_skipped) << "case " << c.n;
    EXPECT_EQ(w.AuditRows(), rows + static_cast<long>(c.want_changed.size())) << "case " << c.n;
  }
  EXPECT_EQ(w.Task(w.ta1).status, domain::StoredStatus::kDone);
  EXPECT_EQ(w.Task(w.ta2).due, D("2023-09-30"));
  EXPECT_EQ(w.Task(w.ta2).lead_unit_ids, std::vector<Id>{w.unit_b});
  EXPECT_EQ(w.Task(w.tb).status, domain::StoredStatus::kOpen);
  EXPECT_EQ(w.Task(w.tb).due, D("2023-08-01"));
}

TEST(BulkChangeTest, RefusalsChangeNothing) {
  using Kind = BulkChange::Kind;
  World w;
  struct Case {
    int n;
    const Caller* caller;
    BulkChange change;
    std::vector<Id> ids;
    StatusCode want;
  };
  const Case cases[] = {
      {1, &w.unit_a_user, {Kind::kPause, {}, {}, ""}, {w.ta1}, StatusCode::kPermissionDenied},
      {2, &w.office, {Kind::kPause, {}, {}, ""}, {}, StatusCode::kInvalidArgument},
      {3, &w.office, {Kind::kSetDue, {}, {}, ""}, {w.ta1}, StatusCode::kInvalidArgument},
      {4, &w.office, {Kind::kSetLead, {}, 999, ""}, {w.ta1}, StatusCode::kInvalidArgument},
      {5, &w.office, {Kind::kSetLead, {}, {}, ""}, {w.ta1}, StatusCode::kInvalidArgument},
  };
  for (const Case& c : cases) {
    long rows = w.AuditRows();
    Result<BulkOutcome> out = w.service->BulkChangeTasks(*c.caller, c.ids, c.change);
    ASSERT_FALSE(out.ok()) << "case " << c.n;
    EXPECT_EQ(out.status().code(), c.want) << "case " << c.n;
    EXPECT_EQ(w.AuditRows(), rows) << "case " << c.n;
  }
  EXPECT_EQ(w.Task(w.ta1).status, domain::StoredStatus::kOpen);
}

}  // namespace
}  // namespace dondoc::app
