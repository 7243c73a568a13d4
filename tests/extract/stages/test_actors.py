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
    assert (city.start, city.end, city.id, city.label, city.generic, city.level) == \
        (0, 10, "actor:shandong/municipal-government", "山东省设区的市级人民政府", True, "city")


def test_a_department_named_with_its_government_belongs_to_it():
    # lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md (第六条)
    text = "县级以上人民政府、省人民政府有关部门应当按照国家和省有关规定，对在促进大数据发展中做出突出贡献的单位和个人给予表彰、奖励。"
    gov, dept, people = resolve_actors(text, "shandong")
    assert (gov.id, gov.label, gov.role) == ("actor:shandong/county-and-above-government", "山东省县级以上人民政府",
                                             "county-and-above-government")
    assert (dept.text, dept.id, dept.label, dept.cls, dept.parent) == (
        "省人民政府有关部门", "actor:shandong/government/other-departments", "山东省人民政府有关部门", "Department",
        "actor:shandong/government")
    assert (people.text, people.id, people.label, people.jurisdiction) == \
        ("单位和个人", "actor:role/organizations-and-individuals", "组织和个人", None)


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
        ("市政府", "actor:sichuan/municipal-government", "四川省设区的市级人民政府")]


def test_a_national_body_and_categories_are_the_same_node_everywhere():
    # data_compliance/national/数字中国建设2025年行动方案-80dd0c6f1e.md
    text = "近日，国家数据局综合司印发了《数字中国建设2025年行动方案》（以下简称《行动方案》），要求各地区结合实际认真贯彻落实。"
    assert actors(text, None) == actors(text, "hebei") == [("国家数据局", "actor:nda", "国家数据局")]
    # lawrefbook_dlc/shandong/山东省大数据发展促进条例(2021-09-30).md (第十八条)
    text = "自然人、法人和其他组织收集数据不得损害被收集人的合法权益。"
    [a] = resolve_actors(text, "shandong")
    assert (a.text, a.id, a.label, a.cls, a.generic) == (
        "自然人、法人和其他组织", "actor:role/organizations-and-individuals", "组织和个人", "Individual", True)
