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


def _ingest(text, front, path):
    from policykg.extract.document.ingest import ingest_text
    return ingest_text(text, path=path, front=front)


def test_document_id_carries_the_adoption_year_not_the_year_it_enters_into_force():
    # lawrefbook_dlc/guangdong/河源市暴雨灾害预警与响应条例(2022-11-01).md: adopted 2022, in force 2023
    text = ("# 河源市暴雨灾害预警与响应条例\n\n2022年9月1日 河源市第八届人民代表大会常务委员会第七次会议通过\n\n"
            "2022年9月29日 广东省第十三届人民代表大会常务委员会第四十六次会议批准）\n\n<!-- INFO END -->\n\n"
            "## 第一章 总 则\n\n第三十七条 本条例自2023年1月1日起施行。\n")
    front = {"title": "河源市暴雨灾害预警与响应条例", "jurisdiction": "广东", "doc_type": "地方性法规", "date": "2022-11-01"}
    d = _ingest(text, front, "河源市暴雨灾害预警与响应条例(2022-11-01).md")
    m = d.meta
    assert (m.adopted, m.issued, m.effective) == ("2022-09-01", "2022-11-01", "2023-01-01")
    assert m.issuers == ["河源市人民代表大会常务委员会"]
    assert d.id.startswith(f"{m.jurisdiction}-2022-")
    from policykg.extract.document.metadata import document_id
    from policykg.extract.document.model import DocumentMeta
    only_in_force = DocumentMeta(title="深圳市推动数字创意产业高质量发展的若干措施", jurisdiction="shenzhen",
                                 effective="2025-08-11")
    assert document_id("x/《深圳市推动数字创意产业高质量发展的若干措施》-f2f5bec990.md", only_in_force).startswith(
        "shenzhen-2025-")                              # no other date known: the only year there is


def test_an_adoption_note_names_its_body_without_the_words_around_it():
    # lawrefbook_dlc/chongqing/酉阳土家族苗族自治县城镇管理条例(2012-12-29).md
    text = ("# 酉阳土家族苗族自治县城镇管理条例\n\n2012年11月29日 经酉阳土家族苗族自治县第十六届人民代表大会第二次会议通过\n\n"
            "2012年12月27日 重庆市第三届人民代表大会常务委员会第三十九次会议批准）\n\n<!-- INFO END -->\n\n"
            "第一条 为了加强城镇管理，制定本条例。\n")
    m = _ingest(text, {"title": "酉阳土家族苗族自治县城镇管理条例", "jurisdiction": "重庆"}, "youyang.md").meta
    assert (m.issuers, m.adopted) == (["酉阳土家族苗族自治县人民代表大会"], "2012-11-29")
    # lawrefbook_dlc/zhejiang/浙江省钱塘江管理条例(2020-11-27).md: three adoption lines the text joins into one
    text = ("# 浙江省钱塘江管理条例\n\n1997年12月31日 浙江省第八届人民代表大会常务委员会第四十二次会议通过\n\n"
            "2017年5月26日 浙江省第十二届人民代表大会常务委员会第四十一次会议《关于修改〈浙江省钱塘江管理条例〉的决定》第一次修正\n\n"
            "2020年11月27日 浙江省第十三届人民代表大会常务委员会第二十五次会议《关于修改〈浙江省水文管理条例〉等五件地方性法规的决定》第二次修正\n\n"
            "<!-- INFO END -->\n\n第一条 为加强钱塘江河道管理，制定本条例。\n")
    m = _ingest(text, {"title": "浙江省钱塘江管理条例", "jurisdiction": "浙江", "date": "2020-11-27"},
                "浙江省钱塘江管理条例(2020-11-27).md").meta
    assert (m.issuers, m.adopted, m.issued) == (["浙江省人民代表大会常务委员会"], "1997-12-31", "2020-11-27")


