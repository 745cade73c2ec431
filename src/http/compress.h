// gzip content coding of answers: whether a client accepts it (Accept-Encoding), whether an
// answer is worth it, and the compression itself (ISA-L's igzip for answers compressed as
// they go out, libdeflate for those compressed harder once).
#ifndef DONDOC_HTTP_COMPRESS_H_
#define DONDOC_HTTP_COMPRESS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "http/message.h"

namespace dondoc::http {

// Smaller bodies go out as they are: the gzip header and trailer (18 bytes) and the CPU are not
// worth it below a typical packet.
inline constexpr size_t kMinGzipBytes = 1024;

// Compression levels: 0 is ISA-L's igzip level 0, 1-12 libdeflate's. Measured with libdeflate
// 1.14 on the province tenant (2026-12-06, one compression, machine at load ~1; zlib 1.2.13 at
// the same level in brackets):
//   scorecards by unit, 295 KB JSON: level 1: 56.8 KB (19.7 %), 0.8 ms [64.2 KB, 1.8 ms];
//     level 6: 44.2 KB (15.3 %), 3.3 ms [48.3 KB, 5.8 ms]; level 9: 41.0 KB, 19.8 ms
//   a 500-task list, 340 KB JSON: level 1: 7.7 %, 0.5 ms; level 6: 5.9 %, 1.5 ms; 9: 5.3 %, 5.7 ms
//   a page of 25 tasks, 17 KB JSON: level 1: 2,225 bytes, 31 us; level 6: 1,991 bytes, 66 us
//     (cache-cold, 2026-12-07, a slower machine)
// and with ISA-L 2.30's igzip level 0 against libdeflate level 1 (2026-12-07, a slow spell of
// the machine; cold: 8 MB walked between compressions):
//   a task, 2.0 KB JSON: 1,023 bytes, 2.8 us warm, 13 us cold [802 bytes, 9.9 us, 24 us]
//   a page of 25 tasks, 17 KB: 2,761 bytes, 10.8 us warm, 21.5 us cold [2,225, 24.7 us, 39.6 us]
// A large cached answer (BodyCache) is compressed once per data version and then sent thousands
// of times, so its bytes count more than the CPU: level 6 (9 costs 4-6x the time for 1 % fewer
// bytes). A small one differs by a few hundred bytes, less than a packet, while each of the
// ~2,000 first pages after a start or a write pays the compression: level 0, as for an answer
// compressed per request (pages, uncached JSON), which costs that CPU every time, on 2 shared
// cores: igzip's level 0 makes ~1.2x libdeflate level 1's bytes (still under a packet for a
// task) for a third to a half of its time, which is ~10 % of a task read's CPU.
inline constexpr int kGzipLevel = 6;
inline constexpr int kGzipLevelPerRequest = 0;
inline constexpr size_t kGzipLevelBigAnswerBytes = 64 * 1024;

// The level at which an answer of `bytes` is compressed once for the answer cache: kGzipLevel
// from kGzipLevelBigAnswerBytes up, else kGzipLevelPerRequest.
constexpr int CachedGzipLevel(size_t bytes) {
  return bytes >= kGzipLevelBigAnswerBytes ? kGzipLevel : kGzipLevelPerRequest;
}

// True when an Accept-Encoding value lets the answer be gzip (RFC 9110 §12.5.3): "gzip" or
// "x-gzip" with a weight above 0, or else "*" with a weight above 0; codings are
// case-insensitive; an entry with a malformed weight is ignored. gzip is not chosen when the
// header prefers "identity" by a higher explicit weight. "" (no header): false.
bool AcceptsGzip(std::string_view accept_encoding);

// True for media types that compress well: text/*, JSON, JavaScript, XML, SVG. False for
// formats compressed already (zip-based office files, PDF, images, fonts, archives) and
// unknown binary types.
bool IsCompressibleType(std::string_view content_type);

// `data` as a gzip stream at `level` (clamped to 0-12; level 0 falls back to libdeflate's 1
// should igzip fail); "" when out of memory.
std::string Gzip(std::string_view data, int level = kGzipLevel);

// True when `res`, the answer to a `method` request, may go out gzip: a 200 to GET or HEAD of
// a compressible type and at least kMinGzipBytes, which has not chosen its encoding itself
// (no Content-Encoding or Vary header: static files do) and is not a download or a part
// (Content-Disposition, Content-Range), which are sent byte for byte.
bool MayGzip(std::string_view method, const Response& res);

// Chooses the encoding of `res` for `req`: when MayGzip, adds "Vary: Accept-Encoding", and
// when the client accepts gzip, replaces the body by its gzip form (the one a shared body
// carries, else compressed now at kGzipLevelPerRequest) with "Content-Encoding: gzip", unless
// that is not smaller.
void NegotiateEncoding(const Request& req, Response& res);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_COMPRESS_H_
