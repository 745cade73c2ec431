#include "notice/pdf_reader.h"

#include <gtest/gtest.h>

#include "notice/pdf_testing.h"

namespace dondoc::notice {
namespace {

using testing::MakePdf;
using testing::TextAt;

TEST(PdfReaderTest, ReadsPagesWithFormFeedLines) {
  std::vector<std::string> warnings;
  Result<std::string> text =
      ReadPdf(MakePdf({TextAt("Trang mot"), TextAt("Trang hai")}), &warnings);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "Trang mot\n\f\nTrang hai");
  EXPECT_TRUE(warnings.empty());
}

TEST(PdfReaderTest, TwoColumnsComeOutSideBySide) {
  Result<std::string> text =
      ReadPdf(MakePdf({TextAt("UBND XA AN PHU", 40, 780) + " " +
                       TextAt("CONG HOA XA HOI CHU NGHIA VIET NAM", 300, 780)}),
              nullptr);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_NE(text->find("UBND XA AN PHU"), std::string::npos);
  size_t left = text->find("UBND");
  size_t right = text->find("CONG HOA");
  ASSERT_NE(right, std::string::npos);
  EXPECT_EQ(text->find('\n', left), text->find('\n', right)) << *text;  // one line
}

TEST(PdfReaderTest, Errors) {
  const std::string encrypt = "<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, 'A') +
                              "> /U <" + std::string(64, 'B') + "> /P -44 >>";
  struct Case {
    int number;
    std::string bytes;
    std::string want;
  };
  const Case cases[] = {
      {1, MakePdf({"0 0 m 100 100 l S"}), "the PDF has no text layer (a scan?)"},
      {2, MakePdf({TextAt("bi mat")}, encrypt, "/Encrypt 6 0 R /ID [<00112233> <00112233>]"),
       "the PDF is encrypted"},
      {3, "%PDF-1.4\nnothing else at all", "the PDF cannot be read"},
      {4, MakePdf({""}), "the PDF has no text layer (a scan?)"},
  };
  for (const Case& c : cases) {
    Result<std::string> text = ReadPdf(c.bytes, nullptr);
    ASSERT_FALSE(text.ok()) << "case " << c.number << ": " << *text;
    EXPECT_EQ(text.status().message().substr(0, c.want.size()), c.want)
        << "case " << c.number << ": " << text.status().message();
  }
}

TEST(PdfReaderTest, PagesFromPdftotext) {
  struct Case {
    int number;
    std::string in;
    std::string want;
  };
  const Case cases[] = {
      {1, "a\n\fb\n\f", "a\n\f\nb"},
      {2, "a\n\f\fb\n", "a\n\f\n\f\nb"},
      {3, "\f", ""},
      {4, "a\fb", "a\n\f\nb"},
  };
  for (const Case& c : cases) EXPECT_EQ(PagesFromPdftotext(c.in), c.want) << "case " << c.number;
}

TEST(PdfReaderTest, LegacyFontWarning) {
  struct Case {
    int number;
    std::string pdffonts;
    bool warns;
  };
  const std::string header =
      "name                                 type              encoding         emb sub uni "
      "object ID\n------------------------------------ ----------------- ---------------- --- "
      "--- --- ---------\n";
  const Case cases[] = {
      {1,
       header + "ABCDEF+.VnTime                       TrueType          WinAnsi          yes "
                "yes no       8  0\n",
       true},
      {2,
       header + "VNI-Times                            TrueType          WinAnsi          no  "
                "no  no       9  0\n",
       true},
      {3,
       header + "BAAAAA+TimesNewRomanPSMT             CID TrueType      Identity-H       yes "
                "yes yes     10  0\n",
       false},
      {4, "", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(!LegacyFontWarning(c.pdffonts).empty(), c.warns) << "case " << c.number;
  }
}

TEST(ChildProcessTest, Limits) {
  ChildLimits quick;
  quick.wall_seconds = 1;
  Result<ChildResult> slept = RunChild({"sleep", "10"}, quick);
  ASSERT_TRUE(slept.ok());
  EXPECT_TRUE(slept->timed_out);

  Result<ChildResult> missing = RunChild({"dondoc-no-such-program"});
  EXPECT_FALSE(missing.ok());

  Result<ChildResult> echo = RunChild({"printf", "%s", "xin chào"});
  ASSERT_TRUE(echo.ok());
  EXPECT_EQ(echo->out, "xin chào");
  EXPECT_EQ(echo->exit_code, 0);

  ChildLimits tiny_output;
  tiny_output.max_output_bytes = 1000;
  Result<ChildResult> yes = RunChild({"yes"}, tiny_output);
  ASSERT_TRUE(yes.ok());
  EXPECT_TRUE(yes->output_truncated);
}

}  // namespace
}  // namespace dondoc::notice
