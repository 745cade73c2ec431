#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/fts_tokenizer.h"
#include "store/test_seed.h"

namespace dondoc::store {
namespace {

TEST(FtsQueryTest, QuotesEveryWord) {
  struct Case {
    int n;
    std::string in;
    std::string want;
  };
  const Case cases[] = {
      {1, "giai ngan", "\"giai\" \"ngan\""},
      {2, "  dau\ttu  ", "\"dau\" \"tu\""},
      {3, "a\"b", "\"a\"\"b\""},
      {4, "NEAR(x y) OR z*", "\"NEAR(x\" \"y)\" \"OR\" \"z*\""},
      {5, "", ""},
      {6, std::string("x\0y", 3), "\"x\" \"y\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(FtsQuery(c.in), c.want);
  }
}

class FtsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenMemory();
    seed_ = testing::SeedStore(*store_);
  }
  std::unique_ptr<Store> store_;
  testing::Seed seed_;
};

TEST_F(FtsStoreTest, DiacriticAndDInsensitive) {
  struct Case {
    int n;
    std::string q;
    long want_tasks;  // in tenant a
  };
  const Case cases[] = {
      {1, "giai ngan", 1}, {2, "giải ngân", 1}, {3, "GIẢI NGÂN", 1}, {4, "dau tu", 1},
      {5, "đầu tư", 1},    {6, "ĐẦU TƯ", 1},    {7, "dam bao", 1},   {8, "an ninh trat tu", 1},
      {9, "ngan", 2},      {10, "khong co", 0}, {11, "\"", 0},       {12, "OR", 0},
      {13, "dat dai", 1},  {14, "*", 0},        {15, "NEAR(", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    TaskFilter f;
    f.q = c.q;
    auto page = store_->ListTasks(seed_.a, f);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, c.want_tasks);
  }
}

TEST_F(FtsStoreTest, IndexFollowsUpdatesAndDeletes) {
  TaskFilter f;
  f.q = "thuy loi";
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 0);
  ASSERT_TRUE(store_
                  ->InTransaction([&](StoreTx& tx) -> Status {
                    DONDOC_ASSIGN_OR_RETURN(domain::Task t, tx.GetTask(seed_.a, seed_.task["T4"]));
                    t.text = "Nạo vét kênh mương thủy lợi";
                    return tx.UpdateTask(t);
                  })
                  .ok());
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 1);
  f.q = "bao cao hang thang";
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 0);
  ASSERT_TRUE(
      store_->InTransaction([&](StoreTx& tx) { return tx.DeleteTask(seed_.a, seed_.task["T4"]); })
          .ok());
  f.q = "thuy loi";
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 0);
}

TEST_F(FtsStoreTest, RolledBackWritesLeaveNoIndexEntry) {
  Status st = store_->InTransaction([&](StoreTx& tx) -> Status {
    auto t = testing::MakeTask(seed_.a, seed_.notice1, "T9", "Phòng chống thiên tai", {}, {},
                               nullptr, domain::StoredStatus::kOpen, nullptr);
    DONDOC_RETURN_IF_ERROR(tx.CreateTask(t).status());
    return Status::Conflict("changed my mind");
  });
  EXPECT_EQ(st.code(), StatusCode::kConflict);
  TaskFilter f;
  f.q = "thien tai";
  EXPECT_EQ(store_->ListTasks(seed_.a, f)->total, 0);
}

TEST_F(FtsStoreTest, NoticesSearch) {
  struct Case {
    int n;
    std::string q;
    std::optional<domain::NoticeStatus> status;
    long want;
  };
  const Case cases[] = {
      {1, "dau tu cong", std::nullopt, 1},
      {2, "thong bao", std::nullopt, 2},
      {3, "thong bao", domain::NoticeStatus::kDraft, 1},
      {4, "", std::nullopt, 2},
      {5, "khong", std::nullopt, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    NoticeFilter f;
    f.q = c.q;
    f.status = c.status;
    auto page = store_->ListNotices(seed_.a, f);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, c.want);
    for (const auto& n : page->items) EXPECT_TRUE(n.text.empty());
  }
}

}  // namespace
}  // namespace dondoc::store
