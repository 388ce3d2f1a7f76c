"""The page plan and the views templates get, on plain data: no MkDocs, no build."""

from __future__ import annotations

from gialai import pages
from gialai.articles import revision_of

from .conftest import SITE_URL, article, translation


def _files() -> dict[str, str]:
    source = article("Thác 50", 3, "tourism", tags="[Kbang, thác]")
    return {
        "vi/du-lich/thac-50.md": source,
        "vi/tin-tuc/hoi-nghi.md": article("Hội nghị", 2),
        "vi/tin-tuc/le-hoi.md": article("Lễ hội", 1),
        "en/du-lich/thac-50.md": translation(
            "50 Waterfall", revision_of("Thác 50", "Tóm tắt Thác 50.", "Thân bài Thác 50.\n")
        ),
    }


def _kinds(specs: list[pages.PageSpec]) -> list[tuple[str, str]]:
    return [(spec.kind, spec.path) for spec in specs]


def test_every_page_of_a_language_is_planned(make_site):
    site = make_site(_files())
    assert _kinds(pages.plan_pages(site, "vi")) == [
        ("article", "du-lich/thac-50/"),
        ("article", "tin-tuc/hoi-nghi/"),
        ("article", "tin-tuc/le-hoi/"),
        ("category", "tin-tuc/"),
        ("category", "du-lich/"),
        ("archive", "luu-tru/"),
        ("archive", "luu-tru/trang/2/"),
        ("tags", "tu-khoa/"),
        ("tag", "tu-khoa/kbang/"),
        ("tag", "tu-khoa/thac/"),
        ("home", ""),
        ("search", "tim-kiem/"),
        ("404", "404.html"),
    ]
    english = _kinds(pages.plan_pages(site, "en"))
    # Untranslated articles are built as fallbacks; listings hold real translations only.
    assert english[:3] == [
        ("article", "du-lich/thac-50/"),
        ("article", "tin-tuc/hoi-nghi/"),
        ("article", "tin-tuc/le-hoi/"),
    ]
    assert ("archive", "luu-tru/trang/2/") not in english


def test_the_preview_and_the_kiosk_have_pages_of_their_own(make_site):
    preview = make_site(_files(), preview=True)
    assert ("dashboard", "trang-thai-dich/") in _kinds(pages.plan_pages(preview, "vi"))
    assert "dashboard" not in [s.kind for s in pages.plan_pages(preview, "en")]
    kiosk = make_site(_files(), edition="kiosk")
    assert ("start", "start/") in _kinds(pages.plan_pages(kiosk, "vi"))
    assert pages.PageSpec("start", "vi", "start/").template == "start.html"
    assert "start" not in [s.kind for s in pages.plan_pages(make_site(_files()), "vi")]


def _view(site, lang: str, kind: str, path: str) -> pages.PageView:
    (spec,) = [s for s in pages.plan_pages(site, lang) if (s.kind, s.path) == (kind, path)]
    return pages.page_view(site, spec, "../..")


def test_a_translated_article_and_its_languages(make_site):
    view = _view(make_site(_files()), "en", "article", "du-lich/thac-50/")
    assert isinstance(view, pages.ArticleView)
    assert (view.title, view.fallback, view.active) == ("50 Waterfall", False, "du-lich")
    assert view.alternates == [
        {"lang": "vi", "href": f"{SITE_URL}du-lich/thac-50/"},
        {"lang": "en", "href": f"{SITE_URL}en/du-lich/thac-50/"},
        {"lang": "x-default", "href": f"{SITE_URL}du-lich/thac-50/"},
    ]
    assert [(c["lang"], c["url"]) for c in view.switch] == [
        ("vi", "du-lich/thac-50/"),
        ("en", "en/du-lich/thac-50/"),
        ("km", "km/du-lich/thac-50/"),
    ]
    assert view.canonical == f"{SITE_URL}en/du-lich/thac-50/"
    assert (view.ui_lang, view.doc_lang) == ("en", "en")
    assert view.og["locale"] == "en_US" and view.og["alternate_locales"] == ["vi_VN"]
    assert [feed["url"] for feed in view.feeds] == ["en/feed.xml", "en/du-lich/feed.xml"]


