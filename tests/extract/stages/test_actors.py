"""Actor phrases resolved to jurisdiction-scoped actors with canonical labels and ids (extract/stages/actors.py)."""

from policykg.extract.stages.actors import resolve_actors


def test_coordinated_subjects_are_split_and_scoped():
    assert [a.label for a in resolve_actors("县级以上人民政府及有关部门", "heilongjiang")] == \
        ["黑龙江省县级以上人民政府", "黑龙江省县级以上人民政府有关部门"]
    assert [a.label for a in resolve_actors("省人民政府发展改革部门负责统筹协调", "anhui")] == ["安徽省人民政府发展改革部门"]
    anhui = resolve_actors("县级以上人民政府应当", "anhui")[0]
    hlj = resolve_actors("县级以上人民政府应当", "heilongjiang")[0]
    assert anhui.id != hlj.id and anhui.role == hlj.role == "county-and-above-government"


def test_abbreviations_and_named_actors_merge_across_documents():
    a = resolve_actors("工信部等四部门印发", None)[0]
    b = resolve_actors("工业和信息化部等八部门印发", "jiangsu")[0]
    assert a.id == b.id == "actor:miit" and a.label == "工业和信息化部"
    assert resolve_actors("国家发展改革委", None)[0].id == resolve_actors("国家发展和改革委员会", "anhui")[0].id
    assert resolve_actors("打造国家数据主管部门重点联系示范场景", "jiangsu")[0].id == "actor:nda"


# --- real sentences from /work/shared/corpus/scale/ (file in a comment) -------------------------------

def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.id, a.label) for a in resolve_actors(text, jurisdiction)]


def test_a_province_and_its_cities_named_in_one_phrase_are_two_governments():
    # lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md (第八条)
    text = ("省、设区的市人民政府应当组织有关部门推进新型数据中心、智能计算中心、边缘数据中心等算力基础设施建设，"
            "提高算力供应多元化水平，提升智能应用支撑能力。")
    prov, city = resolve_actors(text, "shandong")[:2]
    assert (prov.start, prov.end, prov.id, prov.label, prov.generic, prov.level) == \
        (0, 10, "actor:shandong/government", "山东省人民政府", False, "province")
    # the second conjunct is contiguous: its own span (ANNOTATION.md: coordinated actors are split)
    assert (city.start, city.end, city.id, city.label, city.generic, city.level) == \
        (2, 10, "actor:shandong/municipal-government", "山东省设区的市级人民政府", True, "city")


def test_a_department_named_with_its_government_belongs_to_it():
    # lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md (第六条)
    text = "县级以上人民政府、省人民政府有关部门应当按照国家和省有关规定，对在促进大数据发展中做出突出贡献的单位和个人给予表彰、奖励。"
    gov, dept, unit, person = resolve_actors(text, "shandong")
    assert (gov.id, gov.label, gov.role) == ("actor:shandong/county-and-above-government", "山东省县级以上人民政府",
                                             "county-and-above-government")
    assert (dept.text, dept.id, dept.label, dept.cls, dept.parent) == (
        "省人民政府有关部门", "actor:shandong/government/other-departments", "山东省人民政府有关部门", "Department",
        "actor:shandong/government")
    # 单位和个人: two generic legal roles, one record each
    assert [(a.text, a.id, a.label, a.jurisdiction) for a in (unit, person)] == [
        ("单位", "actor:role/unit", "单位", None), ("个人", "actor:role/individual", "个人", None)]


def test_a_department_after_ji_qi_takes_the_scope_of_the_government():
    # lawrefbook_dlc/guangdong/广东省优化营商环境条例(2022-06-01).md (第十九条)
    text = "省人民政府及其自然资源部门应当科学统筹土地利用计划指标，建立健全城乡建设用地供应定期滚动计划，重点保障有效投资用地需求。"
    assert actors(text, "guangdong") == [
        ("省人民政府", "actor:guangdong/government", "广东省人民政府"),
        ("自然资源部门", "actor:guangdong/government/natural-resources", "广东省人民政府自然资源部门")]
    assert resolve_actors(text, "guangdong")[1].parent == "actor:guangdong/government"


def test_governments_at_all_levels_are_scoped_to_the_province():
    # lawrefbook_dlc/guangdong/广东省优化营商环境条例(2022-06-01).md (第五条)
    text = "各级人民政府应当加强对优化营商环境工作的组织领导，统筹推进、督促落实优化营商环境工作，协调解决工作中遇到的重大问题。"
    [a] = resolve_actors(text, "guangdong")
    assert (a.id, a.label, a.cls, a.generic, a.role) == (
        "actor:guangdong/all-levels-government", "广东省各级人民政府", "GovernmentBody", True, "all-levels-government")


def test_the_same_words_in_two_provinces_are_two_actors_with_one_role():
    # lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md (第十条)
    text = ("县级以上人民政府和有关部门应当推进物联网建设，支持基础设施、城市治理、物流仓储、生产制造、生活服务等领域建设和应用"
            "感知系统，推动感知系统互联互通和数据共享。")
    shandong, guangdong = resolve_actors(text, "shandong"), resolve_actors(text, "guangdong")
    assert [a.id for a in shandong] == ["actor:shandong/county-and-above-government",
                                        "actor:shandong/county-and-above-government/other-departments"]
    assert [a.id for a in guangdong] == ["actor:guangdong/county-and-above-government",
                                         "actor:guangdong/county-and-above-government/other-departments"]
    assert [a.role for a in shandong] == [a.role for a in guangdong] == ["county-and-above-government",
                                                                         "other-departments"]


def test_an_abbreviated_provincial_department_and_the_city_governments():
    # data_compliance/local/青川县政务服务网-政策文件-广元市“数据要素×”重点工作方案-2025—2026年-广政数〔2025〕16号-ffbd912c78.md
    text = ("为落实省发展改革委等18部门联合印发《四川省“数据要素×”重点工作方案（2025—2026年）》和市委、市政府安排部署，"
            "加快数据资源开发利用，推动数据高水平应用，更好释放数据要素价值，特制定本方案。")
    assert actors(text, "sichuan") == [
        ("省发展改革委", "actor:sichuan/government/development-reform", "四川省人民政府发展改革部门"),
        ("市委", "actor:sichuan/municipal-government/party-committee", "四川省设区的市级党委"),
        ("市政府", "actor:sichuan/municipal-government", "四川省设区的市级人民政府")]


def test_a_national_body_and_categories_are_the_same_node_everywhere():
    # data_compliance/national/数字中国建设2025年行动方案-80dd0c6f1e.md
    text = "近日，国家数据局综合司印发了《数字中国建设2025年行动方案》（以下简称《行动方案》），要求各地区结合实际认真贯彻落实。"
    assert actors(text, None) == actors(text, "hebei") == [("国家数据局", "actor:nda", "国家数据局")]
    # lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md (第十八条)
    text = "自然人、法人和其他组织收集数据不得损害被收集人的合法权益。"
    # one record per legal role; 其他组织 is vague (GUIDE: not an actor)
    assert [(a.text, a.id, a.label, a.cls, a.generic) for a in resolve_actors(text, "shandong")][:2] == [
        ("自然人", "actor:role/natural-person", "自然人", "Individual", True),
        ("法人", "actor:role/legal-person", "法人", "SocialOrganization", True)]
    # 被收集人: the party the verb is done to, an agent noun in 人 (rules/actors.yaml role_noun_heads)
    assert [(a.text, a.cls) for a in resolve_actors(text, "shandong")][2:] == [("被收集人", "Individual")]


