"""Productive instrument names (extract/stages/instruments.py), on real sentences of the scale corpus.

Each sentence is quoted from the file of /work/shared/corpus/scale/ named in a comment, as the
pipeline sees it (normalized, without its article number).
"""

from policykg.extract.stages.mentions import find_mentions


def found(text: str, jurisdiction: str | None = None):
    m = find_mentions(text, 0, len(text), jurisdiction)
    return [(h.text, h.concept.key) for h in m.instruments], [h.text for h in m.domains]


def test_a_licence_keeps_its_name_and_the_verb_before_it_stays_out():
    # lawrefbook_dlc/shandong/淄博市烟草专卖管理办法(2020-09-28).md
    assert found("零售烟草制品，应当依法取得烟草专卖零售许可证。")[0] == [
        ("烟草专卖零售许可证", "administrative-licensing")]


def test_a_pool_is_named_after_the_determiner_and_absorbs_an_actor_running_into_it():
    # lawrefbook_dlc/henan/河南省城市房地产开发经营管理条例(2010-07-30).md
    inst, _ = found("房地产开发主管部门应当建立房地产开发项目库，为房地产开发企业选择房地产开发项目提供服务。", "henan")
    assert inst == [("房地产开发项目库", "major-project-list")]
    # data_compliance/local/烟台市“数据要素×”2025年行动计划-31fa4bbb10.md: 全市 is a determiner, 数据企业 an
    # actor the name runs over
    inst, _ = found("加强市场经营主体培育，围绕数据“采存算管用”，建立全市数据企业库，梯度培育一批数据企业。")
    assert inst == [("数据企业库", "enterprise-pool")]


def test_a_field_inside_a_carrier_is_no_domain_but_the_fields_listed_before_it_are():
    # data_compliance/local/《贵州省鼓励数据产业发展的若干政策-试行-》-4e1aca813e.md
    inst, dom = found("围绕数据标注、信创、大模型、算力、数据安全、数字文创等细分领域，支持建设数智产业园。")
    assert inst == [("数智产业园", "industrial-park")]
    assert dom == ["数据标注", "信创", "大模型", "算力", "数据安全"]
    # data_compliance/local/《武汉市促进人工智能产业发展若干政策措施有关条款资金管理办法-试行-》-d20e319745.md
    inst, dom = found("遴选第三方服务机构组织算力服务券发放；")
    assert inst == [("算力服务券", "compute-voucher")] and dom == []


def test_a_regime_with_a_name_is_an_instrument_and_its_topic_stays_a_field():
    # lawrefbook_dlc/shandong/山东省水资源条例(2017-09-30).md: 使用权 is a noun, 转让 part of the regime's name
    inst, _ = found("建立健全水资源使用权确权登记和水权交易转让制度，推进区域、行业和用水户水资源确权登记和水权交易。", "shandong")
    assert inst[:2] == [("水资源使用权确权登记", "registration"), ("水权交易转让制度", "institutional-rule")]
    # data_compliance/national/中华人民共和国个人信息保护法-eba47ff909.md
    inst, dom = found("国家建立健全个人信息保护制度，预防和惩治侵害个人信息权益的行为。")
    assert inst == [("个人信息保护制度", "institutional-rule")]
    assert dom[0] == "个人信息保护"


def test_a_generic_head_alone_or_after_a_verb_is_no_instrument():
    # lawrefbook_dlc/zhejiang/浙江省绿色建筑条例(2020-09-24).md: …等管理制度 has no name
    assert found("（一）节能、节水、室内外环境维护等管理制度完备；")[0] == []
    # data_compliance/local/《江西省公共数据资源登记管理实施细则》的通知-6becab0a02.md: 受理 governs 登记
    assert [t for t, _ in found("有以下情形之一的应作出不予受理登记决定，并及时向登记主体说明理由：")[0]] == []
    # 高标准 is an adjective
    assert found("对接国际高标准经贸规则。")[0] == []


def test_a_carrier_named_after_a_tool_is_one_platform():
    # data_compliance/local/湖南省数据条例-湖南省人民政府门户网站-ac3c377234.md
    inst, _ = found("登记机构依托省公共数据资源登记平台，开展公共数据资源登记工作。", "hunan")
    assert inst == [("省公共数据资源登记平台", "public-service-platform"),
                    ("公共数据资源登记", "data-asset-registration")]


def test_a_quoted_name_before_a_campaign_or_contest_is_part_of_it_but_a_plan_is_no_tool():
    # data_compliance/local/烟台市“数据要素×”2025年行动计划-31fa4bbb10.md
    assert found("做好参赛作品的指导培训，选拔优秀作品参与省赛国赛，办好2025年“数据要素×”大赛。")[0] == [
        ("“数据要素×”大赛", "competition")]
    # data_compliance/national/教育部等九部门关于加快推进教育数字化的意见-ce02489ae5.md
    assert found("持续实施“慕课出海”行动，推动与国外知名高校共建高水平课程。")[0] == [("“慕课出海”行动", "action-plan")]
    assert found("制定实施“人工智能+”行动计划，推动人工智能赋能新型工业化。")[0] == []


def test_a_generic_name_makes_no_regime():
    # seeds/huaxin-report-2025.txt
    assert found("提出适应平台经济发展规律，建立健全规则制度，优化平台经济发展环境。")[0] == []


