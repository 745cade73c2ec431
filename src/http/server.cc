#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/compress.h"
#include "http/multipart.h"
#include "http/offload.h"

namespace dondoc::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
// Sockets and streams bound to their loop's concrete executor type: the default,
// type-erased any_io_executor is copied and dispatched through a table on every operation
// (~4 % of a task answer's CPU in `perf`; bench/FINDINGS.md 3k).
using Executor = net::io_context::executor_type;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Stream = beast::basic_stream<tcp, Executor>;

namespace {

class Session;

std::string_view ToStd(boost::beast::string_view s) { return {s.data(), s.size()}; }

// What every connection shares with the server. Outlives every session (Run() waits for them).
struct Shared {
  ServerOptions options;
  Server::Handler handler;
  std::unique_ptr<net::thread_pool> blocking;  // null: every request on the I/O threads
  std::unique_ptr<net::thread_pool> offload;   // null: slow GETs stay on their I/O thread
  std::atomic<bool> stopping{false};
  std::atomic<int> sessions{0};
  std::mutex mu;
  std::vector<std::weak_ptr<Session>> live;  // guarded by mu
};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {
    ++shared_.sessions;
    beast::error_code ec;
    stream_.socket().set_option(tcp::no_delay(true), ec);
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }
  ~Session() { --shared_.sessions; }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

