"""Listings per language: categories, tags and the archive, paginated."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field

from .catalog import Catalog, Entry
from .settings import Category
from .text import slugify

PAGE_SEGMENT = "trang"
TAGS_PATH = "tu-khoa/"
ARCHIVE_PATH = "luu-tru/"
SEARCH_PATH = "tim-kiem/"


@dataclass
class Listing:
    """One page of a listing, in one language."""

    lang: str
    kind: str  # category | tag | tags | archive
    base: str  # path of the first page, like 'du-lich/' (no language prefix)
    title: str
    entries: list[Entry]
    page: int = 1
    pages: int = 1
    category: Category | None = None
    tag: str = ""
    tag_counts: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return page_path(self.base, self.page)

    @property
    def previous_path(self) -> str | None:
        return page_path(self.base, self.page - 1) if self.page > 1 else None

    @property
    def next_path(self) -> str | None:
        return page_path(self.base, self.page + 1) if self.page < self.pages else None


def page_path(base: str, number: int) -> str:
    """Path of page ``number`` of a listing: 'du-lich/', 'du-lich/trang/2/'."""
    return base if number == 1 else f"{base}{PAGE_SEGMENT}/{number}/"


# A tag's folder name stays far below the file systems' 255 bytes (Khmer letters take 3).
TAG_SLUG_LENGTH = 80


@functools.lru_cache(maxsize=16384)
def _beyond_latin(tag: str) -> bool:
    """Whether a tag has letters or digits of a script that does not fold to a–z."""
    return any(
        char.isalnum() and not ("\u0000" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff")
        for char in tag
    )


def tag_slug(tag: str) -> str:
    """URL segment of a tag: folded Latin, or the words themselves for Khmer or Chinese."""
    slug = slugify(tag)
    # Folding keeps only the Latin part of a mixed tag: 2026年国家旅游年 would become '2026',
    # the address, and so the page, of every other tag of that year.
    if not (slug and slug.strip("-")) or _beyond_latin(tag):
        slug = re.sub(r"[\s/\\?#%&+]+", "-", tag.strip().lower()).strip("-") or "tag"
    if len(slug) <= TAG_SLUG_LENGTH:
        return slug
    # Cut long tags, and keep two tags that share their first 70 letters apart.
    digest = hashlib.sha1(tag.encode("utf-8")).hexdigest()[:8]
    cut = TAG_SLUG_LENGTH - 10
    head = slug[:cut] if _beyond_latin(tag) else slugify(tag, cut)
    return f"{head.rstrip('-')}-{digest}"


def paginate(
    lang: str, kind: str, base: str, title: str, entries: list[Entry], size: int, **extra
) -> list[Listing]:
    """Split entries into pages of ``size``; an empty listing still has one page."""
    pages = max(1, -(-len(entries) // size))
    return [
        Listing(lang, kind, base, title, entries[(n - 1) * size : n * size], n, pages, **extra)
        for n in range(1, pages + 1)
    ]


def build_listings(catalog: Catalog, lang: str, titles: dict[str, str]) -> list[Listing]:
    """Every listing page of ``lang``. ``titles`` holds 'archive' and 'tags' headings."""
    size = catalog.settings.page_size
    listed = catalog.listed(lang)
    listings: list[Listing] = []
    for category in catalog.settings.categories:
        entries = [e for e in listed if e.source.category == category.key]
        listings += paginate(
            lang,
            "category",
            f"{category.folder}/",
            category.name(lang),
            entries,
            size,
            category=category,
        )
    listings += paginate(lang, "archive", ARCHIVE_PATH, titles["archive"], listed, size)
    by_tag: dict[str, tuple[str, list[Entry]]] = {}
    for entry in listed:
        for tag in entry.article.tags:
            slug = tag_slug(tag)
            by_tag.setdefault(slug, (tag, []))[1].append(entry)
    counts = sorted(
        ((tag, slug, len(entries)) for slug, (tag, entries) in by_tag.items()),
        key=lambda item: (-item[2], item[0].lower()),
    )
    listings.append(Listing(lang, "tags", TAGS_PATH, titles["tags"], [], tag_counts=counts))
    for slug, (tag, entries) in sorted(by_tag.items()):
        listings += paginate(
            lang,
            "tag",
            f"{TAGS_PATH}{slug}/",
            titles["tag"].format(tag=tag),
            entries,
            size,
            tag=tag,
        )
    return listings


def related(catalog: Catalog, entry: Entry, count: int) -> list[Entry]:
    """Articles of the same category or sharing a tag, newest first, in the same language."""
    index = _related_index(catalog, entry.lang)
    candidates: dict[str, tuple[int, Entry]] = {}
    groups = [index.get(("category", entry.source.category), [])]
    groups += [index.get(("tag", tag_slug(tag)), []) for tag in entry.article.tags]
    for group in groups:
        # Each group is newest first: only its first few can be among the newest overall.
        taken = 0
        for position, other in group:
            if other.key == entry.key:
                continue
            candidates[other.key] = (position, other)
            taken += 1
            if taken == count:
                break
    return [other for _position, other in sorted(candidates.values(), key=lambda c: c[0])][:count]


def _related_index(catalog: Catalog, lang: str) -> dict[tuple[str, str], list]:
    """Listed articles of a language by category and by tag, with their rank by date."""
    cache = catalog._index.setdefault(f"related:{lang}", {})
    if not cache:
        for position, other in enumerate(catalog.listed(lang)):
            cache.setdefault(("category", other.source.category), []).append((position, other))
            for tag in {tag_slug(tag) for tag in other.article.tags}:
                cache.setdefault(("tag", tag), []).append((position, other))
    return cache
