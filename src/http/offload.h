// Slow answers leave the I/O threads. Each I/O thread serves many connections in turn, so one
// answer that takes a millisecond to make holds up every quick one queued behind it: in the first
// seconds after a start, when each caller's first list is computed, cached lists that take
// microseconds waited hundreds of milliseconds. A route that finds its answer will be slow (an
// answer-cache miss) asks ShouldOffload(); when it is true the route returns Response::Offload()
// at once, without side effects, and the server runs the same request again on its offload
// thread, where ShouldOffload() is false.
#ifndef DONDOC_HTTP_OFFLOAD_H_
#define DONDOC_HTTP_OFFLOAD_H_

namespace dondoc::http {

// True on a thread inside an IoThreadScope that may offload; false everywhere else (the offload
// and blocking pools, tests calling Dispatch directly, a server without an offload thread).
bool ShouldOffload();

// Marks the current thread as an I/O thread of a server with an offload thread, for its lifetime.
class IoThreadScope {
 public:
  explicit IoThreadScope(bool may_offload);
  ~IoThreadScope();
  IoThreadScope(const IoThreadScope&) = delete;
  IoThreadScope& operator=(const IoThreadScope&) = delete;

 private:
  bool previous_;
};

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_OFFLOAD_H_
