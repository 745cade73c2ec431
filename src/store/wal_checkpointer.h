// Checkpoints a WAL database from a thread of its own, so that no commit waits for one.
#ifndef DONDOC_STORE_WAL_CHECKPOINTER_H_
#define DONDOC_STORE_WAL_CHECKPOINTER_H_

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/status.h"
#include "store/db.h"

namespace dondoc::store {

// SQLite's automatic checkpoint runs in the connection that commits, once the WAL holds 1,000
// pages: that commit, and with group commit every writer queued behind it, then waits for up
// to 1,000 page writes to the database file and its fsync (a p99 of 31-32 ms at 1,000 progress
// reports a second on the 200,000-task tenant, 7.7 ms with no checkpoint at all). Here the
// writer's commits only wake a thread, which runs a PASSIVE checkpoint on a connection of its
// own: it copies to the database file the pages no reader still needs, and neither blocks nor
// waits for writers and readers. The WAL is then restarted by the next write, as before.
//
// A checkpoint by this connection does not move the writer's PRAGMA data_version (only other
// connections' commits do), so it is not mistaken for another process's write.
class WalCheckpointer {
 public:
  // Opens a connection to `path` and installs itself as `writer`'s WAL hook, which replaces
  // SQLite's automatic checkpoints on that connection: a checkpoint starts once a commit leaves
  // `pages` or more pages in the WAL. `writer` must outlive this object.
  static Result<std::unique_ptr<WalCheckpointer>> Start(Db& writer, const std::string& path,
                                                        int busy_timeout_ms, int pages);
  // Removes the hook and stops the thread after the checkpoint it may be running. The writer's
  // connection still checkpoints everything when it closes.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Checkpoints run so far (for tests).
  std::uint64_t checkpoints() const;

 private:
  WalCheckpointer(Db& writer, std::unique_ptr<Db> own, int pages);
  static int OnCommit(void* self, sqlite3* db, const char* schema, int pages_in_wal);
  void Run();

  Db& writer_;
  std::unique_ptr<Db> own_;  // used by the thread only
  const int pages_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool wanted_ = false;            // guarded by mu_
  bool stop_ = false;              // guarded by mu_
  std::uint64_t checkpoints_ = 0;  // guarded by mu_
  std::thread thread_;
};

}  // namespace dondoc::store

#endif  // DONDOC_STORE_WAL_CHECKPOINTER_H_
