// Passwords (argon2id through libsodium) and random tokens stored only as hashes.
#ifndef DONDOC_APP_CREDENTIALS_H_
#define DONDOC_APP_CREDENTIALS_H_

#include <memory>
#include <semaphore>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dondoc::app {

// Usernames compare in ASCII lower case ("Vanphong" is "vanphong").
std::string NormalizeUsername(std::string_view username);

// NFC form of `password` so that one password typed on two keyboards (precomposed or combining
// marks) hashes the same. Invalid UTF-8 is returned unchanged.
std::string NormalizePassword(std::string_view password);

struct HasherOptions {
  int max_concurrent = 2;  // argon2id hashes running at once (each takes memlimit of memory)
  unsigned long long opslimit = 0;  // 0: crypto_pwhash_OPSLIMIT_INTERACTIVE
  size_t memlimit = 0;              // 0: crypto_pwhash_MEMLIMIT_INTERACTIVE
  static HasherOptions ForTests();  // the minimum limits: fast, for tests only
};

// argon2id via crypto_pwhash_str; at most `max_concurrent` hashes at a time (others wait).
// Thread-safe.
class PasswordHasher {
 public:
  explicit PasswordHasher(HasherOptions options = {});
  // REQUIRES: 8 <= password length <= 1024 bytes (checked: InvalidArgument).
  Result<std::string> Hash(std::string_view password);
  bool Verify(const std::string& hash, std::string_view password);
  // Spends the time of one verification (for unknown users, so timing reveals nothing).
  void Waste(std::string_view password);

 private:
  HasherOptions options_;
  std::counting_semaphore<64> slots_;
  std::string dummy_hash_;
};

// 32 random bytes, base64url without padding (43 characters).
std::string RandomToken();
// Lower-case hex SHA-256 of `token`: what the store keeps.
std::string HashToken(std::string_view token);

}  // namespace dondoc::app

#endif  // DONDOC_APP_CREDENTIALS_H_
