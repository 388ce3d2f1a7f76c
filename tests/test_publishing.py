"""Publishing like a news site: listings, dates, related articles, feeds, sitemap, sharing,
images and print — on a generated corpus and on the sample site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

import feedparser
import pytest
from bench.corpus import generate_corpus
from lxml import etree, html

from .conftest import REPO, copy_project, run_build

SITE = "https://doingoai.gialai.gov.vn/"
PER_LANGUAGE = 60


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("corpus") / "project")
    generate_corpus(project / "content", PER_LANGUAGE, start=dt.date(2025, 1, 1))
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def doc(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def card_titles(page: html.HtmlElement) -> list[str]:
    return [a.text_content() for a in page.xpath("//*[contains(@class,'gl-card__title')]/a")]


def test_category_pages_are_paginated_with_working_links(corpus_site):
    first = doc(corpus_site, "du-lich")
    assert len(card_titles(first)) == 12
    assert first.xpath("//nav[contains(@class,'gl-pagination')]//a[@rel='next']/@href") == [
        "trang/2/"
    ]
    second = doc(corpus_site, "du-lich/trang/2")
    assert second.xpath("//a[@rel='prev']/@href") == ["../../"]
    assert not set(card_titles(first)) & set(card_titles(second))
    # Newest first across pages.
    dates = [t.get("datetime") for t in first.xpath("//time")] + [
        t.get("datetime") for t in second.xpath("//time")
    ]
    assert dates == sorted(dates, reverse=True)
    status = second.xpath("string(//*[contains(@class,'gl-pagination__status')])")
    assert status == "Trang 2/2"


def test_archive_and_tags(corpus_site):
    archive = doc(corpus_site, "en/luu-tru")
    assert archive.xpath("//h1/text()") == ["Archive"]
    pages = [p for p in (corpus_site / "en/luu-tru/trang").iterdir()]
    assert len(pages) == -(-PER_LANGUAGE // 12) - 1
    tags = doc(corpus_site, "km/tu-khoa")
    links = tags.xpath("//ul[contains(@class,'gl-tag-cloud')]//a/@href")
    assert links
    tag_page = html.fromstring((corpus_site / "km/tu-khoa" / links[0] / "index.html").read_bytes())
    assert tag_page.xpath("//h1/text()")[0].startswith("ពាក្យគន្លឹះ៖ ")
    assert card_titles(tag_page)


def test_listings_never_show_another_language(corpus_site):
    checked = 0
    for listing in (corpus_site / "km").glob("*/index.html"):
        page = html.fromstring(listing.read_bytes())
        for card in page.xpath("//*[contains(@class,'gl-card__title')]/a"):
            target = (listing.parent / card.get("href")).resolve()
            article = html.fromstring((target / "index.html").read_bytes())
            assert article.get("lang") == "km", (listing, card.get("href"))
            checked += 1
    assert checked


@pytest.mark.parametrize(
    ("prefix", "date", "photo"),
    [
        ("", "14 tháng 6, 2025", "Ảnh: Ban biên tập"),
        ("en/", "June 14, 2025", "Photo: Ban biên tập"),
        ("km/", "ថ្ងៃទី ១៤ ខែមិថុនា ឆ្នាំ ២០២៥", "រូបថត៖ Ban biên tập"),
        # Not translated into Chinese: the Vietnamese text in a Chinese frame.
        ("zh/", "2025年6月14日", "图片：Ban biên tập"),
    ],
)
def test_article_page_as_readers_expect(sample_site, prefix, date, photo):
    page = doc(sample_site, f"{prefix}du-lich/thac-50-o-kbang")
    header = page.xpath("//header[contains(@class,'gl-article__header')]")[0]
    assert header.xpath("string(.//time)") == date
    assert header.xpath(".//time/@datetime") == ["2025-06-14"]
    assert header.xpath("string(.//*[contains(@class,'gl-article__byline')])").endswith(
        "Lê Minh Khoa"
    )
    assert header.xpath(".//*[contains(@class,'gl-article__kicker')]/a/@href") == ["../"]
    assert header.xpath("string(.//*[contains(@class,'gl-article__readtime')])")
    assert photo in page.xpath("string(//figure[contains(@class,'gl-cover')]/figcaption)")
    related = page.xpath("//section[contains(@class,'gl-related')]//article")
    assert 1 <= len(related) <= 4
    times = page.xpath("//section[contains(@class,'gl-related')]//time")
    dates = [t.get("datetime") for t in times]
    assert dates == sorted(dates, reverse=True)


def test_feeds_per_language_and_category(corpus_site, sample_site):
    for prefix, lang in (("", "vi"), ("en/", "en"), ("km/", "km")):
        feed = feedparser.parse((corpus_site / prefix / "feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == lang
        assert len(feed.entries) == 20
        assert all(e.link.startswith(f"{SITE}{prefix}") for e in feed.entries)
        published = [e.published_parsed for e in feed.entries]
        assert published == sorted(published, reverse=True)
        category = feedparser.parse((corpus_site / prefix / "du-lich/feed.xml").read_bytes())
        assert category.entries and all(e.tags[0].term == "tourism" for e in category.entries)
    # Every page of a language links to its feed.
    for path in ("", "en/du-lich/thac-50-o-kbang/", "km/tu-khoa/"):
        page = html.fromstring((sample_site / path / "index.html").read_bytes())
        feeds = page.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")
        assert feeds, path
        target = (sample_site / path / feeds[0]).resolve()
        assert target.name == "feed.xml" and target.exists()


def test_sitemap_lists_every_published_page(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    locs = set(tree.xpath("//*[local-name()='loc']/text()"))
    pages = set()
    for file in sample_site.rglob("index.html"):
        page = html.fromstring(file.read_bytes())
        if page.xpath("//meta[@name='robots'][@content='noindex']"):
            continue
        path = file.parent.relative_to(sample_site).as_posix()
        pages.add(SITE + ("" if path == "." else quote(path) + "/"))
    assert pages == locs
    x_default = tree.xpath("//*[local-name()='link'][@hreflang='x-default']/@href")
    assert x_default and all(
        not href.startswith((SITE + "en/", SITE + "km/")) for href in x_default
    )


def test_sharing_metadata(sample_site):
    page = doc(sample_site, "km/du-lich/thac-50-o-kbang")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in page.xpath("//meta")}
    assert page.xpath("//link[@rel='canonical']/@href") == [f"{SITE}km/du-lich/thac-50-o-kbang/"]
    assert meta["og:type"] == "article"
    assert meta["og:url"] == f"{SITE}km/du-lich/thac-50-o-kbang/"
    assert meta["og:locale"] == "km_KH"
    alternates = [m.get("content") for m in page.xpath("//meta[@property='og:locale:alternate']")]
    assert sorted(alternates) == ["en_US", "vi_VN"]
    assert meta["og:image"].startswith(f"{SITE}_img/thac-50-") and meta["og:image"].endswith(".jpg")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:title"] == page.xpath("string(//h1)")
    assert meta["description"] == meta["og:description"] != ""


def test_images_are_resized_cached_and_lazy(sample_site):
    page = doc(sample_site, "du-lich/thac-50-o-kbang")
    cover = page.xpath("//figure[contains(@class,'gl-cover')]//img")[0]
    widths = sorted(int(c.split()[-1][:-1]) for c in cover.get("srcset").split(","))
    assert widths == [400, 720, 960, 1600]
    assert cover.get("fetchpriority") == "high" and cover.get("loading") is None
    webp = page.xpath("//figure[contains(@class,'gl-cover')]//source[@type='image/webp']")[0]
    assert webp.get("sizes") == cover.get("sizes")
    home = doc(sample_site, "")
    lazy = home.xpath("//img[@loading='lazy']")
    assert lazy and len(lazy) < len(home.xpath("//img"))
    # No variant is wider than 1600 px, and the 2400 px originals are nowhere.
    from PIL import Image

    for variant in (sample_site / "_img").iterdir():
        with Image.open(variant) as image:
            assert image.width <= 1600
    assert not any(p.name == "thac-50.jpg" for p in sample_site.rglob("*.jpg"))


def test_unchanged_images_are_not_processed_again(tmp_path):
    from gialai.images import ImageCache

    source = REPO / "content/images/bien-ho.jpg"
    first = ImageCache(tmp_path, (480, 960, 1600))
    first.get(source)
    assert first.made == 6
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    second = ImageCache(tmp_path, (480, 960, 1600))
    second.get(source)
    assert second.made == 0
    assert stamps == {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}


def test_a_photo_turned_by_its_camera_is_resized_upright(tmp_path):
    """EXIF orientation 6 (held upright, stored sideways): variants are tall, not wide."""
    from PIL import Image

    from gialai.images import ImageCache

    source = tmp_path / "doc.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (1200, 800), (30, 120, 60)).save(source, "JPEG", exif=exif.tobytes())
    cache = ImageCache(tmp_path / "cache", (480, 960, 1600))
    image = cache.get(source)
    assert (image.width, image.height) == (800, 1200)
    for variant in image.variants:
        with Image.open(tmp_path / "cache" / Path(variant.path).name) as made:
            assert made.size == (variant.width, variant.height)
            assert made.height > made.width
    # Found again in a new process: the same answer without decoding the photo.
    again = ImageCache(tmp_path / "cache", (480, 960, 1600)).get(source)
    assert again == image


@pytest.mark.browser
def test_an_article_prints_on_a4(sample_server, local_page, artifacts, tmp_path):
    import subprocess

    page = local_page(sample_server, 1280, 900)
    page.goto(f"{sample_server}/en/du-lich/thac-50-o-kbang/", wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-tabs', '.gl-related', '.md-footer__inner', '.gl-footer-links']
            .map(s => document.querySelector(s))
            .filter(e => e && getComputedStyle(e).display !== 'none').length"""
    )
    assert hidden == 0
    share = page.locator(".gl-share")
    assert share.is_visible()
    assert share.locator("svg").get_attribute("data-qr") == (f"{SITE}en/du-lich/thac-50-o-kbang/")
    assert share.locator(".gl-share__url").text_content() == f"{SITE}en/du-lich/thac-50-o-kbang/"
    assert page.locator(".gl-cover figcaption").is_visible()
    pdf = tmp_path / "article.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF")
    if Path("/usr/bin/pdftoppm").exists():
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", str(pdf), str(artifacts / "print-en")], check=True
        )
