"""Interface text: key-by-key fallback along a language's chain, fields, dates, status."""

from __future__ import annotations

from pathlib import Path

import pytest

from gialai.languages import load_languages
from gialai.problems import ContentError
from gialai.settings import Settings
from gialai.strings import MissingText, load_strings
from gialai.translations import interface_text_status

from ..conftest import write_files

ENTRIES = [
    {"locale": "vi", "name": "Tiếng Việt", "default": True},
    {"locale": "km", "name": "ខ្មែរ"},
    # TEST TEXT: a language no one here writes, to exercise the fallback; not Jrai.
    {"locale": "jra", "name": "Jrai (test)"},
]
VI = """language:
  tag: vi
  date_format: "d 'tháng' M, y"
home: Trang chủ
latest: Tin mới nhất
page_of: "Trang {page}/{pages}"
"""
KM = """language:
  tag: km
  digits: khmr
  fallback: [vi]
latest: ព័ត៌មានថ្មីៗ
"""


def _settings(tmp_path: Path, files: dict[str, str]) -> Settings:
    write_files(tmp_path / "locales", files)
    languages = load_languages(ENTRIES, tmp_path / "locales", lambda p: f"locales/{p.name}")
    return Settings(tmp_path, tmp_path / "content", languages, ())


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    settings = _settings(tmp_path, files)
    with pytest.raises(ContentError) as raised:
        load_strings(settings)
    return [str(problem) for problem in raised.value.problems]


def test_a_missing_text_comes_from_the_first_language_of_the_chain_that_has_it(tmp_path):
    jra = "language:\n  tag: jra\n  fallback: [km, vi]\nhome: TEST home\n"
    settings = _settings(tmp_path, {"vi.yml": VI, "km.yml": KM, "jra.yml": jra})
    strings = load_strings(settings)["jra"]
    assert strings("home") == "TEST home"  # its own
    assert strings("latest") == "ព័ត៌មានថ្មីៗ"  # km has it
    assert strings("page_of", page=1, pages=2) == "Trang 1/2"  # km lacks it, vi has it
    assert strings.borrowed == {"latest": "km", "page_of": "vi"}
    assert strings.html("home") == "TEST home"
    assert strings.html("page_of", page=1, pages=2) == '<span lang="vi">Trang 1/2</span>'
    assert (strings.lang_of("home"), strings.lang_of("latest")) == ("jra", "km")


def test_the_status_lists_what_each_file_leaves_out(tmp_path):
    jra = "language:\n  tag: jra\n  fallback: [km, vi]\nhome: TEST home\n"
    settings = _settings(tmp_path, {"vi.yml": VI, "km.yml": KM, "jra.yml": jra})
    status = interface_text_status(settings)
    assert status["vi"].missing == ()
    assert status["jra"].as_dict() == {
        "file": "locales/jra.yml",
        "keys": 3,
        "missing": [
            {"key": "latest", "shown_from": "km"},
            {"key": "page_of", "shown_from": "vi"},
        ],
    }
    assert status["km"].missing == (
        MissingText("home", "vi"),
        MissingText("page_of", "vi"),
    )


def test_a_changed_field_still_stops_the_build(tmp_path):
    jra = 'language:\n  tag: jra\n  fallback: [vi]\npage_of: "TEST {trang}/{pages}"\n'
    assert _problems(tmp_path, {"vi.yml": VI, "km.yml": KM, "jra.yml": jra}) == [
        "locales/jra.yml:4: page_of: must keep the fields {page}, {pages} exactly as in "
        "locales/vi.yml; translate only the words around them."
    ]


def test_a_text_no_language_of_the_chain_has_stops_the_build(tmp_path):
    jra = "language:\n  tag: jra\n  date_locale: vi\nhome: TEST home\n"
    assert _problems(tmp_path, {"vi.yml": VI, "km.yml": KM, "jra.yml": jra}) == [
        "locales/jra.yml: latest: missing; translate it from locales/vi.yml, or let it fall "
        "back with fallback: [vi] in its language: block.",
        "locales/jra.yml: page_of: missing; translate it from locales/vi.yml, or let it fall "
        "back with fallback: [vi] in its language: block.",
    ]
