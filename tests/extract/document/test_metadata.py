"""Document metadata from front matter and from the text."""


def test_anhui_from_front_matter_and_text(seed_docs):
    m = seed_docs["anhui-2025"].meta
    assert m.title == "安徽省人民代表大会常务委员会关于进一步促进数字经济高质量发展的决定"
    assert m.doc_type == "decision"
    assert m.issuers == ["安徽省人民代表大会常务委员会"]
    assert (m.adopted, m.issued, m.effective) == ("2025-07-10", "2025-07-12", "2025-10-01")
    assert m.status == "有效"
    assert m.source_url == "https://flk.npc.gov.cn/detail?id=ff80818198a7eafa0198ad06a19931cb"
    assert m.jurisdiction == "anhui" and m.jurisdiction_label == "安徽省"
    assert m.inferred["adopted"] == "adoption note"


def test_heilongjiang_inferred_from_text(seed_docs):
    m = seed_docs["heilongjiang-2024"].meta
    assert m.title == "黑龙江省数字经济促进条例"
    assert m.doc_type == "regulation"
    assert m.adopted == "2024-12-19"
    assert m.issuers == ["黑龙江省人民代表大会常务委员会"]
    assert m.effective == "2025-03-01"
    assert m.inferred["effective"] == "commencement clause"
    assert m.jurisdiction == "heilongjiang"


def test_jiangsu_issuer_and_date_from_signature(seed_docs):
    m = seed_docs["jiangsu-2025"].meta
    assert m.issuers == ["江苏省人民政府办公厅"]
    assert m.issued == "2025-04-11"
    assert m.doc_type == "action-plan"
    assert m.jurisdiction == "jiangsu"


def test_report_issuer_and_date(seed_docs):
    m = seed_docs["huaxin-report-2025"].meta
    assert m.title == "“十五五”区域数字经济发展研究报告"
    assert m.issuers == ["华信咨询设计研究院有限公司"]
    assert m.issued == "2025-12-30"
    assert m.doc_type == "report"
    assert m.jurisdiction is None


def test_document_id_from_slug_or_region_year_hash():
    from policykg.extract.document.metadata import document_id
    from policykg.extract.document.model import DocumentMeta
    assert document_id("seeds/heilongjiang-2024.txt", DocumentMeta()) == "heilongjiang-2024"
    m = DocumentMeta(title="上海市数据条例", jurisdiction="shanghai", adopted="2021-11-25")
    did = document_id("scale/上海市数据条例(2021-11-25).md", m)
    assert did.startswith("shanghai-2021-") and len(did) == len("shanghai-2021-") + 6
    assert did == document_id("elsewhere/上海市数据条例(2021-11-25).md", m)     # same file name, same id
    amended = DocumentMeta(title="上海市数据条例", jurisdiction="shanghai", adopted="2021-11-25", issued="2024-06-01")
    assert document_id("scale/上海市数据条例(2024-06-01).md", amended).startswith("shanghai-2024-")
