"""Mentions in one sentence (extract/stages/mentions.py), on real sentences from the scale corpus.

Each sentence is quoted from a file of /work/shared/corpus/scale/ (named in a comment) as the
pipeline sees it: normalized, without its article number (第四条 …).
"""

from policykg.extract.stages.mentions import find_mentions

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
    assert [(h.text, h.concept.key) for h in m.domains] == \
        [("大数据", "big-data"), ("云平台", "cloud-computing"), ("云平台", "cloud-computing")]


def test_one_phrase_names_two_governments_and_the_domains_of_a_list():
    m = mentions(SD_TWO_GOVS, "shandong")
    assert [(a.start, a.end, a.id, a.label) for a in m.actors[:2]] == [
        (0, 10, "actor:shandong/government", "山东省人民政府"),
        (0, 10, "actor:shandong/municipal-government", "山东省设区的市级人民政府")]
    assert [(h.text, h.concept.key) for h in m.domains] == [
        ("数据中心", "data-center"), ("智能计算中心", "intelligent-computing"), ("数据中心", "data-center"),
        ("算力基础设施", "computing-infrastructure"), ("算力", "computing-infrastructure")]


def test_a_department_coordinated_after_a_government_takes_its_scope():
    m = mentions(SD_IOT, "shandong")
    assert [(a.text, a.id, a.parent) for a in m.actors] == [
        ("县级以上人民政府", "actor:shandong/county-and-above-government", None),
        ("有关部门", "actor:shandong/county-and-above-government/other-departments",
         "actor:shandong/county-and-above-government")]
    assert [(h.text, h.concept.key) for h in m.domains] == [("物联网", "iot")]


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
        (82, 89, "一体化数据市场", "data-market")]


def test_province_words_and_a_city_in_a_target_sentence():
    # data_compliance/local/《河南省深化智慧城市发展推进城市全域数字化转型实施方案-2025—2027年-》-601145db1d.md
    text = "到2027年，全省5G基站达到27万个，10G-PON及以上端又达到200万个，郑州国家级互联网骨干直联点带宽达到6000G。"
    m = mentions(text, "henan")
    assert [(h.start, h.end, h.text, h.concept.key) for h in m.regions] == \
        [(7, 9, "全省", "henan"), (40, 42, "郑州", "zhengzhou")]
    assert [(h.text, h.concept.key) for h in m.domains] == [("5G基站", "5g"), ("国家级互联网骨干直联点", "internet-backbone")]


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
