"""Content: check every article before building, publish only what is ready, add listings."""

from __future__ import annotations

import logging
import sys

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from gialai import kiosk, mkdocs_files
from gialai.feeds import feed_for_category
from gialai.images import rewrite_body_images
from gialai.parallel import pin_language, skip_file_alternates
from gialai.problems import ContentError
from gialai.safety import sanitize_page
from gialai.session import COMMAND, current_language, session_for
from gialai.templates import BYTECODE_FOLDER, escape_policy
from gialai.views import dashboard

log = logging.getLogger("mkdocs.plugins.gialai.content")


class _QuietDirtyWarning(logging.Filter):
    """The preview rebuilds only what changed on purpose; MkDocs' warning about it would
    only alarm the officer reading the terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def on_startup(command: str, dirty: bool) -> None:
    COMMAND["name"] = command
    if command == "serve":
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())


# Before static-i18n's on_config (-100): a process that builds one language says which.
def on_config(config: MkDocsConfig) -> None:
    pin_language(config)
    skip_file_alternates(config)
    try:
        session = session_for(config)
    except ContentError as error:
        raise Abort(str(error)) from None
    if session.catalog.problems:
        error = ContentError(session.catalog.problems)
        if not session.catalog.preview:
            raise Abort(str(error))
        # The preview goes on without the broken files, so the officer sees the rest. Printed
        # once, not logged: in strict mode a logged error would stop the preview.
        if not session.extra.get("problems reported"):
            session.extra["problems reported"] = True
            print(
                f"{error}\nThe preview leaves these files out until they are fixed.",
                file=sys.stderr,
            )


# Before static-i18n (-100) picks a file per language: what is not published must be gone.
@event_priority(50)
def _select_sources(files: Files, config: MkDocsConfig) -> Files:
    session = session_for(config)
    return mkdocs_files.select_sources(files, session.catalog, session.settings.images_dir)


# After static-i18n (-100): generated pages need to know the language being built.
@event_priority(-110)
def _add_listings(files: Files, config: MkDocsConfig) -> Files:
    session = session_for(config)
    lang = current_language(config)
    default = session.settings.default_language.code
    by_dest = mkdocs_files.add_listings(files, config, session.settings, session.listings_for(lang))
    session.extra[f"listings:{lang}"] = by_dest
    pages = session.catalog.pages
    if "index" not in pages.get(lang, {}) and "index" not in pages.get(default, {}):
        title = session.settings.site_name_for(lang)
        files.append(mkdocs_files.home_file(config, session.settings, lang, title))
    if session.settings.search:
        title = session.strings[lang]("search_title")
        files.append(mkdocs_files.search_file(config, session.settings, lang, title))
    if session.catalog.preview and lang == session.settings.default_language.code:
        title = session.strings[lang]("dashboard_title")
        files.append(mkdocs_files.dashboard_file(config, session.settings, title))
    return files


on_files = CombinedEvent(_select_sources, _add_listings)


def on_env(env, config: MkDocsConfig, files: Files):
    # Every value the site's own templates print is text unless marked as HTML.
    env.autoescape = escape_policy(config.theme.custom_dir)
    # Templates do not change during a build: skip Jinja's file check on every include,
    # and keep compiled templates between builds (each process and rebuild compiles anew).
    env.auto_reload = False
    folder = session_for(config).cache_dir / BYTECODE_FOLDER
    folder.mkdir(exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


# After static-i18n (-100) has translated the navigation it knows.
@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    session = session_for(config)
    lang = current_language(config)
    t = session.strings[lang]
    nav.items = mkdocs_files.navigation_links(session.settings, lang, t("home"), t("archive"))
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    session = session_for(config)
    settings = session.settings
    page_dir = (settings.content_dir / page.file.src_uri).parent
    base_url = get_relative_url(".", page.url)
    return rewrite_body_images(markdown, page_dir, settings.images_path, session.images, base_url)


# First of the page_content handlers: nothing outside the allowlist reaches a page, and
# the kiosk's own additions (QR codes) come after it.
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitize_page(html, session_for(config).settings.embed_hosts)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    session = session_for(config)
    lang = current_language(config)
    views = session.views(lang)
    base_url = context.get("base_url", ".")
    listing = session.extra.get(f"listings:{lang}", {}).get(page.file.dest_uri)
    key = page.file.src_uri.split("/", 1)[-1].removesuffix(".md")
    if listing is not None:
        data = views.listing(listing, base_url)
        active = listing.category.folder if listing.category else ""
    elif (entry := session.catalog.entry_for(lang, key)) is not None:
        data = views.article(entry, base_url, entry.article.body)
        active = session.settings.category(entry.source.category).folder
    elif page.meta.get("template") == "search.html":
        data = {"kind": "search", "title": page.title}
        active = ""
    elif page.meta.get("template") == "dashboard.html":
        data = dashboard(session, lang)
        active = ""
    elif page.meta.get("template") == "home.html":
        data = views.home(base_url)
        active = "home"
    else:
        data = {"kind": "page"}
        active = ""
    prefix = session.settings.language(lang).prefix
    category = session.settings.category_for_folder(active) if active else None
    data["feeds"] = [
        {"title": feed.title, "url": feed.path}
        for feed in feed_for_category(session.feeds_for(lang), category)
    ]
    for link in nav.items:
        target = link.url.removeprefix(prefix).strip("/")
        link.active = bool(active) and (target == active or (active == "home" and not target))
    data["t"] = session.strings[lang]
    data["lang"] = lang
    data["prefix"] = prefix
    data["serving"] = COMMAND["name"] == "serve"
    # News pages show no table of contents; without one, Material adds no second skip link.
    page.toc = []
    if session.settings.search:
        data["search"] = views.search
    context["gl"] = data
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        lang = current_language(config)
        session = session_for(config)
        context["gl"] = {
            "kind": "404",
            # The <title> is "page not found – site name", like every other page's.
            "title": session.strings[lang]("not_found_title"),
            "t": session.strings[lang],
            "lang": lang,
            "ui_lang": lang,
            "doc_lang": lang,
            "alternates": [],
            "prefix": session.settings.language(lang).prefix,
            "search": session.views(lang).search if session.settings.search else None,
            "switch": [
                {"lang": other.code, "name": other.name, "url": other.prefix}
                for other in session.settings.languages
            ],
            "edition": session.settings.edition,
        }
        if session.settings.edition == "kiosk":
            # A kiosk reader who lands here still has Back, Home and the idle reset.
            context["gl"]["kiosk"] = kiosk.kiosk_context(session.settings, session.strings[lang])
    return context
