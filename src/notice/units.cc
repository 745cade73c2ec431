#include "notice/units.h"

#include <cctype>
#include <functional>
#include <initializer_list>
#include <unordered_map>

#include "text/normalize.h"

namespace dondoc::notice {

namespace {

using Phrase = std::vector<std::string>;

// Phrases (folded words) indexed by their first word: MatchAny runs at nearly every token of a
// paragraph, and comparing each phrase's first word there cost more than the rest of the parse.
struct PhraseList {
  // Transparent, so that a token's folded word is looked up without a copy.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<const Phrase*>, Hash, std::equal_to<>> by_first;
};

PhraseList Phrases(std::initializer_list<const char*> list) {
  PhraseList out;
  for (const char* p : list) {
    Phrase ph;
    std::string folded = text::FoldKey(p);
    std::string_view s = folded;
    size_t pos = 0;
    while (pos < s.size()) {
      size_t sp = s.find(' ', pos);
      if (sp == std::string_view::npos) sp = s.size();
      ph.emplace_back(s.substr(pos, sp - pos));
      pos = sp + 1;
    }
    out.phrases.push_back(std::move(ph));
  }
  for (const Phrase& ph : out.phrases) {
    if (!ph.empty()) out.by_first[ph[0]].push_back(&ph);
  }
  return out;
}

// Number of tokens matched by the longest phrase of `list` at `i` (0 when none).
size_t MatchAny(const std::vector<Token>& t, size_t i, const PhraseList& list) {
  // No phrase starts with a punctuation mark, so a punctuation token never starts a match.
  if (i >= t.size() || t[i].punct) return 0;
  auto found = list.by_first.find(std::string_view(t[i].lower));
  if (found == list.by_first.end()) return 0;
  size_t best = 0;
  for (const Phrase* pp : found->second) {
    const Phrase& ph = *pp;
    if (i + ph.size() > t.size() || ph.size() <= best) continue;
    bool ok = true;
    for (size_t k = 1; k < ph.size() && ok; ++k) {
      // A dash inside a phrase ("chính trị - xã hội") is a token of its own.
      const Token& tk = t[i + k];
      ok = tk.punct ? ph[k] == "-" && tk.text == "-" : tk.lower == ph[k];
    }
    if (ok) best = ph.size();
  }
  return best;
}

// Head nouns of proper names of bodies; the first word is written with a capital.
const PhraseList& ProperHeads() {
  static const auto* v = new PhraseList(Phrases({
      "ủy ban nhân dân",
      "ubnd",
      "hội đồng nhân dân",
      "hđnd",
      "ủy ban mặt trận tổ quốc",
      "ủy ban",
      "ban chỉ huy quân sự",
      "bộ chỉ huy quân sự",
      "bộ chỉ huy",
      "ban chỉ huy",
      "chi cục",
      "tổng cục",
      "cục",
      "phòng",
      "sở",
      "bộ",
      "ban",
      "vụ",
      "trung tâm",
      "cơ quan",
      "văn phòng",
      "công an",
      "thanh tra",
      "tỉnh ủy",
      "thị ủy",
      "huyện ủy",
      "thành ủy",
      "đảng ủy",
      "quận ủy",
      "mặt trận",
      "liên đoàn",
      "hội",
      "đoàn",
      "tỉnh đoàn",
      "viện",
      "trường",
      "bệnh viện",
      "kho bạc",
      "bảo hiểm xã hội",
      "thuế",
      "chi nhánh",
      "công ty",
      "tổng công ty",
      "tập đoàn",
      "ngân hàng",
      "đài",
      "báo",
      "tòa án",
      "viện kiểm sát",
      "kiểm toán",
      "hải quan",
      "quỹ",
      "hạt kiểm lâm",
      "kiểm lâm",
      "điện lực",
      "bộ đội biên phòng",
      "chính phủ",
      "học viện",
      "ban quản lý",
      "ban thường vụ",
      "thường trực",
      "ubmttq",
      "mttq",
      "bchqs",
      "bql",
      "ttyt",
      "vp",
      "vpcp",
      "phó chủ tịch",
      "phó giám đốc",
      "chủ đầu tư",
      "tổ công tác",
      "hội đồng",
      "ban chỉ đạo",
      "bcđ",
      "đội",
      "chi đoàn",
      "huyện đoàn",
      "thị đoàn",
      "trạm",
      "hợp tác xã",
      "ban công an",
      "đài truyền thanh",
      "trạm y tế",
      "đảng đoàn",
      "ban cán sự đảng",
      "chi bộ",
      "đảng bộ",
  }));
  return *v;
}

// Heads that are a complete name with a place word after them ("Thanh tra tỉnh").
const PhraseList& AdminWords() {
  static const auto* v = new PhraseList(Phrases({
      "tỉnh",
      "thị xã",
      "huyện",
      "thành phố",
      "quận",
      "xã",
      "phường",
      "thị trấn",
      "trung ương",
      "khu vực",
      "cấp tỉnh",
      "cấp huyện",
      "cấp xã",
      "tp",
      "tw",
      "đặc khu",
  }));
  return *v;
}

// Nouns of a generic set after "các": specific ones name a kind of body.
const PhraseList& SpecificSetNouns() {
  static const auto* v = new PhraseList(Phrases({
      "sở",
      "phòng",
      "ban",
      "ngành",
      "ban ngành",
      "bộ",
      "phòng ban",
      "xã",
      "phường",
      "thị trấn",
      "huyện",
      "thị xã",
      "thành phố",
      "tỉnh",
      "quận",
      "chủ đầu tư",
      "trường",
      "đoàn thể",
      "hội",
      "nhà thầu",
      "ban quản lý dự án",
      "ban quản lý",
      "phó chủ tịch",
      "đồng chí",
      "thành viên",
      "bộ phận",
      "công ty",
      "huyện, thị xã, thành phố",
      "trường học",
      "ấp",
      "thôn",
      "bản",
      "khu phố",
      "tổ dân phố",
      "xóm",
      "buôn",
      "làng",
      "khóm",
      "khối phố",
      "tổ dân cư",
      "tổ chức chính trị - xã hội",
      "đoàn thể chính trị - xã hội",
      "hội đoàn thể",
      "trạm y tế",
      "hợp tác xã",
      "chi bộ",
      "đảng bộ",
      "ban chỉ đạo",
      "tổ công tác",
  }));
  return *v;
}

const PhraseList& VagueSetNouns() {
  static const auto* v = new PhraseList(Phrases({
      "cơ quan",
      "đơn vị",
      "địa phương",
      "doanh nghiệp",
      "tổ chức",
      "cá nhân",
      "lực lượng",
      "cấp",
      "ngành chức năng",
      "bộ, ngành",
      "cơ sở",
  }));
  return *v;
}

const PhraseList& Titles() {
  static const auto* v = new PhraseList(Phrases({
      "thủ trưởng",
      "chủ tịch",
      "giám đốc",
      "trưởng",
      "chánh",
      "đồng chí",
      "lãnh đạo",
      "người đứng đầu",
      "tổng giám đốc",
      "bộ trưởng",
      "cục trưởng",
      "chi cục trưởng",
      "viện trưởng",
      "hiệu trưởng",
      "bí thư",
      "đại diện",
  }));
  return *v;
}

// Words that begin a predicate or an adjunct: a name never runs over them.
const PhraseList& Stoppers() {
  static const auto* v = new PhraseList(Phrases({
      "chủ trì",
      "phối hợp",
      "có trách nhiệm",
      "chịu trách nhiệm",
      "chủ động",
      "khẩn trương",
      "tập trung",
      "tiếp tục",
      "thường xuyên",
      "kịp thời",
      "theo",
      "tham mưu",
      "hướng dẫn",
      "thực hiện",
      "tổ chức",
      "rà soát",
      "kiểm tra",
      "làm việc",
      "trao đổi",
      "thống nhất",
      "nghiên cứu",
      "căn cứ",
      "hoàn thiện",
      "hoàn chỉnh",
      "hoàn thành",
      "chỉ đạo",
      "tăng cường",
      "đẩy mạnh",
      "triển khai",
      "báo cáo",
      "gửi",
      "tổng hợp",
      "định kỳ",
      "đôn đốc",
      "xem xét",
      "đề xuất",
      "ban hành",
      "bố trí",
      "quán triệt",
      "phấn đấu",
      "nghiêm túc",
      "sớm",
      "cần",
      "phải",
      "có",
      "là",
      "đã",
      "đang",
      "sẽ",
      "không",
      "chưa",
      "vẫn",
      "cũng",
      "đều",
      "trong",
      "để",
      "nhằm",
      "trên",
      "tại",
      "với",
      "cho",
      "từ",
      "đến",
      "về",
      "đối với",
      "khi",
      "nếu",
      "thì",
      "do",
      "bởi",
      "vì",
      "như",
      "gồm",
      "qua",
      "sau",
      "trước",
      "giải quyết",
      "xử lý",
      "phát hiện",
      "khắc phục",
      "lập",
      "trình",
      "tiến hành",
      "đánh giá",
      "giám sát",
      "quyết liệt",
      "rà",
      "chấn chỉnh",
      "đảm bảo",
      "bảo đảm",
      "tuyên truyền",
      "cập nhật",
      "duy trì",
      "yêu cầu",
      "đề nghị",
      "giao",
      "mời",
      "ký",
      "cùng",
      "và",
      "hoặc",
      "các",
      "của",
      "những",
      "này",
      "đó",
      "nêu",
      "trên cơ sở",
      "thông báo",
      "tiếp thu",
      "kiểm soát",
      "khẩn",
      "tích cực",
      "nắm",
      "ngay",
      "bổ sung",
      "tham gia",
      "liên hệ",
      "thẩm định",
      "phê duyệt",
      "cấp",
      "vận hành",
      "chuẩn bị",
      "dự thảo",
      "xây dựng kế hoạch",
      "ứng dụng",
      "hỗ trợ",
      "thu",
      "tiếp nhận",
      "sử dụng",
      "ưu tiên",
      "nâng cao",
      "tránh",
      "hạn chế",
      "ngăn chặn",
      "căn",
      "áp dụng",
      "đấu tranh",
      "trực tiếp",
      "mở",
      "điều tra",
      "điều chỉnh",
      "nộp",
      "được",
      "năm",
      "tháng",
      "ngày",
      "quý",
      "số",
      "vận động",
      "xây dựng",
      "rà soát,",
      "khám",
      "tuyên truyền,",
      "bảo vệ",
      "phòng, chống",
      "nâng cấp",
      "lãnh đạo",
      "quan tâm",
      "sửa chữa",
  }));
  return *v;
}

const PhraseList& VagueQualifiers() {
  static const auto* v = new PhraseList(Phrases({
      "liên quan",
      "có liên quan",
      "chức năng",
      "có thẩm quyền",
      "khác",
      "liên quan khác",
      "trên địa bàn",
      "cấp dưới",
      "trực thuộc",
  }));
  return *v;
}

bool IsAcronym(const std::string& w) {
  // Two or more letters, all upper-case (digits, '&', '-' allowed): "UBND", "TC-KH", "NN&PTNT".
  int upper = 0;
  std::string_view s = w;
  for (size_t i = 0; i < s.size();) {
    int len = 0;
    char32_t c = text::FirstCodePoint(s.substr(i), &len);
    std::string_view ch = s.substr(i, len);
    i += len;
    if (c == '&' || c == '-' || c == '/' || (c >= '0' && c <= '9')) continue;
    if (!text::StartsUpper(ch)) return false;
    ++upper;
  }
  return upper >= 2;
}

bool IsCap(const Token& t) { return !t.punct && text::StartsUpper(t.text); }

bool IsHeadAt(const std::vector<Token>& t, size_t i, size_t* len) {
  size_t n = MatchAny(t, i, ProperHeads());
  if (n == 0 || !IsCap(t[i])) return false;
  *len = n;
  return true;
}

struct Parser {
  std::string_view s;
  const std::vector<Token>& t;

