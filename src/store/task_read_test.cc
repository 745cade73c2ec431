// Tasks read from row hints (reads::GetTaskDetail's and reads::GetTasks's, which SqliteStore
// takes from the task facts): a hint saves a b-tree descent and must never change the answer,
// whatever row it points at.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "store/db.h"
#include "store/reads.h"
#include "store/task_facts.h"
#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::TempDbPath;

// A hint with a rowid only.
reads::TaskRowHint AtRowid(std::int64_t rowid) {
  reads::TaskRowHint hint;
  hint.rowid = rowid;
  return hint;
}

class TaskReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempDbPath("task_read.db");
    store_ = testing::OpenAt(path_);
    seed_ = testing::SeedStore(*store_);
    auto db = Db::Open(path_, 1000);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  std::int64_t RowidOf(Id tenant_id, Id task_id) { return TaskInt("rowid", tenant_id, task_id); }
  std::int64_t UnitsVersionOf(Id tenant_id, Id task_id) {
    return TaskInt("units_version", tenant_id, task_id);
  }
  // An integer column of the task's row, read outside the store.
  std::int64_t TaskInt(const std::string& column, Id tenant_id, Id task_id) {
    auto s = db_->Prepare("SELECT " + column + " FROM tasks WHERE tenant_id = ?1 AND id = ?2");
    EXPECT_TRUE(s.ok());
    s->Bind(1, tenant_id).Bind(2, task_id);
    auto row = s->Step();
    EXPECT_TRUE(row.ok() && *row);
    return s->Int(0);
  }

  // Sets the task's lead and support units in a transaction of its own.
  void SetUnits(Id task_id, std::vector<Id> leads, std::vector<Id> supports) {
    ASSERT_TRUE(store_
                    ->InTransaction([&](StoreTx& tx) -> Status {
                      DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, task_id));
                      t.lead_unit_ids = leads;
                      t.support_unit_ids = supports;
                      t.updated_at += 60;
                      return tx.UpdateTask(t);
                    })
                    .ok());
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  testing::Seed seed_;
  std::unique_ptr<Db> db_;
};

TEST_F(TaskReadTest, ARowHintIsCheckedAgainstTheTasksKey) {
  const Id a = seed_.a;
  const Id t1 = seed_.task["T1"];
  // B1 is the other tenant's task with T1's id: its row has the same id, another tenant.
  ASSERT_EQ(seed_.task["B1"], t1);
  const struct {
    int n;
    const char* what;
    std::int64_t hint;
  } cases[] = {
      {1, "no hint", 0},
      {2, "the task's own row", RowidOf(a, t1)},
      {3, "the same id in another tenant", RowidOf(seed_.b, seed_.task["B1"])},
      {4, "another task of the tenant", RowidOf(a, seed_.task["T2"])},
      {5, "no row there", std::int64_t{1} << 40},
      {6, "a negative rowid", -1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n) + ": " + c.what);
    auto d = reads::GetTaskDetail(*db_, a, t1, TaskHistory::kInclude, AtRowid(c.hint));
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->task.tenant_id, a);
    EXPECT_EQ(d->task.id, t1);
    EXPECT_EQ(d->task.ref, "T1");
    EXPECT_EQ(d->task.text, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công");
    EXPECT_EQ(d->task.lead_unit_ids, std::vector<Id>{seed_.unit["tckh"]});
    EXPECT_EQ(d->task.support_unit_ids, std::vector<Id>{seed_.unit["congan"]});
  }
  // 7: a task that does not exist, hinted at a row that does.
  auto missing =
      reads::GetTaskDetail(*db_, a, 9999, TaskHistory::kInclude, AtRowid(RowidOf(a, t1)));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST_F(TaskReadTest, APagesRowHintsAreCheckedAgainstTheTasksKeys) {
  const Id a = seed_.a;
  const std::vector<Id> ids = {seed_.task["T1"], seed_.task["T2"], 9999, seed_.task["T3"]};
  const std::vector<std::string> refs = {"T1", "T2", "T3"};  // 9999 does not exist
  const std::int64_t t1 = RowidOf(a, seed_.task["T1"]);
  const std::int64_t b1 = RowidOf(seed_.b, seed_.task["B1"]);
  const struct {
    int n;
    const char* what;
    std::vector<std::int64_t> hints;
  } cases[] = {
      {1, "no hints", {}},
      {2, "the right rows", {t1, RowidOf(a, seed_.task["T2"]), 0, RowidOf(a, seed_.task["T3"])}},
      {3, "every hint at T1's row", {t1, t1, t1, t1}},
      {4, "another tenant's row, none, past the end", {b1, 0, b1, std::int64_t{1} << 40}},
      {5, "fewer hints than ids: none used", {b1, b1}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n) + ": " + c.what);
    auto tasks = reads::GetTasks(*db_, a, ids, /*with_units=*/true, c.hints);
    ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
    ASSERT_EQ(tasks->size(), refs.size());
    for (size_t i = 0; i < refs.size(); ++i) {
      EXPECT_EQ((*tasks)[i].tenant_id, a);
      EXPECT_EQ((*tasks)[i].ref, refs[i]);
      EXPECT_FALSE((*tasks)[i].lead_unit_ids.empty());
    }
  }
}

