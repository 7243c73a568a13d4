"""Mentions in one sentence (extract/stages/mentions.py), on real sentences from the scale corpus.

Each sentence is quoted from a file of /work/shared/corpus/scale/ (named in a comment) as the
pipeline sees it: normalized, without its article number (第四条 …).
"""

from policykg.extract.stages.mentions import alias_definitions, find_mentions

# lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md
SD_DUTY = "县级以上人民政府大数据工作主管部门负责统筹推动大数据发展以及相关活动，其他有关部门在各自职责范围内做好相关工作。"
SD_PLATFORM = "省人民政府大数据工作主管部门应当建设全省一体化大数据平台，统筹全省电子政务云平台建设，加强对全省电子政务云平台的整合和管理。"
SD_TWO_GOVS = ("省、设区的市人民政府应当组织有关部门推进新型数据中心、智能计算中心、边缘数据中心等算力基础设施建设，"
               "提高算力供应多元化水平，提升智能应用支撑能力。")
SD_IOT = ("县级以上人民政府和有关部门应当推进物联网建设，支持基础设施、城市治理、物流仓储、生产制造、生活服务等领域建设和应用"
          "感知系统，推动感知系统互联互通和数据共享。")
SD_PURPOSE = ("为了全面实施国家大数据战略，运用大数据推动经济发展、完善社会治理、提升政府服务和管理能力，加快数字强省建设，"
              "根据《中华人民共和国数据安全法》等法律、行政法规，结合本省实际，制定本条例。")


def mentions(text: str, jurisdiction: str | None):
    return find_mentions(text, 0, len(text), jurisdiction)


def test_a_department_found_by_pattern_belongs_to_the_government_before_it():
    m = mentions(SD_DUTY, "shandong")
    dept = m.actors[0]
    assert (dept.start, dept.end, dept.text) == (0, 17, "县级以上人民政府大数据工作主管部门")
    assert (dept.id, dept.label, dept.cls, dept.generic) == (
        "actor:shandong/county-and-above-government/data-authority", "山东省县级以上人民政府数据主管部门", "Department", True)
    assert dept.parent == "actor:shandong/county-and-above-government"
    # 大数据 inside the department's name is not a domain mention; the one in the task is
    assert [(h.start, h.end, h.text, h.concept.key) for h in m.domains] == [(23, 26, "大数据", "big-data")]


def test_own_province_words_a_platform_and_a_named_provincial_department():
    m = mentions(SD_PLATFORM, "shandong")
    assert [(a.text, a.id, a.label, a.generic) for a in m.actors] == [
        ("省人民政府大数据工作主管部门", "actor:shandong/government/data-authority", "山东省人民政府数据主管部门", False)]
    assert [(h.start, h.end, h.text, h.concept.key) for h in m.instruments] == \
        [(23, 28, "大数据平台", "public-service-platform")]
    assert [(h.start, h.end, h.text, h.concept.key) for h in m.regions] == \
        [(18, 20, "全省", "shandong"), (31, 33, "全省", "shandong"), (46, 48, "全省", "shandong")]
    # 大数据 inside the platform's name is no domain mention (ANNOTATION.md: a field named only inside
    # an instrument name); 云平台 is a field of its own
    assert [(h.text, h.concept.key) for h in m.domains] == \
        [("电子政务", "digital-government"), ("云平台", "cloud-computing"),
         ("电子政务", "digital-government"), ("云平台", "cloud-computing")]


def test_one_phrase_names_two_governments_and_the_domains_of_a_list():
    m = mentions(SD_TWO_GOVS, "shandong")
    assert [(a.start, a.end, a.id, a.label) for a in m.actors[:2]] == [
        (0, 10, "actor:shandong/government", "山东省人民政府"),
        (2, 10, "actor:shandong/municipal-government", "山东省设区的市级人民政府")]
    assert [(h.text, h.concept.key) for h in m.domains] == [
        ("数据中心", "data-center"), ("智能计算中心", "intelligent-computing"), ("数据中心", "data-center"),
        ("算力", "computing-infrastructure"), ("算力", "computing-infrastructure")]   # 算力|基础设施: the shortest


def test_a_department_coordinated_after_a_government_takes_its_scope():
    m = mentions(SD_IOT, "shandong")
    assert [(a.text, a.id, a.parent) for a in m.actors] == [
        ("县级以上人民政府", "actor:shandong/county-and-above-government", None),
        ("有关部门", "actor:shandong/county-and-above-government/other-departments",
         "actor:shandong/county-and-above-government")]
    # 数据共享 is a field (corpus/scale: 144 documents; the corpus gold reads it so)
    assert [(h.text, h.concept.key) for h in m.domains] == [("物联网", "iot"), ("数据共享", "data-governance")]