  bool At(size_t i, std::string_view lower) const {
    return i < t.size() && !t[i].punct && t[i].lower == lower;
  }
  bool Punct(size_t i, std::string_view p) const {
    return i < t.size() && t[i].punct && t[i].text == p;
  }

  size_t SkipTitles(size_t i) const {
    while (i < t.size()) {
      size_t n = MatchAny(t, i, Titles());
      if (n == 0) break;
      // "Phó Chủ tịch", "Phó Giám đốc" are addressees themselves, handled as heads.
      if (i > 0 && t[i - 1].lower == "phó") break;
      size_t j = i + n;
      if (j < t.size() && (StartsNameAt(j) || At(j, "các"))) {
        i = j;
      } else {
        break;
      }
    }
    return i;
  }

  bool StartsNameAt(size_t i) const {
    size_t len = 0;
    if (IsHeadAt(t, i, &len)) return HeadFollowedByName(i, len);
    return false;
  }

  // A head noun starts a name only when a capitalised word, an acronym or a place word follows
  // before the predicate ("Ban hành kế hoạch" is a verb, "Ban Quản lý" a body).
  bool HeadFollowedByName(size_t i, size_t len) const {
    size_t j = i + len;
    if (IsAcronym(t[i].text)) return true;  // "UBND", "HĐND"
    const std::string& h = t[i].lower;
    if (h == "chính" || (h == "ủy" && len == 3)) return true;  // Chính phủ, Ủy ban nhân dân
    if (len >= 2 && h != "phó" && h != "chủ") return true;
    if (j >= t.size()) return false;
    for (size_t k = j; k < t.size() && k < j + 4; ++k) {
      if (t[k].punct) {
        if (t[k].text == "-" || t[k].text == "&") continue;
        if (t[k].text == ":" && k == j) return true;  // "các Bộ: Tài chính"
        return false;
      }
      if (IsCap(t[k]) || IsAcronym(t[k].text)) return true;
      if (MatchAny(t, k, AdminWords()) > 0) return true;
      if (k == j && MatchAny(t, k, Stoppers()) > 0) return false;
      if (t[k].lower == "quản" && k + 1 < t.size() && t[k + 1].lower == "lý") return true;
    }
    return false;
  }

