"""Role nouns by head on real corpus sentences (/work/shared/corpus/scale, outside the gold documents):
kinds of organisation headed by 组织 and the agents of a tool (执法|人员), through find_mentions."""

from policykg.extract.stages.mentions import find_mentions


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label, a.cls) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_a_kind_of_organisation_heads_a_subject():
    # lawrefbook_dlc/shandong/山东省地方金融条例(2016-03-30).md
    assert actors("地方金融组织应当配合地方金融监管机构进行检查，不得拒绝、阻碍。", "shandong") == [
        ("地方金融组织", "地方金融组织", "SocialOrganization"),
        ("地方金融监管机构", "地方金融监管机构", "SocialOrganization")]


def test_organise_as_a_verb_is_no_head():
    # data_compliance/national/工业互联网安全分类分级管理办法-f15b972e9e.md (第十四条): 定期|组织 opens a verb phrase
    assert actors("第十四条 工业和信息化部建立健全工业互联网安全检查评估机制，定期组织开展对工业互联网企业的安全检查评估。",
                  None) == [("工业和信息化部", "工业和信息化部", "Department"), ("工业互联网企业", "企业", "Enterprise")]


def test_the_agents_of_a_tool_are_actors():
    # lawrefbook_dlc/henan/安阳市城市管理综合执法条例(2017-06-26).md (第六条)
    assert actors("第六条 城管执法人员应当取得行政执法资格。", "henan") == [
        ("城管执法人员", "城管执法人员", "Individual")]
    # lawrefbook_dlc/zhejiang/浙江省中医药条例(2021-09-30).md
    assert actors("县级以上人民政府应当发挥政府产业基金的引导作用，鼓励社会资本设立中医药产业投资基金，"
                  "推动融资担保机构为中医药事业提供担保服务。", "zhejiang") == [
        ("县级以上人民政府", "浙江省县级以上人民政府", "GovernmentBody"),
        ("社会资本", "社会资本", "FinancialInstitution"),
        ("融资担保机构", "融资担保机构", "FinancialInstitution")]


def test_schools_and_the_media_act_as_the_subject_of_a_duty_only():
    # lawrefbook_dlc/zhejiang/湖州市电梯使用安全条例(2018-04-01).md
    assert actors("学校、幼儿园应当将电梯使用安全知识作为安全教育的重要内容。", "zhejiang") == [
        ("学校", "学校", "PublicInstitution"), ("幼儿园", "幼儿园", "PublicInstitution")]
    # lawrefbook_dlc/guangdong/汕头经济特区消防条例(2022-12-30).md
    assert actors("广播、电视、报刊、网络等媒体应当无偿开展社会消防安全宣传教育，刊播消防安全公益广告。", "guangdong") == [
        ("广播、电视、报刊、网络等媒体", "新闻媒体", "SocialOrganization")]      # the kinds before 等 are its surface
    # lawrefbook_dlc/henan/洛阳市中小学校学生人身伤害事故预防与处理条例(2008-12-23).md: a place
    assert actors("在学校周边施工的单位和个人，应当采取安全防护措施，保证施工安全。", "henan") == [
        ("单位", "单位", "SocialOrganization"), ("个人", "个人", "Individual")]
    # lawrefbook_dlc/guangdong/广东省固体废物污染环境防治条例(2022-11-30).md: places in a list before 等
    text = "与学校、医院、集中居住区等环境敏感目标应当保持防护距离。"
    assert [a for a in actors(text, "guangdong") if a[0] == "学校"] == []


def test_peoples_organisations_by_name_and_abbreviation():
    # lawrefbook_dlc/henan/河南省体育发展条例(2009-11-27).md
    assert actors("工会、共青团、妇联、残联等社会团体应当根据各自特点组织开展体育活动。", "henan") == [
        ("工会", "工会", "SocialOrganization"), ("共青团", "共产主义青年团", "SocialOrganization"),
        ("妇联", "妇女联合会", "SocialOrganization"), ("残联", "残疾人联合会", "SocialOrganization"),
        ("社会团体", "社会组织", "SocialOrganization")]


def test_the_genus_of_a_definition_is_no_actor():
    # lawrefbook_dlc/zhejiang/浙江省高新技术促进条例(2021-09-30).md: the defined term stays, the closing 的企业 goes
    text = "本条例所称的高新技术企业，是指按照国家规定认定并取得高新技术企业证书的企业。"
    found = [(a.start, a.text) for a in find_mentions(text, 0, len(text), "zhejiang").actors]
    assert (6, "高新技术企业") in found and not any(s == len(text) - 3 for s, _ in found)