def test_nothing_inside_a_cited_title_is_a_mention_and_laws_as_a_basis_are_no_instrument():
    m = mentions(SD_PURPOSE, "shandong")
    assert m.titles == [(56, 70, "中华人民共和国数据安全法")]
    assert [(h.start, h.end, h.text) for h in m.domains] == [(8, 11, "大数据"), (16, 19, "大数据")]   # not 数据安全
    assert m.instruments == [] and m.actors == []                   # 根据…法律、行政法规: the basis, not a tool
    assert [(h.start, h.end, h.text, h.concept.key) for h in m.regions] == [(81, 83, "本省", "shandong")]


def test_three_cited_laws_and_the_own_province():
    # data_compliance/local/《湖南省气象探测设施规划建设和气象数据管理办法》-f1da1e6cf8.md (第一条, its last clauses)
    text = "根据《中华人民共和国气象法》《中华人民共和国数据安全法》《湖南省气象灾害防御条例》等法律、法规，结合本省实际，制定本办法。"
    m = mentions(text, "hunan")
    assert [t for _, _, t in m.titles] == ["中华人民共和国气象法", "中华人民共和国数据安全法", "湖南省气象灾害防御条例"]
    assert [(h.text, h.concept.key) for h in m.regions] == [("本省", "hunan")]      # 湖南省 in a title is not one
    assert m.instruments == [] and m.domains == [] and m.actors == []


def test_the_whole_country_is_deictic_not_a_region():
    # data_compliance/local/湖北省推进可信数据空间发展行动方案-c403c143cb.md
    text = ("为贯彻落实《可信数据空间发展行动计划（2024—2028年）》（国数资源〔2024〕119号），加快构建数据基础设施体系，"
            "促进数据要素合规高效流通使用，支撑构建全国一体化数据市场，制定本方案。")
    m = mentions(text, "hubei")
    assert m.regions == []
    assert [(h.start, h.end, h.text, h.concept.key) for h in m.domains] == [
        (52, 58, "数据基础设施", "data-infrastructure"), (63, 67, "数据要素", "data-elements"),
        (85, 89, "数据市场", "data-market")]      # the shortest surface naming the field


def test_province_words_and_a_city_in_a_target_sentence():
    # data_compliance/local/《河南省深化智慧城市发展推进城市全域数字化转型实施方案-2025—2027年-》-601145db1d.md
    text = "到2027年，全省5G基站达到27万个，10G-PON及以上端又达到200万个，郑州国家级互联网骨干直联点带宽达到6000G。"
    m = mentions(text, "henan")
    assert [(h.start, h.end, h.text, h.concept.key) for h in m.regions] == \
        [(7, 9, "全省", "henan"), (40, 42, "郑州", "zhengzhou")]
    assert [(h.text, h.concept.key) for h in m.domains] == [("5G", "5g"), ("互联网骨干直联点", "internet-backbone")]


def test_actor_categories_are_the_same_node_in_every_jurisdiction():
    # lawrefbook_dlc/shanghai/上海市推进科技创新中心建设条例(2020-01-20).md (第十三条)
    text = ("高等院校、科研院所、医疗卫生机构以及其他从事科研活动的事业单位（以下统称科研事业单位），可以按照国家和本市规定，"
            "扩大选人用人、编制使用、职称评审、薪酬分配、机构设置、科研立项、设备采购、成果处置等方面的自主权。")
    got = [(a.text, a.id, a.label, a.cls) for a in mentions(text, "shanghai").actors]
    assert got[:4] == [("高等院校", "actor:role/university", "高等学校", "ResearchInstitution"),
                       ("科研院所", "actor:role/research-institute", "科研机构", "ResearchInstitution"),
                       ("医疗卫生机构", "actor:role/medical-institution", "医疗卫生机构", "PublicInstitution"),
                       ("事业单位", "actor:role/public-institution", "事业单位", "PublicInstitution")]
    assert [a.id for a in mentions(text, None).actors] == [a[1] for a in got]


# --- issue 11: aliases, subjects, word boundaries -------------------------------------------------