// The hints the task facts give are the rows' rowids (a wrong one would cost the fallback's
// read on every task, silently), for active tasks only, and follow a notice made active.
TEST_F(TaskReadTest, TheFactsHintAtEachActiveTasksRow) {
  const Id a = seed_.a;
  TaskFacts facts;
  ASSERT_TRUE(facts.Refresh(*db_, a).ok());
  for (const char* ref : {"T1", "T2", "T3", "T4", "T5", "T6"}) {
    SCOPED_TRACE(ref);
    EXPECT_EQ(facts.Hint(seed_.task[ref]).rowid, RowidOf(a, seed_.task[ref]));
  }
  EXPECT_EQ(facts.Hint(seed_.task["T7"]).rowid, 0);  // a draft notice's task
  EXPECT_EQ(facts.Hint(9999).rowid, 0);

  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) {
                    return tx.ActivateNotice(a, seed_.notice2, testing::kT0 + 60);
                  })
                  .ok());
  facts.MarkNotice(seed_.notice2);
  ASSERT_TRUE(facts.Refresh(*db_, a).ok());
  EXPECT_EQ(facts.Hint(seed_.task["T7"]).rowid, RowidOf(a, seed_.task["T7"]));
  EXPECT_EQ(facts.Hint(seed_.task["T1"]).rowid, RowidOf(a, seed_.task["T1"]));
}

// The hints past gaps in the ids: a draft's task, another tenant's, ids below and above. The
// facts look first where a task would be without gaps, then search below that.
TEST_F(TaskReadTest, TheFactsHintPastGapsInTheIds) {
  const Id a = seed_.a;
  Id active_notice = 0, draft_notice = 0;
  std::map<std::string, Id> ids;
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    domain::Notice n;
                    n.tenant_id = a;
                    n.number = "7/TB-UBND";
                    n.text = "Thông báo có nhiệm vụ xen kẽ";
                    n.sha256 = "cccc";
                    n.created_at = testing::kT0;
                    DONDOC_ASSIGN_OR_RETURN(active_notice, tx.CreateNotice(n));
                    n.sha256 = "dddd";
                    DONDOC_ASSIGN_OR_RETURN(draft_notice, tx.CreateNotice(n));
                    // C1, then a draft's D1 and another tenant's E1 between it and C2.
                    const Id unit = seed_.unit["tckh"];
                    for (auto [ref, tenant, notice] : {std::tuple{"C1", a, active_notice},
                                                       {"D1", a, draft_notice},
                                                       {"E1", seed_.b, seed_.notice_b},
                                                       {"C2", a, active_notice}}) {
                      const Id lead = tenant == a ? unit : seed_.unit["b_unit"];
                      DONDOC_ASSIGN_OR_RETURN(
                          ids[ref], tx.CreateTask(testing::MakeTask(
                                        tenant, notice, ref, "Nhiệm vụ", {lead}, {}, "2023-09-01",
                                        domain::StoredStatus::kOpen, nullptr)));
                    }
                    return tx.ActivateNotice(a, active_notice, testing::kT0 + 60);
                  })
                  .ok());
  TaskFacts facts;
  ASSERT_TRUE(facts.Refresh(*db_, a).ok());
  std::set<Id> active = {ids["C1"], ids["C2"]};
  for (const char* ref : {"T1", "T2", "T3", "T4", "T5", "T6"}) active.insert(seed_.task[ref]);
  ASSERT_LT(seed_.task["T7"], ids["C2"]);  // T7, a draft's, is a gap too
  for (Id id = 0; id <= ids["C2"] + 2; ++id) {
    SCOPED_TRACE(id);
    EXPECT_EQ(facts.Hint(id).rowid, active.count(id) ? RowidOf(a, id) : 0);
  }
}