  bool NextIsUnitStart(size_t i) const {
    size_t j = SkipTitles(i);
    if (At(j, "các")) return true;
    return StartsNameAt(j);
  }

  // Parses a proper name from its head at `i`; returns the end token.
  size_t ProperName(size_t i, size_t head_len) const {
    size_t j = i + head_len;
    size_t last = j;       // one past the last token of the name
    size_t place_end = 0;  // one past the last place word ("huyện", "thành phố") read
    int body = 0;
    while (j < t.size() && body < 20) {
      const Token& tk = t[j];
      if (tk.punct) {
        if ((tk.text == "-" || tk.text == "&") && j + 1 < t.size() &&
            (IsCap(t[j + 1]) || IsAcronym(t[j + 1].text))) {
          j += 2;
          last = j;
          ++body;
          continue;
        }
        if (tk.text == "," && j + 1 < t.size()) {
          // "các tỉnh, thành phố": a list of place words.
          if ((place_end == j || MatchAny(t, j - 1, AdminWords())) &&
              MatchAny(t, j + 1, AdminWords())) {
            j += 1 + MatchAny(t, j + 1, AdminWords());
            last = j;
            place_end = j;
            continue;
          }
          // "Sở Văn hóa, Thể thao và Du lịch": a name with a comma inside.
          size_t hl = 0;
          if (IsCap(t[j + 1]) && !IsHeadAt(t, j + 1, &hl)) {
            size_t k = j + 1;
            bool has_and = false;
            while (k < t.size() && !t[k].punct) {
              if (t[k].lower == "và" && k + 1 < t.size() && IsCap(t[k + 1])) has_and = true;
              ++k;
            }
            if (has_and && body <= 3) {
              j = j + 1;
              continue;
            }
          }
        }
        break;
      }
      if (tk.lower == "và") {
        size_t hl = 0;
        if (j + 1 < t.size() && IsCap(t[j + 1]) && MatchAny(t, j + 1, Titles()) == 0 &&
            (!IsHeadAt(t, j + 1, &hl) ||
             (IsAcronym(t[j - 1].text) && IsAcronym(t[j + 1].text) && hl == 1 &&
              (t[j + 1].lower == "ubnd" || t[j + 1].lower == "hđnd")))) {
          j += 2;
          last = j;
          continue;
        }
        break;
      }
      if (tk.lower == "các") {
        if (j + 1 < t.size() && (MatchAny(t, j + 1, AdminWords()) || t[j + 1].lower == "khu" ||
                                 t[j + 1].lower == "cụm")) {
          ++j;
          continue;
        }
        break;
      }
      if (tk.lower == "của" && j + 1 < t.size() && MatchAny(t, j + 1, AdminWords())) {
        j += 1 + MatchAny(t, j + 1, AdminWords());
        last = j;
        break;
      }
      if (tk.lower == "thuộc" || tk.lower == "trực") {
        // "trực thuộc UBND thị xã", "thuộc UBND tỉnh": a qualifier inside the name.
        size_t k = j + (tk.lower == "trực" ? 1 : 0);
        if (k < t.size() && t[k].lower == "thuộc") {
          j = k + 1;
          continue;
        }
        break;
      }
      size_t hl = 0;
      if (IsCap(tk) || IsAcronym(tk.text) || std::isdigit(static_cast<unsigned char>(tk.text[0]))) {
        // A new unit starts, unless a Party committee owns the body named so far ("Ban Tuyên
        // giáo và Dân vận Huyện ủy", "Ủy ban Kiểm tra Tỉnh ủy").
        if (body > 0 && IsHeadAt(t, j, &hl) && HeadFollowedByName(j, hl) &&
            !(j + 1 < t.size() && (t[j + 1].lower == "ủy" || t[j + 1].lower == "uỷ") &&
              (tk.lower == "tỉnh" || tk.lower == "huyện" || tk.lower == "thị" ||
               tk.lower == "thành" || tk.lower == "quận" || tk.lower == "đảng"))) {
          break;
        }
        ++j;
        last = j;
        ++body;
        continue;
      }
      size_t admin = MatchAny(t, j, AdminWords());
      if (admin > 0) {
        j += admin;
        last = j;
        place_end = j;
        ++body;
        continue;
      }
      // A verb's word that ends a compound noun inside a name: "đầu tư xây dựng", "công trình
      // thủy lợi", "chương trình".
      bool compound =
          (tk.lower == "giao" && j + 1 < t.size() && t[j + 1].lower == "thông") ||
          (j > 0 &&
           ((tk.lower == "xây" && t[j - 1].lower == "tư") ||
            (tk.lower == "trình" &&
             (t[j - 1].lower == "công" || t[j - 1].lower == "chương" || t[j - 1].lower == "quy"))));
      if (MatchAny(t, j, Stoppers()) > 0 && !compound) break;
      ++j;
      last = j;
      ++body;
    }
    return last;
  }