def test_the_issuers_a_title_is_headed_by():
    from policykg.extract.document.metadata import title_issuers
    # titles of data_compliance/local/ and data_compliance/national/ documents
    assert title_issuers("河北省人民政府办公厅关于印发河北省数字经济发展三年行动计划（2025—2027年）的通知") == ["河北省人民政府办公厅"]
    assert title_issuers("湖南省数据局等5部门印发《关于促进湖南省企业数据资源开发利用的实施方案》的通知") == ["湖南省数据局"]
    assert title_issuers("国家互联网信息办公室、公安部关于《大型网络平台个人信息保护规定（征求意见稿）》公开征求意见的通知") == [
        "国家互联网信息办公室", "公安部"]
    assert title_issuers("中共中央 国务院关于构建数据基础制度更好发挥数据要素作用的意见") == ["中共中央", "国务院"]
    for no_issuer in ("北京市关于大力发展智慧农业的实施方案（2025-2030年）", "关于加强互联网数据中心客户数据安全保护的通知",
                      "关于印发《黑龙江省公共数据资源登记实施细则（试行）》的通知"):
        assert title_issuers(no_issuer) == [], no_issuer


def test_issuers_from_the_title_resolved_each_in_its_own_jurisdiction():
    from policykg.extract.pipeline import Pipeline
    # data_compliance/local/陕西省知识产权局-陕西省工业和信息化厅关于印发《…》的通知-陕西省知识产权局-6d4b266fc2.md
    front = {"title": "陕西省知识产权局 陕西省工业和信息化厅关于印发《陕西省工业和信息化领域数据知识产权试点工作实施方案》"
                      "的通知-陕西省知识产权局", "jurisdiction": "陕西省"}
    d = Pipeline(["issuers"])(_ingest("各设区市、杨凌示范区、韩城市市场监督管理局（知识产权局）、工业和信息化局，各有关单位：\n\n"
                                      "为深入贯彻《知识产权强国建设纲要（2021—2035年）》。\n", front, "shaanxi-notice.md"))
    assert d.meta.inferred["issuers"] == "title"
    assert [(r["id"], r["label"]) for r in d.meta.issuer_actors] == [
        ("actor:shaanxi/government/ip-authority", "陕西省人民政府知识产权部门"),
        ("actor:shaanxi/government/industry-it", "陕西省人民政府工业和信息化部门")]
    # data_compliance/local/省数据局等七部门关于印发《湖北省加快发展数据标注产业建设高质量数据集实施方案》的通知-湖北省数据局-8a8c190d44.md
    front = {"title": "省数据局等七部门关于印发《湖北省加快发展数据标注产业建设高质量数据集实施方案》的通知-湖北省数据局",
             "jurisdiction": "湖北省"}
    d = Pipeline(["issuers"])(_ingest("省直有关单位，各市、州、直管市、神农架林区数据管理部门、发展改革委、科技局、经信局、财政局、"
                                      "人力资源社会保障局、国资委：\n\n现将《湖北省加快发展数据标注产业建设高质量数据集实施方案》"
                                      "印发给你们，请结合工作实际，认真组织实施。\n", front, "hubei-notice.md"))
    assert d.meta.issuers == ["省数据局"]
    assert [r["label"] for r in d.meta.issuer_actors] == ["湖北省人民政府数据主管部门"]


def test_the_front_matters_issuer_wins_over_the_title_and_the_text():
    # seeds/anhui-2025.txt: its front matter's author, its title's head and its adoption note all name an issuer
    from policykg.extract.document.metadata import infer_metadata
    m = infer_metadata({"title": "安徽省人民代表大会常务委员会关于进一步促进数字经济高质量发展的决定",
                        "author": "安徽省人民代表大会常务委员会"}, "", "",
                       ["（2025年7月10日安徽省第十四届人民代表大会常务委员会第十七次会议通过）"], [])
    assert (m.issuers, m.inferred["issuers"]) == (["安徽省人民代表大会常务委员会"], "front matter")
    m = infer_metadata({"title": "安徽省人民代表大会常务委员会关于进一步促进数字经济高质量发展的决定"}, "", "",
                       ["（2025年7月10日安徽省第十四届人民代表大会常务委员会第十七次会议通过）"], [])
    assert (m.issuers, m.inferred["issuers"], m.adopted) == (["安徽省人民代表大会常务委员会"], "title", "2025-07-10")