def test_an_alias_set_up_by_yixia_jiancheng_resolves_to_the_full_name():
    # data_compliance/national/​​国家互联网信息办公室关于公开征求《网络安全标识管理办法》-征求意见稿-意见的通知…-cc38ec3aae.md
    first = ("网络安全标识的产品目录》，明确每类产品的具体实施规则和依据的国家标准或技术文件，授权中国电子技术标准化研究院"
             "（以下简称“备案机构”）承担网络安全标识备案、信息发布、违规行为处置等工作。")
    m = mentions(first, None)
    aliases = alias_definitions(first, 0, len(first), m.actors)
    assert list(aliases) == ["备案机构"]
    # the stage reads the defining sentence again with its alias
    assert [(a.text, a.label) for a in find_mentions(first, 0, len(first), None, aliases).actors] == [
        ("中国电子技术标准化研究院", "中国电子技术标准化研究院"), ("备案机构", "中国电子技术标准化研究院")]
    later = "第十二条 备案机构应当建立健全网络安全标识备案工作规范，客观、公正开展网络安全标识备案相关工作。"
    [a] = find_mentions(later, 0, len(later), None, aliases).actors
    assert (a.start, a.end, a.text, a.label, a.id) == (5, 9, "备案机构", "中国电子技术标准化研究院", m.actors[0].id)


def test_an_alias_of_a_list_names_a_category():
    # data_compliance/local/地方法规-《大连市数据资产全过程管理试点工作方案》-864b6f093a.md
    text = ("综合考虑工作基础、市场需求等因素，首批确定在市自然资源局、市民政局、市卫健委等10个部门（以下简称试点部门），"
            "市城投集团、市交通集团、市文产集团等3家市属企业（以下简称试点企业）开展工作试点。")
    m = mentions(text, "dalian")
    aliases = alias_definitions(text, 0, len(text), m.actors)
    assert {k: (v.label, v.cls) for k, v in aliases.items()} == {"试点部门": ("试点部门", "Department"),
                                                               "试点企业": ("试点企业", "Enterprise")}
    later = "试点部门根据本单位清查确认的数据资产目录清单，逐项建立数据资产卡片。"
    assert [(a.text, a.label) for a in find_mentions(later, 0, len(later), "dalian", aliases).actors] == [
        ("试点部门", "试点部门")]


def test_own_region_as_subject_is_the_government_and_as_modifier_a_region():
    # lawrefbook_dlc/beijing/北京市旅游管理条例.md (第十二条)
    text = "第十二条 本市鼓励国内外企业和个人投资旅游业。"
    m = mentions(text, "beijing")
    assert [(a.text, a.id, a.label, a.level) for a in m.actors] == [
        ("本市", "actor:beijing/government", "北京市人民政府", "province"),
        ("国内外企业", "actor:role/enterprise", "企业", None),     # a fixed term (GUIDE: 境内外企业)
        ("个人", "actor:role/individual", "个人", None)]
    assert m.regions == []
    # a modifier: lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md — 全省 stays a region
    assert [a.text for a in mentions(SD_PLATFORM, "shandong").actors] == ["省人民政府大数据工作主管部门"]


def test_bare_units_and_places_act_as_governments():
    # data_compliance/local/湖南省人民政府办公厅关于印发《湖南省2025年政务服务和数据工作要点》-1a36d6679f.md
    text = "各市州要提升本级共享交换平台能力，与总枢纽做好对接。"
    assert [(a.text, a.label) for a in mentions(text, "hunan").actors] == [("市州", "湖南省设区的市级人民政府")]
    # data_compliance/local/《关于加快促进数据产业高质量发展若干政策措施》-8a76751a53.md
    text = "各地要结合实际，抓好落实，做好相关要素保障，加快培育壮大数据产业。"
    m = mentions(text, "hunan")
    assert [(a.text, a.label) for a in m.actors] == [("各地", "湖南省各级人民政府")]
    assert [h.text for h in m.domains] == ["数据产业"]          # 壮大|数据产业: not 大数据
    # places acting: 支持武汉、襄阳建设… (a Hubei plan in data_compliance/local)
    m = mentions("支持武汉、襄阳建设数据资源产业集群，", "hubei")
    assert [(a.text, a.id) for a in m.actors] == [("武汉", "actor:wuhan/government"), ("襄阳", "actor:xiangyang/government")]
    assert m.regions == []


