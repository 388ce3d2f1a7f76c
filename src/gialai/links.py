"""Links that authors write: the ones to other sites, listed for a person to verify."""

from __future__ import annotations

from urllib.parse import urlsplit

from .catalog import Catalog


def external_links(catalog: Catalog) -> list[tuple[str, int, str]]:
    """(file, line, address) of every link to another site, in every language."""
    documents = list(catalog.sources.values())
    for by_key in (*catalog.translations.values(), *catalog.pages.values()):
        documents.extend(by_key.values())
    found = []
    for article in documents:
        for link in article.links:
            if urlsplit(link.target).scheme in ("http", "https"):
                found.append((article.rel, link.line, link.target))
    return sorted(set(found))
