"""Atom feeds: one per language and one per category of each language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from . import routes
from .articles import Article
from .catalog import Catalog, Entry
from .settings import Category

FEED_FILE = "feed.xml"
# Articles carry a day, not a time: publish them at the start of the day in Vietnam.
_VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class Feed:
    """A feed of one language, for the whole site or one category."""

    lang: str
    path: str  # site path of the feed file, like 'en/du-lich/feed.xml'
    title: str
    page_path: str  # the HTML page the feed mirrors, like 'en/du-lich/'
    entries: tuple[Entry, ...]


def _stamp(day: dt.date | None) -> str:
    moment = dt.datetime.combine(day or dt.date(2000, 1, 1), dt.time(), _VIETNAM)
    return moment.isoformat()


def feeds_for(catalog: Catalog, lang: str, site_name: str, title_format: str) -> list[Feed]:
    """The language's main feed first, then one per category."""
    settings = catalog.settings
    prefix = settings.language(lang).prefix
    listed = catalog.listed(lang)
    size = settings.feed_size
    feeds = [Feed(lang, f"{prefix}{FEED_FILE}", site_name, prefix, tuple(listed[:size]))]
    for category in settings.categories:
        entries = [e for e in listed if e.source.category == category.key][:size]
        title = title_format.format(site=site_name, section=category.name(lang))
        feeds.append(
            Feed(
                lang,
                f"{prefix}{category.folder}/{FEED_FILE}",
                title,
                f"{prefix}{category.folder}/",
                tuple(entries),
            )
        )
    return feeds


def feed_for_category(feeds: list[Feed], category: Category | None) -> list[Feed]:
    """Feeds to announce on a page: the language's, and its category's if it has one."""
    chosen = [feeds[0]]
    if category is not None:
        chosen += [f for f in feeds[1:] if f.page_path.endswith(f"{category.folder}/")]
    return chosen


def render_feed(catalog: Catalog, feed: Feed) -> str:
    """Atom 1.0 text of a feed, with absolute addresses from site_url."""
    settings = catalog.settings
    url = routes.absolute(settings, feed.page_path)
    self_url = routes.absolute(settings, feed.path)
    updated = max((e.source.date for e in feed.entries if e.source.date), default=None)
    # xml:lang takes the language's BCP 47 tag (zh-Hans), as lang attributes do, not its code.
    xml_lang = settings.language(feed.lang).lang
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{xml_lang}">\n',
        f"  <title>{escape(feed.title)}</title>\n",
        f"  <id>{escape(url)}</id>\n",
        f'  <link rel="alternate" type="text/html" href={quoteattr(url)}/>\n',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(self_url)}/>\n',
        f"  <updated>{_stamp(updated)}</updated>\n",
    ]
    for entry in feed.entries:
        article = entry.article
        link = routes.absolute(settings, f"{settings.language(feed.lang).prefix}{entry.key}/")
        category = settings.category(entry.source.category)
        parts += [
            "  <entry>\n",
            f"    <title>{escape(article.title)}</title>\n",
            f"    <id>{escape(link)}</id>\n",
            f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>\n',
            f"    <published>{_stamp(entry.source.date)}</published>\n",
            f"    <updated>{_stamp(entry.source.date)}</updated>\n",
            f"    <author><name>{escape(_author(article, feed))}</name></author>\n",
        ]
        if category is not None:
            parts.append(
                f"    <category term={quoteattr(category.key)} "
                f"label={quoteattr(category.name(feed.lang))}/>\n"
            )
        parts += [f"    <summary>{escape(article.summary)}</summary>\n", "  </entry>\n"]
    parts.append("</feed>\n")
    return "".join(parts)


def _author(article: Article, feed: Feed) -> str:
    """The feed's author of an article: its byline, the paper it was taken from, or the site."""
    return article.byline or article.source_name or feed.title