def test_a_procedure_named_in_front_of_its_head_is_an_instrument():
    # lawrefbook_dlc/zhejiang/浙江省消防条例(2021-11-25).md: 审查 and 验收 take the name in front of them
    inst, _ = found("按照国家有关规定对特殊建设工程进行消防设计审查和消防验收，对备案的其他建设工程进行抽查；", "zhejiang")
    assert inst == [("消防设计审查", "review-approval"), ("消防验收", "acceptance-check")]
    # lawrefbook_dlc/shandong/淄博市房地产开发经营管理条例(2017-12-01).md: the verb before a licence stays out
    inst, _ = found("房地产开发企业预售商品房，应当向房产管理机构申请预售许可，取得商品房预售许可证。", "shandong")
    assert inst == [("预售许可", "administrative-licensing"), ("商品房预售许可证", "administrative-licensing")]


def test_a_code_of_practice_is_a_noun_at_the_end_of_its_phrase_not_the_verb():
    # lawrefbook_dlc/henan/许昌市城市建筑垃圾管理条例(2021-04-28).md
    assert found("市人民政府应当制定建筑垃圾分类处理规范，并向社会公布。", "henan")[0] == [
        ("建筑垃圾分类处理规范", "technical-specification")]
    # lawrefbook_dlc/henan/洛阳市城市中小学校幼儿园规划建设管理条例.md: 规范的 is an adjective
    assert found("公安机关交通管理部门应当在中小学校、幼儿园正门、侧门前的道路上，设置规范的机动车减速缓行设施，"
                 "并保持清晰完好，保证交通安全。", "henan")[0] == []


def test_a_list_of_people_is_no_instrument():
    # lawrefbook_dlc/henan/郑州市物业管理条例(2007-12-14).md
    assert found("街道办事处、乡镇人民政府应当自物业管理委员会成立之日起十日内，将成员名单在物业服务区域内显著位置公布。",
                 "henan")[0] == []


def test_a_field_inside_a_platform_name_is_no_domain():
    # lawrefbook_dlc/shanghai/上海市供用电条例(2018-05-24).md: 信息服务 is part of the platform's name
    inst, dom = found("供电企业应当将电力用户拖欠电费等信息纳入市公共信用信息服务平台。", "shanghai")
    assert inst == [("公共信用信息服务平台", "public-credit-platform")] and dom == []


def test_a_contest_and_a_list_take_the_name_in_front_even_a_tool():
    # data_compliance/national/国家发展改革委等部门关于促进数据标注产业高质量发展的实施意见-9084778b08.md
    inst, _ = found("鼓励举办数据标注创新大赛等赛事，强化数据标注创新成果推广与场景拓展。")
    assert inst == [("数据标注创新大赛", "competition"), ("赛事", "competition")]
    # lawrefbook_dlc/shanghai/上海市市级预算审查监督规定(2001-08-20).md: 政府采购 names the list, and is a
    # tool of its own after 纳入
    inst, _ = found("各预算部门、单位应当将列入政府采购目录的项目纳入政府采购。", "shanghai")
    assert inst == [("政府采购目录", "catalogue-list"), ("政府采购", "government-procurement")]


def test_a_tool_word_before_an_agent_noun_names_the_body_not_the_tool():
    # lawrefbook_dlc/shanghai/上海市公共场所控制吸烟条例.md: 教育培训 in 教育培训机构 is a kind of body
    assert found("托儿所、幼儿园、中小学校、少年宫、青少年活动中心、教育培训机构以及儿童福利院等以未成年人为主要活动人群的"
                 "公共场所；")[0] == []
    # lawrefbook_dlc/shanghai/上海市献血条例.md: 执法 in 执法人员 names people
    assert found("拒绝、阻碍卫生执法人员依法执行职务，扰乱献血工作秩序，违反《中华人民共和国治安管理处罚法》的，"
                 "由公安部门依法处罚；")[0] == []


def test_a_verb_before_a_procedure_head_starts_no_name():
    # lawrefbook_dlc/zhejiang/宁波市公共资源交易管理条例(2020-08-11).md (第三十条): 作出|审批决定
    assert found("公共资源交易管理机构应当及时告知作出审批决定的有关主管部门，有关主管部门应当依法处理。")[0] == []


def test_a_fund_is_kept_whole_with_the_purpose_that_names_it():
    # lawrefbook_dlc/zhejiang/浙江省社会养老服务促进条例(2021-09-30).md (第三十七条): 资金 named by its purpose
    assert found("县级以上人民政府应当在公共财政、福利彩票公益金中安排社会养老服务资金。")[0] == [
        ("社会养老服务资金", "special-fund")]
    # lawrefbook_dlc/shandong/青岛市实施《民办教育促进法》办法(2017-12-01).md (第五条): 发展 ends the name here
    assert found("市人民政府应当设立民办教育发展专项资金，区（市）人民政府可以根据需要设立民办教育发展专项资金，"
                 "用于扶持民办教育事业发展。")[0] == [("民办教育发展专项资金", "special-fund")] * 2
    # lawrefbook_dlc/henan/河南省开封城墙保护条例(2010-05-28).md (第七条)
    assert found("鼓励公民、法人和其他组织通过捐赠等方式设立开封城墙保护基金，专门用于开封城墙保护。")[0] == [
        ("开封城墙保护基金", "fund")]
    # lawrefbook_dlc/shandong/菏泽市供热条例(2017-12-02).md: money for building, no named fund
    assert found("供热经营设施的建设资金，并入城市基础设施配套费，由房地产开发企业或者建设单位按照规定缴纳，"
                 "由供热企业专项用于供热经营设施的建设。")[0] == []


