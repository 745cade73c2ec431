// Helpers of the store tests: a small seeded database (two tenants, a unit tree, fields, users,
// notices and tasks whose statuses cover every case as of 2023-07-01) and fresh file paths.
#ifndef DONDOC_STORE_TEST_SEED_H_
#define DONDOC_STORE_TEST_SEED_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "store/sqlite_store.h"

namespace dondoc::store::testing {

inline constexpr domain::Timestamp kT0 = 1688169600;  // 2023-07-01T00:00:00Z

inline text::Date D(const char* iso) { return *text::Date::FromIso(iso); }

// A database path in the test's temporary directory, unique to this process, with no file,
// WAL or shared-memory file left there from an earlier run.
inline std::string TempDbPath(const std::string& name) {
  std::string p = ::testing::TempDir() + "/dondoc_store_" + std::to_string(::getpid()) + "_" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((p + suffix).c_str());
  return p;
}

struct Seed {
  Id a = 0;                         // tenant "ducpho"
  Id b = 0;                         // tenant "other"
  std::map<std::string, Id> unit;   // "ubnd", "tckh", "congan", "phoan", "toa", "b_unit"
  std::map<std::string, Id> field;  // "kinhte", "noichinh"
  std::map<std::string, Id> user;   // "vanphong", "tckh", "b_user"
  Id notice1 = 0;                   // active
  Id notice2 = 0;                   // draft
  Id notice_b = 0;
  std::map<std::string, Id> task;  // "T1".."T7", "B1"
};

inline domain::Task MakeTask(Id tenant, Id notice, const std::string& ref, const std::string& text,
                             std::vector<Id> lead, std::vector<Id> support, const char* due,
                             domain::StoredStatus status, const char* done) {
  domain::Task t;
  t.tenant_id = tenant;
  t.notice_id = notice;
  t.ref = ref;
  t.section = "II.1";
  t.text = text;
  t.lead_unit_ids = std::move(lead);
  t.support_unit_ids = std::move(support);
  if (due) {
    t.deadline.kind = domain::DeadlineKind::kDate;
    t.deadline.date = D(due);
    t.due = D(due);
    t.original_due = D(due);
  }
  t.status = status;
  if (done) t.done_date = D(done);
  t.created_at = kT0;
  t.updated_at = kT0;
  return t;
}

// Fills `store` and returns the ids. Fails the calling test on any error.
inline Seed SeedStore(Store& store) {
  Seed s;
  using domain::StoredStatus;
  Status st = store.InTransaction([&](StoreTx& tx) -> Status {
    DONDOC_ASSIGN_OR_RETURN(s.a, tx.CreateTenant({0, "ducpho", "UBND thị xã Đức Phổ", kT0}));
    DONDOC_ASSIGN_OR_RETURN(s.b, tx.CreateTenant({0, "other", "UBND huyện Khác", kT0}));
    auto unit = [&](Id tenant, const char* key, const char* name, std::optional<Id> parent,
                    std::vector<std::string> aliases) -> Status {
      domain::Unit u{0, tenant, name, std::move(aliases), "phong", parent};
      DONDOC_ASSIGN_OR_RETURN(s.unit[key], tx.CreateUnit(u));
      return Status::Ok();
    };
    DONDOC_RETURN_IF_ERROR(unit(s.a, "ubnd", "UBND thị xã", std::nullopt, {}));
    DONDOC_RETURN_IF_ERROR(
        unit(s.a, "tckh", "Phòng Tài chính - Kế hoạch", s.unit["ubnd"], {"Phòng TC-KH"}));
    DONDOC_RETURN_IF_ERROR(unit(s.a, "congan", "Công an thị xã", s.unit["ubnd"], {}));
    DONDOC_RETURN_IF_ERROR(unit(s.a, "phoan", "UBND xã Phổ An", s.unit["ubnd"], {}));
    DONDOC_RETURN_IF_ERROR(unit(s.a, "toa", "Tổ công tác xã Phổ An", s.unit["phoan"], {}));
    DONDOC_RETURN_IF_ERROR(unit(s.b, "b_unit", "Phòng Tài chính huyện", std::nullopt, {}));
    DONDOC_ASSIGN_OR_RETURN(s.field["kinhte"],
                            tx.CreateField({0, s.a, "Kinh tế", {s.unit["tckh"], s.unit["phoan"]}}));
    DONDOC_ASSIGN_OR_RETURN(s.field["noichinh"],
                            tx.CreateField({0, s.a, "Nội chính", {s.unit["congan"]}}));
    domain::User office{0,  s.a,     "vanphong", "Văn phòng", std::nullopt, domain::Role::kOffice,
                        {}, "hash1", false,      kT0};
    DONDOC_ASSIGN_OR_RETURN(s.user["vanphong"], tx.CreateUser(office));
    domain::User unit_user{
        0,       s.a,   "tckh", "Phòng TC-KH", s.unit["tckh"], domain::Role::kUnit, {},
        "hash2", false, kT0};
    DONDOC_ASSIGN_OR_RETURN(s.user["tckh"], tx.CreateUser(unit_user));
    domain::User b_user{
        0,       s.b,   "vanphong", "Văn phòng B", std::nullopt, domain::Role::kOffice, {},
        "hash3", false, kT0};
    DONDOC_ASSIGN_OR_RETURN(s.user["b_user"], tx.CreateUser(b_user));

    domain::Notice n1;
    n1.tenant_id = s.a;
    n1.number = "406/TB-UBND";
    n1.text = "Thông báo kết luận về giải ngân vốn đầu tư công";
    n1.sha256 = "aaaa";
    n1.created_at = kT0;
    DONDOC_ASSIGN_OR_RETURN(s.notice1, tx.CreateNotice(n1));
    domain::Notice n2 = n1;
    n2.sha256 = "bbbb";
    n2.text = "Thông báo nháp";
    DONDOC_ASSIGN_OR_RETURN(s.notice2, tx.CreateNotice(n2));
    domain::Notice nb = n1;
    nb.tenant_id = s.b;
    nb.sha256 = "aaaa";  // same file in another tenant is allowed
    DONDOC_ASSIGN_OR_RETURN(s.notice_b, tx.CreateNotice(nb));

    Id n = s.notice1;
    auto& u = s.unit;
    std::vector<domain::Task> tasks = {
        MakeTask(s.a, n, "T1", "Đẩy nhanh tiến độ giải ngân vốn đầu tư công", {u["tckh"]},
                 {u["congan"]}, "2023-06-30", StoredStatus::kOpen, nullptr),
        MakeTask(s.a, n, "T2", "Công an thị xã đảm bảo an ninh trật tự", {u["congan"]}, {},
                 "2023-07-15", StoredStatus::kDone, "2023-07-10"),
        MakeTask(s.a, n, "T3", "Xã Phổ An hoàn thành thu ngân sách", {u["phoan"]}, {u["tckh"]},
                 "2023-06-20", StoredStatus::kDone, "2023-06-25"),
        MakeTask(s.a, n, "T4", "Tổ công tác báo cáo hàng tháng", {u["toa"]}, {}, nullptr,
                 StoredStatus::kOpen, nullptr),
        MakeTask(s.a, n, "T5", "Rà soát hồ sơ đất đai", {u["tckh"]}, {}, "2023-06-01",
                 StoredStatus::kPaused, nullptr),
        MakeTask(s.a, n, "T6", "Xã Phổ An báo cáo kết quả", {u["phoan"]}, {}, "2023-06-25",
                 StoredStatus::kPendingConfirmation, nullptr),
        MakeTask(s.a, s.notice2, "T7", "Nhiệm vụ nháp về giải ngân", {u["tckh"]}, {}, "2023-08-01",
                 StoredStatus::kOpen, nullptr),
        MakeTask(s.b, s.notice_b, "B1", "Giải ngân vốn của huyện khác", {u["b_unit"]}, {},
                 "2023-06-01", StoredStatus::kOpen, nullptr),
    };
    tasks[3].deadline.kind = domain::DeadlineKind::kRecurring;
    for (const auto& t : tasks) {
      DONDOC_ASSIGN_OR_RETURN(s.task[t.ref], tx.CreateTask(t));
    }
    DONDOC_RETURN_IF_ERROR(tx.ActivateNotice(s.a, s.notice1, kT0));
    DONDOC_RETURN_IF_ERROR(tx.ActivateNotice(s.b, s.notice_b, kT0));
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return s;
}

// A store on `path` (a file, or ":memory:"); fails the calling test when it cannot be opened.
inline std::unique_ptr<Store> OpenAt(const std::string& path) {
  auto r = OpenSqliteStore({path});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return std::move(r).value();
}

inline std::unique_ptr<Store> OpenMemory() { return OpenAt(":memory:"); }

}  // namespace dondoc::store::testing

#endif  // DONDOC_STORE_TEST_SEED_H_
