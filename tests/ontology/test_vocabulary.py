"""The vocabularies (ontology/vocabulary.py): labels, schemes, the instruments and domains the seeds need."""

from collections import defaultdict
from pathlib import Path

from policykg.ontology import LEXICON_SCHEMES, vocabulary

ROOT = Path(__file__).resolve().parents[2]


def test_every_concept_has_a_zh_preflabel_and_an_english_one():
    v = vocabulary()
    missing = [c.iri for c in v.concepts.values() if not c.pref]
    assert missing == []
    no_en = [c.iri for c in v.concepts.values() if not c.en]
    assert no_en == []


def test_no_label_names_two_concepts_unless_marked_ambiguous():
    v = vocabulary()
    owners = defaultdict(dict)
    for c in v.concepts.values():
        group = "lexicon" if c.scheme in LEXICON_SCHEMES else c.scheme
        for label in c.labels:
            owners[(group, label)][c.iri] = c
    clashes = {k: sorted(cs) for k, cs in owners.items()
               if len(cs) > 1 and not all(c.attrs.get("ambiguous") == k[1] for c in cs.values())}
    assert clashes == {}


def test_required_instruments_are_in_the_vocabulary():
    v = vocabulary()
    for term in ["算力券", "算法券", "政府投资基金", "产业引导基金", "母基金", "首台（套）", "研发费用加计扣除",
                 "沙盒监管", "触发式监管", "包容审慎监管", "揭榜挂帅", "免申即享", "信易贷", "超长期特别国债",
                 "地方政府专项债券", "数据资产质押融资"]:
        found = v.lookup(term, "instrument")
        assert len(found) == 1, term
        c = found[0]
        assert c.instrument_type and c.category in ("supply", "environment", "demand"), term


def test_instrument_types_cover_the_brief_and_each_has_a_category():
    v = vocabulary()
    types = {c.key: c for c in v.scheme("itype")}
    for t in ["Fund", "Voucher", "Sandbox", "Subsidy", "TaxIncentive", "Procurement", "Pilot", "Standard",
              "Platform", "Talent", "Finance", "Plan", "Regulation", "Evaluation", "Event", "ProjectList",
              "DataAuthorization"]:
        assert t in types, t
        assert types[t].attrs["rzCategory"] in ("supply", "environment", "demand")
    assert v.concept("inst", "compute-voucher").category == "demand"
    assert v.concept("inst", "tax-incentive").category == "environment"
    assert v.concept("inst", "government-investment-fund").category == "supply"


def test_domains_are_hierarchical_and_many():
    v = vocabulary()
    doms = v.scheme("dom")
    assert len(doms) >= 80
    ic = v.concept("dom", "intelligent-computing")
    assert [a.key for a in v.ancestors(ic)] == ["computing-infrastructure", "digital-infrastructure", "digital-economy"]
    keys = {d.key for d in doms}
    for d in doms:
        assert all(b in keys for b in d.broader), d.key
    for must in ["low-altitude-economy", "embodied-ai", "large-model", "data-annotation", "cross-border-ecommerce",
                 "digital-village", "smart-agriculture", "platform-economy", "integrated-circuit", "digital-talent"]:
        assert must in keys


def test_modality_and_levels_schemes():
    v = vocabulary()
    cues = {c.key: set(c.hidden) for c in v.scheme("mod")}
    assert {"应当", "必须"} <= cues["obligation"]
    assert "可以" in cues["authorization"]
    assert {"鼓励", "支持", "引导", "推动"} <= cues["encouragement"]
    assert {"不得", "禁止"} <= cues["prohibition"]
    single = sorted((c for c in v.scheme("lvl") if c.notation.isdigit()), key=lambda c: c.notation)
    assert [c.pref for c in single] == ["国家", "省", "设区的市", "县", "乡"]
    assert v.concept("lvl", "county-and-above").attrs["spansLevel"] == ["city", "county", "province"]


def test_abbreviations_resolve_to_one_concept():
    v = vocabulary()
    assert v.lookup("工信部")[0] is v.lookup("工业和信息化部")[0]
    assert v.lookup("发改委")[0] is v.lookup("发展改革部门")[0]
    assert v.lookup("国家发展改革委")[0] is v.lookup("国家发展和改革委员会")[0]


def test_readme_coverage_table_matches_the_seeds(seed_docs):
    from vocab_coverage import coverage_table
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- coverage:start -->")[1].split("<!-- coverage:end -->")[0].strip()
    assert block == coverage_table(seed_docs.values())


def test_every_instrument_term_in_the_seeds_is_listed(seed_docs):
    """The coverage check: print every instrument and domain term the vocabularies find in the seeds."""
    from vocab_coverage import coverage
    cov = coverage(seed_docs.values())
    inst_terms = {t for (_, t) in cov["inst"]}
    dom_terms = {t for (_, t) in cov["dom"]}
    print("instruments:", "、".join(sorted(inst_terms)))
    print("domains:", "、".join(sorted(dom_terms)))
    found = {k for (k, _) in cov["inst"]}
    assert {"compute-voucher", "algorithm-voucher", "government-investment-fund", "fund-of-funds",
            "rd-super-deduction", "open-competition", "credit-easy-loan", "first-set", "sandbox",
            "trigger-supervision", "inclusive-prudent", "no-application-benefit", "ultra-long-special-bonds",
            "local-special-bonds", "data-asset-pledge", "industry-guidance-fund"} <= found
    assert {"算力券", "算法券", "政府投资基金", "研发费用加计扣除", "揭榜挂帅", "信易贷"} <= inst_terms
    assert {"低空经济", "具身智能", "数据标注", "智慧农业", "跨境电商", "算力基础设施"} <= dom_terms


