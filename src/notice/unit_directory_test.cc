#include "notice/unit_directory.h"

#include <gtest/gtest.h>

namespace dondoc::notice {
namespace {

TEST(UnitDirectory, MapsAliasesAndSpellings) {
  Result<UnitDirectory> dir = UnitDirectory::FromCsv(
      "name,aliases,kind,parent\n"
      "Phòng Tài chính - Kế hoạch,Phòng TC-KH;Phòng TCKH,phong,UBND thị xã Đức Phổ\n"
      "\"Ủy ban nhân dân các xã, phường\",\"UBND các xã, phường\",ubnd_xa,\n");
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  struct Case {
    int id;
    const char* mention;
    const char* want;  // "" = not found
  };
  const Case kCases[] = {
      {1, "Phòng TC-KH", "Phòng Tài chính - Kế hoạch"},
      {2, "phòng Tài chính – Kế hoạch", "Phòng Tài chính - Kế hoạch"},
      {3, "Trưởng Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch"},
      {4, "Chủ tịch UBND các xã, phường", "Ủy ban nhân dân các xã, phường"},
      {5, "Uỷ ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"},
      {6, "Phong Tai chinh - Ke hoach", "Phòng Tài chính - Kế hoạch"},
      {7, "Phòng Kinh tế", ""},
  };
  for (const auto& c : kCases) {
    std::optional<std::string> got = dir->Canonical(c.mention);
    EXPECT_EQ(got.value_or(""), c.want) << "case " << c.id;
  }
  EXPECT_EQ(dir->entries().size(), 2u);
  EXPECT_EQ(dir->entries()[0].aliases.size(), 2u);
}

TEST(UnitDirectory, RejectsBrokenCsv) {
  EXPECT_FALSE(UnitDirectory::FromCsv("name\n\"unclosed\n").ok());
  EXPECT_FALSE(UnitDirectory::FromCsv("name,aliases\n,alias\n").ok());
}

TEST(UnitDirectory, ShippedDemoDirectoryLoads) {
  Result<UnitDirectory> dir = UnitDirectory::Load(DONDOC_SOURCE_DIR "/data/ducpho-units.csv");
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  EXPECT_EQ(dir->Canonical("Phòng TC-KH").value_or(""), "Phòng Tài chính - Kế hoạch");
  EXPECT_EQ(dir->Canonical("Ban quản lý dự án đầu tư xây dựng và Phát triển quỹ đất thị xã")
                .value_or(""),
            "Ban Quản lý dự án đầu tư xây dựng và Phát triển quỹ đất thị xã");
}

}  // namespace
}  // namespace dondoc::notice
