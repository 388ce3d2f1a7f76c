"""The sample site in headless Chromium: pages render in the shipped fonts, nothing external."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "vi-home": "",
    "en-home": "en/",
    "km-home": "km/",
    "vi-category": "du-lich/",
    "en-category": "en/tin-tuc/",
    "km-category": "km/van-hoa/",
    "vi-article": "du-lich/nui-lua-chu-dang-ya/",
    "en-article": "en/du-lich/thac-50-o-kbang/",
    "km-article": "km/du-lich/thac-50-o-kbang/",
    "km-fallback": "km/dau-tu/q-fair-2025/",
}
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


def loaded_fonts(page) -> set[str]:
    return set(
        page.evaluate(
            """async () => { await document.fonts.ready;
               return [...document.fonts].filter(f => f.status === 'loaded')
                      .map(f => f.family.replaceAll('"', '') + ' ' + f.weight); }"""
        )
    )


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_with_shipped_fonts_and_no_other_host(
    sample_server, local_page, screenshot, name, size
):
    width, height = SIZES[size]
    page = local_page(sample_server, width, height)
    response = page.goto(f"{sample_server}/{PAGES[name]}", wait_until="networkidle")
    assert response.status == 200
    fonts = loaded_fonts(page)
    font_files = [url for url in page.guard.requests if url.endswith(".woff2")]
    assert page.guard.blocked == []
    # The whole Khmer font is never downloaded: Khmer pages take it cut to the site's
    # letters, and the word ខ្មែរ in other pages' language menu comes from a 1.5 KB subset.
    assert not any("khmer-khmer" in url for url in font_files), font_files
    if name.startswith("km"):
        assert "Noto Sans Khmer 400" in fonts
        assert any("khmer-site" in url for url in font_files)
    else:
        assert not any("khmer-site" in url for url in font_files), font_files
    assert "Noto Sans 400" in fonts
    assert "Noto Sans 700" in fonts
    if name.startswith("vi") or name == "km-fallback":
        assert any("vietnamese" in url for url in font_files)
    # The text is drawn in the shipped font, not a system fallback.
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert family.startswith('"Noto Sans"')
    no_horizontal_scroll = page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert no_horizontal_scroll
    # The Content Security Policy holds: a violation is reported as a console error.
    assert page.console_errors == []
    screenshot(page, f"site-{name}-{size}")


def test_language_switch_keeps_the_article(sample_server, local_page):
    page = local_page(sample_server, 1366, 900)
    page.goto(f"{sample_server}/du-lich/thac-50-o-kbang/")
    page.hover(".gl-lang__button")
    page.click(".md-select__link[lang='km']")
    page.wait_for_load_state()
    assert page.url == f"{sample_server}/km/du-lich/thac-50-o-kbang/"
    assert page.evaluate("document.documentElement.lang") == "km"
    assert page.guard.blocked == []
