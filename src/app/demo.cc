#include "app/demo.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/service.h"
#include "notice/extract.h"
#include "notice/read.h"
#include "notice/unit_directory.h"

namespace dondoc::app {

namespace {

// Used when no unit directory file is given: the town's offices and the agencies its notices
// address. name,aliases,kind,parent.
constexpr const char* kBuiltInUnits =
    "name,aliases,kind,parent\n"
    "UBND thị xã Đức Phổ,UBND thị xã,ubnd,\n"
    "Văn phòng HĐND và UBND thị xã,Văn phòng HĐND và UBND,van_phong,UBND thị xã Đức Phổ\n"
    "Phòng Tài chính - Kế hoạch,Phòng TC-KH;Phòng Tài chính Kế hoạch,phong,UBND thị xã Đức Phổ\n"
    "Phòng Kinh tế,,phong,UBND thị xã Đức Phổ\n"
    "Phòng Quản lý đô thị,Phòng QLĐT,phong,UBND thị xã Đức Phổ\n"
    "Phòng Tài nguyên và Môi trường,Phòng TN-MT;Phòng TNMT,phong,UBND thị xã Đức Phổ\n"
    "Phòng Lao động - Thương binh và Xã hội,Phòng LĐ-TB&XH,phong,UBND thị xã Đức Phổ\n"
    "Phòng Giáo dục và Đào tạo,Phòng GD-ĐT,phong,UBND thị xã Đức Phổ\n"
    "Phòng Văn hóa và Thông tin,Phòng VH-TT,phong,UBND thị xã Đức Phổ\n"
    "Phòng Tư pháp,,phong,UBND thị xã Đức Phổ\n"
    "Phòng Y tế,,phong,UBND thị xã Đức Phổ\n"
    "Phòng Nội vụ,,phong,UBND thị xã Đức Phổ\n"
    "Thanh tra thị xã,,thanh_tra,UBND thị xã Đức Phổ\n"
    "Công an thị xã,Công an thị xã Đức Phổ,cong_an,\n"
    "Ban Chỉ huy Quân sự thị xã,,quan_su,\n"
    "Chi cục Thuế khu vực Đức Phổ - Ba Tơ,,thue,\n";

struct FieldSpec {
  const char* name;
  std::vector<const char*> units;
};

const FieldSpec kFields[] = {
    {"Kinh tế",
     {"Phòng Tài chính - Kế hoạch", "Phòng Kinh tế", "Phòng Quản lý đô thị",
      "Phòng Tài nguyên và Môi trường", "Chi cục Thuế khu vực Đức Phổ - Ba Tơ"}},
    {"Văn hóa - Xã hội",
     {"Phòng Lao động - Thương binh và Xã hội", "Phòng Giáo dục và Đào tạo",
      "Phòng Văn hóa và Thông tin", "Phòng Y tế"}},
    {"Nội chính",
     {"Phòng Tư pháp", "Phòng Nội vụ", "Thanh tra thị xã", "Công an thị xã",
      "Ban Chỉ huy Quân sự thị xã"}},
};

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<DemoResult> SeedDemo(store::Store& store, const Clock& clock, PasswordHasher& hasher,
                            const DemoOptions& options) {
  DemoResult out;
  domain::Tenant tenant;
  tenant.slug = kDemoTenantSlug;
  tenant.name = kDemoTenantName;
  tenant.created_at = clock.Now();
  DONDOC_RETURN_IF_ERROR(store.InTransaction([&](store::StoreTx& tx) {
    DONDOC_ASSIGN_OR_RETURN(out.tenant_id, tx.CreateTenant(tenant));
    return AppendAudit(tx, out.tenant_id, nullptr, tenant.created_at, "tenant_create", "tenant",
                       out.tenant_id, "", "");
  }));
  Service service(store, clock, hasher, out.tenant_id);

  std::string csv = kBuiltInUnits;
  if (!options.units_csv.empty()) {
    Result<std::string> file = ReadFile(options.units_csv);
    if (file.ok()) csv = *file;
  }
  DONDOC_RETURN_IF_ERROR(service.ImportUnitsCsv(nullptr, csv).status());

  // Units the notice names that the directory lacks become units too, so that every task of
  // the demo has its lead unit.
  DONDOC_ASSIGN_OR_RETURN(std::string notice_bytes, ReadFile(options.notice_path));
  DONDOC_ASSIGN_OR_RETURN(notice::RawDocument raw,
                          notice::ReadDocument(notice_bytes, options.notice_path));
  DONDOC_ASSIGN_OR_RETURN(notice::UnitDirectory dir, notice::UnitDirectory::FromCsv(csv));
  notice::ExtractOptions eo;
  eo.units = &dir;
  notice::Notice extracted = notice::Extract(raw, eo);
  std::set<std::string> known;
  for (const auto& e : dir.entries()) known.insert(e.name);
  for (const notice::Task& t : extracted.tasks) {
    for (const auto* refs : {&t.lead, &t.support}) {
      for (const notice::UnitRef& ref : *refs) {
        if (ref.name.empty() || known.count(ref.name) || dir.Canonical(ref.name)) continue;
        known.insert(ref.name);
        domain::Unit u;
        u.name = ref.name;
        u.kind = "khac";
        DONDOC_RETURN_IF_ERROR(service.CreateUnit(nullptr, u).status());
      }
    }
  }

  DONDOC_ASSIGN_OR_RETURN(std::vector<domain::Unit> units, store.ListUnits(out.tenant_id));
  out.units = static_cast<int>(units.size());
  std::map<std::string, domain::Id> by_name;
  for (const domain::Unit& u : units) by_name[u.name] = u.id;
  auto ensure_unit = [&](const std::string& name) -> Result<domain::Id> {
    auto it = by_name.find(name);
    if (it != by_name.end()) return it->second;
    domain::Unit u;
    u.name = name;
    DONDOC_ASSIGN_OR_RETURN(domain::Unit created, service.CreateUnit(nullptr, u));
    by_name[name] = created.id;
    return created.id;
  };

  std::map<std::string, domain::Id> field_ids;
  for (const FieldSpec& spec : kFields) {
    domain::Field f;
    f.name = spec.name;
    for (const char* unit : spec.units) {
      DONDOC_ASSIGN_OR_RETURN(domain::Id id, ensure_unit(unit));
      f.unit_ids.push_back(id);
    }
    DONDOC_ASSIGN_OR_RETURN(domain::Field created, service.CreateField(nullptr, f));
    field_ids[spec.name] = created.id;
  }

  struct UserSpec {
    const char* username;
    const char* display_name;
    domain::Role role;
    const char* unit;
    std::vector<const char*> fields;
    bool chair = false;
  };
  const UserSpec users[] = {
      {"admin", "Quản trị hệ thống", domain::Role::kAdmin, nullptr, {}},
      {"vanphong", "Văn phòng HĐND và UBND thị xã", domain::Role::kOffice, nullptr, {}},
      {"chutich", "Chủ tịch UBND thị xã", domain::Role::kLeader, nullptr, {}, true},
      {"phochutich",
       "Phó Chủ tịch UBND thị xã (Kinh tế)",
       domain::Role::kLeader,
       nullptr,
       {"Kinh tế"}},
      {"tckh", "Phòng Tài chính - Kế hoạch", domain::Role::kUnit, "Phòng Tài chính - Kế hoạch", {}},
      {"congan", "Công an thị xã", domain::Role::kUnit, "Công an thị xã", {}},
      {"xem", "Người xem", domain::Role::kViewer, nullptr, {}},
  };
  for (const UserSpec& spec : users) {
    domain::User u;
    u.username = spec.username;
    u.display_name = spec.display_name;
    u.role = spec.role;
    if (spec.unit != nullptr) {
      DONDOC_ASSIGN_OR_RETURN(domain::Id id, ensure_unit(spec.unit));
      u.unit_id = id;
    }
    for (const char* f : spec.fields) u.field_ids.push_back(field_ids[f]);
    u.chair = spec.chair;
    DONDOC_RETURN_IF_ERROR(service.CreateUser(nullptr, u, options.password).status());
  }

  std::string filename = options.notice_path;
  size_t slash = filename.find_last_of('/');
  if (slash != std::string::npos) filename = filename.substr(slash + 1);
  DONDOC_ASSIGN_OR_RETURN(ImportResult imported,
                          service.ImportNotice(nullptr, notice_bytes, filename));
  if (imported.duplicate_of) return Status::Internal("the demo notice exists already");
  out.notice_id = imported.notice.id;
  DONDOC_ASSIGN_OR_RETURN(NoticeView confirmed, service.ConfirmNotice(nullptr, out.notice_id));
  out.tasks = static_cast<int>(confirmed.tasks.size());
  return out;
}

}  // namespace dondoc::app