def test_a_preposition_or_a_verb_before_a_role_noun_opens_the_clause_not_the_noun():
    # lawrefbook_dlc/beijing/北京市信访条例.md: 报送|至|交办机关
    assert actors("人民政府及其工作部门对交办的信访事项应当在指定的期限内将办理结果报送至交办机关；", "beijing")[-1] == (
        "交办机关", "交办机关", "GovernmentBody")
    # lawrefbook_dlc/zhejiang/浙江省促进科技成果转化条例(2021-09-30).md: 从|研究开发机构
    assert [t for t, _, _ in actors("县级以上人民政府可以从研究开发机构、高等院校、职业技术学校等单位中选派科技特派员。",
                                    "zhejiang")][:2] == ["县级以上人民政府", "研究开发机构"]
    # lawrefbook_dlc/beijing/北京市外商投资条例(2024-05-31).md: 享受|外商投资企业
    assert actors("投资性公司在本市投资设立的企业，按照国家有关规定享受外商投资企业待遇。", "beijing")[-1] == (
        "外商投资企业", "外商投资企业", "Enterprise")
    # lawrefbook_dlc/shandong/青岛市实施《献血法》若干规定(2020-01-15).md: 本市以外|医疗机构
    assert actors("在本市献血的献血者，本人及其亲属在本市以外医疗机构就医的，血站应当及时为其办理报销手续。",
                  "qingdao")[-2:] == [("医疗机构", "医疗卫生机构", "PublicInstitution"), ("血站", "血站", "PublicInstitution")]
    # lawrefbook_dlc/zhejiang/杭州市城市地下管线建设管理条例(2008-12-10).md: 到|市政设施行政主管部门 (a name by pattern)
    assert [t for t, _, _ in actors("建设城市地下管线时需要占用或者开挖道路的，管线建设单位应当依照有关规定到市政设施行政主管部门"
                                    "和公安机关交通管理部门办理城市道路占用、挖掘审批手续。", "hangzhou")][:2] == [
        "管线建设单位", "市政设施行政主管部门"]
    # …but a term keeps its first character (从业人员, 经营者)
    assert [t for t, _, _ in actors("经营者应当对从业人员进行培训。", "beijing")] == ["经营者", "从业人员"]


def test_a_level_word_stays_in_a_role_noun_and_a_protected_site_is_no_actor():
    # lawrefbook_dlc/henan/河南省企业集体合同条例(1999-09-24).md: 县级以上 stays (ANNOTATION.md keeps the level)
    assert actors("县级以上工会组织应当协助同级劳动行政部门处理签订集体合同发生的争议。", "henan")[0] == (
        "县级以上工会组织", "河南省县级以上工会组织", "SocialOrganization")
    # lawrefbook_dlc/shandong/聊城市文物保护管理条例(2021-07-30).md: 文物保护单位 designates a site
    assert actors("鼓励具备开放条件的文物保护单位向公众开放，提供展览展示服务。", "liaocheng") == []


def test_a_government_before_a_data_department_is_no_owner_of_data():
    # data_compliance/local/湖南省数据条例-湖南省人民政府门户网站-ac3c377234.md (第十四条): 人民政府|数据主管部门
    # is one department (人民政府数据 would be the government's data)
    assert actors("第十四条 省人民政府数据主管部门应当会同有关部门制定省公共数据分类分级规则。", "hunan")[:2] == [
        ("省人民政府数据主管部门", "湖南省人民政府数据主管部门", "Department"),
        ("有关部门", "湖南省人民政府有关部门", "Department")]


def test_the_verb_lianhe_stops_a_role_noun_but_not_before_the_name_lianheguo():
    # lawrefbook_dlc/zhejiang/浙江省促进科技成果转化条例(2021-09-30).md: 联合|国内外研究开发机构 (the verb)
    text = "支持以优势企业为主体，联合国内外研究开发机构、高等院校和其他企业事业单位共同建设国际科技合作基地。"
    assert "国内外研究开发机构" in [t for t, _, _ in actors(text, "zhejiang")]
    # 联合国 begins a name (the only corpus sentences with 联合国…组织 are in gold documents, so this one is made up)
    assert [t for t, _, _ in actors("积极与联合国教科文组织等开展合作。", None)] == ["联合国教科文组织"]


def test_a_field_term_a_department_name_begins_inside_is_part_of_its_surface():
    # data_compliance/local/《河南省公共数据资源登记管理实施细则-试行-》征求意见-62ab095232.md: 公共数据|主管部门 is the
    # data authority (数据主管部门) named with its field, not a domain beside the department
    text = ("各省辖市（含济源示范区、航空港区）公共数据主管部门负责本行政区域内公共数据资源登记工作，"
            "并接受上级公共数据主管部门的指导和监督。")
    m = find_mentions(text, 0, len(text), "henan")
    assert [(a.text, a.label) for a in m.actors][0] == ("公共数据主管部门", "河南省人民政府数据主管部门")
    assert [h.text for h in m.domains] == ["公共数据"]           # …公共数据资源登记工作: the field in the clause


