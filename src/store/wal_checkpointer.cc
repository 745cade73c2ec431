#include "store/wal_checkpointer.h"

#include <sqlite3.h>

#include <utility>

namespace dondoc::store {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(Db& writer, const std::string& path,
                                                                int busy_timeout_ms, int pages) {
  DONDOC_ASSIGN_OR_RETURN(std::unique_ptr<Db> own, Db::Open(path, busy_timeout_ms));
  // The checkpoint fsyncs the database file after copying into it, as the writer's would.
  DONDOC_RETURN_IF_ERROR(own->Exec("PRAGMA synchronous = FULL"));
  std::unique_ptr<WalCheckpointer> c(new WalCheckpointer(writer, std::move(own), pages));
  sqlite3_wal_hook(writer.raw(), &WalCheckpointer::OnCommit, c.get());
  return c;
}

WalCheckpointer::WalCheckpointer(Db& writer, std::unique_ptr<Db> own, int pages)
    : writer_(writer), own_(std::move(own)), pages_(pages), thread_([this] { Run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  sqlite3_wal_hook(writer_.raw(), nullptr, nullptr);
  {
    std::lock_guard<std::mutex> l(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

std::uint64_t WalCheckpointer::checkpoints() const {
  std::lock_guard<std::mutex> l(mu_);
  return checkpoints_;
}

// Runs on the committing thread, after the commit: it only asks.
int WalCheckpointer::OnCommit(void* self, sqlite3*, const char*, int pages_in_wal) {
  auto* c = static_cast<WalCheckpointer*>(self);
  if (pages_in_wal < c->pages_) return SQLITE_OK;
  {
    std::lock_guard<std::mutex> l(c->mu_);
    c->wanted_ = true;
  }
  c->cv_.notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  std::unique_lock<std::mutex> l(mu_);
  while (true) {
    cv_.wait(l, [this] { return wanted_ || stop_; });
    if (stop_) return;
    wanted_ = false;
    l.unlock();
    // PASSIVE: as much as no reader still needs, without waiting. A failure (SQLITE_BUSY while
    // another process checkpoints, an I/O error) loses nothing: the frames stay in the WAL and
    // the next commit asks again.
    (void)sqlite3_wal_checkpoint_v2(own_->raw(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                    nullptr);
    l.lock();
    ++checkpoints_;
  }
}

}  // namespace dondoc::store