  // Closes the connection if it is waiting for a new request, on the session's event loop.
  void CloseIfIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_ && self->buffer_.size() == 0) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.cancel();
      }
    });
  }

 private:
  void ReadHeader() {
    if (shared_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
    parser_->body_limit(shared_.options.upload_limit);
    idle_ = true;
    stream_.expires_after(shared_.options.header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    idle_ = false;
    if (ec) return OnReadError(ec);
    started_ = std::chrono::steady_clock::now();
    const auto& header = parser_->get();
    MediaType mt = ParseMediaType(ToStd(header[bhttp::field::content_type]));
    multipart_ = mt.type == "multipart/form-data";
    size_t limit = multipart_ ? shared_.options.upload_limit : shared_.options.body_limit;
    if (parser_->content_length() && *parser_->content_length() > limit) {
      return SendTooLarge(limit);
    }
    stream_.expires_after(shared_.options.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout || ec == net::error::connection_reset ||
        ec == net::error::eof) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) return SendTooLarge(shared_.options.upload_limit);
    if (ec == bhttp::error::header_limit) {
      return SendError(431, "header_too_large", "The request headers are too large.");
    }
    // Anything else is a malformed request: answer once, then close.
    return SendError(400, "bad_request", "The HTTP request is malformed.");
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    auto& msg = parser_->get();
    size_t limit = multipart_ ? shared_.options.upload_limit : shared_.options.body_limit;
    if (msg.body().size() > limit) return SendTooLarge(limit);

    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    size_t q = req.target.find('?');
    req.path = req.target.substr(0, q);
    if (q != std::string::npos) req.query_string = req.target.substr(q + 1);
    for (const auto& field : msg) {
      std::string name = Lower(ToStd(field.name_string()));
      auto [it, inserted] = req.headers.emplace(name, std::string(field.value()));
      if (!inserted) it->second.append(", ").append(std::string(field.value()));
    }
    req.body = std::move(msg.body());
    req.remote_address = remote_;
    bool keep_alive = msg.keep_alive();
    unsigned version = msg.version();

    const bool head = req.method == "HEAD";
    if (shared_.blocking && req.method != "GET" && !head) {
      return HandleOn(*shared_.blocking, std::move(req), keep_alive, version, head);
    }
    Response res = Handle(req);
    if (res.offload) {
      if (shared_.offload) {
        return HandleOn(*shared_.offload, std::move(req), keep_alive, version, head);
      }
      res = MisplacedOffload(req);
    }
    // The answer is written after the handlers already queued on this loop have run, so that
    // the answers to connections that became readable together leave in one burst at the end
    // of the turn. Written at once, each answer woke its client, which on a machine it shares
    // (the benchmark's wrk) often took the core before the next request was answered: (d)
    // 106.6-119.8 -> 76.1-92.0 us of server CPU a request, (a) 24.1-25.7 -> 21.1-21.5 us
    // (bench/FINDINGS.md 3m).
    keep_alive = keep_alive && !res.close;
    net::post(stream_.get_executor(),
              [self = shared_from_this(), res = std::move(res), keep_alive, version,
               head]() mutable { self->Write(std::move(res), keep_alive, version, head); });
  }

  // Answers `req` on a thread of `pool` and writes the answer from the session's event loop. The
  // session waits (no read is pending) until then.
  void HandleOn(net::thread_pool& pool, Request req, bool keep_alive, unsigned version, bool head) {
    net::post(pool, [self = shared_from_this(), req = std::move(req), keep_alive, version,
                     head]() mutable {
      Response res = self->Handle(req);
      if (res.offload) res = MisplacedOffload(req);
      net::post(self->stream_.get_executor(),
                [self, res = std::move(res), keep_alive, version, head]() mutable {
                  self->Write(std::move(res), keep_alive && !res.close, version, head);
                });
    });
  }

  // The answer to a route that asked to be offloaded where it may not be (ShouldOffload() was
  // false): the route's mistake, not the client's.
  static Response MisplacedOffload(const Request& req) {
    spdlog::error("event=misplaced_offload path={}", req.path);
    return Response::Error(500, "internal", "An internal error occurred; it has been logged.");
  }

  // Runs the handler and logs the request. Any thread.
  Response Handle(Request& req) {
    Response res;
    try {
      res = shared_.handler(req);
      if (res.offload) return res;  // made and logged on the offload thread
      // Here rather than in the routes: every answer, cached or not, API or page, is encoded
      // the same way, on the thread that made it.
      NegotiateEncoding(req, res);
    } catch (const std::exception& e) {
      spdlog::error("event=handler_exception path={} what=\"{}\"", req.path, e.what());
      res = Response::Error(500, "internal", "An internal error occurred; it has been logged.");
    } catch (...) {
      spdlog::error("event=handler_exception path={}", req.path);
      res = Response::Error(500, "internal", "An internal error occurred; it has been logged.");
    }
    if (shared_.options.access_log) {
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
              .count();
      spdlog::info("event=request method={} path={} status={} ms={:.2f} bytes={} remote={}",
                   req.method, req.path, res.status, ms, res.Body().size(), remote_);
    }
    return res;
  }

  void SendTooLarge(size_t limit) {
    SendError(413, "payload_too_large",
              "The request body is larger than the limit of " + std::to_string(limit) + " bytes.");
  }

  void SendError(int status, std::string_view code, std::string_view message) {
    if (shared_.options.access_log) {
      spdlog::info("event=request_rejected status={} code={} remote={}", status, code, remote_);
    }
    Write(Response::Error(status, code, message), false, 11, /*head=*/false);
  }

  // `head`: the answer to a HEAD request, written as the headers of the GET answer it is.
  void Write(Response res, bool keep_alive, unsigned version, bool head) {
    if (head) return WriteHead(std::move(res), keep_alive, version);
    if (res.shared_body) return WriteShared(std::move(res), keep_alive, version);
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>();
    out->body() = std::move(res.body);
    auto& msg = *out;  // before `out` is moved into the call
    Send(std::move(out), msg, std::move(res), keep_alive, version);
  }

  // The status line and headers of `res` with the Content-Length of its body, and no body.
  void WriteHead(Response res, bool keep_alive, unsigned version) {
    auto out = std::make_shared<bhttp::response<bhttp::empty_body>>();
    const std::uint64_t length = res.Body().size();
    res.body.clear();
    res.shared_body = SharedBody();
    auto& msg = *out;
    Send(std::move(out), msg, std::move(res), keep_alive, version, length);
  }

  // A body shared with a cache: written from the shared bytes, which the message keeps alive.
  void WriteShared(Response res, bool keep_alive, unsigned version) {
    struct Out {
      std::shared_ptr<const std::string> bytes;
      bhttp::response<bhttp::span_body<const char>> msg;
    };
    auto out = std::make_shared<Out>();
    out->bytes = res.shared_body.bytes();
    res.shared_body = SharedBody();
    out->msg.body() = beast::span<const char>(out->bytes->data(), out->bytes->size());
    auto& msg = out->msg;
    Send(std::move(out), msg, std::move(res), keep_alive, version);
  }

  // Sets the status line and headers of `msg` (owned by `owner`) from `res` and writes it.
  // `head_length`: the Content-Length of the body a HEAD answer leaves out.
  template <typename Message>
  void Send(std::shared_ptr<void> owner, Message& msg, Response res, bool keep_alive,
            unsigned version, std::optional<std::uint64_t> head_length = std::nullopt) {
    keep_alive = keep_alive && !shared_.stopping;
    Message* out = &msg;
    out->version(version);
    out->result(static_cast<unsigned>(res.status));
    out->set(bhttp::field::server, "dondoc");
    if (!res.content_type.empty()) {
      std::string ct = res.content_type;
      if (ct == "application/json") ct += "; charset=utf-8";
      out->set(bhttp::field::content_type, ct);
    }
    for (auto& [name, value] : res.headers) out->insert(name, value);
    out->keep_alive(keep_alive);
    out->prepare_payload();
    if (head_length) out->content_length(*head_length);
    response_ = std::move(owner);
    stream_.expires_after(shared_.options.body_timeout);
    bhttp::async_write(
        stream_, *out,
        beast::bind_front_handler(&Session::OnWrite, shared_from_this(), keep_alive));
  }

  void OnWrite(bool keep_alive, beast::error_code ec, std::size_t) {
    response_.reset();
    if (ec || !keep_alive) return Close();
    ReadHeader();
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  Stream stream_;
  Shared& shared_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<void> response_;
  std::string remote_;
  bool idle_ = true;
  bool multipart_ = false;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, Handler handler)
      : iocs(MakeContexts(options.threads)),
        acceptor(*iocs[0]),
        accept_retry(acceptor.get_executor()),
        signals(*iocs[0]) {
    shared.options = std::move(options);
    shared.handler = std::move(handler);
    if (shared.options.blocking_threads > 0) {
      shared.blocking = std::make_unique<net::thread_pool>(
          static_cast<std::size_t>(shared.options.blocking_threads));
    }
    if (shared.options.offload_threads > 0) {
      shared.offload = std::make_unique<net::thread_pool>(
          static_cast<std::size_t>(shared.options.offload_threads));
    }
  }

  // Each turn takes every connection already waiting, not one: with one accept per turn, a
  // turn waits behind the handlers of every busy connection, and 300 clients connecting at
  // once to a loaded server waited up to ~0.5 s for their first answer (wrk -c300, 5 s runs of
  // bench/wrk/task.lua: p99 160-490 ms; 20 s runs 24 ms). The acceptor is non-blocking (Start).
  void Accept() {
    acceptor.async_accept(NextContext(), [this](beast::error_code ec, Socket s) {
      if (ec) {
        if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
        spdlog::warn("event=accept_error what=\"{}\" retry_ms={}", ec.message(),
                     kAcceptRetry.count());
        // Running out of file descriptors or memory lasts a while, and the connection
        // waiting keeps the listening socket ready: retrying at once spun on it.
        accept_retry.expires_after(kAcceptRetry);
        accept_retry.async_wait([this](beast::error_code e) {
          if (!e && !shared.stopping) Accept();
        });
        return;
      } else if (!shared.stopping) {
        Adopt(std::move(s));
        while (!shared.stopping) {
          Socket next(NextContext());
          acceptor.accept(next, ec);  // would_block once none waits; errors come back above
          if (ec) break;
          Adopt(std::move(next));
        }
      }
      if (!shared.stopping) Accept();
    });
  }

  void Adopt(Socket s) {
    auto session = std::make_shared<Session>(std::move(s), shared);
    {
      std::lock_guard<std::mutex> lock(shared.mu);
      std::erase_if(shared.live, [](const std::weak_ptr<Session>& w) { return w.expired(); });
      shared.live.push_back(session);
    }
    session->Start();
  }

  // One event loop per I/O thread, connections dealt round-robin. A loop shared by the I/O
  // threads made them lock and wake each other for every handler: one each costs ~30 % less CPU
  // per cached answer and ~10-14 % per task (bench/FINDINGS.md 3g). One thread runs each loop,
  // so a connection's handlers never run concurrently and need no strand (~3 % more per task).
  // The price: a connection stays on its loop, so a slow answer made there holds up that loop's
  // connections only, not the other's; slow answers are offloaded (http/offload.h) and writes
  // run on `blocking`. `threads` loops; 0: one per core.
  static std::vector<std::unique_ptr<net::io_context>> MakeContexts(int threads) {
    const int n =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::unique_ptr<net::io_context>> out;
    for (int i = 0; i < n; ++i) out.push_back(std::make_unique<net::io_context>(1));
    return out;
  }
  net::io_context& NextContext() { return *iocs[next_context++ % iocs.size()]; }

  std::vector<std::unique_ptr<net::io_context>> iocs;
  size_t next_context = 0;  // the acceptor's loop only
  tcp::acceptor acceptor;
  static constexpr std::chrono::milliseconds kAcceptRetry{100};
  net::steady_timer accept_retry;  // on the acceptor's loop
  net::signal_set signals;
  Shared shared;
  unsigned short port = 0;
  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stop_requested = false;  // guarded by stop_mu
};

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

