"""Round 20 actor rules on real corpus sentences (/work/shared/corpus/scale, outside the gold documents),
through find_mentions."""

from policykg.extract.stages.mentions import find_mentions


def actors(text: str, jurisdiction: str | None):
    return [(a.text, a.label) for a in find_mentions(text, 0, len(text), jurisdiction).actors]


def test_a_verb_whose_object_is_the_role_noun_stays_outside_it():
    # lawrefbook_dlc/henan/洛阳市旅游条例.md (第三十三条)
    assert actors("第三十三条 违反本条例第二十条第三款规定，强制旅游者消费的，由旅游主管部门责令改正，没收违法所得，"
                  "并处五千元以上一万元以下罚款。", "luoyang") == [
        ("旅游者", "旅游者"), ("旅游主管部门", "洛阳市人民政府旅游主管部门")]
    # lawrefbook_dlc/guangdong/汕头经济特区基层医疗卫生服务条例(2022-12-30).md
    assert actors("鼓励和引导社会力量依法参与举办基层医疗卫生机构。", "shantou") == [
        ("社会力量", "社会力量"), ("基层医疗卫生机构", "医疗卫生机构")]


def test_a_verb_before_a_department_without_a_level_word_is_no_part_of_its_name():
    # lawrefbook_dlc/shandong/青岛市无居民海岛管理条例(2018-11-30).md (第三十一条)
    text = ("第三十一条 违反本条例规定，拒绝海洋主管部门监督检查，在接受监督检查时弄虚作假，或者不提供有关文件和资料的，"
            "由海洋主管部门责令改正，可以处二万元以下的罚款。")
    assert actors(text, "qingdao") == [("海洋主管部门", "青岛市人民政府海洋主管部门")] * 2


def test_the_verb_stays_where_it_makes_the_whole_modifier_or_a_name():
    # lawrefbook_dlc/zhejiang/浙江省商品交易市场管理条例(2021-07-30).md: 受理|消费者, but 受理部门 keeps its verb
    assert actors("受理消费者申诉，保护消费者合法权益；", "zhejiang") == [("消费者", "消费者")] * 2
    # lawrefbook_dlc/zhejiang/宁波市预防和制止家庭暴力条例(2008-10-06).md: a committee named after two verbs
    assert actors("预防和制止家庭暴力委员会设立办事机构，负责委员会的日常工作。", "ningbo")[0][0] == "预防和制止家庭暴力委员会"


def test_the_place_word_suo_zai_di_is_no_part_of_a_department_name():
    # lawrefbook_dlc/zhejiang/台州市物业管理条例(2021-04-06).md (corpus/scale: 所在地 before a department in 307 documents)
    assert actors("建设单位根据前款规定采用协议方式选聘物业服务企业的，应当报物业所在地物业主管部门批准。", "taizhou")[-1] == (
        "物业主管部门", "台州市人民政府物业主管部门")
    # lawrefbook_dlc/zhejiang/浙江省实施《道路交通安全法》办法(2014-11-28).md
    text = "但自行车销售单位应当在销售时按规定对自行车统一编号、敲印、登记，定期报所在地公安机关交通管理部门备案。"
    assert actors(text, "zhejiang") == [("自行车销售单位", "自行车销售单位"),
                                        ("公安机关交通管理部门", "浙江省人民政府公安机关交通管理部门")]


def test_no_head_inside_a_longer_term_and_no_count_inside_a_vehicle_word():
    # lawrefbook_dlc/zhejiang/浙江省劳动保障监察条例(2020-09-24).md: 人 of 用人单位 ends nothing
    assert actors("投诉人不提供被投诉用人单位的名称、住所以及合法权益受侵害的事实等基本情况的。", "zhejiang") == [
        ("投诉人", "投诉人"), ("被投诉用人单位", "被投诉用人单位")]
    # lawrefbook_dlc/zhejiang/浙江省快递业促进条例(2021-09-30).md: 三轮 is no count
    text = "快递专用电动三轮车应当由快递经营企业向公安机关交通管理部门申请登记，并由列入国家公告管理的三轮摩托车生产企业生产。"
    assert actors(text, "zhejiang")[-1] == ("三轮摩托车生产企业", "三轮摩托车生产企业")
    # lawrefbook_dlc/beijing/北京市图书馆条例.md: 各自 is a determiner
    assert actors("其他各类图书馆的开放时间按照各自主管部门的规定执行。", "beijing") == [("主管部门", "主管部门")]