def test_matches_respect_word_boundaries():
    # data_compliance/national/国家发展改革委等部门关于促进数据标注产业高质量发展的实施意见-9084778b08.md (normalized)
    m = mentions("鼓励有条件的地方加大数据标注产业的支持力度。", None)
    assert [h.text for h in m.domains] == ["数据标注"]          # 加大|数据标注: not 大数据
    # data_compliance/local/《数字青岛2025年行动方案》-2b42489f5f.md: 数据集团 is not 数据集
    m = mentions("推动数据集团挂牌运营。", "qingdao")
    assert m.domains == [] and [a.text for a in m.actors] == ["数据集团"]
    # lawrefbook_dlc/…/《江西省公共数据资源登记管理实施细则》的通知-6becab0a02.md: 个人隐私, 个人信息 name data
    text = "公共数据资源登记应当维护国家安全和公共利益，保护国家秘密、商业秘密、个人隐私和个人信息权益。"
    assert mentions(text, "jiangxi").actors == []
    # tool words inside agency names are no instruments: 规划 in 市规划和自然资源局 (a Guangzhou plan)
    text = "（责任单位：市政务和数据局、市规划和自然资源局，越秀区政府）"
    m = mentions(text, "guangzhou")
    assert m.instruments == [] and [a.text for a in m.actors][:2] == ["市政务和数据局", "市规划和自然资源局"]


def test_a_generic_field_word_is_a_domain_only_beside_a_digital_field():
    # lawrefbook_dlc/henan/周口市港口和航道条例(2022-01-12).md: fair competition among port operators
    assert mentions("港口经营人应当依法经营、公平竞争，提供安全、公平、便捷、优质的服务。", "henan").domains == []
    # data_compliance/local/《湖北省推进可信数据空间发展行动方案》-70b6fa8451.md: 政务服务 is a sector where the
    # digital fields are applied, like 城市治理 (GUIDE.md: traditional sectors on their own are no domains)
    text = "通过城市数字公共基础设施开源体系、高质量数据集等建设，推动城市治理、低空经济、政务服务等领域应用场景创新。"
    assert [h.text for h in mentions(text, "hubei").domains] == ["开源", "数据集", "低空经济"]
    # lawrefbook_dlc/henan/河南省促进科技成果转化条例(2001-05-25).md: science in general is no digital field…
    assert mentions("企业是科技成果转化的主体。", "henan").domains == []
    # …but it is beside one (data_compliance/local/《德阳市支持数字经济高质量发展若干措施》-b388f87db0.md)
    text = "鼓励企业围绕人工智能产业细分赛道，开展核心技术攻关，建设创新应用平台，打造标杆应用场景。"
    assert [h.text for h in mentions(text, "sichuan").domains] == ["人工智能", "技术攻关"]


def test_network_data_is_a_field():
    # data_compliance/national/网络数据安全管理条例-177ad90123.md
    m = mentions("（四）检查与网络数据处理活动有关的设备、物品；", None)
    assert [(h.text, h.concept.key) for h in m.domains] == [("网络数据", "network-data")]
    # …but not inside an actor's name (网络数据处理者)
    m = mentions("网络数据处理者应当按照国家有关规定识别、申报重要数据。", None)
    assert [a.text for a in m.actors] == ["网络数据处理者"] and [h.text for h in m.domains] == ["重要数据"]


def test_a_field_running_into_an_actor_name_is_no_domain():
    # data_compliance/local/《河南省公共数据资源登记管理实施细则-试行-》征求意见-62ab095232.md: the actor found is
    # 数据主管部门, and 公共数据 runs into it; the 公共数据 of the registration later is a field
    text = "公共数据主管部门应加强对登记工作的监督管理，指导登记机构采取技术手段和其他必要措施，保障公共数据资源登记工作安全开展。"
    assert [(h.start, h.text) for h in mentions(text, "henan").domains] == [(44, "公共数据")]


def test_a_category_written_into_a_carrier_or_a_list_name_is_no_actor():
    # data_compliance/local/自治区工业和信息化厅关于印发广西推动工业高质量数据集建设实施方案的通知-通知公告-广西壮族自治区
    # 工业和信息化厅网站-9e87c9f665.md: 中小企业 in 中小企业公共服务平台 (GUIDE: 企业 in 企业综合服务平台)
    text = ("依托广西中小企业公共服务平台、广西工业互联网平台等，搭建全区工业高质量数据集管理与供需对接平台，"
            "定期举办重点行业数据集应用供需对接会，推动数据集流通、共享、成果转化。")
    assert mentions(text, "guangxi").actors == []
    # lawrefbook_dlc/shandong/济南市城市建筑垃圾管理条例(2018-03-29).md (第四十五条): the list is named after the
    # category; the 企业 that carries is an actor
    text = ("违反本条例规定，将建筑垃圾交给个人或者未纳入建筑垃圾运输企业名录的企业运输的，由城管执法部门责令限期改正，"
            "对工程建设单位或者拆除工程组织实施单位处一万元以上十万元以下罚款。")
    m = mentions(text, "jinan")
    assert [h.text for h in m.instruments] == ["建筑垃圾运输企业名录"]
    assert [a.text for a in m.actors][:3] == ["个人", "企业", "城管执法部门"]