Status Server::Start() {
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(impl_->shared.options.host, ec);
  if (ec) return Status::InvalidArgument("not an IP address: " + impl_->shared.options.host);
  tcp::endpoint endpoint(address, impl_->shared.options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (!ec) acceptor.non_blocking(true, ec);
  if (ec) {
    return Status::IoError("cannot listen on " + impl_->shared.options.host + ":" +
                           std::to_string(impl_->shared.options.port) + ": " + ec.message());
  }
  impl_->port = acceptor.local_endpoint().port();
  return Status::Ok();
}

unsigned short Server::port() const { return impl_->port; }

void Server::StopOnSignals() {
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("event=signal signal={} action=graceful_shutdown", signal);
    Stop();
  });
}

void Server::Stop() {
  std::lock_guard<std::mutex> lock(impl_->stop_mu);
  impl_->stop_requested = true;
  impl_->stop_cv.notify_all();
}

void Server::Run() {
  Impl& s = *impl_;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  for (auto& ioc : s.iocs) guards.push_back(net::make_work_guard(*ioc));
  s.Accept();
  std::vector<std::thread> pool;
  for (auto& ioc : s.iocs) {
    pool.emplace_back([&s, &ioc] {
      IoThreadScope io(s.shared.offload != nullptr);
      ioc->run();
    });
  }

  {
    std::unique_lock<std::mutex> lock(s.stop_mu);
    s.stop_cv.wait(lock, [&s] { return s.stop_requested; });
  }
  s.shared.stopping = true;
  std::promise<void> closed;
  net::post(s.acceptor.get_executor(), [&s, &closed] {
    beast::error_code ec;
    s.acceptor.close(ec);
    s.accept_retry.cancel();
    closed.set_value();
  });
  closed.get_future().wait();
  {
    std::lock_guard<std::mutex> lock(s.shared.mu);
    for (auto& weak : s.shared.live) {
      if (auto session = weak.lock()) session->CloseIfIdle();
    }
  }
  auto deadline = std::chrono::steady_clock::now() + s.shared.options.shutdown_grace;
  while (s.shared.sessions > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (s.shared.sessions > 0) {
    spdlog::warn("event=shutdown_timeout sessions={}", s.shared.sessions.load());
  }
  if (s.shared.blocking) s.shared.blocking->join();
  if (s.shared.offload) s.shared.offload->join();
  beast::error_code ec;
  s.signals.cancel(ec);
  guards.clear();
  for (auto& ioc : s.iocs) ioc->stop();
  for (auto& t : pool) t.join();
  spdlog::info("event=stopped");
}

}  // namespace dondoc::http