def test_a_field_inside_a_quoted_contest_name_is_no_domain():
    # data_compliance/local/《2025年上海市公共数据开放工作方案》-1b75025464.md: 数据要素 names the contest only
    inst, dom = found("依托全球数商大会、“数据要素×”大赛等活动，鼓励和引导科研院所、高校、企业等积极参与公共数据资源开发利用，"
                      "激励多方共创，建立价值共创生态体系。")
    assert inst == [("“数据要素×”大赛", "competition")]
    assert dom == ["公共数据"]


def test_a_tool_word_naming_a_document_is_no_tool():
    # lawrefbook_dlc/shandong/潍坊市供热条例(2021-01-28).md: 补贴办法 is the measures about the subsidy
    assert found("对低收入困难家庭和其他需要特殊照顾的家庭，由市、县（市、区）人民政府制定热费补贴办法。")[0] == []
    # data_compliance/local/《天津市促进智能网联汽车发展条例》通过-自2026年1月1日起施行_-天津数港_天津市数据发展中心-69523af699.md:
    # also after a productive head (安全|评估|办法)
    assert found("安全评估办法由市工业和信息化部门会同市交通运输、公安等部门制定。")[0] == []


def test_capital_market_products_are_finance_tools():
    # lawrefbook_dlc/shandong/山东省民营经济发展促进条例(2021-07-29).md
    inst, _ = found("县级以上人民政府应当因地制宜，采取激励措施，支持有条件的民营经济组织依法在境内境外资本市场上市，"
                    "或者在全国中小企业股份转让系统和区域性股权市场挂牌，通过发行股票、公司债券和资产证券化等多种方式直接融资。")
    assert inst == [("股票", "stock-issuance"), ("公司债券", "bonds"), ("资产证券化", "asset-securitization"),
                    ("直接融资", "financing")]


def test_a_plan_of_inspections_is_no_tool_but_a_talent_programme_is():
    # lawrefbook_dlc/zhejiang/金华市电梯安全条例(2017-10-25).md (第十九条): the plan is a document; the
    # inspections it plans are the tool
    assert found("特种设备安全监督管理部门应当制定年度监督检查计划，按照有关规定对电梯生产、经营、使用、维护保养单位和"
                 "检验检测机构实施监督检查。")[0] == [("监督检查", "supervision")]
    # lawrefbook_dlc/guangdong/广东省人力资源市场条例(2021-12-01).md (第十条): 人才引进计划 is a programme
    inst, _ = found("县级以上人民政府人力资源社会保障主管部门应当建立人力资源服务业领军人才培养和引进机制，将人力资源服务业"
                    "高层次人才纳入人才引进计划，组织开展集中培训，提高人力资源服务业从业人员专业化、职业化水平。")
    assert inst == [("人才培养", "talent-cultivation"), ("人才引进", "talent-introduction")]


def test_a_fund_keeps_its_purpose_before_a_vocabulary_fund():
    # lawrefbook_dlc/henan/河南省旅游条例(2007-03-30).md: 发展 ends the purpose of 投资基金, no verb before it
    assert found("鼓励和支持设立旅游业发展投资基金，扩大旅游投融资渠道；", "henan")[0] == [
        ("旅游业发展投资基金", "fund"), ("投融资", "financing")]


def test_a_count_a_bound_word_and_a_verb_at_the_left_edge_of_a_name():
    # data_compliance/local/福建省人民政府办公厅关于印发《福建省推动人工智能产业发展和赋能应用若干措施》…-c2d0285353.md
    inst, dom = found("福州、厦门、泉州三个省级人工智能产业园负责协数据供给、基金参与。")
    assert inst[0] == ("省级人工智能产业园", "industrial-park")
    # data_compliance/national/《人工智能安全标准体系-V1.0-》-240450a2cb.md: 10项 counts the standards
    inst, _ = found("人脸、声纹、步态、基因等10项生物特征识别安全标准。")
    assert inst == [("生物特征识别安全标准", "standard-system")]
    # data_compliance/local/省市场监管局省工业和信息化厅关于印发《江苏省人工智能产业标准体系建设指南-2025版-》…-9f23f814cc.md:
    # 三 inside 长三角 is no numeral
    inst, _ = found("深度融入长三角一体化，推动建立长三角人工智能标准协作机制，加强与沪浙皖相关领域标准对接。")
    assert inst[0] == ("长三角人工智能标准", "standard-system")
    # data_compliance/local/《关于推动经济高质量发展若干政策-2025年版-》-49eca0b506.md (one line of the PDF's
    # text): 扩大 governs the fund
    inst, _ = found("”专项基金撬动作用，扩大省科创母基金规模至")
    assert inst == [("专项基金", "fund"), ("省科创母基金", "fund-of-funds")]


def test_a_zone_written_before_a_list_stays_its_own_tool():
    # data_compliance/local/《浦东新区促进气象数据要素市场化发展若干规定》-24710544ed.md (the zone before it is
    # the name of a 管理委员会)
    # the list's topic is a field, no part of the tool (GUIDE.md: only the tool, not its topic)
    inst, dom = found("区气象主管机构配合中国（上海）自由贸易试验区管理委员会等单位制定自贸试验区气象数据跨境流动负面清单。")
    assert inst[-2:] == [("自贸试验区", "pilot-zone"), ("负面清单", "negative-list")] and dom == ["数据跨境流动"]


def test_authorised_operation_without_its_topic():
    # data_compliance/local/《浦东新区促进气象数据要素市场化发展若干规定》-24710544ed.md
    assert found("气象数据授权运营参与主体包括实施机构、运营机构和开发主体。")[0] == [
        ("授权运营", "public-data-authorized-operation")]


