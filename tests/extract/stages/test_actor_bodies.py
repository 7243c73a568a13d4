"""Round 9 actor rules on real corpus sentences (/work/shared/corpus/scale, outside the gold documents),
through find_mentions."""

from policykg.extract.stages.mentions import find_mentions


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_the_body_that_made_a_decision_is_named_by_it():
    # lawrefbook_dlc/henan/郑州市矿产资源管理条例(2020-08-05).md (作出处罚决定的机关: 42 times in corpus/scale)
    text = "当事人逾期不申请复议、不向人民法院起诉又不履行处罚决定的，由作出处罚决定的机关申请人民法院强制执行。"
    assert actors(text, "zhengzhou") == [("当事人", "当事人"), ("人民法院", "人民法院"),
                                         ("作出处罚决定的机关", "作出处罚决定的机关"), ("人民法院", "人民法院")]
    # lawrefbook_dlc/shanghai/上海市滩涂管理条例.md (作出具体行政行为的部门: 13 times)
    text = ("当事人在法定期限内不申请复议，不提起诉讼，又不履行具体行政行为的，作出具体行政行为的部门可以依据"
            "《中华人民共和国行政诉讼法》的规定，申请人民法院强制执行。")
    assert ("作出具体行政行为的部门", "作出具体行政行为的部门") in actors(text, "shanghai")


def test_a_verb_before_a_department_name_without_a_level_word_opens_the_clause():
    # lawrefbook_dlc/henan/河南省失业保险条例(2001-11-29).md (阻挠|…部门; leading words before names: 11 documents)
    assert actors("阻挠劳动保障行政部门和失业保险经办机构的工作人员依法行使检查职权，拒绝检查的；", "henan")[0] == (
        "劳动保障行政部门", "河南省人民政府劳动保障行政部门")
    # lawrefbook_dlc/zhejiang/宁波市非机动车管理条例(2019-06-13).md (取得|…部门核发的…: 24 surfaces)
    text = ("电动自行车、残疾人机动轮椅车、人力三轮车以及省人民政府规定应当注册登记的非机动车，应当按照国家和省有关规定"
            "取得公安机关交通管理部门核发的行驶证、号牌后，方可上道路行驶。")
    assert actors(text, "ningbo") == [("省人民政府", "浙江省人民政府"),
                                      ("公安机关交通管理部门", "浙江省人民政府公安机关交通管理部门")]


def test_a_one_character_verb_before_a_body_opens_the_clause_but_a_field_verb_stays():
    # lawrefbook_dlc/henan/焦作市地方立法条例(2017-04-20).md (交|法制委员会: 68 surfaces in corpus/scale)
    text = ("单独表决的条款经常务委员会会议表决后，主任会议根据单独表决的情况，可以决定将地方性法规草案表决稿交付表决，"
            "也可以决定暂不付表决，交法制委员会和有关的专门委员会进一步审议。")
    assert ("法制委员会", "法制委员会") in actors(text, "jiaozuo")
    # lawrefbook_dlc/henan/河南省优化营商环境条例(2020-11-28).md: 优化营商环境 is the department's field
    text = "县级以上人民政府优化营商环境工作主管部门对破坏营商环境的违法案件，应当及时调查处理。"
    assert actors(text, "henan") == [("县级以上人民政府优化营商环境工作主管部门",
                                      "河南省县级以上人民政府优化营商环境工作主管部门")]


def test_a_verb_whose_object_is_the_role_noun_is_no_part_of_it():
    # lawrefbook_dlc/beijing/北京市农村集体经济审计条例.md (打击报复|…: 44 surfaces began with 复)
    assert actors("打击报复审计人员，构成犯罪的，依法追究刑事责任；不构成犯罪的，给予行政处分。", "beijing") == [
        ("审计人员", "审计人员")]
    # lawrefbook_dlc/chongqing/重庆市优化营商环境条例(2021-03-31).md (平等对待|…: 15 surfaces began with 待)
    text = "本市鼓励和促进外商投资，平等对待外商投资企业，完善外商投资投诉协调工作机制，保护外商投资合法权益。"
    assert actors(text, "chongqing") == [("本市", "重庆市人民政府"), ("外商投资企业", "外商投资企业")]


