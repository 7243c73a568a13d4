"""Citations of other documents by title, with date, issuers and co-issuer count
(extract/stages/citations.py), on real sentences from /work/shared/corpus/scale/ (file in a comment).
"""

import hashlib

from policykg.extract.stages.citations import CitationState, find_citations, is_document_title, is_own_title
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


def _issuers(c):
    return [(a.id, a.label) for a in c.issuers]


def test_an_issuer_written_in_a_cited_title_is_scoped_to_its_own_jurisdiction():
    # data_compliance/local/青岛市大数据发展管理局关于印发《青岛市公共数据资源授权运营实施细则》的通知-0afe3b0675.md
    # (第一条): a Qingdao document cites a national, a provincial and a municipal notice
    text = ("第一条 为贯彻《国家发展改革委、国家数据局关于印发〈公共数据资源授权运营实施规范（试行）〉的通知》"
            "《山东省大数据局关于印发〈山东省公共数据资源授权运营管理办法（试行）〉的通知》"
            "《青岛市人民政府办公厅关于印发〈青岛市公共数据资源授权运营实施方案〉的通知》等文件要求，"
            "进一步规范公共数据资源授权运营工作，推进公共数据资源开发利用，促进释放数据要素价值，制定本实施细则。")
    national, province, city = citations(text, "qingdao", CitationState(jurisdiction="qingdao"))
    assert _issuers(national) == [("actor:ndrc", "国家发展和改革委员会"), ("actor:nda", "国家数据局")]
    assert _issuers(province) == [("actor:shandong/government/data-authority", "山东省人民政府数据主管部门")]
    assert _issuers(city) == [("actor:qingdao/government-office", "青岛市人民政府办公厅")]
    assert not any(c.self_reference for c in (national, province, city))


def test_a_jointly_issued_title_gives_both_issuers_each_of_its_own_level():
    # data_compliance/local/《关于加快湖南省公共数据资源开发利用的实施意见》-a5326057a8.md
    text = "为深入贯彻落实《中共中央办公厅 国务院办公厅关于加快公共数据资源开发利用的意见》（中办发〔2024〕67号），加快我省公共数据资源开发利用，"
    [c] = citations(text, "hunan", CitationState(jurisdiction="hunan"))
    assert c.title == "中共中央办公厅 国务院办公厅关于加快公共数据资源开发利用的意见"
    assert [a.label for a in c.issuers] == ["中共中央办公厅", "国务院办公厅"]
    assert c.issuers[0].jurisdiction is None and c.issuers[1].id == "actor:state-council-office"


def test_a_short_name_in_brackets_is_no_second_citation():
    # data_compliance/national/数字中国建设2025年行动方案-80dd0c6f1e.md
    text = "近日，国家数据局综合司印发了《数字中国建设2025年行动方案》（以下简称《行动方案》），要求各地区结合实际认真贯彻落实。"
    assert [c.title for c in citations(text, None)] == ["数字中国建设2025年行动方案"]


def test_the_documents_own_title_names_no_other_document():
    # data_compliance/local/北京市政务服务和数据管理局关于印发《北京市公共数据资源登记管理实施细则》的通知_政策文件_北京市政务服务和数据管理局-07b967759f.md
    # (the source drops 北 from the last title): 我局制定了《…》 is the document being issued
    text = ("为规范本市公共数据资源登记工作，根据《公共数据资源登记管理暂行办法》（发改数据规〔2025〕26号）以及"
            "《中共北京市委办公厅北京市人民政府办公厅关于加快北京市公共数据资源开发利用的实施意见》（京办发〔2025〕5号）"
            "有关要求，结合本市实际，我局制定了《京市公共数据资源登记管理实施细则》。")
    got = citations(text, "beijing", CitationState(jurisdiction="beijing"))
    assert [(c.title, c.self_reference) for c in got] == [
        ("公共数据资源登记管理暂行办法", False),
        ("中共北京市委办公厅北京市人民政府办公厅关于加快北京市公共数据资源开发利用的实施意见", False),
        ("京市公共数据资源登记管理实施细则", True)]
    assert [a.label for a in got[1].issuers] == ["中共北京市委办公厅", "北京市人民政府办公厅"]
    # data_compliance/local/省数据局等七部门关于印发《湖北省加快发展数据标注产业建设高质量数据集实施方案》的通知-湖北省数据局-8a8c190d44.md
    notice = "现将《湖北省加快发展数据标注产业建设高质量数据集实施方案》印发给你们，请结合工作实际，认真组织实施。"
    assert [c.self_reference for c in citations(notice, "hubei")] == [True]
    # data_compliance/national/网络数据安全管理条例-177ad90123.md (the State Council's decree)
    decree = "《网络数据安全管理条例》已经2024年8月30日国务院第40次常务会议通过，现予公布，自2025年1月1日起施行。"
    assert [c.self_reference for c in citations(decree, "china")] == [True]


def test_a_title_is_the_documents_own_when_its_notice_issues_it():
    own = "省数据局等七部门关于印发《湖北省加快发展数据标注产业建设高质量数据集实施方案》的通知"
    assert is_own_title("湖北省加快发展数据标注产业建设高质量数据集实施方案", own)
    assert is_own_title("湖北省加快发展数据标注产业建设高质量数据集实施方案", "湖北省加快发展数据标注产业建设高质量数据集实施方案")
    assert not is_own_title("湖北省数据条例", "湖北省数据条例实施办法") and not is_own_title("湖北省数据条例", None)


def test_a_self_reference_is_a_record_of_the_document_itself_in_the_graph():
    from policykg.extract.pipeline import run
    from policykg.graph.kg import document_graph
    # data_compliance/local/省数据局等七部门关于印发《…》的通知-湖北省数据局-8a8c190d44.md: the notice and the
    # first sentence of what it issues
    doc = run("现将《湖北省加快发展数据标注产业建设高质量数据集实施方案》印发给你们，请结合工作实际，认真组织实施。\n"
              "为贯彻落实国家发展改革委等部门印发《关于促进数据标注产业高质量发展的实施意见》，加快推进数据标注产业发展"
              "和高质量数据集建设，抢占人工智能发展制高点，现制定本方案。\n",
              path="hubei-notice.txt",
              front={"title": "省数据局等七部门关于印发《湖北省加快发展数据标注产业建设高质量数据集实施方案》的通知"})
    [own, other] = doc.layers["citations"]
    assert (own.self_reference, other.self_reference) == (True, None)
    assert own.to_json()["self_reference"] is True and "self_reference" not in other.to_json()
    kg = document_graph(doc, list(doc.records()))
    cited = [n.attrs["dcterms:title"] for n in kg.nodes.values() if n.attrs.get("pkg:cited")]
    assert cited == ["关于促进数据标注产业高质量发展的实施意见"]


def test_guillemets_mark_a_title_like_book_title_marks():
    # data_compliance/local/《上海市具身智能产业发展实施方案》-425a3ea9b2.md writes titles in «»: the
    # normalized text has 《》, so the title is no domain mention; it is the document's own title
    from policykg.chars import normalize_label
    text = normalize_label("«上海市具身智能产业发展实施方案»已经市政府同意,现印发给你们,请认真按照执行.")
    assert text.startswith("《上海市具身智能产业发展实施方案》已经市政府同意，现印发给你们，")
    m = find_mentions(text, 0, len(text), "shanghai")
    assert m.titles == [(0, 17, "上海市具身智能产业发展实施方案")] and m.domains == []
    [c] = citations(text, "shanghai")
    assert (c.title, c.self_reference) == ("上海市具身智能产业发展实施方案", True)
