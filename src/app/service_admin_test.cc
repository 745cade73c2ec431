// The administration use cases: unit edits and CSV import with preview, users' roles, passwords
// and locks, fields' units and leaders. Each is refused to non-admins and writes one audit row.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "app/service.h"
#include "app/test_tenant.h"

namespace dondoc::app {
namespace {

using domain::Role;
using testing::D;

// Units: UBND (root) → Phòng A → Tổ A1; Phòng B (root). Users admin, office, leader, unit_a.
struct World : testing::TestTenant {
  Id ubnd = 0, a = 0, a1 = 0, b = 0, field = 0;
  Caller admin, office, leader, other_leader, unit_a;

  World() : TestTenant(D("2023-07-01")) {
    Build([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(ubnd, AddUnit(tx, "UBND thị xã"));
      DONDOC_ASSIGN_OR_RETURN(a, AddUnit(tx, "Phòng A", ubnd));
      DONDOC_ASSIGN_OR_RETURN(a1, AddUnit(tx, "Tổ A1", a));
      DONDOC_ASSIGN_OR_RETURN(b, AddUnit(tx, "Phòng B"));
      domain::Field f;
      f.tenant_id = tenant;
      f.name = "Kinh tế";
      f.unit_ids = {a};
      DONDOC_ASSIGN_OR_RETURN(field, tx.CreateField(f));
      return Status::Ok();
    });
    admin = AddUser("admin", Role::kAdmin, std::nullopt);
    office = AddUser("office", Role::kOffice, std::nullopt);
    leader = AddUser("leader", Role::kLeader, std::nullopt, {field});
    other_leader = AddUser("leader2", Role::kLeader, std::nullopt);
    unit_a = AddUser("unit_a", Role::kUnit, a);
  }

