"""Finishing a built site: files that span all languages, written once."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .feeds import render_feed
from .redirects import redirect_pages
from .robots import render_robots
from .search import build_indexes, records_for
from .session import COMMAND
from .sitecheck import broken_links
from .sitemap import render_sitemap

log = logging.getLogger("mkdocs.plugins.gialai.publish")


def copy_images(session: Any, site_dir: str) -> None:
    """Copy the image variants that pages of this build use into the site."""
    for result in session.images.known():
        for variant in result.variants:
            target = Path(site_dir) / variant.path
            source = session.images.cache_dir / Path(variant.path).name
            if target.exists() and target.stat().st_size == source.stat().st_size:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def write_feeds(session: Any, lang: str, site_dir: str) -> None:
    """The Atom feeds of one language."""
    for feed in session.feeds_for(lang):
        target = Path(site_dir) / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_feed(session.catalog, feed), encoding="utf-8")


def write_redirects(session: Any, lang: str, site_dir: str) -> None:
    """The small pages at the old addresses of renamed articles (redirects.yml), one language.

    Written as plain files after MkDocs' pages, not as pages MkDocs knows: the sitemap,
    feeds and search records come from the catalog's articles, so none lists them.
    """
    for path, text in redirect_pages(session.catalog, lang, session.strings[lang]):
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def is_last_language(config: Any, session: Any) -> bool:
    """True in the build that closes the site: all languages done, once per site.

    static-i18n builds the other languages from inside the default language's
    on_post_build, so the outer build is the last to reach this point. A process that
    builds one language for a parallel build leaves the site-wide work to its parent.
    """
    if os.environ.get("GIALAI_ONLY_LANGUAGE"):
        return False
    plugin = config.plugins.get("i18n")
    return plugin is None or not plugin.building


def warm_images(session: Any) -> None:
    """Make the photo variants once, before several processes would each make them."""
    from concurrent.futures import ThreadPoolExecutor

    sources = {
        session.settings.images_path / article.cover.image
        for article in session.catalog.sources.values()
        if article.cover is not None
    }
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(session.images.get, sorted(sources)))


def write_search_indexes(session: Any, site: Path) -> None:
    """One Pagefind bundle per language, built side by side."""
    settings = session.settings
    jobs = []
    for language in settings.languages:
        names = {cat.key: cat.name(language.code) for cat in settings.categories}
        records = records_for(
            session.catalog, language.code, names, session.strings[language.code].date
        )
        jobs.append((language, records))
    build_indexes(jobs, site, session.cache_dir)


def finish_site(session: Any, site_dir: str, search_done: bool = False) -> None:
    """Write sitemap and the other site-wide files, then check the site's links.

    ``search_done``: the search bundles were already written (the parallel build makes
    them while the languages build).
    """
    site = Path(site_dir)
    listings = {lang: session.listings_for(lang) for lang in session.settings.language_codes}
    (site / "sitemap.xml").write_text(render_sitemap(session.catalog, listings), "utf-8")
    (site / "robots.txt").write_text(render_robots(session.settings), "utf-8")
    gz = site / "sitemap.xml.gz"
    if gz.exists():
        gz.unlink()
    if COMMAND["name"] == "serve":
        return  # the preview skips search and the link check, to rebuild in a second or two
    if session.settings.search and not search_done:
        write_search_indexes(session, site)
    broken = broken_links(site)
    if broken:
        lines = [f"  {page}: '{url}' leads to no page or file" for page, url in broken[:50]]
        more = f"\n  … and {len(broken) - 50} more" if len(broken) > 50 else ""
        raise PluginError(
            f"Found {len(broken)} broken links in the built site:\n" + "\n".join(lines) + more
        )