  // A generic set after "các" ("các phòng, ban, đơn vị trực thuộc UBND thị xã"). `i` points at
  // the first noun. Returns the end token; `*vague` says whether it names no particular body;
  // `*split` is set to the token where vague nouns start after specific ones.
  size_t GenericSet(size_t i, bool* vague, bool* has_qualifier) const {
    size_t j = i;
    // "các Bộ trưởng", "các Trưởng phòng": persons' titles, not sets of bodies.
    if (At(i + 1, "trưởng") || At(i, "trưởng")) return i;
    bool specific = false, vague_noun = false;
    while (j < t.size()) {
      size_t n = MatchAny(t, j, SpecificSetNouns());
      size_t m = MatchAny(t, j, VagueSetNouns());
      // "các chi, đảng bộ cơ sở": "chi" stands for "chi bộ", its second syllable shared.
      if (n == 0 && At(j, "chi") && Punct(j + 1, ",") && At(j + 2, "đảng") && At(j + 3, "bộ")) {
        n = 4;
      }
      if (n >= m && n > 0) {
        if (vague_noun && !specific) break;
        specific = true;
        j += n;
      } else if (m > 0) {
        if (specific && t[j].lower != "đơn") break;  // "các sở, ban, ngành, địa phương"
        if (!specific) vague_noun = true;
        j += m;
      } else {
        break;
      }
      if (Punct(j, ",") && j + 1 < t.size() &&
          (MatchAny(t, j + 1, SpecificSetNouns()) || MatchAny(t, j + 1, VagueSetNouns()))) {
        // "các phòng, ban, đơn vị"; stop before a vague noun after specific ones.
        if (specific && !MatchAny(t, j + 1, SpecificSetNouns()) && t[j + 1].lower != "đơn") break;
        ++j;
        continue;
      }
      break;
    }
    // Qualifier: "trực thuộc UBND thị xã", "quản lý nhà nước chuyên ngành về hạ tầng",
    // "được giao quản lý ...", "liên quan".
    size_t q = j;
    bool qualified = false, vague_q = false;
    size_t vq = MatchAny(t, q, VagueQualifiers());
    // "các trường học trên địa bàn xã": a place narrows a named kind of body to a set.
    if (specific && vq == 3 && At(q, "trên") && MatchAny(t, q + 3, AdminWords())) {
      q += 3 + MatchAny(t, q + 3, AdminWords());
      while (q < t.size() && IsCap(t[q])) ++q;
      *has_qualifier = true;
      *vague = false;
      return q;
    }
    if (vq > 0 && !(t[q].lower == "trực")) {
      q += vq;
      vague_q = true;
      // "các Bộ, ngành liên quan khác", "các cơ quan trên địa bàn xã"
      if (At(q, "khác")) ++q;
      if (vq == 3 && At(q - 3, "trên")) q += MatchAny(t, q, AdminWords());
    } else {
      size_t start = q;
      int words = 0;
      while (q < t.size() && words < 16) {
        const Token& tk = t[q];
        if (tk.punct) {
          if (tk.text == "," && q > start && At(q + 1, "sử")) {  // "quản lý, sử dụng"
            ++q;
            continue;
          }
          break;
        }
        bool at_start = q == start;
        // A set of vague nouns takes only a qualifier that says which ones ("được giao ...",
        // "quản lý chuyên ngành", "thực hiện dịch vụ công"), never a verb of the sentence.
        if (at_start && !specific && tk.lower != "được" && tk.lower != "trực" &&
            tk.lower != "thuộc" && tk.lower != "quản" && tk.lower != "thực" &&
            tk.lower != "chuyên") {
          break;
        }
        // "thực hiện" after a named kind ("các khu phố thực hiện") is the sentence's verb.
        if (at_start && (tk.lower == "được" || tk.lower == "trực" || tk.lower == "thuộc" ||
                         tk.lower == "quản" || (tk.lower == "thực" && !specific))) {
          ++q;
          ++words;
          continue;
        }
        if (!at_start &&
            (tk.lower == "về" || tk.lower == "hoặc" || tk.lower == "quản" || tk.lower == "lý" ||
             tk.lower == "giao" || tk.lower == "sử" || tk.lower == "dụng" || tk.lower == "khai" ||
             tk.lower == "thác" || tk.lower == "dịch" || tk.lower == "vụ" || tk.lower == "công" ||
             tk.lower == "thuộc" || tk.lower == "nhà" || tk.lower == "nước")) {
          ++q;
          ++words;
          continue;
        }
        if (IsCap(tk) || IsAcronym(tk.text)) {
          ++q;
          ++words;
          continue;
        }
        if (MatchAny(t, q, AdminWords())) {
          q += MatchAny(t, q, AdminWords());
          ++words;
          continue;
        }
        if (MatchAny(t, q, Stoppers()) || MatchAny(t, q, VagueQualifiers())) break;
        ++q;
        ++words;
      }
      if (q > start) {
        qualified = true;
        // A trailing "liên quan" makes it vague again.
        if (q >= 2 && t[q - 1].lower == "quan" && t[q - 2].lower == "liên") vague_q = true;
      }
      // "có liên quan" right after a qualifier
      if (MatchAny(t, q, VagueQualifiers()) && t[q].lower != "trực") {
        q += MatchAny(t, q, VagueQualifiers());
        vague_q = true;
      }
    }
    *has_qualifier = qualified;
    if (vague_q) {
      *vague = true;
    } else if (specific) {
      *vague = false;
    } else {
      *vague = !qualified;
    }
    return q;
  }