def test_a_signature_spells_out_the_issuer_a_title_is_headed_by():
    # data_compliance/local/自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知-通知公告-广西壮族自治区工业和信息化厅网站-9e87c9f665.md
    text = ("自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知\n\n桂工信智能〔2025〕884号\n\n"
            "各市、县（市、区）工业和信息化部门：\n\n现将《广西推动工业高质量数据集建设实施方案》印发你们，请结合实际认真组织实施。\n\n"
            "广西壮族自治区工业和信息化厅\n\n2025年11月3日\n")
    front = {"title": "自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知 - 通知公告 - 广西壮族自治区工业和信息化厅网站",
             "jurisdiction": "广西壮族自治区"}
    m = _ingest(text, front, "guangxi-notice.md").meta
    assert (m.issuers, m.inferred["issuers"], m.issued) == (["广西壮族自治区工业和信息化厅"], "title", "2025-11-03")


def test_front_matter_that_names_the_whole_country_makes_a_national_text():
    # data_compliance/national/国家突发事件总体应急预案-4c94c325d0.md: front matter jurisdiction "全国"
    text = "# 国家突发事件总体应急预案\n\n县级以上地方人民政府是本行政区域突发事件应对管理工作的行政领导机关。\n"
    m = _ingest(text, {"title": "国家突发事件总体应急预案", "jurisdiction": "全国"}, "国家突发事件总体应急预案.md").meta
    assert (m.jurisdiction, m.inferred["jurisdiction"]) == ("china", "front matter")


def test_a_place_named_inside_the_title_is_the_jurisdiction_when_nothing_else_names_one():
    # data_compliance/local/《2025年数字云南建设工作要点》-630d57f591.md: empty front matter jurisdiction, no issuer
    text = "# 2025年数字云南建设工作要点\n\n加快推进数字基础设施建设。\n"
    m = _ingest(text, {"title": "《2025年数字云南建设工作要点》", "jurisdiction": ""}, "yunnan.md").meta
    assert (m.jurisdiction, m.jurisdiction_label, m.inferred["jurisdiction"]) == ("yunnan", "云南省", "title")


# --- documents that name their jurisdiction only in the body (issue 11, item 7) ------------------

def test_a_signature_over_two_lines_names_the_place_on_its_first_line():
    # data_compliance/local/《关于加快促进数据产业高质量发展若干政策措施》-8a76751a53.md (front matter jurisdiction "")
    text = ("# 《关于加快促进数据产业高质量发展若干政策措施》\n\n"
            "各设区市发展改革委、数据主管部门、教育局、财政局、金融监管分局，赣江新区相关部门，省直有关单位：\n\n"
            "省发展改革委（省数据局）会同有关部门研究制定了《关于加快促进数据产业高质量发展若干政策措施》，现印发你们，请认真贯彻落实。\n\n"
            "江西省发展改革委 江西省教育厅 江西省财政厅\n\n"
            "国家金融监督管理总局江西监管局 中国证监会江西监管局\n\n2025年7月7日\n\n"
            "（七）加快数据基础设施建设。加快完善全省数据汇聚流通基础设施平台功能并推广应用。\n")
    m = _ingest(text, {"title": "《关于加快促进数据产业高质量发展若干政策措施》", "jurisdiction": ""}, "jx.md").meta
    assert m.issuers == ["江西省发展改革委江西省教育厅江西省财政厅", "国家金融监督管理总局江西监管局中国证监会江西监管局"]
    assert (m.jurisdiction, m.inferred["jurisdiction"], m.issued) == ("jiangxi", "issuer", "2025-07-07")


def test_a_red_header_names_the_issuer():
    # data_compliance/local/《关于推动经济高质量发展若干政策-2025年版-》-49eca0b506.md (PDF text, header run together)
    text = ("# 《关于推动经济高质量发展若干政策（2025年版）》\n\n"
            "ZJSP00 － 2025 － 0004浙江省人民政府文件浙政发〔〕号浙江省人民政府印发关于推动经济高质量发展若干政策（年版）的通知"
            "各市、县（市、区）人民政府，省政府直属各单位：\n\n现将《关于推动经济高质量发展若干政策（年版）》印发给你们。\n")
    m = _ingest(text, {"title": "《关于推动经济高质量发展若干政策（2025年版）》", "jurisdiction": ""}, "zj.md").meta
    assert (m.issuers, m.inferred["issuers"]) == (["浙江省人民政府"], "red header")
    assert m.jurisdiction == "zhejiang"


