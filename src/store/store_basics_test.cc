// Units, fields, users, credentials, notices, task details and calendar overrides.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::D;
using testing::kT0;

class StoreBasicsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenMemory();
    seed_ = testing::SeedStore(*store_);
  }
  Status Tx(const std::function<Status(StoreTx&)>& fn) { return store_->InTransaction(fn); }
  std::unique_ptr<Store> store_;
  testing::Seed seed_;
};

TEST_F(StoreBasicsTest, UnitTree) {
  auto units = store_->ListUnits(seed_.a);
  ASSERT_TRUE(units.ok());
  ASSERT_EQ(units->size(), 5u);
  EXPECT_EQ((*units)[0].name, "UBND thị xã");              // root first
  EXPECT_EQ(units->back().name, "Tổ công tác xã Phổ An");  // deepest last
  auto tckh = store_->GetUnit(seed_.a, seed_.unit["tckh"]);
  ASSERT_TRUE(tckh.ok());
  EXPECT_EQ(tckh->aliases, std::vector<std::string>{"Phòng TC-KH"});
  EXPECT_EQ(tckh->parent_id, seed_.unit["ubnd"]);

  struct Case {
    int n;
    Id unit;
    size_t want;
  };
  const Case cases[] = {
      {1, seed_.unit["ubnd"], 5},
      {2, seed_.unit["phoan"], 2},
      {3, seed_.unit["toa"], 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    auto ids = store_->SubUnitIds(seed_.a, c.unit);
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(ids->size(), c.want);
  }

  // Moving a unit and replacing its aliases.
  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                DONDOC_ASSIGN_OR_RETURN(domain::Unit u, tx.GetUnit(seed_.a, seed_.unit["toa"]));
                u.parent_id = seed_.unit["tckh"];
                u.aliases = {"Tổ A", "Tổ công tác"};
                return tx.UpdateUnit(u);
              }).ok());
  EXPECT_EQ(store_->SubUnitIds(seed_.a, seed_.unit["phoan"])->size(), 1u);
  EXPECT_EQ(store_->GetUnit(seed_.a, seed_.unit["toa"])->aliases.size(), 2u);
}

TEST_F(StoreBasicsTest, FieldsAndUsers) {
  auto fields = store_->ListFields(seed_.a);
  ASSERT_TRUE(fields.ok());
  ASSERT_EQ(fields->size(), 2u);
  EXPECT_EQ((*fields)[0].unit_ids.size(), 2u);

  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                domain::User u{0,
                               seed_.a,
                               "phochutich",
                               "Phó Chủ tịch",
                               std::nullopt,
                               domain::Role::kLeader,
                               {seed_.field["kinhte"]},
                               "h",
                               false,
                               kT0};
                return tx.CreateUser(u).status();
              }).ok());
  auto leader = store_->FindUserByUsername(seed_.a, "phochutich");
  ASSERT_TRUE(leader.ok());
  EXPECT_EQ(leader->role, domain::Role::kLeader);
  EXPECT_EQ(leader->field_ids, std::vector<Id>{seed_.field["kinhte"]});

  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                domain::User u = *leader;
                u.disabled = true;
                u.field_ids = {seed_.field["kinhte"], seed_.field["noichinh"]};
                return tx.UpdateUser(u);
              }).ok());
  auto again = store_->GetUser(seed_.a, leader->id);
  EXPECT_TRUE(again->disabled);
  EXPECT_EQ(again->field_ids.size(), 2u);
  auto users = store_->ListUsers(seed_.a);
  ASSERT_EQ(users->size(), 3u);
  EXPECT_EQ((*users)[0].username, "phochutich");  // by username

  // Deleting a field releases its leaders' links.
  ASSERT_TRUE(
      Tx([&](StoreTx& tx) { return tx.DeleteField(seed_.a, seed_.field["noichinh"]); }).ok());
  EXPECT_EQ(store_->GetUser(seed_.a, leader->id)->field_ids.size(), 1u);
}