# --- issue 11: productive actor patterns (real sentences of /work/shared/corpus/scale/) --------------

def spans(text: str, jurisdiction: str | None):
    return [(a.text, a.label, a.level) for a in resolve_actors(text, jurisdiction)]


def test_a_municipality_city_government_is_provincial_and_its_districts_county_level():
    # lawrefbook_dlc/beijing/北京市学前教育条例.md (第七条)
    text = "第七条 市、区人民政府对在学前教育事业中做出突出贡献的单位和个人，给予表彰和奖励。"
    city, district, unit, person = resolve_actors(text, "beijing")
    assert (city.text, city.id, city.label, city.level, city.generic) == (
        "市、区人民政府", "actor:beijing/government", "北京市人民政府", "province", False)
    assert (district.text, district.id, district.label, district.level, district.generic) == (
        "区人民政府", "actor:beijing/county-government/district", "北京市区人民政府", "county", True)
    assert [(a.text, a.label) for a in (unit, person)] == [("单位", "单位"), ("个人", "个人")]
    # lawrefbook_dlc/chongqing/重庆市天然气管理条例: 区县（自治县） keeps its unit in the label
    text = "市、区县（自治县）人民政府其他有关部门在各自职责范围内负责有关天然气管理工作。"
    assert spans(text, "chongqing") == [
        ("市、区县（自治县）人民政府其他有关部门", "重庆市人民政府有关部门", "province"),
        ("区县（自治县）人民政府其他有关部门", "重庆市区县人民政府有关部门", "county")]


def test_levels_listed_before_one_department_give_one_department_each():
    # lawrefbook_dlc/beijing/北京市控制吸烟条例(2021-09-24).md (第二十四条)
    text = "（二）违反本条例第十三条第一款第五项规定的，由市或者区卫生健康部门给予警告，并处五千元以上一万元以下罚款。"
    assert spans(text, "beijing") == [("市或者区卫生健康部门", "北京市人民政府卫生健康部门", "province"),
                                      ("区卫生健康部门", "北京市区人民政府卫生健康部门", "county")]


def test_a_department_with_a_compound_stem_is_matched_whole():
    # data_compliance/local/北京市政务服务和数据管理局关于印发《北京市公共数据资源登记管理实施细则》的通知…-07b967759f.md
    text = "第二十六条 本实施细则由北京市政务服务和数据管理局负责解释。"
    [a] = resolve_actors(text, "beijing")
    assert (a.text, a.id, a.label) == ("北京市政务服务和数据管理局", "actor:beijing/government/data-authority",
                                       "北京市人民政府数据主管部门")
    # data_compliance/local/河南省人民政府办公厅关于促进数据产业高质量发展的实施意见…-d4b57e0fa0.md: a stem the
    # ontology does not know is a department as written; the list's 省 scopes every item
    text = "（省发展改革委、财政厅、行政审批政务信息管理局按照职责分工负责）"
    assert spans(text, "henan")[-1] == ("行政审批政务信息管理局", "河南省人民政府行政审批政务信息管理部门", "province")
    # data_compliance/local/广州市促进数据产业高质量发展行动计划-2025年-2027年-征求公众意见稿-3736ab6a20.md
    text = ("（责任单位：市政务和数据局、市规划和自然资源局，越秀区政府、海珠区政府、黄埔区政府，广州实验室，"
            "广州大学等按职责分工配合）")
    assert spans(text, "guangzhou")[:3] == [
        ("市政务和数据局", "广州市人民政府数据主管部门", "city"),
        ("市规划和自然资源局", "广州市人民政府自然资源部门", "city"),
        ("越秀区政府", "广州市越秀区人民政府", "county")]


def test_a_commission_the_ontology_does_not_list_is_named_after_its_place():
    # lawrefbook_dlc/chongqing/重庆市国防动员条例(2015-07-30).md (第九条)
    text = "第九条 市、区县（自治县）国防动员委员会应当加强对国防动员工作落实情况的监督检查。"
    assert spans(text, "chongqing") == [("市、区县（自治县）国防动员委员会", "重庆市国防动员委员会", "province"),
                                        ("区县（自治县）国防动员委员会", "重庆市区县国防动员委员会", "county")]


def test_party_offices_are_named_in_full():
    # data_compliance/local/湖北省人民政府办公厅关于加快推进人工智能产业发展的实施意见-湖北省经济和信息化厅-9b518126e5.md
    text = "（责任单位：省经信厅、省委网信办、省发改委、省科技厅、省数据局，各市州人民政府）"
    assert spans(text, "hubei") == [
        ("省经信厅", "湖北省人民政府工业和信息化部门", "province"),
        ("省委网信办", "中共湖北省委网络安全和信息化委员会办公室", "province"),
        ("省发改委", "湖北省人民政府发展改革部门", "province"),
        ("省科技厅", "湖北省人民政府科学技术部门", "province"),
        ("省数据局", "湖北省人民政府数据主管部门", "province"),
        ("市州人民政府", "湖北省设区的市级人民政府", "city")]       # 各 dropped; 责任单位： is a label


def test_branches_of_central_agencies_are_named_as_written():
    # data_compliance/local/《厦门市促进数据产业高质量发展若干措施》-9c0d4a27c1.md
    text = "有关单位：市委网信办、市委金融办，厦门海关、市税务局、厦门金融监管局、市气象局，厦门临空经济片区指挥部。"
    assert spans(text, "xiamen")[:5] == [
        ("市委网信办", "中共厦门市委网络安全和信息化委员会办公室", "city"),
        ("市委金融办", "中共厦门市委金融委员会办公室", "city"),
        ("厦门海关", "厦门海关", None),
        ("市税务局", "厦门市人民政府税务部门", "city"),
        ("厦门金融监管局", "厦门金融监管局", None)]


def test_generic_legal_roles_drop_their_determiner_and_are_split():
    # lawrefbook_dlc/henan/鹤壁市城市市容和环境卫生管理条例(2019-01-10).md (第十七条)
    text = "第十七条 任何单位和个人不得在人民政府禁止的区域露天烧烤或者为露天烧烤提供场地。"
    assert [(a.start, a.text, a.id) for a in resolve_actors(text, "henan")] == [
        (7, "单位", "actor:role/unit"), (10, "个人", "actor:role/individual"),
        (15, "人民政府", "actor:henan/government")]          # the government that bans: the document's
    # lawrefbook_dlc/guangdong/广东省建设工程质量管理条例(2021-09-29).md (第五十二条)
    text = "第五十二条 依照本条例规定，给予单位罚款处罚的，对单位直接负责的主管人员和其他直接责任人员处单位罚款数额百分之五以上百分之十以下的罚款。"
    assert [a.text for a in resolve_actors(text, "guangdong")] == ["单位", "单位", "直接负责的主管人员", "直接责任人员"]