def test_accountability_and_appraisal_of_governments():
    # lawrefbook_dlc/zhejiang/浙江省森林管理条例(2018-11-30).md: a 责任制 named by its field
    assert found("各级人民政府应当加强森林防火工作，实行森林防火责任制、行政领导负责制和责任追究制。", "zhejiang")[0] == [
        ("森林防火责任制", "accountability-system"), ("责任追究制", "accountability-system")]
    # lawrefbook_dlc/henan/河南省节约能源条例(2017-12-04).md
    assert found("实行节能目标责任制和节能考核评价制度。", "henan")[0] == [
        ("目标责任制", "accountability-system"), ("考核评价", "evaluation-indicators")]


def test_a_notice_board_false_advertising_and_a_capacity_are_no_tools():
    # lawrefbook_dlc/henan/鹤壁市文明行为促进条例(2019-10-28).md
    assert found("（五）广告栏、宣传栏等广告宣传设施", "henan")[0] == []
    # data_compliance/national/…《网络安全标识管理办法》-征求意见稿-意见的通知…-cc38ec3aae.md
    inst, _ = found("任何组织和个人不得伪造、冒用网络安全标识或者利用网络安全标识进行虚假宣传。")
    assert "宣传" not in [t for t, _ in inst]
    # lawrefbook_dlc/henan/洛阳市市区养犬管理规定.md: 秉公执法 is a verb
    assert found("执法人员必须忠于职守，秉公执法。")[0] == []
    # data_compliance/national/智能网联汽车产品准入、召回及软件在线升级管理与技术指南-eb01f27d71.md: a capacity
    assert found("（一）健全安全保障能力。")[0] == []


def test_what_a_registration_records_and_an_adjective_before_it():
    # lawrefbook_dlc/chongqing/重庆市土地房屋权属登记条例(2021-05-27).md: 登记信息 is information
    text = "土地房屋权属登记机构及其工作人员违反国家规定泄露登记信息，给权利人和他人造成经济损失的，依法承担赔偿责任；"
    assert found(text, "chongqing")[0] == []
    # lawrefbook_dlc/shanghai/上海市不动产登记若干规定(2020-11-27).md: 虚假 names no registration, 泄漏 is a verb,
    # 登记资料 records
    text = ("不动产登记工作人员进行虚假登记，损毁、伪造不动产登记簿，擅自修改登记事项、泄漏不动产登记资料或者登记信息，"
            "或者有其他滥用职权、玩忽职守行为的，依法给予处分；")
    assert found(text, "shanghai")[0] == []


def test_a_platform_keeps_a_proper_name_but_not_a_topic_or_a_class():
    # data_compliance/local/自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知-…-9e87c9f665.md:
    # a place begins the name (the category 中小企业 inside it is no actor, the field 工业互联网 no domain)
    text = ("依托广西中小企业公共服务平台、广西工业互联网平台等，搭建全区工业高质量数据集管理与供需对接平台，"
            "定期举办重点行业数据集应用供需对接会，推动数据集流通、共享、成果转化。")
    inst, _ = found(text)
    assert inst[:3] == [("广西中小企业公共服务平台", "public-service-platform"),
                        ("广西工业互联网平台", "industrial-internet-platform"),
                        ("供需对接平台", "public-service-platform")]
    # data_compliance/local/山西省发展和改革委员会等部门关于印发《关于促进数据标注产业高质量发展的若干措施》的通知_企策通-616415dfe3.md:
    # 省级 is a class of platforms, no owner
    inst, _ = found("对获得省重点实验室、技术创新中心、高新技术企业等省级创新平台认定的按现有资金奖补政策给予支持。")
    assert ("创新平台", "innovation-platform") in inst


def test_a_regulation_sets_up_appraisal_accountability_and_a_budget_without_its_determiner():
    # lawrefbook_dlc/henan/河南省治理货物运输车辆超限超载条例(2018-06-04).md (本级 is a determiner, dropped)
    text = ("县级以上人民政府应当加强对本行政区域内管理货运车辆超限超载工作的领导，将治理货运车辆超限超载工作纳入年度工作"
            "目标考核体系，建立健全政府主导的联席会议制度和联合执法机制，实行目标责任制和责任追究制，并将所需经费纳入本级财政预算。")
    assert found(text, "henan")[0] == [
        ("目标考核", "performance-appraisal"), ("联席会议制度", "institutional-rule"), ("执法", "law-enforcement"),
        ("目标责任制", "accountability-system"), ("责任追究制", "accountability-system"), ("财政预算", "fiscal-funds")]


def test_a_named_world_or_national_event_is_a_tool_a_session_of_a_body_is_not():
    # data_compliance/local/《关于推动经济高质量发展若干政策-2025年版-》-49eca0b506.md
    inst, _ = found("支持办好世界互联网大会乌镇峰会、良渚论坛、中国－中东欧国家博览会等会议展览活动。")
    assert inst == [("世界互联网大会乌镇峰会", "expo"), ("中东欧国家博览会", "expo")]
    # lawrefbook_dlc/shanghai/上海市区县和乡镇人民代表大会代表直接选举实施细则.md: an electoral meeting
    text = ("在选民选举人民代表大会代表时，选举委员会应当根据各选区选民分布状况，按照方便选民投票的原则分设若干投票站"
            "或者召开选举大会进行选举。")
    assert found(text, "shanghai")[0] == []


