// Status and Result<T>: errors as values, in the manner of LevelDB's Status.
//
// A Status is ok or carries a code and an English message meant for a person (the CLI prints it,
// the API returns it). Only http/ maps codes to HTTP statuses.
#ifndef DONDOC_BASE_STATUS_H_
#define DONDOC_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dondoc {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad input a user can fix (400/422)
  kNotFound,           // 404
  kAlreadyExists,      // 409
  kConflict,           // 409: state does not allow the change
  kPermissionDenied,   // 403
  kUnauthenticated,    // 401
  kTooLarge,           // 413
  kUnsupported,        // 415
  kResourceExhausted,  // 429
  kIoError,            // a file or the database failed
  kCorruption,         // stored or given data is broken
  kInternal,           // a bug
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status Conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
  static Status Unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status ResourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds a T or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: REQUIRES: !status.ok()

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace dondoc

// Returns the status of `expr` from the enclosing function when it is not ok.
#define DONDOC_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::dondoc::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

#define DONDOC_CONCAT_INNER(a, b) a##b
#define DONDOC_CONCAT(a, b) DONDOC_CONCAT_INNER(a, b)
// DONDOC_ASSIGN_OR_RETURN(auto x, MakeX()); returns the error status of a failed Result.
#define DONDOC_ASSIGN_OR_RETURN(lhs, expr)                        \
  auto DONDOC_CONCAT(_res_, __LINE__) = (expr);                   \
  if (!DONDOC_CONCAT(_res_, __LINE__).ok())                       \
    return DONDOC_CONCAT(_res_, __LINE__).status();               \
  lhs = std::move(DONDOC_CONCAT(_res_, __LINE__)).value()

#endif  // DONDOC_BASE_STATUS_H_
