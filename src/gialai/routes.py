"""Site addresses, and which languages a page truly exists in: hreflang alternates,
sitemap, fallback pages."""

from __future__ import annotations

import re

from .catalog import Catalog
from .settings import Settings

_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def absolute(settings: Settings, path: str) -> str:
    """Public address of a site path: 'en/du-lich/' -> 'https://…/en/du-lich/'."""
    return settings.site_url.rstrip("/") + "/" + path.lstrip("/")


def article_alternates(catalog: Catalog, key: str) -> list[tuple[str, str]]:
    """(hreflang, path) for each language the article is written in, plus x-default."""
    settings = catalog.settings
    pairs = [
        (code, f"{settings.language(code).prefix}{key}/")
        for code in catalog.translated_languages(key)
    ]
    return _with_default(settings, pairs, f"{key}/")


def page_alternates(catalog: Catalog, key: str, path: str) -> list[tuple[str, str]]:
    """Alternates of a plain page (home, about): the languages that have their own file."""
    settings = catalog.settings
    default = settings.default_language.code
    pairs = []
    for lang in settings.languages:
        pages = catalog.pages.get(lang.code, {})
        if key in pages or lang.code == default and key in catalog.pages.get(default, {}):
            pairs.append((lang.code, f"{lang.prefix}{path}"))
    return _with_default(settings, pairs, path)


def listing_alternates(settings: Settings, path: str) -> list[tuple[str, str]]:
    """Listings that exist in every language (categories, archive, tag index)."""
    pairs = [(lang.code, f"{lang.prefix}{path}") for lang in settings.languages]
    return _with_default(settings, pairs, path)


def _with_default(
    settings: Settings, pairs: list[tuple[str, str]], default_path: str
) -> list[tuple[str, str]]:
    if len(pairs) < 2:
        return pairs
    return pairs + [("x-default", f"{settings.default_language.prefix}{default_path}")]


def switch_targets(
    catalog: Catalog, kind: str, key: str, path: str, page: int = 1
) -> list[tuple[str, str, str]]:
    """(language, name, site path) for the language switcher: the same page in each language.

    An article leads to its translation, or to the Vietnamese text with a notice; a listing
    to the same listing; a tag page (tags differ per language) to the other home page.
    """
    settings = catalog.settings
    targets = []
    for lang in settings.languages:
        if kind == "article" and catalog.entry(lang.code, key) is not None:
            target = f"{lang.prefix}{key}/"
        elif kind in ("category", "archive", "tags") and page == 1 or kind in ("home", "page"):
            target = f"{lang.prefix}{path}"
        else:
            target = lang.prefix
        targets.append((lang.code, lang.name, target))
    return targets


def set_document_language(html: str, lang: str) -> str:
    """Set ``<html lang>``: a fallback page in a translation's folder shows the source text."""
    return _HTML_LANG.sub(f'<html lang="{lang}"', html, count=1)


def hreflang(settings: Settings, code: str) -> str:
    """The hreflang value of a language code, or of x-default."""
    return code if code == "x-default" else settings.language(code).lang


def open_graph(lang: str, data: dict, title: str, settings: Settings, pairs: list) -> dict:
    """Open Graph and Twitter card fields of a page."""
    image = data.get("image")
    alternate = [
        settings.language(code).og_locale
        for code, _path in pairs
        if code not in ("x-default", lang) and code in settings.language_codes
    ]
    return {
        "type": "article" if data.get("kind") == "article" else "website",
        "title": data.get("title") or title,
        "description": data.get("summary") or "",
        "locale": settings.language(data.get("doc_lang", lang)).og_locale,
        "alternate_locales": alternate,
        "image": absolute(settings, image) if image else "",
        "image_alt": data.get("image_alt", ""),
    }
