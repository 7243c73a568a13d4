"""Document types from the title's suffix (ontology/doctypes.py)."""


def test_doc_type_from_title_suffix():
    from policykg.ontology.doctypes import title_doc_type
    assert title_doc_type("天津市算力券实施方案（试行）") == ("implementation-plan", "实施方案")
    assert title_doc_type("上海市数据条例") == ("regulation", "条例")
    assert title_doc_type("关于促进数据标注产业高质量发展的实施意见") == ("opinion", "实施意见")
    assert title_doc_type("数字经济发展研究")[0] is None
