// The HTTP/1.1 server: Boost.Beast + Asio behind a plain interface.
//
// A pool of threads runs one io_context; each connection is served on its own strand with
// keep-alive, a header size limit, body limits by content type, read and idle timeouts and
// TCP_NODELAY. The handler runs on a pool thread (GET and HEAD on the I/O threads, others on the
// blocking pool), so it may block briefly (SQLite), and must be thread-safe. Stop() (or
// SIGINT/SIGTERM after StopOnSignals()) closes the listener and idle connections, lets requests in
// flight finish and their answers go out, then returns from Run().
#ifndef DONDOC_HTTP_SERVER_H_
#define DONDOC_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "http/message.h"

namespace dondoc::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port())
  int threads = 0;             // 0: the number of cores
  size_t header_limit = 16 * 1024;
  size_t upload_limit = 25 * 1024 * 1024;   // multipart/form-data bodies
  size_t body_limit = 1024 * 1024;          // every other body (JSON)
  std::chrono::seconds header_timeout{30};  // idle keep-alive wait plus reading the header
  std::chrono::seconds body_timeout{120};   // reading the body once the header is in
  std::chrono::seconds shutdown_grace{15};  // longest wait for requests in flight on Stop()
  bool access_log = true;
  // Requests other than GET and HEAD (writes, sign-in) run on a pool of this many threads, so
  // that a commit's fsync or a password hash never holds an I/O thread, and concurrent writes
  // wait together for one group commit. 0: they run on the I/O threads.
  int blocking_threads = 32;
  // GETs whose answer is slow to make (an answer-cache miss, http/offload.h) finish on this many
  // threads, so that quick answers never wait behind them on an I/O thread. 0: they are made
  // where they start. Two: with two I/O threads on two cores, misses get half the CPU while
  // hits wait, all of it otherwise (the first 20 s after a start of bench/wrk/open.lua: p99
  // 424-588 ms without, 179 ms with one thread, 115 ms with two).
  int offload_threads = 2;
};

class Server {
 public:
  using Handler = std::function<Response(Request&)>;

  // `handler` answers every well-formed request that fits the limits; it must not throw (an
  // exception becomes a 500 with a generic message).
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. REQUIRES: called once, before Run().
  Status Start();
  // The bound port (useful with port 0). REQUIRES: Start() succeeded.
  unsigned short port() const;
  // Makes SIGINT and SIGTERM call Stop(). REQUIRES: before Run().
  void StopOnSignals();
  // Serves until Stop(); blocks the calling thread. REQUIRES: Start() succeeded.
  void Run();
  // Begins a graceful shutdown. Thread-safe, idempotent.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_SERVER_H_
