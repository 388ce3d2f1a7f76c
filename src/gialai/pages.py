"""The page plan: every page of a language, and the typed view each page's template gets.

``plan_pages(site, lang)`` lists the pages one language build writes: articles, plain pages,
listings (categories, archive, tags, each tag), the home page, search, the kiosk's start
screen, the preview's dashboard and the 404 page. ``page_view(site, spec, base_url)`` is
everything a template shows around the page's body: the page's own data, its languages
(hreflang alternates, the language menu, the canonical address, sharing cards), feeds,
search settings and the kiosk's bar. Nothing here knows MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from . import kiosk, routes
from .feeds import feed_for_category
from .fonts import PRELOAD_FONTS
from .languages import Language
from .listings import ARCHIVE_PATH, SEARCH_PATH, Listing
from .site import Site
from .strings import Strings
from .views import dashboard

ARTICLE = "article"
HOME = "home"
PAGE = "page"
SEARCH = "search"
DASHBOARD = "dashboard"
START = "start"
NOT_FOUND = "404"
LISTING_KINDS = ("category", "archive", "tags", "tag")
# Listings that exist in every language, so their first page has alternates.
SHARED_LISTINGS = ("category", "archive", "tags")

DASHBOARD_PATH = "trang-thai-dich/"
HOME_KEY = "index"
# The kiosk's start screen draws no header or menus: the one page with a template of its own.
TEMPLATES = {START: "start.html", NOT_FOUND: "404.html"}


@dataclass(frozen=True)
class PageSpec:
    """One page of one language build: what it is and where it goes."""

    kind: str
    lang: str
    path: str  # from the language's root: 'du-lich/thac-50/', '' for the home page
    key: str = ""  # the content key of a page with a source file: 'du-lich/thac-50', 'index'
    title: str = ""
    generated: bool = False  # no source file: the engine makes one for it
    listing: Listing | None = field(default=None, compare=False, repr=False)

    @property
    def template(self) -> str:
        return TEMPLATES.get(self.kind, "main.html")

    @property
    def page_number(self) -> int:
        return self.listing.page if self.listing is not None else 1


def plan_pages(site: Site, lang: str) -> list[PageSpec]:
    """Every page of ``lang``: source pages first, then the generated ones."""
    catalog, settings = site.catalog, site.settings
    t = site.strings[lang]
    default = settings.default_language.code
    specs = [PageSpec(ARTICLE, lang, f"{entry.key}/", entry.key) for entry in catalog.entries(lang)]
    pages = {**catalog.pages.get(default, {}), **catalog.pages.get(lang, {})}
    for key in sorted(pages):
        specs.append(source_spec(site, lang, key))
    for listing in site.listings(lang):
        specs.append(
            PageSpec(
                listing.kind,
                lang,
                listing.path,
                title=listing.title,
                generated=True,
                listing=listing,
            )
        )
    if HOME_KEY not in pages:
        title = settings.site_name_for(lang)
        specs.append(PageSpec(HOME, lang, "", HOME_KEY, title, generated=True))
    if settings.search:
        specs.append(PageSpec(SEARCH, lang, SEARCH_PATH, title=t("search_title"), generated=True))
    if lang == default and catalog.preview:
        specs.append(
            PageSpec(DASHBOARD, lang, DASHBOARD_PATH, title=t("dashboard_title"), generated=True)
        )
    if lang == default and settings.edition == "kiosk":
        specs.append(
            PageSpec(START, lang, kiosk.START_PATH, title=t("kiosk_choose"), generated=True)
        )
    specs.append(PageSpec(NOT_FOUND, lang, "404.html", title=t("not_found_title")))
    return specs


def source_spec(site: Site, lang: str, key: str) -> PageSpec:
    """The page of a source file's content key (an article, the home page, a plain page)."""
    if site.catalog.sources.get(key) is not None:
        return PageSpec(ARTICLE, lang, f"{key}/", key)
    if key == HOME_KEY:
        return PageSpec(HOME, lang, "", key)
    path = key.removesuffix("index") if key.endswith("/index") else f"{key}/"
    return PageSpec(PAGE, lang, path, key)


# --- views --------------------------------------------------------------------------------


