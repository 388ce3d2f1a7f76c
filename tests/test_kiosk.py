"""The kiosk edition at the border gate, in headless Chromium at 1080×1920.

start screen → Khmer → article (QR code) → search → idle countdown → back to the start
screen with search, storage and scroll cleared; any request to another host fails.
"""

from __future__ import annotations

import re
import time

import pytest
import segno
from lxml import html

from gialai.kiosk import unlink_other_sites

from .conftest import KIOSK_COUNTDOWN, KIOSK_IDLE

pytestmark = pytest.mark.browser
PUBLIC = "https://doingoai.gialai.gov.vn/"
IDLE, COUNTDOWN = KIOSK_IDLE, KIOSK_COUNTDOWN


def qr_matrix(svg: str) -> set[tuple[int, int]]:
    """The dark modules (row, column) of a segno SVG, read back from its path commands."""
    path = re.search(r' d="([^"]+)"', svg.split('class="qrline"', 1)[1]).group(1)
    cells: set[tuple[int, int]] = set()
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmhv])(-?[\d.]+)(?:[ ,](-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b or 0)
        elif command == "h":
            length = float(a)
            for step in range(int(abs(length))):
                cells.add((int(y - 0.5), int(x + step if length > 0 else x - step - 1)))
            x += length
    return cells


def expected_matrix(url: str) -> set[tuple[int, int]]:
    """The dark modules of a QR code of ``url`` with a 2-module border."""
    code = segno.make(url, error="m", micro=False, mask=4)
    return {
        (r, c)
        for r, row in enumerate(code.matrix_iter(scale=1, border=2))
        for c, dark in enumerate(row)
        if dark
    }


def small_controls(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, [role=button]')]
          .filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                         return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                                && !e.closest('[hidden]') && !e.closest('.md-select__inner'); })
          .filter(e => { const r = e.getBoundingClientRect();
                         return r.width < 48 || r.height < 48; })
          .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 20)
                    + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'
                    + Math.round(e.getBoundingClientRect().height))"""
    )


def test_a_cambodian_traveller_at_the_kiosk(kiosk_server, kiosk_site, local_page, screenshot):
    page = local_page(kiosk_server, 1080, 1920, has_touch=True)
    page.goto(f"{kiosk_server}/start/", wait_until="networkidle")
    choices = page.locator(".gl-start__choice")
    assert choices.count() == 5
    names = page.locator(".gl-start__name").all_text_contents()
    # At the border gate opposite Cambodia, Khmer comes first (mkdocs.kiosk.yml); the
    # languages not listed there follow in mkdocs.yml's order.
    assert names == ["ខ្មែរ", "Tiếng Việt", "English", "ລາວ", "中文"]
    assert page.locator(".gl-start__name").nth(0).get_attribute("lang") == "km"
    assert page.locator("img").count() == 1  # the logo; no flags
    assert small_controls(page) == []
    screenshot(page, "kiosk-1-start")

    page.click(".gl-start__choice[hreflang='km']")
    page.wait_for_url(f"{kiosk_server}/km/")
    assert page.evaluate("document.documentElement.lang") == "km"
    bar = page.locator("#gl-kiosk")
    labels = [text.strip() for text in bar.locator("[data-kiosk]").all_text_contents()]
    assert labels == ["ថយក្រោយ", "ទំព័រដើម", "ភាសា"]
    assert small_controls(page) == []

    page.click(".gl-card__title a >> nth=0")
    page.wait_for_load_state("networkidle")
    article_url = page.url
    assert "/km/" in article_url
    qr = page.locator(".gl-share__qr svg")
    assert qr.is_visible()
    public = PUBLIC + article_url.split(kiosk_server + "/", 1)[1]
    svg = qr.evaluate("e => e.outerHTML")
    assert qr_matrix(svg) == expected_matrix(public)
    assert small_controls(page) == []
    screenshot(page, "kiosk-2-khmer-article")
    screenshot(page, "kiosk-2-khmer-article-full", full_page=True)

    page.fill("#gl-search-input", "ទឹកធ្លាក់")
    page.locator(".gl-search__result").first.wait_for()
    assert page.locator(".gl-search__title").first.text_content().startswith("ទឹកធ្លាក់ ៥០")
    screenshot(page, "kiosk-3-khmer-search")

    # A reader leaves: storage and scroll have something to clear.
    page.evaluate("localStorage.setItem('left-behind', '1'); sessionStorage.setItem('s', '1')")
    page.mouse.wheel(0, 800)
    time.sleep(IDLE + 0.5)
    overlay = page.locator("#gl-idle")
    assert overlay.is_visible()
    assert overlay.locator(".gl-idle__title").text_content() == "តើអ្នកនៅតែកំពុងអានឬទេ?"
    assert "វិនាទីទៀត" in overlay.locator(".gl-idle__text").text_content()
    screenshot(page, "kiosk-4-countdown")
    page.wait_for_url(f"{kiosk_server}/start/", timeout=(COUNTDOWN + 5) * 1000)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("window.scrollY") == 0
    assert page.guard.blocked == []
    assert page.console_errors == []


def test_touching_the_screen_cancels_the_countdown(kiosk_server, local_page):
    page = local_page(kiosk_server, 1920, 1080, has_touch=True)
    page.goto(f"{kiosk_server}/en/", wait_until="networkidle")
    # Touched as soon as the countdown shows: a fixed sleep could outlast the countdown on a
    # busy machine, and the page would already be the start screen.
    page.locator("#gl-idle").wait_for(state="visible", timeout=(IDLE + 2) * 1000)
    box = page.locator(".gl-idle__continue").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.locator("#gl-idle").is_hidden()
    time.sleep(COUNTDOWN + 0.5)
    assert page.url == f"{kiosk_server}/en/"
    assert small_controls(page) == []


def test_no_way_off_the_kiosk(kiosk_site, kiosk_server, local_page):
    page = local_page(kiosk_server, 1080, 1920)
    page.goto(f"{kiosk_server}/km/du-lich/thac-50-o-kbang/", wait_until="networkidle")
    prevented = page.evaluate(
        """() => { const e = new MouseEvent('contextmenu', {bubbles: true, cancelable: true});
                   document.body.dispatchEvent(e); return e.defaultPrevented; }"""
    )
    assert prevented
    assert page.evaluate("getComputedStyle(document.body).userSelect") == "none"
    viewport = page.locator("meta[name=viewport]").get_attribute("content")
    assert "user-scalable=no" in viewport and "maximum-scale=1" in viewport
    for file in kiosk_site.rglob("*.html"):
        doc = html.fromstring(file.read_bytes())
        assert doc.xpath("//*[@target]") == [], file
        for href in doc.xpath("//a/@href"):
            assert not href.startswith(("http://", "https://")), (file, href)


def test_links_to_other_sites_become_text_and_a_code():
    content = (
        '<p>Xem <a href="https://maps.example.org/bien-ho?x=1&amp;y=2">bản đồ</a> và '
        '<a href="../thac-50/">Thác 50</a> và <a href="https://doingoai.gialai.gov.vn/en/">bản '
        "tiếng Anh</a>.</p>"
    )
    out = html.fromstring(unlink_other_sites(content, PUBLIC, "Quét mã"))
    assert out.xpath("//a/@href") == ["../thac-50/", "https://doingoai.gialai.gov.vn/en/"]
    external = out.find_class("gl-external")[0]
    assert "(https://maps.example.org/bien-ho?x=1&y=2)" in external.text_content()
    svg = html.tostring(external.find_class("gl-external__qr")[0].xpath(".//svg")[0]).decode()
    assert qr_matrix(svg) == expected_matrix("https://maps.example.org/bien-ho?x=1&y=2")
