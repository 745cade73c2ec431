#!/usr/bin/env python3
"""Writes the binary documents of tests/corpus from the content below.

  python3 tests/corpus/make_corpus.py [--pdf]

- kh-phuong-tanan-phan-cong.docx: a plan whose tasks sit in a "phân công" table (STT numbered
  automatically by Word's numbering, not typed).
- cv-quangtri-ung-pho-bao.docx: an official letter whose outline (1., a) … đ), -) exists only in
  numbering.xml.
- tb-huyenuy-sontinh-ketluan.docx: a Party committee's conclusion notice (Party header layout,
  "Giao Đảng đoàn HĐND huyện, Ban cán sự đảng UBND huyện ...", "Các chi, đảng bộ cơ sở").
- cv-bnnmt-phong-chong-han.docx: a ministry's letter ("đề nghị" the provinces, "Giao các cơ quan,
  đơn vị thuộc Bộ:" with bullets) with an appendix table after the signature whose header is split
  over two rows and whose lead cell is merged over two rows.
- tb-stc-langson-giaoban.pdf (with --pdf; needs chromium): a notice with the two-column header
  and side-by-side signature block of real PDFs, printed by headless Chromium from HTML.
The .docx bytes are deterministic (fixed zip timestamps); the PDF is committed as printed.
"""
import html, pathlib, subprocess, sys, tempfile, zipfile

HERE = pathlib.Path(__file__).resolve().parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
      '</Types>')


