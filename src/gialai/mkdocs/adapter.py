"""MkDocs events, one call each on the site: the only place where a build meets the package.

The hooks in ``hooks/`` call these methods; ``SiteI18n`` makes the adapter when a build
starts and keeps it while static-i18n builds every language.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import kiosk, pagecache, pages, publish, routes, sitecheck
from ..articles import Article
from ..images import rewrite_body_images
from ..options import BuildOptions
from ..pages import PageSpec
from ..problems import ContentError
from ..safety import sanitize_page
from ..site import Site
from ..templates import BYTECODE_FOLDER, escape_policy
from . import files as mkdocs_files
from .config import settings_from_mkdocs

if TYPE_CHECKING:
    from .i18n import SiteI18n

log = logging.getLogger("mkdocs.plugins.gialai")
# The targets of Markdown links and link definitions in a source file.
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M)


class _QuietDirtyWarning(logging.Filter):
    """The preview rebuilds only what changed on purpose; MkDocs' warning about it would
    only alarm the officer reading the terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def _without_text(article: Article) -> Article:
    """An article as other pages can show it: everything but its text."""
    return dataclasses.replace(article, body="")


def build_fingerprint(site: Site, config: MkDocsConfig) -> str:
    """What every page of a build depends on beyond its own inputs: the code, templates,
    settings, interface text and photos (``pagecache.fingerprint``)."""
    settings = site.settings
    project = settings.project_dir
    package = Path(__file__).resolve().parent.parent
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else project
    read = [package, project / "hooks", custom, project / settings.strings_dir]
    read += sorted(project.glob("*.yml"))
    read += sorted(settings.content_dir.glob("*.yml"))
    values = {
        "config": Path(config.config_file_path or "mkdocs.yml").name,
        "edition": site.options.edition,
        "preview": bool(site.options.preview),
        "serving": site.serving,
        "settings": repr(settings),
    }
    return pagecache.fingerprint(read, [settings.images_path], values, project)


