"""Readers on real small files made here: .docx, .pdf with a text layer, .html, GB18030, BOM."""

import pytest

from policykg.errors import InputError
from policykg.extract.document.ingest import ingest
from policykg.extract.text.read import read

ARTICLE = "第一条 为了促进数字经济发展，推动数字经济做强做优做大，制定本条例。"


def test_docx(tmp_path):
    import docx
    d = docx.Document()
    d.core_properties.title = "某省数字经济促进条例"
    d.add_paragraph("某省数字经济促进条例")
    d.add_paragraph("第一章 总则")
    d.add_paragraph(ARTICLE)
    d.add_paragraph("第二条 县级以上人民政府应当加强领导。")
    path = tmp_path / "reg.docx"
    d.save(path)
    doc = ingest(path)
    assert doc.format == "docx"
    assert doc.meta.title == "某省数字经济促进条例"
    assert [p.label for p in doc.provisions if p.level == "article"] == ["第一条", "第二条"]
    s = next(s for s in doc.sentences if s.provision.endswith("art2/p1"))
    assert s.text == "县级以上人民政府应当加强领导。"
    a, b = doc.source_span(s.start, s.end)
    assert doc.source[a:b] == s.text


def test_pdf_text_layer_with_page_break_inside_a_sentence(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 11)
    c.drawString(50, 800, "某市算力券实施方案")
    c.drawString(50, 780, "一、支持措施")
    c.drawString(50, 760, "（一）发放算力券。对租用智能算力的中小企业，按照合同金额的")
    c.showPage()
    c.setFont("STSong-Light", 11)
    c.drawString(50, 800, "30%给予补贴。")
    c.save()
    doc = ingest(path)
    assert doc.format == "pdf"
    assert doc.meta.title == "某市算力券实施方案"
    assert doc.meta.doc_type == "implementation-plan"
    assert "按照合同金额的30%给予补贴。" in doc.text
    assert [p.label for p in doc.provisions if p.level == "item"] == ["（一）"]


def test_html_page(tmp_path):
    html = """<!doctype html><html><head><meta charset="utf-8"><title>某省数据条例</title>
    <link rel="canonical" href="https://example.gov.cn/reg/1"><script>var x = "第九条 不是正文";</script></head>
    <body><nav>首页 | 政策</nav><h1>某省数据条例</h1><p>第一条 为了规范数据处理活动，制定本条例。</p>
    <p>第二条 省人民政府应当加强数据工作的领导。<br>县级以上人民政府应当落实。</p><footer>版权所有</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = ingest(path)
    assert doc.meta.source_url == "https://example.gov.cn/reg/1"
    assert "不是正文" not in doc.text and "首页" not in doc.text and "版权所有" not in doc.text
    assert [p.number for p in doc.provisions if p.level == "article"] == [1, 2]
    assert [p.id.rsplit("/", 1)[1] for p in doc.provisions if p.parent and p.parent.endswith("art2")] == ["p1", "p2"]


def test_gb18030_file_is_detected(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(("黑龙江省数字经济促进条例\n\n" + ARTICLE + "\n").encode("gb18030"))
    raw = read(path)
    assert raw.encoding == "gb18030"
    assert raw.source.startswith("黑龙江省数字经济促进条例")


def test_utf8_with_bom_and_front_matter(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff---\ntitle: 某省决定\ndate: 2025-01-02\n---\n\n一、本决定自2025年3月1日起施行。\n".encode("utf-8"))
    doc = ingest(path)
    assert doc.encoding == "utf-8 with BOM"
    assert doc.meta.title == "某省决定" and doc.meta.issued == "2025-01-02"
    assert doc.meta.effective == "2025-03-01"


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 20, "binary file"),
    ("latin.txt", b"abc \x80\xff def " * 5, "undecodable bytes at byte 4"),
    ("broken.md", "---\ntitle: [unclosed\n---\n正文。".encode(), "front matter is not valid YAML"),
    ("open.md", "---\ntitle: x\n正文。".encode(), "front matter opened with '---' on line 1 is never closed"),
    ("list.md", "---\n- a\n- b\n---\n正文。".encode(), "front matter must be a mapping"),
    ("data.xlsx", b"PK\x03\x04", "unsupported file type '.xlsx'"),
    ("fake.docx", b"not a zip at all", "not a readable .docx file"),
    ("fake.pdf", b"%PDF-1.4 garbage", "PDF"),
])
def test_bad_input_raises_one_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read(path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")
