"""The language table: traits from mkdocs.yml and locales/, and no language code in code."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from gialai.languages import DIGITS, SearchTraits, load_languages
from gialai.problems import ContentError
from gialai.settings import load_settings
from gialai.strings import Strings

from ..conftest import copy_project, write_files

REPO = Path(__file__).resolve().parents[2]
# Every code the province publishes in or plans to ("th" is left out: it is also the HTML
# element of a table heading).
CODES = ("vi", "en", "km", "lo", "zh", "zh-Hans", "jra", "bdq")
ALTERNATIVES = "|".join(map(re.escape, CODES))
QUOTED_CODE = re.compile(rf"""(?<![\w./-])(["'`])({ALTERNATIVES})\1""")
# Where behaviour is decided. The theme's translation files (one per language) are data.
CODE_FOLDERS = ("src", "hooks", "overrides")
DATA_FOLDERS = ("overrides/partials/languages",)


def test_no_language_code_decides_behaviour_in_code():
    found = []
    for folder in CODE_FOLDERS:
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix not in (".py", ".js", ".html", ".css"):
                continue
            rel = path.relative_to(REPO).as_posix()
            if rel.startswith(DATA_FOLDERS):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if QUOTED_CODE.search(line):
                    found.append(f"{rel}:{number}: {line.strip()}")
    assert found == []


def test_the_table_is_read_from_the_configuration():
    settings = load_settings(REPO / "mkdocs.yml")
    table = {language.code: language for language in settings.languages}
    assert list(table) == ["vi", "en", "km", "lo", "zh"]
    khmer = table["km"]
    assert (khmer.tag, khmer.script, khmer.digits, khmer.og_locale) == (
        "km",
        "Khmr",
        "khmr",
        "km_KH",
    )
    assert khmer.search == SearchTraits("khmer", 100)
    assert khmer.fallback == ("vi",)
    assert khmer.prefix == "km/" and table["vi"].prefix == ""
    assert table["vi"].search.text == "vietnamese"
    assert table["en"].search == SearchTraits()
    assert "12".translate(khmer.digit_table) == "១២"
    # Chinese: the code names the folder, the tag says which script the text is in.
    chinese = table["zh"]
    assert (chinese.code, chinese.lang, chinese.script, chinese.og_locale) == (
        "zh",
        "zh-Hans",
        "Hans",
        "zh_CN",
    )
    assert (chinese.prefix, chinese.digits, chinese.fallback) == ("zh/", "latn", ("vi",))
    assert chinese.search == SearchTraits("chinese", 500)
    lao = table["lo"]
    assert (lao.search.text, lao.search.chunk_size) == ("lao", 500)
    assert {"ຢາລາຍ", "ເປຼີຍກູ", "ເລແທງ"} <= set(lao.search.words)
    assert (lao.lang, lao.script, lao.digits, lao.og_locale, lao.fallback) == (
        "lo",
        "Laoo",
        "latn",
        "lo_LA",
        ("vi",),
    )
    assert lao.date_format == "d MMMM y" and lao.prefix == "lo/"


def _locales(tmp_path: Path, blocks: dict[str, str]) -> Path:
    for code, block in blocks.items():
        (tmp_path / f"{code}.yml").write_text(block + "home: x\n", encoding="utf-8")
    return tmp_path


ENTRIES = [
    {"locale": "vi", "name": "Tiếng Việt", "default": True},
    {"locale": "xx", "name": "Xx"},
]


def test_a_new_language_is_a_block_of_data(tmp_path):
    folder = _locales(
        tmp_path,
        {
            "vi": "language:\n  tag: vi\n",
            "xx": "language:\n  tag: xx-Latn\n  digits: laoo\n  fallback: [vi]\n"
            "  search: {text: plain, chunk_size: 300}\n  keyboard: lao\n",
        },
    )
    vi, xx = load_languages(ENTRIES, folder, lambda path: f"locales/{path.name}")
    assert (xx.code, xx.lang, xx.digits, xx.fallback) == ("xx", "xx-Latn", "laoo", ("vi",))
    assert xx.search == SearchTraits("plain", 300)
    assert (vi.keyboard, xx.keyboard) == ("", "lao")
    assert vi.default and not xx.default


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            "home: x\n",
            "locales/xx.yml: language: missing; copy the language: block of the "
            "default language's file and change what differs, like tag: km, script: Khmr, "
            "digits: khmr.",
        ),
        (
            "language:\n  digits: roman\n",
            "locales/xx.yml:2: language.digits: 'roman' is not a "
            f"digit style; use one of {', '.join(DIGITS)}.",
        ),
        (
            "language:\n  fallback: [fr]\n",
            "locales/xx.yml:2: language.fallback: must list "
            "languages of the site (vi), like fallback: [vi].",
        ),
        (
            "language:\n  search: {text: stem}\n",
            "locales/xx.yml:2: language.search.text: 'stem' "
            "is not known; use one of plain, vietnamese, khmer, lao, chinese, latin.",
        ),
        (
            "language:\n  search: {chunk_size: 0}\n",
            "locales/xx.yml:2: language.search.chunk_size: "
            "must be a whole number above 0, like chunk_size: 5000.",
        ),
        (
            "language:\n  search: {text: lao, words: ຢາລາຍ}\n",
            "locales/xx.yml:2: language.search.words: must be a list of words, "
            "like words: [ຢາລາຍ, ກບັງ].",
        ),
        (
            "language:\n  search: {text: chinese, words: [嘉莱]}\n",
            "locales/xx.yml:2: language.search.words: is used only when search.text is "
            "khmer or lao; remove it.",
        ),
        (
            "language: khmer\n",
            "locales/xx.yml:1: language: must be a block of fields, like tag: km on its own line.",
        ),
        (
            "language:\n  keyboard: qwerty\n",
            "locales/xx.yml:2: language.keyboard: 'qwerty' is not a keyboard layout of the "
            "kiosk; use one of khmer, lao, vietnamese, english, or leave it out.",
        ),
    ],
)
def test_mistakes_in_a_language_block_are_named(tmp_path, block, message):
    (tmp_path / "vi.yml").write_text("language:\n  tag: vi\n", encoding="utf-8")
    (tmp_path / "xx.yml").write_text(block, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_languages(ENTRIES, tmp_path, lambda path: f"locales/{path.name}")
    assert [str(problem) for problem in raised.value.problems] == [message]


def test_each_shipped_kiosk_has_its_start_order():
    border_gate = load_settings(REPO / "mkdocs.kiosk.yml")
    airport = load_settings(REPO / "mkdocs.kiosk-pleiku.yml")
    assert [language.code for language in border_gate.kiosk_order][:3] == ["km", "vi", "en"]
    assert [language.code for language in airport.kiosk_order][:3] == ["vi", "en", "km"]
    assert border_gate.edition == airport.edition == "kiosk"


def test_a_kiosk_order_names_only_languages_of_the_site(tmp_path):
    config = copy_project(tmp_path) / "mkdocs.kiosk-x.yml"
    config.write_text(
        "INHERIT: mkdocs.kiosk.yml\nextra:\n  gialai:\n    kiosk:\n      languages: [km, fr]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load_settings(config)
    codes = load_settings(REPO / "mkdocs.yml").language_codes
    assert [str(problem) for problem in raised.value.problems] == [
        "mkdocs.kiosk-x.yml: extra.gialai.kiosk.languages: 'fr' is not a language of the "
        f"site; list some of {', '.join(codes)} in the order the start screen shows them, "
        f"like [{', '.join(reversed(codes))}]."
    ]


DATE_ENTRIES = [
    {"locale": "vi", "name": "Tiếng Việt", "default": True},
    {"locale": "km", "name": "ខ្មែរ"},
    {"locale": "jra", "name": "Jrai (test)"},
]
VI = "language:\n  tag: vi\n  date_format: \"d 'tháng' M, y\"\n"
KM = "language:\n  tag: km\n  digits: khmr\n"


def _date_languages(tmp_path: Path, jra: str) -> dict[str, Strings]:
    write_files(tmp_path, {"vi.yml": VI, "km.yml": KM, "jra.yml": jra})
    languages = load_languages(DATE_ENTRIES, tmp_path, lambda p: f"locales/{p.name}")
    return {language.code: Strings(language, {}) for language in languages}


def test_dates_of_a_language_babel_does_not_know_use_the_chain(tmp_path):
    # TEST TEXT: jra stands for any language Babel has no data for.
    strings = _date_languages(tmp_path, "language:\n  fallback: [vi]\n  date_format: d MMMM y\n")
    day = dt.date(2026, 11, 23)
    assert [strings[code].language.date_locale for code in strings] == ["vi", "km", "vi"]
    assert strings["jra"].date(day) == "23 tháng 11 2026"
    assert strings["jra"].date_html(day) == '<span lang="vi">23 tháng 11 2026</span>'
    assert strings["km"].date_html(day) == "២៣ វិច្ឆិកា ២០២៦"
    assert strings["vi"].date(day) == "23 tháng 11, 2026"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            "language:\n  tag: jra\n  fallback: [vi]\n  date_locale: jra\n",
            "locales/jra.yml:4: language.date_locale: 'jra' is not a locale the date library "
            "(Babel) knows; name a language whose month names the readers know, like "
            "date_locale: vi.",
        ),
        (
            "language:\n  tag: jra\n",
            "locales/jra.yml:1: language.date_locale: the date library (Babel) has no month "
            "names for 'jra' or the languages it falls back to; name a language whose month "
            "names its readers know, like date_locale: vi.",
        ),
    ],
)
def test_a_date_locale_babel_does_not_know_is_named(tmp_path, block, message):
    with pytest.raises(ContentError) as raised:
        _date_languages(tmp_path, block)
    assert [str(problem) for problem in raised.value.problems] == [message]
