"""The site's MkDocs hooks: each passes one event to the build's adapter.

The adapter (src/gialai/mkdocs/adapter.py) and the site it serves are made by the
site's i18n plugin (gialai-i18n in mkdocs.yml) when a build starts. The priorities say
where a handler stands beside static-i18n's own (all at -100).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from gialai.mkdocs.i18n import adapter_for


# Before static-i18n picks a file per language: what is not published must be gone.
@event_priority(50)
def _select_sources(files: Files, config: MkDocsConfig) -> Files:
    return adapter_for(config).select_sources(files)


# After static-i18n: the generated pages belong to the language being built.
@event_priority(-110)
def _add_pages(files: Files, config: MkDocsConfig) -> Files:
    return adapter_for(config).add_pages(files, config)


on_files = CombinedEvent(_select_sources, _add_pages)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return adapter_for(config).prepare_env(env, config)


# After static-i18n has translated the navigation it knows: the site's own menu replaces it.
@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return adapter_for(config).navigation(nav)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return adapter_for(config).page_markdown(markdown, page)


# First of the page_content handlers: nothing outside the allowlist reaches a page.
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return adapter_for(config).page_content(html, page)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return adapter_for(config).page_context(context, page, nav)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    return adapter_for(config).template_context(context, template_name)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return adapter_for(config).post_page(output, page)


# Before static-i18n's on_post_build starts the next language (which would overwrite this
# language's 404.html); the site as a whole is finished by the plugin after the last one.
@event_priority(-90)
def on_post_build(config: MkDocsConfig) -> None:
    adapter_for(config).language_built(config)
