"""static-i18n, adapted once for this site: the owner of each build.

``SiteI18n`` is registered as the MkDocs plugin ``gialai-i18n`` and takes static-i18n's
options unchanged. Beyond static-i18n it

- accepts three-letter ISO 639 codes (Jrai, Bahnar) besides two-letter ones,
  through its own option schema (``SiteI18nConfig``), static-i18n's module left as it is;
- makes the build's ``Site`` (through the ``Adapter``) when a build starts, from the build
  options handed to the process (``gialai.options``), and keeps it while static-i18n
  builds the other languages;
- gives Material, for a language it has no interface text for (``partials/languages/
  <code>.html`` in the theme or in ``overrides/``), the first language of the language's
  fallback chain that it has, instead of stopping with ``TemplateNotFound``;
- builds a single language when a parallel build's process asks for one;
- skips static-i18n's per-file alternates, which nothing on this site reads;
- tells when the whole site is built, once per site, and lets the adapter finish it.

Nothing else in the package writes static-i18n's attributes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs_static_i18n.config import I18nPluginConfig, I18nPluginLanguage
from mkdocs_static_i18n.plugin import I18n

from ..languages import CODE_EXAMPLE, is_language_code, key_lines
from ..options import BuildOptions
from ..problems import ContentError, Problem
from .adapter import Adapter

log = logging.getLogger("mkdocs.plugins.gialai.i18n")
# static-i18n's own entry that only adds a link to the language menu, never built.
MENU_ONLY_LOCALE = "null"
# Where Material looks for the interface text of a language, in each of its template folders.
THEME_TEXT = "partials/languages/{code}.html"


class LanguageCode(c.Type):
    """A language's ``locale``: two- or three-letter ISO 639 code, optional script/region."""

    # static-i18n 1.3.1 takes two letters only (its RE_LOCALE); its open pull request #348
    # widens that pattern the same way.

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not is_language_code(text) and text != MENU_ONLY_LOCALE:
            raise ValidationError(
                f"'{text}' is not a language code; write the ISO 639 code in lower case, two "
                f"or three letters, then a script or region if needed, like {CODE_EXAMPLE}."
            )
        return text


class SiteLanguage(I18nPluginLanguage):
    """One entry of ``languages:``, as static-i18n reads it, with three-letter codes."""

    locale = LanguageCode()


class SiteI18nConfig(I18nPluginConfig):
    """static-i18n's options, unchanged but for the language codes they accept."""

    build_only_locale = c.Optional(LanguageCode())
    languages = c.ListOfItems(c.SubConfig(SiteLanguage, validate=True))


class SiteI18n(I18n):
    """static-i18n with the site's build owner attached."""

    config_class = SiteI18nConfig

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.command = "build"
        self.dirty = False
        self.adapter: Adapter | None = None

    # A plugin with on_startup is kept by MkDocs across the preview server's rebuilds;
    # each build starts afresh in on_config, so only the command is carried over.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        Adapter.on_startup(command, dirty)

    # Before every other plugin: the site (and its checked content) exists for all of them.
    @event_priority(100)
    def _start(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.building:
            self._reset()
            options = BuildOptions.from_env(os.environ)
            serving = self.command == "serve"
            # A dirty build keeps its pages between builds (gialai build, the preview).
            self.adapter = Adapter.start(config, options, self, serving, reuse=self.dirty)
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

    def reconfigure_material_theme(self, config: MkDocsConfig, locale: str) -> MkDocsConfig:
        """static-i18n's theme settings, with a theme language Material has text for."""
        config = super().reconfigure_material_theme(config, locale)
        if self.adapter is not None and "language" in config.theme:
            settings = self.adapter.site.settings
            language = settings.language(locale)
            dirs = [Path(folder) for folder in config.theme.dirs]

            def known(code: str) -> bool:
                return any((folder / THEME_TEXT.format(code=code)).is_file() for folder in dirs)

            found = theme_language([language.code, *language.fallback], known)
            if found is None:
                path = settings.project_dir / settings.strings_dir / f"{language.code}.yml"
                lines = key_lines(path.read_text(encoding="utf-8"))
                line = lines.get("language.fallback") or lines.get("language", 0)
                problem = missing_theme_text(settings.relpath(path), language.code, line)
                raise Abort(str(ContentError([problem])))
            config.theme["language"] = found
        return config

    def reconfigure_files_alternates(self, *args, **kwargs) -> None:
        """Skip static-i18n's per-file alternates: nothing of this site reads them.

        For every page and language static-i18n looks for the same page in the other
        languages (a third of a one-language build at 1,000 articles). The language menu,
        hreflang links and sitemap come from the catalog instead (gialai.routes).
        """

    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        # One language of a parallel build is marked as building from the start.
        only = self.adapter is not None and bool(self.adapter.site.options.only_language)
        outermost = not self.building or only
        super().on_post_build(config)
        # The outermost build returns last, after static-i18n has built every other
        # language from inside it: the whole site is there now, once.
        if outermost and self.adapter is not None:
            self.adapter.finish(config)

    @property
    def site_language(self) -> str:
        """The language being built now."""
        return self.current_language or self.default_language


def theme_language(chain: Iterable[str], known: Callable[[str], bool]) -> str | None:
    """The first language of ``chain`` that the theme has interface text for, or None."""
    return next((code for code in chain if known(code)), None)


def missing_theme_text(rel: str, code: str, line: int = 0) -> Problem:
    """The problem of a language neither the theme nor its fallback chain has text for."""
    path = f"overrides/{THEME_TEXT.format(code=code)}"
    return Problem(
        rel,
        line,
        "language.fallback",
        f"the theme has no interface text for '{code}' or a language it falls back to; "
        f"add {path} (docs/languages.md, step 3) or a fallback language, like fallback: [vi].",
    )


def adapter_for(config: MkDocsConfig) -> Adapter:
    """The adapter of the build this config belongs to."""
    for plugin in config.plugins.values():
        if isinstance(plugin, SiteI18n) and plugin.adapter is not None:
            return plugin.adapter
    raise LookupError(
        "mkdocs.yml: plugins: the site's language plugin is missing; list it as "
        "'- gialai-i18n:' with the languages, as the project's mkdocs.yml does."
    )
