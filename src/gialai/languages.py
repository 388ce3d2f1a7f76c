"""Which languages a page truly exists in: hreflang alternates, sitemap, fallback pages."""

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


def set_document_language(html: str, lang: str) -> str:
    """Set ``<html lang>``: a fallback page under /km/ is Vietnamese text, so lang="vi"."""
    return _HTML_LANG.sub(f'<html lang="{lang}"', html, count=1)