def test_a_grant_is_named_by_what_it_pays_for_but_a_fee_is_no_grant():
    # lawrefbook_dlc/shandong/山东省森林资源条例(2015-04-01).md (给予 governs the grant)
    inst, _ = found("县级以上人民政府应当根据国家有关规定对公益林和商品林等保险给予保费补贴。", "shandong")
    assert inst[-1] == ("保费补贴", "subsidy")
    # lawrefbook_dlc/henan/河南省城市房屋拆迁管理条例(2002-09-30).md: compensation paid as a fee
    assert found("拆迁人应当对被拆迁人或者房屋承租人支付搬迁补助费。", "henan")[0] == []


def test_an_adverb_names_no_assessment():
    # data_compliance/national/关于公开征求《未成年人用户数量巨大和对未成年人群体具有显著影响的网络平台服务提供者认定办法
    # -征求意见稿-》意见的通知…-f37014f3fe.md (第十条): 全面准确 is how, not which assessment
    text = "网络平台服务提供者应当按照认定标准，全面准确评估对未成年人的影响，并在收到通知后20个工作日内提交自评估报告。"
    assert found(text)[0] == []


def test_a_grading_of_titles_or_skills_is_talent_evaluation():
    # lawrefbook_dlc/zhejiang/温州市家政服务条例(2021-04-07).md
    assert found("鼓励家政服务人员参加职业培训、职业技能等级认定、专项职业能力考核和职业技能竞赛。")[0] == [
        ("职业技能等级认定", "talent-evaluation"), ("职业技能竞赛", "competition")]
    # lawrefbook_dlc/shanghai/上海市促进农业科技进步若干规定(2024-11-28).md
    assert found("评价结果作为职称评聘、职务晋升、岗位聘用、薪酬待遇、项目支持和表彰奖励等的重要依据。")[0] == [
        ("职称评聘", "talent-evaluation"), ("表彰奖励", "commendation")]


def test_a_grant_after_the_fact_and_a_financing_match_are_tools_and_a_running_total_is_no_name():
    # lawrefbook_dlc/shandong/山东省促进科技成果转化条例(2017-12-01).md
    inst, _ = found("县级以上人民政府可以通过后补助、风险补偿、奖励等措施，鼓励、支持科技企业孵化器、大学科技园、众创空间等"
                    "科技企业孵化机构发展，培育发展新型孵化方式，加快科技成果转化。")
    assert inst[:3] == [("后补助", "subsidy"), ("风险补偿", "risk-compensation"), ("奖励", "award")]
    # lawrefbook_dlc/shanghai/上海市优化营商环境条例(2024-09-27).md
    inst, _ = found("本市鼓励金融机构为诚信经营的中小企业提供无抵押信用贷款，优化中小企业信贷产品，提高融资对接和贷款审批发放效率。")
    assert ("融资对接", "supply-demand-matching") in inst
    # data_compliance/local/昆明市人民政府关于印发昆明市推动数字经济高质量跨越式发展若干政策措施-试行-的通知_市政府文件_
    # 昆明市人民政府门户网站-b75d5f3e9d.md
    assert found("单个数字经济产业集聚区累计奖励不超过500万元。")[0] == [
        ("数字经济产业集聚区", "industrial-park"), ("奖励", "award")]


def test_a_field_inside_a_named_event_is_no_domain_and_a_verb_of_taking_ends_a_name():
    # data_compliance/local/北京市《以高水平开放推动服务贸易和数字贸易高质量发展实施方案》-59ae0c3e32.md
    inst, dom = found("办好中国国际服务贸易交易会、全球数字经济大会等活动，充分发挥中国国际进又博览会、全球数字贸易博览会等平台作用，"
                      "拓宽服务贸易和数字贸易国际合作渠道。")
    assert [t for t, _ in inst] == ["中国国际服务贸易交易会", "全球数字经济大会", "中国国际进又博览会", "全球数字贸易博览会"]
    assert dom == ["数字贸易"]
    # lawrefbook_dlc/shandong/山东省水污染防治条例(2020-11-27).md
    assert found("县级以上人民政府应当组织生态环境、自然资源、水利等部门，加强水源涵养和污染治理，及时采取调查评估、"
                 "污染因素筛查、风险防范等措施，确保饮用水安全。")[0] == [("调查评估", "assessment")]


def test_sharing_and_opening_public_data_is_one_tool():
    # data_compliance/local/上海市人民政府办公厅关于印发《上海市公共数据资源授权运营管理办法》的通知-7787ded3a3.md
    inst, _ = found("市数据主管部门负责综合协调管理本市公共数据资源授权运营工作，按照程序报请市政府确定全市统一的实施机构，"
                    "制订公共数据资源授权运营管理制度和标准规范，统筹做好公共数据共享开放和授权运营工作。")
    assert ("公共数据共享开放", "public-data-opening") in inst


def test_a_bare_procedure_done_by_a_light_verb_is_the_procedure():
    # lawrefbook_dlc/shandong/山东省特种设备安全条例(2015-12-03).md
    assert found("使用单位变更的，变更后的使用单位应当办理变更登记。")[0] == [("变更登记", "registration")]
    # lawrefbook_dlc/shanghai/上海市文物保护条例(2014-06-19).md: …before 手续
    assert found("社会力量举办博物馆，应当依法办理登记手续。")[0] == [("登记", "registration")]
    # lawrefbook_dlc/beijing/北京市城乡规划条例(2021-09-24).md
    inst, _ = found("城乡规划在报送审批前，组织编制机关应当依法将城乡规划草案予以公示，公示的时间不得少于三十日。")
    assert ("公示", "public-notice") in inst
    # lawrefbook_dlc/guangdong/深圳经济特区房地产登记条例(2021-10-30).md: the bare noun repeats the named procedure
    assert found("房地产登记以一宗土地为单位进行登记。")[0] == [("房地产登记", "registration")]
    # lawrefbook_dlc/beijing/中关村国家自主创新示范区条例.md: 申请登记为 is a verb
    assert found("符合条件的，可以申请登记为法人。")[0] == []