def test_a_free_trade_zone_body_is_named_whole_with_its_bracketed_place():
    # data_compliance/local/《浦东新区促进气象数据要素市场化发展若干规定》-24710544ed.md: 自由 is no stop word 由,
    # and 中国（上海） opens the name
    text = "区气象主管机构配合中国（上海）自由贸易试验区管理委员会等单位制定自贸试验区气象数据跨境流动负面清单。"
    assert actors(text, "shanghai") == [
        ("区气象主管机构", "上海市区人民政府气象主管机构", "Department"),
        ("中国（上海）自由贸易试验区管理委员会", "中国（上海）自由贸易试验区管理委员会", "Department")]


def test_a_provider_of_a_service_or_platform_keeps_its_long_field():
    # data_compliance/national/《互联网军事信息传播管理办法》-9a6abac31a.md: the modifier is counted before 服务提供者
    text = ("军事账号核验通过后，互联网军事信息服务提供者应当在账号信息页面加注专门标识，"
            "并于30日内将账号有关情况按照属地管理原则，报送所在地网信部门。")
    assert actors(text, "china")[0] == ("互联网军事信息服务提供者", "互联网军事信息服务提供者", "Enterprise")
    # …国家互联网信息办公室、公安部关于《大型网络平台个人信息保护规定-征求意见稿-》…-956a17d58d.md: 影响 opens the clause
    text = ("（二）发现系统、网络产品和服务等存在影响大型网络平台服务提供者履行个人信息保护义务的安全缺陷、漏洞等风险的，"
            "应当立即采取补救措施。")
    assert [a[0] for a in actors(text, "china")] == ["大型网络平台服务提供者"]


def test_an_agent_noun_in_zhe_is_no_part_of_the_tool_it_names_and_di_san_is_no_count():
    # lawrefbook_dlc/zhejiang/浙江省实施《消费者权益保护法》办法(2017-03-31).md: 交易平台 is a tool, 提供者 its agent;
    # 第三 is an ordinal, not a count that ends the modifier (not 第三方 + 方网络交易平台提供者)
    text = ("第二十四条 第三方网络交易平台提供者应当按照规定要求建立并实施平台交易规则、交易安全保障、"
            "消费者投诉快速处理、信用评价、商品或者服务质量监控等管理制度。")
    assert actors(text, "zhejiang")[0] == ("第三方网络交易平台提供者", "第三方网络交易平台提供者", "Enterprise")


def test_suo_you_before_quan_is_ownership_not_all():
    # lawrefbook_dlc/zhejiang/宁波市电梯安全条例(2020-10-10).md
    text = "第二十三条 电梯所有权人应当承担电梯改造、修理、更新、维护保养、检验、检测、日常运行、保险等相关费用。"
    assert [a[0] for a in actors(text, "zhejiang")] == ["电梯所有权人"]
    assert actors("所有人员应当遵守安全规定。", "zhejiang") == []          # 所有 = all: still a determiner



def test_a_unit_dispatched_by_a_named_body_is_one_body():
    # data_compliance/national/中国人民银行业务领域网络安全事件报告管理办法-a2e725d391.md
    text = "在保障报告时效性前提下，证券、期货、基金机构发生网络安全事件时，经中国证监会派出机构转通报同级中国人民银行分支机构。"
    assert [a[:2] for a in actors(text, "china")][-2:] == [
        ("中国证监会派出机构", "中国证监会派出机构"), ("中国人民银行分支机构", "中国人民银行分支机构")]
    # …及其派出机构: the body and its unit stay two actors
    assert [a[0] for a in actors("由国家能源局及其派出机构负责监管。", "china")] == ["国家能源局", "派出机构"]


def test_the_parties_to_a_contract_act_only_as_the_subject_of_a_duty():
    # lawrefbook_dlc/shandong/济南市农村四荒资源开发管理条例(2010-11-25).md
    assert actors("第二十四条 合同期满，双方应当依法办理合同终止手续，并注销有关证书。", "jinan") == [
        ("双方", "双方", "Individual")]
    # 明确双方的权利: no subject, no actor
    assert [a[0] for a in actors("双方应当以书面形式订立加盟协议，明确双方的权利和义务。", "jinan")] == ["双方"]