// The units of a hint stand for the task's task_units rows only when the row read at the hint's
// rowid has the hint's units version; else they are read.
TEST_F(TaskReadTest, AUnitsHintIsTakenOnlyAtTheRowsUnitsVersion) {
  const Id a = seed_.a;
  const Id t1 = seed_.task["T1"];
  const std::int64_t version = UnitsVersionOf(a, t1);
  const std::vector<Id> real_leads = {seed_.unit["tckh"]};
  const std::vector<Id> real_supports = {seed_.unit["congan"]};
  const struct {
    int n;
    const char* what;
    std::int64_t rowid, units_version;
    bool taken;
  } cases[] = {
      {1, "the row and its version", RowidOf(a, t1), version, true},
      {2, "an older version", RowidOf(a, t1), version - 1, false},
      {3, "a newer version", RowidOf(a, t1), version + 1, false},
      {4, "no version", RowidOf(a, t1), -1, false},
      {5, "no rowid", 0, version, false},
      {6, "another task's row", RowidOf(a, seed_.task["T2"]), version, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n) + ": " + c.what);
    reads::TaskRowHint hint{c.rowid, c.units_version, {999}, {998}};
    auto d = reads::GetTaskDetail(*db_, a, t1, TaskHistory::kLeaveOut, hint);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->task.ref, "T1");
    EXPECT_EQ(d->task.lead_unit_ids, c.taken ? std::vector<Id>{999} : real_leads);
    EXPECT_EQ(d->task.support_unit_ids, c.taken ? std::vector<Id>{998} : real_supports);
  }
}

// Every write that replaces a task's units moves its version; other writes leave it.
TEST_F(TaskReadTest, ReplacingATasksUnitsMovesItsUnitsVersion) {
  const Id a = seed_.a;
  const Id t1 = seed_.task["T1"];
  const std::int64_t created = UnitsVersionOf(a, t1);
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(a, t1));
                    t.text += " (sửa chữ)";
                    t.updated_at += 60;
                    return tx.UpdateTask(t);
                  })
                  .ok());
  EXPECT_EQ(UnitsVersionOf(a, t1), created);
  SetUnits(t1, {seed_.unit["congan"]}, {seed_.unit["tckh"]});
  EXPECT_EQ(UnitsVersionOf(a, t1), created + 1);
  SetUnits(t1, {seed_.unit["tckh"]}, {seed_.unit["congan"]});  // back as they were
  EXPECT_EQ(UnitsVersionOf(a, t1), created + 2);
  SetUnits(t1, {seed_.unit["tckh"]}, {});
  EXPECT_EQ(UnitsVersionOf(a, t1), created + 3);
}