TEST_F(StoreBasicsTest, SessionsTokensAndLoginAttempts) {
  const Id a = seed_.a;
  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                DONDOC_RETURN_IF_ERROR(
                    tx.CreateSession({"h1", a, seed_.user["tckh"], "csrf1", kT0, kT0, kT0 + 3600}));
                DONDOC_RETURN_IF_ERROR(
                    tx.CreateSession({"h2", a, seed_.user["tckh"], "csrf2", kT0, kT0, kT0 + 60}));
                DONDOC_RETURN_IF_ERROR(
                    tx.CreateApiToken({"t1", a, seed_.user["vanphong"], "tích hợp", kT0}));
                for (int i = 0; i < 3; ++i) {
                  DONDOC_RETURN_IF_ERROR(
                      tx.RecordLoginAttempt(a, "tckh", "10.0.0.1", kT0 + i, false));
                }
                DONDOC_RETURN_IF_ERROR(tx.RecordLoginAttempt(a, "other", "10.0.0.1", kT0, false));
                DONDOC_RETURN_IF_ERROR(tx.RecordLoginAttempt(a, "tckh", "10.0.0.2", kT0, true));
                return tx.TouchSession(a, "h1", kT0 + 100);
              }).ok());
  auto s = store_->GetSession(a, "h1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->last_seen, kT0 + 100);
  EXPECT_EQ(s->csrf, "csrf1");
  EXPECT_EQ(store_->GetSession(seed_.b, "h1").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetApiToken(a, "t1")->user_id, seed_.user["vanphong"]);

  struct Case {
    int n;
    std::string user;
    std::string address;
    Timestamp since;
    int want;
  };
  const Case cases[] = {
      {1, "tckh", "10.9.9.9", kT0, 3},   {2, "nobody", "10.0.0.1", kT0, 4},
      {3, "tckh", "10.0.0.1", kT0, 4},   {4, "tckh", "10.9.9.9", kT0 + 2, 1},
      {5, "nobody", "10.0.0.2", kT0, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(*store_->CountLoginFailures(a, c.user, c.address, c.since), c.want);
  }

  Result<int> removed = 0;
  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                removed = tx.DeleteExpiredSessions(a, kT0 + 120, kT0 - 1);
                return removed.status();
              }).ok());
  EXPECT_EQ(*removed, 1);
  EXPECT_TRUE(store_->GetSession(a, "h1").ok());
  EXPECT_FALSE(store_->GetSession(a, "h2").ok());
}

// Caches derived from the data are kept per DataVersion: session bookkeeping alone (a sign-in,
// the last-seen refresh of every signed-in request) must not move it, anything else must.
// Cached callers are kept per AuthVersion: it moves for what a signed-in caller is made of
// (sessions ended, users, units), not for task work.
TEST_F(StoreBasicsTest, VersionsMoveForWhatTheirCachesDependOn) {
  const Id a = seed_.a;
  const Id user = seed_.user["tckh"];
  struct Case {
    int n;
    std::function<Status(StoreTx&)> write;
    bool moves_data, moves_auth;
  };
  const Case cases[] = {
      {1,
       [&](StoreTx& tx) {
         return tx.CreateSession({"v1", a, user, "c", kT0, kT0, kT0 + 60});
       },
       false, false},
      {2, [&](StoreTx& tx) { return tx.TouchSession(a, "v1", kT0 + 5); }, false, false},
      {3, [&](StoreTx& tx) { return tx.DeleteSession(a, "v1"); }, true, true},
      {4, [&](StoreTx& tx) { return tx.RecordLoginAttempt(a, "tckh", "10.0.0.9", kT0, true); },
       true, false},
      {5,
       [&](StoreTx& tx) -> Status {
         DONDOC_RETURN_IF_ERROR(tx.CreateSession({"v2", a, user, "c", kT0, kT0, kT0 + 60}));
         DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(a, seed_.task["T1"]));
         t.text += " (sửa)";
         return tx.UpdateTask(t);
       },
       true, false},
      {6,
       [&](StoreTx& tx) -> Status {
         DONDOC_ASSIGN_OR_RETURN(domain::User u, tx.GetUser(a, user));
         u.disabled = true;
         return tx.UpdateUser(u);
       },
       true, true},
      {7,
       [&](StoreTx& tx) -> Status {
         DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> units, tx.ListUnits(a));
         domain::Unit u = units.front();
         u.aliases.push_back("Bí danh");
         return tx.UpdateUnit(u);
       },
       true, true},
      {8, [&](StoreTx& tx) { return tx.DeleteUserSessions(a, user).status(); }, true, true},
  };
  for (const Case& c : cases) {
    const std::uint64_t data = store_->DataVersion();
    const std::uint64_t auth = store_->AuthVersion();
    ASSERT_TRUE(Tx(c.write).ok()) << "case " << c.n;
    EXPECT_EQ(store_->DataVersion() != data, c.moves_data) << "case " << c.n;
    EXPECT_EQ(store_->AuthVersion() != auth, c.moves_auth) << "case " << c.n;
  }
}

