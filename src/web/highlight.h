// The text of a notice as HTML with its tasks and unit mentions marked at their spans.
#ifndef DONDOC_WEB_HIGHLIGHT_H_
#define DONDOC_WEB_HIGHLIGHT_H_

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::web {

// A range to mark, [start, end) in code points of the text.
struct Mark {
  long start = 0;
  long end = 0;
  enum class Kind { kTask, kUnit } kind = Kind::kTask;
  std::string id;     // kTask: the element id ("t-12"); kUnit: unused
  std::string label;  // kTask: a small label shown before the text ("3"); kUnit: a title
  std::string link;   // kTask: the id of the element a click goes to ("row-12"); may be empty
};

// HTML (escaped) of `text` with each task inside <mark class="task" id=…> and each unit mention
// inside <span class="u">. Marks outside the text are clipped; a mark overlapping an earlier one
// of the same kind is dropped; unit marks are kept only when they lie inside one task mark or
// outside all of them (never crossing a task boundary). REQUIRES: `text` is valid UTF-8.
std::string HighlightHtml(std::string_view text, std::vector<Mark> marks);

// A passage of a notice (already cut by app::GetTaskPassage) as escaped HTML with
// [start, end) (code points) inside <mark>; "… " before and " …" after when text was cut there.
std::string PassageHtml(std::string_view text, long start, long end, bool cut_before,
                        bool cut_after);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_HIGHLIGHT_H_