def test_a_field_plus_infrastructure_is_named_by_the_shorter_field():
    # data_compliance/local/福建省人民政府办公厅关于印发《福建省推动人工智能产业发展和赋能应用若干措施》…-c2d0285353.md
    text = "推进算力基础设施集约化建设，构建联网调度、普惠易用、绿色安全的力资源公共服务平台，强化算力服务支撑。"
    assert [(h.start, h.text, h.concept.key) for h in mentions(text, None).domains] == [
        (2, "算力", "computing-infrastructure"), (43, "算力", "computing-infrastructure")]


def test_assisted_driving_and_government_informatization_are_fields():
    # data_compliance/national/《智能社会发展与治理标准化指引-2025-版-》-58aa69f4a8.md
    m = mentions("通过智能传感技术感知周围环境进行辅助驾驶；", None)
    assert [(h.text, h.concept.key) for h in m.domains][-1:] == [("辅助驾驶", "autonomous-driving")]
    # data_compliance/national/政务领域人工智能大模型部署应用指引_中央网络安全和信息化委员会办公室-050c02a6a8.md
    m = mentions("中央和国家机关政务领域人工智能大模型部署应用应纳入国家政务信息化规划统筹。", None)
    assert [(h.text, h.concept.key) for h in m.domains] == [
        ("人工智能大模型", "large-model"), ("政务信息化", "digital-government")]


def test_demonstration_that_leads_by_example_is_a_quality_not_a_tool():
    # lawrefbook_dlc/henan/河南省社会科学普及条例(2016-11-18).md: 示范带动作用 is a quality, like 示范作用
    m = mentions("高等院校、社会科学研究机构应当结合学科优势，面向公众举办讲座、提供咨询，发挥示范带动作用。", "henan")
    assert [h.text for h in m.instruments] == []
    # data_compliance/local/《山东省中小企业数字化转型引导区专项资金管理办法及实施细则》-c5add6159a.md
    m = mentions("省级及以上数字化转型典型场景案例丰富，标杆企业示范带动性强。", "shandong")
    assert [h.text for h in m.instruments] == []


def test_a_field_or_tool_running_into_a_body_found_by_its_tail_is_part_of_its_name():
    # data_compliance/local/河北省人民政府办公厅关于印发河北省数字经济发展三年行动计划-2025—2027年-的通知-2eac766f38.md:
    # the actor stage finds 建设领导小组 only; 数字政府 is in the body's name, 数字经济 is the sentence's field
    s = "充分发挥省推进政府职能转变和数字政府建设领导小组统筹协调作用，探索开展数字经济领域地方立法、数字经济监测分析、常态化监管。"
    m = find_mentions(s, 0, len(s), None)
    assert [h.text for h in m.domains] == ["数字经济", "数字经济"]
    # lawrefbook_dlc/henan/郑洛新国家自主创新示范区条例(2020-08-03).md: no 示范区 tool inside the office's name
    s = "自主创新示范区建设领导协调机构办公室设在省科技行政部门，承担日常的组织、协调、指导、推进和考核工作。"
    assert find_mentions(s, 0, len(s), None).instruments == []


def test_government_services_are_a_sector_where_digital_fields_apply_and_no_domain():
    # data_compliance/national/政务领域人工智能大模型部署应用指引_中央网络安全和信息化委员会办公室-050c02a6a8.md
    s = "政务部门可围绕政务服务、社会治理、机关办公和辅助决策等工作中的共性、高频需求，因地制宜、结合实际，选择典型场景进行人工智能大模型探索应用。"
    assert [h.text for h in find_mentions(s, 0, len(s), None).domains] == ["人工智能大模型"]
    # lawrefbook_dlc/shanghai/上海市标准化条例(2019-07-25).md
    s = "第三十八条 市标准化行政主管部门应当运用互联网、人工智能等信息化手段，持续优化标准化政务服务办事流程。"
    assert [h.text for h in find_mentions(s, 0, len(s), None).domains] == ["人工智能"]


def test_a_fields_innovation_is_named_by_the_field():
    # data_compliance/local/《2025年数字云南建设工作要点》-630d57f591.md (ANNOTATION.md: the shortest surface)
    s = "聚焦生物医药、卫星通信、高端装备等方面数字技术创新，强化科技金融加持。"
    assert "数字技术" in [h.text for h in find_mentions(s, 0, len(s), None).domains]
