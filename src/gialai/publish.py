"""Files of a built site beyond its pages: photos, feeds, redirects, and what spans all
languages (sitemap, search indexes, the link check), written once per site."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .assets import use_hashed_assets
from .feeds import render_feed
from .fonts import FontFile, write_fonts
from .images import OUTPUT_DIR as IMAGES_OUTPUT
from .pagecache import SEARCH_CACHE, PageFacts, SearchCache
from .redirects import redirect_pages
from .robots import render_robots
from .search import GLOSSARY, build_indexes, load_glossary, records_for
from .sitecheck import broken_links
from .sitemap import render_sitemap
from .sitestate import Previous, published_files

if TYPE_CHECKING:
    from .site import Site

log = logging.getLogger("mkdocs.plugins.gialai.publish")


class SiteProblem(Exception):
    """The built site has a problem a reader would meet (a broken link)."""


def copy_images(site: Site, site_dir: Path, links: Iterable[Iterable[str]] = ()) -> None:
    """Put into the site the image variants that pages of this build use: those made or
    asked for in this process, and those that ``links`` (of pages kept from the cache) name."""
    paths = {variant.path for result in site.images.known() for variant in result.variants}
    for urls in links:
        for url in urls:
            if "_img/" in url:
                paths.add(f"{IMAGES_OUTPUT}/{url.rsplit('/', 1)[-1]}")
    for path in sorted(paths):
        target = site_dir / path
        source = site.images.cache_dir / Path(path).name
        if not source.is_file():
            continue  # not an image variant; the link check reports a link to nothing
        if target.exists() and target.stat().st_size == source.stat().st_size:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def write_feeds(site: Site, lang: str, site_dir: Path) -> None:
    """The Atom feeds of one language."""
    for feed in site.feeds(lang):
        target = site_dir / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_feed(site.catalog, feed), encoding="utf-8")


def write_redirects(site: Site, lang: str, site_dir: Path) -> None:
    """The small pages at the old addresses of renamed articles (redirects.yml), one language.

    Written as plain files after MkDocs' pages, not as pages MkDocs knows: the sitemap,
    feeds and search records come from the catalog's articles, so none lists them.
    """
    for path, text in redirect_pages(site.catalog, lang, site.strings[lang]):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def warm_images(site: Site) -> None:
    """Make the photo variants once, before several processes would each make them."""
    from concurrent.futures import ThreadPoolExecutor

    sources = {
        site.settings.images_path / article.cover.image
        for article in site.catalog.sources.values()
        if article.cover is not None
    }
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(site.images.get, sorted(sources)))


def write_search_indexes(site: Site, folder: Path, reuse: bool = False) -> None:
    """One Pagefind bundle per language, built side by side: the one place search is made.

    ``reuse``: a language whose search records did not change gets its stored bundle.
    """
    settings = site.settings
    jobs = []
    for language in settings.languages:
        names = {cat.key: cat.name(language.code) for cat in settings.categories}
        records = records_for(site.catalog, language.code, names, site.strings[language.code].date)
        jobs.append((language, records))
    glossary = load_glossary(settings.project_dir / settings.strings_dir / GLOSSARY)
    if not reuse:
        build_indexes(jobs, folder, site.cache_dir, glossary)
        return
    stored = SearchCache(site.cache_dir / SEARCH_CACHE)
    # The glossary decides how Khmer and Lao are split and which names are joined.
    keys = {
        language.code: stored.key(language, records, glossary.get(language.code, ()))
        for language, records in jobs
    }
    missing = [
        (language, records)
        for language, records in jobs
        if not stored.restore(language.code, keys[language.code], folder / language.prefix)
    ]
    build_indexes(missing, folder, site.cache_dir, glossary)
    for language, _records in missing:
        stored.store(language.code, keys[language.code], folder / language.prefix)


def write_site_fonts(
    site: Site, site_dir: Path, digests: Mapping[str, str] | None = None
) -> list[FontFile]:
    """The fonts cut to the characters of the built pages, and the language names' fonts
    (with ``digests``: each page's characters read once, by its digest)."""
    facts = PageFacts(site.cache_dir / "page-characters.json") if digests else None
    letters = PageFacts(site.cache_dir / "page-letters.json") if digests else None
    files = write_fonts(site, site_dir, digests, facts, letters)
    for kept in (facts, letters):
        if kept is not None:
            kept.save()
    log.debug("wrote %d font files", len(files))
    return files


def _links_may_break(
    site_dir: Path,
    previous: Previous,
    pages: set[str],
    links: Mapping[str, Iterable[str]] | None,
) -> bool:
    """Whether a link of ``pages`` (taken as the last build published them, links checked
    then) may lead to a file the last build published and this one does not."""
    now = set(published_files(site_dir))
    gone = {unquote(path.rsplit("/", 1)[-1]) for path in previous.files if path not in now}
    if not gone:
        return False
    if links is None:
        return True
    if "index.html" in gone:
        gone.add("")  # a link to a folder leads to its index.html
    for page in pages:
        for url in links.get(page, ()):
            name = url.split("#", 1)[0].split("?", 1)[0].rsplit("/", 1)[-1]
            if unquote(name) in gone:
                return True
    return False


def finish_site(
    site: Site,
    site_dir: Path,
    search_done: bool = False,
    links: Mapping[str, Iterable[str]] | None = None,
    reuse: bool = False,
    digests: Mapping[str, str] | None = None,
    previous: Previous | None = None,
) -> str:
    """Write fonts, sitemap and the other site-wide files, then check the site's links.

    ``search_done``: the search bundles were already written (a parallel build makes
    them while the languages build); ``reuse``: from the cache where records are the same.
    ``links``: the links of pages, by site path, noted while they were written (the other
    pages are read); ``digests``: the digest of each page as written, so that what the
    last build read of it is not read again, and a page that ``previous`` published
    unchanged is taken from there. A broken link raises ``SiteProblem``. Returns the digest
    of the asset names the pages were pointed at.
    """
    # Before the preview stops below: its pages need their fonts too.
    fonts = write_site_fonts(site, site_dir, digests)
    listings = {lang: site.listings(lang) for lang in site.settings.language_codes}
    (site_dir / "sitemap.xml").write_text(render_sitemap(site.catalog, listings), "utf-8")
    (site_dir / "robots.txt").write_text(render_robots(site.settings), "utf-8")
    gz = site_dir / "sitemap.xml.gz"
    if gz.exists():
        gz.unlink()
    if site.serving:
        return ""  # the preview skips search and the link check, to rebuild in a second or two
    # After the fonts (they complete fonts.css), before the link check (it checks the names).
    facts = PageFacts(site.cache_dir / "page-classes.json") if digests else None
    renamed = {font.replaces: font.path for font in fonts if font.replaces}
    assets = use_hashed_assets(
        site_dir, digests=digests, facts=facts, previous=previous, renamed=renamed
    )
    if facts is not None:
        facts.save()
    if site.settings.search and not search_done:
        write_search_indexes(site, site_dir, reuse)
    checked = assets.taken
    if checked and previous is not None and _links_may_break(site_dir, previous, checked, links):
        checked = set()
    broken = broken_links(site_dir, known=links, checked=checked)
    if broken:
        lines = [f"  {page}: '{url}' leads to no page or file" for page, url in broken[:50]]
        more = f"\n  … and {len(broken) - 50} more" if len(broken) > 50 else ""
        raise SiteProblem(
            f"Found {len(broken)} broken links in the built site:\n" + "\n".join(lines) + more
        )
    return assets.digest
