#include "http/offload.h"

namespace dondoc::http {
namespace {

thread_local bool may_offload = false;

}  // namespace

bool ShouldOffload() { return may_offload; }

IoThreadScope::IoThreadScope(bool may) : previous_(may_offload) { may_offload = may; }

IoThreadScope::~IoThreadScope() { may_offload = previous_; }

}  // namespace dondoc::http
