#include "app/credentials.h"

#include <sodium.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

#include "text/utf8.h"

namespace dondoc::app {

std::string NormalizeUsername(std::string_view username) {
  std::string out(username);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string NormalizePassword(std::string_view password) {
  if (!text::IsValidUtf8(password)) return std::string(password);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(password);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(password.data(), static_cast<int32_t>(password.size())));
  icu::UnicodeString out = nfc->normalize(s, status);
  if (U_FAILURE(status)) return std::string(password);
  std::string result;
  out.toUTF8String(result);
  return result;
}

HasherOptions HasherOptions::ForTests() {
  HasherOptions o;
  o.opslimit = crypto_pwhash_OPSLIMIT_MIN;
  o.memlimit = crypto_pwhash_MEMLIMIT_MIN;
  return o;
}

PasswordHasher::PasswordHasher(HasherOptions options)
    : options_(options), slots_(std::clamp(options.max_concurrent, 1, 64)) {
  if (sodium_init() < 0) std::abort();  // no entropy source: nothing can be made safe
  if (options_.opslimit == 0) options_.opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  if (options_.memlimit == 0) options_.memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  Result<std::string> dummy = Hash("dondoc-dummy-password");
  if (dummy.ok()) dummy_hash_ = *dummy;
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
  if (password.size() < 8)
    return Status::InvalidArgument("A password needs at least 8 characters.");
  if (password.size() > 1024) return Status::InvalidArgument("The password is too long.");
  std::string normal = NormalizePassword(password);
  char out[crypto_pwhash_STRBYTES];
  slots_.acquire();
  int rc =
      crypto_pwhash_str(out, normal.data(), normal.size(), options_.opslimit, options_.memlimit);
  slots_.release();
  if (rc != 0) return Status::ResourceExhausted("Not enough memory to hash a password now.");
  return std::string(out);
}

bool PasswordHasher::Verify(const std::string& hash, std::string_view password) {
  if (hash.empty() || password.size() > 1024) return false;
  std::string normal = NormalizePassword(password);
  slots_.acquire();
  int rc = crypto_pwhash_str_verify(hash.c_str(), normal.data(), normal.size());
  slots_.release();
  return rc == 0;
}

void PasswordHasher::Waste(std::string_view password) {
  if (!dummy_hash_.empty()) (void)Verify(dummy_hash_, password);
}

std::string RandomToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(out);
}

std::string HashToken(std::string_view token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

}  // namespace dondoc::app