# --- vocabulary from the corpus (issue 11: ``policykg vocab mine``, reviewed) ------------------------

def test_finance_and_data_governance_products_from_the_corpus():
    """ANNOTATION.md's finance and data-governance products are concepts with a type, a
    Rothwell–Zegveld category and, where the vocabulary has a more general tool, a broader one."""
    v = vocabulary()
    expect = {  # label: (key, type, category, broader)
        "信用贷款": ("credit-loan", "Finance", "environment", ("credit",)),
        "无还本续贷": ("renewal-without-repayment", "Finance", "environment", ("credit",)),
        "融资担保": ("financing-guarantee", "Finance", "environment", ("financing",)),
        "贷款贴息": ("interest-subsidy", "Finance", "environment", ("credit",)),
        "天使投资": ("angel-investment", "Finance", "environment", ("venture-capital",)),
        "转移支付": ("transfer-payment", "FiscalFunding", "supply", ("fiscal-funds",)),
        "政府投资": ("government-investment", "FiscalFunding", "supply", ("fiscal-funds",)),
        "资助": ("grant", "Subsidy", "supply", ("subsidy",)),
        "政府指导价": ("government-guided-price", "Regulation", "environment", ()),
        "特许经营": ("franchise", "Regulation", "environment", ()),
        "数据产权登记": ("data-property-registration", "DataAuthorization", "supply", ("data-asset-registration",)),
        "政务数据目录": ("public-data-catalogue", "DataAuthorization", "supply", ()),
        "基础数据库": ("basic-database", "DataAuthorization", "supply", ()),
        "容错免责": ("fault-tolerance", "Sandbox", "environment", ("inclusive-prudent",)),
        "绿色通道": ("green-channel", "PublicService", "supply", ()),
        "赛事": ("competition", "Event", "demand", ()),
        "技术规范": ("technical-specification", "Standard", "environment", ("standard-system",)),
        "施工许可证": ("administrative-licensing", "Regulation", "environment", ()),
        "失信惩戒": ("credit-rewards-penalties", "Regulation", "environment", ("credit-supervision",)),
    }
    for label, (key, itype, category, broader) in expect.items():
        [c] = v.lookup(label, "instrument")
        assert (c.key, c.instrument_type, c.category, c.broader) == (key, itype, category, broader), label
    # the broader tools are instruments too, so the hierarchy is walkable
    assert [a.key for a in v.ancestors(v.concept("inst", "angel-investment"))] == \
        ["venture-capital", "equity-investment", "financing"]


def test_plans_as_documents_are_not_instruments():
    v = vocabulary()
    for label in ["规划", "发展规划", "行动计划", "行动方案", "实施方案", "工作方案", "三年行动计划", "路线图"]:
        assert v.lookup(label, "instrument") == [], label
    # campaigns stay (GUIDE.md: 专项行动, 三年行动)
    assert [c.key for c in v.lookup("三年行动", "instrument")] == ["action-plan"]


def test_domains_from_the_corpus_and_their_broader_fields():
    v = vocabulary()
    expect = {"关键信息基础设施": ("critical-information-infrastructure", ["cybersecurity", "data-security", "digital-economy"]),
              "生成合成内容": ("generative-ai", ["ai", "digital-technology", "digital-economy"]),
              "数据治理": ("data-governance", ["data-elements", "digital-economy"]),
              "电子证照": ("electronic-certificate", ["digital-government", "digital-governance", "digital-economy"]),
              "智能交通": ("smart-transport", ["industrial-digitalization", "digital-economy"])}
    for label, (key, ancestors) in expect.items():
        [c] = v.lookup(label, "domain")
        assert c.key == key and [a.key for a in v.ancestors(c)] == ancestors, label


#: alt labels that contain a shorter label of their own concept on purpose: another field's label
#: would win at their position (数据要素市场化配置 → 数据要素市场), they name a field of their own, or
#: an organisation suffix would make them a named organisation (智能计算中心, 数据交易所); the gold reads
#: 敏感个人信息, 个人信息安全 and 网络数据安全 as fields of their own
LONGER_ON_PURPOSE = {"5G-A", "工业互联网标识解析", "数字服务贸易", "AI智能体",
                     "数据要素市场化配置", "人工智能大模型", "信息通信网络", "软件和信息技术服务业", "超算算力",
                     "智能计算中心", "数据交易所", "敏感个人信息", "个人信息安全", "网络数据安全"}


def test_domain_labels_are_the_shortest_surface_of_their_field():
    """ANNOTATION.md: the shortest surface naming the field (数字创意产业 → 数字创意); an alt label
    that only adds a work word to another label of its concept would make the surface longer."""
    v = vocabulary()
    longer = sorted(alt for c in v.scheme("dom") for alt in c.alt
                    if alt not in LONGER_ON_PURPOSE and any(s != alt and s in alt for s in c.labels))
    assert longer == []
    assert v.lookup("数字创意产业", "domain") == [] and v.lookup("公共数据资源", "domain") == []
    assert v.concept("dom", "high-quality-dataset").pref == "数据集"