def test_important_and_core_data_and_xinchuang_are_fields():
    # data_compliance/national/中国人民银行业务领域数据安全管理办法-ad92aa72f2.md
    assert found("重要数据的处理者应当明确业务数据的安全负责人和管理机构。")[1] == ["重要数据"]
    _, dom = found("（二）存储重要数据的信息系统应当满足三级网络安全等级保护要求，存储核心数据的信息系统应当满足四级网络安全等级"
                   "保护要求或者关键信息基础设施保护要求，并优先采购安全可信的网络产品和服务。")
    assert {"重要数据", "核心数据"} <= set(dom)
    # lawrefbook_dlc/henan/河南省社会信用条例(2019-11-29).md: 诚信|创建 holds no 信创
    assert "信创" not in found("各级人民政府及有关部门、人民团体和有关单位应当在精神文明创建、评优评先、道德模范评选和各行业的诚信创建"
                             "活动中使用社会信用信息，树立诚信典范，弘扬社会主义核心价值观。")[1]


def test_classifying_and_grading_is_the_tool_without_the_data_it_grades():
    # data_compliance/local/关于加快北京市公共数据资源开发利用的实施意见-6254518112.md
    inst, dom = found("推动数据资源标准化、规范化建设，制定公共数据分类分级、数据治理、数据基础设施、数据流通交易等标准规范。")
    assert ("分类分级", "classification-protection") in inst and "公共数据" in dom
    # lawrefbook_dlc/chongqing/重庆市铁路安全管理条例(2022-03-30).md (shortened): 数据 is the topic
    inst, _ = found("加强铁路安全管理科学研究，建立数据分级分类共享机制，运用物联网、云计算、大数据等现代信息技术。")
    assert ("分级分类", "classification-protection") in inst


def test_responding_to_an_emergency_and_financial_services_are_work_not_tools():
    # data_compliance/local/北京地区电信领域数据安全事件应急预案和处置规范-c6e1be9486.md (neither set of gold annotates
    # 应急响应, 应急处置, 监测预警 or 金融服务)
    assert found("数据安全事件应急响应分为四级：I 级、II 级、III 级、IV 级，分别对应发生特别重大、重大、较大、一般数据安全事件的"
                 "应急响应。")[0] == []
    # lawrefbook_dlc/henan/河南省促进高新技术产业发展条例(2011-06-13).md
    inst, _ = found("鼓励和支持各类金融机构增加对高新技术企业的信贷投入，提供担保、保险、以知识产权等无形资产质押贷款等金融服务。")
    assert "金融服务" not in [t for t, _ in inst]


def test_the_year_of_a_budget_and_a_verb_of_reaching_start_no_name_and_the_state_system_is_no_tool():
    # lawrefbook_dlc/shanghai/上海市中小学校学生伤害事故处理条例(2024-12-31).md
    assert found("误工补助费按照本市上年度职工年平均工资标准计算。")[0] == [("职工年平均工资标准", "standard-system")]
    # lawrefbook_dlc/shandong/滨州市供热条例(2016-09-26).md
    assert [t for t, _ in found("供热企业成本与价格倒挂年度亏损补贴由价格主管部门审核确定。")[0]] == ["亏损补贴"]
    # lawrefbook_dlc/henan/郑州市失业保险条例(2019-01-22).md: 当地 is a determiner
    assert [t for t, _ in found("失业保险金按照当地最低工资标准的百分之八十确定。")[0]] == ["失业保险", "最低工资标准"]
    # lawrefbook_dlc/henan/洛阳市陆浑水库饮用水水源保护条例(2019-12-27).md
    assert [t for t, _ in found("治理后仍达不到排放标准的，依法予以关闭、拆除。")[0]] == ["排放标准"]
    # data_compliance/national/中华人民共和国网络安全法-2025修正-9b8e6275ff.md
    assert found("不得利用网络从事危害国家安全、荣誉和利益，煽动颠覆国家政权、推翻社会主义制度，煽动分裂国家、破坏国家统一。")[0] == []


def test_privacy_and_real_name_verification_are_fields():
    # data_compliance/national/关于促进未成年人网络素养家庭教育的指引-e899a0894a.md
    assert "个人隐私" in found("家长在日常网络行为中应遵循“最小必要”原则，避免涉及孩子个人隐私、生活轨迹、学习场景等信息在网络中"
                               "公开暴露。")[1]
    # data_compliance/local/数据交易服务指南-ae1bfd5b2f.md: a technique of identity checks, no certification scheme
    inst, dom = found("数据交易参与方提交组织机构或个人基础信息，数据交易场所进行审核，审核通过后完成主体登记和实名认证。")
    assert "实名认证" in dom and "实名认证" not in [t for t, _ in inst]


