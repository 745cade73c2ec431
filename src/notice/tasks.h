// Task segmentation and lead/support assignment, following shared/spec/gold-format.md.
//
// A task is an instruction with an addressee: a paragraph or bullet naming its subject ("Phòng A
// chủ trì, phối hợp với B ..."), a bullet under a lead-in that names the addressee ("Giao Phòng
// A:", "Yêu cầu A, B:", "2. Thanh tra tỉnh", "Trách nhiệm của Sở ..."), or a sentence inside a
// paragraph that names a new subject. Pure computation: thread-compatible.
#ifndef DONDOC_NOTICE_TASKS_H_
#define DONDOC_NOTICE_TASKS_H_

#include <string>
#include <vector>

#include "notice/deadline.h"
#include "notice/layout.h"
#include "notice/notice.h"
#include "notice/outline.h"

namespace dondoc::notice {

class UnitDirectory;

struct TaskOptions {
  DeadlineContext deadline;
  const UnitDirectory* units = nullptr;  // canonical names when set
  std::string issuer;                    // the issuing body; never its own addressee
};

// A task with the paragraph place it came from, so that callers can compute spans.
struct TaskDraft {
  Task task;
  size_t paragraph = 0;  // index into the paragraphs
  size_t begin = 0;      // bytes into that paragraph's text
  size_t last_paragraph = 0;  // the last paragraph merged into the task
  size_t end = 0;        // bytes into the last paragraph's text
  std::vector<DeadlineProblem> problems;  // offsets into task.text
};

std::vector<TaskDraft> FindTasks(const std::vector<Paragraph>& paragraphs,
                                 const std::vector<OutlineEntry>& outline,
                                 const TaskOptions& options);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_TASKS_H_
