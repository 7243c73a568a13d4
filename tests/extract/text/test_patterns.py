"""guarded(): a first-character look-ahead that leaves a pattern's matches as they were."""

import re

import pytest

from policykg.extract.stages import actors, measures, quantities
from policykg.extract.text.patterns import guarded

SENTENCES = [
    "县级以上人民政府有关部门应当按照职责分工，做好数字经济促进工作，支持数据要素市场建设和企业数字化转型。",
    "到2027年底，全市算力规模超过10EFlops；力争2030年前建成（责任单位：市数据局、市发展改革委）。",
    "联合国教科文组织和省委网信办联合部门，组织编制扩大保税进口.优化营商环境的方案。",
    "第十四条网络交易经营者应当依法履行职责如下：",
]


@pytest.mark.parametrize("rx", [actors._ROLE_STOP, actors._ORGAN_STOP, actors._LEADING_WORD, actors._COORD_LEVELS,
                                actors._BARE_GOV_AFTER, actors._ORG_TAIL, measures._CLAUSE_END, measures._DUTY_LEAD_VERB,
                                quantities._YEAR_GOAL, quantities._TARGET_MARK])
def test_guarded_patterns_match_as_before(rx):
    assert rx.pattern.startswith("(?=")
    plain = re.compile(rx.pattern[rx.pattern.index(")(?:") + 4:-1])
    for s in SENTENCES:
        assert [m.span() for m in rx.finditer(s)] == [m.span() for m in plain.finditer(s)]
        for i in range(len(s)):
            a, b = rx.match(s, i), plain.match(s, i)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_guard_lists_first_characters():
    rx = guarded(re.compile(r"(?<!截)(?:到|至)(20\d\d)年|力争"))
    assert rx.pattern == r"(?=[到力至])(?:(?<!截)(?:到|至)(20\d\d)年|力争)"
    assert [m.group(1) for m in rx.finditer("截至2024年，到2027年，力争")] == ["2027", None]


@pytest.mark.parametrize("pattern", [r"\d+年", r".{2}局", r"(?:市|省)?", r"(?i:ai)", r"[\w]+部门"])
def test_unlistable_first_characters_leave_the_pattern(pattern):
    rx = re.compile(pattern)
    assert guarded(rx) is rx