class Adapter:
    """One build's MkDocs side: the site, the page plan of the language being built."""

    def __init__(self, site: Site, plugin: SiteI18n, reuse: bool = False) -> None:
        self.site = site
        self.plugin = plugin
        self.specs: dict[str, dict[str, PageSpec]] = {}  # per language: destination -> page
        self.saved_404: bytes | None = None
        # A dirty build (gialai build, the preview) keeps pages between builds.
        self.reuse = reuse
        self.config: MkDocsConfig | None = None
        self.files: Files | None = None
        self.cache: pagecache.PageCache | None = None
        self.fresh: dict[str, bool] = {}  # destination -> made in this build
        self.keys: dict[str, str | None] = {}  # destination -> its key (None: uncacheable)
        self.owns: dict[str, str] = {}  # destination -> the digest of its own inputs
        self.links: dict[str, tuple[str, ...]] = {}  # site path -> links, every language
        self.digests: dict[str, str] = {}  # site path -> digest of the page's bytes
        self._fingerprint: str | None = None

    @staticmethod
    def on_startup(command: str, dirty: bool = False) -> None:
        if command == "serve" or dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())

    @classmethod
    def start(
        cls,
        config: MkDocsConfig,
        options: BuildOptions,
        plugin: SiteI18n,
        serving: bool,
        reuse: bool = False,
    ) -> Adapter:
        """Check the settings and content of a build that starts; stop it on a problem."""
        try:
            site = Site.load(settings_from_mkdocs(config), options, serving)
        except ContentError as error:
            raise Abort(str(error)) from None
        problems = site.catalog.problems
        if problems:
            error = ContentError(problems)
            if not site.catalog.preview:
                raise Abort(str(error))
            # The preview goes on without the broken files, so the officer sees the rest.
            # Printed, not logged: in strict mode a logged error would stop the preview.
            print(
                f"{error}\nThe preview leaves these files out until they are fixed.",
                file=sys.stderr,
            )
        return cls(site, plugin, reuse)

    @property
    def lang(self) -> str:
        """The language static-i18n builds now."""
        return self.plugin.site_language

    # --- files and navigation ---------------------------------------------------------

    def select_sources(self, files: Files) -> Files:
        return mkdocs_files.select_sources(
            files, self.site.catalog, self.site.options.only_language
        )

    def add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        """Plan the language's pages: generated files added, every page known by address."""
        lang = self.lang
        plan = pages.plan_pages(self.site, lang)
        prefix = self.site.settings.language(lang).prefix
        by_key = {spec.key: spec for spec in plan if not spec.generated and spec.key}
        files = mkdocs_files.add_generated(files, config, self.site.settings, plan)
        specs = {f"{prefix}{spec.path}index.html": spec for spec in plan if spec.generated}
        # The 404 page is a template of its own, not a page: found by its name.
        specs["404.html"] = next(spec for spec in plan if spec.kind == pages.NOT_FOUND)
        for file in files.documentation_pages():
            if file.dest_uri in specs:
                continue
            key = file.src_uri.split("/", 1)[-1].removesuffix(".md")
            specs[file.dest_uri] = by_key.get(key) or pages.source_spec(self.site, lang, key)
        self.specs[lang] = specs
        if self.reuse:
            self._open_cache(files, config, specs)
        return files

    # --- pages kept between builds ----------------------------------------------------------

    def _open_cache(self, files: Files, config: MkDocsConfig, specs: dict[str, PageSpec]) -> None:
        """Let MkDocs skip every page the cache holds with the same inputs."""
        self.config, self.files = config, files
        self.fresh, self.keys, self.owns = {}, {}, {}
        settings, options = self.site.settings, self.site.options
        folder = pagecache.folder_for(
            self.site.cache_dir,
            Path(config.config_file_path or "mkdocs.yml"),
            str(options.edition),
            bool(options.preview),
            self.site.serving,
            self.lang,
        )
        site_id = pagecache.site_id(settings.project_dir, settings.site_url)
        self.cache = pagecache.PageCache(folder, site_id, self.fingerprint(config))
        self.cache.cards = self._cards(files, config)
        for file in files.documentation_pages():
            if file.dest_uri in specs:
                file.is_modified = functools.partial(self._is_modified, file)

    def fingerprint(self, config: MkDocsConfig) -> str:
        """What every page of this build depends on beyond its own inputs."""
        if self._fingerprint is None:
            self._fingerprint = build_fingerprint(self.site, config)
        return self._fingerprint

    def _is_modified(self, file: File) -> bool:
        """Whether MkDocs must make the page: not if the cache holds it with the same key.

        While nothing that pages show of each other changed (``_cards``), a page whose own
        inputs are the same keeps its stored key without its view being made.
        """
        dest = file.dest_uri
        if dest not in self.fresh:
            assert self.cache is not None
            own = self._own(file)
            key = self.cache.kept_as_before(dest, own) if own else None
            if key is None:
                key = self._key(file)
            target = Path(file.abs_dest_path)
            fresh = not (key is not None and self.cache.restore(dest, key, target, own))
            if fresh and os.path.lexists(target):
                # A page kept earlier (the preview) shares its file with the cache.
                target.unlink()
            self.fresh[dest], self.keys[dest], self.owns[dest] = fresh, key, own
        return self.fresh[dest]

    def _own(self, file: File) -> str:
        """The digest of what only this page shows: its source text and, for a translation,
        the revision of its source (the notice that it is out of date). Empty for a page that
        shows what other pages hold too (the translation dashboard)."""
        spec = self.specs[self.lang][file.dest_uri]
        if spec.kind == pages.DASHBOARD:
            return ""
        parts = [spec.kind, pagecache._bytes_digest(file.content_bytes)]
        if spec.kind == pages.ARTICLE:
            entry = self.site.catalog.entry_for(self.lang, spec.key)
            parts.append(entry.source.revision if entry is not None else "-")
        return " ".join(parts)

    def _cards(self, files: Files, config: MkDocsConfig) -> str:
        """The digest of everything pages show of other pages: every article and page of
        every language without its text (titles, dates, photos, tags, states), the files of
        the build, and the day for the kiosk, which shows it."""
        catalog, site = self.site.catalog, self.site
        hasher = hashlib.blake2b(digest_size=20)
        hasher.update(f"{self.fingerprint(config)} {self.lang} {site.serving}\n".encode())
        hasher.update(f"{site.options.edition} {bool(site.options.preview)}\n".encode())
        if site.settings.edition == "kiosk":
            hasher.update(f"{site.options.build_date}\n".encode())
        for lang in site.settings.language_codes:
            for entry in catalog.entries(lang):
                shown = (entry.key, entry.state, entry.fallback, _without_text(entry.article))
                hasher.update(repr(shown).encode("utf-8", "surrogateescape"))
            for key, article in sorted(catalog.pages.get(lang, {}).items()):
                hasher.update(
                    repr((key, _without_text(article))).encode("utf-8", "surrogateescape")
                )
        hasher.update(repr(sorted(catalog.redirects.items())).encode("utf-8", "surrogateescape"))
        for file in files:
            hasher.update(f"{file.src_uri} {file.dest_uri}\n".encode("utf-8", "surrogateescape"))
        return hasher.hexdigest()

    def _key(self, file: File) -> str | None:
        """Every input of a page: its source, its view, its neighbours, where its links lead."""
        assert self.config is not None and self.files is not None
        page = file.page
        spec = self.specs[self.lang][file.dest_uri]
        if page is None:
            return None
        base_url = get_relative_url(".", page.url)
        source = file.content_bytes
        config = self.config
        try:
            view = pages.page_view(self.site, spec, base_url)
            return pagecache.digest_of(
                {
                    "build": self.fingerprint(config),
                    "dest": file.dest_uri,
                    "url": page.url,
                    "src": file.src_uri,
                    "source": pagecache._bytes_digest(source),
                    "spec": [spec.kind, spec.lang, spec.path, spec.key, spec.title, spec.template],
                    "view": view,
                    "neighbours": [
                        page.previous_page.url if page.previous_page else None,
                        page.next_page.url if page.next_page else None,
                    ],
                    "links": self._resolved_links(file, source),
                    "theme": [
                        config.theme.get("language"),
                        config.site_name,
                        config.site_description,
                        config.copyright,
                    ],
                }
            )
        except pagecache.Uncacheable:
            return None

    def _resolved_links(self, file: File, source: bytes) -> list[list[str | None]]:
        """Where each relative link of a source leads now (another page may have moved)."""
        assert self.files is not None
        found = []
        text = source.decode("utf-8", "replace")
        folder = os.path.dirname(file.src_uri)
        targets = {m.group(1) or m.group(2) for m in _MARKDOWN_LINK.finditer(text)}
        for target in sorted(targets):
            path = target.split("#", 1)[0].split("?", 1)[0]
            if not path or ":" in path or path.startswith("/"):
                continue
            src = os.path.normpath(os.path.join(folder, path)).replace(os.sep, "/")
            other = self.files.get_file_from_path(src)
            found.append([target, other.url if other is not None else None])
        return found

    def _keep_pages(self, site_dir: Path) -> None:
        """Store the pages made in this language's build; note every page's links."""
        cache = self.cache
        if cache is None:
            return
        for dest, fresh in self.fresh.items():
            if not fresh:
                continue
            key = self.keys.get(dest)
            path = site_dir / dest
            if key is None or not path.is_file():
                continue
            data = path.read_bytes()
            cache.store(dest, key, data, sitecheck.page_links(data), self.owns.get(dest, ""))
        cache.save()
        self.links.update(cache.links())
        self.digests.update({dest: stored.digest for dest, stored in cache.kept.items()})
        self.cache = None

    def prepare_env(self, env: Environment, config: MkDocsConfig) -> Environment:
        """Escape every value of the site's own templates; keep compiled templates."""
        env.autoescape = escape_policy(config.theme.custom_dir or "")
        # Templates do not change during a build: skip Jinja's file check on every include,
        # and keep compiled templates between builds (each process and rebuild compiles anew).
        # In the store: Jinja names a compiled template by its file and checks its source,
        # and the policy compiled in follows from the file (the theme's or the site's own),
        # so projects sharing a store share the theme's compiled templates.
        env.auto_reload = False
        folder = self.site.store_dir / BYTECODE_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def navigation(self, nav: Navigation) -> Navigation:
        t = self.site.strings[self.lang]
        nav.items = mkdocs_files.navigation_links(
            self.site.settings, self.lang, t("home"), t("archive")
        )
        return nav

    # --- pages ----------------------------------------------------------------------------

    def spec(self, page: Page) -> PageSpec:
        return self.specs[self.lang][page.file.dest_uri]

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Choose the page's template; make photos in the body responsive."""
        page.meta["template"] = self.spec(page).template
        settings = self.site.settings
        page_dir = (settings.content_dir / page.file.src_uri).parent
        base_url = get_relative_url(".", page.url)
        return rewrite_body_images(
            markdown, page_dir, settings.images_path, self.site.images, base_url
        )

    def page_content(self, html: str, page: Page) -> str:
        """Nothing outside the allowlist reaches a page; the kiosk turns links to other
        sites into addresses with QR codes."""
        settings = self.site.settings
        html = sanitize_page(html, settings.embed_hosts)
        if settings.edition == "kiosk":
            label = self.site.strings[self.lang]("kiosk_external")
            html = kiosk.unlink_other_sites(html, settings.site_url, label, self.site.qr)
        return html

    def page_context(self, context: dict, page: Page, nav: Navigation) -> dict:
        """The page's view, and the menu entry marked as the reader's place."""
        view = pages.page_view(
            self.site, self.spec(page), context.get("base_url", "."), page.title or ""
        )
        prefix = self.site.settings.language(self.lang).prefix
        for link in nav.items:
            target = link.url.removeprefix(prefix).strip("/")
            if target == ".":  # the default language's home is "./"
                target = ""
            active = view.active
            link.active = bool(active) and (target == active or (active == "home" and not target))
        # News pages show no table of contents; without one, Material adds no second skip link.
        page.toc = []
        context["gl"] = self._with_theme_lang(view, context)
        return context

    def _with_theme_lang(self, view: pages.PageView, context: dict) -> pages.PageView:
        """The view, told which language the theme's own labels are in."""
        # SiteI18n may have given Material a fallback language's file (no file for this one).
        code = context["config"].theme.get("language", "")
        settings = self.site.settings
        view.theme_lang = (
            settings.language(code).lang if code in settings.language_codes else view.ui_lang
        )
        return view

    def template_context(self, context: dict, template_name: str) -> dict:
        """The 404 page is a template, not a page: it gets its view here."""
        if template_name == "404.html":
            spec = self.specs[self.lang]["404.html"]
            view = pages.page_view(self.site, spec, context.get("base_url", "."))
            context["gl"] = self._with_theme_lang(view, context)
        return context

    def post_page(self, output: str, page: Page) -> str:
        # A page filled from another language's file (an untranslated article shows the
        # source text) says so in <html lang>, whatever folder it is in.
        source = page.file.src_uri.split("/", 1)[0]
        settings = self.site.settings
        if source != self.lang and page.is_page and source in settings.language_codes:
            return routes.set_document_language(output, settings.language(source).lang)
        return output

    # --- the end of a language, and of the site --------------------------------------------

    def language_built(self, config: MkDocsConfig) -> None:
        """Files of the language just built: its 404 page in its folder, feeds, redirects.

        Runs before static-i18n starts the next language, which would overwrite the
        default language's 404.html.
        """
        site_dir = Path(config.site_dir)
        lang = self.lang
        self._move_404(site_dir, lang)
        self._keep_pages(site_dir)
        publish.copy_images(self.site, site_dir, self.links.values())
        publish.write_feeds(self.site, lang, site_dir)
        publish.write_redirects(self.site, lang, site_dir)

    def _move_404(self, site_dir: Path, lang: str) -> None:
        page_404 = site_dir / "404.html"
        if not page_404.exists():
            return
        prefix = self.site.settings.language(lang).prefix
        if not prefix:
            self.saved_404 = page_404.read_bytes()
            return
        target = site_dir / prefix / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        page_404.replace(target)
        if self.saved_404 is not None:
            page_404.write_bytes(self.saved_404)

    def finish(self, config: MkDocsConfig) -> None:
        """Once per site, after every language: sitemap, search, the link check."""
        site_dir = Path(config.site_dir)
        if self.site.options.only_language:
            if self.site.serving:
                # The preview of one language: its pages still need their fonts.
                publish.write_site_fonts(self.site, site_dir)
            if self.reuse:
                # For the parent's link check: the links of every page, read while written.
                links_file = site_dir.with_name(site_dir.name + sitecheck.LINKS_SUFFIX)
                sitecheck.write_links(links_file, self.links)
                digests = site_dir.with_name(site_dir.name + pagecache.DIGESTS_SUFFIX)
                pagecache.write_digests(digests, self.digests)
            return  # a parallel build's process: its parent finishes the site
        try:
            links = self.links if self.reuse else None
            publish.finish_site(self.site, site_dir, links=links, reuse=self.reuse)
        except publish.SiteProblem as error:
            raise PluginError(str(error)) from None
