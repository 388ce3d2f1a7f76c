"""Kiosk edition: a start screen, links to other sites made into QR codes, idle settings."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from gialai import kiosk, mkdocs_files
from gialai.session import current_language, session_for


def _is_kiosk(config: MkDocsConfig) -> bool:
    return session_for(config).settings.edition == "kiosk"


# After content.py has added the listings (-110) for the language being built.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    session = session_for(config)
    lang = current_language(config)
    if _is_kiosk(config) and lang == session.settings.default_language.code:
        title = session.strings[lang]("kiosk_choose")
        files.append(mkdocs_files.start_file(config, session.settings, title))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _is_kiosk(config):
        return html
    session = session_for(config)
    label = session.strings[current_language(config)]("kiosk_external")
    return kiosk.unlink_other_sites(html, session.settings.site_url, label)


# After content.py and languages.py have filled the page's data.
@event_priority(-20)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    session = session_for(config)
    data = context["gl"]
    data["edition"] = session.settings.edition
    if data["edition"] == "kiosk":
        lang = current_language(config)
        data["kiosk"] = kiosk.kiosk_context(session.settings, session.strings[lang])
        if page.meta.get("template") == "start.html":
            data["kind"] = "start"
            data["choices"] = [
                {
                    "lang": language.code,
                    "name": language.name,
                    "url": language.prefix or "./",
                    "welcome": session.strings[language.code]("kiosk_welcome"),
                    "choose": session.strings[language.code]("kiosk_choose"),
                }
                for language in session.settings.languages
            ]
    return context
