"""static-i18n, adapted once for this site: the owner of each build.

``SiteI18n`` is registered as the MkDocs plugin ``gialai-i18n`` and takes static-i18n's
options unchanged. Beyond static-i18n it

- makes the build's ``Site`` (through the ``Adapter``) when a build starts, from the build
  options handed to the process (``gialai.options``), and keeps it while static-i18n
  builds the other languages;
- builds a single language when a parallel build's process asks for one;
- skips static-i18n's per-file alternates, which nothing on this site reads;
- tells when the whole site is built, once per site, and lets the adapter finish it.

Nothing else in the package writes static-i18n's attributes.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs_static_i18n.plugin import I18n

from ..options import BuildOptions
from .adapter import Adapter

log = logging.getLogger("mkdocs.plugins.gialai.i18n")


class SiteI18n(I18n):
    """static-i18n with the site's build owner attached."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.command = "build"
        self.adapter: Adapter | None = None

    # A plugin with on_startup is kept by MkDocs across the preview server's rebuilds;
    # each build starts afresh in on_config, so only the command is carried over.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        Adapter.on_startup(command)

    # Before every other plugin: the site (and its checked content) exists for all of them.
    @event_priority(100)
    def _start(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.building:
            self._reset()
            options = BuildOptions.from_env(os.environ)
            self.adapter = Adapter.start(config, options, self, serving=self.command == "serve")
            if options.only_language:
                # One language of a parallel build: static-i18n builds just this one.
                self.current_language = options.only_language
                self.building = True
        return config

    on_config = CombinedEvent(_start, I18n.on_config)

    def _reset(self) -> None:
        """Forget the previous build (the preview server keeps this plugin between builds)."""
        self.current_language = None
        self.extra_alternate = {}
        self.i18n_files_per_language = {}
        self.original_configs = {}
        self.original_theme_configs = {}
        self.search_entries = []

    def reconfigure_files_alternates(self, *args, **kwargs) -> None:
        """Skip static-i18n's per-file alternates: nothing of this site reads them.

        For every page and language static-i18n looks for the same page in the other
        languages (a third of a one-language build at 1,000 articles). The language menu,
        hreflang links and sitemap come from the catalog instead (gialai.routes).
        """

    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        outermost = not self.building
        super().on_post_build(config)
        # The outermost build returns last, after static-i18n has built every other
        # language from inside it: the whole site is there now, once.
        if outermost and self.adapter is not None:
            self.adapter.finish(config)

    @property
    def site_language(self) -> str:
        """The language being built now."""
        return self.current_language or self.default_language


def adapter_for(config: MkDocsConfig) -> Adapter:
    """The adapter of the build this config belongs to."""
    for plugin in config.plugins.values():
        if isinstance(plugin, SiteI18n) and plugin.adapter is not None:
            return plugin.adapter
    raise LookupError(
        "mkdocs.yml: plugins: the site's language plugin is missing; list it as "
        "'- gialai-i18n:' with the languages, as the project's mkdocs.yml does."
    )