@dataclass
class PageView:
    """What every page's frame shows: languages, menus, search, sharing, the kiosk bar."""

    kind: str
    lang: str  # the language built
    t: Strings
    prefix: str
    title: str = ""
    summary: str = ""
    ui_lang: str = ""  # lang attribute of the interface text
    doc_lang: str = ""  # lang attribute of the page's text (the source's, on a fallback)
    theme_lang: str = ""  # lang attribute of the theme's own labels (another's, if borrowed)
    edition: str = "web"
    serving: bool = False
    search: dict[str, str] | None = None
    feeds: list[dict[str, str]] = field(default_factory=list)
    alternates: list[dict[str, str]] = field(default_factory=list)
    switch: list[dict[str, str]] = field(default_factory=list)
    canonical: str = ""
    og: dict[str, Any] | None = None
    kiosk: dict[str, Any] | None = None
    active: str = ""  # the menu entry to mark: a category folder, 'home' or ''
    fallback: bool = False
    badge: str = ""
    iso_date: str = ""
    page: int = 1
    # The font files of the language's script, asked for before the styles: its text is
    # drawn in them from the first paint, not moved when they arrive (no layout shift).
    preload_fonts: list[str] = field(default_factory=list)


@dataclass
class ArticleView(PageView):
    """An article: notices, headline, meta line, cover, tags, related articles, sharing."""

    date: str = ""
    byline: str = ""
    source: str = ""
    translator: str = ""
    dateline: str = ""
    category: dict[str, str] = field(default_factory=dict)
    reading_time: str = ""
    tags: list[dict[str, str]] = field(default_factory=list)
    cover: dict[str, Any] | None = None
    related: list[dict[str, Any]] = field(default_factory=list)
    content_lang: str = ""
    outdated: bool = False
    source_url: str = ""
    source_lang: str = ""
    share: dict[str, Any] = field(default_factory=dict)
    image: str = ""
    image_alt: str = ""
    # On a fallback page: every language the article is written in, to read it there.
    translations: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ListingView(PageView):
    """A listing page: cards and the links to the pages before and after it."""

    cards: list[dict[str, Any]] = field(default_factory=list)
    pages: int = 1
    page_of: str = ""
    previous: str = ""
    next: str = ""
    page_links: list[dict[str, Any]] = field(default_factory=list)
    tags: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class HomeView(PageView):
    """The home page: a lead story and the ways in, the newest articles, then each category."""

    lead: dict[str, Any] | None = None
    ways: list[dict[str, str]] = field(default_factory=list)
    latest: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DashboardView(PageView):
    """The preview's translation status of every article."""

    tables: list[dict[str, Any]] = field(default_factory=list)
    source_name: str = ""  # the source language, in its own words
    source_lang: str = ""


@dataclass
class StartView(PageView):
    """The kiosk's language chooser."""

    choices: list[dict[str, str]] = field(default_factory=list)

    @property
    def questions(self) -> list[tuple[str, str]]:
        """The heading's question in each language, (text, lang), each text once: a
        language without its own shows its fallback's, which is already there."""
        seen: dict[str, str] = {}
        for choice in self.choices:
            seen.setdefault(choice["choose"], choice["choose_lang"])
        return list(seen.items())


def page_view(site: Site, spec: PageSpec, base_url: str, title: str = "") -> PageView:
    """The view of one page; ``base_url`` leads from the page to the site root."""
    lang = spec.lang
    settings = site.settings
    views = site.views(lang)
    t = site.strings[lang]
    language = settings.language(lang)
    frame: dict[str, Any] = {
        "lang": lang,
        "t": t,
        "prefix": language.prefix,
        "title": spec.title or title,
        "edition": settings.edition,
        "serving": site.serving,
        "search": views.search if settings.search else None,
        "page": spec.page_number,
        "preload_fonts": list(PRELOAD_FONTS.get(language.script, ())),
    }
    entry = site.catalog.entry_for(lang, spec.key) if spec.kind == ARTICLE else None
    view: PageView
    if spec.listing is not None:
        category = spec.listing.category
        if category:
            frame["active"] = category.folder
        elif spec.listing.kind == "archive":
            frame["active"] = ARCHIVE_PATH.strip("/")  # the archive has a tab of its own
        view = ListingView(**{**frame, **views.listing(spec.listing, base_url)})
    elif entry is not None:
        category = settings.category(entry.source.category)
        frame["active"] = category.folder if category else ""
        view = ArticleView(**{**frame, **views.article(entry, base_url, entry.article.body)})
    elif spec.kind == HOME:
        view = HomeView(**{**frame, "active": "home", **views.home(base_url)})
    elif spec.kind == DASHBOARD:
        view = DashboardView(**{**frame, **dashboard(site, lang)})
    elif spec.kind == START:
        view = StartView(kind=START, choices=_choices(site), **frame)
    else:
        view = PageView(kind=spec.kind, **frame)
    _add_languages(site, spec, view)
    category = (
        settings.category_for_folder(view.active) if view.active not in ("", "home") else None
    )
    if spec.kind != NOT_FOUND:
        view.feeds = [
            {"title": feed.title, "url": feed.path}
            for feed in feed_for_category(site.feeds(lang), category)
        ]
    if settings.edition == "kiosk":
        view.kiosk = kiosk.kiosk_context(settings, t, site.options.build_date)
    return view


