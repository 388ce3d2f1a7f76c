"""Fonts cut at build time: the characters of a page, slices, unicode-range, bold styles."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gialai.fonts import (
    BOLD_ATTRIBUTES,
    BOLD_CLASSES,
    BOLD_TAGS,
    CUT_FONTS,
    FontFile,
    page_characters,
    plan_slices,
    shows_cut_fonts,
    unicode_range,
)

REPO = Path(__file__).resolve().parents[2]
STYLES = ("overrides/assets/stylesheets/gialai.css", "overrides/assets/stylesheets/kiosk.css")


def test_a_page_shows_its_text_and_attributes_not_its_scripts():
    html = (
        '<html><head><title>标题</title><style>.x{content:"样"}</style></head><body>'
        '<h1 class="t">大<span>字</span></h1><p>正文<strong>重</strong>点</p>'
        '<img alt="图"><form data-none="没有找到"></form><script>var s = "脚本";</script>'
        '<p class="gl-article__lead">导语</p><a aria-current="true">中文</a></body></html>'
    )
    chars, bold = page_characters(html)
    assert set("标题大字正文重点图没有找到导语中文") <= chars
    assert not set("样脚本") & chars
    assert bold == frozenset("大字重导语中文")


def test_a_page_needs_the_chinese_font_for_its_text_not_for_the_language_menu():
    menu = (
        '<nav class="gl-lang"><span class="gl-lang__current" lang="vi" data-script="Latn">'
        'Tiếng Việt</span><a href="/zh/" lang="zh" data-script="Hans" class="md-select__link">'
        '中文</a></nav><div class="gl-search" data-others="中文, ខ្មែរ"></div>'
    )
    page = f"<html><body>{menu}<p>Biển Hồ</p></body></html>"
    assert shows_cut_fonts(page) == set()
    han = {CUT_FONTS["Hans"].family}
    for text in (
        "<p>Chữ 中 trong bài</p>",  # a Chinese word in a Vietnamese article
        '<img alt="图" src="a.webp">',  # an attribute a reader is shown
        '<span lang="zh">中文</span>',  # the name, but not marked as a name
    ):
        assert shows_cut_fonts(f"<html><body>{menu}{text}</body></html>") == han, text
    # A name element holding more than text is left to the parser, which skips it too.
    assert shows_cut_fonts(f'{menu}<a data-script="Hans"><span>中</span>文</a>') == set()


def test_an_unclosed_element_does_not_make_the_rest_bold():
    _chars, bold = page_characters("<p><b>粗</p><p>细</p>")
    assert bold == frozenset("粗")


def test_the_han_font_draws_han_and_punctuation_not_latin():
    font = CUT_FONTS["Hans"]
    assert all(font.draws(char) for char in "中文，。：（）《》「」")
    assert not any(font.draws(char) for char in "Aa1ệ“”—ຂខ")


def test_unicode_range_writes_runs_as_ranges():
    assert unicode_range("abcxz中") == "U+61-63, U+78, U+7A, U+4E2D"
    assert unicode_range("") == ""


def test_characters_of_exactly_the_same_pages_share_a_slice():
    pages = [set("甲乙丙一"), set("甲乙丁一"), set("甲乙戊")]
    slices = plan_slices(pages, extra="己", file_bytes=0, most=10)
    # No merge pays off when a file costs nothing: one slice per set of pages.
    assert sorted(map(sorted, slices)) == sorted(
        map(sorted, [set("甲乙"), set("一"), set("丙"), set("丁"), set("戊"), set("己")])
    )


def test_small_groups_merge_when_a_file_costs_more_than_the_waste():
    pages = [set("甲乙丙丁戊己") | {"子"}, set("甲乙丙丁戊己") | {"丑"}]
    slices = plan_slices(pages, glyph_bytes=150, file_bytes=1000, most=10)
    # 子 and 丑 alone would cost each page a file (1000 bytes) for 150 bytes of glyph.
    assert len(slices) == 1


def test_no_more_slices_than_asked_for():
    pages = [{chr(0x4E00 + i), chr(0x5000 + i)} for i in range(40)]
    assert len(plan_slices(pages, file_bytes=0, most=8)) == 8


@given(
    st.lists(
        st.sets(st.sampled_from("一二三四五六七八九十百千万亿甲乙丙丁"), max_size=12),
        max_size=8,
    ),
    st.sets(st.sampled_from("子丑寅卯"), max_size=4),
)
def test_slices_split_every_character_once(pages, extra):
    slices = plan_slices(pages, extra, most=5)
    every = [char for chunk in slices for char in chunk]
    assert len(every) == len(set(every))
    assert set(every) == set().union(*pages, extra)
    assert len(slices) <= max(5, 1)
    assert plan_slices(pages, extra, most=5) == slices  # the same input, the same files


def _bold_rules() -> list[str]:
    """The selectors of the site's style rules that set text in bold."""
    found = []
    for rel in STYLES:
        css = re.sub(r"/\*.*?\*/", "", (REPO / rel).read_text(encoding="utf-8"), flags=re.S)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
            # An @font-face's weight names the face it declares, not text set in bold.
            if selectors.strip().startswith("@font-face"):
                continue
            if re.search(r"font-weight:\s*(?:700|bold)", body):
                found.extend(part.strip() for part in selectors.split(","))
    return found


def test_every_bold_style_of_the_site_is_known_to_the_font_cutter():
    missing = []
    for selector in _bold_rules():
        last = selector.split()[-1]
        classes = set(re.findall(r"\.([\w-]+)", last))
        tag = re.match(r"[a-z][a-z0-9]*", last)
        attributes = set(re.findall(r'\[([\w-]+)="([^"]*)"\]', last))
        ancestors = set(re.findall(r"\.([\w-]+)", " ".join(selector.split()[:-1])))
        known = (
            classes & BOLD_CLASSES
            or (tag and tag.group() in BOLD_TAGS)
            or attributes & set(BOLD_ATTRIBUTES)
            # `.gl-search__more a`: the bold element sits inside a known class
            or ancestors & BOLD_CLASSES
        )
        if not known:
            missing.append(selector)
    assert missing == []


def test_a_slice_rule_names_the_devices_fonts_before_its_file():
    font = CUT_FONTS["Hans"]
    rule = FontFile(
        "assets/fonts/x-400.abc.woff2", font.family, "400", frozenset("中文"), font.local[400]
    ).rule()
    sources = re.search(r"src: ([^;]+);", rule).group(1)
    names = re.findall(r'local\("([^"]+)"\)', sources)
    assert names == list(font.local[400]) and "Noto Sans CJK SC" in names
    assert sources.endswith('url("../fonts/x-400.abc.woff2") format("woff2")')
    assert sources.index("local(") < sources.index("url(")
    # Bold is taken only from bold fonts of the device.
    assert all(name.endswith(("Bold", "Semibold")) for name in font.local[700])