def test_the_supervising_department_of_unfair_competition_laws_is_one_role():
    # lawrefbook_dlc/henan/河南省反不正当竞争条例(2010-07-30).md (监督检查部门: 93 times in 6 documents)
    text = "第五条 各行业组织应当制定行业规则，维护公平竞争，协助监督检查部门依法对不正当竞争行为进行查处。"
    assert actors(text, "henan") == [("行业组织", "行业协会"), ("监督检查部门", "监督检查部门")]
    # lawrefbook_dlc/zhejiang/浙江省医疗保障条例(2021-03-26).md: 医疗保障 is a field, not 保障 the verb
    text = ("第三十六条 医疗保障经办机构应当制定公共服务事项清单和服务指南并向社会公开，规范业务经办标准化流程，"
            "提供医疗保障相关经办服务，实行经办事项线上办理全覆盖。")
    assert actors(text, "zhejiang") == [("医疗保障经办机构", "医疗保障经办机构")]


def test_small_market_entities_and_households_are_actors():
    # lawrefbook_dlc/beijing/北京市促进私营个体经济发展条例(2016-11-25).md (个体工商户: 87 documents)
    text = "第五条 私营企业和个体工商户应当遵守诚实守信的商业道德，守法经营、依法纳税、公平竞争，接受行政机关依法进行的监督管理。"
    assert actors(text, "beijing")[:2] == [("私营企业", "私营企业"), ("个体工商户", "个体工商户")]
    # lawrefbook_dlc/chongqing/重庆市实施《农民专业合作社法》办法(2022-07-22).md (农民专业合作社: 38 documents)
    text = "第十四条 鼓励农民专业合作社开展多领域、多方式的联合与合作，实现生产、加工、销售一体化综合发展，扩大生产、经营和服务规模，提高市场竞争力。"
    assert actors(text, "chongqing") == [("农民专业合作社", "农民专业合作社")]
    # lawrefbook_dlc/chongqing/重庆市村镇供水条例(2016-11-24).md (用水户: 10 documents, 82 times)
    text = "第四十三条 因村镇供水工程施工或者供水设施检修等原因，需要临时停止供水的，供水单位应当提前二十四小时通知用水户。"
    assert actors(text, "chongqing") == [("供水单位", "供水单位"), ("用水户", "用水户")]


def test_a_bare_government_listed_with_other_actors_or_before_a_modal_is_the_documents():
    # lawrefbook_dlc/beijing/北京市实施《节约能源法》办法(2019-11-27).md (76 documents list a bare 政府 with actors)
    assert actors("节能改造费用由政府、建筑所有权人共同负担。", "beijing") == [
        ("政府", "北京市人民政府"), ("建筑所有权人", "建筑所有权人")]
    # lawrefbook_dlc/zhejiang/杭州市旅游条例(2016-12-27).md
    text = "政府及有关部门应当提供必要的指导，保障旅游志愿服务组织无偿为旅游者提供服务与帮助。"
    assert actors(text, "hangzhou")[:2] == [("政府", "杭州市人民政府"), ("有关部门", "杭州市人民政府有关部门")]
    # lawrefbook_dlc/shanghai/上海市燃气管理条例.md: the subject of 应当
    text = "燃气企业因执行燃气应急调度预案、启用燃气应急储备资源所增加的成本费用，政府应当给予适当补偿，但因燃气企业自身原因造成的除外。"
    assert ("政府", "上海市人民政府") in actors(text, "shanghai")
    # not 政府和社会资本合作 (a tool), not 政府有关部门 (the department's government), not 政府主导 (a principle)
    assert "政府" not in [t for t, _ in actors("采取项目总承包、政府和社会资本合作模式开展建设。", "beijing")]
    assert "政府" not in [t for t, _ in actors("区人民政府和政府有关部门应当按照规定执行。", "beijing")]
    assert actors("坚持政府主导、社会参与的原则。", "beijing") == []