def test_an_association_named_by_its_field_is_one_organisation():
    # lawrefbook_dlc/shandong/潍坊市物业管理条例(2022-01-21).md: 物业|行业协会 is one organisation's name
    text = "物业行业协会应当监测并定期公布物业服务成本信息和计价规则，供业主和物业服务人协商物业费时参考。"
    assert actors(text, "weifang")[0] == ("物业行业协会", "物业行业协会", "SocialOrganization")
    # lawrefbook_dlc/guangdong/广东省大气污染防治条例(2022-11-30).md: a verb before the kind is no part of a name
    text = "编制大气环境质量限期达标规划和持续达标及提升规划，应当征求有关行业协会、企业事业单位、专家和公众等方面的意见。"
    assert [a[0] for a in actors(text, "guangdong")] == ["行业协会", "企业事业单位"]


def test_zu_zhi_before_the_verb_of_a_procedure_names_the_body():
    # lawrefbook_dlc/henan/河南省实施《城乡规划法》办法(2010-07-30).md: 组织编制|机关 (137 times in the corpus)
    assert actors("编制城乡规划，关系群众切身利益的，组织编制机关应当组织听证。", "henan") == [
        ("组织编制机关", "组织编制机关", "GovernmentBody")]
    # …but 组织 stays a verb after a government (省人民政府组织编制全省规划)
    assert [a[0] for a in actors("省人民政府组织编制全省城镇体系规划。", "henan")] == ["省人民政府"]


def test_yuan_names_a_post_after_its_work_and_before_a_predicate():
    # data_compliance/local/天津市促进智能网联汽车发展条例-征求意见稿-8e2a03c656.md
    text = ("第三十七条 【行车安全】智能网联汽车发生故障，驶出可以通行的区域、道路，或者出现其他可能影响交通安全的情形，"
            "驾驶人或者安全员应当采取人工接管、开启危险警示灯、降低行驶速度等措施降低事故风险。")
    assert [a[:2] for a in actors(text, "tianjin")] == [("驾驶人", "驾驶人"), ("安全员", "安全员")]
    # 调解员 qualifying a noun (调解员名册) is no actor; 人员, 成员, 公务员 are not made by this head
    assert actors("第三十九条 商事调解组织应当将调解规则、调解员名单、收费标准报送司法行政部门。", "tianjin")[1:] == [
        ("司法行政部门", "天津市人民政府司法行政部门", "Department")]
    assert actors("公务员应当遵守纪律。", "tianjin") == []


def test_clause_words_before_an_agent_noun_or_a_name_stay_outside_it():
    # lawrefbook_dlc/chongqing/重庆市合同格式条款监督条例(2010-07-30).md: the tool 法规 and the verb 扩大 are no part of 经营者
    assert actors("违反法律、法规扩大经营者的其他权利。", "chongqing") == [("经营者", "经营主体", "Enterprise")]
    # lawrefbook_dlc/zhejiang/浙江省水上交通安全管理条例(2021-11-25).md: 第三者 of an insurance is no party (第三 stays a count
    # before 者; only 第三方 is kept whole)
    text = "鼓励从事营业性运输的船舶的所有人或者经营人投保第三者责任险和危险货物承运人责任险。"
    assert [a[0] for a in actors(text, "zhejiang")][:2] == ["所有人", "经营人"]
    assert "投保第三者" not in [a[0] for a in actors(text, "zhejiang")]
    # lawrefbook_dlc/guangdong/广东省城镇房屋租赁条例(2021-09-29).md: other ordinals stay in the noun (第三人, 第一责任人)
    assert [a[0] for a in actors("擅自将房屋转租或者转借给第三人的；", "guangdong")] == ["第三人"]
    # lawrefbook_dlc/shandong/潍坊市会展业促进条例(2019-06-03).md: 加入 opens the association's name
    text = "鼓励本市品牌会展、会展企业、会展场馆获得国际认证，加入国际展览业协会等国际知名会展业组织。"
    assert "国际展览业协会" in [a[0] for a in actors(text, "weifang")]


def test_lao_dong_bao_zhang_is_a_field_not_the_verb_bao_zhang():
    # lawrefbook_dlc/zhejiang/浙江省劳动保障监察条例(2020-09-24).md
    text = "劳动保障监察员应当严格遵守工作纪律，不得泄露举报人的有关情况和被检查单位的商业秘密。"
    assert actors(text, "zhejiang")[0][:2] == ("劳动保障监察员", "劳动保障监察员")
    assert actors("保障企业合法权益。", "henan") == [("企业", "企业", "Enterprise")]


def test_a_city_listed_before_a_county_department_names_the_city_government_s_department():
    # lawrefbook_dlc/shandong/山东省城乡规划条例(2018-09-21).md (the build stopped on a KeyError here)
    text = "城市、县城乡规划主管部门负责本行政区域内的城乡规划管理工作。"
    assert [(t, label) for t, label, _ in actors(text, "shandong")] == [
        ("城市、县城乡规划主管部门", "山东省设区的市级人民政府城乡规划主管部门"),
        ("县城乡规划主管部门", "山东省县级人民政府城乡规划主管部门")]
