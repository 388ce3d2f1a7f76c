"""The sitemap: every published page once, with hreflang alternates for real translations."""

from __future__ import annotations

from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from . import routes
from .catalog import Catalog
from .listings import Listing

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_entries(
    catalog: Catalog, listings: dict[str, list[Listing]]
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(path, lastmod, alternates) of every page readers can find, in every language."""
    settings = catalog.settings
    rows: list[tuple[str, str, list[tuple[str, str]]]] = []
    for lang in settings.languages:
        for key, page in sorted(catalog.pages.get(lang.code, {}).items()):
            if page.status == "draft":
                continue
            path = "" if key == "index" else f"{key}/"
            if key.endswith("/index"):
                path = key.removesuffix("index")
            alternates = routes.page_alternates(catalog, key, path)
            rows.append((f"{lang.prefix}{path}", "", alternates))
        for entry in catalog.listed(lang.code):
            date = entry.source.date.isoformat() if entry.source.date else ""
            rows.append(
                (
                    f"{lang.prefix}{entry.key}/",
                    date,
                    routes.article_alternates(catalog, entry.key),
                )
            )
        for listing in listings.get(lang.code, []):
            alternates = []
            if listing.kind in ("category", "archive", "tags") and listing.page == 1:
                alternates = routes.listing_alternates(settings, listing.path)
            rows.append((f"{lang.prefix}{listing.path}", "", alternates))
    return rows


def render_sitemap(catalog: Catalog, listings: dict[str, list[Listing]]) -> str:
    """sitemap.xml text."""
    settings = catalog.settings
    parts = [_HEAD]
    for path, lastmod, alternates in sitemap_entries(catalog, listings):
        loc = routes.absolute(settings, _encoded(path))
        parts.append(f"  <url>\n    <loc>{escape(loc)}</loc>\n")
        if lastmod:
            parts.append(f"    <lastmod>{lastmod}</lastmod>\n")
        for code, target in alternates:
            href = quoteattr(routes.absolute(settings, _encoded(target)))
            # hreflang names the language by its BCP 47 tag (zh-Hans), as the pages do.
            tag = routes.hreflang(settings, code)
            parts.append(f'    <xhtml:link rel="alternate" hreflang="{tag}" href={href}/>\n')
        parts.append("  </url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def _encoded(path: str) -> str:
    """A site path percent-encoded as MkDocs encodes page addresses."""
    # A Khmer tag page's canonical link is encoded: the sitemap must name it the same way.
    return quote(path)
