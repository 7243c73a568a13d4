"""Citations of other documents by title, with date, issuers and co-issuer count
(extract/stages/citations.py), on real sentences from /work/shared/corpus/scale/ (file in a comment).
"""

import hashlib

from policykg.extract.stages.citations import CitationState, find_citations, is_document_title
from policykg.extract.stages.mentions import find_mentions


def citations(text: str, jurisdiction: str | None, state: CitationState | None = None):
    m = find_mentions(text, 0, len(text), jurisdiction)
    return find_citations(text, 0, len(text), m, state if state is not None else CitationState())


def test_issuer_and_number_of_co_issuing_departments():
    # data_compliance/local/青川县政务服务网-政策文件-广元市“数据要素×”重点工作方案-2025—2026年-广政数〔2025〕16号-ffbd912c78.md
    text = ("为落实省发展改革委等18部门联合印发《四川省“数据要素×”重点工作方案（2025—2026年）》和市委、市政府安排部署，"
            "加快数据资源开发利用，推动数据高水平应用，更好释放数据要素价值，特制定本方案。")
    [c] = citations(text, "sichuan")
    assert (c.start, c.end, c.title, c.date, c.issuer_count) == (18, 48, "四川省“数据要素×”重点工作方案（2025—2026年）", None, 18)
    assert [(a.id, a.label) for a in c.issuers] == [("actor:sichuan/government/development-reform", "四川省人民政府发展改革部门")]


def test_a_month_before_the_title_is_its_date_and_is_remembered():
    # data_compliance/local/《打造通用人工智能产业创新和应用高地若干政策-2.0-版-》-f84d111131.md
    text = "2023年10月印发的《打造通用人工智能产业创新和应用高地若干政策》同时废止，对已享受政策并分期执行的，按原政策规定实施。"
    state = CitationState()
    [c] = citations(text, "anhui", state)
    assert (c.title, c.date, c.issuers, c.issuer_count) == ("打造通用人工智能产业创新和应用高地若干政策", "2023-10", [], None)
    assert (state.year, state.date) == ("2023", "2023-10")


def test_a_national_issuer_before_the_title():
    # data_compliance/national/数字中国建设2025年行动方案-80dd0c6f1e.md
    text = "近日，国家数据局综合司印发了《数字中国建设2025年行动方案》（以下简称《行动方案》），要求各地区结合实际认真贯彻落实。"
    c = citations(text, None)[0]
    assert (c.start, c.end, c.title, c.date) == (14, 31, "数字中国建设2025年行动方案", None)
    assert [(a.id, a.label) for a in c.issuers] == [("actor:nda", "国家数据局")]


def test_three_laws_in_a_row_are_three_citations():
    # data_compliance/local/《湖南省气象探测设施规划建设和气象数据管理办法》-f1da1e6cf8.md (第一条, its last clauses)
    text = "根据《中华人民共和国气象法》《中华人民共和国数据安全法》《湖南省气象灾害防御条例》等法律、法规，结合本省实际，制定本办法。"
    got = citations(text, "hunan")
    assert [(c.start, c.end, c.title) for c in got] == [(2, 14, "中华人民共和国气象法"), (14, 28, "中华人民共和国数据安全法"),
                                                         (28, 41, "湖南省气象灾害防御条例")]
    assert all(c.date is None and c.issuers == [] and c.issuer_count is None for c in got)


def test_the_same_title_is_the_same_cited_document_everywhere():
    # lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md (第一条) and the Hunan sentence above
    shandong = ("为了全面实施国家大数据战略，运用大数据推动经济发展、完善社会治理、提升政府服务和管理能力，加快数字强省建设，"
                "根据《中华人民共和国数据安全法》等法律、行政法规，结合本省实际，制定本条例。")
    hunan = "根据《中华人民共和国气象法》《中华人民共和国数据安全法》《湖南省气象灾害防御条例》等法律、法规，结合本省实际，制定本办法。"
    [a] = citations(shandong, "shandong")
    b = citations(hunan, "hunan")[1]
    assert a.title == b.title == "中华人民共和国数据安全法"
    assert a.id == b.id == "cited:" + hashlib.sha1("中华人民共和国数据安全法".encode()).hexdigest()[:12]


def test_a_cited_bulletin_or_form_is_not_a_document():
    # data_compliance/local/烟台市“数据要素×”2025年行动计划-31fa4bbb10.md
    bulletin = "编发《数据要素工作动态》，及时宣传推广先进经验。"
    # data_compliance/local/东莞市地方标准-网络安全事件应急处置流程规范-征求意见稿-d0ba05406c.md
    form = "填报《网络安全事件上报表》（见附录 B）。"
    assert citations(bulletin, None) == [] and citations(form, None) == []
    assert find_mentions(bulletin, 0, len(bulletin), None).titles == [(2, 12, "数据要素工作动态")]


def test_document_titles_end_with_a_document_type():
    for title in ("中华人民共和国数据安全法", "湖南省气象灾害防御条例", "可信数据空间发展行动计划（2024—2028年）",
                  "打造通用人工智能产业创新和应用高地若干政策", "四川省“数据要素×”重点工作方案（2025—2026年）"):
        assert is_document_title(title), title
    for title in ("数据要素工作动态", "网络安全事件上报表"):
        assert not is_document_title(title), title