def test_law_and_accounting_firms_and_foundations_are_categories():
    # lawrefbook_dlc/beijing/北京市地方金融监督管理条例(2021-04-16).md (律师事务所 31 documents, 会计师事务所 19)
    text = "第二十九条 地方金融监督管理部门可以根据需要聘请会计师事务所、律师事务所等专业机构协助监督检查工作，并与其签署保密协议。"
    assert actors(text, "beijing")[1:3] == [("会计师事务所", "会计师事务所"), ("律师事务所", "律师事务所")]
    # lawrefbook_dlc/henan/河南省见义勇为人员奖励和保障条例(2017-12-04).md (基金会: 40 documents)
    text = "第七条 省辖市、县（市、区）依法成立的见义勇为基金会，应当依照法律、法规和章程做好见义勇为人员奖励和保障相关工作。"
    assert [label for _, label in actors(text, "henan")] == ["基金会"]


def test_news_media_listed_with_other_actors_is_one_of_them():
    # lawrefbook_dlc/henan/濮阳市公共资源交易管理条例(2021-09-01).md (新闻媒体 between 、 and an actor: ~40 documents)
    text = "鼓励人大代表、政协委员、社会公众、新闻媒体、第三方机构对公共资源交易活动进行监督。"
    assert actors(text, "puyang") == [("人大代表", "濮阳市人民代表大会代表"), ("新闻媒体", "新闻媒体"),
                                      ("第三方机构", "第三方专业服务机构")]
    # a channel alone stays no actor
    assert actors("排污单位应当通过新闻媒体向社会公布排放情况。", "puyang") == [("排污单位", "排污单位")]


def test_a_manner_or_reason_noun_or_jishi_ends_the_phrase_before_a_role_noun():
    # lawrefbook_dlc/henan/河南省物业管理条例.md (…方式|选聘…: role-noun surfaces holding 方式 in 41 documents)
    assert actors("鼓励业主大会采用招投标方式选聘物业服务企业。", "henan") == [
        ("业主大会", "业主大会"), ("物业服务企业", "物业服务企业")]
    # lawrefbook_dlc/chongqing/重庆市非物质文化遗产条例(2012-07-26).md (…情况|回复…: not 情况回复建议人)
    text = "文化主管部门对收到的建议应当及时处理，并在二十个工作日内将处理情况回复建议人。"
    assert "情况回复建议人" not in [t for t, _ in actors(text, "chongqing")]
    # lawrefbook_dlc/henan/周口市城市绿化条例(2019-11-05).md: the stem list after …方式确定 keeps its first stem
    text = "政府投资的城市绿化工程，应当依法采取招投标方式确定设计、监理、施工单位。"
    assert actors(text, "zhoukou") == [("设计、监理、施工单位", "设计单位"), ("监理、施工单位", "监理单位"),
                                       ("施工单位", "施工单位")]


def test_an_object_verb_before_a_bare_enterprise_or_deputy_is_passed():
    # lawrefbook_dlc/henan/河南省各级人民代表大会代表视察办法(2010-07-30).md (回答|代表 8 times, 反映|代表 9)
    assert actors("代表视察时，被视察单位应认真接待，如实汇报情况，回答代表提出的问题。", "henan") == [
        ("代表", "河南省人民代表大会代表"), ("被视察单位", "被视察单位"), ("代表", "河南省人民代表大会代表")]
    # lawrefbook_dlc/henan/河南省企业负担监督管理条例(2010-07-30).md (增加|企业 25 times; 额外 an adverb before it)
    text = ("第十四条 禁止金融、邮电、铁路、供水、供电、供气、供热等公用行业或者其他依法具有独占地位的经营者利用独占经营地位，"
            "额外增加企业的费用，或限定企业购买其指定的经营者的商品（服务），或擅自提高商品（服务）价格以及要求企业无偿提供"
            "人力、物力、财力。")
    assert [t for t, _ in actors(text, "henan")] == ["经营者", "企业", "企业", "经营者", "企业"]