def test_a_red_header_inside_a_sentence_is_no_header():
    text = "# 关于加强数据安全的通知\n\n根据浙江省人民政府文件，各地要加强数据安全。\n"
    m = _ingest(text, {"title": "关于加强数据安全的通知", "jurisdiction": ""}, "x.md").meta
    assert (m.issuers, m.jurisdiction) == ([], None)


def test_the_line_that_reports_the_issue_names_the_issuers():
    # data_compliance/local/《深化公共数据资源开发利用若干举措》-915690deb7.md (a printed web page)
    text = ("# 《深化公共数据资源开发利用若干举措》\n\n"
            "5/9/25上午10:31中共安徽省委办公厅 安徽省人民政府办公厅印发《深化公共数据资源开发利用若干举措》_安徽省数据资源管理局\n\n"
            "近日，中共安徽省委办公厅、安徽省人民政府办公厅印发了《深化公共数据资源开发利用若干举措》，并发出通知。\n")
    m = _ingest(text, {"title": "《深化公共数据资源开发利用若干举措》", "jurisdiction": ""}, "ah.md").meta
    assert (m.issuers, m.inferred["issuers"]) == (["中共安徽省委办公厅安徽省人民政府办公厅"], "issuing line")
    assert (m.jurisdiction, m.inferred["jurisdiction"]) == ("anhui", "issuer")


def test_a_first_person_issuing_line_names_no_issuer():
    # data_compliance/national/关于进一步做好网络安全等级保护有关工作的函-c657341f41.md
    text = ("# 关于进一步做好网络安全等级保护有关工作的函\n\n"
            "2025年3月8日，我局印发了《关于进一步做好网络安全等级保护有关工作的函》（公网安〔2025〕1001号）,指导各地。\n")
    m = _ingest(text, {"title": "关于进一步做好网络安全等级保护有关工作的函", "jurisdiction": "全国"}, "x.md").meta
    assert m.issuers == []


def test_a_news_page_about_the_plan_takes_the_place_it_names_throughout():
    # data_compliance/local/《建设和运营数据基础设施三年行动计划-2025-2027年-》-3a6ed89954.md (a news page)
    text = ("# 《建设和运营数据基础设施三年行动计划（2025-2027年）》\n\n"
            "地方动态 | 辽宁省出台建设运营数据基础设施三年行动计划\n\n辽宁省数据局 国家数据局2025-06-18 21:09:21北京 手机阅读\n\n"
            "近日，辽宁省出台《建设和运营数据基础设施三年行动计划（2025-2027文章工具年）》，同步发布示范样本。\n\n"
            "下一步，辽宁省将加快推动“双链驱动”赋能样本行业转型升级。\n")
    m = _ingest(text, {"title": "《建设和运营数据基础设施三年行动计划（2025-2027年）》", "jurisdiction": ""}, "ln.md").meta
    assert (m.jurisdiction, m.inferred["jurisdiction"]) == ("liaoning", "body's dominant place")


def test_the_bodys_dominant_place_is_the_last_resort_and_one_passing_mention_is_none():
    # data_compliance/local/《数据交易安全评估指南》-74762483f4.md: a 北京 local standard (DB11)
    text = ("# 《数据交易安全评估指南》\n\n北 京 市\n\n地 方 标 准\n\n北京市市场监督管理局 发布\n\n"
            "本文件由北京市经济和信息化局提出并归口。\n\n本文件参考了上海市的做法。\n\n"
            "[12]《北京国际数据交易服务指南》\n")
    m = _ingest(text, {"title": "《数据交易安全评估指南》", "jurisdiction": ""}, "bj.md").meta
    assert (m.jurisdiction, m.inferred["jurisdiction"]) == ("beijing", "body's dominant place")
    text = "# 《数据交易服务指南》\n\n本文件给出了场内数据交易的服务原则，参考了北京市的做法。\n"
    m = _ingest(text, {"title": "《数据交易服务指南》", "jurisdiction": ""}, "x.md").meta
    assert m.jurisdiction is None


