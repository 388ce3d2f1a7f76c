"""Chinese (Simplified) on the sample site: its tag, its interface, its dates, its fallbacks.

The language's code is ``zh`` (the folder content/zh/, the address /zh/); what the pages
tell browsers, screen readers, feed readers and search engines is its BCP 47 tag,
``zh-Hans``. The code alone would not say which of the two Chinese scripts the text uses.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from lxml import etree, html

SITE = "https://doingoai.gialai.gov.vn/"
TAG = "zh-Hans"
TRANSLATED = "dau-tu/ca-phe-ho-tieu-sau-rieng"  # translated into Chinese
NOT_TRANSLATED = "du-lich/thac-50-o-kbang"  # translated into English and Khmer only
CHINESE_ARTICLES = {
    "dau-tu/ca-phe-ho-tieu-sau-rieng",
    "dau-tu/q-fair-2025",
    "du-lich/bien-ho-pleiku",
    "du-lich/bien-quy-nhon-nam-du-lich-quoc-gia",
    "tin-tuc/quy-che-phoi-hop-7-xa-bien-gioi",
    "tin-tuc/thong-tin-doi-ngoai-da-ngon-ngu",
    "van-hoa/khong-gian-van-hoa-cong-chieng",
}


def page(site: Path, path: str) -> html.HtmlElement:
    file = site / path if path.endswith(".html") else site / path / "index.html"
    return html.fromstring(file.read_bytes())


def text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def alternates(doc: html.HtmlElement) -> dict[str, str]:
    links = doc.xpath("//head/link[@rel='alternate'][@hreflang]")
    return {link.get("hreflang"): link.get("href") for link in links}


def test_chinese_home_page(sample_site):
    doc = page(sample_site, "zh/")
    assert doc.get("lang") == TAG
    assert doc.xpath("//header[contains(@class,'md-header')]/@lang") == [TAG]
    assert doc.findtext(".//title") == "嘉莱省对外信息"
    tabs = [text(a) for a in doc.find_class("md-tabs__link")]
    assert tabs == ["首页", "新闻", "文化", "旅游", "投资", "文章归档"]
    body = text(doc.xpath("//main")[0])
    assert "欢迎访问越南嘉莱省（Gia Lai）对外信息网站。" in body
    assert doc.xpath("//span[@lang='vi']/text()")[:2] == ["Gia Lai", "Tây Nguyên"]
    footer = text(doc.xpath("//*[contains(@class,'md-copyright')]")[0])
    assert footer == "© 嘉莱省外务厅 RSS 订阅 全部关键词 文章归档"
    # The Chinese home page is a real translation: every home page names it.
    assert alternates(doc)[TAG] == f"{SITE}zh/"
    assert alternates(page(sample_site, ""))[TAG] == f"{SITE}zh/"


def test_chinese_article_as_a_chinese_reader_sees_it(sample_site):
    doc = page(sample_site, f"zh/{TRANSLATED}")
    assert doc.get("lang") == TAG
    assert not doc.find_class("gl-notice")
    header = doc.xpath("//header[contains(@class,'gl-article__header')]")[0]
    assert header.xpath("string(.//h1)") == "咖啡、胡椒、榴莲：红色玄武岩土地上的加工与出口投资机遇"
    assert text(header.find_class("gl-article__kicker")[0]) == "投资"
    assert text(header.find_class("gl-article__byline")[0]) == "作者：Phạm Thu Trang"
    assert text(header.find_class("gl-article__date")[0]) == "波来古, 2025年9月20日"
    assert header.xpath(".//time/@datetime") == ["2025-09-20"]
    # About 930 characters: two minutes, not one for a text without spaces.
    assert text(header.find_class("gl-article__readtime")[0]) == "阅读约需2分钟"
    assert header.find_class("gl-article__meta")[0].get("lang") == TAG
    assert doc.xpath("string(//figure[contains(@class,'gl-cover')]/figcaption)").startswith(
        "红土高原上成串的成熟咖啡果（插图）。"
    )
    tags = [text(a) for a in doc.find_class("gl-tag")]
    assert tags == ["咖啡", "胡椒", "榴莲", "农产品加工"]
    assert doc.xpath("//section[contains(@class,'gl-related')]/h2/text()") == ["相关文章"]
    meta = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
    assert meta["og:locale"] == "zh_CN"


def test_chinese_article_alternates_use_the_tag(sample_site):
    url = f"{SITE}zh/{TRANSLATED}/"
    for prefix in ("", "en/", "km/", "zh/"):
        doc = page(sample_site, f"{prefix}{TRANSLATED}")
        assert alternates(doc)[TAG] == url, prefix
        assert "zh" not in alternates(doc), prefix
        menu = [a for a in doc.find_class("md-select__link") if a.get("lang") == TAG]
        assert [(text(a), a.get("hreflang")) for a in menu] == [("中文", TAG)], prefix


def test_the_theme_speaks_chinese(sample_site):
    # Material's own zh.html gives the theme's texts; the site's give the rest.
    doc = page(sample_site, f"zh/{TRANSLATED}")
    assert doc.xpath("//header[contains(@class,'md-header')]/nav/@aria-label") == ["页眉"]
    assert text(doc.xpath("//*[contains(@class,'md-top')]")[0]) == "回到页面顶部"
    assert text(doc.find_class("md-skip")[0]) == "跳至正文"
    # Material calls its tabs 标签; the article's tags are 关键词 (Từ khoá), so a screen
    # reader's list of landmarks tells the two apart.
    labels = doc.xpath("//nav/@aria-label")
    assert "关键词" in labels and len(labels) == len(set(labels))
    search = doc.xpath("//form[@role='search']")[0]
    assert search.xpath(".//input[@type='search']/@placeholder") == ["搜索文章…"]
    assert page(sample_site, "zh/404.html").xpath("//article//h1/text()") == ["找不到该页面"]


def test_untranslated_article_is_a_truthful_fallback(sample_site):
    doc = page(sample_site, f"zh/{NOT_TRANSLATED}")
    assert doc.get("lang") == "vi"
    notice = doc.find_class("gl-notice--fallback")[0]
    assert notice.get("lang") == TAG
    # Then every language the article is written in, each named in its own words.
    assert (
        text(notice)
        == "本文尚未译成中文 以下为越南语原文。 本文现有以下语言版本： Tiếng Việt · English · ខ្មែរ"
    )
    # The menus and the date line stay Chinese around the Vietnamese text.
    assert doc.xpath("//header[contains(@class,'md-header')]/@lang") == [TAG]
    date = doc.find_class("gl-article__date")[0]
    assert text(date) == "Kbang, 2025年6月14日"
    assert doc.xpath("string(//h1)") == "Thác 50 – dải lụa trắng giữa đại ngàn Kbang"
    # Never presented as a Chinese translation.
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert doc.xpath("//link[@rel='canonical']/@href") == [f"{SITE}{NOT_TRANSLATED}/"]
    assert TAG not in alternates(doc)
    assert TAG not in alternates(page(sample_site, NOT_TRANSLATED))
    listing = page(sample_site, "zh/du-lich")
    hrefs = listing.xpath("//*[contains(@class,'gl-card__title')]/a/@href")
    assert hrefs and not [h for h in hrefs if "thac-50-o-kbang" in h]


def test_chinese_feed_holds_the_translations_only(sample_site):
    feed = feedparser.parse((sample_site / "zh/feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == TAG
    assert feed.feed.title == "嘉莱省对外信息"
    links = {entry.link.removeprefix(f"{SITE}zh/").rstrip("/") for entry in feed.entries}
    assert links == CHINESE_ARTICLES
    tourism = feedparser.parse((sample_site / "zh/du-lich/feed.xml").read_bytes())
    assert tourism.feed.title == "嘉莱省对外信息 – 旅游"
    assert [entry.tags[0].label for entry in tourism.entries] == ["旅游", "旅游"]


def test_sitemap_names_chinese_by_its_tag(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = set(tree.xpath("//s:url/s:loc/text()", namespaces=ns))
    assert {f"{SITE}zh/{key}/" for key in CHINESE_ARTICLES} <= locs
    assert f"{SITE}zh/{NOT_TRANSLATED}/" not in locs
    url = tree.xpath(f"//s:url[s:loc='{SITE}{TRANSLATED}/']", namespaces=ns)[0]
    pairs = dict(
        zip(
            url.xpath("x:link/@hreflang", namespaces=ns),
            url.xpath("x:link/@href", namespaces=ns),
            strict=True,
        )
    )
    assert pairs[TAG] == f"{SITE}zh/{TRANSLATED}/"
    assert "zh" not in tree.xpath("//x:link/@hreflang", namespaces=ns)


def test_no_page_names_chinese_by_its_code(sample_site):
    # The code is a folder name; a lang or hreflang of "zh" would not say Simplified.
    offenders = []
    for file in sorted(sample_site.rglob("*.html")):
        doc = html.fromstring(file.read_bytes())
        for attribute in ("lang", "hreflang"):
            for element in doc.xpath(f"//*[@{attribute}='zh']"):
                offenders.append((file.relative_to(sample_site), element.tag, attribute))
    for file in sorted(sample_site.rglob("feed.xml")):
        root = etree.parse(str(file)).getroot()
        if root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh":
            offenders.append((file.relative_to(sample_site), "feed", "xml:lang"))
    assert offenders == []


def test_kiosk_start_screen_offers_chinese(kiosk_site):
    doc = page(kiosk_site, "start")
    choices = {
        li.get("lang"): (text(li.find_class("gl-start__name")[0]), li.xpath(".//a/@href")[0])
        for li in doc.xpath("//li[.//a[contains(@class,'gl-start__choice')]]")
    }
    assert choices[TAG] == ("中文", "../zh/")
    assert "请选择语言" in text(doc.xpath("//main")[0])
    assert page(kiosk_site, "zh/").get("lang") == TAG


# In Chromium: what a Chinese reader sees on a phone and on a kiosk. The screenshots are
# for a person to look at (test-artifacts/ under ./dev test).
PHONE, KIOSK = (390, 844), (1080, 1920)


# The Han characters shown on the page that no font face of their element's families and
# weight declares (this machine has no Chinese font: they would be drawn as empty boxes).
UNDRAWN_HAN = """() => {
  const faces = [...document.fonts].map((f) => ({
    family: f.family.replaceAll('"', ''),
    weights: f.weight.split(' ').map(Number),
    ranges: f.unicodeRange.split(',').map((r) => r.trim().replace(/^U\\+/i, '').split('-'))
      .map(([a, b]) => [parseInt(a, 16), parseInt(b || a, 16)]),
  }));
  const han = /[\\u3400-\\u4dbf\\u4e00-\\u9fff]/u;
  const missing = new Set();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const element = walk.currentNode.parentElement;
    if (!element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    const weight = Number(style.fontWeight) >= 600 ? 700 : 400;
    const families = style.fontFamily.split(',').map((f) => f.trim().replaceAll('"', ''));
    for (const char of walk.currentNode.textContent) {
      if (!han.test(char)) continue;
      const code = char.codePointAt(0);
      const drawn = faces.some((f) => families.includes(f.family)
        && (f.weights.length === 2 ? f.weights[0] <= weight && weight <= f.weights[1]
                                   : f.weights[0] === weight)
        && f.ranges.some(([low, high]) => low <= code && code <= high));
      if (!drawn) missing.add(char);
    }
  }
  return [...missing].join('');
}"""


def _check_drawn(page) -> None:
    assert page.evaluate(UNDRAWN_HAN) == ""
    assert page.evaluate("document.documentElement.lang") in (TAG, "vi")
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert page.guard.blocked == []
    assert page.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["zh/", f"zh/{TRANSLATED}/"], ids=["home", "article"])
def test_chinese_pages_on_a_phone(sample_server, local_page, screenshot, path):
    page = local_page(sample_server, *PHONE)
    response = page.goto(f"{sample_server}/{path}", wait_until="networkidle")
    assert response.status == 200
    assert page.evaluate("document.documentElement.lang") == TAG
    _check_drawn(page)
    name = "home" if path == "zh/" else "article"
    screenshot(page, f"zh-{name}-phone")


@pytest.mark.browser
def test_a_chinese_visitor_at_the_kiosk(kiosk_server, local_page, screenshot):
    page = local_page(kiosk_server, *KIOSK, has_touch=True)
    page.goto(f"{kiosk_server}/start/", wait_until="networkidle")
    assert page.evaluate(UNDRAWN_HAN) == ""
    screenshot(page, "zh-kiosk-start")
    page.click(f".gl-start__choice[hreflang='{TAG}']")
    page.wait_for_url(f"{kiosk_server}/zh/")
    page.wait_for_load_state("networkidle")
    _check_drawn(page)
    assert page.locator("#gl-kiosk").get_attribute("lang") == TAG
    screenshot(page, "zh-kiosk-home")
    page.goto(f"{kiosk_server}/zh/{TRANSLATED}/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.lang") == TAG
    _check_drawn(page)
    screenshot(page, "zh-kiosk-article")


@pytest.mark.browser
def test_language_menu_leads_to_the_chinese_article(sample_server, local_page):
    page = local_page(sample_server, 1366, 900)
    page.goto(f"{sample_server}/{TRANSLATED}/")
    page.hover(".gl-lang__button")
    page.click(f".md-select__link[lang='{TAG}']")
    page.wait_for_load_state()
    assert page.url == f"{sample_server}/zh/{TRANSLATED}/"
    assert page.evaluate("document.documentElement.lang") == TAG
    assert page.guard.blocked == []