def test_leading_by_example_and_the_supervising_party_are_no_tools():
    # lawrefbook_dlc/guangdong/广东省中新广州知识城条例(2022-01-16).md: 示范引领 is a quality
    assert found("知识城应当发挥知识密集型产业示范引领和辐射带动作用，协同周边区域实现高质量发展。")[0] == []
    # data_compliance/local/市数据局关于印发《天津市公共数据资源开发利用安全管理办法-试行-》的通知_天津市人民政府公报2025年21期_
    # 天津政务网-c046ec4698.md: 监管方 is a party
    inst, _ = found("数据开发利用监管方在履行数据安全监管职责，发现公共数据资源开发利用活动存在较大安全风险时，可以按照权限和程序"
                    "责令相关责任主体整改，拒不整改的，依法依规追究责任。")
    assert inst == []


def test_making_policies_and_standards_known_is_publicity():
    # data_compliance/local/山西省发展和改革委员会等部门关于印发《关于促进数据标注产业高质量发展的若干措施》的通知_企策通-616415dfe3.md
    inst, _ = found("开展政策宣传和解读，编制数据标注优秀应用项目案例集，加大优秀典型案例推介和行业高质量数据集应用推广。")
    assert inst[0] == ("政策宣传", "publicity")
    # data_compliance/national/《人工智能安全标准体系-V1.0-》-240450a2cb.md
    inst, _ = found("加强人工智能安全标准宣贯培训力度，面向企业、科研机构、地方主管部门开展标准宣讲，结合重点领域应用推动标准实施。")
    assert ("宣贯", "publicity") in inst


def test_a_business_licence_and_a_named_registration_certificate_are_licences():
    # lawrefbook_dlc/zhejiang/杭州市精神卫生条例(2016-10-20).md
    assert found("设立营利性心理咨询机构的，应当向市场监督管理部门办理注册登记，领取营业执照。")[0] == [
        ("注册登记", "registration"), ("营业执照", "administrative-licensing")]
    # lawrefbook_dlc/shandong/山东省食品小作坊小餐饮和食品摊点管理条例(2017-01-18).md
    assert found("食品小作坊登记证有效期为三年。")[0] == [("食品小作坊登记证", "registration")]
    # lawrefbook_dlc/zhejiang/浙江省矿产资源管理条例(2013-12-19).md: 持 (to hold) starts no name
    assert found("采矿权人应当持采矿许可证向有关部门办理矿山用地、爆破物品准购等相关手续。")[0] == [
        ("采矿许可证", "administrative-licensing")]
    # lawrefbook_dlc/henan/洛阳市道路交通安全条例(2013-12-24).md: 登记证书 is another document
    assert "登记证" not in "".join(t for t, _ in found("（二）机动车登记证书、行驶证被撤销、注销的；")[0])


def test_an_inspection_by_an_authority_is_supervision():
    # lawrefbook_dlc/shandong/济南市山体保护办法(2017-12-01).md
    assert found("市、县、区人民政府应当建立联合执法检查机制，及时发现查处侵占、破坏山体的各类违法行为。")[0] == [
        ("执法检查", "supervision")]
    # lawrefbook_dlc/shandong/青岛市大气污染防治条例(2018-11-30).md
    assert ("现场检查", "supervision") in found("禁止通过偷排、篡改或者伪造监测数据、以逃避现场检查为目的的临时停产等逃避监管的方式"
                                              "排放大气污染物。")[0]


def test_a_joint_prevention_and_control_mechanism_is_a_tool_without_its_topic():
    # lawrefbook_dlc/henan/河南省大气污染防治条例.md: the mechanism, not the bare practice 联防联控
    inst, _ = found("省人民政府应当组织建立大气污染联防联控机制，划定大气污染防治重点区域，落实区域联动防治措施。")
    assert inst == [("联防联控机制", "joint-prevention-control")]
    # data_compliance/local/《深化公共数据资源开发利用若干举措》-915690deb7.md: joint supervision is supervision
    inst, _ = found("建立数据开发利用全流程协同监管机制，数据管理部门指导监督运营机构依法依规运营。")
    assert inst == [("协同监管机制", "supervision")]


def test_an_application_filed_for_a_procedure_is_the_procedure_but_its_form_is_no_tool():
    # lawrefbook_dlc/guangdong/广东省优化营商环境条例(2022-06-01).md
    inst, _ = found("破产管理人依据人民法院终结破产程序裁定文书、清算组依据人民法院强制清算终结裁定文书提出注销登记申请的，"
                    "市场监管部门依法为企业办理。")
    assert inst == [("注销登记申请", "registration")]
    # lawrefbook_dlc/zhejiang/杭州市学前教育促进条例(2011-12-27).md
    inst, _ = found("举办学前教育机构，举办者应当向拟举办地的区、县（市）教育行政部门提出许可申请，并提交下列材料：")
    assert inst == [("许可申请", "administrative-licensing")]
    # data_compliance/local/《福建省公共数据资源登记管理办法-试行-》-3d945a87d9.md: 申请表 is a form
    assert found("申请变更登记时，登记主体应向登记机构提交变更登记申请表，并附相关佐证材料。")[0] == []


def test_a_notice_given_to_the_public_is_the_public_notice_procedure():
    # lawrefbook_dlc/shandong/济南市名泉保护条例(2017-03-29).md: the plan is a document, the notice a procedure
    assert found("名泉保护规划在报送审批前，组织编制机关应当向社会公示，时间不少于三十日。")[0] == [
        ("公示", "public-notice")]


