"""The kiosk by touch alone, in headless Chromium: the on-screen keyboard types a Khmer and
a Vietnamese search and finds the article; every page, 404 included, has the button bar and
returns to the start screen when left alone; the current tab is marked; controls are big
enough to touch and read; every article is within three taps of a language's home.
"""

from __future__ import annotations

import threading
import time
import unicodedata
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bench.corpus import generate_corpus
from lxml import html

from gialai import kiosk_server
from gialai.settings import load_settings

from .conftest import KIOSK_COUNTDOWN, KIOSK_IDLE, copy_project, run_build

pytestmark = pytest.mark.browser
PORTRAIT, LANDSCAPE = (1080, 1920), (1920, 1080)
KEY = "#gl-keyboard .hg-button"


@pytest.fixture(scope="module")
def kiosk_404_server(kiosk_site: Path):
    """The kiosk's own server (per-language 404 pages, as nginx serves them)."""
    server = kiosk_server.serve(kiosk_site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def key(page, name: str):
    return page.locator(f'{KEY}[data-skbtn="{name}"]')


def tap_text(page, text: str) -> None:
    """Type ``text`` by tapping its keys, shifting when a key is on the shifted layer.

    A key may type two characters (the Khmer pairs ុំ ាំ …): the longest key that the text
    continues with is tapped."""
    at = 0
    while at < len(text):
        if text[at] == " ":
            tap_key(page, "{space}")
            at += 1
            continue
        for shift in (False, True):
            if shift:
                tap_key(page, "{shift}")
            names = page.locator(KEY).evaluate_all("keys => keys.map(k => k.dataset.skbtn)")
            found = [n for n in names if not n.startswith("{") and text.startswith(n, at)]
            if found:
                name = max(found, key=len)
                tap_key(page, name)
                at += len(name)
                break
        else:
            raise AssertionError(f"no key types {text[at]!r} (U+{ord(text[at]):04X})")


def tap_key(page, name: str) -> None:
    """Tap a key and wait until the keyboard has handled it (the tap's click comes later)."""
    before = page.evaluate("document.getElementById('gl-keyboard').dataset.presses || '0'")
    key(page, name).first.tap()
    page.wait_for_function(
        "n => (document.getElementById('gl-keyboard').dataset.presses || '0') !== n", arg=before
    )


def tap_tone(page, mark: str) -> None:
    tap_key(page, f"{{tone:{ord(mark):04x}}}")


def field_value(page) -> str:
    return page.input_value("#gl-search-input")


def open_keyboard(page) -> None:
    page.locator("#gl-search-input").tap()
    page.locator("#gl-keyboard").wait_for(state="visible")


# search.js waits this long after the last key before it searches (DEBOUNCE_MS).
DEBOUNCE_S = 0.25


def first_result(page) -> str:
    """The first result's title, answering the last key tapped (search answers as it types).

    Until the search after the last key has run, the list still shows the answer to the
    query before it: past the pause search.js waits for, the status must no longer say it is
    searching and the title stay the same over two looks.
    """
    page.locator(".gl-search__result").first.wait_for()
    form = page.locator("form:has(#gl-search-input)")
    searching = form.get_attribute("data-loading")
    time.sleep(DEBOUNCE_S + 0.05)
    last = None
    for _ in range(60):
        status = form.locator(".gl-search__status").inner_text()
        now = page.locator(".gl-search__title").first.text_content()
        if status and status != searching and now == last:
            return now
        last = now
        time.sleep(0.15)
    return last


def covered(page) -> dict:
    """Where the keyboard starts and where the results panel and its first result end."""
    return page.evaluate(
        """() => ({
          keyboard: document.getElementById('gl-keyboard').getBoundingClientRect().top,
          panel: document.querySelector('.gl-search__panel').getBoundingClientRect().bottom,
          first: document.querySelector('.gl-search__result').getBoundingClientRect().bottom,
        })"""
    )


def small_keys(page) -> list[str]:
    return page.locator(KEY).evaluate_all(
        """keys => keys.filter(k => { const r = k.getBoundingClientRect();
                                     return r.width < 64 || r.height < 64; })
                       .map(k => k.dataset.skbtn)"""
    )


def test_typing_khmer_on_the_keyboard_finds_the_waterfall(kiosk_server, local_page, screenshot):
    page = local_page(kiosk_server, *PORTRAIT, has_touch=True)
    page.goto(f"{kiosk_server}/km/", wait_until="networkidle")
    assert page.locator("#gl-keyboard").is_hidden()
    open_keyboard(page)
    # The Khmer page opens the Khmer layout; the kiosk's layouts follow its own order.
    layouts = page.locator(f"{KEY}.gl-keyboard__layout")
    assert layouts.all_text_contents() == ["ខ្មែរ", "Tiếng Việt", "English", "ລາວ"]
    assert layouts.nth(0).get_attribute("aria-pressed") == "true"
    assert small_keys(page) == []

    # Typed in the written order: consonant, vowel sign; a coeng and its consonant.
    tap_text(page, "ទឹកធ្លាក់")
    word = field_value(page)
    assert [f"{ord(c):04X}" for c in word] == [
        "1791",
        "17B9",
        "1780",
        "1792",
        "17D2",
        "179B",
        "17B6",
        "1780",
        "17CB",
    ]
    assert first_result(page).startswith("ទឹកធ្លាក់ ៥០")
    where = covered(page)
    assert where["panel"] <= where["keyboard"] and where["first"] <= where["keyboard"]
    screenshot(page, "kiosk-keyboard-khmer-portrait")
    assert page.guard.blocked == [] and page.console_errors == []


def test_khmer_keys_tapped_out_of_order_make_a_well_formed_cluster(kiosk_server, local_page):
    page = local_page(kiosk_server, *PORTRAIT, has_touch=True)
    page.goto(f"{kiosk_server}/km/", wait_until="networkidle")
    open_keyboard(page)
    # ក, the vowel ា, then the subscript ្រ: the subscript belongs before the vowel.
    tap_text(page, "ក")
    tap_text(page, "ា")
    tap_text(page, "្")
    assert field_value(page) == "កា\u17d2"  # a coeng waits for its consonant
    tap_text(page, "រ")
    assert field_value(page) == "ក\u17d2\u179a\u17b6"  # ក្រា
    # A second coeng in a row is not typed; backspace takes one character at a time.
    tap_text(page, "ក្")
    tap_key(page, "\u17d2")
    assert field_value(page) == "ក\u17d2\u179a\u17b6ក\u17d2"
    tap_key(page, "{bksp}")
    assert field_value(page) == "ក\u17d2\u179a\u17b6ក"


def test_typing_vietnamese_with_tone_keys_finds_the_gongs(kiosk_server, local_page, screenshot):
    page = local_page(kiosk_server, *LANDSCAPE, has_touch=True)
    page.goto(f"{kiosk_server}/", wait_until="networkidle")
    open_keyboard(page)
    layouts = page.locator(f"{KEY}.gl-keyboard__layout")
    assert layouts.nth(1).get_attribute("aria-pressed") == "true"  # Tiếng Việt
    assert small_keys(page) == []
    # The tone key after the word: its mark goes on ô, the vowel that carries it.
    tap_text(page, "công")
    tap_tone(page, "\u0300")
    tap_text(page, " chiêng")
    word = field_value(page)
    assert word == "cồng chiêng" == unicodedata.normalize("NFC", word)
    assert first_result(page).startswith("Hai mươi năm di sản Cồng chiêng")
    where = covered(page)
    assert where["panel"] <= where["keyboard"] and where["first"] <= where["keyboard"]
    screenshot(page, "kiosk-keyboard-vietnamese-landscape")

    # The tone goes where Vietnamese writes it; a second tone replaces the first.
    tap_key(page, "{bksp}")
    for _ in range(len("cồng chiêng")):
        tap_key(page, "{bksp}")
    assert field_value(page) == ""
    for letters, mark, expected in [
        ("hoa", "\u0300", "hòa"),
        ("quoc", "\u0301", "quóc"),
        ("biên", "\u0309", "biển"),
        ("thuy", "\u0309", "thủy"),
        ("gi", "\u0300", "gì"),
    ]:
        tap_text(page, letters)
        tap_tone(page, mark)
        assert field_value(page) == expected
        tap_tone(page, "\u0303")  # ngã instead
        assert unicodedata.normalize("NFD", field_value(page)).count("\u0303") == 1
        while field_value(page):
            tap_key(page, "{bksp}")


def test_the_keyboard_switches_layouts_and_closes(kiosk_server, local_page, screenshot):
    page = local_page(kiosk_server, *PORTRAIT, has_touch=True)
    page.goto(f"{kiosk_server}/", wait_until="networkidle")
    open_keyboard(page)
    assert key(page, "ơ").count() == 1
    screenshot(page, "kiosk-keyboard-vietnamese-portrait")
    tap_key(page, "{layout:english}")
    assert key(page, "ơ").count() == 0 and key(page, "q").count() == 1
    tap_key(page, "{layout:khmer}")
    assert key(page, "ក").count() == 1
    assert page.locator(".gl-keyboard__keys").get_attribute("lang") == "km"
    url = page.url
    key(page, "{close}").tap()
    page.locator("#gl-keyboard").wait_for(state="hidden")
    assert page.url == url


def test_keyboard_screenshots_in_both_orientations(kiosk_server, local_page, screenshot):
    for name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
        page = local_page(kiosk_server, *size, has_touch=True)
        page.goto(f"{kiosk_server}/km/", wait_until="networkidle")
        open_keyboard(page)
        assert small_keys(page) == []
        tap_text(page, "គង")
        first_result(page)
        where = covered(page)
        assert where["first"] <= where["keyboard"]
        if name == "landscape":
            screenshot(page, "kiosk-keyboard-khmer-landscape")
        page.goto(f"{kiosk_server}/", wait_until="networkidle")
        open_keyboard(page)
        assert small_keys(page) == []
        if name == "portrait":
            continue  # the Vietnamese portrait shot is taken with its layout test
        screenshot(page, f"kiosk-keyboard-vietnamese-{name}-empty")


def test_the_web_edition_ships_no_keyboard(sample_site: Path):
    assert not (sample_site / "assets" / "kiosk").exists()
    home = html.fromstring((sample_site / "index.html").read_bytes())
    assert home.get_element_by_id("gl-keyboard", None) is None
    assert not [src for src in home.xpath("//script/@src") if "kiosk" in src]


# --- every page: the bar, the idle reset, the current tab, sizes ----------------------------


def test_a_404_page_has_the_bar_and_returns_to_the_start(kiosk_404_server, local_page, screenshot):
    base = kiosk_404_server
    for size, name in ((PORTRAIT, "portrait"), (LANDSCAPE, "landscape")):
        page = local_page(base, *size, has_touch=True)
        response = page.goto(f"{base}/km/khong-co-trang-nay/", wait_until="networkidle")
        assert response.status == 404
        assert page.evaluate("document.documentElement.lang") == "km"
        labels = [t.strip() for t in page.locator("#gl-kiosk [data-kiosk]").all_text_contents()]
        assert labels == ["ថយក្រោយ", "ទំព័រដើម", "ភាសា"]
        assert controls_out_of_size(page) == []
        screenshot(page, f"kiosk-404-{name}")
    # Left alone, the 404 page counts down and goes back to the start screen.
    page = local_page(base, *PORTRAIT, has_touch=True)
    page.goto(f"{base}/lo/tin-tuc/khong-co/", wait_until="networkidle")
    assert page.locator("#gl-kiosk").is_visible()
    page.locator("#gl-idle").wait_for(state="visible", timeout=(KIOSK_IDLE + 2) * 1000)
    page.wait_for_url(f"{base}/start/", timeout=(KIOSK_COUNTDOWN + 5) * 1000)


def test_the_current_tab_is_marked_for_eyes_and_screen_readers(
    kiosk_server, local_page, screenshot
):
    page = local_page(kiosk_server, *PORTRAIT, has_touch=True)
    for path, current in [
        ("/", "Trang chủ"),
        ("/km/", "ទំព័រដើម"),
        ("/km/du-lich/", "ទេសចរណ៍"),
        ("/km/du-lich/thac-50-o-kbang/", "ទេសចរណ៍"),
        ("/km/luu-tru/", "បណ្ណសារ"),
    ]:
        page.goto(f"{kiosk_server}{path}", wait_until="networkidle")
        tabs = page.locator(".md-tabs__link")
        marked = page.locator(".md-tabs__link[aria-current]")
        assert marked.count() == 1, path
        assert marked.text_content().strip() == current, path
        looks = tabs.evaluate_all(
            """links => links.map(a => { const s = getComputedStyle(a);
                 return [a.hasAttribute('aria-current'),
                         s.boxShadow + s.backgroundColor + s.fontWeight]; })"""
        )
        marked_look = {look for is_current, look in looks if is_current}
        others = {look for is_current, look in looks if not is_current}
        assert marked_look.isdisjoint(others), path
        if path == "/km/du-lich/":
            screenshot(page, "kiosk-topic-portrait")
    page = local_page(kiosk_server, *LANDSCAPE, has_touch=True)
    page.goto(f"{kiosk_server}/km/du-lich/", wait_until="networkidle")
    screenshot(page, "kiosk-topic-landscape")


def controls_out_of_size(page) -> list[str]:
    """Visible controls under 48×48 px or with text under 20 px."""
    return page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, [role=button]')]
          .filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                         return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                                && !e.closest('[hidden]') && !e.closest('.md-select__inner')
                                && e.closest('html'); })
          .filter(e => { const r = e.getBoundingClientRect();
                         // The size of every text the control shows (not visually hidden text).
                         const sizes = [];
                         const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                         for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                           const box = n.parentElement.getBoundingClientRect();
                           if (n.textContent.trim() && box.width > 1 && box.height > 1)
                             sizes.push(parseFloat(getComputedStyle(n.parentElement).fontSize));
                         }
                         return r.width < 48 || r.height < 48 || Math.min(...sizes) < 20; })
          .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 20)
                    + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'
                    + Math.round(e.getBoundingClientRect().height) + ' '
                    + getComputedStyle(e).fontSize)"""
    )


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_controls_and_result_links_are_big_enough(kiosk_server, local_page, size):
    page = local_page(kiosk_server, *size, has_touch=True)
    for path in (
        "/km/",
        "/km/du-lich/",
        "/km/du-lich/thac-50-o-kbang/",
        "/en/luu-tru/",
        "/tim-kiem/",
    ):
        page.goto(f"{kiosk_server}{path}", wait_until="networkidle")
        assert controls_out_of_size(page) == [], path
    page.goto(f"{kiosk_server}/en/", wait_until="networkidle")
    open_keyboard(page)
    tap_text(page, "gia lai")
    first_result(page)
    # Closing the keyboard over the results does not open the result under the key.
    url = page.url
    key(page, "{close}").tap()
    page.locator("#gl-keyboard").wait_for(state="hidden")
    assert page.url == url
    page.locator("#gl-search-input").focus()  # the results, shown again without the keyboard
    page.locator("#gl-keyboard").wait_for(state="visible")
    assert page.locator(".gl-search__result a").count() > 0
    assert page.locator(".gl-search__more a").count() == 1
    assert controls_out_of_size(page) == []


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_the_start_screen_fills_the_screen_first_language_largest(
    kiosk_server, local_page, screenshot, size
):
    page = local_page(kiosk_server, *size, has_touch=True)
    page.goto(f"{kiosk_server}/start/", wait_until="networkidle")
    boxes = page.locator(".gl-start__choice").evaluate_all(
        """links => links.map(a => { const r = a.getBoundingClientRect();
                                     return [r.top, r.bottom, r.width * r.height]; })"""
    )
    names = page.locator(".gl-start__name").evaluate_all(
        "spans => spans.map(s => parseFloat(getComputedStyle(s).fontSize))"
    )
    width, height = size
    # The buttons reach the bottom of the screen, without making it scroll.
    assert max(bottom for _, bottom, _ in boxes) > height * 0.9
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    first, *others = boxes
    assert first[2] > 1.5 * max(area for _, _, area in others)
    assert names[0] > 1.5 * max(names[1:])
    assert page.locator(".gl-start__name").first.get_attribute("lang") == "km"
    assert controls_out_of_size(page) == []
    edition = page.locator(".gl-start__edition").text_content()
    assert "2026-11-23" in edition
    screenshot(page, f"kiosk-start-{'portrait' if width < height else 'landscape'}")


# --- three taps --------------------------------------------------------------------------------


def page_file(site: Path, path: str) -> Path | None:
    """The file an address of the site serves, or None."""
    target = site / unquote(path).lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def taps_from_home(site: Path, home: str) -> dict[str, int]:
    """The fewest taps from ``home`` to every page of the site, following its links."""
    taps = {home: 0}
    queue = deque([home])
    while queue:
        path = queue.popleft()
        if taps[path] == 3:
            continue
        file = page_file(site, path)
        if file is None or file.suffix != ".html":
            continue
        doc = html.fromstring(file.read_bytes())
        for href in doc.xpath("//a/@href"):
            parts = urlsplit(urljoin(f"http://kiosk{path}", href))
            if parts.netloc != "kiosk" or not parts.path.endswith("/"):
                continue
            if parts.path not in taps:
                taps[parts.path] = taps[path] + 1
                queue.append(parts.path)
    return taps


def articles_of(site: Path, prefix: str, prefixes: set[str], lang: str) -> set[str]:
    """Addresses of the articles in one language (og:type article, in that language).

    An untranslated article's page under the language's folder shows the Vietnamese text
    (lang="vi") for the language menu; its listings do not show it: the walk checks it
    among the Vietnamese articles."""
    found = set()
    for file in site.rglob("index.html"):
        rel = file.parent.relative_to(site).as_posix()
        first = rel.split("/", 1)[0]
        if (prefix and first != prefix) or (not prefix and first in prefixes):
            continue
        doc = html.fromstring(file.read_bytes())
        if doc.get("lang") == lang and doc.xpath('//meta[@property="og:type"][@content="article"]'):
            found.add(f"/{rel}/")
    return found


def check_three_taps(site: Path, project: Path, every_language: bool = True) -> int:
    settings = load_settings(project / "mkdocs.kiosk.yml")
    prefixes = {language.prefix.strip("/") for language in settings.languages if language.prefix}
    counted = 0
    for language in settings.kiosk_order:
        prefix = language.prefix.strip("/")
        home = f"/{prefix}/" if prefix else "/"
        taps = taps_from_home(site, home)
        articles = articles_of(site, prefix, prefixes, language.lang)
        assert articles or not every_language, language.code
        far = sorted(path for path in articles if path not in taps)
        assert far == [], f"{language.code}: more than three taps from {home}: {far[:5]}"
        counted += len(articles)
    return counted


def test_every_article_is_within_three_taps_of_its_home(kiosk_site: Path):
    articles = check_three_taps(kiosk_site, kiosk_site.parent)
    assert articles >= 14 + 5  # every Vietnamese article and the translations


@pytest.mark.slow
def test_three_taps_hold_for_a_large_site(tmp_path: Path):
    # 120 articles: about 30 in a category, three pages of 12, the last three taps away.
    project = copy_project(tmp_path / "project")
    generate_corpus(project / "content", 120, images=2)
    result = run_build(project, config="mkdocs.kiosk.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site-kiosk"
    assert (site / "du-lich" / "trang" / "3" / "index.html").is_file()
    # The corpus translates into English and Khmer only.
    assert check_three_taps(site, project, every_language=False) > 300


def test_three_taps_to_an_article_in_the_browser(kiosk_server, local_page):
    page = local_page(kiosk_server, *PORTRAIT, has_touch=True)
    page.goto(f"{kiosk_server}/start/", wait_until="networkidle")
    page.locator(".gl-start__choice[hreflang='km']").tap()
    page.wait_for_url(f"{kiosk_server}/km/")
    page.locator(".md-tabs__link", has_text="វប្បធម៌").tap()  # 1: the culture section
    page.wait_for_url(f"{kiosk_server}/km/van-hoa/")
    page.locator(".gl-card__title a").first.tap()  # 2: an article
    page.wait_for_load_state("networkidle")
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"
    assert "/km/van-hoa/" in page.url
    assert page.locator(".md-tabs__link[aria-current]").text_content().strip() == "វប្បធម៌"
