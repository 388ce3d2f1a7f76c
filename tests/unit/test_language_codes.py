"""Language codes as the site's i18n plugin reads them from mkdocs.yml."""

from __future__ import annotations

import pytest

from gialai.languages import is_language_code
from gialai.mkdocs.i18n import SiteI18nConfig, missing_theme_text, theme_language


@pytest.mark.parametrize("code", ["vi", "km", "jra", "bdq", "zh-Hans", "en-US", "es-419", "en_US"])
def test_two_and_three_letter_codes_are_language_codes(code):
    assert is_language_code(code)


@pytest.mark.parametrize("code", ["Jrai", "j", "jrai", "JRA", "vi-vn", "zh-Hans-", "vi/"])
def test_other_text_is_not(code):
    assert not is_language_code(code)


def _languages(*codes: str) -> list[dict]:
    return [{"locale": code, "name": code, "default": code == codes[0]} for code in codes]


def test_the_plugin_takes_three_letter_codes():
    config = SiteI18nConfig()
    config.load_dict({"docs_structure": "folder", "languages": _languages("vi", "jra", "bdq")})
    failed, warnings = config.validate()
    assert (failed, warnings) == ([], [])
    assert [(lang.locale, lang.link) for lang in config.languages] == [
        ("vi", "/"),
        ("jra", "/jra/"),
        ("bdq", "/bdq/"),
    ]


def test_a_name_instead_of_a_code_is_explained():
    config = SiteI18nConfig()
    config.load_dict({"languages": _languages("vi", "Jrai")})
    failed, _ = config.validate()
    assert [str(error) for _key, error in failed] == [
        "Sub-option 'locale': 'Jrai' is not a language code; write the ISO 639 code in lower "
        "case, two or three letters, then a script or region if needed, like locale: jra, "
        "locale: km or locale: zh-Hans."
    ]


def test_the_theme_text_comes_from_the_fallback_chain():
    known = {"vi", "en"}.__contains__
    assert theme_language(["km", "vi"], known) == "vi"
    assert theme_language(["en", "vi"], known) == "en"
    assert theme_language(["jra"], known) is None
    assert str(missing_theme_text("locales/jra.yml", "jra", 5)) == (
        "locales/jra.yml:5: language.fallback: the theme has no interface text for 'jra' or a "
        "language it falls back to; add overrides/partials/languages/jra.html "
        "(docs/languages.md, step 3) or a fallback language, like fallback: [vi]."
    )
