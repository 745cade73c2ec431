// The "dondoc" FTS5 tokenizer: unicode61 with remove_diacritics 2, and đ/Đ folded to d, so that
// "giai ngan" matches "giải ngân" and "dau tu" matches "đầu tư". Internal to store/.
#ifndef DONDOC_STORE_FTS_TOKENIZER_H_
#define DONDOC_STORE_FTS_TOKENIZER_H_

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "base/status.h"

namespace dondoc::store {

inline constexpr const char* kFtsTokenizerName = "dondoc";

// Registers the tokenizer on `db`. Must be called on every connection before any FTS table that
// uses it is read or written.
Status RegisterFtsTokenizer(sqlite3* db);

// Builds an FTS5 MATCH expression from what a user typed: each whitespace-separated word becomes
// a quoted string ("..." with inner quotes doubled), all AND-ed, so no FTS syntax can be
// injected. Returns "" when there is no word.
std::string FtsQuery(std::string_view user_text);

}  // namespace dondoc::store

#endif  // DONDOC_STORE_FTS_TOKENIZER_H_
