// Scorecards and task lists from the in-memory facts (Store::Scorecards, Store::ListTasks) against
// the same questions answered by SQL inside a transaction (a StoreTx reads the tables directly),
// after each kind of write that changes an answer: the facts are brought up to date from the
// marks writes leave.
#include "store/task_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::D;

class TaskFactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenMemory();
    seed_ = testing::SeedStore(*store_);
  }

  // Every grouping × dates × visibility: the store's answer equals the SQL count.
  void ExpectSameAsSql(const std::string& when) {
    ExpectSameListsAsSql(when);
    ExpectSameTotalsAsSql(when);
    const std::vector<const char*> dates = {"2023-05-01", "2023-06-20", "2023-06-25",
                                            "2023-07-01", "2023-07-12", "2024-01-01"};
    const std::vector<std::optional<std::vector<Id>>> visibility = {
        std::nullopt, std::vector<Id>{seed_.unit["tckh"], seed_.unit["phoan"]}};
    int n = 0;
    for (ScoreGroup by : {ScoreGroup::kUnit, ScoreGroup::kField, ScoreGroup::kNotice}) {
      for (const char* date : dates) {
        for (const auto& visible : visibility) {
          SCOPED_TRACE(when + ", case " + std::to_string(++n) + " " + date);
          ScoreFilter f;
          f.by = by;
          f.as_of = D(date);
          f.visible_unit_ids = visible;
          auto got = store_->Scorecards(seed_.a, f);
          ASSERT_TRUE(got.ok()) << got.status().ToString();
          std::vector<domain::ScoreRow> want;
          Status st = store_->InTransaction([&](StoreTx& tx) -> Status {
            DONDOC_ASSIGN_OR_RETURN(want, tx.Scorecards(seed_.a, f));
            return Status::Ok();
          });
          ASSERT_TRUE(st.ok()) << st.ToString();
          ASSERT_EQ(got->size(), want.size());
          for (size_t i = 0; i < want.size(); ++i) {
            EXPECT_EQ((*got)[i].key, want[i].key);
            EXPECT_EQ((*got)[i].counts, want[i].counts) << "row " << i;
          }
        }
      }
    }
  }

  // A table of list filters × dates: the store's page (total and ids in order) equals SQL's.
  void ExpectSameListsAsSql(const std::string& when) {
    using domain::TaskState;
    using domain::UnitRole;
    std::vector<std::pair<std::string, TaskFilter>> filters;
    auto add = [&](std::string name, const std::function<void(TaskFilter*)>& set) {
      TaskFilter f;
      set(&f);
      filters.emplace_back(std::move(name), f);
    };
    for (TaskSort sort : {TaskSort::kDueAsc, TaskSort::kDueDesc, TaskSort::kCreatedDesc,
                          TaskSort::kIdAsc, TaskSort::kUpdatedDesc, TaskSort::kRank}) {
      add("all, sort " + std::to_string(static_cast<int>(sort)),
          [&](TaskFilter* f) { f->sort = sort; });
    }
    const std::vector<Id> two = {seed_.unit["tckh"], seed_.unit["phoan"]};
    add("visible", [&](TaskFilter* f) { f->visible_unit_ids = two; });
    add("visible as lead", [&](TaskFilter* f) {
      f->visible_unit_ids = two;
      f->role = UnitRole::kLead;
    });
    add("visible as support", [&](TaskFilter* f) {
      f->visible_unit_ids = two;
      f->role = UnitRole::kSupport;
    });
    add("visible none", [&](TaskFilter* f) { f->visible_unit_ids = std::vector<Id>{}; });
    add("unit with sub-units", [&](TaskFilter* f) { f->unit_id = seed_.unit["ubnd"]; });
    add("unit alone", [&](TaskFilter* f) {
      f->unit_id = seed_.unit["tckh"];
      f->include_sub_units = false;
    });
    add("unit as lead, visible", [&](TaskFilter* f) {
      f->unit_id = seed_.unit["tckh"];
      f->role = UnitRole::kLead;
      f->visible_unit_ids = two;
    });
    add("unknown unit", [&](TaskFilter* f) { f->unit_id = 999999; });
    add("role alone", [&](TaskFilter* f) { f->role = UnitRole::kSupport; });
    add("field", [&](TaskFilter* f) { f->field_id = seed_.field["kinhte"]; });
    add("field, visible, as lead", [&](TaskFilter* f) {
      f->field_id = seed_.field["noichinh"];
      f->visible_unit_ids = two;
      f->role = UnitRole::kLead;
    });
    add("unknown field", [&](TaskFilter* f) { f->field_id = 999999; });
    for (int s = 0; s < domain::kTaskStateCount; ++s) {
      add("state " + std::to_string(s),
          [&](TaskFilter* f) { f->states = {static_cast<TaskState>(s)}; });
    }
    add("open states", [&](TaskFilter* f) {
      f->states = {TaskState::kNotDue, TaskState::kInProgress, TaskState::kOverdue,
                   TaskState::kReturned, TaskState::kPendingConfirmation};
    });
    add("overdue", [&](TaskFilter* f) { f->overdue_only = true; });
    add("due range", [&](TaskFilter* f) {
      f->due_after = D("2023-06-10");
      f->due_before = D("2023-06-30");
    });
    add("notice", [&](TaskFilter* f) { f->notice_id = seed_.notice1; });
    add("draft notice", [&](TaskFilter* f) { f->notice_id = seed_.notice2; });
    add("page 2 of 2", [&](TaskFilter* f) {
      f->limit = 2;
      f->offset = 2;
    });
    add("count only", [&](TaskFilter* f) { f->limit = 0; });
    add("past the end", [&](TaskFilter* f) { f->offset = 100; });
    int n = 0;
    for (const char* date : {"2023-05-01", "2023-06-25", "2023-07-12"}) {
      for (auto [name, f] : filters) {
        SCOPED_TRACE(when + ", list " + std::to_string(++n) + " " + name + " " + date);
        f.as_of = D(date);
        ASSERT_TRUE(TaskFacts::CanList(f));
        auto got = store_->ListTasks(seed_.a, f);
        ASSERT_TRUE(got.ok()) << got.status().ToString();
        Page<domain::Task> want;
        Status st = store_->InTransaction([&](StoreTx& tx) -> Status {
          DONDOC_ASSIGN_OR_RETURN(want, tx.ListTasks(seed_.a, f));
          return Status::Ok();
        });
        ASSERT_TRUE(st.ok()) << st.ToString();
        EXPECT_EQ(got->total, want.total);
        std::vector<Id> got_ids, want_ids;
        for (const auto& t : got->items) got_ids.push_back(t.id);
        for (const auto& t : want.items) want_ids.push_back(t.id);
        EXPECT_EQ(got_ids, want_ids);
        // Units come from the facts, rows from the tables: the same as SQL's, in order.
        for (size_t i = 0; i < std::min(got->items.size(), want.items.size()); ++i) {
          EXPECT_EQ(got->items[i].lead_unit_ids, want.items[i].lead_unit_ids) << i;
          EXPECT_EQ(got->items[i].support_unit_ids, want.items[i].support_unit_ids) << i;
          EXPECT_EQ(got->items[i].text, want.items[i].text) << i;
        }
        // Asked again (the page's ids and units kept until the next commit): the same tasks.
        auto again = store_->ListTasks(seed_.a, f);
        ASSERT_TRUE(again.ok()) << again.status().ToString();
        ASSERT_EQ(again->items.size(), got->items.size());
        for (size_t i = 0; i < got->items.size(); ++i) {
          EXPECT_EQ(again->items[i].id, got->items[i].id) << i;
          EXPECT_EQ(again->items[i].lead_unit_ids, got->items[i].lead_unit_ids) << i;
          EXPECT_EQ(again->items[i].support_unit_ids, got->items[i].support_unit_ids) << i;
        }
      }
    }
  }

  // ScoreTotals over several dates and CountTasksByState for a few filters, against SQL.
  void ExpectSameTotalsAsSql(const std::string& when) {
    const std::vector<text::Date> dates = {D("2023-05-01"), D("2023-06-20"), D("2023-06-25"),
                                           D("2023-07-01"), D("2024-01-01")};
    int n = 0;
    for (const auto& visible : {std::optional<std::vector<Id>>{},
                                std::optional<std::vector<Id>>{{seed_.unit["phoan"]}}}) {
      for (std::optional<Id> notice : {std::optional<Id>{}, std::optional<Id>{seed_.notice1}}) {
        SCOPED_TRACE(when + ", totals " + std::to_string(++n));
        ScoreFilter f;
        f.visible_unit_ids = visible;
        f.notice_id = notice;
        auto got = store_->ScoreTotals(seed_.a, f, dates);
        ASSERT_TRUE(got.ok()) << got.status().ToString();
        std::vector<domain::ScoreCounts> want;
        ASSERT_TRUE(store_
                        ->InTransaction([&](StoreTx& tx) -> Status {
                          DONDOC_ASSIGN_OR_RETURN(want, tx.ScoreTotals(seed_.a, f, dates));
                          return Status::Ok();
                        })
                        .ok());
        ASSERT_EQ(got->size(), dates.size());
        EXPECT_EQ(*got, want);

        TaskFilter tf;
        tf.visible_unit_ids = visible;
        tf.notice_id = notice;
        for (const char* date : {"2023-05-01", "2023-06-25", "2023-07-12"}) {
          tf.as_of = D(date);
          for (bool overdue : {false, true}) {
            tf.overdue_only = overdue;
            auto by_state = store_->CountTasksByState(seed_.a, tf);
            ASSERT_TRUE(by_state.ok()) << by_state.status().ToString();
            std::array<long, domain::kTaskStateCount> sql{};
            ASSERT_TRUE(store_
                            ->InTransaction([&](StoreTx& tx) -> Status {
                              DONDOC_ASSIGN_OR_RETURN(sql, tx.CountTasksByState(seed_.a, tf));
                              return Status::Ok();
                            })
                            .ok());
            EXPECT_EQ(*by_state, sql) << date << (overdue ? " overdue" : "");
          }
        }
      }
    }
  }

  void Write(const std::function<Status(StoreTx&)>& fn) {
    Status st = store_->InTransaction(fn);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  // Reads task `ref`, lets `change` edit it, writes it back.
  void ChangeTask(const std::string& ref, const std::function<void(domain::Task*)>& change) {
    Write([&](StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, seed_.task[ref]));
      change(&t);
      return tx.UpdateTask(t);
    });
  }

  std::unique_ptr<Store> store_;
  testing::Seed seed_;
};