def test_activity_stems_listed_before_one_head_are_kinds_of_their_own():
    # lawrefbook_dlc/shandong/山东省清洁生产促进条例(2020-11-27).md (第二十三条): the smallest span holding each conjunct
    text = "第二十三条 建筑工程的建设、设计、施工和监理单位，应当按照国家和省有关清洁生产的规定和标准，进行设计、施工和监理。"
    assert actors(text, "shandong") == [
        ("建设、设计、施工和监理单位", "建设单位"), ("设计、施工和监理单位", "设计单位"),
        ("施工和监理单位", "施工单位"), ("监理单位", "监理单位")]
    # lawrefbook_dlc/chongqing/重庆市禁毒条例(2012-11-29).md (第五十三条): sectors as well as activities
    text = ("第五十三条 邮政、快递、物流企业发现货物中夹带毒品、毒品原植物及其种子、幼苗或者非法寄递、托运易制毒化学品，"
            "不及时向公安机关或者有关主管部门报告的，由公安机关处一千元以上五千元以下罚款。")
    assert [a for a, _ in actors(text, "chongqing")][:3] == ["邮政、快递、物流企业", "快递、物流企业", "物流企业"]
    # lawrefbook_dlc/zhejiang/浙江省实施《档案法》办法(2017-11-30).md: nouns listed before 单位 stay apart (机关, 团体 and 企业事业单位)
    text = "第六条 各机关、团体、企业事业单位和其他社会组织（以下简称单位）应当重视本单位档案工作。"
    assert ("团体、企业事业单位", "团体单位") not in actors(text, "zhejiang")


def test_a_place_abbreviation_after_zai_is_no_part_of_the_role_noun():
    # lawrefbook_dlc/beijing/北京市优化营商环境条例(2020-03-27).md
    assert actors("本市支持在京商事仲裁机构和商事调解机构发展，支持其加入一站式国际商事纠纷多元化解决平台。", "beijing")[1:] == [
        ("商事仲裁机构", "商事仲裁机构"), ("商事调解机构", "商事调解机构")]


def test_a_field_before_jian_guan_names_a_department_of_the_government():
    # lawrefbook_dlc/shanghai/上海市安全生产条例(2018-05-24).md (第五十四条): 专项监管部门 stays a role
    text = ("第五十四条 任何单位和个人发现生产经营单位存在重大事故隐患或者安全生产违法行为的，"
            "有权向安全生产监管部门和专项监管部门举报；")
    assert actors(text, "shanghai")[-2:] == [("安全生产监管部门", "上海市人民政府安全生产监管部门"),
                                             ("专项监管部门", "专项监管部门")]
    # lawrefbook_dlc/shanghai/上海市药品和医疗器械管理条例(2024-12-31).md: 药品监管部门 is the vocabulary's
    text = "市药品监管部门应当开展临床试验质量监测，发现可能存在安全性问题或者其他风险的，予以预警，开展风险评估，并依法处理。"
    assert actors(text, "shanghai") == [("市药品监管部门", "上海市人民政府药品监督管理部门")]
    # lawrefbook_dlc/chongqing/重庆市食品生产加工小作坊和食品摊贩管理条例(2016-11-24).md: the former department keeps its name
    text = "食品药品监督管理部门负责食品小作坊和食品摊贩的食品安全监督管理工作。"
    assert actors(text, "chongqing") == [("食品药品监督管理部门", "重庆市人民政府食品药品监督管理部门")]


def test_levels_listed_before_a_congress_body_each_have_theirs():
    # lawrefbook_dlc/shanghai/上海市市级预算审查监督规定(2001-08-20).md (corpus/scale: 17 documents list levels so)
    assert actors("区、县人民代表大会常务委员会审查监督本级预算可以参照本规定执行。", "shanghai") == [
        ("区、县人民代表大会常务委员会", "上海市区人民代表大会常务委员会"),
        ("县人民代表大会常务委员会", "上海市县人民代表大会常务委员会")]


