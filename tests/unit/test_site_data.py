"""Listings, feeds, the sitemap and translation status, on plain data: no MkDocs."""

from __future__ import annotations

from lxml import etree

from gialai.articles import revision_of
from gialai.feeds import render_feed
from gialai.sitemap import render_sitemap, sitemap_entries
from gialai.translations import count_states, translation_status

from .conftest import SITE_URL, article, translation

ATOM = "{http://www.w3.org/2005/Atom}"
SOURCE_TEXT = ("Thác 50", "Tóm tắt Thác 50.", "Thân bài Thác 50.\n")


def _files() -> dict[str, str]:
    return {
        "vi/du-lich/thac-50.md": article("Thác 50", 3, "tourism", tags="[Kbang]"),
        "vi/tin-tuc/hoi-nghi.md": article("Hội nghị", 2),
        "vi/tin-tuc/nhap.md": article("Bản nháp", 4, status="draft"),
        "vi/tin-tuc/sap-toi.md": article("Sắp tới", 5, publish="2026-12-20"),
        "en/du-lich/thac-50.md": translation(
            "50 Waterfall", revision_of(*SOURCE_TEXT), tags="[Kbang]"
        ),
        "en/tin-tuc/hoi-nghi.md": translation("Conference", "0123456789ab"),
    }


def test_listings_hold_published_articles_in_their_language(make_site):
    site = make_site(_files())
    listings = {(listing.kind, listing.path): listing for listing in site.listings("en")}
    archive = listings[("archive", "luu-tru/")]
    assert [entry.article.title for entry in archive.entries] == ["50 Waterfall", "Conference"]
    assert (archive.page, archive.pages) == (1, 1)
    assert listings[("tags", "tu-khoa/")].tag_counts == [("Kbang", "kbang", 1)]
    khmer = {(listing.kind, listing.path): listing for listing in site.listings("km")}
    assert khmer[("archive", "luu-tru/")].entries == []


def test_the_preview_lists_drafts_and_scheduled_articles(make_site):
    site = make_site(_files(), preview=True)
    titles = [entry.article.title for entry in site.catalog.listed("vi")]
    assert titles == ["Sắp tới", "Bản nháp", "Thác 50", "Hội nghị"]


def test_a_feed_per_language_and_category(make_site):
    site = make_site(_files())
    feeds = site.feeds("en")
    assert [feed.path for feed in feeds] == [
        "en/feed.xml",
        "en/tin-tuc/feed.xml",
        "en/du-lich/feed.xml",
    ]
    root = etree.fromstring(render_feed(site.catalog, feeds[0]).encode())
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.findtext(f"{ATOM}title") == "Gia Lai External Information"
    links = [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]
    assert links == [f"{SITE_URL}en/du-lich/thac-50/", f"{SITE_URL}en/tin-tuc/hoi-nghi/"]
    tourism = etree.fromstring(render_feed(site.catalog, feeds[2]).encode())
    assert [e.findtext(f"{ATOM}title") for e in tourism.iter(f"{ATOM}entry")] == ["50 Waterfall"]


def test_the_sitemap_lists_real_pages_with_real_alternates(make_site):
    site = make_site(_files())
    listings = {lang: site.listings(lang) for lang in site.settings.language_codes}
    rows = {path: alternates for path, _date, alternates in sitemap_entries(site.catalog, listings)}
    assert rows["du-lich/thac-50/"] == [
        ("vi", "du-lich/thac-50/"),
        ("en", "en/du-lich/thac-50/"),
        ("x-default", "du-lich/thac-50/"),
    ]
    # No draft, no scheduled article, no fallback page.
    assert "tin-tuc/nhap/" not in rows and "tin-tuc/sap-toi/" not in rows
    assert "km/tin-tuc/hoi-nghi/" not in rows
    root = etree.fromstring(render_sitemap(site.catalog, listings).encode())
    locations = [loc.text for loc in root.iter("{*}loc")]
    assert f"{SITE_URL}en/du-lich/thac-50/" in locations
    assert len(locations) == len(set(locations)) == len(rows)


def test_translation_status_of_every_article(make_site):
    orphan = {"km/tin-tuc/mo-coi.md": translation("កំព្រា", "0123456789ab")}
    status = translation_status(make_site({**_files(), **orphan}, problems=1).catalog)
    english = {row.key: row.state for row in status["en"]}
    assert english == {
        "du-lich/thac-50": "up-to-date",
        "tin-tuc/hoi-nghi": "outdated",
        "tin-tuc/nhap": "missing",
        "tin-tuc/sap-toi": "missing",
    }
    khmer = {row.key: row.state for row in status["km"]}
    assert khmer["tin-tuc/mo-coi"] == "orphaned"
    assert count_states(status["km"])["missing"] == 4
    (scheduled,) = [row for row in status["en"] if row.key == "tin-tuc/sap-toi"]
    assert scheduled.scheduled == "2026-12-20"