def rels(items):
    body = "".join(f'<Relationship Id="rId{i}" Type="{REL}{t}" Target="{target}"/>'
                   for i, (t, target) in enumerate(items, 1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships {PKG}>{body}</Relationships>'


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def p(text="", num=None, ilvl=0, bold=False, center=False):
    ppr = ""
    if center:
        ppr += '<w:jc w:val="center"/>'
    if num is not None:
        ppr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>' + ppr
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr}{run(text, bold) if text else ''}</w:p>"


def lvl(i, fmt, text, start=1, suff=None):
    s = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{s}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def numbering(abstracts, nums):
    a = "".join(f'<w:abstractNum w:abstractNumId="{i}">{levels}</w:abstractNum>'
                for i, levels in abstracts)
    n = "".join(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{ab}"/></w:num>' for num, ab in nums)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>{a}{n}</w:numbering>'


STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}><w:docDefaults>'
          '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
          '<w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '</w:styles>')


def table(rows, header_bold=True):
    out = "<w:tbl><w:tblPr><w:tblBorders>" + "".join(
        f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders></w:tblPr>"
    for r, cells in enumerate(rows):
        out += "<w:tr>"
        for cell in cells:
            if isinstance(cell, str) and cell.startswith("<w:tc>"):
                out += cell
                continue
            paragraphs = cell if isinstance(cell, list) else [cell]
            out += "<w:tc>" + "".join(c if c.startswith("<w:p>") else p(c, bold=header_bold and r == 0)
                                      for c in paragraphs) + "</w:tc>"
        out += "</w:tr>"
    return out + "</w:tbl>"


def tc(text, span=None, merge=None, bold=False):
    """A table cell spanning `span` grid columns; `merge` "restart" or "continue" (w:vMerge)."""
    pr = ""
    if span:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        pr += "<w:vMerge/>"
    pr = f"<w:tcPr>{pr}</w:tcPr>" if pr else ""
    return f"<w:tc>{pr}{p(text, bold=bold)}</w:tc>"


def write_docx(name, body, numbering_xml):
    parts = {
        "[Content_Types].xml": CT,
        "_rels/.rels": rels([("officeDocument", "word/document.xml")]),
        "word/_rels/document.xml.rels": rels([("numbering", "numbering.xml"), ("styles", "styles.xml")]),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>',
        "word/numbering.xml": numbering_xml,
        "word/styles.xml": STYLES,
    }
    with zipfile.ZipFile(HERE / name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


# (b) A plan with a "phân công" table; STT is Word's numbering "%1" (numId 1).
PLAN_ROWS = [
    ("Xây dựng kế hoạch tuyên truyền về phong trào \"Bình dân học vụ số\" trên các nền tảng số của phường",
     "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Trước ngày 15/9/2025"),
    ("Tổ chức tập huấn kỹ năng số cơ bản cho cán bộ, công chức, viên chức và người lao động của phường",
     "Văn phòng HĐND và UBND phường",
     "Trung tâm Phục vụ hành chính công phường; Phòng Văn hóa - Xã hội", "Tháng 10/2025"),
    ("Thành lập và duy trì hoạt động của các Tổ công nghệ số cộng đồng tại các khu phố",
     "Phòng Văn hóa - Xã hội", "Ủy ban Mặt trận Tổ quốc Việt Nam phường; Đoàn Thanh niên phường",
     "Thường xuyên"),
    ("Hướng dẫn người dân cài đặt, sử dụng ứng dụng VNeID và dịch vụ công trực tuyến",
     "Công an phường", "Trung tâm Phục vụ hành chính công phường; các khu phố", "Hằng tháng"),
    ("Rà soát, cập nhật dữ liệu hộ kinh doanh, doanh nghiệp trên địa bàn vào cơ sở dữ liệu dùng chung",
     "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường", "Quý IV/2025"),
    ("Phát động phong trào thanh toán không dùng tiền mặt tại chợ Tân An và các cửa hàng trên địa bàn",
     "Phòng Kinh tế, Hạ tầng và Đô thị", "Ban Quản lý chợ Tân An; Hội Liên hiệp Phụ nữ phường",
     "Trước ngày 30/11/2025"),
    ("Tổng hợp, báo cáo kết quả thực hiện Kế hoạch gửi Sở Khoa học và Công nghệ",
     "Văn phòng HĐND và UBND phường", "Phòng Văn hóa - Xã hội",
     "Định kỳ hằng quý, trước ngày 20 của tháng cuối quý"),
    ("Đánh giá, khen thưởng tập thể, cá nhân có thành tích tiêu biểu trong phong trào",
     "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Cuối năm 2025"),
]


def plan():
    rows = [("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành")]
    rows += [(p("", num=1), *r) for r in PLAN_ROWS]
    body = (table([("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                   ("PHƯỜNG TÂN AN", "Độc lập - Tự do - Hạnh phúc"),
                   ("Số: 75/KH-UBND", "Tân An, ngày 03 tháng 9 năm 2025")], header_bold=False)
            + p("KẾ HOẠCH", bold=True, center=True)
            + p("Triển khai phong trào \"Bình dân học vụ số\" trên địa bàn phường năm 2025", bold=True, center=True)
            + p("Thực hiện Kế hoạch của UBND tỉnh về triển khai phong trào \"Bình dân học vụ số\", UBND phường Tân An ban hành Kế hoạch triển khai trên địa bàn phường như sau:")
            + p("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
            + p("Phổ cập kiến thức, kỹ năng số cơ bản cho người dân; phấn đấu đến hết năm 2025 có trên 80% người dân trong độ tuổi lao động biết sử dụng dịch vụ công trực tuyến.")
            + p("II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
            + p("Các nhiệm vụ cụ thể được phân công như sau:")
            + table(rows)
            + p("III. TỔ CHỨC THỰC HIỆN", bold=True)
            + p("1. Giao Văn phòng HĐND và UBND phường chủ trì, theo dõi, đôn đốc các đơn vị triển khai thực hiện Kế hoạch; tham mưu UBND phường sơ kết, đánh giá kết quả trước ngày 25/12/2025.")
            + p("2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội phường phối hợp tuyên truyền, vận động đoàn viên, hội viên tích cực tham gia phong trào.")
            + p("3. Kinh phí thực hiện Kế hoạch từ nguồn ngân sách phường năm 2025 là 120 triệu đồng, trong đó 45% dành cho công tác tập huấn.")
            + p("Trên đây là Kế hoạch triển khai phong trào \"Bình dân học vụ số\" trên địa bàn phường Tân An năm 2025./.")
            + table([(["Nơi nhận:", "- UBND tỉnh (b/c);", "- TT Đảng ủy phường;", "- Các đơn vị tại mục II;", "- Lưu: VT."],
                      ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Đặng Quốc Huy"])], header_bold=False))
    write_docx("kh-phuong-tanan-phan-cong.docx", body,
               numbering([(0, lvl(0, "decimal", "%1", suff="nothing"))], [(1, 0)]))


# (c) An official letter whose numbers exist only in numbering.xml (numId 1: 1. / a) / -).
def letter():
    L0, L1, L2 = 0, 1, 2
    n = lambda text, level: p(text, num=1, ilvl=level)
    body = (table([("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                   ("TỈNH QUẢNG TRỊ", "Độc lập - Tự do - Hạnh phúc"),
                   ("Số: 4172/UBND-KT", "Quảng Trị, ngày 22 tháng 8 năm 2025"),
                   ("V/v chủ động ứng phó với bão số 5 và mưa lũ sau bão", "")], header_bold=False)
            + p("Kính gửi:", center=True)
            + p("- Các Sở: Nông nghiệp và Môi trường, Xây dựng, Công Thương, Y tế;")
            + p("- Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh; Bộ Chỉ huy Bộ đội Biên phòng tỉnh;")
            + p("- Công ty Điện lực Quảng Trị;")
            + p("- UBND các xã, phường, đặc khu.")
            + p("Thực hiện Công điện của Thủ tướng Chính phủ về việc tập trung ứng phó bão số 5, Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương triển khai ngay các nội dung sau:")
            + n("UBND các xã, phường, đặc khu:", L0)
            + n("Tổ chức kiểm tra, rà soát các khu dân cư ven sông, ven biển, vùng trũng thấp có nguy cơ ngập lụt, sạt lở; chủ động sơ tán người dân đến nơi an toàn trước 17 giờ ngày 24/8/2025.", L1)
            + n("Kêu gọi, hướng dẫn tàu thuyền đang hoạt động trên biển vào nơi tránh trú an toàn; tuyệt đối không để người ở lại trên tàu, lồng bè khi bão đổ bộ.", L1)
            + n("Chuẩn bị đầy đủ lương thực, thực phẩm, nước uống, thuốc men cho người dân tại các điểm sơ tán.", L1)
            + n("Bố trí lực lượng canh gác, hướng dẫn giao thông tại các ngầm tràn, đoạn đường bị ngập sâu.", L1)
            + n("Báo cáo nhanh tình hình thiệt hại về Sở Nông nghiệp và Môi trường ngay sau khi bão tan, chậm nhất ngày 27/8/2025.", L1)
            + n("Chủ tịch UBND các xã, phường, đặc khu chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để xảy ra thiệt hại về người do chủ quan, lơ là.", L1)
            + n("Sở Nông nghiệp và Môi trường:", L0)
            + n("Thường xuyên theo dõi chặt chẽ diễn biến của bão, mưa lũ; tham mưu Ban Chỉ huy phòng thủ dân sự tỉnh chỉ đạo, điều hành công tác ứng phó.", L2)
            + n("Chỉ đạo kiểm tra, vận hành an toàn các hồ chứa thủy lợi; chủ động xả lũ theo đúng quy trình được phê duyệt.", L2)
            + n("Sở Xây dựng chủ trì, phối hợp với Công an tỉnh kiểm tra, bảo đảm an toàn giao thông, khắc phục nhanh các sự cố sạt lở trên các tuyến quốc lộ, tỉnh lộ.", L0)
            + n("Đề nghị Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh bố trí lực lượng, phương tiện sẵn sàng hỗ trợ các địa phương sơ tán dân, cứu hộ, cứu nạn.", L0)
            + n("Các Sở: Công Thương, Y tế chuẩn bị hàng hóa thiết yếu, cơ số thuốc phục vụ người dân vùng bị ảnh hưởng; báo cáo kết quả về UBND tỉnh trước ngày 26/8/2025.", L0)
            + n("Công ty Điện lực Quảng Trị chủ động phương án bảo đảm an toàn hệ thống điện, khôi phục cấp điện trong thời gian sớm nhất.", L0)
            + n("Văn phòng UBND tỉnh theo dõi, tổng hợp, báo cáo Chủ tịch UBND tỉnh tình hình thực hiện Công văn này.", L0)
            + p("Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.")
            + table([(["Nơi nhận:", "- Như trên;", "- Bộ Nông nghiệp và Môi trường (b/c);", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, KT."],
                      ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Hoàng Văn Nam"])], header_bold=False))
    write_docx("cv-quangtri-ung-pho-bao.docx", body,
               numbering([(0, lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "%2)") + lvl(2, "bullet", "-"))],
                         [(1, 0)]))


# (d) A notice printed to PDF with the header and the signature in two columns.
NOTICE_HTML = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }
body { font-family: 'DejaVu Serif', serif; font-size: 14pt; line-height: 1.5; }
table.two { width: 100%; border-collapse: collapse; } table.two td { vertical-align: top; text-align: center; font-size: 11.5pt; white-space: nowrap; }
p { text-align: justify; margin: 0 0 6pt 0; text-indent: 1cm; }
h1 { font-size: 13pt; text-align: center; margin: 12pt 0 0 0; } .sub { text-align: center; font-weight: bold; text-indent: 0; }
</style></head><body>
<table class="two"><tr><td style="width:42%">UBND TỈNH LẠNG SƠN<br><b>SỞ TÀI CHÍNH</b><br><br>Số: 312/TB-STC</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br><br><i>Lạng Sơn, ngày 08 tháng 8 năm 2025</i></td></tr></table>
<h1>THÔNG BÁO</h1>
<p class="sub">Kết luận của Giám đốc Sở Tài chính tại cuộc họp giao ban tháng 8 năm 2025</p>
<p>Ngày 05/8/2025, đồng chí Vy Văn Thành, Giám đốc Sở Tài chính chủ trì cuộc họp giao ban đánh giá kết quả thực hiện nhiệm vụ tháng 7, triển khai nhiệm vụ tháng 8 năm 2025. Tham dự cuộc họp có các đồng chí Phó Giám đốc Sở; Trưởng các phòng, đơn vị thuộc Sở.</p>
<p>Sau khi nghe Văn phòng Sở báo cáo và ý kiến của các đại biểu dự họp, Giám đốc Sở kết luận như sau:</p>
<p><b>1. Kết quả thực hiện nhiệm vụ</b></p>
<p>Tổng thu ngân sách nhà nước trên địa bàn 7 tháng ước đạt 5.120,5 tỷ đồng, bằng 62,4% dự toán; giải ngân vốn đầu tư công đạt 1.876 tỷ đồng, bằng 41,2% kế hoạch. Công tác sắp xếp tổ chức bộ máy sau hợp nhất cơ bản hoàn thành; việc thẩm định quyết toán dự án hoàn thành được thực hiện đúng quy định. Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm; một số thủ tục hành chính còn trễ hạn.</p>
<p><b>2. Nhiệm vụ trọng tâm thời gian tới</b></p>
<p>a) Phòng Quản lý ngân sách chủ trì, phối hợp với Thuế tỉnh Lạng Sơn đánh giá khả năng thu ngân sách năm 2025, đề xuất giải pháp tăng thu, báo cáo Giám đốc Sở trước ngày 20/8/2025.</p>
<p>b) Phòng Tài chính đầu tư đôn đốc các chủ đầu tư đẩy nhanh tiến độ giải ngân, phấn đấu đến ngày 30/9/2025 giải ngân đạt trên 70% kế hoạch vốn; hằng tuần báo cáo kết quả giải ngân.</p>
<p>c) Giao Văn phòng Sở chủ trì, phối hợp với Phòng Tài chính hành chính sự nghiệp rà soát, sắp xếp lại trụ sở làm việc, tài sản công sau hợp nhất, hoàn thành trong tháng 9/2025.</p>
<p>d) Thanh tra Sở xây dựng kế hoạch thanh tra năm 2026, trình Giám đốc Sở phê duyệt trước ngày 15/11/2025.</p>
<p>đ) Yêu cầu Trưởng các phòng, đơn vị thuộc Sở:</p>
<p>- Thường xuyên rà soát, đơn giản hóa thủ tục hành chính thuộc lĩnh vực được giao, không để hồ sơ trễ hạn.</p>
<p>- Gửi báo cáo kết quả thực hiện nhiệm vụ tháng về Văn phòng Sở trước ngày 20 hằng tháng.</p>
<p>e) Trung tâm Dịch vụ tài chính công chủ động rà soát các gói dịch vụ, đề xuất giá dịch vụ năm 2026, gửi Phòng Quản lý giá và công sản trước ngày 31/10/2025.</p>
<p>Văn phòng Sở thông báo để các phòng, đơn vị biết, thực hiện./.</p>
<table class="two" style="margin-top:12pt"><tr><td style="width:50%; text-align:left; font-size:11pt"><b><i>Nơi nhận:</i></b><br>- UBND tỉnh (b/c);<br>- Giám đốc, các PGĐ Sở;<br>- Các phòng, đơn vị thuộc Sở;<br>- Lưu: VT, VP.</td>
<td><b>KT. GIÁM ĐỐC<br>PHÓ GIÁM ĐỐC</b><br><br><br><br><b>Hoàng Thị Mai</b></td></tr></table>
</body></html>"""


def pdf():
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "notice.html"
        src.write_text(NOTICE_HTML, encoding="utf-8")
        out = HERE / "tb-stc-langson-giaoban.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--user-data-dir={tmp}/profile",
                        f"--print-to-pdf={out}", src.as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


# (e) A Party committee's conclusion notice (Hướng dẫn 36-HD/VPTW layout: "ĐẢNG BỘ ..." over
# "HUYỆN ỦY ...", "Số 412-TB/HU", signed "T/M BAN THƯỜNG VỤ"); outline typed as text (2.1., 2.2.).
def party():
    body = (table([(["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "HUYỆN ỦY SƠN TỊNH", "*", "Số 412-TB/HU"],
                    ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "", "Sơn Tịnh, ngày 18 tháng 4 năm 2025"])],
                  header_bold=False)
            + p("THÔNG BÁO", bold=True, center=True)
            + p("KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY", bold=True, center=True)
            + p("về tình hình kinh tế - xã hội quý I và nhiệm vụ trọng tâm quý II năm 2025", center=True)
            + p("Ngày 15/4/2025, Ban Thường vụ Huyện ủy họp nghe Ban cán sự đảng UBND huyện báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội quý I, nhiệm vụ trọng tâm quý II năm 2025. Đồng chí Nguyễn Văn Tâm, Bí thư Huyện ủy chủ trì hội nghị.")
            + p("Sau khi nghe báo cáo và ý kiến thảo luận của các đồng chí dự họp, Ban Thường vụ Huyện ủy kết luận như sau:")
            + p("1. Đánh giá chung", bold=True)
            + p("Quý I năm 2025, tổng thu ngân sách trên địa bàn ước đạt 86,4 tỷ đồng, bằng 31,5% dự toán; giải ngân vốn đầu tư công đạt 18,2% kế hoạch. Tuy nhiên, công tác giải phóng mặt bằng một số dự án còn chậm, việc xử lý vi phạm về đất đai ở một số xã chưa kịp thời.")
            + p("2. Nhiệm vụ trọng tâm quý II năm 2025", bold=True)
            + p("2.1. Giao Đảng đoàn HĐND huyện, Ban cán sự đảng UBND huyện lãnh đạo, chỉ đạo rà soát, điều chỉnh kế hoạch đầu tư công năm 2025, hoàn thành trước ngày 30/5/2025.")
            + p("2.2. Ban cán sự đảng UBND huyện chỉ đạo UBND các xã, thị trấn đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm; hằng tháng báo cáo Ban Thường vụ Huyện ủy.")
            + p("2.3. Ban Tuyên giáo và Dân vận Huyện ủy chủ trì, phối hợp với Ủy ban MTTQ Việt Nam huyện và các tổ chức chính trị - xã hội huyện tuyên truyền, vận động nhân dân đồng thuận bàn giao mặt bằng.")
            + p("2.4. Ủy ban Kiểm tra Huyện ủy kiểm tra việc lãnh đạo, chỉ đạo thực hiện nhiệm vụ phòng, chống tham nhũng tại các tổ chức đảng; báo cáo kết quả trước ngày 30/6/2025.")
            + p("2.5. Các chi, đảng bộ cơ sở thường xuyên nắm tình hình tư tưởng của cán bộ, đảng viên, kịp thời báo cáo những vấn đề phát sinh.")
            + p("2.6. Thống nhất chủ trương xây dựng Đề án phát triển du lịch cộng đồng huyện giai đoạn 2025 - 2030; giao Ban cán sự đảng UBND huyện chỉ đạo xây dựng Đề án, trình Ban Thường vụ Huyện ủy trong quý III/2025.")
            + p("2.7. Văn phòng Huyện ủy theo dõi, đôn đốc việc thực hiện Kết luận này, định kỳ hằng quý tổng hợp, báo cáo Ban Thường vụ Huyện ủy.")
            + p("Văn phòng Huyện ủy thông báo để các cấp ủy, tổ chức đảng, cơ quan, đơn vị liên quan biết, thực hiện./.")
            + table([(["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c);", "- Các đồng chí Huyện ủy viên;", "- Các chi, đảng bộ cơ sở;", "- Lưu: Văn phòng Huyện ủy."],
                      ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Trần Thị Hoa"])], header_bold=False))
    write_docx("tb-huyenuy-sontinh-ketluan.docx", body, numbering([(0, lvl(0, "decimal", "%1."))], [(1, 0)]))


# (f) A ministry's official letter: "đề nghị" to provinces before the numbered items (Word's
# numbering), "Giao các cơ quan, đơn vị thuộc Bộ:" with bullets, a closing request to the
# provinces, and after the signature an appendix table whose header row splits "Cơ quan thực
# hiện" into "Chủ trì | Phối hợp" (gridSpan) and whose lead cell is merged over two rows (vMerge).
def ministry():
    n = lambda text, level=0: p(text, num=1, ilvl=level)
    head = [tc("STT", merge="restart", bold=True), tc("Nhiệm vụ", merge="restart", bold=True),
            tc("Cơ quan thực hiện", span=2, bold=True), tc("Thời hạn hoàn thành", merge="restart", bold=True)]
    sub = [tc("", merge="continue"), tc("", merge="continue"), tc("Chủ trì", bold=True),
           tc("Phối hợp", bold=True), tc("", merge="continue")]
    rows = [head, sub,
            [tc("1"), tc("Rà soát, cập nhật kịch bản hạn hán, xâm nhập mặn mùa khô 2025 - 2026"),
             tc("Cục Quản lý tài nguyên nước"), tc("Trung tâm Dự báo khí tượng thủy văn quốc gia"),
             tc("Tháng 7/2025")],
            [tc("2"), tc("Hướng dẫn các địa phương điều chỉnh lịch thời vụ, cơ cấu cây trồng phù hợp với nguồn nước"),
             tc("Cục Trồng trọt và Bảo vệ thực vật", merge="restart"),
             tc("Cục Quản lý và Xây dựng công trình thủy lợi"), tc("Trước ngày 30/6/2025")],
            [tc("3"), tc("Kiểm tra, đánh giá thiệt hại sản xuất nông nghiệp do hạn hán, xâm nhập mặn"),
             tc("", merge="continue"), tc("Vụ Kế hoạch - Tài chính"), tc("Định kỳ hằng quý")],
            [tc("4"), tc("Tổng hợp, báo cáo Bộ trưởng tình hình phòng, chống hạn hán, xâm nhập mặn"),
             tc("Văn phòng Bộ"), tc("Các cơ quan, đơn vị liên quan"), tc("Hằng tháng")]]
    body = (table([("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                   ("", "Độc lập - Tự do - Hạnh phúc"),
                   ("Số: 2817/BNNMT-TL", "Hà Nội, ngày 12 tháng 6 năm 2025"),
                   ("V/v triển khai các biện pháp phòng, chống hạn hán, xâm nhập mặn mùa khô 2025 - 2026", "")],
                  header_bold=False)
            + p("Kính gửi:", center=True)
            + p("- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;")
            + p("- Các cơ quan, đơn vị thuộc Bộ.")
            + p("Để chủ động ứng phó với nguy cơ hạn hán, thiếu nước, xâm nhập mặn trong mùa khô 2025 - 2026, Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện một số nội dung sau:")
            + n("Chỉ đạo các Sở: Nông nghiệp và Môi trường, Xây dựng, Công Thương rà soát các công trình cấp nước, hồ chứa; xây dựng phương án cấp nước sinh hoạt cho nhân dân vùng có nguy cơ thiếu nước, hoàn thành trước ngày 15/7/2025.")
            + n("Chỉ đạo các công ty khai thác công trình thủy lợi trên địa bàn vận hành hợp lý các hồ chứa, tích nước tối đa; ưu tiên cấp nước cho sinh hoạt.")
            + n("Tổng hợp tình hình hạn hán, xâm nhập mặn, gửi Bộ Nông nghiệp và Môi trường (qua Cục Quản lý và Xây dựng công trình thủy lợi) định kỳ hằng tháng trước ngày 25.")
            + n("Giao các cơ quan, đơn vị thuộc Bộ:")
            + n("Cục Quản lý và Xây dựng công trình thủy lợi chủ trì, phối hợp với Cục Quản lý tài nguyên nước theo dõi, hướng dẫn các địa phương vận hành công trình thủy lợi phục vụ chống hạn.", 1)
            + n("Trung tâm Dự báo khí tượng thủy văn quốc gia thường xuyên dự báo, cảnh báo hạn hán, xâm nhập mặn, cung cấp thông tin cho các địa phương.", 1)
            + n("Văn phòng Bộ theo dõi, tổng hợp tình hình, báo cáo Bộ trưởng trước ngày 30/6/2025.", 1)
            + p("Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương quan tâm, chỉ đạo thực hiện./.")
            + table([(["Nơi nhận:", "- Như trên;", "- Bộ trưởng (để b/c);", "- Lưu: VT, TL."],
                      ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Nguyễn Hoàng Hiệp"])], header_bold=False)
            + p("PHỤ LỤC", bold=True, center=True)
            + p("PHÂN CÔNG NHIỆM VỤ CÁC CƠ QUAN, ĐƠN VỊ THUỘC BỘ", bold=True, center=True)
            + p("(Kèm theo Công văn số 2817/BNNMT-TL ngày 12 tháng 6 năm 2025 của Bộ Nông nghiệp và Môi trường)", center=True)
            + table(rows))
    write_docx("cv-bnnmt-phong-chong-han.docx", body,
               numbering([(0, lvl(0, "decimal", "%1.") + lvl(1, "bullet", "-"))], [(1, 0)]))


if __name__ == "__main__":
    plan()
    letter()
    party()
    ministry()
    if "--pdf" in sys.argv:
        pdf()
