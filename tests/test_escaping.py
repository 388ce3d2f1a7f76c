"""Every value that is not Markdown reaches readers as text: front matter and settings.

One scratch project gives every text field of an article, the site names and a category
name values an attacker (or a careless paste) would type; the built pages, feeds and
sitemap are read with real parsers, and a browser shows that nothing navigates away.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from lxml import etree, html
from PIL import Image

from gialai.articles import revision_of

from .conftest import run_build, serve, write_files

# What a reader must see as it is: markup, quotes, entities, script addresses, Jinja syntax.
HOSTILE = (
    "Hội thảo \"Gia Lai xanh\" & 'hữu nghị' </title>"
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    "<script>alert(1)</script> javascript:alert(1) {{ 1 }} {% raw %} &amp;"
)
ALT = '" onerror="alert(1) <b>ảnh</b>'
EVIL_HOST = "evil.example"


def field(name: str) -> str:
    """The hostile value of one field, told apart from the others by its name."""
    return f"{name} {HOSTILE}"


TITLE, SUMMARY, BYLINE, DATELINE = (field(n) for n in ("Tiêu đề", "Tóm tắt", "Tác giả", "Nơi"))
TAG, CAPTION, CREDIT = field("Thẻ"), field("Chú thích"), field("Nguồn")
SOURCE = field("Báo")
EN_TITLE = field("Title")
SITE_NAME = field("Site")
CATEGORY = field("Tin")
BODY = "Đoạn mở đầu về hội thảo Gia Lai xanh.\n\n## Nội dung\n\nHội thảo bàn về rừng và nước.\n"


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (40, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def _front_matter(values: dict) -> str:
    # JSON is YAML: every value arrives in the article exactly as written here.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    from .conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # Only the Vietnamese name changes, whatever other languages the line names.
    assert "names: {vi: Tin tức, " in text
    text = text.replace(
        "names: {vi: Tin tức, ",
        f"names: {{vi: {json.dumps(CATEGORY, ensure_ascii=False)}, ",
    )
    text = text.replace(
        "site_name: Gia Lai External Information",
        f"site_name: {json.dumps(SITE_NAME, ensure_ascii=False)}",
    )
    config.write_text(text, encoding="utf-8")
    source = _front_matter(
        {
            "title": TITLE,
            "summary": SUMMARY,
            "date": "2025-06-01",
            "category": "news",
            "tags": [TAG],
            "byline": BYLINE,
            "source": SOURCE,
            "dateline": DATELINE,
            "cover": {"image": "anh.jpg", "alt": ALT, "caption": CAPTION, "credit": CREDIT},
        }
    )
    translation = _front_matter(
        {
            "title": EN_TITLE,
            "summary": field("Summary"),
            "source_revision": revision_of(TITLE, SUMMARY, BODY),
        }
    )
    write_files(
        project / "content",
        {
            "vi/tin-tuc/hoi-thao.md": source + BODY,
            "en/tin-tuc/hoi-thao.md": translation + "The workshop on a green Gia Lai.\n",
            "images/anh.jpg": _jpeg(),
        },
    )
    built = run_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    kiosk = run_build(project, config="mkdocs.kiosk.yml")
    assert kiosk.returncode == 0, kiosk.stdout + kiosk.stderr
    return project


def _page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def _meta(page: html.HtmlElement, attribute: str, name: str) -> str:
    (element,) = page.xpath(f"//meta[@{attribute}=$name]", name=name)
    return element.get("content")


def _assert_nothing_injected(page: html.HtmlElement) -> None:
    """No element the hostile values spell exists: no refresh, inline script, onerror."""
    assert page.xpath("//meta[@http-equiv='refresh']") == []
    for script in page.xpath("//script"):
        assert script.get("src", "").endswith(".js"), html.tostring(script)
    assert page.xpath("//*[@onerror]") == []
    assert page.xpath("//b") == []
    assert EVIL_HOST not in " ".join(page.xpath("//@href | //@src | //@srcset | //@action"))


PAGES = {
    "vi article": "tin-tuc/hoi-thao",
    "en article": "en/tin-tuc/hoi-thao",
    "km fallback article": "km/tin-tuc/hoi-thao",
    "vi home": "",
    "en home": "en",
    "vi listing": "tin-tuc",
    "vi archive": "luu-tru",
    "vi tags": "tu-khoa",
    "en search": "en/tim-kiem",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_markup_from_front_matter_or_settings(hostile_project, path):
    _assert_nothing_injected(_page(hostile_project / "site", path))


def test_the_404_pages_show_site_names_as_text(hostile_project):
    for path in ("404.html", "en/404.html"):
        page = html.fromstring((hostile_project / "site" / path).read_bytes())
        _assert_nothing_injected(page)
    english = html.fromstring((hostile_project / "site" / "en/404.html").read_bytes())
    assert SITE_NAME in english.findtext(".//title")


def test_an_article_shows_every_field_as_text(hostile_project):
    page = _page(hostile_project / "site", "tin-tuc/hoi-thao")
    assert page.findtext(".//h1") == TITLE
    assert page.findtext(".//title") == f"{TITLE} – Gia Lai – Thông tin đối ngoại"
    assert _meta(page, "property", "og:title") == TITLE
    assert _meta(page, "name", "twitter:title") == TITLE
    assert _meta(page, "name", "description") == SUMMARY
    assert _meta(page, "property", "og:description") == SUMMARY
    assert _meta(page, "property", "og:image:alt") == ALT
    assert page.xpath("string(//p[@class='gl-article__lead'])") == SUMMARY
    assert page.xpath("string(//span[@class='gl-article__byline'])") == f"Bài: {BYLINE}"
    source = page.xpath("string(//span[contains(@class, 'gl-article__source')])")
    assert source == f"Theo {SOURCE}"
    assert page.xpath("string(//span[@class='gl-article__dateline'])") == DATELINE
    assert page.xpath("//figure[@class='gl-cover']//img/@alt") == [ALT]
    caption = page.xpath("string(//figure[@class='gl-cover']/figcaption)")
    assert caption == f"{CAPTION} Ảnh: {CREDIT}"
    assert page.xpath("//nav[@class='gl-tags']/a[@class='gl-tag']/text()") == [TAG]
    assert page.xpath("string(//p[@class='gl-article__kicker']/a)") == CATEGORY


def test_listings_show_titles_summaries_and_names_as_text(hostile_project):
    site = hostile_project / "site"
    for path in ("", "tin-tuc", "luu-tru", "tu-khoa/" + _tag_slug(site)):
        page = _page(site, path)
        # The home page may show an article twice (newest, and in its category).
        titles = page.xpath("//*[@class='gl-card__title']/a/text()")
        assert set(titles) == {TITLE}, path
        assert set(page.xpath("//p[@class='gl-card__summary']/text()")) == {SUMMARY}, path
    listing = _page(site, "tin-tuc")
    assert listing.findtext(".//h1") == CATEGORY
    nav = listing.xpath("//nav[contains(@class, 'md-tabs')]//a/text()")
    assert CATEGORY in [text.strip() for text in nav]
    tags = _page(site, "tu-khoa")
    assert [t.strip() for t in tags.xpath("//ul[@class='gl-tag-cloud']//a/text()")] == [TAG]


def _tag_slug(site: Path) -> str:
    page = _page(site, "tu-khoa")
    (href,) = page.xpath("//ul[@class='gl-tag-cloud']//a/@href")
    return href.rstrip("/").rsplit("/", 1)[-1]


def test_site_names_are_text_in_every_language(hostile_project):
    page = _page(hostile_project / "site", "en/tin-tuc/hoi-thao")
    assert page.findtext(".//title") == f"{EN_TITLE} – {SITE_NAME}"
    assert _meta(page, "property", "og:site_name") == SITE_NAME
    header = page.xpath("string(//header//span[@class='gl-wordmark__name'])").strip()
    assert header == SITE_NAME
    home = _page(hostile_project / "site", "en")
    assert home.findtext(".//title") == SITE_NAME


def test_feeds_and_sitemap_parse_and_carry_the_text(hostile_project):
    site = hostile_project / "site"
    atom = "{http://www.w3.org/2005/Atom}"
    feed = etree.parse(str(site / "feed.xml"))
    (entry,) = feed.getroot().iter(f"{atom}entry")
    assert entry.findtext(f"{atom}title") == TITLE
    assert entry.findtext(f"{atom}summary") == SUMMARY
    assert entry.findtext(f"{atom}author/{atom}name") == BYLINE
    assert entry.find(f"{atom}category").get("label") == CATEGORY
    news = etree.parse(str(site / "tin-tuc" / "feed.xml")).getroot()
    assert news.findtext(f"{atom}title") == f"Gia Lai – Thông tin đối ngoại – {CATEGORY}"
    en_feed = etree.parse(str(site / "en" / "feed.xml")).getroot()
    assert en_feed.findtext(f"{atom}title") == SITE_NAME
    sitemap = etree.parse(str(site / "sitemap.xml")).getroot()
    locations = [loc.text for loc in sitemap.iter("{*}loc")]
    assert "https://doingoai.gialai.gov.vn/tin-tuc/hoi-thao/" in locations


def test_the_kiosk_shows_the_text_too(hostile_project):
    page = _page(hostile_project / "site-kiosk", "tin-tuc/hoi-thao")
    _assert_nothing_injected(page)
    assert page.findtext(".//h1") == TITLE
    start = _page(hostile_project / "site-kiosk", "start")
    _assert_nothing_injected(start)


@pytest.mark.browser
def test_no_page_navigates_away_and_search_shows_text(hostile_project, local_page):
    base, server = serve(hostile_project / "site")
    try:
        dialogs: list[str] = []

        def dismiss(dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        for path in ("", "tin-tuc/hoi-thao/", "en/", "tin-tuc/"):
            page = local_page(base)
            page.on("dialog", dismiss)
            page.goto(f"{base}/{path}", wait_until="networkidle")
            time.sleep(1.2)  # a refresh of 0 s would have fired by now
            assert page.url == f"{base}/{path}"
            assert dialogs == []
            assert EVIL_HOST not in " ".join(page.guard.blocked)
        page = local_page(base)
        page.goto(f"{base}/", wait_until="networkidle")
        page.fill("#gl-search-input", "")
        page.type("#gl-search-input", "hoi thao gia lai xanh", delay=20)
        title = page.locator("#gl-search-results .gl-search__title").first
        title.wait_for(timeout=20_000)
        assert title.text_content() == TITLE
        assert page.locator("#gl-search-results b, #gl-search-results script").count() == 0
        assert page.url == f"{base}/"
    finally:
        server.shutdown()