def test_one_party_and_every_party_are_no_part_of_dang_shi_ren():
    # lawrefbook_dlc/guangdong/广东省土地权属纠纷处理条例(2022-06-01).md (第十一条; 一方当事人: 27 documents)
    text = "另一方当事人收到申请书副本之日起二十日内，向人民政府提交有关争议的证据材料。"
    assert actors(text, "guangdong")[0] == ("当事人", "当事人")
    # lawrefbook_dlc/guangdong/广东省林木林地权属争议调解处理条例(2022-06-01).md (第三十九条; 各方当事人: 24 documents)
    text = "第三十九条 当事人自愿达成的协议书，或者经调解签订的生效的协议书，是申请不动产权登记的依据，各方当事人应当履行。"
    assert actors(text, "guangdong") == [("当事人", "当事人")] * 2


def test_a_bare_unit_listed_with_another_ge_subject_acts():
    # lawrefbook_dlc/shanghai/上海市优化营商环境条例(2024-09-27).md (各区、各部门应当: 30 documents list a bare unit so)
    assert actors("各区、各部门应当根据营商环境评价结果，及时调整完善优化营商环境的政策措施。", "shanghai") == [
        ("各区", "上海市区人民政府"), ("部门", "上海市人民政府有关部门")]
    # lawrefbook_dlc/henan/河南省优化营商环境条例(2020-11-28).md
    assert actors("各地、各部门应当根据评价结果，制定完善整改措施。", "henan")[0] == ("各地", "河南省各级人民政府")


def test_ji_qi_ta_and_an_adverb_before_the_verb_stay_outside_the_role_noun():
    # lawrefbook_dlc/beijing/北京市实施《国家通用语言文字法》若干规定.md (第七条): 及其他|教育机构, not 及其|他教育机构
    text = "第七条 本市学校及其他教育机构在教育教学、会议、宣传和其他集体活动中应当以普通话为基本用语。"
    assert ("教育机构", "教育机构") in actors(text, "beijing")
    # lawrefbook_dlc/shandong/山东省海域使用管理条例(2015-07-24).md (第三十五条): 必须|使用|省财政部门
    text = "征收海域使用金，必须使用省财政部门统一印制的海域使用金专用收据。"
    assert actors(text, "shandong") == [("省财政部门", "山东省人民政府财政部门")]


def test_a_stem_list_whose_first_item_starts_out_of_reach_is_no_list():
    # lawrefbook_dlc/henan/河南省禁止非医学需要胎儿性别鉴定和选择性别人工终止妊娠条例(2006-09-29).md: no 级以上人口和计划生育部门
    text = "县级以上人口和计划生育、卫生、食品药品监督管理等行政部门，按照各自职责，对本行政区域内的胎儿性别鉴定实施监督管理。"
    assert actors(text, "henan") == [("行政部门", "行政部门")]


def test_shen_qing_and_can_jia_before_a_person_make_the_agent_noun():
    # lawrefbook_dlc/beijing/北京市实施《残疾人保障法》办法(2019-05-30).md: the applicants, not the assessors
    text = "申请残疾评定人员对区、县残疾评定委员会作出的残疾评定结论有异议的，可以向市残疾评定委员会申请复查。"
    assert actors(text, "beijing")[0] == ("申请残疾评定人员", "申请残疾评定人员")


def test_provincial_names_of_the_data_authority():
    # data_compliance/local/《打造通用人工智能产业创新和应用高地若干政策-2.0-版-》-f84d111131.md (Anhui: 数据资源管理局)
    text = "（牵头单位：省科技厅；配合单位：省发展改革委、省财政厅、省数据资源局，有关市人民政府）"
    assert ("省数据资源局", "安徽省人民政府数据主管部门") in actors(text, "anhui")


def test_primary_care_institutions_by_name():
    # lawrefbook_dlc/shandong/临沂市健康乡村条例(2021-05-27).md
    text = "妇幼保健机构、乡镇卫生院（社区卫生服务中心）应当为农村适龄妇女提供宫颈癌和乳腺癌筛查、婚前保健、孕产期保健服务，保障妇女健康。"
    assert actors(text, "linyi")[:3] == [("妇幼保健机构", "妇幼保健机构"), ("乡镇卫生院", "乡镇卫生院"),
                                         ("社区卫生服务中心", "社区卫生服务中心")]


def test_a_township_congress_keeps_its_level():
    # lawrefbook_dlc/henan/洛阳市城乡规划条例(2012-11-13).md (乡/镇 before 人民代表大会: 65 documents)
    assert actors("（三）经同级人民代表大会常务委员会或者镇人民代表大会审议；", "luoyang") == [
        ("人民代表大会常务委员会", "洛阳市人民代表大会常务委员会"), ("镇人民代表大会", "洛阳市乡镇人民代表大会")]
