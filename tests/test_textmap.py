"""Texts that keep the way back to their source characters (policykg/textmap.py)."""

import pytest

from policykg.textmap import MappedText, TextBuilder


def test_identity_maps_each_character_to_itself():
    m = MappedText.identity("数字经济", offset=10)
    assert m.source_span(0, 4) == (10, 14)
    assert m.source_span(1, 3) == (11, 13)


def test_sub_deletes_and_keeps_the_way_back():
    m = MappedText.identity("發(fā)展數字")
    m2 = m.sub(r"\(fā\)", "")
    assert m2.text == "發展數字"
    assert m2.source_span(1, 2) == (5, 6)      # 展 is character 5 of the source
    assert m2.source_span(0, 2) == (0, 6)


def test_same_length_replacement_maps_character_for_character():
    m = MappedText.identity("a,b").sub(",", "，")
    assert m.text == "a，b" and m.source_span(1, 2) == (1, 2)


def test_builder_can_reorder():
    src = MappedText.identity("AB\nfoot\nCD")
    b = TextBuilder(src.source_length)
    b.extend(src, 0, 2)
    b.extend(src, 8, 10)
    b.append("\n", [2])
    b.extend(src, 3, 7)
    m = b.build()
    assert m.text == "ABCD\nfoot"
    assert m.source_span(2, 4) == (8, 10)
    assert m.source_span(5, 9) == (3, 7)


def test_empty_span_and_bounds():
    m = MappedText.identity("abc")
    assert m.source_span(3, 3) == (3, 3)
    with pytest.raises(IndexError):
        m.source_span(2, 5)