  // Audit rows of one action, newest first.
  std::vector<domain::AuditEntry> AuditOf(const std::string& action) {
    store::AuditFilter f;
    f.limit = 500;
    std::vector<domain::AuditEntry> out;
    Result<store::Page<domain::AuditEntry>> page = service->Audit(office, f);
    EXPECT_TRUE(page.ok());
    if (!page.ok()) return out;
    for (auto& e : page->items) {
      if (e.action == action) out.push_back(e);
    }
    return out;
  }
  long AuditRows() { return service->Audit(office, {})->total; }
  domain::Unit Unit(Id id) { return store->GetUnit(tenant, id).value(); }
  domain::User User(const Caller& c) { return store->GetUser(tenant, c.id()).value(); }
};

TEST(AdminTest, NonAdminsAreRefusedAndNothingIsWritten) {
  World w;
  const long rows = w.AuditRows();
  for (const Caller* who : {&w.office, &w.leader, &w.unit_a}) {
    SCOPED_TRACE(who->user.username);
    domain::Unit u = w.Unit(w.a);
    u.name = "Đổi tên";
    EXPECT_EQ(w.service->UpdateUnit(*who, u).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(w.service->PreviewUnitsCsv(*who, "X,,,\n").status().code(),
              StatusCode::kPermissionDenied);
    EXPECT_EQ(w.service->ApplyUnitsCsv(*who, "X,,,\n").status().code(),
              StatusCode::kPermissionDenied);
    domain::Field f{w.field, w.tenant, "Kinh tế", {w.b}};
    EXPECT_EQ(w.service->AssignField(*who, f, w.other_leader.id()).status().code(),
              StatusCode::kPermissionDenied);
    domain::User target = w.User(w.unit_a);
    target.role = Role::kAdmin;
    EXPECT_EQ(w.service->UpdateUser(who, target).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(w.service->ResetPassword(who, "unit_a", "new-password-1").code(),
              StatusCode::kPermissionDenied);
  }
  EXPECT_EQ(w.AuditRows(), rows);
  EXPECT_EQ(w.Unit(w.a).name, "Phòng A");
  EXPECT_EQ(w.User(w.unit_a).role, Role::kUnit);
}

TEST(AdminTest, UnitEditRefusesCyclesAndWritesOneAuditRow) {
  World w;
  struct Case {
    int n;
    std::optional<Id> parent;
    std::string want_error;  // "" = accepted
  } cases[] = {
      {1, w.a, "vòng lặp"},   // itself
      {2, w.a1, "vòng lặp"},  // its own sub-unit
      {3, 999, "Không tìm thấy đơn vị cấp trên"},
      {4, w.b, ""},           // moved under Phòng B
      {5, std::nullopt, ""},  // a root
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    const size_t audits = w.AuditOf("unit_update").size();
    domain::Unit u = w.Unit(w.a);
    u.name = "Phòng A mới " + std::to_string(c.n);
    u.aliases = {"PA", "Phòng A cũ"};
    u.kind = "phong";
    u.parent_id = c.parent;
    Result<domain::Unit> out = w.service->UpdateUnit(w.admin, u);
    if (c.want_error.empty()) {
      ASSERT_TRUE(out.ok()) << out.status().ToString();
      EXPECT_EQ(w.Unit(w.a).name, u.name);
      EXPECT_EQ(w.Unit(w.a).aliases, (std::vector<std::string>{"PA", "Phòng A cũ"}));
      EXPECT_EQ(w.Unit(w.a).parent_id, c.parent);
      ASSERT_EQ(w.AuditOf("unit_update").size(), audits + 1);
      EXPECT_NE(w.AuditOf("unit_update")[0].after_json.find(u.name), std::string::npos);
    } else {
      ASSERT_EQ(out.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(out.status().message().find(c.want_error), std::string::npos)
          << out.status().message();
      EXPECT_EQ(w.AuditOf("unit_update").size(), audits);
      EXPECT_NE(w.Unit(w.a).name, u.name);
    }
  }
}

TEST(AdminTest, CsvPlanReportsEachBadRowWithItsLineAndReason) {
  World w;
  // BOM, CRLF, a Vietnamese header, a quoted name with a comma, a parent defined later.
  const std::string csv =
      "\xEF\xBB\xBFtên,tên gọi khác,loại,đơn vị cấp trên\r\n"
      "Tổ B1,TB1;Tổ một,to,Phòng C\r\n"         // line 2: parent on line 3
      "Phòng C,,phong,UBND thị xã\r\n"          // line 3
      ",,phong,\r\n"                            // line 4: empty name
      "Tổ X,,to,Phòng Không Có\r\n"             // line 5: unknown parent
      "phòng c,,phong,\r\n"                     // line 6: duplicate of line 3
      "Phòng A,,phong,\r\n"                     // line 7: already stored
      "Tổ Y,,to,Tổ X\r\n"                       // line 8: parent row has an error
      "\"Ban Quản lý, dự án\",,ban,\r\n"        // line 9
      "Vòng 1,,,Vòng 2\r\nVòng 2,,,Vòng 1\r\n"  // lines 10-11: a cycle
      "\r\n";
  auto plan = w.service->PreviewUnitsCsv(w.admin, csv);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  struct Want {
    int line;
    std::string name;
    std::string error;  // a piece of the reason; "" = added
    bool present;
  } wants[] = {
      {2, "Tổ B1", "", false},
      {3, "Phòng C", "", false},
      {4, "", "Tên đơn vị trống", false},
      {5, "Tổ X", "Không tìm thấy đơn vị cấp trên «Phòng Không Có»", false},
      {6, "phòng c", "Trùng tên với dòng 3", false},
      {7, "Phòng A", "", true},
      {8, "Tổ Y", "(dòng 5) có lỗi", false},
      {9, "Ban Quản lý, dự án", "", false},
      {10, "Vòng 1", "vòng lặp", false},
      {11, "Vòng 2", "vòng lặp", false},
  };
  ASSERT_EQ(plan->rows.size(), std::size(wants));
  for (size_t i = 0; i < std::size(wants); ++i) {
    SCOPED_TRACE("row " + std::to_string(i));
    const UnitCsvRow& row = plan->rows[i];
    EXPECT_EQ(row.line, wants[i].line);
    EXPECT_EQ(row.unit.name, wants[i].name);
    EXPECT_EQ(row.present, wants[i].present);
    if (wants[i].error.empty()) {
      EXPECT_EQ(row.error, "");
    } else {
      EXPECT_NE(row.error.find(wants[i].error), std::string::npos) << row.error;
    }
  }
  EXPECT_EQ(plan->rows[0].unit.aliases, (std::vector<std::string>{"TB1", "Tổ một"}));
  EXPECT_EQ(plan->errors, 6);
  EXPECT_EQ(plan->present, 1);
  // Phòng C (line 3) is added before its child Tổ B1 (line 2).
  EXPECT_EQ(plan->order, (std::vector<size_t>{1, 7, 0}));

  // The preview wrote nothing; the import adds the three good rows under one audit row.
  EXPECT_EQ(w.service->ListUnits(w.admin)->size(), 4u);
  EXPECT_TRUE(w.AuditOf("units_import").empty());
  auto applied = w.service->ApplyUnitsCsv(w.admin, csv);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  auto units = w.service->ListUnits(w.admin).value();
  ASSERT_EQ(units.size(), 7u);
  std::map<std::string, domain::Unit> by_name;
  for (const auto& u : units) by_name[u.name] = u;
  ASSERT_TRUE(by_name.count("Tổ B1") && by_name.count("Phòng C"));
  EXPECT_EQ(by_name["Tổ B1"].parent_id, by_name["Phòng C"].id);
  EXPECT_EQ(by_name["Phòng C"].parent_id, w.ubnd);
  EXPECT_EQ(by_name["Tổ B1"].kind, "to");
  EXPECT_TRUE(by_name.count("Ban Quản lý, dự án"));
  ASSERT_EQ(w.AuditOf("units_import").size(), 1u);
  EXPECT_NE(w.AuditOf("units_import")[0].after_json.find("\"created\":3"), std::string::npos);

  // Importing again adds nothing: every good row is now present.
  auto again = w.service->PreviewUnitsCsv(w.admin, csv);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->order.empty());
  EXPECT_EQ(again->present, 4);
}

TEST(AdminTest, CsvFilesThatCannotBeReadAreRefusedWithAReason) {
  World w;
  struct Case {
    int n;
    std::string csv;
    StatusCode code;
  } cases[] = {
      {1, "", StatusCode::kInvalidArgument},
      {2, "name,aliases,kind,parent\n\n", StatusCode::kInvalidArgument},
      {3, "Ph\xC3\n", StatusCode::kInvalidArgument},  // broken UTF-8
      {4, std::string(kMaxUnitCsvBytes + 1, 'x'), StatusCode::kTooLarge},
  };
  for (const Case& c : cases) {
    auto plan = w.service->PreviewUnitsCsv(w.admin, c.csv);
    EXPECT_EQ(plan.status().code(), c.code) << "case " << c.n;
  }
  // An unclosed quote and too many columns are row errors.
  auto plan = w.service->PreviewUnitsCsv(w.admin, "A,b,c,d,e\n\"B,,,\n");
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->rows.size(), 2u);
  EXPECT_NE(plan->rows[0].error.find("Có 5 cột"), std::string::npos);
  EXPECT_NE(plan->rows[1].error.find("ngoặc kép"), std::string::npos);
}

TEST(AdminTest, ResetPasswordAndDisableEndTheUsersSessions) {
  World w;
  auto login = w.service->Login("unit_a", "password123", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(w.service->AuthenticateSession(login->token).ok());
  auto admin_login = w.service->Login("admin", "password123", "10.0.0.2");
  ASSERT_TRUE(admin_login.ok());

  EXPECT_EQ(w.service->ResetPassword(&w.admin, "unit_a", "short").code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(w.service->AuthenticateSession(login->token).ok());
  ASSERT_TRUE(w.service->ResetPassword(&w.admin, "unit_a", "new-password-1").ok());
  EXPECT_EQ(w.service->AuthenticateSession(login->token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_TRUE(w.service->AuthenticateSession(admin_login->token).ok());  // others stay
  EXPECT_FALSE(w.service->Login("unit_a", "password123", "10.0.0.1").ok());
  auto relogin = w.service->Login("unit_a", "new-password-1", "10.0.0.1");
  ASSERT_TRUE(relogin.ok());
  ASSERT_EQ(w.AuditOf("user_reset_password").size(), 1u);
  EXPECT_EQ(w.AuditOf("user_reset_password")[0].after_json, "{\"sessions_ended\":1}");
  EXPECT_EQ(w.AuditOf("user_reset_password")[0].user_id, w.admin.id());

  // Disabling signs the user out; enabling lets them sign in again.
  domain::User u = w.User(w.unit_a);
  u.disabled = true;
  ASSERT_TRUE(w.service->UpdateUser(&w.admin, u).ok());
  EXPECT_FALSE(w.service->AuthenticateSession(relogin->token).ok());
  EXPECT_FALSE(w.service->Login("unit_a", "new-password-1", "10.0.0.1").ok());
  u.disabled = false;
  ASSERT_TRUE(w.service->UpdateUser(&w.admin, u).ok());
  EXPECT_TRUE(w.service->Login("unit_a", "new-password-1", "10.0.0.1").ok());
  EXPECT_EQ(w.AuditOf("user_update").size(), 2u);
}

TEST(AdminTest, UserRoleUnitAndChairChangesAreChecked) {
  World w;
  struct Case {
    int n;
    Role role;
    std::optional<Id> unit;
    bool chair;
    std::string want_error;
  } cases[] = {
      {1, Role::kUnit, std::nullopt, false, "cần chọn một đơn vị"},
      {2, Role::kOffice, std::nullopt, true, "Chủ tịch"},
      {3, Role::kUnit, 999, false, "Không tìm thấy đơn vị"},
      {4, Role::kUnit, w.b, false, ""},
      {5, Role::kLeader, std::nullopt, true, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    domain::User u = w.User(w.unit_a);
    u.role = c.role;
    u.unit_id = c.unit;
    u.chair = c.chair;
    auto out = w.service->UpdateUser(&w.admin, u);
    if (c.want_error.empty()) {
      ASSERT_TRUE(out.ok()) << out.status().ToString();
      EXPECT_EQ(w.User(w.unit_a).role, c.role);
      EXPECT_EQ(w.User(w.unit_a).chair, c.chair);
    } else {
      ASSERT_EQ(out.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(out.status().message().find(c.want_error), std::string::npos)
          << out.status().message();
    }
  }
  // The Chair sees every field.
  EXPECT_FALSE(w.service->CallerFor(w.unit_a.id())->scope_units.has_value());
  // An admin cannot lock themselves out.
  domain::User me = w.User(w.admin);
  me.role = Role::kViewer;
  EXPECT_EQ(w.service->UpdateUser(&w.admin, me).status().code(), StatusCode::kInvalidArgument);
}

TEST(AdminTest, AssignFieldMovesItsUnitsAndLeader) {
  World w;
  domain::Field f{w.field, w.tenant, "Kinh tế - Hạ tầng", {w.b, w.a1, w.b}};
  auto out = w.service->AssignField(w.admin, f, w.other_leader.id());
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  auto stored = w.store->GetField(w.tenant, w.field).value();
  EXPECT_EQ(stored.name, "Kinh tế - Hạ tầng");
  std::vector<Id> want_units = {w.a1, w.b};
  std::sort(want_units.begin(), want_units.end());
  EXPECT_EQ(stored.unit_ids, want_units);
  EXPECT_TRUE(w.User(w.leader).field_ids.empty());
  EXPECT_EQ(w.User(w.other_leader).field_ids, std::vector<Id>{w.field});
  // The new leader now sees the field's units.
  auto scope = w.service->CallerFor(w.other_leader.id())->scope_units;
  ASSERT_TRUE(scope.has_value());
  EXPECT_NE(std::find(scope->begin(), scope->end(), w.b), scope->end());
  ASSERT_EQ(w.AuditOf("field_update").size(), 1u);
  EXPECT_NE(w.AuditOf("field_update")[0].before_json.find("\"leader_ids\":[" +
                                                          std::to_string(w.leader.id()) + "]"),
            std::string::npos);

  // Refused: a leader who is not a leader, an unknown unit, an unknown field.
  EXPECT_EQ(w.service->AssignField(w.admin, f, w.office.id()).status().code(),
            StatusCode::kInvalidArgument);
  domain::Field bad = f;
  bad.unit_ids = {999};
  EXPECT_EQ(w.service->AssignField(w.admin, bad, std::nullopt).status().code(),
            StatusCode::kInvalidArgument);
  bad = f;
  bad.id = 999;
  EXPECT_EQ(w.service->AssignField(w.admin, bad, std::nullopt).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(w.AuditOf("field_update").size(), 1u);
  // No leader: nobody follows the field.
  ASSERT_TRUE(w.service->AssignField(w.admin, f, std::nullopt).ok());
  EXPECT_TRUE(w.User(w.other_leader).field_ids.empty());
}

}  // namespace
}  // namespace dondoc::app
