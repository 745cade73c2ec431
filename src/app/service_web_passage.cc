// Service: a task's passage in its notice, with the tasks the caller may not see cut out.
#include <algorithm>
#include <utility>

#include "app/service.h"

namespace dondoc::app {

namespace {

// Byte offset of each code point of `s`, plus s.size() at the end. REQUIRES: valid UTF-8.
std::vector<size_t> CodePointStarts(std::string_view s) {
  std::vector<size_t> at;
  at.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(s.size());
  return at;
}

constexpr std::string_view kCutMark = "[…]";
constexpr long kCutMarkCodePoints = 3;

}  // namespace

Result<TaskPassage> Service::GetTaskPassage(const Caller& caller, Id task_id, long context) {
  DONDOC_ASSIGN_OR_RETURN(domain::Task task, VisibleTask(caller, task_id));
  TaskPassage p;
  if (task.span_end <= task.span_start) return p;
  DONDOC_ASSIGN_OR_RETURN(domain::Notice notice, store_.GetNotice(tenant_id_, task.notice_id));
  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                          store_.ListNoticeTasks(tenant_id_, task.notice_id));
  const std::string& text = notice.text;
  const std::vector<size_t> at = CodePointStarts(text);
  const long n = static_cast<long>(at.size()) - 1;
  const long start = std::clamp(task.span_start, 0L, n);
  const long end = std::clamp(task.span_end, start, n);
  context = std::max(context, 0L);

  auto line_start = [&](long i) { return i == 0 || text[at[i - 1]] == '\n'; };
  long from = std::max(0L, start - context);
  for (long i = from; i <= start && !line_start(from); ++i) {
    if (line_start(i)) from = i;
  }
  long to = std::min(n, end + context);
  if (to < n && text[at[to]] != '\n') {
    for (long i = to - 1; i >= end; --i) {
      if (text[at[i]] == '\n') {
        to = i;
        break;
      }
    }
  }

  // Spans of the tasks the caller may not see, inside [from, to), kept off the task's own span.
  std::vector<std::pair<long, long>> cuts;
  for (const domain::Task& other : tasks) {
    if (other.id == task.id || other.span_end <= other.span_start || CanSeeTask(caller, other)) {
      continue;
    }
    long a = std::max(other.span_start, from), b = std::min(other.span_end, to);
    if (a < start) cuts.emplace_back(a, std::min(b, start));
    if (b > end) cuts.emplace_back(std::max(a, end), b);
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::pair<long, long>> merged;
  for (const auto& c : cuts) {
    if (c.first >= c.second) continue;
    if (!merged.empty() && c.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, c.second);
    } else {
      merged.push_back(c);
    }
  }

  long pos = from;
  long shift = 0;  // code points removed before the task's span
  for (const auto& [a, b] : merged) {
    p.text.append(text, at[pos], at[a] - at[pos]);
    p.text += kCutMark;
    if (b <= start) shift += (b - a) - kCutMarkCodePoints;
    pos = b;
  }
  p.text.append(text, at[pos], at[to] - at[pos]);
  p.span_start = start - from - shift;
  p.span_end = p.span_start + (end - start);
  p.cut_before = from > 0;
  p.cut_after = to < n;
  return p;
}

}  // namespace dondoc::app