TEST_F(StoreBasicsTest, NoticesByHashAndDraftDeletion) {
  auto n = store_->FindNoticeBySha256(seed_.a, "aaaa");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->id, seed_.notice1);
  EXPECT_EQ(n->status, domain::NoticeStatus::kActive);
  EXPECT_EQ(n->confirmed_at, kT0);
  EXPECT_EQ(store_->FindNoticeBySha256(seed_.a, "cccc").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->ListNoticeTasks(seed_.a, seed_.notice1)->size(), 6u);

  ASSERT_TRUE(Tx([&](StoreTx& tx) { return tx.DeleteDraftNotice(seed_.a, seed_.notice2); }).ok());
  EXPECT_EQ(store_->GetNotice(seed_.a, seed_.notice2).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetTask(seed_.a, seed_.task["T7"]).status().code(), StatusCode::kNotFound);
  TaskFilter f;
  f.q = "nhap";
  f.include_drafts = true;
  f.notice_id = seed_.notice2;
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 0);
}

TEST_F(StoreBasicsTest, TaskDetailGathersItsHistory) {
  const Id a = seed_.a;
  const Id t1 = seed_.task["T1"];
  Id ext_id = 0;
  ASSERT_TRUE(
      Tx([&](StoreTx& tx) -> Status {
        domain::ProgressReport r{
            0,  a,     t1, std::nullopt, seed_.unit["tckh"], seed_.user["tckh"], "Đã giải ngân 40%",
            40, false, kT0};
        DONDOC_ASSIGN_OR_RETURN(Id rid, tx.AddProgressReport(r));
        r.percent = 60;
        r.created_at = kT0 + 10;
        DONDOC_RETURN_IF_ERROR(tx.AddProgressReport(r).status());
        domain::Extension e;
        e.tenant_id = a;
        e.task_id = t1;
        e.requested_by = seed_.user["tckh"];
        e.reason = "Chờ vốn";
        e.requested_due = D("2023-07-31");
        e.previous_due = D("2023-06-30");
        e.created_at = kT0;
        DONDOC_ASSIGN_OR_RETURN(ext_id, tx.CreateExtension(e));
        e.id = ext_id;
        e.status = domain::ExtensionStatus::kApproved;
        e.decided_by = seed_.user["vanphong"];
        e.decided_at = kT0 + 20;
        DONDOC_RETURN_IF_ERROR(tx.UpdateExtension(e));
        DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(a, t1));
        t.due = e.requested_due;
        t.progress = 60;
        t.deadline.kind = domain::DeadlineKind::kRecurring;  // only those have occurrences
        t.deadline.every = domain::Every::kMonth;
        DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
        DONDOC_RETURN_IF_ERROR(
            tx.AddComment({0, a, t1, seed_.user["vanphong"], "Khẩn trương", kT0}).status());
        domain::Attachment att;
        att.tenant_id = a;
        att.owner_kind = "report";
        att.owner_id = rid;
        att.filename = "bc.docx";
        DONDOC_RETURN_IF_ERROR(tx.AddAttachment(att, "bytes").status());
        DONDOC_RETURN_IF_ERROR(tx.AddAttachment(att, "bytes").status());  // same blob
        // The task's own file, and another task's (not this one's).
        domain::Attachment own = att;
        own.owner_kind = "task";
        own.owner_id = t1;
        own.filename = "kh.pdf";
        DONDOC_RETURN_IF_ERROR(tx.AddAttachment(own, "plan").status());
        domain::Attachment other = own;
        other.owner_id = t1 + 1000;
        other.filename = "khac.pdf";
        DONDOC_RETURN_IF_ERROR(tx.AddAttachment(other, "other").status());
        DONDOC_RETURN_IF_ERROR(tx.CreateOccurrence({0, a, t1, D("2023-07-01"), D("2023-07-31"),
                                                    D("2023-07-31"), std::nullopt})
                                   .status());
        return Status::Ok();
      }).ok());
  auto d = store_->GetTaskDetail(a, t1, TaskHistory::kLeaveOut);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->task.due, D("2023-07-31"));
  EXPECT_EQ(d->task.original_due, D("2023-06-30"));  // the original stays visible
  EXPECT_EQ(d->task.progress, 60);
  ASSERT_EQ(d->reports.size(), 2u);
  EXPECT_EQ(d->reports[0].percent, 40);
  EXPECT_EQ(d->reports[1].percent, 60);
  ASSERT_EQ(d->extensions.size(), 1u);
  EXPECT_EQ(d->extensions[0].status, domain::ExtensionStatus::kApproved);
  EXPECT_EQ(d->extensions[0].previous_due, D("2023-06-30"));
  ASSERT_EQ(d->comments.size(), 1u);
  EXPECT_EQ(d->comments[0].text, "Khẩn trương");
  ASSERT_EQ(d->attachments.size(), 3u);  // the reports' two and the task's own, by id
  EXPECT_EQ(d->attachments[2].filename, "kh.pdf");
  EXPECT_LT(d->attachments[0].id, d->attachments[1].id);
  EXPECT_LT(d->attachments[1].id, d->attachments[2].id);
  EXPECT_EQ(d->attachments[0].size, 5);
  // sha256("bytes"); both attachments share one blob.
  EXPECT_EQ(d->attachments[0].sha256,
            "277089d91c0bdf4f2e6862ba7e4a07605119431f5d13f726dd352b06f1b206a9");
  EXPECT_EQ(d->attachments[0].storage_key, d->attachments[1].storage_key);
  EXPECT_EQ(*store_->ReadBlob(a, d->attachments[0].storage_key), "bytes");
  EXPECT_EQ(store_->ReadBlob(seed_.b, d->attachments[0].storage_key).status().code(),
            StatusCode::kNotFound);
  ASSERT_EQ(d->occurrences.size(), 1u);
  EXPECT_EQ(store_->GetExtension(a, ext_id)->decided_by, seed_.user["vanphong"]);

  Status dup = Tx([&](StoreTx& tx) {
    return tx
        .CreateOccurrence(
            {0, a, t1, D("2023-07-01"), D("2023-07-31"), D("2023-07-31"), std::nullopt})
        .status();
  });
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
}

