"""The MkDocs side of content: which source files are built, and generated listing pages.

This is the only module that knows MkDocs' ``File`` and static-i18n's file attributes.
"""

from __future__ import annotations

import functools
import json
import os
from types import SimpleNamespace
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link

from .catalog import Catalog
from .listings import ARCHIVE_PATH, SEARCH_PATH, Listing
from .settings import Settings

# Material's scripts and search are not used (see overrides/main.html); source maps are
# for Material's developers. None of them belongs in a site sent over 3G.
UNUSED_THEME_FILES = (
    "assets/javascripts/bundle.",
    "assets/javascripts/lunr/",
    "assets/javascripts/workers/",
)

GENERATED_TEMPLATE = {
    "category": "listing.html",
    "archive": "listing.html",
    "tag": "listing.html",
    "tags": "tags.html",
}


def select_sources(files: Files, catalog: Catalog, images_dir: str) -> Files:
    """Keep the source files that this build publishes (before static-i18n picks languages).

    Dropping a draft translation here lets static-i18n fall back to the Vietnamese text;
    dropping an unpublished source removes the article from every language. Originals of
    photos are dropped too: readers get resized variants instead.
    """
    kept = []
    # A process that builds one language needs that language and the default one (whose
    # text fills untranslated pages); leaving the others out spares static-i18n their files.
    only = os.environ.get("GIALAI_ONLY_LANGUAGE")
    only = {only, catalog.settings.default_language.code} if only else set()
    for file in files:
        src = file.src_uri
        if src.startswith(f"{images_dir}/"):
            continue
        if src.startswith(UNUSED_THEME_FILES) or src.endswith(".map"):
            continue
        if file.abs_src_path and file.src_dir and not _walked(file.abs_src_path, catalog):
            continue  # reached through a link to outside content/: never published
        if not file.is_documentation_page():
            kept.append(file)
            continue
        lang, _, rest = src.partition("/")
        if only and lang not in only:
            continue  # another language's process builds it
        if _publishes(catalog, lang, rest.removesuffix(".md")):
            kept.append(file)
    return Files(kept)


def _walked(path: str, catalog: Catalog) -> bool:
    """Whether a file is in a folder the catalog walked, without following links."""
    folder = os.path.dirname(path)
    if not folder.startswith(catalog.content_root):
        return True  # a theme file
    return folder in catalog.folders and not os.path.islink(path)


def _publishes(catalog: Catalog, lang: str, key: str) -> bool:
    """Whether the file of ``key`` in ``lang`` is what readers of this build get.

    Only files the catalog read and accepted are published: a broken file (in the
    preview), a file reached through a symbolic link, a draft or a scheduled article are
    not; a draft translation gives way to the Vietnamese text.
    """
    settings = catalog.settings
    if lang not in settings.language_codes:
        return False
    if key in catalog.sources:
        entry = catalog.entry(lang, key)
        return entry is not None and (lang == settings.default_language.code or not entry.fallback)
    page = catalog.pages.get(lang, {}).get(key)
    return page is not None and (catalog.preview or page.status != "draft")


def _attach_i18n(file: File, lang: str, path: str, alternates: dict[str, Any]) -> File:
    # static-i18n reads these attributes to build the language switcher of a page.
    file.locale = lang
    file.localization = lang
    file.locale_alternate_of = lang
    file.norm_src_uri = f"{path}index.md"
    file.alternates = {lang: file, **alternates}
    return file


def listing_file(config: Any, settings: Settings, listing: Listing) -> File:
    """A generated page for one listing page, at its language's address."""
    prefix = settings.language(listing.lang).prefix
    path = listing.path
    content = (
        "---\n"
        f"title: {json.dumps(listing.title, ensure_ascii=False)}\n"
        f"template: {GENERATED_TEMPLATE[listing.kind]}\n"
        "---\n"
    )
    file = File.generated(config, f"{listing.lang}/{path}index.md", content=content)
    file.dest_uri = f"{prefix}{path}index.html"
    alternates = {}
    if listing.kind in ("category", "archive", "tags") and listing.page == 1:
        for lang in settings.languages:
            if lang.code != listing.lang:
                alternates[lang.code] = SimpleNamespace(url=f"{lang.prefix}{path}")
    # In a dirty preview rebuild, a listing is rebuilt only when one of its articles changed.
    sources = [entry.article.path for entry in listing.entries]
    file.is_modified = functools.partial(_newer_than_output, sources, file)
    return _attach_i18n(file, listing.lang, path, alternates)


def _newer_than_output(sources: list, file: File) -> bool:
    try:
        built = os.path.getmtime(file.abs_dest_path)
    except OSError:
        return True
    return any(os.path.getmtime(source) > built for source in sources)


def add_listings(files: Files, config: Any, settings: Settings, listings: list[Listing]) -> dict:
    """Add the listing pages to the files; return them by destination for page context."""
    by_dest = {}
    for listing in listings:
        file = listing_file(config, settings, listing)
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(file)
        by_dest[file.dest_uri] = listing
    return by_dest


def navigation_links(settings: Settings, lang: str, home: str, archive: str) -> list[Link]:
    """The short navigation of every page: home, categories, archive.

    MkDocs would list every page in every page; this keeps page size independent of the
    number of articles.
    """
    prefix = settings.language(lang).prefix
    links = [Link(home, prefix or "./")]
    links += [Link(cat.name(lang), f"{prefix}{cat.folder}/") for cat in settings.categories]
    links.append(Link(archive, f"{prefix}{ARCHIVE_PATH}"))
    return links


DASHBOARD_PATH = "trang-thai-dich/"


def dashboard_file(config: Any, settings: Settings, title: str) -> File:
    """The translation dashboard: a page of the preview only, linked from no menu."""
    lang = settings.default_language.code
    content = (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ntemplate: dashboard.html\n---\n"
    )
    file = File.generated(config, f"{lang}/{DASHBOARD_PATH}index.md", content=content)
    file.dest_uri = f"{DASHBOARD_PATH}index.html"
    return _attach_i18n(file, lang, DASHBOARD_PATH, {})


def home_file(config: Any, settings: Settings, lang: str, title: str) -> File:
    """A home page for a language whose folder has no index.md yet."""
    content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ntemplate: home.html\n---\n"
    file = File.generated(config, f"{lang}/index.md", content=content)
    file.dest_uri = f"{settings.language(lang).prefix}index.html"
    alternates = {
        other.code: SimpleNamespace(url=other.prefix or "./")
        for other in settings.languages
        if other.code != lang
    }
    return _attach_i18n(file, lang, "", alternates)


def start_file(config: Any, settings: Settings, title: str) -> File:
    """The kiosk's start screen: a language chooser, the page the kiosk returns to."""
    lang = settings.default_language.code
    content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ntemplate: start.html\n---\n"
    file = File.generated(config, f"{lang}/start/index.md", content=content)
    file.dest_uri = "start/index.html"
    return _attach_i18n(file, lang, "start/", {})


def search_file(config: Any, settings: Settings, lang: str, title: str) -> File:
    """The search page of a language (the header's form leads here without script)."""
    content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ntemplate: search.html\n---\n"
    file = File.generated(config, f"{lang}/{SEARCH_PATH}index.md", content=content)
    file.dest_uri = f"{settings.language(lang).prefix}{SEARCH_PATH}index.html"
    alternates = {
        other.code: SimpleNamespace(url=f"{other.prefix}{SEARCH_PATH}")
        for other in settings.languages
        if other.code != lang
    }
    return _attach_i18n(file, lang, SEARCH_PATH, alternates)
