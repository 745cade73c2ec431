#!/usr/bin/env python3
"""Writes the small .docx seeds of fuzz_docx into seeds/docx/ (deterministic bytes).

Run from anywhere: python3 tests/fuzz/make_seeds.py. The seeds are committed; rerun only to
change them.
"""
import pathlib, zipfile

HERE = pathlib.Path(__file__).resolve().parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'


def rels(items):
    body = "".join(f'<Relationship Id="rId{i}" Type="{REL}{t}" Target="{target}"/>'
                   for i, (t, target) in enumerate(items, 1))
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships {PKG}>{body}</Relationships>'


def p(text, num=None, ilvl=0, style=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def lvl(i, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


NUMBERING = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>'
             '<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman", "%1.") +
             lvl(1, "decimal", "%2.") + lvl(2, "decimal", "%2.%3.") +
             lvl(3, "lowerLetter", "%4)") + lvl(4, "bullet", "-") + '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="DS"/></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">'
             '<w:startOverride w:val="3"/></w:lvlOverride></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
          '<w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
          '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
          '<w:style w:type="numbering" w:styleId="DS"><w:pPr><w:numPr><w:numId w:val="1"/>'
          '</w:numPr></w:pPr></w:style></w:styles>')


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'


def write(name, body, numbering=True):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
        "_rels/.rels": rels([("officeDocument", "word/document.xml")]),
        "word/_rels/document.xml.rels": rels([("numbering", "numbering.xml"), ("styles", "styles.xml")]),
        "word/document.xml": document(body),
        "word/styles.xml": STYLES,
    }
    if numbering:
        parts["word/numbering.xml"] = NUMBERING
    # The same parts in fuzz_docx's unzipped shape: document, numbering, styles joined by \x01.
    flat = HERE / "seeds" / "docx" / (name.rsplit(".", 1)[0] + ".parts")
    flat.write_bytes("\x01".join([parts["word/document.xml"], parts.get("word/numbering.xml", ""),
                                   STYLES]).encode("utf-8"))
    out = HERE / "seeds" / "docx" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


write("numbering.docx",
      p("Đánh giá", 1, 0) + p("Kết quả", 1, 1) + p("Nhiệm vụ", 1, 0) + p("Kinh tế", 1, 1) +
      p("Thu ngân sách", 1, 2) + p("Giao Phòng Tài chính - Kế hoạch:", 1, 3) +
      p("rà soát nguồn thu", 1, 4) + p("theo kiểu", style="Muc") + p("tiếp", 2, 1) +
      p("liên kết kiểu", 3, 0))
write("table.docx",
      "<w:tbl><w:tr><w:tc>" + p("STT") + "</w:tc><w:tc>" + p("Nội dung") + "</w:tc><w:tc>" +
      p("Đơn vị chủ trì") + "</w:tc></w:tr><w:tr><w:tc>" + p("", 1, 1) + "</w:tc><w:tc>" +
      p("Rà soát quy hoạch") + "</w:tc><w:tc>" + p("Phòng Kinh tế") + "</w:tc></w:tr></w:tbl>",
      numbering=True)
write("tracked.docx",
      '<w:p><w:r><w:t>trước ngày </w:t></w:r><w:del w:id="1"><w:r><w:delText>20/6</w:delText>'
      '</w:r></w:del><w:ins w:id="2"><w:r><w:t>25/6/2023</w:t><w:tab/><w:br/></w:r></w:ins></w:p>'
      '<w:sdt><w:sdtContent>' + p("điều khiển") + '</w:sdtContent></w:sdt>', numbering=False)