def test_role_nouns_keep_their_modifier_and_take_the_category_as_label():
    # lawrefbook_dlc/shanghai/上海市公路管理条例.md; lawrefbook_dlc/zhejiang/浙江省绿色建筑条例(2020-09-24).md (第四十七条)
    text = "因公路建设对有关设施造成损坏或者需要搬迁的，公路建设单位应当按照不低于该设施原有的技术标准予以修复。"
    assert [(a.text, a.label) for a in resolve_actors(text, "shanghai")] == [("公路建设单位", "公路建设单位")]
    text = "第四十七条 违反本条例第十九条规定，房地产开发企业在商品房销售合同中未载明所销售房屋的绿色建筑等级的，"
    assert [(a.text, a.label, a.cls, a.generic) for a in resolve_actors(text, "zhejiang")] == [    # a kind of 企业
        ("房地产开发企业", "房地产开发企业", "Enterprise", True)]
    # （责任单位：…）: a bracket's label, not an actor; 支持|企业: a verb is no modifier
    assert resolve_actors("（牵头单位：市国资委，配合单位：", "dalian")[0].text == "市国资委"


def test_kinds_of_capital_are_actors():
    # data_compliance/national/教育部等九部门关于加快推进教育数字化的意见-ce02489ae5.md
    text = "统筹利用市场融资等多种渠道，引导社会资本支持教育数字化发展。"
    assert [(a.text, a.id) for a in resolve_actors(text, None)] == [("社会资本", "actor:role/social-capital")]


def test_a_list_of_stems_with_a_shared_head_gives_one_department_each():
    # lawrefbook_dlc/shandong/山东省水资源条例(2017-09-30).md (第三十一条)
    text = "第三十一条 县级以上人民政府应当组织水行政主管部门和发展改革、财政、国土资源等部门，加强地下水超采区治理。"
    assert spans(text, "shandong") == [
        ("县级以上人民政府", "山东省县级以上人民政府", "county-and-above"),
        ("水行政主管部门", "山东省县级以上人民政府水行政主管部门", "county-and-above"),
        ("发展改革、财政、国土资源等部门", "山东省县级以上人民政府发展改革部门", "county-and-above"),
        ("发展改革、财政、国土资源等部门", "山东省县级以上人民政府财政部门", "county-and-above"),
        ("发展改革、财政、国土资源等部门", "山东省县级以上人民政府国土资源部门", "county-and-above")]


def test_every_department_of_a_stem_list_has_the_whole_list_as_its_surface():
    # GUIDE (actors, surface): a list of stems with a shared head is one surface, one record per department
    # lawrefbook_dlc/beijing/北京市法律援助条例.md
    text = "法律援助经费应当专款专用，经费的使用应当接受财政、审计等部门的监督。"
    assert [(a.text, a.label) for a in resolve_actors(text, "beijing")] == [
        ("财政、审计等部门", "北京市人民政府财政部门"), ("财政、审计等部门", "北京市人民政府审计机关")]


def test_a_shorter_lexicon_suffix_never_wins_over_the_full_name():
    # lawrefbook_dlc/henan/河南省产品质量监督管理条例(2012-11-29).md (第三条)
    text = "第三条 县级以上产品质量监督部门主管本行政区域内的产品质量监督管理工作。"
    assert spans(text, "henan") == [("县级以上产品质量监督部门", "河南省县级以上人民政府产品质量监督部门",
                                     "county-and-above")]