# --- titles that are no titles ---------------------------------------------------------------

def test_a_generic_front_matter_title_gives_way_to_the_title_line():
    # data_compliance/local/政策文件_-福建省数据管理局_-福建省发展和改革委员会-bedb51c0cd.md
    fm_title = "政策文件_ 福建省数据管理局_ 福建省发展和改革委员会"
    text = (f"# {fm_title}\n\n福建省数据管理局\n\n（福建省数字福建建设领导小组办公室）\n\n"
            "当前位置：首页> 专题专栏> 福建省数据管理局> 政策文件\n\n"
            "福建省数据管理局　福建省工业和信息化厅福建省通信管理局关于印发福建省有序推进算力基础设施发展若干措施的通知闽\n\n"
            "为深入贯彻落实国家关于“东数西算”的决策部署，现将《福建省有序推进算力基础设施发展若干措施》印发给你们。\n\n"
            "福建省通信管理局\n\n2025年11月21日\n\n（此件主动公开）\n\n福建省有序推进算力基础设施发展若干措施\n\n"
            "一、工作措施\n\n（一）优化算力空间布局。加快构建“一核两区多点”的全省一体化算力网络协同发展布局。\n")
    m = _ingest(text, {"title": fm_title, "jurisdiction": "福建"}, "fj.md").meta
    assert (m.title, m.inferred["title"]) == ("福建省有序推进算力基础设施发展若干措施", "title line")
    assert (m.doc_type, m.jurisdiction) == ("policy-measures", "fujian")


def test_a_web_page_title_keeps_the_piece_with_a_document_type():
    from policykg.extract.document.metadata import front_title, is_generic_title
    assert front_title("国务院关于深入实施“人工智能+”行动的意见__2025年第25号国务院公报_中国政府网") == \
        "国务院关于深入实施“人工智能+”行动的意见"
    assert front_title("中国人民银行 中国证券监督管理委员会令（〔2025〕第7号） 金融基础设施监督管理办法"
                       "__2025年第24号国务院公报_中国政府网") == "金融基础设施监督管理办法"
    assert front_title("《天津市促进智能网联汽车发展条例》通过 自2026年1月1日起施行_ 天津数港_天津市数据发展中心") == \
        "天津市促进智能网联汽车发展条例"
    assert front_title("中共中央 国务院关于构建数据基础制度更好发挥数据要素作用的意见") == \
        "中共中央国务院关于构建数据基础制度更好发挥数据要素作用的意见"
    assert is_generic_title("政策文件_ 福建省数据管理局_ 福建省发展和改革委员会")
    assert not is_generic_title("福建省有序推进算力基础设施发展若干措施")


def test_a_proclamation_of_the_document_gives_its_adoption_date_and_body():
    # data_compliance/local/《天津市促进智能网联汽车发展条例》通过-自2026年1月1日起施行_-天津数港_天津市数据发展中心-69523af699.md
    fm_title = "《天津市促进智能网联汽车发展条例》通过 自2026年1月1日起施行_ 天津数港_天津市数据发展中心"
    text = (f"# {fm_title}\n\n当前位置：首页 > 天津数港 > 正文\n\n《天津市促进智能网联汽车发展条例》通过 自2026年1月1日起施行\n\n"
            "《天津市促进智能网联汽车发展条例》已由天津市第十八届人民代表大会常务委员会第二十二次会议于2025年11月28日通过，"
            "现予公布，自2026年1月1日起施行。\n\n天津市人民代表大会常务委员会\n\n2025年11月28日\n\n第一章　总　则\n")
    m = _ingest(text, {"title": fm_title, "jurisdiction": "天津市"}, "天津条例.md")
    assert (m.meta.title, m.meta.doc_type) == ("天津市促进智能网联汽车发展条例", "regulation")
    assert (m.meta.adopted, m.meta.issuers, m.meta.effective) == ("2025-11-28", ["天津市人民代表大会常务委员会"], "2026-01-01")
    assert m.id.startswith("tianjin-2025-")