def test_a_platform_a_government_builds_to_share_manage_or_receive_information_is_a_tool():
    # lawrefbook_dlc/zhejiang/浙江省工伤保险条例(2020-09-24).md
    assert ("信息共享平台", "information-sharing-platform") in found(
        "第四条 县级以上人民政府应当组织社会保险、卫生健康、医疗保障、应急管理、财政等部门和工会等组织建立工伤保险"
        "协调机制，建设信息共享平台，加强对策研究，协调解决相关重大事项，提高工伤保险水平。")[0]
    # lawrefbook_dlc/zhejiang/浙江省宗教事务条例(2019-08-01).md
    assert found("第六条 省宗教事务部门应当建立全省统一的宗教工作信息化平台，提升宗教事务管理信息化水平。")[0] == [
        ("信息化平台", "management-platform")]
    # lawrefbook_dlc/shandong/山东省优化营商环境条例(2020-09-25).md
    assert ("工作平台", "management-platform") in found(
        "省人民政府有关部门应当建立健全本省统一监管工作平台，制定市场监管领域随机抽查事项清单，实现抽查检查结果互认共享。")[0]
    # lawrefbook_dlc/zhejiang/浙江省大气污染防治条例(2020-11-27).md
    assert found("第二十四条 生态环境主管部门和其他负有大气环境保护监督管理职责的部门应当公布全省统一的举报电话、"
                 "网络举报平台等。")[0] == [("举报平台", "complaint-platform")]


def test_a_field_running_into_a_generic_platform_word_is_part_of_its_name_and_no_domain():
    # lawrefbook_dlc/zhejiang/宁波市电梯安全条例(2020-10-10).md: 信息服务 is the platform's, no field
    inst, dom = found("市场监督管理部门应当对用于公众聚集场所和超高层建筑的电梯实施重点监督检查，并将监督检查结果录入电梯综合"
                      "信息服务平台。")
    assert (inst[-1], dom) == (("信息服务平台", "public-service-platform"), [])
    # data_compliance/local/《上海临港新片区国际数据加工枢纽建设方案》-fb3b0c4801.md: 数据[服务]平台
    assert found("（八）鼓励打造企业出海数据服务平台") == ([("服务平台", "public-service-platform")], [])
    # lawrefbook_dlc/zhejiang/丽水市物业管理条例(2019-04-08).md: 电子[信息]平台 is no field
    assert found("第十二条 业主大会会议可以采用集体讨论、书面征求意见或者运用电子信息平台等形式召开。")[1] == []


def test_an_innovation_start_up_or_practice_base_is_a_carrier_with_its_name():
    # lawrefbook_dlc/zhejiang/浙江省台湾同胞投资保障条例(2017-09-30).md
    assert ("青年创业基地", "incubator") in found(
        "本省设立的科技企业孵化机构、青年创业基地等平台，应当为台湾青年创业提供创业辅导、研究开发与管理咨询等服务。")[0]
    # lawrefbook_dlc/beijing/北京国际科技创新中心建设条例(2024-01-25).md
    assert found("依托科技计划项目、科技创新基地培养创新人才，促进基础学科教学和科学研究有机结合。")[0] == [
        ("科技创新基地", "innovation-center")]
    # lawrefbook_dlc/beijing/北京市促进中小企业发展条例(2020-09-25).md
    assert ("实习实践基地", "training-base") in found("鼓励高等院校和中小企业共建实习实践基地，创新中小企业人才培养模式。")[0]


def test_a_penalty_order_and_an_office_are_no_name_of_a_procedure():
    # lawrefbook_dlc/guangdong/广东省环境保护条例(2022-11-30).md: 责令 is the sanction's verb
    assert found("建设单位未依法备案建设项目环境影响登记表的，由县级以上生态环境主管部门责令备案，处五万元以下的罚款。")[0] == []
    # lawrefbook_dlc/shanghai/上海市房地产登记条例(2008-12-25).md: 登记处 is an office
    assert found("第七十四条 当事人对市房屋、土地行政管理部门或者市登记处的具体行政行为不服的，可以申请行政复议。")[0] == []


def test_a_procedure_done_again_by_补办_is_the_procedure():
    # lawrefbook_dlc/zhejiang/浙江省实施《慈善法》办法(2018-11-30).md
    assert found("慈善组织为应对重大自然灾害、事故灾难和公共卫生事件等突发事件，无法在开展公开募捐前报备募捐方案的，"
                 "应当在募捐活动开始后十日内补办备案手续。")[0] == [("备案", "filing")]


def test_the_grounds_and_the_course_of_enforcement_are_no_tool():
    # lawrefbook_dlc/henan/河南省治理货物运输车辆超限超载条例(2018-06-04).md
    assert found("未经检定或者检定不合格的检测设备，其检测数据不得作为执法依据。")[0] == []
    # lawrefbook_dlc/chongqing/重庆市行政执法责任制条例(2010-07-30).md: the regime is named whole
    assert found("第八条 行政执法主体应当建立行政执法公开制度，将执法依据、职责范围、执法程序等内容在其办公场所的公共区域"
                 "公示，有条件的，还应在公共信息网络上公布。")[0] == [("行政执法公开制度", "institutional-rule")]


def test_the_exhibition_industry_and_a_principle_of_emphasis_are_no_tool():
    # lawrefbook_dlc/shanghai/上海市会展业条例(2020-03-19).md: 会展业 is an industry; its statistics are the regime
    inst, _ = found("第二十九条 市统计部门应当会同市商务、文化旅游等部门建立会展业统计制度，完善统计指标体系，优化调查方法。")
    assert inst == [("会展业统计制度", "institutional-rule")]
    # lawrefbook_dlc/shandong/莱芜市钢结构建筑应用促进条例.md: 注重 is a verb of a principle
    assert found("第五条 钢结构建筑应用应当坚持政府引导、市场主导，强化质量、注重标准，龙头带动、集群发展的原则。")[0] == []