TEST_F(StoreBasicsTest, OccurrencesBelongToRecurringTasksOnly) {
  // A task read looks up occurrences for recurring tasks alone, so the store keeps them there.
  const Id a = seed_.a;
  const Id t1 = seed_.task["T1"];
  const domain::Occurrence july{
      0, a, t1, D("2023-07-01"), D("2023-07-31"), D("2023-07-31"), std::nullopt};
  auto set_kind = [&](domain::DeadlineKind kind) {
    return Tx([&](StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(a, t1));
      t.deadline.kind = kind;
      return tx.UpdateTask(t);
    });
  };
  // 1. Not on a dated task.
  ASSERT_EQ(store_->GetTask(a, t1)->deadline.kind, domain::DeadlineKind::kDate);
  Status st = Tx([&](StoreTx& tx) { return tx.CreateOccurrence(july).status(); });
  EXPECT_EQ(st.code(), StatusCode::kConflict) << st.ToString();
  EXPECT_TRUE(store_->GetTaskDetail(a, t1, TaskHistory::kLeaveOut)->occurrences.empty());
  // 2. A recurring task without occurrences may become dated again; with one it may not.
  ASSERT_TRUE(set_kind(domain::DeadlineKind::kRecurring).ok());
  ASSERT_TRUE(set_kind(domain::DeadlineKind::kDate).ok());
  ASSERT_TRUE(set_kind(domain::DeadlineKind::kRecurring).ok());
  ASSERT_TRUE(Tx([&](StoreTx& tx) { return tx.CreateOccurrence(july).status(); }).ok());
  for (auto kind :
       {domain::DeadlineKind::kDate, domain::DeadlineKind::kNone, domain::DeadlineKind::kOngoing}) {
    st = set_kind(kind);
    EXPECT_EQ(st.code(), StatusCode::kConflict) << st.ToString();
  }
  // 3. The refused writes left the task and its period as they were.
  Result<TaskDetail> d = store_->GetTaskDetail(a, t1, TaskHistory::kLeaveOut);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->task.deadline.kind, domain::DeadlineKind::kRecurring);
  ASSERT_EQ(d->occurrences.size(), 1u);
  EXPECT_EQ(d->occurrences[0].period_start, D("2023-07-01"));
  // 4. An unknown task has none to get.
  domain::Occurrence stray = july;
  stray.task_id = t1 + 1000;
  st = Tx([&](StoreTx& tx) { return tx.CreateOccurrence(stray).status(); });
  EXPECT_EQ(st.code(), StatusCode::kNotFound) << st.ToString();
}

