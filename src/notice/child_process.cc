#include "notice/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace dondoc::notice {

namespace {

constexpr size_t kMaxStderr = 64 * 1024;
constexpr int kExecFailed = 127;

void CloseIfOpen(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

}  // namespace

Result<ChildResult> RunChild(const std::vector<std::string>& argv, const ChildLimits& limits) {
  if (argv.empty()) return Status::Internal("RunChild: empty argv");
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return Status::IoError("cannot create a pipe");
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return Status::IoError("cannot create a pipe");
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(out_pipe[0]), close(out_pipe[1]), close(err_pipe[0]), close(err_pipe[1]);
    return Status::IoError(std::string("cannot start a child process: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // The child: async-signal-safe calls only.
    setpgid(0, 0);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    struct rlimit as = {static_cast<rlim_t>(limits.address_space_mb) << 20,
                        static_cast<rlim_t>(limits.address_space_mb) << 20};
    setrlimit(RLIMIT_AS, &as);
    struct rlimit cpu = {static_cast<rlim_t>(limits.cpu_seconds),
                         static_cast<rlim_t>(limits.cpu_seconds + 1)};
    setrlimit(RLIMIT_CPU, &cpu);
    struct rlimit core = {0, 0};
    setrlimit(RLIMIT_CORE, &core);
    execvp(args[0], args.data());
    _exit(kExecFailed);
  }
  setpgid(pid, pid);  // also from the parent, so that the kill below cannot miss the group
  close(out_pipe[1]);
  close(err_pipe[1]);
  int out_fd = out_pipe[0], err_fd = err_pipe[0];

  ChildResult result;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.wall_seconds);
  char buf[64 * 1024];
  bool killed = false;
  while (out_fd >= 0 || err_fd >= 0) {
    long ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  deadline - std::chrono::steady_clock::now())
                  .count();
    if (ms <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd fds[2];
    int nfds = 0;
    if (out_fd >= 0) fds[nfds++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[nfds++] = {err_fd, POLLIN, 0};
    int ready = poll(fds, nfds, static_cast<int>(std::min(ms, 1000L)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < nfds; ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      bool is_out = fds[i].fd == out_fd;
      if (n <= 0) {
        CloseIfOpen(is_out ? &out_fd : &err_fd);
        continue;
      }
      if (is_out) {
        result.out.append(buf, static_cast<size_t>(n));
        if (static_cast<long>(result.out.size()) > limits.max_output_bytes) {
          result.output_truncated = true;
        }
      } else if (result.err.size() < kMaxStderr) {
        result.err.append(buf, std::min(static_cast<size_t>(n), kMaxStderr - result.err.size()));
      }
    }
    if (result.output_truncated) break;
  }
  if (result.timed_out || result.output_truncated) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    killed = true;
  }
  CloseIfOpen(&out_fd);
  CloseIfOpen(&err_fd);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
    if (result.exit_code == kExecFailed && result.out.empty() && !killed) {
      return Status::IoError("cannot run " + argv[0] + " (is it installed?)");
    }
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace dondoc::notice
