// Scorecards from the in-memory facts (Store::Scorecards) against the same counts made by SQL
// inside a transaction (StoreTx::Scorecards reads the tables directly), after each kind of write
// that changes what is counted: the facts are brought up to date from the marks writes leave.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/test_seed.h"

namespace dondoc::store {
namespace {

using testing::D;

class ScoreFactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenMemory();
    seed_ = testing::SeedStore(*store_);
  }

  // Every grouping × dates × visibility: the store's answer equals the SQL count.
  void ExpectSameAsSql(const std::string& when) {
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

// 1. Every write that changes a count is seen by the next scorecard.
TEST_F(ScoreFactsTest, FollowEveryKindOfWrite) {
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
    return tx.CreateTask(t).status();
  });
  ExpectSameAsSql("T8 created");
}

// 2. Another tenant's writes leave this tenant's counts as they were, and the other tenant is
// counted apart.
TEST_F(ScoreFactsTest, TenantsAreCountedApart) {
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
