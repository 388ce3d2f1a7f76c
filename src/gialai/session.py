"""One build of the site as MkDocs runs it: settings, checked content and per-language views.

MkDocs hooks are separate modules; they share this state through ``session_for(config)``.
static-i18n builds every language with the same config object, so one session spans them.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog import Catalog, load_catalog
from .feeds import Feed, feeds_for
from .images import ImageCache
from .listings import Listing, build_listings
from .problems import ContentError, Problem
from .qr import QrCodes
from .settings import Settings, settings_from_mkdocs
from .strings import Strings, load_strings
from .views import Views

log = logging.getLogger("mkdocs.plugins.gialai")

# Set by the on_startup hook: 'build', 'serve' or 'gh-deploy'.
COMMAND = {"name": "build"}


def build_date_from_env() -> dt.date:
    """The day the site is built for; GIALAI_BUILD_DATE rebuilds a past (or future) state."""
    value = os.environ.get("GIALAI_BUILD_DATE", "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problem = Problem(
            "GIALAI_BUILD_DATE", 0, "", f"'{value}' is not a date; write it like 2025-12-30."
        )
        raise ContentError([problem]) from None


def preview_from_env() -> bool:
    """Drafts and scheduled articles are shown in the preview (``serve``) only."""
    flag = os.environ.get("GIALAI_PREVIEW", "").strip().lower()
    if flag in ("1", "yes", "true"):
        return True
    if flag in ("0", "no", "false"):
        return False
    return COMMAND["name"] == "serve"


@dataclass
class Session:
    """State shared by the hooks during one build of all languages."""

    settings: Settings
    catalog: Catalog
    strings: dict[str, Strings]
    images: ImageCache
    listings: dict[str, list[Listing]] = field(default_factory=dict)
    saved_404: bytes | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def cache_dir(self) -> Path:
        """Where builds keep what they can reuse (images, QR codes, parsed articles)."""
        folder = _cache_dir(self.settings)
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def views(self, lang: str) -> Views:
        key = f"views:{lang}"
        if key not in self.extra:
            qr = QrCodes(self.cache_dir / "qr")
            self.extra[key] = Views(self.catalog, lang, self.strings[lang], self.images, qr)
        return self.extra[key]

    def feeds_for(self, lang: str) -> list[Feed]:
        key = f"feeds:{lang}"
        if key not in self.extra:
            t = self.strings[lang]
            site_name = self.settings.site_name_for(lang)
            self.extra[key] = feeds_for(self.catalog, lang, site_name, t.values["feed_title"])
        return self.extra[key]

    def listings_for(self, lang: str) -> list[Listing]:
        if lang not in self.listings:
            t = self.strings[lang]
            # tag_title keeps its {tag} field: each tag page fills it in.
            titles = {"archive": t("archive"), "tags": t("all_tags"), "tag": t.values["tag_title"]}
            self.listings[lang] = build_listings(self.catalog, lang, titles)
        return self.listings[lang]


_SESSIONS: dict[int, Session] = {}


def _cache_dir(settings: Settings) -> Path:
    configured = os.environ.get("GIALAI_CACHE_DIR")
    return Path(configured) if configured else settings.project_dir / ".cache"


def session_for(config: Any) -> Session:
    """The session of this config, made (and content checked) on first use."""
    key = id(config)
    session = _SESSIONS.get(key)
    if session is None:
        settings = settings_from_mkdocs(config)
        cache = _cache_dir(settings)
        catalog = load_catalog(settings, build_date_from_env(), preview_from_env(), cache_dir=cache)
        strings = load_strings(settings)
        images = ImageCache(cache / "images", settings.image_widths)
        session = Session(settings, catalog, strings, images)
        _SESSIONS[key] = session
        weakref.finalize(config, _SESSIONS.pop, key, None)
    return session


def current_language(config: Any) -> str:
    """The language MkDocs is building now (static-i18n builds them one after another)."""
    plugin = config.plugins.get("i18n")
    if plugin is not None and plugin.current_language:
        return plugin.current_language
    return session_for(config).settings.default_language.code


def finished_language(config: Any) -> str:
    """The language whose build reaches on_post_build now.

    static-i18n builds the other languages from inside the default language's
    on_post_build and leaves ``current_language`` on the last one; once it is done
    (``building`` is false again) the build that finishes is the default language's.
    """
    plugin = config.plugins.get("i18n")
    if plugin is not None and not plugin.building and plugin.default_language:
        return plugin.default_language
    return current_language(config)