  std::string Text(size_t b, size_t e) const {
    if (b >= e) return "";
    return std::string(s.substr(t[b].begin, t[e - 1].end - t[b].begin));
  }

  UnitMention Make(size_t b, size_t e, std::string name, bool vague) const {
    UnitMention m;
    m.begin = t[b].begin;
    m.end = t[e - 1].end;
    m.mention = Text(b, e);
    m.name = name.empty() ? m.mention : std::move(name);
    m.vague = vague;
    return m;
  }

  // The names after a shared head: "Bộ: Tài chính, Công Thương" (`colon`) or "Bộ Tài nguyên và
  // Môi trường, Tư pháp" (two names at least). Appends "<head> <name>" for each and returns the
  // end token; returns 0 (appending nothing) when the words after the head are not such a list.
  size_t SharedPrefixList(size_t j, size_t hl, const std::string& head, bool colon,
                          std::vector<UnitMention>* out) const {
    size_t k = j + hl + (colon ? 1 : 0);
    std::vector<std::pair<size_t, size_t>> items;
    while (k < t.size() && IsCap(t[k])) {
      size_t b = k;
      // An item's first word is part of its name even when it reads as a verb elsewhere
      // ("Xây dựng", "Giao thông vận tải").
      while (k < t.size() &&
             ((!t[k].punct && (k == b || MatchAny(t, k, Stoppers()) == 0)) ||
              ((t[k].text == "-" || t[k].text == "&") && k + 1 < t.size() && IsCap(t[k + 1])))) {
        ++k;
      }
      // "Tài nguyên và Môi trường": "và" + capital continues the item.
      while (k + 1 < t.size() && t[k].lower == "và" && IsCap(t[k + 1])) {
        size_t hh = 0;
        if (IsHeadAt(t, k + 1, &hh)) break;
        k += 1;
        while (k < t.size() && !t[k].punct && MatchAny(t, k, Stoppers()) == 0) ++k;
      }
      if (k == b) break;
      items.push_back({b, k});
      size_t hh = 0;
      if ((Punct(k, ",") || At(k, "và")) && k + 1 < t.size() && IsCap(t[k + 1]) &&
          !IsHeadAt(t, k + 1, &hh)) {
        ++k;
        continue;
      }
      break;
    }
    if (items.size() < 2 && !colon) return 0;
    for (auto [b, e] : items) out->push_back(Make(b, e, head + " " + Text(b, e), false));
    return items.empty() ? j + hl + 1 : items.back().second;
  }