// The store's detail takes units from its task facts; a units change they have not taken in yet
// must show, and so must one changed back to what they hold.
TEST_F(TaskReadTest, TheStoresDetailShowsUnitsChangedSinceItsFactsWereRead) {
  const Id a = seed_.a;
  const Id t1 = seed_.task["T1"];
  TaskFilter f;
  f.sort = TaskSort::kIdAsc;
  ASSERT_TRUE(store_->ListTasks(a, f).ok());  // loads the facts: T1 led by tckh, congan supports
  auto units_of = [&]() {
    auto d = store_->GetTaskDetail(a, t1, TaskHistory::kLeaveOut);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return std::pair(d->task.lead_unit_ids, d->task.support_unit_ids);
  };
  using Units = std::pair<std::vector<Id>, std::vector<Id>>;
  EXPECT_EQ(units_of(), (Units{{seed_.unit["tckh"]}, {seed_.unit["congan"]}}));

  SetUnits(t1, {seed_.unit["congan"]}, {seed_.unit["phoan"], seed_.unit["tckh"]});
  EXPECT_EQ(units_of(), (Units{{seed_.unit["congan"]}, {seed_.unit["phoan"], seed_.unit["tckh"]}}));
  ASSERT_TRUE(store_->ListTasks(a, f).ok());  // the facts take the change in
  EXPECT_EQ(units_of(), (Units{{seed_.unit["congan"]}, {seed_.unit["phoan"], seed_.unit["tckh"]}}));

  SetUnits(t1, {seed_.unit["tckh"]}, {});
  EXPECT_EQ(units_of(), (Units{{seed_.unit["tckh"]}, {}}));
  SetUnits(t1, {seed_.unit["congan"]}, {seed_.unit["phoan"], seed_.unit["tckh"]});  // as the facts
  EXPECT_EQ(units_of(), (Units{{seed_.unit["congan"]}, {seed_.unit["phoan"], seed_.unit["tckh"]}}));
}

TEST_F(TaskReadTest, TheStoresDetailAfterItsFactsAreLoadedIsTheTransactionsDetail) {
  // A list loads the task facts, and with them the rows' hints.
  TaskFilter f;
  f.sort = TaskSort::kIdAsc;
  ASSERT_TRUE(store_->ListTasks(seed_.a, f).ok());
  // A write after the facts were read: the next detail reads the changed row.
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, seed_.task["T2"]));
                    t.text = "Công an thị xã đảm bảo an ninh trật tự dịp Tết";
                    t.updated_at += 60;
                    return tx.UpdateTask(t);
                  })
                  .ok());
  for (const char* ref : {"T1", "T2", "T3", "T4", "T5", "T6", "T7"}) {
    SCOPED_TRACE(ref);
    auto got = store_->GetTaskDetail(seed_.a, seed_.task[ref], TaskHistory::kInclude);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    TaskDetail want;
    ASSERT_TRUE(store_
                    ->InTransaction([&](StoreTx& tx) -> Status {
                      DONDOC_ASSIGN_OR_RETURN(
                          want, tx.GetTaskDetail(seed_.a, seed_.task[ref], TaskHistory::kInclude));
                      return Status::Ok();
                    })
                    .ok());
    EXPECT_EQ(got->task.id, want.task.id);
    EXPECT_EQ(got->task.text, want.task.text);
    EXPECT_EQ(got->task.updated_at, want.task.updated_at);
    EXPECT_EQ(got->task.lead_unit_ids, want.task.lead_unit_ids);
    EXPECT_EQ(got->task.support_unit_ids, want.task.support_unit_ids);
    EXPECT_EQ(got->history.size(), want.history.size());
  }
  auto t2 = store_->GetTaskDetail(seed_.a, seed_.task["T2"], TaskHistory::kLeaveOut);
  ASSERT_TRUE(t2.ok());
  EXPECT_EQ(t2->task.text, "Công an thị xã đảm bảo an ninh trật tự dịp Tết");
}

}  // namespace
}  // namespace dondoc::store
