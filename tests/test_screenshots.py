"""Every page type in every language at phone, desktop and kiosk sizes, photographed.

The pictures go to $GIALAI_ARTIFACTS (./dev test: test-artifacts/) as
``page-<lang>-<type>-<size>.png`` and ``kiosk-<lang>-<type>.png``, for a person to look at
after a change of templates or styles. Each page is also checked for what a picture shows
badly: a page wider than the screen, a request to another host, a script error.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from .test_design import LANGUAGES, article_keys

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "desktop": (1366, 900), "kiosk": (1080, 1920)}
ARTICLE = "du-lich/bien-quy-nhon-nam-du-lich-quoc-gia/"


def page_types(site, lang: str) -> dict[str, str]:
    """Type -> address (relative to the site root) of one page of each type in ``lang``."""
    prefix = LANGUAGES[lang]
    types = {
        "home": prefix,
        "article": f"{prefix}{ARTICLE}",
        "category": f"{prefix}tin-tuc/",
        "archive": f"{prefix}luu-tru/",
        "tags": f"{prefix}tu-khoa/",
        "search": f"{prefix}tim-kiem/",
        "404": f"{prefix}404.html",
    }
    tags = lxml_html.parse(str(site / prefix / "tu-khoa" / "index.html"))
    first_tag = tags.xpath("//ul[contains(@class,'gl-tag-cloud')]//a/@href")[0]
    types["tag"] = f"{prefix}tu-khoa/{first_tag}"
    missing = sorted(article_keys("vi") - article_keys(lang))
    if missing:
        types["fallback"] = f"{prefix}{missing[0]}/"
    return types


def look(page, url: str, width: int) -> None:
    response = page.goto(url)
    assert response is not None and response.status in (200, 404), url
    page.evaluate("document.fonts.ready")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{url} is {overflow}px wide on a {width}px screen"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_type_photographed(
    sample_server, sample_site, local_page, screenshot, lang, size
):
    width, height = SIZES[size]
    page = local_page(sample_server, width, height)
    for kind, rel in page_types(sample_site, lang).items():
        look(page, f"{sample_server}/{rel}", width)
        screenshot(page, f"page-{lang}-{kind}-{size}")
    assert page.guard.blocked == []
    assert page.console_errors == []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_kiosk_edition_photographed(kiosk_server, kiosk_site, local_page, screenshot, lang):
    width, height = SIZES["kiosk"]
    page = local_page(kiosk_server, width, height)
    prefix = LANGUAGES[lang]
    for kind, rel in (
        ("home", prefix),
        ("article", f"{prefix}{ARTICLE}"),
        ("tags", f"{prefix}tu-khoa/"),
    ):
        look(page, f"{kiosk_server}/{rel}", width)
        screenshot(page, f"kiosk-{lang}-{kind}")
    assert page.guard.blocked == []