def mention_actors(text: str, jurisdiction: str | None):
    from policykg.extract.stages.mentions import find_mentions
    return [(a.text, a.label) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_congress_deputies_its_secretariat_and_relevant_organs_are_actors():
    # lawrefbook_dlc/shanghai/上海市人民代表大会关于代表建议、批评和意见的规定.md (第十一条)
    assert mention_actors("代表提出的建议、批评和意见，在市人民代表大会会议期间，由大会秘书处负责受理和交办；", "shanghai") == [
        ("代表", "上海市人民代表大会代表"), ("大会秘书处", "上海市人民代表大会秘书处")]   # 市人民代表大会会议期间: a time
    # 代表建议 (the deputies' suggestions): 代表 qualifies the noun, no actor
    assert mention_actors("代表建议、批评和意见的办理情况应当向社会公开。", "shanghai") == []
    # lawrefbook_dlc/zhejiang/宁波市预防和制止家庭暴力条例(2008-10-06).md
    assert mention_actors("对家庭暴力受害人的投诉、求助或者报案，有关机关和组织应当及时受理，不得拒绝、推诿。", "ningbo") == [
        ("家庭暴力受害人", "家庭暴力受害人"), ("有关机关", "宁波市有关机关"), ("组织", "组织")]   # …人: an agent noun
    # lawrefbook_dlc/beijing/北京市控制吸烟条例(2021-09-24).md
    assert mention_actors("教师不得在中小学生面前吸烟。", "beijing") == [("教师", "教师")]


def test_the_party_a_verb_is_done_to_keeps_its_bei():
    # lawrefbook_dlc/chongqing/重庆市国防动员条例(2015-07-30).md
    text = "被征用并经过改造的民用资源，不影响原使用功能的，经被征用者同意，可以直接返还；"
    assert [t for t, _ in mention_actors(text, "chongqing")] == ["被征用者"]


# --- issue 11, generalization (tuneA): productive patterns checked on random corpus sentences -----

def test_bracketed_county_units_and_relative_governments_are_governments():
    # lawrefbook_dlc/shandong/青岛市供热条例(2017-12-01).md
    text = "对城镇低收入家庭和其他需要特殊照顾的家庭，市、区（市）人民政府应当按照规定给予热费补助。"
    assert spans(text, "qingdao") == [("市、区（市）人民政府", "青岛市人民政府", "city"),
                                      ("区（市）人民政府", "青岛市区人民政府", "county")]
    # lawrefbook_dlc/henan/河南省政府投资建设项目审计条例(2009-10-12).md (第三十七条): 本级 is dropped
    text = "审计机关应当向本级人民政府报告政府投资建设项目的审计结果。"
    assert [(a.text, a.label) for a in resolve_actors(text, "henan")] == [
        ("审计机关", "河南省人民政府审计机关"), ("人民政府", "河南省人民政府")]
    # lawrefbook_dlc/shandong/淄博市水土保持若干规定(2018-09-25).md (第四条): 区（县） before a department
    text = "市、区（县）水行政主管部门负责本辖区内的水土保持监督管理工作。"
    assert [(a.text, a.label) for a in resolve_actors(text, "zibo")] == [
        ("市、区（县）水行政主管部门", "淄博市人民政府水行政主管部门"),
        ("区（县）水行政主管部门", "淄博市区人民政府水行政主管部门")]


def test_a_district_and_a_county_of_one_city_are_two_bodies():
    # lawrefbook_dlc/shanghai/上海市实施《义务教育法》办法(2009-02-24).md
    district, county, students = resolve_actors("区、县教育行政部门应当妥善安排学校拆迁后有关学生的就学。", "shanghai")
    assert (district.text, district.label) == ("区、县教育行政部门", "上海市区人民政府教育部门")
    assert (county.text, county.label) == ("县教育行政部门", "上海市县人民政府教育部门")
    assert district.id != county.id and students.text == "学生"


def test_body_names_keep_a_verb_that_ends_their_stem_and_a_level_before_them():
    # lawrefbook_dlc/henan/漯河市文明行为促进条例(2019-12-20).md (第二十四条): 指导|委员会
    text = "市、县（区）精神文明建设指导委员会及其工作机构应当组织、指导和协调开展文明城市创建活动。"
    assert [a.text for a in resolve_actors(text, "henan")][:2] == [
        "市、县（区）精神文明建设指导委员会", "县（区）精神文明建设指导委员会"]
    # lawrefbook_dlc/zhejiang/嘉兴市户外广告和招牌设置条例(2020-04-10).md (第四条): …执法部门
    text = "市、县（市、区）综合行政执法部门负责本行政区域内的户外广告和招牌设置的监督管理工作。"
    assert [a.text for a in resolve_actors(text, "jiaxing")] == [
        "市、县（市、区）综合行政执法部门", "县（市、区）综合行政执法部门"]


def test_agent_nouns_in_ren_fang_shang_and_people_categories_are_actors():
    # lawrefbook_dlc/zhejiang/浙江省建设工程质量管理条例(2017-11-30).md (第十七条)
    text = "勘察设计承包商应负责向业主和施工承包商进行施工图纸技术交底。"
    assert [a.text for a in resolve_actors(text, "zhejiang")] == ["勘察设计承包商", "业主", "施工承包商"]
    # data_compliance/local/市数据局关于印发《天津市公共数据资源开发利用安全管理办法-试行-》的通知… (第十六条)
    text = "数据开发利用监管方在开展公共数据资源开发利用安全监督检查时，应当加强协同配合。"
    assert [a.text for a in resolve_actors(text, "tianjin")] == ["数据开发利用监管方"]
    # lawrefbook_dlc/henan/郑州市矿产资源管理条例(2020-08-05).md (第二十一条)
    text = "采矿权申请人弄虚作假、采取欺骗手段领取的《采矿许可证》无效，由原发证机关予以撤销。"
    assert [a.text for a in resolve_actors(text, "zhengzhou")] == ["采矿权申请人", "原发证机关"]
    # lawrefbook_dlc/shandong/山东省风景名胜区条例(2017-05-19).md (第三十七条)
    text = "风景名胜区内的单位、居民和游客，应当遵守风景名胜区的各项管理制度。"
    assert [a.text for a in resolve_actors(text, "shandong")] == ["单位", "居民", "游客"]
    # …but not a word that only qualifies a noun, nor 方 and 人 inside other words
    assert resolve_actors("居民身份证和学生资助按照使用方法办理。", "shandong") == []   # 业主大会: a body (vocab)
    assert resolve_actors("加强工业机器人和人民币跨境支付应用，经批准后方可实施。", "shandong") == []
    # lawrefbook_dlc/henan/河南省企业工资集体协商条例(2013-11-29).md (第十六条): a 协商代表 is no deputy
    text = "协商代表应当保守在工资集体协商过程中知悉的企业商业秘密。"
    assert [(a.text, a.label) for a in resolve_actors(text, "henan")] == [("协商代表", "协商代表"), ("企业", "企业")]


def test_a_one_character_stem_and_a_court_after_a_level_word_are_names():
    # data_compliance/local/重庆市人民政府办公厅关于印发《重庆市推动“人工智能+”行动方案》的通知_其他文件_重庆市发展和改革委员会-a76361da6e.md
    text = "（责任单位：市委组织部、市教委、市人力社保局等）"
    assert [a.text for a in resolve_actors(text, "chongqing")] == ["市委组织部", "市教委", "市人力社保局"]
    assert [a.text for a in resolve_actors("（责任单位：市经济信息委、市教委等）", "chongqing")] == ["市经济信息委", "市教委"]
    assert [a.text for a in resolve_actors("城市委托第三方开展评估。", "shanghai")] == ["第三方"]   # not 市委


def test_offices_a_list_of_departments_and_bodies_named_by_their_duty():
    # data_compliance/local/《打造通用人工智能产业创新和应用高地若干政策-2.0-版-》-f84d111131.md: a party office by pattern
    assert [(a.text, a.label) for a in resolve_actors("（配合单位：省委人才工作局、省人力资源社会保障厅）", "anhui")] == [
        ("省委人才工作局", "中共安徽省委人才工作局"), ("省人力资源社会保障厅", "安徽省人民政府人力资源社会保障部门")]
    # data_compliance/local/《河南省深化智慧城市发展推进城市全域数字化转型实施方案-2025—2027年-》-601145db1d.md:
    # 民政厅 in a list of departments needs no level word of its own
    text = "（责任单位：省教育厅、卫生健康委、民政厅、人力资源社会保障厅、医保局、行政审批政务信息管理局、发展改革委）"
    assert [a.text for a in resolve_actors(text, "henan")] == [
        "省教育厅", "卫生健康委", "民政厅", "人力资源社会保障厅", "医保局", "行政审批政务信息管理局", "发展改革委"]
    # data_compliance/local/《河南省支持人工智能产业生态发展若干政策措施》-df501407df.md: 省辖市 + 政府
    text = "（责任单位：省发展改革委、财政厅，各省辖市政府和济源示范区、航空港区管委会）"
    assert [a.text for a in resolve_actors(text, "henan")][:3] == ["省发展改革委", "财政厅", "省辖市政府"]
    # lawrefbook_dlc/henan/河南省安全生产条例(2010-07-30).md: a department named by its duty
    text = "县级以上人民政府应急管理部门和对有关行业、领域的安全生产工作实施监督管理的部门，统称负有安全生产监督管理职责的部门。"
    assert [a.text for a in resolve_actors(text, "henan")][-1:] == ["负有安全生产监督管理职责的部门"]
    # lawrefbook_dlc/henan/焦作市地方立法条例(2017-04-20).md (第十二条): working bodies of the standing committee
    text = "征集立法建议项目，应当由市人民代表大会常务委员会法制工作机构向市人民代表大会各专门委员会，常务委员会办事机构发出书面通知。"
    assert [a.text for a in resolve_actors(text, "jiaozuo")] == [
        "市人民代表大会常务委员会法制工作机构", "市人民代表大会各专门委员会", "常务委员会办事机构"]


# --- labels that hold beyond the tuning sentences (issue 11, round 4) ------------------------------

def test_a_national_text_names_local_governments_as_written_not_scoped_by_the_country():
    # data_compliance/national/国家网络安全事件报告管理办法_中央网络安全和信息化委员会办公室-945c692fb7.md (第三条)
    text = "省级网信部门负责统筹协调本行政区域内网络安全事件报告管理工作。"
    assert spans(text, "china") == [("省级网信部门", "省级人民政府网信部门", "province")]
    # data_compliance/national/中华人民共和国数字经济促进法-专家建议稿-0d196b5a94.md
    text = "县级以上地方人民政府以及有关部门应当结合本地区产业基础和特点，推动软件产业集群建设。"
    assert spans(text, "china") == [("县级以上地方人民政府", "县级以上地方人民政府", "county-and-above"),
                                    ("有关部门", "县级以上地方人民政府有关部门", "county-and-above")]
    # 直辖市 after 省、自治区、 is no city government (重要军工设施保护条例 wording, national texts)
    text = "经国务院国防科技工业主管部门和省、自治区、直辖市人民政府同意的除外。"
    assert spans(text, "china")[-1] == ("省、自治区、直辖市人民政府", "省、自治区、直辖市人民政府", "province")


def test_a_level_words_departments_are_that_governments_departments():
    # lawrefbook_dlc/zhejiang/绍兴市水资源保护条例(2021-12-08).md
    text = "市水行政主管部门会同有关部门对落实水资源保护工作不力的县（市、区）人民政府和有关市级部门，可以要求其说明情况。"
    assert spans(text, "shaoxing")[-1] == ("市级部门", "绍兴市人民政府有关部门", "city")
    # data_compliance/local/《上海市城市数字化转型专项资金管理办法》-0311bbd46c.md: 市级部门预算 is a budget
    assert spans("预算执行中确需调整年度预算的，按照市级部门预算动态调整管理的有关规定执行。", "shanghai") == []


def test_a_field_older_regulations_name_a_department_by_resolves_to_its_department():
    # lawrefbook_dlc/henan/河南省固体废物污染环境防治条例(2018-09-30).md (第四十六条)
    text = "对经认定的煤矸石、煤泥、垃圾、秸秆等低热值并网发电项目，价格主管部门应当按照有利于资源综合利用的原则确定其上网电价；"
    assert spans(text, "henan") == [("价格主管部门", "河南省人民政府发展改革部门", "province")]
    # lawrefbook_dlc/henan/许昌市中心城区河湖水系保护条例(2018-06-18).md; 有关 stays in the surface
    text = "规模放生活动组织者应当主动向渔业行政主管部门报告，有关土地行政主管部门和相关行政管理部门应当配合。"
    assert spans(text, "xuchang")[-3:] == [("渔业行政主管部门", "许昌市人民政府农业农村部门", "city"),
                                           ("有关土地行政主管部门", "许昌市人民政府自然资源部门", "city"),
                                           ("相关行政管理部门", "许昌市人民政府有关部门", "city")]
    # a former department's own name stays as written; a stem inside a longer name is no department of its own
    text = "公安机关交通管理部门应当根据道路交通实际状况，会同国土资源主管部门指定教学车辆的区域。"
    assert [a for _, a, _ in spans(text, "qingdao")] == ["青岛市人民政府公安机关交通管理部门",
                                                         "青岛市人民政府国土资源主管部门"]


def test_a_zone_named_by_its_own_name_is_one_body_labelled_as_written():
    # data_compliance/local/《中国-上海-自由贸易试验区及临港新片区数据出境负面清单管理办法》-试行-c19c22d87a.md
    text = "上海自贸试验区管委会、临港新片区管委会负责组织指导上海自贸试验区及临港新片区数据处理者使用负面清单。"
    assert actors(text, "shanghai")[:2] == [
        ("上海自贸试验区管委会", "actor:org/organ-d6bddc8d", "上海自贸试验区管委会"),
        ("临港新片区管委会", "actor:org/organ-a7e34c35", "临港新片区管委会")]
    # …a kind of zone stays a body of the document's government, without the determiner
    assert spans("由各开发区管委会负责", "changchun") == [("开发区管委会", "长春市开发区管委会", "city")]


def test_a_city_text_keeps_the_county_unit_county_city_as_written():
    # lawrefbook_dlc/zhejiang/杭州西溪国家湿地公园保护管理条例(2011-10-17).md wording; 204 documents write 县（市）人民政府
    text = "市和区、县（市）人民政府应当加强湿地保护，湿地公园保护所需要的资金应当列入有关区人民政府财政专项预算。"
    assert [(t, lb) for t, lb, _ in spans(text, "hangzhou")] == [
        ("市和区、县（市）人民政府", "杭州市人民政府"), ("区、县（市）人民政府", "杭州市区人民政府"),
        ("县（市）人民政府", "杭州市县（市）人民政府"), ("有关区人民政府", "杭州市区人民政府")]


def test_a_congress_in_a_time_phrase_is_no_actor_and_a_lower_level_congress_keeps_its_level():
    # lawrefbook_dlc/henan/河南省人民代表大会议事规则(2010-07-30).md (第二十二条)
    text = ("省人民政府在省人民代表大会会议期间不能提出上一年财政决算报告的情况下，"
            "由省人民代表大会常务委员会在省人民代表大会闭会期间审查和批准。")
    assert mention_actors(text, "henan") == [("省人民政府", "河南省人民政府"),
                                             ("省人民代表大会常务委员会", "河南省人民代表大会常务委员会")]
    # lawrefbook_dlc/zhejiang/ 县、乡两级 election rules wording; in a city, 省 is the province
    text = "县级人民代表大会常务委员会和乡级人民代表大会主席团，报省人民代表大会常务委员会备案。"
    assert [lb for _, lb, _ in spans(text, "zhejiang")] == [
        "浙江省县级人民代表大会常务委员会", "浙江省乡镇人民代表大会主席团", "浙江省人民代表大会常务委员会"]
    assert [lb for _, lb, _ in spans("报省人民代表大会常务委员会批准", "rizhao")] == ["山东省人民代表大会常务委员会"]
    # lawrefbook_dlc/guangdong/广东省人民代表大会议事规则(2022-01-22).md: the NPC is one named body
    text = "本省出席全国人民代表大会的代表候选人，各政党、各人民团体的省级机构可以联合或者单独推荐。"
    assert mention_actors(text, "guangdong")[:3] == [("全国人民代表大会", "全国人民代表大会"), ("政党", "政党"),
                                                     ("人民团体", "人民团体")]


def test_a_court_written_by_its_level_word_alone_has_its_full_name():
    # data_compliance/local/《数字青岛2025年行动方案》-2b42489f5f.md style brackets: （责任单位：…、市法院、市司法局）
    assert [lb for _, lb, _ in spans("（责任单位：市商务局、市法院、市司法局）", "qingdao")] == [
        "青岛市人民政府商务部门", "青岛市中级人民法院", "青岛市人民政府司法行政部门"]
    assert [lb for _, lb, _ in spans("市法院、市检察院", "beijing")] == ["北京市高级人民法院", "北京市人民检察院"]


def test_a_district_named_by_its_place_carries_its_citys_name_and_an_alias_is_no_part_of_a_name():
    # data_compliance/local/广州市促进数据产业高质量发展行动计划-2025年-2027年-征求公众意见稿-3736ab6a20.md
    assert spans("（责任单位：市政务和数据局，越秀区政府、浦东新区政府）", "shanghai")[1:] == [
        ("越秀区政府", "上海市越秀区人民政府", "county"), ("浦东新区政府", "上海市浦东新区人民政府", "county")]
    # data_compliance/local/天津市促进智能网联汽车发展条例-征求意见稿-8e2a03c656.md (第九条)
    text = "市工业和信息化部门会同有关区人民政府共同推进智能网联汽车产业集聚发展。"
    assert spans(text, "tianjin")[-1] == ("有关区人民政府", "天津市区人民政府", "county")
    # lawrefbook_dlc/henan/河南省物业管理条例.md: （以下简称…） names the body before it
    text = "县级以上人民政府房地产行政主管部门（以下简称物业管理行政主管部门）负责物业管理活动的监督管理工作。"
    assert [t for t, _ in mention_actors(text, "henan")] == ["县级以上人民政府房地产行政主管部门", "物业管理行政主管部门"]
    # lawrefbook_dlc/henan/安阳市城市管理综合执法条例(2017-06-26).md: 执法人员 holds no 法人 (it is the
    # tool 执法's agent, a category of its own)
    assert mention_actors("城管执法人员的回避，由本级城管执法部门负责人决定；", "anyang") == [
        ("城管执法人员", "城管执法人员"), ("城管执法部门", "安阳市人民政府城管执法部门")]


def test_units_directly_under_a_government_are_the_documents_own():
    # data_compliance/local/湖南省人民政府办公厅关于印发《湖南省2025年政务服务和数据工作要点》-1a36d6679f.md
    text = "省直单位要整合归集本行业、本系统、本单位数据，省直有关部门和市直部门要加强协同。"
    assert spans(text, "hunan") == [("省直单位", "湖南省省直单位", None),
                                    ("省直有关部门", "湖南省人民政府有关部门", "province"),
                                    ("市直部门", "湖南省设区的市级人民政府有关部门", "city")]


def test_a_verb_or_preposition_opening_the_clause_is_no_part_of_a_role_noun():
    # lawrefbook_dlc/henan/洛阳市陆浑水库饮用水水源保护条例(2019-12-27).md (第九条): 保护|举报人
    text = "第九条 任何单位和个人都有权对污染和破坏陆浑水库饮用水水源的行为进行举报，接受举报的部门应当依法调查处理，并保护举报人合法权益。"
    assert spans(text, "luoyang") == [("单位", "单位", None), ("个人", "个人", None), ("举报人", "举报人", None)]
    # data_compliance/local/《打造通用人工智能产业创新和应用高地若干政策-2.0-版-》-f84d111131.md: 满足|企业
    text = "以参股方式支持市国资平台、经营主体等设立通用人工智能领域子基金，满足企业和项目资金需求。"
    assert [(t, lb) for t, lb, _ in spans(text, "anhui")] == [("经营主体", "经营主体"), ("企业", "企业")]
    # lawrefbook_dlc/henan/河南省发展民营科技企业条例.md (第二条): 本条例所称|…, 以|科技人员
    text = ("第二条 本条例所称民营科技企业是指以科技人员为主体，以技术创新和科技成果转化为主要特征，"
            "实行自筹资金、自愿组合、自主经营、自负盈亏的经济实体。")
    assert [(t, lb) for t, lb, _ in spans(text, "henan")] == [("民营科技企业", "企业"), ("科技人员", "科技人员")]
    # … but 保护 stays where it makes a term with the head (保护责任人)
    assert [t for t, _, _ in spans("保护责任人应当履行下列义务：", "hangzhou")] == ["保护责任人"]


def test_a_fields_department_written_with_bare_bumen_belongs_to_the_documents_government():
    # lawrefbook_dlc/chongqing/重庆市宗教事务条例(2019-05-31).md: 宗教事务部门 is no role the ontology lists
    text = "市、区县（自治县）宗教事务部门依法对涉及国家利益和社会公共利益的宗教事务进行行政管理，其他有关部门在各自职责范围内依法负责有关的行政管理工作。"
    assert spans(text, "chongqing") == [("市、区县（自治县）宗教事务部门", "重庆市人民政府宗教事务部门", "province"),
                                        ("区县（自治县）宗教事务部门", "重庆市区县人民政府宗教事务部门", "county"),
                                        ("有关部门", "重庆市人民政府有关部门", "province")]
    # lawrefbook_dlc/henan/商丘市城市扬尘污染防治条例(2020-04-20).md: 受理部门 names a part in a procedure, no field
    assert spans("举报内容经查证属实的，受理部门应当按照有关规定对举报人给予奖励。", "shangqiu") == [
        ("受理部门", "受理部门", None), ("举报人", "举报人", None)]


def test_a_department_written_after_the_state_council_is_the_state_councils():
    # lawrefbook_dlc/henan/河南省畜牧业条例(2016-03-29).md: 国务院|畜牧行政主管部门 (was 河南省人民政府国务院畜牧行政主管部门)
    text = "省级畜禽品种保护名录由省畜牧行政主管部门确定、公布，报国务院畜牧行政主管部门备案。"
    assert spans(text, "henan") == [("省畜牧行政主管部门", "河南省人民政府畜牧行政主管部门", "province"),
                                    ("国务院畜牧行政主管部门", "国务院畜牧行政主管部门", "national")]


def test_a_national_bureau_the_ontology_does_not_list_is_labelled_as_written():
    # data_compliance/national/关键信息基础设施商用密码使用管理规定_中央网络安全和信息化委员会办公室-4cfef219cb.md
    text = ("《关键信息基础设施商用密码使用管理规定》已经2025年4月21日国家密码管理局局务会议审议通过，"
            "并经国家互联网信息办公室、公安部同意，现予公布，自2025年8月1日起施行。")
    assert [(t, lb) for t, lb, _ in spans(text, "china")] == [
        ("国家密码管理局", "国家密码管理局"), ("国家互联网信息办公室", "国家互联网信息办公室"), ("公安部", "公安部")]


def test_a_kind_of_enterprise_keeps_its_name_and_one_named_by_its_field_is_the_category():
    # lawrefbook_dlc/shandong/山东省燃气管理条例(2016-03-30).md (第二十条): ANNOTATION.md, the category as it stands
    assert spans("第二十条 燃气经营企业应当建立燃气安全管理责任制，健全安全管理网络。", "shandong") == [
        ("燃气经营企业", "燃气经营企业", None)]
    # data_compliance/local/《2025年数字云南建设工作要点》-630d57f591.md: 数字经济 is a field, the label is 企业
    assert [(t, lb) for t, lb, _ in spans("建立数字经济企业升规培育长效机制，促进数字经济企业“四上”转化。", "yunnan")] == [
        ("数字经济企业", "企业"), ("数字经济企业", "企业")]


def test_a_verb_before_a_department_name_is_no_part_of_it():
    # lawrefbook_dlc/zhejiang/浙江省城市市容和环境卫生管理条例(2021-09-30).md: 征得|市容环境卫生主管部门
    text = "大型户外广告的设置应当征得市容环境卫生主管部门同意，并依法办理有关审批手续。"
    assert spans(text, "zhejiang") == [("市容环境卫生主管部门", "浙江省人民政府市容环境卫生主管部门", "province")]


def test_a_bracketed_bare_unit_acting_as_the_subject_is_those_governments():
    # data_compliance/local/《贵州省鼓励数据产业发展的若干政策-试行-》-4e1aca813e.md: 各市（州）根据财力安排资金
    text = ("充分发挥省“四化”基金、新动能基金、贵阳大数据科创城、贵阳贵安人工智能产业投资等百亿规模产业基金作用，"
            "加大省级相关专项资金支持力度，各市（州）根据财力安排资金，对数据产业给予大力支持。")
    assert mention_actors(text, "guizhou") == [("市（州）", "贵州省设区的市级人民政府")]


def test_self_governing_committees_are_organisations_named_as_written():
    # lawrefbook_dlc/shandong/潍坊市物业管理条例(2022-01-21).md: 业主委员会 (was 潍坊市业主委员会); 业主大会会议: a meeting
    text = "业主委员会未按照规定召集业主大会会议的，业主可以请求物业所在地街道办事处、镇人民政府责令限期召集；"
    assert [(t, lb) for t, lb, _ in spans(text, "weifang")] == [
        ("业主委员会", "业主委员会"), ("业主", "业主"), ("街道办事处", "潍坊市街道办事处"), ("镇人民政府", "潍坊市乡镇人民政府")]


def test_a_township_or_street_office_earlier_in_the_sentence_does_not_own_the_departments_after_it():
    # lawrefbook_dlc/shandong/泰安市献血条例(2021-07-31).md: 有关部门 are the city's (was 泰安市街道办事处有关部门)
    text = "乡镇人民政府、街道办事处、基层群众性自治组织应当配合有关部门和机构开展献血工作，动员本辖区内符合献血条件的公民参与无偿献血有关工作。"
    assert [(t, lb) for t, lb, _ in spans(text, "taian")] == [
        ("乡镇人民政府", "泰安市乡镇人民政府"), ("街道办事处", "泰安市街道办事处"),
        ("基层群众性自治组织", "基层群众性自治组织"), ("有关部门", "泰安市人民政府有关部门"), ("公民", "公民")]
    # lawrefbook_dlc/henan/河南省实施《乡镇企业法》办法(2000-09-27).md (第五条): 乡镇|企业 is no level word
    text = "第五条 县级以上人民政府乡镇企业行政管理部门应当依据国家产业政策，会同有关部门拟定乡镇企业发展规划。"
    assert spans(text, "henan")[0] == ("县级以上人民政府乡镇企业行政管理部门", "河南省县级以上人民政府乡镇企业行政管理部门",
                                       "county-and-above")


def test_daibiao_as_a_verb_is_no_deputy():
    # lawrefbook_dlc/zhejiang/浙江省物业管理条例(2009-11-27).md: 业主大会代表和维护… (represents), not a congress deputy
    text = "业主大会代表和维护全体业主有关物业管理的合法权益，履行国务院《物业管理条例》规定的职责。"
    assert [(t, lb) for t, lb, _ in spans(text, "zhejiang")] == [("业主大会", "业主大会"), ("业主", "业主"),
                                                                ("国务院", "国务院")]


def test_a_collective_alias_after_coordinated_bodies_is_no_alias_of_the_last_one():
    # lawrefbook_dlc/chongqing/重庆市邮政条例(2012-11-29).md: （以下统称邮政管理部门） names both bodies (was 派出机构)
    text = ("市邮政管理部门和本条例第四条第二款规定的邮政监管派出机构（以下统称邮政管理部门）对邮政市场实施监督管理，"
            "应当遵循公开、公平、公正以及鼓励竞争、促进发展的原则。")
    assert mention_actors(text, "chongqing") == [("市邮政管理部门", "重庆市人民政府邮政管理部门"), ("派出机构", "派出机构"),
                                                 ("邮政管理部门", "重庆市人民政府邮政管理部门")]


def test_a_list_of_stems_closed_by_deng_and_a_longer_head_or_a_single_stem_before_deng():
    # lawrefbook_dlc/shanghai/上海市精神卫生条例.md: …、民政等行政部门 (the last stem was 民政等行政)
    text = "卫生计生、公安、民政等行政部门及其工作人员在精神卫生工作中获得的精神障碍患者个人信息，应当予以保密。"
    assert [(t, lb) for t, lb, _ in spans(text, "shanghai")][2:] == [
        ("卫生计生、公安、民政等行政部门", "上海市人民政府民政部门"), ("工作人员", "工作人员")]
    # lawrefbook_dlc/chongqing/重庆市轨道交通条例(2011-03-25).md: …、园林等相关部门
    text = "轨道交通建设期间，市公安交通管理部门应当会同市城乡建设、交通、市政、园林等相关部门和轨道交通建设单位制订交通组织方案。"
    assert [lb for _, lb, _ in spans(text, "chongqing")][-2:] == ["重庆市人民政府园林部门", "轨道交通建设单位"]


def test_a_county_unit_before_chengxiang_is_a_level_word_not_xiancheng():
    # lawrefbook_dlc/henan/信阳市传统村落保护条例(2016-10-20).md: 县|城乡规划主管部门 (was 信阳市人民政府县城乡规划主管部门)
    text = "市、县城乡规划主管部门负责对传统村落的保护发展规划工作实施监督、管理、指导。"
    assert spans(text, "xinyang") == [("市、县城乡规划主管部门", "信阳市人民政府城乡规划主管部门", "city"),
                                      ("县城乡规划主管部门", "信阳市县人民政府城乡规划主管部门", "county")]


def test_relevant_organs_named_earlier_do_not_own_the_departments_after_them():
    # lawrefbook_dlc/beijing/北京市保守国家秘密条例(2021-04-16).md (was 北京市有关机关公安机关)
    text = ("国家工作人员或者其他公民发现下列危害或者可能危害国家秘密安全情形的，应当采取相应措施，及时报告有关机关、单位依法处理，"
            "或者报告公安机关、国家安全机关、保密行政管理部门，接到报告的部门应当及时调查处理并通报其他有关部门：")
    assert mention_actors(text, "beijing")[2:] == [
        ("有关机关", "北京市有关机关"), ("单位", "单位"), ("公安机关", "北京市人民政府公安机关"), ("国家安全机关", "国家安全机关"),
        ("保密行政管理部门", "北京市人民政府保密行政管理部门"), ("有关部门", "北京市人民政府有关部门")]


def test_international_organisations_are_a_category():
    # data_compliance/national/中华人民共和国个人信息保护法-eba47ff909.md (第十二条)
    text = ("国家积极参与个人信息保护国际规则的制定，促进个人信息保护方面的国际交流与合作，"
            "推动与其他国家、地区、国际组织之间的个人信息保护规则、标准等互认。")
    assert [(t, lb) for t, lb, _ in spans(text, "china")] == [("国际组织", "国际组织")]


def test_a_body_named_with_no_place_level_or_government_is_labelled_as_written():
    # lawrefbook_dlc/henan/河南省专利保护条例(2005-12-02).md (第二十一条): 专利复审委员会 (was 河南省专利复审委员会)
    text = ("第二十一条 管理专利工作的部门在处理实用新型、外观设计专利侵权纠纷时，被请求人在答辩期间内向专利复审委员会"
            "请求宣告请求人的专利权无效的，可以申请管理专利工作的部门中止处理程序。")
    assert spans(text, "henan") == [("被请求人", "被请求人", None), ("专利复审委员会", "专利复审委员会", None)]
    # lawrefbook_dlc/zhejiang/浙江省预算审查监督条例(2016-12-01).md: a committee of the place's congress stays scoped
    text = "预算审查小组成员协助本级人民代表大会财政经济委员会做好人民代表大会会议期间的预算审查工作。"
    assert [lb for _, lb, _ in spans(text, "zhejiang")] == ["浙江省人民代表大会财政经济委员会"]
    # lawrefbook_dlc/henan/河南省实施《招标投标法》办法(2002-11-30).md: 评标委员会, a committee of a tender
    assert spans("评标委员会应当在开标前二十四小时内组成，其名单在中标结果确定前应当保密。", "henan") == [
        ("评标委员会", "评标委员会", None)]


def test_district_and_county_congresses_of_a_municipality_are_two_bodies_with_one_label_each():
    # lawrefbook_dlc/shanghai/上海市区和乡镇人民代表大会代表直接选举实施细则(2021-03-24).md: 由区人民代表大会常务委员会任命。
    # (one id used to carry both 上海市区… and 上海市县…, so SPARQL and Cypher labelled it differently)
    district = actors("由区人民代表大会常务委员会任命。", "shanghai")
    county = actors("由县人民代表大会常务委员会任命。", "shanghai")
    assert district == [("区人民代表大会常务委员会", "actor:shanghai/county/district/congress-standing-committee",
                         "上海市区人民代表大会常务委员会")]
    assert county == [("县人民代表大会常务委员会", "actor:shanghai/county/congress-standing-committee",
                       "上海市县人民代表大会常务委员会")]


def test_a_relative_body_is_a_new_actor_and_leaves_the_parent_of_a_department_named_after_it_alone():
    # lawrefbook_dlc/henan/安阳市城市管理综合执法条例(2017-06-26).md (第四十三条).  The 上级 rewrite used to change the label of
    # the actor object a department already held as its parent, so 安阳市行政机关 got the label 上级行政机关
    # in this document's graph and SPARQL and Cypher disagreed on it.
    got = resolve_actors("城管执法部门有下列情形之一的，由上级行政机关或者有关部门责令改正；", "anyang")
    assert [(a.text, a.id, a.label) for a in got][1:] == [
        ("上级行政机关", "actor:org/organ-259b3965", "上级行政机关"),
        ("有关部门", "actor:anyang/administrative-organ/other-departments", "安阳市行政机关有关部门")]
    assert got[2].parent == "actor:anyang/administrative-organ" and got[2].parent_actor.label == "安阳市行政机关"


def test_a_lower_congress_has_one_label_however_its_level_is_written():
    # lawrefbook_dlc/zhejiang/浙江省乡镇人民代表大会工作条例(2016-07-29).md: 县（市、区）人民代表大会常务委员会应当建立健全…
    # (one id carried six labels over the corpus: 县级, 县, 县（市、区）, 县（区）…)
    written = ["县（市、区）", "县（区）", "县", "县级"]
    got = {a.id: a.label for w in written for a in resolve_actors(f"{w}人民代表大会常务委员会应当建立健全联系、指导和监督工作机制", "zhejiang")}
    assert got == {"actor:zhejiang/county/congress-standing-committee": "浙江省县级人民代表大会常务委员会"}
    autonomous = resolve_actors("自治县人民代表大会常务委员会应当", "zhejiang")[0]
    assert (autonomous.id, autonomous.label) == ("actor:zhejiang/county/autonomous-county/congress-standing-committee",
                                                 "浙江省自治县人民代表大会常务委员会")


def test_a_special_administrative_regions_government_is_its_own_not_a_districts():
    # data_compliance/national/《卫星网络国内协调管理办法-暂行-》-027352154b.md (第三十二条): 澳门特别行政|区政府
    text = "第三十二条 涉及香港、澳门特别行政区的国内协调事宜，根据内地与香港、澳门特别行政区政府间有关规定办理。"
    assert [(a.text, a.label, a.level) for a in resolve_actors(text, "china")] == [
        ("香港、澳门特别行政区政府", "香港特别行政区政府", "province"), ("澳门特别行政区政府", "澳门特别行政区政府", "province")]


def test_places_listed_before_a_body_each_have_that_body():
    # lawrefbook_dlc/shandong/泰山风景名胜区保护管理条例(2020-11-27).md: 泰安市、济南市人民政府 → both cities' governments
    text = "泰安市、济南市人民政府按照行政区划负责协调泰山风景名胜区的保护、利用和管理工作。"
    assert [(a.text, a.label) for a in resolve_actors(text, "shandong")][:2] == [
        ("泰安市、济南市人民政府", "泰安市人民政府"), ("济南市人民政府", "济南市人民政府")]


def test_a_collective_alias_that_is_a_vocabulary_role_keeps_the_roles_reading():
    # lawrefbook_dlc/zhejiang/浙江省保障“最多跑一次”改革规定(2018-11-30).md: （以下统称行政机关）names the role it is
    from policykg.extract.pipeline import run
    doc = run("第二条 本省行政机关和依法授权的具有管理公共事务职能的组织（以下统称行政机关），在提供行政许可过程中开展改革，适用本规定。\n"
              "第三条 行政机关应当按照改革要求，减少办事环节。", path="zj.txt", front={"title": "浙江省保障改革规定"})
    assert {(r.text, r.label) for r in doc.records() if r.kind == "actor" and r.text == "行政机关"} == {
        ("行政机关", "浙江省行政机关")}


def test_a_department_of_every_level_is_the_department_of_all_levels_governments():
    # lawrefbook_dlc/henan/河南省失业保险条例(2001-11-29).md: 各级|审计机关 (各级 names the level in the label; the
    # surface drops it as a determiner, GUIDE.md: 各级人民政府 keeps it as a role name, a department does not)
    text = "各级审计机关应依法加强对失业保险基金的审计监督。"
    assert [(a.text, a.label) for a in resolve_actors(text, "henan")] == [("审计机关", "河南省各级人民政府审计机关")]


def test_a_state_council_department_named_by_its_role_is_the_ministry():
    # data_compliance/national/国家互联网信息办公室、公安部关于《大型网络平台个人信息保护规定-征求意见稿-》公开征求意见的通知_中央网络安全和信息化委员会办公室-956a17d58d.md
    text = "第三条 国家网信部门会同国务院公安部门等有关部门制定发布大型网络平台目录并动态更新。"
    assert [(a.text, a.label) for a in resolve_actors(text, "china")][:2] == [
        ("国家网信部门", "国家互联网信息办公室"), ("国务院公安部门", "公安部")]
    # 国家有关部门 is the State Council's (国务院有关部门), as written in other national texts
    assert [a.label for a in resolve_actors("国家有关部门应当加强指导。", "china")] == ["国务院有关部门"]


def test_a_court_or_procuratorate_after_a_level_word_is_that_places():
    # lawrefbook_dlc/shandong/山东省人民代表大会议事规则(2019-02-18).md
    text = "对省人民检察院检察长的罢免，须报最高人民检察院检察长提请全国人民代表大会常务委员会批准。"
    assert [(a.text, a.label) for a in resolve_actors(text, "shandong")][:2] == [
        ("省人民检察院", "山东省人民检察院"), ("最高人民检察院", "最高人民检察院")]
    assert [(a.text, a.label) for a in resolve_actors("区人民法院依法审理。", "shanghai")] == [
        ("区人民法院", "上海市区人民法院")]


def test_a_kind_of_body_with_its_level_word_is_that_levels_in_the_documents_region():
    # lawrefbook_dlc/henan/河南省黄河防汛条例(2016-12-02).md: 县级|防汛指挥机构 (the level word kept in the surface)
    assert [(a.text, a.label) for a in resolve_actors("洪水偎堤后，县级防汛指挥机构应当根据黄河防汛预案组织防汛队伍巡堤查险。",
                                                       "henan")] == [("县级防汛指挥机构", "河南省县级防汛指挥机构")]
    # 省级 in a city's text is its province's (湖北省, for a Wuhan text)
    assert [a.label for a in resolve_actors("省级登记机构负责全省登记工作。", "wuhan")] == ["湖北省省级登记机构"]


def test_cheng_shi_listed_before_a_county_government_is_the_citys_level():
    # lawrefbook_dlc/henan/河南省实施《城乡规划法》办法(2010-07-30).md: 城市、县人民政府 (158 times in 13 corpus documents)
    text = "不隶属于乡、镇的村庄规划由城市、县人民政府城乡规划主管部门组织编制，报城市、县人民政府审批。"
    assert [(a.text, a.label) for a in resolve_actors(text, "henan")][-2:] == [
        ("城市、县人民政府", "河南省设区的市级人民政府"), ("县人民政府", "河南省县级人民政府")]
