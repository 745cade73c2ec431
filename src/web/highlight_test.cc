#include "web/highlight.h"

#include <gtest/gtest.h>

namespace dondoc::web {
namespace {

Mark T(long s, long e, std::string id = "", std::string label = "") {
  Mark m;
  m.start = s;
  m.end = e;
  m.id = std::move(id);
  m.label = std::move(label);
  return m;
}
Mark U(long s, long e) {
  Mark m;
  m.start = s;
  m.end = e;
  m.kind = Mark::Kind::kUnit;
  return m;
}

TEST(HighlightTest, Cases) {
  // "Giao Phòng TC-KH <chủ trì>." — code points: G0 ... spans count code points, not bytes.
  const std::string text = "Giao Phòng TC-KH <chủ trì>.";
  struct Case {
    int n;
    std::vector<Mark> marks;
    std::string want;
  } cases[] = {
      {1, {}, "Giao Phòng TC-KH &lt;chủ trì&gt;."},
      {2,
       {T(0, 4, "t-1", "1")},
       "<mark class=\"task\" id=\"t-1\"><sup>1</sup>Giao</mark> Phòng TC-KH &lt;chủ trì&gt;."},
      {3,
       {T(0, 27), U(5, 16)},
       "<mark class=\"task\">Giao <span class=\"u\">Phòng TC-KH</span> &lt;chủ trì&gt;.</mark>"},
      {4,
       {T(0, 8), U(5, 16)},  // unit crosses the task end: dropped
       "<mark class=\"task\">Giao Phò</mark>ng TC-KH &lt;chủ trì&gt;."},
      {5,
       {T(0, 4), T(2, 10)},  // overlapping task dropped
       "<mark class=\"task\">Giao</mark> Phòng TC-KH &lt;chủ trì&gt;."},
      {6,
       {T(17, 99)},  // clipped to the end
       "Giao Phòng TC-KH <mark class=\"task\">&lt;chủ trì&gt;.</mark>"},
      {7, {T(5, 5), T(-3, 0)}, "Giao Phòng TC-KH &lt;chủ trì&gt;."},
      {8, {U(5, 16)}, "Giao <span class=\"u\">Phòng TC-KH</span> &lt;chủ trì&gt;."},
  };
  for (const auto& c : cases) EXPECT_EQ(HighlightHtml(text, c.marks), c.want) << "case " << c.n;
}

TEST(HighlightTest, IdsAndLabelsAreEscaped) {
  Mark m = T(0, 1, "a\"b", "<x>");
  m.link = "row-1";
  EXPECT_EQ(
      HighlightHtml("xy", {m}),
      "<mark class=\"task\" id=\"a&quot;b\" data-goto=\"row-1\"><sup>&lt;x&gt;</sup>x</mark>y");
}

TEST(PassageTest, Cases) {
  const std::string text = "Dòng một.\nGiao <Công an> thị xã.\n[…]";
  struct Case {
    int n;
    long start, end;
    bool cut_before, cut_after;
    std::string want;
  } cases[] = {
      {1, 15, 24, false, false, "Dòng một.\nGiao <mark>&lt;Công an&gt;</mark> thị xã.\n[…]"},
      {2, 0, 4, true, true, "… <mark>Dòng</mark> một.\nGiao &lt;Công an&gt; thị xã.\n[…] …"},
      {3, 99, 120, false, false, "Dòng một.\nGiao &lt;Công an&gt; thị xã.\n[…]<mark></mark>"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(PassageHtml(text, c.start, c.end, c.cut_before, c.cut_after), c.want)
        << "case " << c.n;
  }
}

}  // namespace
}  // namespace dondoc::web
