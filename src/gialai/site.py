"""One build's data, independent of the engine that renders it.

A ``Site`` is made once per build process from settings and explicit ``BuildOptions``; it
owns the checked catalog, the interface text, the photo and QR-code caches and, per
language, the views, listings and feeds that pages show. Everything a page needs is asked
of it; nothing is kept in module globals or the environment.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog, load_catalog
from .feeds import Feed, feeds_for
from .images import ImageCache
from .listings import Listing, build_listings
from .options import STORE_VARIABLE, BuildOptions
from .qr import QrCodes
from .settings import Settings
from .strings import Strings, load_strings
from .views import Views

EDITIONS = ("web", "kiosk")


@dataclass
class Site:
    """The state of one build of every language of the site."""

    settings: Settings
    options: BuildOptions  # every option decided: date, preview, edition, cache folder
    catalog: Catalog
    strings: dict[str, Strings]
    images: ImageCache
    qr: QrCodes
    serving: bool = False  # built by the preview server, which rebuilds after each save
    problems_reported: bool = False
    _views: dict[str, Views] = field(default_factory=dict, repr=False)
    _listings: dict[str, list[Listing]] = field(default_factory=dict, repr=False)
    _feeds: dict[str, list[Feed]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, settings: Settings, options: BuildOptions, serving: bool = False) -> Site:
        """Check the content and make the site's caches (a ContentError lists problems)."""
        options = resolve(settings, options, serving)
        if options.edition != settings.edition:
            settings = dataclasses.replace(settings, edition=options.edition)
        cache = options.cache_dir
        assert cache is not None and options.build_date is not None
        cache.mkdir(parents=True, exist_ok=True)
        catalog = load_catalog(settings, options.build_date, bool(options.preview), cache_dir=cache)
        strings = load_strings(settings)
        store = options.store_dir
        assert store is not None
        images = ImageCache(store / "images", settings.image_widths)
        return cls(settings, options, catalog, strings, images, QrCodes(store / "qr"), serving)

    @property
    def cache_dir(self) -> Path:
        """Where builds keep what they can reuse (images, QR codes, parsed articles)."""
        assert self.options.cache_dir is not None
        return self.options.cache_dir

    @property
    def store_dir(self) -> Path:
        """Where cut fonts, image variants and QR codes are kept, each named by its digest."""
        assert self.options.store_dir is not None
        return self.options.store_dir

    @property
    def languages_built(self) -> list[str]:
        """The languages this process builds: all, or the one of a parallel build's process."""
        only = self.options.only_language
        return [only] if only else self.settings.language_codes

    def views(self, lang: str) -> Views:
        """What the templates of one language show."""
        if lang not in self._views:
            self._views[lang] = Views(self.catalog, lang, self.strings[lang], self.images, self.qr)
        return self._views[lang]

    def feeds(self, lang: str) -> list[Feed]:
        """The Atom feeds of one language: the language's, then one per category."""
        if lang not in self._feeds:
            t = self.strings[lang]
            site_name = self.settings.site_name_for(lang)
            self._feeds[lang] = feeds_for(self.catalog, lang, site_name, t.values["feed_title"])
        return self._feeds[lang]

    def listings(self, lang: str) -> list[Listing]:
        """Every listing page of one language: categories, archive, tags."""
        if lang not in self._listings:
            t = self.strings[lang]
            # tag_title keeps its {tag} field: each tag page fills it in.
            titles = {"archive": t("archive"), "tags": t("all_tags"), "tag": t.values["tag_title"]}
            self._listings[lang] = build_listings(self.catalog, lang, titles)
        return self._listings[lang]


def resolve(settings: Settings, options: BuildOptions, serving: bool = False) -> BuildOptions:
    """The options with every default decided; a wrong edition or language is a problem."""
    from .problems import ContentError, Problem

    edition = options.edition or settings.edition
    problems = []
    if edition not in EDITIONS:
        problems.append(Problem("build options", 0, "edition", f"'{edition}' is not web or kiosk."))
    if options.only_language and options.only_language not in settings.language_codes:
        codes = ", ".join(settings.language_codes)
        problems.append(
            Problem(
                "build options",
                0,
                "only_language",
                f"'{options.only_language}' is not a language of the site; use one of {codes}.",
            )
        )
    if problems:
        raise ContentError(problems)
    cache_dir = options.cache_dir or settings.project_dir / ".cache"
    return options.replace(
        build_date=options.build_date or dt.date.today(),
        preview=serving if options.preview is None else options.preview,
        edition=edition,
        cache_dir=cache_dir,
        store_dir=options.store_dir or _store(os.environ) or cache_dir,
    )


def _store(environ: Mapping[str, str]) -> Path | None:
    """The machine's shared store ($GIALAI_STORE), if one is set."""
    value = environ.get(STORE_VARIABLE, "").strip()
    return Path(value).expanduser().resolve() if value else None
