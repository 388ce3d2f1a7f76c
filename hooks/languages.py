"""Languages: truthful lang attributes and hreflang, one 404 page per language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from gialai import routes
from gialai.session import current_language, session_for


# After content.py's page context (0), which tells what kind of page this is.
@event_priority(-10)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    session = session_for(config)
    catalog = session.catalog
    settings = session.settings
    lang = current_language(config)
    data = context["gl"]
    path = page.file.dest_uri.removesuffix("index.html")
    path = path.removeprefix(settings.language(lang).prefix)
    key = page.file.src_uri.split("/", 1)[-1].removesuffix(".md")
    kind = data["kind"]
    if kind == "article":
        pairs = routes.article_alternates(catalog, key)
    elif kind in ("category", "archive", "tags") and data.get("page", 1) == 1:
        pairs = routes.listing_alternates(settings, path)
    elif kind in ("home", "page"):
        pairs = routes.page_alternates(catalog, key, path)
    else:
        pairs = []
    data["alternates"] = [
        {"lang": routes.hreflang(settings, code), "href": routes.absolute(settings, target)}
        for code, target in pairs
    ]
    data["switch"] = [
        {"lang": code, "name": name, "url": target}
        for code, name, target in routes.switch_targets(
            catalog, kind, key, path, data.get("page", 1)
        )
    ]
    data["ui_lang"] = lang
    data["doc_lang"] = data.get("content_lang", lang) if data.get("fallback") else lang
    source_path = f"{key}/"
    data["canonical"] = routes.absolute(
        settings, source_path if data.get("fallback") else page.file.url.lstrip("./")
    )
    if page.file.url in ("./", ""):
        data["canonical"] = routes.absolute(settings, "")
    data["og"] = routes.open_graph(lang, data, page.title or config.site_name, settings, pairs)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = current_language(config)
    # A fallback page shows Vietnamese text: say so, whatever language folder it is in.
    if page.file.src_uri.split("/", 1)[0] != lang and page.is_page:
        return routes.set_document_language(output, page.file.src_uri.split("/", 1)[0])
    return output


# Before static-i18n's on_post_build (-100) starts the other languages, which would
# overwrite the default language's 404.html: move each language's 404 page into its folder.
@event_priority(-90)
def on_post_build(config: MkDocsConfig) -> None:
    session = session_for(config)
    lang = current_language(config)
    site = Path(config.site_dir)
    page_404 = site / "404.html"
    if not page_404.exists():
        return
    prefix = session.settings.language(lang).prefix
    if not prefix:
        session.saved_404 = page_404.read_bytes()
        return
    target = site / prefix / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    page_404.replace(target)
    if session.saved_404 is not None:
        page_404.write_bytes(session.saved_404)
