"""The site's YAML files read by libyaml give what the pure-Python loader gives."""

from __future__ import annotations

import pytest
import yaml

from gialai import yamltext
from gialai.languages import key_lines

LOCALES = """\
language:
  name: ខ្មែរ
  search:
    words: khmer
home: ទំព័រដើម
count: 3
when: 2026-11-23
empty:
"""


def test_libyaml_is_used_where_pyyaml_has_it():
    assert yamltext.FAST_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_the_same_data_as_the_safe_loader():
    assert yamltext.load(LOCALES) == yaml.safe_load(LOCALES)


def test_the_same_lines_as_the_safe_loader():
    assert key_lines(LOCALES) == {
        "language": 1,
        "language.name": 2,
        "language.search": 3,
        "language.search.words": 4,
        "home": 5,
        "count": 6,
        "when": 7,
        "empty": 8,
    }


def test_a_mistake_is_worded_as_the_safe_loader_words_it():
    broken = "home: Trang chủ\n  archive: Lưu trữ\n"
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(broken)
    with pytest.raises(yaml.YAMLError) as got:
        yamltext.load(broken)
    assert str(got.value) == str(expected.value)
    assert "line 2" in str(got.value)
    with pytest.raises(yaml.YAMLError) as composed:
        yamltext.compose(broken)
    assert str(composed.value) == str(expected.value)
