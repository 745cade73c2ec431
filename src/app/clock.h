// The time source of the use cases: "today" is an input (overdue depends on it).
#ifndef DONDOC_APP_CLOCK_H_
#define DONDOC_APP_CLOCK_H_

#include <atomic>

#include "domain/ids.h"
#include "text/date.h"

namespace dondoc::app {

// Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual domain::Timestamp Now() const = 0;
  // The civil date in Vietnam (UTC+7) at Now().
  text::Date Today() const;
};

class SystemClock : public Clock {
 public:
  domain::Timestamp Now() const override;
};

// A clock that says what tests tell it.
class FixedClock : public Clock {
 public:
  explicit FixedClock(domain::Timestamp now) : now_(now) {}
  // Noon in Vietnam on `day`.
  static domain::Timestamp NoonOf(text::Date day);
  domain::Timestamp Now() const override { return now_.load(); }
  void Set(domain::Timestamp now) { now_ = now; }
  void Advance(domain::Timestamp seconds) { now_ += seconds; }

 private:
  std::atomic<domain::Timestamp> now_;
};

}  // namespace dondoc::app

#endif  // DONDOC_APP_CLOCK_H_