def _add_languages(site: Site, spec: PageSpec, view: PageView) -> None:
    """hreflang alternates, the language menu, the canonical address and the sharing card."""
    catalog, settings = site.catalog, site.settings
    lang = spec.lang
    kind = view.kind
    if kind == NOT_FOUND:
        pairs: list[tuple[str, str]] = []
        view.switch = [_choice(other, other.prefix) for other in settings.languages]
    else:
        if kind == ARTICLE:
            pairs = routes.article_alternates(catalog, spec.key)
            if view.fallback and isinstance(view, ArticleView):
                view.translations = [
                    _choice(settings.language(code), f"{settings.language(code).prefix}{spec.key}/")
                    for code in catalog.translated_languages(spec.key)
                    if code != lang
                ]
        elif kind in SHARED_LISTINGS and view.page == 1:
            pairs = routes.listing_alternates(settings, spec.path)
        elif kind in (HOME, PAGE):
            pairs = routes.page_alternates(catalog, spec.key, spec.path)
        else:
            pairs = []
        view.switch = [
            _choice(settings.language(code), target)
            for code, _name, target in routes.switch_targets(
                catalog, kind, spec.key, spec.path, view.page
            )
        ]
    view.alternates = [
        {"lang": routes.hreflang(settings, code), "href": routes.absolute(settings, target)}
        for code, target in pairs
    ]
    # lang attributes carry each language's BCP 47 tag.
    view.ui_lang = settings.language(lang).lang
    content_lang = getattr(view, "content_lang", "") or lang
    doc_code = content_lang if view.fallback else lang
    view.doc_lang = settings.language(doc_code).lang
    if kind == NOT_FOUND:
        return
    own = f"{settings.language(lang).prefix}{spec.path}"
    # Percent-encoded, as browsers and MkDocs write addresses (Khmer tag pages).
    view.canonical = routes.absolute(settings, quote(f"{spec.key}/" if view.fallback else own))
    view.og = routes.open_graph(
        lang, _og_fields(view, doc_code), view.title or settings.site_name, settings, pairs
    )


def _choice(language: Language, url: str) -> dict[str, str]:
    """A language in the language menu: its tag, its own name and script, where it leads."""
    return {"lang": language.lang, "name": language.name, "script": language.script, "url": url}


def _og_fields(view: PageView, doc_code: str) -> dict[str, Any]:
    """What the sharing card reads of a view."""
    return {
        "kind": view.kind,
        "title": view.title,
        "summary": view.summary,
        "doc_lang": doc_code,
        "image": getattr(view, "image", ""),
        "image_alt": getattr(view, "image_alt", ""),
    }


def _choices(site: Site) -> list[dict[str, str]]:
    """The languages of the kiosk's start screen, each in its own words, in the kiosk's order."""
    return [
        {
            "lang": language.lang,
            "name": language.name,
            "script": language.script,
            "url": language.prefix or "./",
            "welcome": site.strings[language.code]("kiosk_welcome"),
            "welcome_lang": site.strings[language.code].lang_of("kiosk_welcome"),
            "choose": site.strings[language.code]("kiosk_choose"),
            "choose_lang": site.strings[language.code].lang_of("kiosk_choose"),
        }
        for language in site.settings.kiosk_order
    ]