  // "UBND các xã Ea Phê, Ea Kly và Hòa An": a body named for a plural level of places followed
  // by the places' names is one body per place ("UBND xã Ea Phê", ...). `j` is the head and `e`
  // the end of the name read from it. Appends the bodies and returns the end token when two
  // places or more are named; returns 0 otherwise.
  size_t PlacesOfLevel(size_t j, size_t e, std::vector<UnitMention>* out) const {
    size_t p = j + 1;
    while (p < e && !At(p, "các")) ++p;
    if (p >= e) return 0;
    size_t level = MatchAny(t, p + 1, AdminWords());
    size_t k = p + 1 + level;
    if (level == 0 || k >= t.size() || !IsCap(t[k])) return 0;
    std::vector<std::pair<size_t, size_t>> items;
    size_t hl = 0;
    while (k < t.size() && IsCap(t[k]) && !IsHeadAt(t, k, &hl)) {
      size_t b = k;
      while (k < t.size() && ((IsCap(t[k]) && (k == b || !IsHeadAt(t, k, &hl))) ||
                              (Punct(k, "-") && k + 1 < t.size() && IsCap(t[k + 1])))) {
        ++k;
      }
      items.push_back({b, k});
      if ((Punct(k, ",") || At(k, "và")) && k + 1 < t.size() && IsCap(t[k + 1])) {
        ++k;
        continue;
      }
      break;
    }
    if (items.size() < 2) return 0;
    std::string prefix = Text(j, p) + " " + Text(p + 1, p + 1 + level);
    for (size_t n = 0; n < items.size(); ++n) {
      auto [b, end] = items[n];
      out->push_back(Make(n == 0 ? j : b, end, prefix + " " + Text(b, end), false));
    }
    return items.back().second;
  }

