// gen_province: writes a province-sized tenant into a dondoc database through the Store
// interface, for the server benchmark (bench/run_server.sh).
//
//   gen_province --db PATH [--tasks 200000] [--reports-per-task 3] [--seed 1] [--today DATE]
//
// The tenant "province": 1,000 units in a tree (UBND tỉnh → 40 sở with 4 phòng each, 13 huyện
// with their phòng and xã), 6 fields, 2,000 users (admin, 5 office, 7 leaders, 7 viewers, the
// rest unit users, about 2 per unit), notices of 40 tasks, `--tasks` tasks (lead unit, 0-3
// support units, deadlines spread over two years around `--today`, some recurring, some without
// a deadline; past-due ones mostly done on time or late, some paused, returned or pending),
// `--reports-per-task` progress reports per task on average, each with its audit row.
// Every user gets the Bearer token "bench-USERNAME" (stored hashed, as the app stores tokens).
// Users cannot sign in with a password (their hash is a placeholder).
//
// Besides the database, writes PATH.lua: a Lua table `bench` with the ids the wrk scripts need
// (bench/wrk/*.lua).
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "store/sqlite_store.h"

namespace dondoc::bench {
namespace {

using domain::Id;

struct Args {
  std::string db;
  long tasks = 200000;
  int reports_per_task = 3;
  unsigned seed = 1;
  text::Date today;
};

std::string HashToken(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

domain::Timestamp Noon(text::Date d) { return d.DaysSinceEpoch() * 86400 + 5 * 3600; }

const char* const kVerbs[] = {"Đẩy nhanh tiến độ", "Tổ chức thực hiện", "Rà soát, tổng hợp",
                              "Chủ động tham mưu", "Khẩn trương hoàn thành", "Kiểm tra, đôn đốc",
                              "Xây dựng kế hoạch", "Báo cáo kết quả"};
const char* const kObjects[] = {
    "giải ngân vốn đầu tư công năm 2026",  "thu ngân sách nhà nước trên địa bàn",
    "giải phóng mặt bằng các dự án trọng điểm", "chuyển đổi số trong cơ quan hành chính",
    "cải cách thủ tục hành chính",          "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "xây dựng nông thôn mới nâng cao",      "quản lý đất đai, tài nguyên và khoáng sản",
    "đảm bảo an ninh trật tự, an toàn giao thông", "hỗ trợ doanh nghiệp, thu hút đầu tư",
    "chăm lo Tết cho gia đình chính sách",  "sắp xếp đơn vị hành chính cấp xã"};
const char* const kTails[] = {"", ", báo cáo UBND tỉnh trước ngày 25 hằng tháng",
                              ", đảm bảo đúng quy định", ", tham mưu UBND tỉnh chỉ đạo",
                              "; kịp thời đề xuất tháo gỡ khó khăn, vướng mắc"};

template <typename T, size_t N>
const T& Pick(std::mt19937_64& rng, const T (&a)[N]) {
  return a[rng() % N];
}

int Run(const Args& a) {
  std::remove(a.db.c_str());
  std::remove((a.db + "-wal").c_str());
  std::remove((a.db + "-shm").c_str());
  store::SqliteOptions o;
  o.path = a.db;
  auto opened = store::OpenSqliteStore(o);
  if (!opened.ok()) {
    std::cerr << "gen_province: " << opened.status().ToString() << "\n";
    return 1;
  }
  store::Store& st = **opened;
  std::mt19937_64 rng(a.seed);
  auto uniform = [&](long lo, long hi) {  // [lo, hi]
    return lo + static_cast<long>(rng() % static_cast<unsigned long>(hi - lo + 1));
  };
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  const domain::Timestamp t0 = Noon(a.today.AddDays(-760));
  auto started = std::chrono::steady_clock::now();
  auto check = [](const Status& s, const char* what) {
    if (!s.ok()) {
      std::cerr << "gen_province: " << what << ": " << s.ToString() << "\n";
      std::exit(1);
    }
  };

  // Directory: tenant, units, fields, users, tokens.
  Id tenant = 0;
  std::vector<Id> units;       // every unit; units[0] is the root
  std::vector<Id> districts;   // huyện (with sub-units)
  std::vector<std::string> unit_users;
  std::vector<Id> unit_user_ids;  // parallel to unit_users
  std::vector<Id> fields;
  std::vector<std::vector<size_t>> users_of_unit;  // unit index → indexes into unit_users
  std::vector<std::pair<std::string, std::string>> staff;  // username, role
  check(st.InTransaction([&](store::StoreTx& tx) -> Status {
          DONDOC_ASSIGN_OR_RETURN(tenant,
                                  tx.CreateTenant({0, "province", "UBND tỉnh (benchmark)", t0}));
          auto unit = [&](const std::string& name, const char* kind,
                          std::optional<Id> parent) -> Result<Id> {
            domain::Unit u{0, tenant, name, {}, kind, parent};
            DONDOC_ASSIGN_OR_RETURN(Id id, tx.CreateUnit(u));
            units.push_back(id);
            return id;
          };
          DONDOC_ASSIGN_OR_RETURN(Id root, unit("UBND tỉnh", "ubnd", std::nullopt));
          for (int i = 1; i <= 40; ++i) {
            DONDOC_ASSIGN_OR_RETURN(Id so, unit("Sở số " + std::to_string(i), "so", root));
            for (int j = 1; j <= 4; ++j) {
              DONDOC_RETURN_IF_ERROR(unit("Phòng " + std::to_string(j) + " - Sở số " +
                                              std::to_string(i),
                                          "phong", so)
                                         .status());
            }
          }
          for (int i = 1; i <= 13; ++i) {
            DONDOC_ASSIGN_OR_RETURN(Id h, unit("UBND huyện số " + std::to_string(i), "huyen", root));
            districts.push_back(h);
          }
          // The rest under the districts: 12 phòng each, then xã until 1,000 units.
          for (int i = 0; units.size() < 1000; ++i) {
            size_t d = i % districts.size();
            int k = i / static_cast<int>(districts.size()) + 1;
            bool phong = k <= 12;
            std::string name = (phong ? "Phòng " : "UBND xã ") + std::to_string(k) + " huyện số " +
                               std::to_string(d + 1);
            DONDOC_RETURN_IF_ERROR(unit(name, phong ? "phong" : "xa", districts[d]).status());
          }
          for (int f = 0; f < 6; ++f) {
            domain::Field field{0, tenant, "Lĩnh vực " + std::to_string(f + 1), {}};
            for (size_t i = 1 + f; i < 41 * 5; i += 6) field.unit_ids.push_back(units[i]);
            DONDOC_ASSIGN_OR_RETURN(Id fid, tx.CreateField(field));
            fields.push_back(fid);
          }
          staff = {{"admin", "admin"}, {"vanphong", "office"}, {"chutich", "leader"}};
          for (int i = 2; i <= 5; ++i) staff.push_back({"vanphong" + std::to_string(i), "office"});
          for (int i = 1; i <= 6; ++i) staff.push_back({"pct" + std::to_string(i), "leader"});
          for (int i = 1; i <= 7; ++i) staff.push_back({"xem" + std::to_string(i), "viewer"});
          auto user = [&](const std::string& name, domain::Role role,
                          std::optional<Id> unit_id) -> Result<Id> {
            domain::User u{0,    tenant, name,  name, unit_id, role, {},
                           "!bench", false, t0};
            if (name.starts_with("pct")) u.field_ids = {fields[(name[3] - '1') % fields.size()]};
            DONDOC_ASSIGN_OR_RETURN(Id id, tx.CreateUser(u));
            domain::ApiToken tok{HashToken("bench-" + name), tenant, id, "bench", t0};
            DONDOC_RETURN_IF_ERROR(tx.CreateApiToken(tok));
            return id;
          };
          for (const auto& [name, role] : staff) {
            DONDOC_RETURN_IF_ERROR(user(name, *domain::RoleFromCode(role), std::nullopt).status());
          }
          users_of_unit.resize(units.size());
          for (size_t i = 0; staff.size() + unit_users.size() < 2000; ++i) {
            size_t ui = i % units.size();
            char name[16];
            std::snprintf(name, sizeof name, "u%04zu", unit_users.size() + 1);
            DONDOC_ASSIGN_OR_RETURN(Id uid, user(name, domain::Role::kUnit, units[ui]));
            users_of_unit[ui].push_back(unit_users.size());
            unit_users.push_back(name);
            unit_user_ids.push_back(uid);
          }
          return Status::Ok();
        }),
        "directory");

  // Notices, tasks, reports, audit rows, 50 notices (2,000 tasks) per transaction.
  const int kTasksPerNotice = 40;
  const int kNoticesPerTx = 50;
  long notices_total = (a.tasks + kTasksPerNotice - 1) / kTasksPerNotice;
  long tasks_done = 0, reports_done = 0;
  Id task_min = 0, task_max = 0;
  std::vector<std::pair<size_t, Id>> report_pairs;  // unit user index, open task it leads
  for (long n0 = 0; n0 < notices_total; n0 += kNoticesPerTx) {
    check(st.InTransaction([&](store::StoreTx& tx) -> Status {
            for (long n = n0; n < std::min(notices_total, n0 + kNoticesPerTx); ++n) {
              text::Date center = a.today.AddDays(uniform(-640, 90));
              text::Date issued = center.AddDays(-uniform(20, 90));
              domain::Notice notice;
              notice.tenant_id = tenant;
              notice.number = std::to_string(n + 1) + "/TB-UBND";
              notice.date = issued;
              notice.issuer = "UBND tỉnh";
              notice.type = "Thông báo";
              notice.subject = "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp số " +
                               std::to_string(n + 1);
              notice.signer = "Chủ tịch";
              notice.sha256 = HashToken("notice-" + std::to_string(n));
              notice.filename = "tb-" + std::to_string(n + 1) + ".txt";
              notice.format = "txt";
              notice.extraction_json = "{}";
              notice.created_at = Noon(issued);
              std::vector<domain::Task> tasks;
              for (int k = 0; k < kTasksPerNotice && tasks_done + static_cast<long>(tasks.size()) <
                                                         a.tasks;
                   ++k) {
                domain::Task t;
                t.tenant_id = tenant;
                t.ref = "II." + std::to_string(k + 1);
                t.section = "II." + std::to_string(k / 10 + 1);
                t.text = std::string(Pick(rng, kVerbs)) + " " + Pick(rng, kObjects) +
                         Pick(rng, kTails) + ".";
                size_t lead = 1 + rng() % (units.size() - 1);
                t.lead_unit_ids = {units[lead]};
                for (int s = static_cast<int>(rng() % 4); s > 0; --s) {
                  Id sup = units[1 + rng() % (units.size() - 1)];
                  if (sup != units[lead] && std::find(t.support_unit_ids.begin(),
                                                      t.support_unit_ids.end(),
                                                      sup) == t.support_unit_ids.end()) {
                    t.support_unit_ids.push_back(sup);
                  }
                }
                int kind = static_cast<int>(rng() % 100);
                text::Date due = center.AddDays(uniform(-30, 30));
                t.start_date = issued;
                t.created_at = Noon(issued);
                if (kind < 80) {
                  t.deadline.kind = domain::DeadlineKind::kDate;
                  t.deadline.date = due;
                  t.deadline.phrase = "chậm nhất ngày " + due.ToVietnamese();
                  t.due = due;
                  t.original_due = due;
                  if (due < a.today) {
                    int r = static_cast<int>(rng() % 100);
                    if (r < 55) {
                      t.status = domain::StoredStatus::kDone;
                      t.done_date = chance(70) ? due.AddDays(-uniform(0, 20))
                                               : std::min(a.today, due.AddDays(uniform(1, 60)));
                    } else if (r < 60) {
                      t.status = domain::StoredStatus::kPendingConfirmation;
                    } else if (r < 63) {
                      t.status = domain::StoredStatus::kPaused;
                    } else if (r < 65) {
                      t.status = domain::StoredStatus::kReturned;
                    }
                  } else if (chance(15)) {
                    t.status = domain::StoredStatus::kDone;
                    t.done_date = std::min(a.today, issued.AddDays(uniform(1, 30)));
                  }
                } else if (kind < 90) {
                  t.deadline.kind = domain::DeadlineKind::kRecurring;
                  t.deadline.every = chance(70) ? domain::Every::kMonth : domain::Every::kQuarter;
                  t.deadline.phrase = t.deadline.every == domain::Every::kMonth ? "hàng tháng"
                                                                                 : "hằng quý";
                } else {
                  t.deadline.kind =
                      chance(50) ? domain::DeadlineKind::kOngoing : domain::DeadlineKind::kNone;
                }
                if (t.done_date && *t.done_date < issued) t.done_date = issued;
                t.progress = t.status == domain::StoredStatus::kDone ? 100
                                                                     : static_cast<int>(rng() % 90);
                t.updated_at = t.created_at;
                tasks.push_back(std::move(t));
              }
              for (const auto& t : tasks) notice.text += t.ref + ". " + t.text + "\n";
              DONDOC_ASSIGN_OR_RETURN(notice.id, tx.CreateNotice(notice));
              for (auto& t : tasks) {
                t.notice_id = notice.id;
                DONDOC_ASSIGN_OR_RETURN(t.id, tx.CreateTask(t));
                if (task_min == 0) task_min = t.id;
                task_max = std::max(task_max, t.id);
              }
              DONDOC_RETURN_IF_ERROR(tx.ActivateNotice(tenant, notice.id, Noon(issued)));
              for (const auto& t : tasks) {
                size_t lead_index = 0;
                for (size_t i = 0; i < units.size(); ++i) {
                  if (units[i] == t.lead_unit_ids[0]) lead_index = i;
                }
                const std::vector<size_t>& writers = users_of_unit[lead_index];
                if (writers.empty()) continue;
                bool open = t.status == domain::StoredStatus::kOpen ||
                            t.status == domain::StoredStatus::kReturned;
                if (open && report_pairs.size() < 20000 && chance(20)) {
                  report_pairs.push_back({writers[0], t.id});
                }
                int count = static_cast<int>(rng() % (2 * a.reports_per_task + 1));
                text::Date last = t.done_date.value_or(std::min(a.today, t.due.value_or(a.today)));
                long span = std::max(1L, last.DaysSinceEpoch() - t.start_date->DaysSinceEpoch());
                for (int r = 0; r < count; ++r) {
                  domain::ProgressReport rep;
                  rep.tenant_id = tenant;
                  rep.task_id = t.id;
                  rep.unit_id = t.lead_unit_ids[0];
                  Id user_id = unit_user_ids[writers[r % writers.size()]];
                  rep.user_id = user_id;
                  rep.percent = t.progress * (r + 1) / count;
                  rep.done = t.status == domain::StoredStatus::kDone && r == count - 1;
                  rep.text = "Đã triển khai, đạt khoảng " + std::to_string(rep.percent) +
                             "% khối lượng công việc; đang tiếp tục thực hiện.";
                  rep.created_at = Noon(*t.start_date) + (span * 86400 * (r + 1)) / (count + 1);
                  DONDOC_ASSIGN_OR_RETURN(rep.id, tx.AddProgressReport(rep));
                  domain::AuditEntry e;
                  e.tenant_id = tenant;
                  e.user_id = user_id;
                  e.at = rep.created_at;
                  e.action = "task_report";
                  e.entity = "task";
                  e.entity_id = t.id;
                  e.before_json = "{}";
                  e.after_json = "{\"report_id\":" + std::to_string(rep.id) +
                                 ",\"progress\":" + std::to_string(rep.percent) + "}";
                  DONDOC_RETURN_IF_ERROR(tx.AppendAudit(e).status());
                  ++reports_done;
                }
              }
              tasks_done += static_cast<long>(tasks.size());
            }
            return Status::Ok();
          }),
          "tasks");
    if ((n0 / kNoticesPerTx) % 20 == 0) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "gen_province: " << tasks_done << " tasks, " << reports_done << " reports, "
                << s << " s\n";
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "gen_province: tenant " << tenant << ": " << units.size() << " units, "
            << staff.size() + unit_users.size() << " users, " << notices_total << " notices, "
            << tasks_done << " tasks (ids " << task_min << ".." << task_max << "), "
            << reports_done << " progress reports, in " << secs << " s\n";

  // The ids the wrk scripts use.
  std::ofstream lua(a.db + ".lua");
  lua << "-- written by gen_province for " << a.db << "\nbench = {\n  task_min = " << task_min
      << ", task_max = " << task_max << ",\n  units = {";
  for (size_t i = 0; i < units.size(); ++i) lua << (i ? "," : "") << units[i];
  lua << "},\n  unit_users = {";
  for (size_t i = 0; i < unit_users.size(); ++i) lua << (i ? "," : "") << '"' << unit_users[i] << '"';
  lua << "},\n  report_pairs = {";
  for (size_t i = 0; i < report_pairs.size(); ++i) {
    lua << (i ? "," : "") << "{\"" << unit_users[report_pairs[i].first] << "\","
        << report_pairs[i].second << "}";
  }
  lua << "},\n}\n";
  return lua ? 0 : 1;
}

}  // namespace
}  // namespace dondoc::bench

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  dondoc::bench::Args a;
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  a.today = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    if (v == nullptr) {
      std::cerr << "gen_province: " << k << " needs a value\n";
      return 2;
    }
    ++i;
    if (k == "--db") {
      a.db = v;
    } else if (k == "--tasks") {
      a.tasks = std::atol(v);
    } else if (k == "--reports-per-task") {
      a.reports_per_task = std::atoi(v);
    } else if (k == "--seed") {
      a.seed = static_cast<unsigned>(std::atol(v));
    } else if (k == "--today") {
      auto d = dondoc::text::Date::FromIso(v);
      if (!d) return 2;
      a.today = *d;
    } else {
      std::cerr << "usage: gen_province --db PATH [--tasks N] [--reports-per-task N] [--seed N] "
                   "[--today YYYY-MM-DD]\n";
      return 2;
    }
  }
  if (a.db.empty()) {
    std::cerr << "gen_province: --db PATH is required\n";
    return 2;
  }
  return dondoc::bench::Run(a);
}
