// The extractor: raw document text → Notice (header, meeting, outline, tasks, figures).
//
// Pure computation: no I/O, thread-compatible, deterministic.
#ifndef DONDOC_NOTICE_EXTRACT_H_
#define DONDOC_NOTICE_EXTRACT_H_

#include <string>

#include "notice/notice.h"
#include "notice/read.h"

namespace dondoc::notice {

class UnitDirectory;

struct ExtractOptions {
  // Maps mentions to canonical names when set. Not owned; must outlive the call.
  const UnitDirectory* units = nullptr;
};

Notice Extract(const RawDocument& raw, const ExtractOptions& options = {});

// Serialisations of a Notice: the JSON contract of extract-output.md and a text for people.
std::string NoticeToJson(const Notice& notice, int indent = 1);
std::string NoticeToText(const Notice& notice);

}  // namespace dondoc::notice

#endif  // DONDOC_NOTICE_EXTRACT_H_