def test_a_fallback_says_it_is_the_source_text(make_site):
    view = _view(make_site(_files()), "km", "article", "tin-tuc/hoi-nghi/")
    assert view.fallback and view.title == "Hội nghị"
    assert (view.ui_lang, view.doc_lang) == ("km", "vi")
    # The page is the Vietnamese article: search engines are sent there.
    assert view.canonical == f"{SITE_URL}tin-tuc/hoi-nghi/"
    # Only the Vietnamese text exists in its own words.
    assert view.alternates == [{"lang": "vi", "href": f"{SITE_URL}tin-tuc/hoi-nghi/"}]
    assert view.og["locale"] == "vi_VN"


def test_listings_have_alternates_on_their_first_page_only(make_site):
    site = make_site(_files())
    first = _view(site, "vi", "archive", "luu-tru/")
    second = _view(site, "vi", "archive", "luu-tru/trang/2/")
    assert isinstance(first, pages.ListingView)
    assert [a["lang"] for a in first.alternates] == ["vi", "en", "km", "x-default"]
    assert second.alternates == [] and second.page == 2
    assert [card["title"] for card in first.cards] == ["Thác 50", "Hội nghị"]
    assert second.previous == "luu-tru/" and first.next == "luu-tru/trang/2/"
    # A tag page leads to the other languages' home pages: their tags differ.
    tag = _view(site, "vi", "tag", "tu-khoa/kbang/")
    assert [c["url"] for c in tag.switch] == ["", "en/", "km/"]


def test_the_404_page_has_no_address_of_its_own(make_site):
    view = _view(make_site(_files(), edition="kiosk"), "km", "404", "404.html")
    assert view.kind == "404" and view.title == "រកមិនឃើញទំព័រ"
    assert view.canonical == "" and view.og is None and view.feeds == []
    assert [c["url"] for c in view.switch] == ["", "en/", "km/"]
    assert view.kiosk["start_url"] == "start/"
    assert view.kiosk["digits"] == "០១២៣៤៥៦៧៨៩"


def test_the_home_page_and_the_menu_mark(make_site):
    view = _view(make_site(_files()), "vi", "home", "")
    assert isinstance(view, pages.HomeView)
    assert view.active == "home" and view.canonical == SITE_URL
    # The newest article leads (none has a photo here); no story is shown twice, so the
    # category sections have nothing left to show on a site this small.
    assert view.lead["title"] == "Thác 50"
    assert [card["title"] for card in view.latest] == ["Hội nghị", "Lễ hội"]
    assert view.sections == []
    assert [(way["name"], way["url"]) for way in view.ways] == [
        ("Tin tức", "tin-tuc/"),
        ("Du lịch", "du-lich/"),
    ]


def test_each_kiosk_orders_its_start_screen(make_site):
    border_gate = make_site(_files(), edition="kiosk", kiosk_languages=("km",))
    start = _view(border_gate, "vi", "start", "start/")
    assert isinstance(start, pages.StartView)
    # Khmer first at Lệ Thanh; the languages not listed follow in mkdocs.yml's order.
    assert [(c["lang"], c["name"], c["url"]) for c in start.choices] == [
        ("km", "ខ្មែរ", "km/"),
        ("vi", "Tiếng Việt", "./"),
        ("en", "English", "en/"),
    ]
    assert start.choices[0]["welcome"] == border_gate.strings["km"]("kiosk_welcome")
    airport = make_site(_files(), edition="kiosk", kiosk_languages=("vi", "en", "km"))
    order = [c["lang"] for c in _view(airport, "vi", "start", "start/").choices]
    assert order == ["vi", "en", "km"]
