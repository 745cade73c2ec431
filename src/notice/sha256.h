// SHA-256 of a byte string, as lower-case hex (libsodium).
#ifndef DONDOC_NOTICE_SHA256_H_
#define DONDOC_NOTICE_SHA256_H_

#include <string>
#include <string_view>

namespace dondoc::notice {

// Returns the 64 lower-case hex digits of SHA-256(`bytes`). Thread-safe.
std::string Sha256Hex(std::string_view bytes);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_SHA256_H_