  // One unit (or a shared-prefix list) at `i`. Appends to `out`; returns the end token or `i`.
  size_t One(size_t i, bool bare_generic, std::vector<UnitMention>* out) const {
    size_t start = SkipTitles(i);
    size_t j = start;
    bool plural = false;
    if (At(j, "các")) {
      plural = true;
      ++j;
      // "các đồng chí Phó Chủ tịch UBND thị xã"
    }
    size_t hl = 0;
    if (plural && At(j, "đồng") && At(j + 1, "chí")) {
      size_t k = j + 2;
      if (IsHeadAt(t, k, &hl)) {
        size_t e = ProperName(k, hl);
        out->push_back(Make(start, e, "", false));
        return e;
      }
    }
    if (plural && j < t.size() && !t[j].punct && !IsCap(t[j])) {
      size_t n = MatchAny(t, j, ProperHeads());
      if (n > 0 && Punct(j + n, ":") && j + n + 1 < t.size() && IsCap(t[j + n + 1])) {
        size_t e = SharedPrefixList(j, n, text::CapitalizeFirst(Text(j, j + n)), true, out);
        if (e > 0) return e;
      }
    }
    if (IsHeadAt(t, j, &hl) && HeadFollowedByName(j, hl)) {
      // Shared prefix: "các Bộ: Tài chính, Công Thương", "các Bộ Tài nguyên và Môi trường, Tư
      // pháp".
      bool colon = Punct(j + hl, ":");
      if (plural && (colon || (IsCap(t[j + hl]) && !IsAcronym(t[j + hl].text)))) {
        size_t e = SharedPrefixList(j, hl, Text(j, j + hl), colon, out);
        if (e > 0) return e;
      }
      size_t e = ProperName(j, hl);
      size_t places = PlacesOfLevel(j, e, out);
      if (places > 0) return places;
      // A lone head ("Bộ", "Sở") is not a name.
      if (e == j + hl && hl == 1 && !IsAcronym(t[j].text) && t[j].lower != "thuế") return i;
      bool vague = false;
      if (plural) {
        // "các Bộ, ngành liên quan"
        if (Punct(e, ",") || MatchAny(t, e, VagueQualifiers())) {
          bool v = false, q = false;
          size_t e2 = GenericSet(j, &v, &q);
          if (e2 > e) {
            out->push_back(Make(start, e2, "", v));
            out->back().bare_set = !q;
            return e2;
          }
        }
      }
      out->push_back(Make(start, e, StripTitle(Text(start, e)), vague));
      return e;
    }
    if (plural || bare_generic) {
      if (MatchAny(t, j, SpecificSetNouns()) || MatchAny(t, j, VagueSetNouns()) ||
          (At(j, "chi") && Punct(j + 1, ","))) {
        bool vague = false, q = false;
        size_t e = GenericSet(j, &vague, &q);
        if (e > j) {
          if (!plural && !q) vague = true;  // a bare "cơ quan" names nobody
          out->push_back(Make(start, e, "", vague));
          out->back().bare_set = !q;
          return e;
        }
      }
    }
    return i;
  }
};

}  // namespace

namespace {

// text::FoldKey of a word, remembered per thread: folding costs far more than a lookup, and a
// notice repeats a few thousand words. Bounded, so a long document cannot grow it without end.
const std::string& FoldWord(std::string_view w) {
  constexpr size_t kMaxWords = 8192;
  thread_local std::unordered_map<std::string, std::string, PhraseList::Hash, std::equal_to<>>
      cache;
  if (auto it = cache.find(w); it != cache.end()) return it->second;
  if (cache.size() >= kMaxWords) cache.clear();
  return cache.emplace(std::string(w), text::FoldKey(w)).first->second;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  // An upper bound on the tokens: one per word plus one per punctuation byte split off. One
  // allocation instead of growing by doubling (each growth moved every token).
  size_t bound = 1;
  for (char c : s) {
    bound += c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == ')' || c == '!' ||
             c == '?' || c == '"' || c == ']' || c == '(' || c == '[';
  }
  out.reserve(bound);
  auto lower = [](std::string_view w) { return FoldWord(w); };
  std::vector<Token> trailing;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    size_t e = i;
    // Leading punctuation.
    while (b < e && (s[b] == '(' || s[b] == '"' || s[b] == '[')) {
      out.push_back({b, b + 1, std::string(1, s[b]), std::string(1, s[b]), true});
      ++b;
    }
    // Leading/trailing curly quotes.
    for (std::string_view q : {"“", "”"}) {
      if (e - b >= q.size() && s.substr(b, q.size()) == q) b += q.size();
    }
    trailing.clear();
    while (e > b) {
      char c = s[e - 1];
      if (c == ',' || c == ';' || c == ':' || c == '.' || c == ')' || c == '!' || c == '?' ||
          c == '"' || c == ']') {
        // Keep "./." and dotted abbreviations like "TP." as one token only when inside.
        trailing.push_back({e - 1, e, std::string(1, c), std::string(1, c), true});
        --e;
        continue;
      }
      if (e - b >= 3 && s.substr(e - 3, 3) == "”") {
        e -= 3;
        continue;
      }
      break;
    }
    if (e > b) {
      std::string_view w = s.substr(b, e - b);
      bool p = w == "-" || w == "–" || w == "&" || w == "—" || w == "/";
      Token tk{b, e, std::string(w), p ? std::string(w == "–" || w == "—" ? "-" : w) : lower(w), p};
      if (p) tk.text = tk.lower;
      out.push_back(std::move(tk));
    }
    for (size_t k = trailing.size(); k-- > 0;) out.push_back(trailing[k]);
  }
  // Callers keep every paragraph's tokens until the notice is read: no growth slack.
  out.shrink_to_fit();
  return out;
}

bool IsPredicateStart(const std::vector<Token>& tokens, size_t i) {
  return MatchAny(tokens, i, Stoppers()) > 0;
}

bool StartsUnit(const std::vector<Token>& tokens, size_t i) {
  Parser p{"", tokens};
  return p.NextIsUnitStart(i);
}

std::string StripTitle(std::string_view name) {
  std::vector<Token> t = Tokenize(name);
  Parser p{name, t};
  size_t i = p.SkipTitles(0);
  if (i == 0 || i >= t.size()) return std::string(name);
  return std::string(name.substr(t[i].begin));
}

std::vector<UnitMention> ParseUnitList(std::string_view s, const std::vector<Token>& tokens,
                                       size_t i, size_t* next, bool bare_generic) {
  Parser p{s, tokens};
  std::vector<UnitMention> out;
  size_t j = p.One(i, bare_generic, &out);
  if (j == i) {
    *next = i;
    return {};
  }
  while (true) {
    // Separators: ",", ";", "và", ", và", "cùng".
    size_t m = j;
    if (p.Punct(m, ",") || p.Punct(m, ";")) ++m;
    if (p.At(m, "và") || p.At(m, "cùng")) ++m;
    if (m == j || m >= tokens.size()) break;
    size_t e = p.One(m, true, &out);
    if (e == m) break;
    j = e;
  }
  // "các Bộ, ngành và các địa phương liên quan": a trailing "liên quan" covers the bare sets.
  if (out.size() >= 2 && out.back().vague &&
      text::FoldKey(out.back().mention).find("liên quan") != std::string::npos) {
    for (UnitMention& m : out) {
      if (m.bare_set) m.vague = true;
    }
  }
  *next = j;
  return out;
}

}  // namespace dondoc::notice
