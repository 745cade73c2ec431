// Unit mentions: the bodies Vietnamese directives name ("Phòng Tài chính - Kế hoạch", "UBND các
// xã, phường", "các Bộ: Tài chính, Công Thương"), recognised with no directory from how bodies are
// named: a head noun (Phòng, Sở, Bộ, Ban, Cục, UBND, Công an, ...) and a name that runs until the
// predicate starts.
//
// Pure functions: thread-safe.
#ifndef DONDOC_NOTICE_UNITS_H_
#define DONDOC_NOTICE_UNITS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::notice {

// A word or punctuation mark of a paragraph. Words keep inner punctuation ("TC-KH", "22/6/2023").
struct Token {
  size_t begin = 0;  // bytes into the paragraph text
  size_t end = 0;
  std::string text;
  std::string lower;  // lower-cased (tone placement unified) for matching
  bool punct = false;
};

std::vector<Token> Tokenize(std::string_view s);

struct UnitMention {
  size_t begin = 0;  // bytes into the paragraph text, the mention as written (title dropped)
  size_t end = 0;
  std::string mention;  // as written ("các Bộ: Tài chính" gives "Tài chính" ...)
  std::string name;     // cleaned: shared prefix expanded ("Bộ Tài chính"), title dropped
  bool vague = false;   // "các cơ quan, đơn vị liên quan": not an addressee
  bool bare_set = false;  // a generic set with no qualifier ("các Bộ, ngành")
};

// A list of units starting at token `i` ("Phòng A, Phòng B và UBND các xã, phường"), titles such
// as "Thủ trưởng", "Chủ tịch" skipped. `*next` is set to the token after the list. Empty when no
// unit starts at `i`. `bare_generic` also accepts "cơ quan quản lý ...", "đơn vị thực hiện ..."
// without "các" (an addressee or partner slot).
std::vector<UnitMention> ParseUnitList(std::string_view s, const std::vector<Token>& tokens,
                                       size_t i, size_t* next, bool bare_generic = false);

// True when the words at token `i` start a unit (title allowed).
bool StartsUnit(const std::vector<Token>& tokens, size_t i);

// Drops a head's title in front of a name ("Chủ tịch UBND các xã" -> "UBND các xã").
std::string StripTitle(std::string_view name);

// True when the words at token `i` begin a predicate ("chủ trì", "khẩn trương", "theo", ...).
bool IsPredicateStart(const std::vector<Token>& tokens, size_t i);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_UNITS_H_