TEST_F(StoreBasicsTest, TaskDetailBringsTheNewestAuditRowsOfItsTaskOldestFirst) {
  const Id a = seed_.a;
  const Id t1 = seed_.task["T1"];
  const int n = TaskDetail::kTaskHistoryLimit + 3;
  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                for (int i = 0; i < n; ++i) {
                  domain::AuditEntry e;
                  e.tenant_id = a;
                  e.at = kT0 + i;
                  e.action = "task_update";
                  e.entity = "task";
                  e.entity_id = t1;
                  e.after_json = "{\"i\":" + std::to_string(i) + "}";
                  DONDOC_RETURN_IF_ERROR(tx.AppendAudit(e).status());
                  // Rows of another task, and of a notice with the same id, are not its history.
                  e.entity_id = seed_.task["T2"];
                  DONDOC_RETURN_IF_ERROR(tx.AppendAudit(e).status());
                  e.entity = "notice";
                  e.entity_id = t1;
                  DONDOC_RETURN_IF_ERROR(tx.AppendAudit(e).status());
                }
                return Status::Ok();
              }).ok());
  EXPECT_TRUE(store_->GetTaskDetail(a, t1, TaskHistory::kLeaveOut)->history.empty());
  auto d = store_->GetTaskDetail(a, t1, TaskHistory::kInclude);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->history.size(), static_cast<size_t>(TaskDetail::kTaskHistoryLimit));
  EXPECT_EQ(d->history.front().after_json, "{\"i\":3}");  // the three oldest left out
  EXPECT_EQ(d->history.back().after_json, "{\"i\":" + std::to_string(n - 1) + "}");
  for (size_t i = 1; i < d->history.size(); ++i) {
    EXPECT_LT(d->history[i - 1].id, d->history[i].id) << i;
    EXPECT_EQ(d->history[i].entity, "task");
    EXPECT_EQ(d->history[i].entity_id, t1);
  }
}

TEST_F(StoreBasicsTest, HolidayOverrides) {
  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                DONDOC_RETURN_IF_ERROR(tx.PutHoliday(seed_.a, {D("2024-04-29"), true, "Nghỉ bù"}));
                DONDOC_RETURN_IF_ERROR(tx.PutHoliday(seed_.a, {D("2024-05-04"), false, "Làm bù"}));
                return tx.PutHoliday(seed_.a, {D("2024-04-29"), true, "Nghỉ bù 30/4"});
              }).ok());
  auto h = store_->ListHolidays(seed_.a);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 2u);
  EXPECT_EQ((*h)[0].name, "Nghỉ bù 30/4");
  EXPECT_FALSE((*h)[1].day_off);
  EXPECT_TRUE(store_->ListHolidays(seed_.b)->empty());
  ASSERT_TRUE(Tx([&](StoreTx& tx) { return tx.DeleteHoliday(seed_.a, D("2024-05-04")); }).ok());
  EXPECT_EQ(store_->ListHolidays(seed_.a)->size(), 1u);
}