// 1. Every write that changes an answer is seen by the next scorecard and list.
TEST_F(TaskFactsTest, FollowEveryKindOfWrite) {
  ExpectSameAsSql("seeded");

  // Done late, then an extension moving a due date, then a changed lead unit.
  ChangeTask("T1", [](domain::Task* t) {
    t->status = domain::StoredStatus::kDone;
    t->done_date = D("2023-07-05");
  });
  ExpectSameAsSql("T1 done");
  ChangeTask("T2", [](domain::Task* t) { t->due = D("2023-12-31"); });
  ExpectSameAsSql("T2 extended");
  ChangeTask("T3", [&](domain::Task* t) { t->lead_unit_ids = {seed_.unit["congan"]}; });
  ExpectSameAsSql("T3 lead changed");
  ChangeTask("T5", [](domain::Task* t) { t->status = domain::StoredStatus::kPaused; });
  ExpectSameAsSql("T5 paused");

  // A recurring task gains occurrences (it then counts as them), one of them done.
  Write([&](StoreTx& tx) -> Status {
    const Id t4 = seed_.task["T4"];
    for (auto m : std::vector<std::pair<const char*, const char*>>{{"2023-05-01", "2023-05-31"},
                                                                   {"2023-06-01", "2023-06-30"},
                                                                   {"2023-07-01", "2023-07-31"}}) {
      domain::Occurrence o{0, seed_.a, t4, D(m.first), D(m.second), D(m.second), {}};
      DONDOC_RETURN_IF_ERROR(tx.CreateOccurrence(o).status());
    }
    return Status::Ok();
  });
  ExpectSameAsSql("T4 occurrences");
  Write([&](StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(auto occurrences, tx.ListOccurrences(seed_.a, seed_.task["T4"]));
    domain::Occurrence o = occurrences.front();
    o.done_date = D("2023-06-02");
    return tx.UpdateOccurrence(o);
  });
  ExpectSameAsSql("T4 first period done late");

  // A draft notice confirmed brings its tasks in; a task deleted takes its counts away.
  Write([&](StoreTx& tx) { return tx.ActivateNotice(seed_.a, seed_.notice2, testing::kT0); });
  ExpectSameAsSql("notice2 confirmed");
  Write([&](StoreTx& tx) { return tx.DeleteTask(seed_.a, seed_.task["T6"]); });
  ExpectSameAsSql("T6 deleted");

  // A new active task.
  Write([&](StoreTx& tx) -> Status {
    domain::Task t = testing::MakeTask(seed_.a, seed_.notice1, "T8", "Nhiệm vụ mới",
                                       {seed_.unit["phoan"], seed_.unit["tckh"]}, {}, "2023-06-30",
                                       domain::StoredStatus::kOpen, nullptr);
    t.draft = false;
    return tx.CreateTask(t).status();
  });
  ExpectSameAsSql("T8 created");
}

