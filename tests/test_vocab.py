"""Vocabulary candidates from a corpus (policykg/vocab.py, ``policykg vocab mine``), on real
corpus sentences; each sentence's file in ../shared/corpus/scale is named beside it."""

import json

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.vocab import Example, candidates_in, mine, mine_texts

# Three documents made of real sentences of the scale corpus.
SMALL_CORPUS = {
    "a.txt": [
        "获得金融机构贷款的，可以申请贷款贴息。",                     # shanghai/上海市鼓励引进技术的吸收与创新规定.md
        "本市支持探索新型融资担保方式，提升中小企业融资便利性。",     # shanghai/上海市推进国际金融中心建设条例(2024-08-22).md
        "市数据局对项目承担单位开展信用管理。",                       # 《上海市城市数字化转型专项资金管理办法》-0311bbd46c.md
        "推动数据标注产业上下游协同发展。",                           # 国家发展改革委等部门关于促进数据标注产业高质量发展的实施意见
    ],
    "b.txt": [
        "（七）可再生能源开发利用项目贷款贴息；",                     # zhejiang/浙江省可再生能源开发利用促进条例(2021-03-26).md
        "第六十三条 财政部门应当对智慧城市建设进行财政资金扶持，探索政府和企业资本合作的建设运营模式，"
        "完善资本金注入、政府购买服务、融资担保等政府资金支持方式。",  # shandong/济宁市智慧城市促进条例(2017-01-18).md
        "本实施细则由省数据局负责解释。",                             # 《江西省公共数据资源登记管理实施细则》的通知-6becab0a02.md
        "开展标准化数据标注。",                                       # 省数据局等七部门…《湖北省加快发展数据标注产业…实施方案》
    ],
    "c.txt": [
        "（三）农业机械购置补贴和贷款贴息；",                         # beijing/北京市农业机械化促进条例(2019-07-26).md
        "（三）民营经济融资担保体系建设；",                           # shandong/烟台市民营经济促进条例(2020-01-16).md
        "国家数据局主管全国公共数据资源登记工作。",                   # national/公共数据资源登记管理暂行办法-0842792f3d.md
        "促进数据标注与模型训练双向优化。",                           # 湖北省加快发展数据标注产业建设高质量数据集实施方案
    ],
}


@pytest.fixture()
def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, sentences in SMALL_CORPUS.items():
        (folder / name).write_text("\n".join(sentences) + "\n", encoding="utf-8")
    return folder


def rows(found):
    return [(c.term, c.kind, c.anchor, c.df, c.count, c.known, c.prefixes) for c in found]


def test_mine_a_small_corpus(small_corpus):
    found = mine([small_corpus])
    assert rows(found) == [
        ("数据局", "org", "局", 3, 3, "role:data-authority", (("国家", 1), ("市", 1), ("省", 1))),
        ("融资担保", "tool", "担保", 3, 3, "inst:financing-guarantee", ()),
        ("贷款贴息", "tool", "贴息", 3, 3, "inst:interest-subsidy", ()),
        ("数据标注", "field", "数据", 3, 3, "dom:data-annotation", ()),
    ]
    assert found[2].examples == (Example("a.txt", "获得金融机构贷款的，可以申请贷款贴息。"),
                                 Example("b.txt", "可再生能源开发利用项目贷款贴息；"))
    # a long sentence is shown around the term
    assert found[1].examples[1] == Example(
        "b.txt", "…政资金扶持，探索政府和企业资本合作的建设运营模式，完善资本金注入、政府购买服务、融资担保等政府资金支持方式。")


def test_new_only_and_kinds_and_top(small_corpus):
    found = mine([small_corpus], min_df=1, new_only=True)
    assert [(c.term, c.kind, c.df) for c in found] == [
        ("农业机械购置补贴", "tool", 1), ("新型融资担保", "tool", 1), ("民营经济融资担保", "tool", 1),
        ("项目贷款", "tool", 1), ("项目贷款贴息", "tool", 1), ("民营经济", "field", 1)]
    assert [c.term for c in mine([small_corpus], kinds=("tool",), top=1)] == ["融资担保"]


def test_a_fragment_of_a_longer_word_is_no_candidate():
    """动产登记 is always preceded by 不: the corpus says the term is 不动产登记."""
    docs = [("a", ["向申请人办理不动产登记。"]),                   # henan/平顶山市城市绿化条例(2018-11-01).md
            ("b", ["建立与不动产登记部门的信息共享机制。"]),       # shandong/聊城市物业管理条例(2021-01-29).md
            ("c", ["（十二）不动产登记的办理方式和期限；"])]       # shandong/山东省商品房销售条例(2021-12-03).md
    assert rows(mine_texts(docs, kinds=("tool",))) == [("不动产登记", "tool", "登记", 3, 3, None, ())]
    assert [(s, left) for _k, _h, a, b, left, _r in candidates_in("向申请人办理不动产登记。", ("tool",))
            for s in ["向申请人办理不动产登记。"[a:b]]] == [("动产登记", "不"), ("不动产登记", None)]


