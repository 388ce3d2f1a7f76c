"""MkDocs events, one call each on the site: the only place where a build meets the package.

The hooks in ``hooks/`` call these methods; ``SiteI18n`` makes the adapter when a build
starts and keeps it while static-i18n builds every language.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import kiosk, pages, publish, routes
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


class _QuietDirtyWarning(logging.Filter):
    """The preview rebuilds only what changed on purpose; MkDocs' warning about it would
    only alarm the officer reading the terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


class Adapter:
    """One build's MkDocs side: the site, the page plan of the language being built."""

    def __init__(self, site: Site, plugin: SiteI18n) -> None:
        self.site = site
        self.plugin = plugin
        self.specs: dict[str, dict[str, PageSpec]] = {}  # per language: destination -> page
        self.saved_404: bytes | None = None

    @staticmethod
    def on_startup(command: str) -> None:
        if command == "serve":
            logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())

    @classmethod
    def start(
        cls, config: MkDocsConfig, options: BuildOptions, plugin: SiteI18n, serving: bool
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
        return cls(site, plugin)

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
        return files

    def prepare_env(self, env: Environment, config: MkDocsConfig) -> Environment:
        """Escape every value of the site's own templates; keep compiled templates."""
        env.autoescape = escape_policy(config.theme.custom_dir or "")
        # Templates do not change during a build: skip Jinja's file check on every include,
        # and keep compiled templates between builds (each process and rebuild compiles anew).
        env.auto_reload = False
        folder = self.site.cache_dir / BYTECODE_FOLDER
        folder.mkdir(exist_ok=True)
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
        publish.copy_images(self.site, site_dir)
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
            return  # a parallel build's process: its parent finishes the site
        try:
            publish.finish_site(self.site, site_dir)
        except publish.SiteProblem as error:
            raise PluginError(str(error)) from None
