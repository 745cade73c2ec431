// The background checkpointer: commits leave their pages in the WAL, its thread copies them to
// the database file.
#include "store/wal_checkpointer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <string>
#include <thread>

#include "store/test_seed.h"

namespace dondoc::store {
namespace {

long FileSize(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? static_cast<long>(st.st_size) : -1;
}

std::unique_ptr<Db> OpenWal(const std::string& path) {
  std::unique_ptr<Db> db = std::move(Db::Open(path, 5000)).value();
  EXPECT_TRUE(db->Exec("PRAGMA journal_mode = WAL").ok());
  EXPECT_TRUE(db->Exec("CREATE TABLE t (x BLOB)").ok());
  return db;
}

// 200 commits of a 3 KB row each: ~200 new pages.
void Write(Db& db) {
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(db.Exec("INSERT INTO t VALUES (randomblob(3000))").ok());
  }
}

std::int64_t Count(const std::string& path) {
  std::unique_ptr<Db> db = std::move(Db::Open(path, 5000)).value();
  Result<Stmt> s = db->Prepare("SELECT count(*) FROM t");
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(s->Step().value());
  return s->Int(0);
}

// 1. Past the threshold the thread checkpoints: the rows reach the database file.
TEST(WalCheckpointerTest, CommitsPastTheThresholdReachTheDatabaseFile) {
  const std::string path = testing::TempDbPath("reach.db");
  std::unique_ptr<Db> writer = OpenWal(path);
  auto c = WalCheckpointer::Start(*writer, path, 5000, /*pages=*/16);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const long before = FileSize(path);
  Write(*writer);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (FileSize(path) < before + 100 * 4096 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GE(FileSize(path), before + 100 * 4096);
  EXPECT_GT((*c)->checkpoints(), 0u);
  EXPECT_EQ(Count(path), 200);
}

// 2. The committing connection no longer checkpoints by itself: below the threshold every new
// page stays in the WAL, the database file keeps its size, and every row is still readable.
TEST(WalCheckpointerTest, TheWriterDoesNotCheckpointItself) {
  const std::string path = testing::TempDbPath("writer.db");
  std::unique_ptr<Db> writer = OpenWal(path);
  ASSERT_TRUE(writer->Exec("PRAGMA wal_autocheckpoint = 10").ok());  // replaced by the hook
  auto c = WalCheckpointer::Start(*writer, path, 5000, /*pages=*/1000000);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const long before = FileSize(path);
  Write(*writer);
  EXPECT_EQ(FileSize(path), before);
  EXPECT_GE(FileSize(path + "-wal"), 200 * 4096);
  EXPECT_EQ((*c)->checkpoints(), 0u);
  EXPECT_EQ(Count(path), 200);
}

// 3. Stopping with a checkpoint wanted or running, then closing, loses nothing.
TEST(WalCheckpointerTest, StopsCleanlyAndTheCloseKeepsEverything) {
  const std::string path = testing::TempDbPath("stop.db");
  {
    std::unique_ptr<Db> writer = OpenWal(path);
    auto c = WalCheckpointer::Start(*writer, path, 5000, /*pages=*/1);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    Write(*writer);
  }  // the checkpointer goes first, then the writer's close checkpoints the rest
  EXPECT_EQ(Count(path), 200);
}

TEST(WalCheckpointerTest, AnUnopenablePathIsAnError) {
  std::unique_ptr<Db> writer = std::move(Db::Open(":memory:", 5000)).value();
  auto c = WalCheckpointer::Start(*writer, "/nonexistent-dir/x/y.db", 5000, 16);
  EXPECT_FALSE(c.ok());
}

}  // namespace
}  // namespace dondoc::store