def test_stems_start_after_an_opening_verb_and_stop_at_a_function_word():
    # shanghai/上海市推进国际金融中心建设条例(2024-08-22).md: 支持|探索| are openers
    s = "本市支持探索新型融资担保方式，提升中小企业融资便利性。"
    assert [(s[a:b], left) for _k, _h, a, b, left, _r in candidates_in(s, ("tool",))] == [
        ("融资担保", "型"), ("型融资担保", "新"), ("新型融资担保", None)]
    # 国家发展改革委等部门关于促进数据标注产业高质量发展的实施意见: 推动 opens, a field term grows to the right
    s = "推动数据标注产业上下游协同发展。"
    assert [(s[a:b], left, right) for _k, h, a, b, left, right in candidates_in(s, ("field",)) if h == "数据"][:2] == [
        ("数据标注", None, "产"), ("数据标注产", None, "业")]


def test_organisation_names_fold_their_level_prefix_and_drop_a_verb_in_front():
    docs = [
        ("a", ["本细则由辽宁省数据局负责解释。"]),           # 辽宁省公共数据资源登记管理实施细则-征求意见稿-8ea429d706.md
        ("b", ["本实施细则由省数据局负责解释。"]),           # 《江西省公共数据资源登记管理实施细则》的通知-6becab0a02.md
        ("c", ["本办法由西安市数据局负责解释。"]),           # 西安市人民政府办公厅关于印发公共数据管理办法的通知-767070f604.md
        ("d", ["第二十六条 本规范由国家数据局负责解释。"]),  # national/公共数据资源授权运营实施规范-试行-c928338fd2.md
    ]
    assert rows(mine_texts(docs, kinds=("org",), min_df=2)) == [
        ("数据局", "org", "局", 4, 4, "role:data-authority", (("国家", 1), ("省", 1), ("西安市", 1), ("辽宁省", 1)))]


# --- the command ---------------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(cli, ["vocab", "mine", *map(str, args)])


def test_vocab_mine_command_formats(small_corpus):
    r = run(small_corpus, "--format", "csv")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "term,kind,df,count,known,prefixes,examples"
    assert lines[1].startswith("数据局,org,3,3,role:data-authority,国家×1 市×1 省×1,a.txt: 市数据局对项目承担单位开展信用管理。 | ")
    r = run(small_corpus, "--format", "json", "--kind", "tool", "--kind", "field")
    data = json.loads(r.stdout)
    assert [(d["term"], d["kind"], d["known"]) for d in data] == [
        ("融资担保", "tool", "inst:financing-guarantee"), ("贷款贴息", "tool", "inst:interest-subsidy"),
        ("数据标注", "field", "dom:data-annotation")]
    assert data[1]["examples"][0] == {"file": "a.txt", "sentence": "获得金融机构贷款的，可以申请贷款贴息。"}
    r = run(small_corpus, "--new-only")
    assert r.exit_code == 0 and "数据局" not in r.stdout
    r = run(small_corpus)
    assert r.exit_code == 0 and "贷款贴息" in r.stdout and "4 row(s)" in r.stderr


def test_vocab_mine_reports_unreadable_files(small_corpus):
    (small_corpus / "empty.txt").write_bytes(b"")
    r = run(small_corpus, "--format", "csv")
    assert r.exit_code == 1
    assert "empty.txt" in r.stderr and "贷款贴息" in r.stdout
    r = run(small_corpus / "missing.txt")
    assert r.exit_code == 1 and r.stderr.startswith("error:")


def test_the_help_examples_on_the_seeds_run(seeds_dir, monkeypatch):
    monkeypatch.chdir(seeds_dir.parent)
    epilog = cli.commands["vocab"].commands["mine"].epilog
    examples = [line.split()[4:] for line in epilog.splitlines() if line.strip().startswith("policykg vocab mine seeds/")
                and ">" not in line]             # the two that print tables (all run in test_help_examples.py)
    assert len(examples) == 2
    for args in examples:
        r = CliRunner().invoke(cli, ["vocab", "mine", "seeds/", *args, "--format", "csv"])
        assert r.exit_code == 0, r.output
        assert len(r.stdout.splitlines()) > 1
    r = CliRunner().invoke(cli, ["vocab", "mine", "seeds/", "--kind", "tool", "--min-df", "2", "--top", "20"])
    assert r.exit_code == 0 and "公共服务平台" in r.stdout


def test_procedure_heads_of_regulations_are_mined():
    """The tool heads include the procedures of regulations (验收, 审查): the name in front is the term."""
    docs = [("a", ["（一）住房城乡建设行政主管部门负责建设工程竣工验收备案，监督建设单位履行建筑工程质量保修责任；"]),
            ("b", ["（一）住房和城乡建设行政主管部门对未取得规划许可证的建设项目不得核发施工许可证，不得进行建设工程竣工验收备案；"]),
            ("c", ["工程竣工验收时，应当有黄河河务部门参加，签字同意，方为有效。"])]
    # a: henan/河南省物业管理条例.md; b: henan/平顶山市城乡规划建设管理条例(2017-11-07).md;
    # c: henan/河南省黄河工程管理条例(2020-06-04).md (第十四条)
    found = [r for r in rows(mine_texts(docs, kinds=("tool",))) if r[2] == "验收"]
    assert [r[:5] for r in found] == [("工程竣工验收", "tool", "验收", 3, 3)]