// 2. With many tasks, a few units' lists go through the unit index (fewer than an eighth of the
// tasks): their answers equal SQL's as tasks are added, change units and are deleted.
TEST_F(TaskFactsTest, UnitIndexFollowsUnitChanges) {
  std::vector<Id> added;
  Write([&](StoreTx& tx) -> Status {
    for (int i = 0; i < 120; ++i) {
      // Most tasks go to congan, so that tckh, phoan and toa stay small.
      std::vector<Id> lead = {seed_.unit[i % 20 == 0 ? "phoan" : "congan"]};
      std::vector<Id> support;
      if (i % 30 == 0) support.push_back(seed_.unit["toa"]);
      domain::Task t = testing::MakeTask(
          seed_.a, seed_.notice1, "N" + std::to_string(i), "Nhiệm vụ số " + std::to_string(i), lead,
          support, i % 3 ? "2023-06-30" : "2023-07-31", domain::StoredStatus::kOpen, nullptr);
      t.draft = false;
      DONDOC_ASSIGN_OR_RETURN(Id id, tx.CreateTask(t));
      added.push_back(id);
    }
    return Status::Ok();
  });
  ExpectSameListsAsSql("120 tasks added");
  // Units change: one task from phoan to tckh, one loses its support, one is deleted.
  Write([&](StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, added[20]));
    t.lead_unit_ids = {seed_.unit["tckh"]};
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(t));
    DONDOC_ASSIGN_OR_RETURN(domain::Task u, tx.GetTask(seed_.a, added[30]));
    u.support_unit_ids.clear();
    DONDOC_RETURN_IF_ERROR(tx.UpdateTask(u));
    return tx.DeleteTask(seed_.a, added[40]);
  });
  ExpectSameListsAsSql("units changed");
}

// 3. Another tenant's writes leave this tenant's counts as they were, and the other tenant is
// counted apart.
TEST_F(TaskFactsTest, TenantsAreCountedApart) {
  ScoreFilter f;
  f.as_of = D("2023-07-01");
  auto before = store_->Scorecards(seed_.a, f);
  ASSERT_TRUE(before.ok());
  Write([&](StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.b, seed_.task["B1"]));
    t.status = domain::StoredStatus::kDone;
    t.done_date = D("2023-06-01");
    return tx.UpdateTask(t);
  });
  auto after = store_->Scorecards(seed_.a, f);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(before->size(), after->size());
  for (size_t i = 0; i < before->size(); ++i) {
    EXPECT_EQ((*before)[i].key, (*after)[i].key);
    EXPECT_EQ((*before)[i].counts, (*after)[i].counts);
  }
  auto b = store_->Scorecards(seed_.b, f);
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ((*b)[0].key, seed_.unit["b_unit"]);
  EXPECT_EQ((*b)[0].counts.done_on_time, 1);
}

}  // namespace
}  // namespace dondoc::store
