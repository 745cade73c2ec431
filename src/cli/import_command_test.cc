// `dondoc import` against a database file: drafts, confirmation, duplicates and errors.
#include "cli/import_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/open_store.h"

namespace dondoc::cli {
namespace {

namespace fs = std::filesystem;

const std::string kTxt = std::string(DONDOC_SOURCE_DIR) + "/tests/corpus/xa-tanlap-tb-giaoban.txt";
const std::string kDocx =
    std::string(DONDOC_SOURCE_DIR) + "/tests/corpus/kh-phuong-tanan-phan-cong.docx";

ImportArgs Args(std::string file, std::string tenant = "", std::string units = "",
                bool confirm = false) {
  ImportArgs a;
  a.file = std::move(file);
  a.tenant = std::move(tenant);
  a.units_csv = std::move(units);
  a.confirm = confirm;
  return a;
}

class ImportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("dondoc_import_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  struct Run {
    int code;
    std::string out;
    std::string err;
  };
  Run Import(ImportArgs a) {
    a.db = db_;
    std::ostringstream out, err;
    int code = RunImport(a, clock_, out, err);
    return {code, out.str(), err.str()};
  }

  fs::path dir_;
  std::string db_;
  app::FixedClock clock_{app::FixedClock::NoonOf(*text::Date::FromIso("2025-10-20"))};
};

TEST_F(ImportCommandTest, DraftThenDuplicateThenConfirm) {
  Run first = Import(Args(kTxt));
  ASSERT_EQ(first.code, kImportOk) << first.err;
  EXPECT_NE(first.out.find("notice 1: "), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("tasks (draft)"), std::string::npos) << first.out;

  Run again = Import(Args(kTxt, "", "", /*confirm=*/true));
  EXPECT_EQ(again.code, kImportDuplicate);
  EXPECT_NE(again.err.find("already imported as notice 1"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("draft"), std::string::npos) << again.err;

  Run docx = Import(Args(kDocx, "", "", /*confirm=*/true));
  ASSERT_EQ(docx.code, kImportOk) << docx.err;
  EXPECT_NE(docx.out.find("notice 2: "), std::string::npos) << docx.out;
  EXPECT_NE(docx.out.find("tasks confirmed"), std::string::npos) << docx.out;

  // What the store holds: the first a draft (the duplicate did not confirm it), the second active
  // with its tasks, and the audit rows of the system.
  auto store = OpenStore(db_);
  ASSERT_TRUE(store.ok());
  auto tenant = ChooseTenant(**store, "", false);
  ASSERT_TRUE(tenant.ok());
  auto n1 = (*store)->GetNotice(*tenant, 1);
  auto n2 = (*store)->GetNotice(*tenant, 2);
  ASSERT_TRUE(n1.ok() && n2.ok());
  EXPECT_EQ(n1->status, domain::NoticeStatus::kDraft);
  EXPECT_EQ(n2->status, domain::NoticeStatus::kActive);
  EXPECT_EQ(n1->filename, "xa-tanlap-tb-giaoban.txt");
  auto tasks = (*store)->ListNoticeTasks(*tenant, 2);
  ASSERT_TRUE(tasks.ok());
  EXPECT_FALSE(tasks->empty());
  for (const auto& t : *tasks) EXPECT_FALSE(t.draft);
  store::AuditFilter f;
  f.entity = "notice";
  auto audit = (*store)->ListAudit(*tenant, f);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->total, 3);  // two imports, one confirmation
}

TEST_F(ImportCommandTest, ErrorsChangeNothing) {
  const std::string empty = Write("empty.txt", "");
  const std::string not_notice = Write("hello.txt", "Xin chào.\n");
  const std::string units = Write("units.csv",
                                  "name,aliases,kind,parent\n"
                                  "UBND xã Tân Lập,UBND xã,ubnd,\n"
                                  "Văn phòng HĐND và UBND xã,,van_phong,UBND xã Tân Lập\n");
  struct Case {
    int n;
    ImportArgs args;
    int want_code;
    const char* want_err;  // a part of the message
  };
  const Case cases[] = {
      {1, Args((dir_ / "missing.txt").string()), kImportFailed, "missing.txt: cannot open"},
      {2, Args(dir_.string()), kImportFailed, "is a directory"},
      {3, Args(empty), kImportFailed, "empty"},
      {4, Args(not_notice), kImportFailed, "No task was found"},
      {5, Args(kTxt, "nope"), kImportFailed, "no tenant \"nope\""},
      {6, Args(kTxt, "", (dir_ / "none.csv").string()), kImportFailed, "none.csv: cannot open"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("case " + std::to_string(c.n));
    Run r = Import(c.args);
    EXPECT_EQ(r.code, c.want_code);
    EXPECT_NE(r.err.find(c.want_err), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  // Nothing was imported by the failures: the first real import gets id 1, with the units.
  Run ok = Import(Args(kTxt, "", units));
  ASSERT_EQ(ok.code, kImportOk) << ok.err;
  EXPECT_NE(ok.out.find("2 units created"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("notice 1: "), std::string::npos) << ok.out;
}

}  // namespace
}  // namespace dondoc::cli
