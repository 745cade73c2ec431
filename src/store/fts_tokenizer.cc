#include "store/fts_tokenizer.h"

#include <new>
#include <string>

namespace dondoc::store {

namespace {

// Our tokenizer instance: the wrapped unicode61 tokenizer.
struct Wrapped {
  fts5_tokenizer inner;
  Fts5Tokenizer* inner_instance = nullptr;
};

struct Ctx {
  void* user_ctx;
  int (*x_token)(void*, int, const char*, int, int, int);
  std::string buf;
};

int Create(void* user_data, const char** /*args*/, int /*nargs*/, Fts5Tokenizer** out) {
  fts5_api* api = static_cast<fts5_api*>(user_data);
  auto* w = new (std::nothrow) Wrapped;
  if (!w) return SQLITE_NOMEM;
  void* inner_user = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &inner_user, &w->inner);
  if (rc != SQLITE_OK) {
    delete w;
    return rc;
  }
  const char* inner_args[] = {"remove_diacritics", "2"};
  rc = w->inner.xCreate(inner_user, inner_args, 2, &w->inner_instance);
  if (rc != SQLITE_OK) {
    delete w;
    return rc;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(w);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) {
  auto* w = reinterpret_cast<Wrapped*>(t);
  if (w->inner_instance) w->inner.xDelete(w->inner_instance);
  delete w;
}

// Folds đ (U+0111, C4 91) and Đ (U+0110, C4 90) to 'd'.
int OnToken(void* p, int flags, const char* token, int n, int start, int end) {
  auto* ctx = static_cast<Ctx*>(p);
  bool has = false;
  for (int i = 0; i + 1 < n; ++i) {
    if (static_cast<unsigned char>(token[i]) == 0xC4 &&
        (static_cast<unsigned char>(token[i + 1]) == 0x91 ||
         static_cast<unsigned char>(token[i + 1]) == 0x90)) {
      has = true;
      break;
    }
  }
  if (!has) return ctx->x_token(ctx->user_ctx, flags, token, n, start, end);
  ctx->buf.clear();
  for (int i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    if (c == 0xC4 && i + 1 < n &&
        (static_cast<unsigned char>(token[i + 1]) == 0x91 ||
         static_cast<unsigned char>(token[i + 1]) == 0x90)) {
      ctx->buf.push_back('d');
      ++i;
    } else {
      ctx->buf.push_back(static_cast<char>(c));
    }
  }
  return ctx->x_token(ctx->user_ctx, flags, ctx->buf.data(), static_cast<int>(ctx->buf.size()),
                      start, end);
}

int Tokenize(Fts5Tokenizer* t, void* user_ctx, int flags, const char* text, int n,
             int (*x_token)(void*, int, const char*, int, int, int)) {
  auto* w = reinterpret_cast<Wrapped*>(t);
  Ctx ctx{user_ctx, x_token, {}};
  try {
    return w->inner.xTokenize(w->inner_instance, &ctx, flags, text, n, OnToken);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
}

fts5_tokenizer kTokenizer = {Create, Delete, Tokenize};

}  // namespace

Status RegisterFtsTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc != SQLITE_OK)
    return Status::Internal("fts5 unavailable: " + std::string(sqlite3_errmsg(db)));
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (!api) return Status::Internal("fts5 unavailable");
  rc = api->xCreateTokenizer(api, kFtsTokenizerName, api, &kTokenizer, nullptr);
  if (rc != SQLITE_OK) return Status::Internal("cannot register the fts tokenizer");
  return Status::Ok();
}

std::string FtsQuery(std::string_view s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == '\0';
  };
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) {
      if (!out.empty()) out += ' ';
      out += '"';
      for (size_t k = i; k < j; ++k) {
        if (s[k] == '"') out += '"';
        out += s[k];
      }
      out += '"';
    }
    i = j;
  }
  return out;
}

}  // namespace dondoc::store
