// Quantitative targets of a task ("giải ngân đạt khoảng 60% ... đến ngày 30/6/2023").
#ifndef DONDOC_NOTICE_TARGETS_H_
#define DONDOC_NOTICE_TARGETS_H_

#include <string_view>
#include <vector>

#include "notice/deadline.h"
#include "notice/notice.h"

namespace dondoc::notice {

// Every "<metric> đạt [khoảng] N%" in `s`, each with the deadline date written in its clause.
// Thread-safe.
std::vector<Target> FindTargets(std::string_view s, const DeadlineContext& ctx);

// True when the task is marked urgent ("khẩn trương", "gấp", "ngay").
bool IsUrgent(std::string_view s);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_TARGETS_H_
