#include <gtest/gtest.h>

#include <string>

#include "domain/activity.h"
#include "domain/notice_record.h"
#include "domain/task.h"
#include "domain/user.h"

namespace dondoc::domain {
namespace {

TEST(CodesTest, RoundTrips) {
  struct C {
    int n;
    std::string code;
    std::string back;
  };
  const C cases[] = {
      {1, "admin", std::string(RoleCode(*RoleFromCode("admin")))},
      {2, "viewer", std::string(RoleCode(*RoleFromCode("viewer")))},
      {3, "draft", std::string(NoticeStatusCode(*NoticeStatusFromCode("draft")))},
      {4, "recurring", std::string(DeadlineKindCode(*DeadlineKindFromCode("recurring")))},
      {5, "quarter", std::string(EveryCode(*EveryFromCode("quarter")))},
      {6, "pending_confirmation",
       std::string(StoredStatusCode(*StoredStatusFromCode("pending_confirmation")))},
      {7, "support", std::string(UnitRoleCode(*UnitRoleFromCode("support")))},
      {8, "refused", std::string(ExtensionStatusCode(*ExtensionStatusFromCode("refused")))},
  };
  for (const C& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    EXPECT_EQ(c.code, c.back);
  }
  EXPECT_FALSE(RoleFromCode("root").has_value());
  EXPECT_FALSE(EveryFromCode("day").has_value());
  EXPECT_EQ(RoleLabel(Role::kOffice), "Văn phòng");
}

}  // namespace
}  // namespace dondoc::domain