TEST_F(StoreBasicsTest, TenantsAndRemainingLookups) {
  auto tenants = store_->ListTenants();
  ASSERT_TRUE(tenants.ok());
  ASSERT_EQ(tenants->size(), 2u);
  EXPECT_EQ(store_->FindTenantBySlug("other")->id, seed_.b);
  EXPECT_EQ(store_->GetTenant(seed_.a)->name, "UBND thị xã Đức Phổ");
  EXPECT_EQ(store_->FindTenantBySlug("none").status().code(), StatusCode::kNotFound);
  Status dup = Tx([](StoreTx& tx) { return tx.CreateTenant({0, "other", "x", kT0}).status(); });
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);

  const Id a = seed_.a;
  const Id t4 = seed_.task["T4"];
  Id report = 0;
  Id occ = 0;
  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                DONDOC_ASSIGN_OR_RETURN(
                    occ, tx.CreateOccurrence({0, a, t4, D("2023-06-01"), D("2023-06-30"),
                                              D("2023-06-30"), std::nullopt}));
                domain::ProgressReport r{
                    0,   a,    t4, occ, seed_.unit["toa"], seed_.user["tckh"], "Báo cáo tháng 6",
                    100, true, kT0};
                DONDOC_ASSIGN_OR_RETURN(report, tx.AddProgressReport(r));
                domain::Occurrence o{
                    occ, a, t4, D("2023-06-01"), D("2023-06-30"), D("2023-06-30"), D("2023-06-28")};
                return tx.UpdateOccurrence(o);
              }).ok());
  auto r = store_->GetProgressReport(a, report);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->occurrence_id, occ);
  EXPECT_TRUE(r->done);
  auto occs = store_->ListOccurrences(a, t4);
  ASSERT_EQ(occs->size(), 1u);
  EXPECT_EQ((*occs)[0].done_date, D("2023-06-28"));
  EXPECT_EQ(store_->GetProgressReport(seed_.b, report).status().code(), StatusCode::kNotFound);

  // Notice text edits reach the search index; tokens and sessions go away when deleted.
  ASSERT_TRUE(Tx([&](StoreTx& tx) -> Status {
                DONDOC_ASSIGN_OR_RETURN(domain::Notice n, tx.GetNotice(a, seed_.notice2));
                n.text = "Thông báo về phòng chống dịch bệnh";
                n.subject = "Phòng chống dịch";
                DONDOC_RETURN_IF_ERROR(tx.UpdateNotice(n));
                DONDOC_RETURN_IF_ERROR(tx.CreateApiToken({"tok", a, seed_.user["tckh"], "", kT0}));
                DONDOC_RETURN_IF_ERROR(
                    tx.CreateSession({"s", a, seed_.user["tckh"], "c", kT0, kT0, kT0 + 10}));
                DONDOC_RETURN_IF_ERROR(tx.DeleteApiToken(a, "tok"));
                return tx.DeleteSession(a, "s");
              }).ok());
  NoticeFilter nf;
  nf.q = "dich benh";
  auto notices = store_->ListNotices(a, nf);
  ASSERT_EQ(notices->total, 1);
  EXPECT_EQ(notices->items[0].subject, "Phòng chống dịch");
  EXPECT_EQ(store_->GetApiToken(a, "tok").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetSession(a, "s").status().code(), StatusCode::kNotFound);
  NoticeFilter paged;
  paged.limit = 1;
  paged.offset = 1;
  auto page = store_->ListNotices(a, paged);
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, seed_.notice1);  // newest first
}

}  // namespace
}  // namespace dondoc::store
