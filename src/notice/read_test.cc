#include "notice/read.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "notice/docx_testing.h"
#include "notice/pdf_testing.h"

namespace dondoc::notice {
namespace {

std::string RandomBytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

TEST(ReadDocumentTest, Formats) {
  struct Case {
    int number;
    std::string bytes;
    std::string filename;
    std::string want_format;
    std::string want_text;
  };
  const Case cases[] = {
      {1, "Giao Phòng Tài chính", "a.txt", "txt", "Giao Phòng Tài chính"},
      {2, "# Thông báo", "A.MD", "md", "# Thông báo"},
      {3, testing::MakeDocx(testing::P("Kính gửi")), "b.docx", "docx", "Kính gửi\n"},
      {4, testing::MakeDocx(testing::P("Kính gửi")), "b.DOCX", "docx", "Kính gửi\n"},
      {5, testing::MakePdf({testing::TextAt("Kinh gui")}), "c.pdf", "pdf", "Kinh gui"},
      // No extension we know: sniffed.
      {6, testing::MakePdf({testing::TextAt("Kinh gui")}), "upload", "pdf", "Kinh gui"},
      {7, testing::MakeDocx(testing::P("Kính gửi")), "upload.bin", "docx", "Kính gửi\n"},
  };
  for (const Case& c : cases) {
    Result<RawDocument> doc = ReadDocument(c.bytes, c.filename);
    ASSERT_TRUE(doc.ok()) << "case " << c.number << ": " << doc.status().message();
    EXPECT_EQ(doc->format, c.want_format) << "case " << c.number;
    EXPECT_EQ(doc->text, c.want_text) << "case " << c.number;
    EXPECT_EQ(doc->sha256.size(), 64u) << "case " << c.number;
  }
}

TEST(ReadDocumentTest, Sha256OfTheBytes) {
  Result<RawDocument> doc = ReadDocument("abc", "x.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ReadDocumentTest, HostileBytes) {
  struct Case {
    int number;
    std::string bytes;
    std::string filename;
    std::string want;  // the message starts with it
  };
  const Case cases[] = {
      {1, "", "a.txt", "the file is empty"},
      {2, std::string((25 << 20) + 1, 'a'), "a.txt", "the file is larger than 25 MB"},
      {3, "plain", "a.xlsx", "unsupported file type .xlsx"},
      {4, "plain", "README", "no file extension"},
      {5, "\xD0\xCF\x11\xE0", "cu.doc", "the old Word .doc format is not supported"},
      {6, RandomBytes(4096, 1), "random.txt", "not UTF-8 or UTF-16 text"},
      {7, RandomBytes(4096, 2), "random.docx", "not a valid .docx"},
      {8, "PK\x03\x04" + RandomBytes(4096, 3), "random.docx", "not a valid .docx: broken zip"},
      {9, RandomBytes(4096, 4), "random.pdf", "the PDF cannot be read"},
      {10, "%PDF-1.7\n" + RandomBytes(4096, 5), "random.pdf", "the PDF cannot be read"},
      {11, std::string("MZ\0\0binary", 10), "a.md", "binary content, not text"},
  };
  for (const Case& c : cases) {
    Result<RawDocument> doc = ReadDocument(c.bytes, c.filename);
    ASSERT_FALSE(doc.ok()) << "case " << c.number;
    EXPECT_EQ(doc.status().message().substr(0, c.want.size()), c.want)
        << "case " << c.number << ": " << doc.status().message();
  }
}

class ReadDocumentFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/dondoc-read-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string dir_;
};

TEST_F(ReadDocumentFileTest, Errors) {
  std::string big = Write("big.txt", "");
  ASSERT_EQ(truncate(big.c_str(), 26 << 20), 0);  // sparse: nothing is written
  mkdir((dir_ + "/thu-muc.txt").c_str(), 0700);
  struct Case {
    int number;
    std::string path;
    std::string want;  // after "PATH: "
  };
  const Case cases[] = {
      {1, dir_ + "/khong-co.txt", "no such file"},
      {2, dir_ + "/thu-muc.txt", "is a directory, not a file"},
      {3, Write("rong.txt", ""), "the file is empty"},
      {4, big, "the file is larger than 25 MB"},
      {5, Write("x.odt", "PK"), "unsupported file type .odt"},
      {6, Write("cut.docx", testing::MakeDocx(testing::P("x")).substr(0, 100)),
       "not a valid .docx: broken zip"},
      {7, dir_ + "/khong-co/x.txt", "no such file"},
  };
  for (const Case& c : cases) {
    Result<RawDocument> doc = ReadDocumentFile(c.path);
    ASSERT_FALSE(doc.ok()) << "case " << c.number;
    EXPECT_EQ(doc.status().message().substr(0, c.path.size() + 2 + c.want.size()),
              c.path + ": " + c.want)
        << "case " << c.number << ": " << doc.status().message();
  }
}

TEST_F(ReadDocumentFileTest, ReadsAFile) {
  Result<RawDocument> doc = ReadDocumentFile(Write("tb.txt", "\xEF\xBB\xBFThông báo"));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text, "Thông báo");
  EXPECT_EQ(doc->format, "txt");
}

}  // namespace
}  // namespace dondoc::notice
