"""Lao (lo) as built: home page, an article, the theme's text, dates, fallbacks, feeds, kiosk."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
import yaml
from lxml import etree, html

from .conftest import REPO

SITE = "https://doingoai.gialai.gov.vn/"
ARTICLE = "tin-tuc/quy-che-phoi-hop-7-xa-bien-gioi"
UNTRANSLATED = "tin-tuc/tong-ket-cong-tac-doi-ngoai-2025"
# The Lao translations in content/lo/, by address.
TRANSLATED = {
    "dau-tu/ca-phe-ho-tieu-sau-rieng",
    "dau-tu/q-fair-2025",
    "du-lich/bien-quy-nhon-nam-du-lich-quoc-gia",
    "tin-tuc/doi-ngoai-2025-bang-con-so",
    "tin-tuc/quy-che-phoi-hop-7-xa-bien-gioi",
    "tin-tuc/thong-tin-doi-ngoai-da-ngon-ngu",
}
SITE_NAME = "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ແຂວງຢາລາຍ"
LAO = re.compile(r"[\u0E80-\u0EFF]")


def page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def hreflangs(doc: html.HtmlElement) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")
    }


def test_lao_articles_match_the_content_folder():
    found = {
        path.relative_to(REPO / "content/lo").with_suffix("").as_posix()
        for path in (REPO / "content/lo").glob("*/*.md")
    }
    assert found == TRANSLATED


def test_the_lao_home_page_is_lao(sample_site):
    doc = page(sample_site, "lo")
    assert doc.get("lang") == "lo"
    assert doc.findtext(".//title") == SITE_NAME
    assert hreflangs(doc)["lo"] == f"{SITE}lo/"
    assert doc.xpath("//meta[@property='og:locale']/@content") == ["lo_LA"]
    tabs = [a.text_content().strip() for a in doc.find_class("md-tabs__link")]
    assert tabs == ["ໜ້າຫຼັກ", "ຂ່າວ", "ວັດທະນະທຳ", "ການທ່ອງທ່ຽວ", "ການລົງທຶນ", "ຄັງບົດຄວາມ"]
    # The theme's own text, from overrides/partials/languages/lo.html.
    assert doc.xpath("//header/nav/@aria-label") == ["ສ່ວນຫົວຂອງໜ້າ"]
    assert doc.xpath("//nav[contains(@class,'md-tabs')]/@aria-label") == ["ແຖບ"]
    assert doc.xpath("//nav[contains(@class,'md-nav--primary')]/@aria-label") == ["ເມນູນຳທາງ"]
    assert doc.xpath("normalize-space(//*[contains(@class,'md-top')])") == "ກັບຂຶ້ນເທິງ"
    # The site's own text, from locales/lo.yml.
    assert doc.xpath("//input[contains(@class,'gl-search__input')]/@placeholder") == ["ຄົ້ນຫາບົດຄວາມ…"]
    assert "© ພະແນກການຕ່າງປະເທດ ແຂວງຢາລາຍ" in doc.xpath("string(//footer)")
    body = doc.xpath("string(//div[contains(@class,'md-content')])")
    assert "ຂໍຕ້ອນຮັບທ່ານສູ່ເວັບໄຊຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດຂອງແຂວງຢາລາຍ" in body
    # Only translations are listed: every card leads to a Lao page.
    cards = doc.xpath("//*[contains(@class,'gl-card__title')]/a/@href")
    assert cards
    for href in cards:
        target = (sample_site / "lo" / href).resolve()
        assert page(target, "").get("lang") == "lo", href


def test_a_lao_article_is_lao_with_lao_dates(sample_site):
    doc = page(sample_site, f"lo/{ARTICLE}")
    assert doc.get("lang") == "lo"
    assert doc.xpath("string(//h1)") == (
        "ພະແນກການຕ່າງປະເທດ ລົງນາມລະບຽບການປະສານງານກັບ 7 ຕາແສງຊາຍແດນທາງບົກ"
    )
    header = doc.xpath("//header[contains(@class,'gl-article__header')]")[0]
    assert header.xpath("string(.//time)") == "22 ຕຸລາ 2025"
    assert header.xpath(".//time/@datetime") == ["2025-10-22"]
    byline = header.xpath("string(.//*[contains(@class,'gl-article__byline')])")
    assert byline == "ຂຽນໂດຍ: Trần Văn Long"
    assert header.xpath("string(.//*[contains(@class,'gl-article__dateline')])") == "ເປຼີຍກູ"
    assert re.fullmatch(
        r"ໃຊ້ເວລາອ່ານ \d+ ນາທີ",
        header.xpath("string(.//*[contains(@class,'gl-article__readtime')])"),
    )
    assert hreflangs(doc) == {
        "vi": f"{SITE}{ARTICLE}/",
        "en": f"{SITE}en/{ARTICLE}/",
        "km": f"{SITE}km/{ARTICLE}/",
        "lo": f"{SITE}lo/{ARTICLE}/",
        "zh-Hans": f"{SITE}zh/{ARTICLE}/",  # translated into Chinese too
        "x-default": f"{SITE}{ARTICLE}/",
    }
    assert doc.xpath("//link[@rel='canonical']/@href") == [f"{SITE}lo/{ARTICLE}/"]
    assert doc.xpath("//meta[@name='robots']") == []
    # Vietnamese names keep their spelling in brackets, marked for screen readers.
    names = doc.xpath("//div[contains(@class,'gl-article__body')]//span[@lang='vi']/text()")
    assert names == ["Gia Lai", "Lệ Thanh"]
    related = doc.xpath("//section[contains(@class,'gl-related')]/h2/text()")
    assert related == ["ບົດຄວາມທີ່ກ່ຽວຂ້ອງ"]


def test_the_vietnamese_article_leads_to_the_lao_one(sample_site):
    file = sample_site / ARTICLE / "index.html"
    doc = html.fromstring(file.read_bytes())
    assert hreflangs(doc)["lo"] == f"{SITE}lo/{ARTICLE}/"
    links = {a.get("lang"): a for a in doc.find_class("md-select__link")}
    assert links["lo"].text_content() == "ລາວ"
    assert links["lo"].get("hreflang") == "lo"
    target = (file.parent / links["lo"].get("href")).resolve()
    assert target == (sample_site / "lo" / ARTICLE).resolve()


def test_an_untranslated_article_is_vietnamese_with_a_lao_notice(sample_site):
    doc = page(sample_site, f"lo/{UNTRANSLATED}")
    assert doc.get("lang") == "vi"
    notice = doc.find_class("gl-notice--fallback")[0]
    assert notice.get("lang") == "lo"
    assert notice.text_content().split() == [
        "ບົດຄວາມນີ້ຍັງບໍ່ທັນໄດ້ແປເປັນພາສາລາວ",
        "ຂ້າງລຸ່ມນີ້ແມ່ນຕົ້ນສະບັບພາສາຫວຽດນາມ.",
        # Then every language the article is written in, each named in its own words.
        "ບົດຄວາມນີ້ມີເປັນພາສາ:",
        "Tiếng",
        "Việt",
        "·",
        "English",
        "·",
        "ខ្មែរ",
    ]
    assert doc.xpath("string(//h1)").startswith("Gia Lai tổng kết công tác đối ngoại năm 2025")
    # The interface around the Vietnamese text stays Lao, and says so; dates too.
    assert doc.xpath("//header[@lang='lo']")
    assert doc.xpath("//nav[contains(@class,'md-tabs')][@lang='lo']")
    header = doc.xpath("//header[contains(@class,'gl-article__header')]")[0]
    assert header.xpath("string(.//time)") == "19 ທັນວາ 2025"
    # Never presented as a Lao translation.
    assert doc.xpath("//link[@rel='canonical']/@href") == [f"{SITE}{UNTRANSLATED}/"]
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert "lo" not in hreflangs(doc)
    listed = page(sample_site, "lo/tin-tuc").xpath("//*[contains(@class,'gl-card__title')]/a")
    assert {a.text_content() for a in listed} == {
        "ວຽກງານການຕ່າງປະເທດຂອງແຂວງຢາລາຍ ປີ 2025 ຜ່ານຕົວເລກ",
        "ພະແນກການຕ່າງປະເທດ ລົງນາມລະບຽບການປະສານງານກັບ 7 ຕາແສງຊາຍແດນທາງບົກ",
        "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດຫຼາຍພາສາ: ນຳພາບລັກຂອງແຂວງຢາລາຍເຂົ້າໃກ້ມິດສະຫາຍສາກົນ",
    }


def test_the_lao_feed_holds_the_translations_only(sample_site):
    feed = feedparser.parse((sample_site / "lo/feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == "lo"
    assert feed.feed.title == SITE_NAME
    assert {entry.link for entry in feed.entries} == {f"{SITE}lo/{key}/" for key in TRANSLATED}
    assert all(LAO.search(entry.title) for entry in feed.entries)
    news = feedparser.parse((sample_site / "lo/tin-tuc/feed.xml").read_bytes())
    assert {entry.tags[0].label for entry in news.entries} == {"ຂ່າວ"}


def test_the_sitemap_pairs_lao_pages_with_their_sources(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = tree.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert f"{SITE}lo/" in locs
    assert {f"{SITE}lo/{key}/" for key in TRANSLATED} <= set(locs)
    assert f"{SITE}lo/{UNTRANSLATED}/" not in locs
    for loc in (f"{SITE}{ARTICLE}/", f"{SITE}lo/{ARTICLE}/"):
        url = tree.xpath(f"//s:url[s:loc='{loc}']", namespaces=ns)[0]
        links = {
            link.get("hreflang"): link.get("href") for link in url.xpath("x:link", namespaces=ns)
        }
        assert links["lo"] == f"{SITE}lo/{ARTICLE}/", loc
        assert set(links) == {"vi", "en", "km", "lo", "zh-Hans", "x-default"}
    untranslated = tree.xpath(f"//s:url[s:loc='{SITE}{UNTRANSLATED}/']", namespaces=ns)[0]
    assert "lo" not in untranslated.xpath("x:link/@hreflang", namespaces=ns)


def test_the_kiosk_start_screen_offers_lao(kiosk_site):
    doc = page(kiosk_site, "start")
    choice = doc.xpath("//a[contains(@class,'gl-start__choice')][@hreflang='lo']")[0]
    assert choice.get("href") == "../lo/"
    assert choice.xpath("string(*[contains(@class,'gl-start__name')])") == "ລາວ"
    assert choice.xpath("*[contains(@class,'gl-start__name')]/@lang") == ["lo"]
    assert choice.xpath("string(*[contains(@class,'gl-start__welcome')])") == "ຍິນດີຕ້ອນຮັບສູ່ແຂວງຢາລາຍ"
    assert doc.xpath("//h1/span[@lang='lo']/text()") == ["ເລືອກພາສາ"]
    assert page(kiosk_site, "lo").get("lang") == "lo"


def test_every_lao_interface_text_is_written_in_lao():
    strings = yaml.safe_load((REPO / "locales/lo.yml").read_text(encoding="utf-8"))
    strings.pop("language")
    # feed_title is only fields and a dash.
    untranslated = {key for key, text in strings.items() if not LAO.search(str(text))}
    assert untranslated == {"feed_title"}


def test_lo_partial_translates_every_material_key():
    import material

    en = Path(material.__file__).parent / "templates/partials/languages/en.html"
    lo = REPO / "overrides/partials/languages/lo.html"
    pattern = re.compile(r'^\s*"([^"]+)":\s*"(.*)",?\s*$', re.MULTILINE)
    en_keys = dict(pattern.findall(en.read_text(encoding="utf-8")))
    lo_values = dict(pattern.findall(lo.read_text(encoding="utf-8")))
    assert set(lo_values) == set(en_keys)
    assert (lo_values["language"], lo_values["direction"]) == ("lo", "ltr")
    not_lao = {
        key
        for key, value in lo_values.items()
        if key not in ("language", "direction")
        and not key.startswith("search.config")
        and not LAO.search(value)
    }
    assert not_lao == set()
    counted = [key for key, value in lo_values.items() if "#" in en_keys[key]]
    assert all("#" in lo_values[key] for key in counted)


SIZES = {"phone": (390, 844), "kiosk": (1080, 1920)}


@pytest.mark.browser
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(("name", "path"), [("home", "lo/"), ("article", f"lo/{ARTICLE}/")])
def test_lao_pages_in_chromium(sample_server, local_page, screenshot, name, path, size):
    width, height = SIZES[size]
    page = local_page(sample_server, width, height)
    response = page.goto(f"{sample_server}/{path}", wait_until="networkidle")
    assert response.status == 200
    assert page.evaluate("document.documentElement.lang") == "lo"
    assert page.guard.blocked == []
    assert page.console_errors == []
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert LAO.search(page.locator("h1").first.inner_text())
    screenshot(page, f"site-lo-{name}-{size}")
    screenshot(page, f"site-lo-{name}-{size}-full", full_page=True)


@pytest.mark.browser
def test_a_lao_visitor_at_the_kiosk(kiosk_server, local_page, screenshot):
    page = local_page(kiosk_server, 1080, 1920, has_touch=True)
    page.goto(f"{kiosk_server}/start/", wait_until="networkidle")
    page.click(".gl-start__choice[hreflang='lo']")
    page.wait_for_url(f"{kiosk_server}/lo/")
    assert page.evaluate("document.documentElement.lang") == "lo"
    bar = page.locator("#gl-kiosk")
    labels = [text.strip() for text in bar.locator("[data-kiosk]").all_text_contents()]
    assert labels == ["ກັບຄືນ", "ໜ້າຫຼັກ", "ພາສາ"]
    page.goto(f"{kiosk_server}/lo/{ARTICLE}/", wait_until="networkidle")
    assert page.locator(".gl-share__qr svg").is_visible()
    assert page.guard.blocked == []
    screenshot(page, "kiosk-lo-article")
