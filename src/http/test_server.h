// A Server on a free loopback port, running on its own thread, for tests of the server and of
// routes over real sockets. Test-only.
#ifndef DONDOC_HTTP_TEST_SERVER_H_
#define DONDOC_HTTP_TEST_SERVER_H_

#include <stdexcept>
#include <thread>

#include "http/dispatch.h"
#include "http/router.h"
#include "http/server.h"

namespace dondoc::http::testing {

class TestServer {
 public:
  // Serves `router` (which must outlive this) with `options` on port 0 and no access log; throws
  // when it cannot listen (the test fails).
  TestServer(ServerOptions options, Router& router)
      : server_(WithTestDefaults(std::move(options)),
                [&router](Request& r) { return Dispatch(router, r); }) {
    Status started = server_.Start();
    if (!started.ok()) throw std::runtime_error(started.ToString());
    thread_ = std::thread([this] { server_.Run(); });
  }
  ~TestServer() {
    server_.Stop();
    Join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  unsigned short port() const { return server_.port(); }
  // Asks the server to stop; returns at once (requests in flight still finish).
  void Stop() { server_.Stop(); }
  // Waits until Run() has returned.
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  static ServerOptions WithTestDefaults(ServerOptions options) {
    options.port = 0;
    options.access_log = false;
    return options;
  }

  Server server_;
  std::thread thread_;
};

}  // namespace dondoc::http::testing

#endif  // DONDOC_HTTP_TEST_SERVER_H_
