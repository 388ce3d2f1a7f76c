"""Search in headless Chromium: the reader's language only, Vietnamese with or without
accents, Khmer words anywhere, nothing downloaded before the first search."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from lxml import html

from .conftest import run_build, serve, write_files

pytestmark = pytest.mark.browser
KHMER = re.compile(r"[\u1780-\u17FF]")
SEARCH_FILES = ("pagefind", "search.js", "search-vocab")


# What a search form shows, read in one step: the list may be redrawn between two reads.
_SHOWN = """(form) => ({
  status: form.querySelector('.gl-search__status').innerText,
  urls: [...form.querySelectorAll('.gl-search__result a')].map((a) => a.getAttribute('href')),
  titles: [...form.querySelectorAll('.gl-search__title')].map((e) => e.textContent),
  excerpts: [...form.querySelectorAll('.gl-search__excerpt')].map((e) => e.innerHTML),
})"""


def search(page, query: str, selector: str = "#gl-search-input") -> dict:
    """Type a query like a reader and wait for the answer; returns what its form shows."""
    form = page.locator(f"form:has({selector})")
    page.fill(selector, "")
    page.type(selector, query, delay=20)
    deadline = time.monotonic() + 20
    shown: dict = {}
    while time.monotonic() < deadline:
        # The status shown (not the <noscript> message inside), without "…", and the same
        # answer twice 0.3 s apart: the answer to a half-typed query may still arrive.
        now = form.evaluate(_SHOWN)
        if now["status"] and "…" not in now["status"] and now == shown:
            break
        shown = now
        time.sleep(0.3)
    return shown


def open_page(local_page, base: str, path: str, width: int = 1280, height: int = 900):
    page = local_page(base, width, height)
    page.goto(f"{base}/{path}", wait_until="networkidle")
    return page


def test_nothing_is_downloaded_for_search_until_the_reader_searches(sample_server, local_page):
    page = open_page(local_page, sample_server, "du-lich/thac-50-o-kbang/")
    assert not [url for url in page.guard.requests if any(f in url for f in SEARCH_FILES)]
    result = search(page, "thac 50")
    assert result["status"] == "1 bài viết"
    fetched = [url for url in page.guard.requests if any(f in url for f in SEARCH_FILES)]
    assert any(url.endswith("/pagefind/pagefind.js") for url in fetched)
    assert not any("/en/pagefind/" in url or "/km/pagefind/" in url for url in fetched)
    assert page.guard.blocked == []
    assert page.console_errors == []


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("thac 50", "Thác 50 – dải lụa trắng giữa đại ngàn Kbang"),
        ("Thác 50", "Thác 50 – dải lụa trắng giữa đại ngàn Kbang"),
        ("chu dang ya", "Chư Đăng Ya rực vàng mùa hoa dã quỳ"),
        (
            "dak lak",
            "Cà phê, hồ tiêu, sầu riêng: cơ hội đầu tư chế biến và xuất khẩu trên đất đỏ bazan",
        ),
        ("le thanh", "Vun đắp tình hữu nghị Việt Nam – Campuchia nơi biên giới Lệ Thanh – O Yadav"),
        # The start of a word that is no syllable of its own.
        ("Kban", "Thác 50 – dải lụa trắng giữa đại ngàn Kbang"),
    ],
)
def test_vietnamese_is_found_with_or_without_accents(
    sample_server, local_page, query, expected_title
):
    page = open_page(local_page, sample_server, "")
    result = search(page, query)
    assert result["titles"][0] == expected_title
    assert all(not url.startswith(("/en/", "/km/")) for url in result["urls"])
    # The excerpt shows the words as written, đ included.
    assert "d\u0369" not in result["excerpts"][0] and "D\u0369" not in result["excerpts"][0]
    assert "<mark>" in result["excerpts"][0]


@pytest.mark.parametrize(
    ("bare", "accented"), [("ca phe", "cà phê"), ("ho tieu", "hồ tiêu"), ("dak lak", "Đắk Lắk")]
)
def test_bare_and_accented_queries_find_the_same_articles(
    sample_server, local_page, bare, accented
):
    page = open_page(local_page, sample_server, "tim-kiem/")
    with_marks = search(page, accented, "#gl-search-page-input")
    without = search(page, bare, "#gl-search-page-input")
    assert with_marks["urls"], (accented, with_marks)
    assert sorted(without["urls"]) == sorted(with_marks["urls"])
    assert without["status"] == with_marks["status"]
    # Excerpts show the words as written: no stand-in letters, đ and tone marks in place.
    for excerpt in with_marks["excerpts"] + without["excerpts"]:
        assert not re.search(r"[\ua000-\ua4cf]", excerpt), excerpt


def test_each_language_searches_only_its_own_articles(sample_server, local_page):
    for prefix, query in (("", "Gia Lai"), ("en/", "Gia Lai"), ("km/", "ខេត្តយ៉ាឡាយ")):
        page = open_page(local_page, sample_server, prefix)
        result = search(page, query)
        assert len(result["urls"]) >= 3, (prefix, result)
        for url in result["urls"]:
            if prefix:
                assert f"/{prefix}" in url, (prefix, url)
            else:
                assert "/en/" not in url and "/km/" not in url, url
    # An English reader typing the Vietnamese title of an article gets English pages only.
    page = open_page(local_page, sample_server, "en/")
    result = search(page, "dải lụa trắng giữa đại ngàn")
    assert all("/en/" in url for url in result["urls"]), result["urls"]


def _visible_text(excerpt_html: str) -> str:
    return html.fromstring(f"<div>{excerpt_html}</div>").text_content()


def test_khmer_words_are_found_inside_sentences(sample_server, local_page, sample_site):
    page = open_page(local_page, sample_server, "km/")
    # ភ្នំភ្លើង (volcano) is written inside sentences with no space around it.
    result = search(page, "ភ្នំភ្លើង")
    assert result["status"].startswith("អត្ថបទ ")
    assert result["titles"][0].startswith("ជឺដាំងយ៉ា")
    assert "<mark>ភ្នំ</mark><mark>ភ្លើង</mark>" in result["excerpts"][0]
    # The excerpt is the article's own text: no separators were added between words.
    article = html.fromstring(
        (sample_site / "km/du-lich/nui-lua-chu-dang-ya/index.html").read_bytes()
    )
    # The lead counts more than the body, so the excerpt may come from it.
    written = " ".join(
        " ".join(
            article.xpath(f"string(//*[@class='{name}'])")
            for name in ("gl-article__lead", "gl-article__body")
        ).split()
    )
    written = written.replace("\u17d2\u178a", "\u17d2\u178f")
    shown = " ".join(_visible_text(result["excerpts"][0]).replace("…", "").split())
    for piece in shown.split(" "):
        if KHMER.search(piece):
            assert piece.strip("។៖«»()") in written, piece


def test_khmer_words_typed_without_spaces(sample_server, local_page):
    page = open_page(local_page, sample_server, "km/")
    # Two words (tourism + nature) typed as one run, as Khmer is written.
    result = search(page, "ទេសចរណ៍ធម្មជាតិ")
    assert result["titles"], result
    assert "ទឹកធ្លាក់ ៥០៖ ខ្សែសូត្រពណ៌សនៅកណ្តាលព្រៃធំនៃកបាង" in result["titles"]
    vocabulary = [url for url in page.guard.requests if "search-vocab" in url]
    assert vocabulary, "the query was split with the word list"
    assert page.console_errors == []


def test_nothing_found_is_said_plainly_in_each_language(sample_server, local_page):
    expected = {
        "": "Không tìm thấy bài viết nào cho “zzqxv”.",
        "en/": "No articles found for “zzqxv”.",
        "km/": "រកមិនឃើញអត្ថបទសម្រាប់ “zzqxv” ទេ។",
    }
    for prefix, message in expected.items():
        page = open_page(local_page, sample_server, prefix)
        result = search(page, "zzqxv")
        assert result["status"] == message
        assert result["urls"] == []


def test_keyboard_and_the_search_page(sample_server, local_page):
    page = open_page(local_page, sample_server, "en/")
    search(page, "waterfall")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.endswith("/en/du-lich/thac-50-o-kbang/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/du-lich/thac-50-o-kbang/")
    # Without the panel (phones, no script): the form opens the search page with the query.
    page = open_page(local_page, sample_server, "en/tim-kiem/?q=gong")
    page.wait_for_selector(".gl-search__result")
    assert page.locator(".gl-search__title").first.text_content().startswith("Twenty years")
    assert page.locator("h1").text_content() == "Search"


def test_khmer_search_screenshots(sample_server, local_page, screenshot):
    for name, (width, height) in {"phone": (390, 844), "desktop": (1366, 900)}.items():
        page = open_page(local_page, sample_server, "km/tim-kiem/", width, height)
        search(page, "ទឹកធ្លាក់", "#gl-search-page-input")
        screenshot(page, f"search-km-{name}")
        page = open_page(local_page, sample_server, "", width, height)
        if width > 800:
            search(page, "chu dang ya")
            screenshot(page, f"search-vi-{name}")
        assert page.guard.blocked == []


ARTICLE = """---
title: {title}
summary: Bài thử.
date: 2025-06-{day:02d}
category: news
byline: BBT
---
{body}
"""


def test_exact_accents_rank_first(project: Path, local_page):
    write_files(
        project / "content",
        {
            "vi/tin-tuc/a.md": ARTICLE.format(title="Bài A", day=1, body="Làng dak nhỏ bên suối."),
            "vi/tin-tuc/b.md": ARTICLE.format(title="Bài B", day=2, body="Làng Đak nhỏ bên suối."),
            "vi/tin-tuc/c.md": ARTICLE.format(title="Bài C", day=3, body="Làng Đắk nhỏ bên suối."),
        },
    )
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    base, server = serve(project / "site")
    try:
        for query, first in (("làng đắk", "Bài C"), ("làng dak", "Bài A"), ("làng đak", "Bài B")):
            page = open_page(local_page, base, "")
            result = search(page, query)
            assert result["titles"][0] == first, (query, result["titles"])
            assert len(result["titles"]) == 3
        # English has no articles yet, so no index: the search says so plainly.
        page = open_page(local_page, base, "en/")
        assert search(page, "village")["status"] == "No articles found for “village”."
    finally:
        server.shutdown()


def test_khmer_index_keeps_vowel_signs_apart():
    """ទឹក (water), ទិក and ទាក់ differ only by vowel signs: they must not share an entry."""
    from gialai.search import KhmerSegmenter, decode_khmer

    segmenter = KhmerSegmenter()
    encoded = [segmenter.encode(word) for word in ("ទឹក", "ទិក", "ទាក់")]
    assert len(set(encoded)) == 3
    assert not any(re.search(r"[\u17b4-\u17d3\u17dd]", text) for text in encoded)
    assert [decode_khmer(text) for text in encoded] == ["ទឹក", "ទិក", "ទាក់"]
    sentence = "ខេត្តយ៉ាឡាយមានទឹកធ្លាក់ស្អាត។ ភ្ញៀវមកពី Gia Lai"
    assert decode_khmer(segmenter.encode(sentence)) == sentence.replace("្ដ", "្ត")


def _samples() -> list[str]:
    """Words the build and the browser must spell alike: Vietnamese, other scripts, odd marks."""
    import random

    letters = (
        "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
        "AÀĂẮÂẦĐÊỆÔỒƠỚƯỨbcghklmnpqrstvx0123456789üçñØ가ភ្ន\u0301\u0303\u0323’' -,."
    )
    rng = random.Random(5)
    fixed = [
        "Đắk Lắk",
        "thác 50",
        "H’Mông",
        "Müller façade",
        "q\u0303 e\u0301\u0323",
        "\u0301a",
        "a" * 30 + "ệ",
        "ĐƯỜNG người",
        "가Ù",
        "Ṥ ṥa Ṩ",  # marks whose order the index suffix would lose
    ]
    return fixed + [
        "".join(rng.choice(letters) for _ in range(rng.randint(1, 30))) for _ in range(300)
    ]


def test_the_browser_spells_vietnamese_as_the_index_does(sample_server, local_page):
    import unicodedata

    from gialai.search import VI_END, decode_vietnamese, encode_vietnamese

    suffix = re.compile(f"{chr(VI_END)}[\\ua100-\\ua1d7]*")
    texts = [unicodedata.normalize("NFC", text) for text in _samples()]
    page = open_page(local_page, sample_server, "")
    spelled = page.evaluate(
        """async ({url, texts}) => {
             const m = await import(url);
             return texts.map((t) => [m.vietnameseQuery(t), m.vietnameseBare(t),
                                      m.vietnameseShow(m.vietnameseQuery(t))]);
           }""",
        {"url": f"{sample_server}/assets/javascripts/search.js", "texts": texts},
    )
    for text, (query, bare, shown) in zip(texts, spelled, strict=True):
        encoded = encode_vietnamese(text)
        assert query == encoded, text
        assert bare == suffix.sub(chr(VI_END), encoded), text
        assert shown == text == decode_vietnamese(encoded), text


def test_nothing_found_here_points_to_the_languages_that_have_it(sample_server, local_page):
    # "waterfall" is in the English articles only: the Vietnamese panel says nothing was
    # found and links to the English search, with the number of English matches.
    page = open_page(local_page, sample_server, "")
    result = search(page, "waterfall")
    assert result["status"] == "Không tìm thấy bài viết nào cho “waterfall”."
    assert result["urls"] == []
    form = page.locator("form:has(#gl-search-input)")
    items = form.locator(".gl-search__elsewhere")
    assert items.first.inner_text() == "Có kết quả trong ngôn ngữ khác:"
    links = form.locator(".gl-search__elsewhere a")
    assert links.count() == 1
    link = links.first
    assert link.get_attribute("href") == f"{sample_server}/en/tim-kiem/?q=waterfall"
    assert link.get_attribute("hreflang") == "en"
    english = open_page(local_page, sample_server, "en/tim-kiem/?q=waterfall")
    english.wait_for_selector(".gl-search__result")
    count = english.locator(".gl-search__result").count()
    assert link.inner_text() == f"English · {count}"
    assert page.guard.blocked == [] and page.console_errors == []


@pytest.mark.parametrize("lang", ["km", "lo"])
def test_the_browser_splits_words_as_the_index_does(sample_server, sample_site, local_page, lang):
    """The build splits Khmer and Lao over the vocabulary it exports; the browser splits a
    query over the same words in the same way, sentence by sentence of the site."""
    from gialai.segmenting import WORD_SCRIPTS, split_known

    script = WORD_SCRIPTS["khmer" if lang == "km" else "lao"]
    folder = sample_site / lang / "search-vocab"
    known = {w for f in folder.glob("*.txt") for w in f.read_text("utf-8").split("\n") if w}
    runs = []
    for article in sorted((sample_site / lang).glob("*/*/index.html")):
        page = html.fromstring(article.read_bytes())
        if not page.xpath("//*[@class='gl-article__lead']"):
            continue  # not an article: its words are not in the index
        for text in page.xpath("//h1//text() | //*[@class='gl-article__lead']//text()"):
            runs += script.run.findall(script.normalize(text))
    assert len(runs) > 20
    page = open_page(local_page, sample_server, f"{lang}/")
    split = page.evaluate(
        """async ({url, name, folder, runs}) => {
             const m = await import(url);
             const out = [];
             for (const run of runs) out.push(await m.wordsSplit(name, folder, run));
             return out;
           }""",
        {
            "url": f"{sample_server}/assets/javascripts/search.js",
            "name": script.text,
            "folder": f"{sample_server}/{lang}/search-vocab/",
            "runs": runs,
        },
    )
    for run, in_browser in zip(runs, split, strict=True):
        assert in_browser.split(" ") == split_known(run, known, script.longest), run
    assert page.console_errors == []


def test_khmer_vowel_signs_are_not_folded_away(sample_server, local_page):
    # សម (the start of សមុទ្រ, sea, and សមាគម, association) and សូម (please) differ by a
    # vowel sign only: the words found for សម all start with សម, none with សូម.
    page = open_page(local_page, sample_server, "km/tim-kiem/")
    result = search(page, "សម", "#gl-search-page-input")
    assert result["urls"], result
    marked = [
        mark.text_content()
        for excerpt in result["excerpts"]
        for mark in html.fromstring(f"<div>{excerpt}</div>").iter("mark")
    ]
    assert marked and all(word.startswith("សម") for word in marked), marked
