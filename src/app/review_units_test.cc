// Units a notice names that the directory lacks: found on import (tone-placement insensitive,
// aliases count), their kind guessed, added from the review (a new unit or an alias) with the
// draft tasks resolved, authorisation and the audit row.
#include "app/review_units.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "app/service.h"
#include "store/sqlite_store.h"

namespace dondoc::app {
namespace {

using domain::Role;

// "Phòng Văn hóa" is written with the old tone placement ("hoá") and "Phòng TC-KH" is an alias:
// neither is unknown; "Ban Quản lý dự án ABC" is.
constexpr const char* kNotice =
    "UỶ BAN NHÂN DÂN\n"
    "THỊ XÃ ĐỨC PHỔ\n"
    "\n"
    "Số: 12/TB-UBND\n"
    "\n"
    "THÔNG BÁO\n"
    "Kết luận của Chủ tịch UBND thị xã tại cuộc họp về tiến độ các dự án\n"
    "\n"
    "1. Giao Ban Quản lý dự án ABC chủ trì, phối hợp với Phòng TC-KH hoàn thành hồ sơ thiết "
    "kế dự án trước ngày 30/7/2023.\n"
    "\n"
    "2. Giao Phòng Văn hoá chủ trì, phối hợp với Ban Quản lý dự án ABC tổ chức lễ khởi công "
    "trước ngày 15/8/2023.\n";

class ReviewUnitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::SqliteOptions o;
    o.path = ":memory:";
    store_ = std::move(store::OpenSqliteStore(o)).value();
    Status st = store_->InTransaction([&](store::StoreTx& tx) -> Status {
      DONDOC_ASSIGN_OR_RETURN(tenant_, tx.CreateTenant({0, "t", "T", 0}));
      domain::Unit root{0, tenant_, "UBND thị xã Đức Phổ", {}, "ubnd", std::nullopt};
      DONDOC_ASSIGN_OR_RETURN(unit_["root"], tx.CreateUnit(root));
      domain::Unit tckh{0, tenant_, "Phòng Tài chính - Kế hoạch", {"Phòng TC-KH"}, "phong",
                        unit_["root"]};
      DONDOC_ASSIGN_OR_RETURN(unit_["tckh"], tx.CreateUnit(tckh));
      domain::Unit vh{0, tenant_, "Phòng Văn hóa", {}, "phong", unit_["root"]};
      DONDOC_ASSIGN_OR_RETURN(unit_["vh"], tx.CreateUnit(vh));
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
    service_ = std::make_unique<Service>(*store_, clock_, hasher_, tenant_);
    for (auto [name, role] : {std::pair{"admin", Role::kAdmin}, std::pair{"office", Role::kOffice},
                              std::pair{"leader", Role::kLeader},
                              std::pair{"viewer", Role::kViewer}}) {
      domain::User u;
      u.username = name;
      u.role = role;
      auto created = service_->CreateUser(nullptr, u, "password123");
      ASSERT_TRUE(created.ok()) << created.status().ToString();
      callers_[name] = std::move(service_->CallerFor(created->id)).value();
    }
    auto imported = service_->ImportNotice(&callers_["office"], kNotice, "hop-du-an.txt");
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    notice_ = imported->notice.id;
  }

  std::vector<domain::Task> Tasks() {
    return std::move(store_->ListNoticeTasks(tenant_, notice_)).value();
  }

  long AuditCount(const std::string& action) {
    store::AuditFilter f;
    f.limit = 500;
    auto page = store_->ListAudit(tenant_, f);
    EXPECT_TRUE(page.ok());
    long n = 0;
    for (const auto& e : page->items) n += e.action == action;
    return n;
  }

  std::unique_ptr<store::Store> store_;
  FixedClock clock_{FixedClock::NoonOf(*text::Date::FromIso("2023-07-10"))};
  PasswordHasher hasher_{HasherOptions::ForTests()};
  std::unique_ptr<Service> service_;
  Id tenant_ = 0, notice_ = 0;
  std::map<std::string, Id> unit_;
  std::map<std::string, Caller> callers_;
};

TEST(GuessUnitKindTest, FromTheHeadWord) {
  const std::pair<const char*, const char*> cases[] = {
      {"Phòng Văn hoá - Thông tin", "phong"},
      {"Sở Y tế", "so"},
      {"UBND xã Phổ An", "ubnd_xa"},
      {"Uỷ ban nhân dân phường Phổ Ninh", "ubnd_xa"},
      {"Ủy ban nhân dân tỉnh Quảng Ngãi", "ubnd_tinh"},
      {"UBND thị xã", "ubnd"},
      {"Ban Quản lý dự án ABC", "ban"},
      {"Ban Chỉ huy Quân sự thị xã", "quan_su"},
      {"Trung tâm Y tế", "trung_tam"},
      {"Công an thị xã", "cong_an"},
      {"Sơn Tịnh", ""},  // "son", not "so"
      {"Công trình ABC", ""},
      {"", ""},
  };
  for (auto [name, kind] : cases) EXPECT_EQ(GuessUnitKind(name), kind) << name;
}

TEST_F(ReviewUnitsTest, ListsOnlyWhatNoNameOrAliasMatches) {
  auto unknown = service_->ListUnknownUnits(callers_["office"], notice_);
  ASSERT_TRUE(unknown.ok()) << unknown.status().ToString();
  ASSERT_EQ(unknown->size(), 1u);
  const UnknownUnit& u = (*unknown)[0];
  EXPECT_EQ(u.name, "Ban Quản lý dự án ABC");
  EXPECT_EQ(u.kind, "ban");
  std::vector<domain::Task> tasks = Tasks();
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(u.lead_task_ids, std::vector<Id>{tasks[0].id});
  EXPECT_EQ(u.support_task_ids, std::vector<Id>{tasks[1].id});
  EXPECT_TRUE(tasks[0].lead_unit_ids.empty());
  EXPECT_EQ(tasks[1].lead_unit_ids, std::vector<Id>{unit_["vh"]});
}

TEST_F(ReviewUnitsTest, AddingANewUnitResolvesTheTasksThatNamedIt) {
  ReviewUnitAdd add;
  add.mention = "ban quản lý  dự án abc";  // folded like the directory
  add.name = "Ban Quản lý dự án ABC";
  add.kind = "ban";
  add.parent_id = unit_["root"];
  auto res = service_->AddReviewUnit(callers_["office"], notice_, add);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_TRUE(res->created);
  EXPECT_EQ(res->unit.kind, "ban");
  EXPECT_EQ(res->unit.parent_id, unit_["root"]);
  auto stored = store_->GetUnit(tenant_, res->unit.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->name, "Ban Quản lý dự án ABC");
  std::vector<domain::Task> tasks = Tasks();
  EXPECT_EQ(tasks[0].lead_unit_ids, std::vector<Id>{res->unit.id});
  EXPECT_EQ(tasks[1].lead_unit_ids, std::vector<Id>{unit_["vh"]});
  EXPECT_EQ(tasks[1].support_unit_ids.back(), res->unit.id);
  EXPECT_EQ(res->resolved_task_ids.size(), 2u);
  EXPECT_EQ(AuditCount("review_unit_add"), 1);
  EXPECT_TRUE(service_->ListUnknownUnits(callers_["office"], notice_)->empty());
  // Once in the directory it cannot be added again.
  auto again = service_->AddReviewUnit(callers_["office"], notice_, add);
  EXPECT_EQ(again.status().code(), StatusCode::kNotFound);
}

TEST_F(ReviewUnitsTest, ARenamedUnitKeepsTheMentionAsAnAlias) {
  ReviewUnitAdd add;
  add.mention = "Ban Quản lý dự án ABC";
  add.name = "Ban Quản lý các dự án đầu tư xây dựng ABC";
  auto res = service_->AddReviewUnit(callers_["admin"], notice_, add);  // the admin may, too
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->unit.aliases, std::vector<std::string>{"Ban Quản lý dự án ABC"});
  EXPECT_FALSE(res->unit.parent_id.has_value());
  EXPECT_EQ(Tasks()[0].lead_unit_ids, std::vector<Id>{res->unit.id});
}

TEST_F(ReviewUnitsTest, MappingAsAnAliasOfAnExistingUnit) {
  ReviewUnitAdd add;
  add.mention = "Ban Quản lý dự án ABC";
  add.alias_of = unit_["tckh"];
  auto res = service_->AddReviewUnit(callers_["office"], notice_, add);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_FALSE(res->created);
  auto stored = store_->GetUnit(tenant_, unit_["tckh"]);
  std::vector<std::string> aliases = stored->aliases;
  std::sort(aliases.begin(), aliases.end());
  EXPECT_EQ(aliases, (std::vector<std::string>{"Ban Quản lý dự án ABC", "Phòng TC-KH"}));
  // Task 1 had TC-KH as support: named as lead now, it moves from support to lead.
  std::vector<domain::Task> tasks = Tasks();
  EXPECT_EQ(tasks[0].lead_unit_ids, std::vector<Id>{unit_["tckh"]});
  EXPECT_TRUE(tasks[0].support_unit_ids.empty());
  EXPECT_EQ(tasks[1].support_unit_ids, std::vector<Id>{unit_["tckh"]});
  EXPECT_EQ(AuditCount("review_unit_add"), 1);
  EXPECT_EQ(store_->ListUnits(tenant_)->size(), 3u);
}

TEST_F(ReviewUnitsTest, RefusalsWriteNothing) {
  ReviewUnitAdd add;
  add.mention = "Ban Quản lý dự án ABC";
  for (const char* who : {"leader", "viewer"}) {
    EXPECT_EQ(service_->AddReviewUnit(callers_[who], notice_, add).status().code(),
              StatusCode::kPermissionDenied)
        << who;
    EXPECT_EQ(service_->ListUnknownUnits(callers_[who], notice_).status().code(),
              StatusCode::kPermissionDenied)
        << who;
  }
  ReviewUnitAdd other = add;
  other.mention = "Sở Ngoại vụ";  // not named by this notice
  EXPECT_EQ(service_->AddReviewUnit(callers_["office"], notice_, other).status().code(),
            StatusCode::kNotFound);
  ReviewUnitAdd taken = add;
  taken.name = "phòng văn hoá";  // an existing unit, other tone placement
  EXPECT_EQ(service_->AddReviewUnit(callers_["office"], notice_, taken).status().code(),
            StatusCode::kConflict);
  ReviewUnitAdd bad_parent = add;
  bad_parent.parent_id = 999999;
  EXPECT_EQ(service_->AddReviewUnit(callers_["office"], notice_, bad_parent).status().code(),
            StatusCode::kNotFound);
  ReviewUnitAdd bad_alias = add;
  bad_alias.alias_of = 999999;
  EXPECT_EQ(service_->AddReviewUnit(callers_["office"], notice_, bad_alias).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(service_->AddReviewUnit(callers_["office"], 999999, add).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(AuditCount("review_unit_add"), 0);
  EXPECT_EQ(store_->ListUnits(tenant_)->size(), 3u);
  EXPECT_TRUE(Tasks()[0].lead_unit_ids.empty());

  // A confirmed notice's review adds no unit.
  ASSERT_TRUE(service_->ConfirmNotice(&callers_["office"], notice_).ok());
  EXPECT_EQ(service_->AddReviewUnit(callers_["office"], notice_, add).status().code(),
            StatusCode::kConflict);
}

}  // namespace
}  // namespace dondoc::app
