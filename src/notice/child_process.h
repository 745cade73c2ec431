// Runs a program in a child process with limits, for parsers of hostile input (poppler).
#ifndef DONDOC_NOTICE_CHILD_PROCESS_H_
#define DONDOC_NOTICE_CHILD_PROCESS_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace dondoc::notice {

struct ChildLimits {
  long address_space_mb = 512;        // RLIMIT_AS
  long cpu_seconds = 20;              // RLIMIT_CPU
  long wall_seconds = 30;             // then SIGKILL
  long max_output_bytes = 64L << 20;  // stdout beyond this: the child is killed
};

struct ChildResult {
  int exit_code = -1;  // when the child exited
  int signal = 0;      // when a signal ended it (SIGKILL after a timeout, SIGXCPU, ...)
  bool timed_out = false;
  bool output_truncated = false;
  std::string out;  // stdout
  std::string err;  // stderr, at most 64 KB
};

// Runs `argv` (argv[0] looked up in PATH; no shell) with stdin from /dev/null, in its own process
// group, under `limits`. Thread-compatible; safe to call from a multi-threaded program (the child
// only calls async-signal-safe functions before exec). Errors only when it cannot start the child
// or when the program is not found (IoError).
Result<ChildResult> RunChild(const std::vector<std::string>& argv, const ChildLimits& limits = {});

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_CHILD_PROCESS_H_
