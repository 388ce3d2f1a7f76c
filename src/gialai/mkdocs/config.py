"""``extra.gialai`` and the i18n plugin's languages, validated once, as plain settings.

The defaults live in one place, the ``Settings`` dataclass; this schema takes them from
there and adds what MkDocs validates: types and choices.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..languages import load_languages
from ..problems import ContentError, Problem
from ..settings import Category, Settings

_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Settings)}


class _AsWritten(c.BaseConfigOption):
    """A setting taken as written, checked later by the code that knows what it means."""

    def run_validation(self, value: Any) -> Any:
        return value


class _KioskSettings(Config):
    idle_seconds = c.Type(int, default=_DEFAULTS["idle_seconds"])
    countdown_seconds = c.Type(int, default=_DEFAULTS["countdown_seconds"])
    public_url = c.Optional(c.Type(str))
    # The start screen's order on this kiosk; languages not listed follow, as in mkdocs.yml.
    languages = c.ListOfItems(c.Type(str), default=list(_DEFAULTS["kiosk_languages"]))


class _SearchSettings(Config):
    enabled = c.Type(bool, default=_DEFAULTS["search"])


class GialaiSettings(Config):
    """The typed shape of ``extra.gialai`` in ``mkdocs.yml``."""

    categories = c.Type(dict)
    page_size = c.Type(int, default=_DEFAULTS["page_size"])
    feed_size = c.Type(int, default=_DEFAULTS["feed_size"])
    related_count = c.Type(int, default=_DEFAULTS["related_count"])
    images_dir = c.Type(str, default=_DEFAULTS["images_dir"])
    image_widths = c.ListOfItems(c.Type(int), default=list(_DEFAULTS["image_widths"]))
    strings_dir = c.Type(str, default=_DEFAULTS["strings_dir"])
    max_article_bytes = c.Type(int, default=_DEFAULTS["max_article_bytes"])
    kiosk = c.SubConfig(_KioskSettings)
    search = c.SubConfig(_SearchSettings)
    edition = c.Choice(["web", "kiosk"], default=_DEFAULTS["edition"])
    embed_hosts = c.ListOfItems(c.Type(str), default=list(_DEFAULTS["embed_hosts"]))
    # Printed brochures: a list of {name, title, articles}, taken as written: gialai.brochure
    # checks them against the content and explains each mistake in plain words.
    brochures = _AsWritten()


def i18n_plugin(config: Any) -> Any:
    """The site's i18n plugin (static-i18n or its adaptation), or None."""
    for plugin in config.plugins.values():
        if hasattr(plugin, "all_languages") and hasattr(plugin, "current_language"):
            return plugin
    return None


def settings_from_mkdocs(config: Any) -> Settings:
    """Read settings from a loaded MkDocs config; configuration mistakes are reported plainly."""
    # Absolute, so that paths inside the project are shown relative to it quickly.
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    where = config_file.name
    typed = GialaiSettings()
    typed.load_dict(dict(config.extra.get("gialai") or {}))
    failed, _warnings = typed.validate()
    problems = [
        Problem(where, 0, f"extra.gialai.{key}", str(error).rstrip(".") + ".")
        for key, error in failed
    ]
    categories = []
    for key, value in (typed.categories or {}).items():
        if not isinstance(value, dict) or not isinstance(value.get("folder"), str):
            problems.append(
                Problem(
                    where,
                    0,
                    f"extra.gialai.categories.{key}",
                    "each category needs a folder and names, like "
                    "{folder: du-lich, names: {vi: Du lịch, en: Tourism}}.",
                )
            )
            continue
        names, audience = dict(value.get("names") or {}), str(value.get("audience") or "")
        categories.append(Category(key, value["folder"], names, audience))
    i18n = i18n_plugin(config)
    if i18n is None:
        problems.append(Problem(where, 0, "plugins", "the i18n plugin is not configured."))
    if problems:
        raise ContentError(problems)
    project_dir = config_file.parent
    entries = list(i18n.config.get("languages", []))
    languages = load_languages(
        entries, project_dir / typed.strings_dir, lambda path: _relative(path, project_dir)
    )
    codes = [language.code for language in languages]
    unknown = [code for code in typed.kiosk.languages if code not in codes]
    if unknown:
        raise ContentError(
            [
                Problem(
                    where,
                    0,
                    "extra.gialai.kiosk.languages",
                    f"'{unknown[0]}' is not a language of the site; list some of "
                    f"{', '.join(codes)} in the order the start screen shows them, like "
                    f"[{', '.join(reversed(codes))}].",
                )
            ]
        )
    site_names = {e["locale"]: e["site_name"] for e in entries if e.get("site_name")}
    copyrights = {e["locale"]: e["copyright"] for e in entries if e.get("copyright")}
    if config.copyright:
        copyrights.setdefault(
            next(lang.code for lang in languages if lang.default), config.copyright
        )
    return Settings(
        project_dir=project_dir,
        content_dir=Path(config.docs_dir),
        languages=languages,
        categories=tuple(categories),
        site_url=config.site_url or "",
        site_name=config.site_name,
        page_size=typed.page_size,
        feed_size=typed.feed_size,
        related_count=typed.related_count,
        images_dir=typed.images_dir,
        image_widths=tuple(typed.image_widths),
        strings_dir=typed.strings_dir,
        max_article_bytes=typed.max_article_bytes,
        idle_seconds=typed.kiosk.idle_seconds,
        countdown_seconds=typed.kiosk.countdown_seconds,
        kiosk_public_url=typed.kiosk.public_url or "",
        kiosk_languages=tuple(typed.kiosk.languages),
        search=typed.search.enabled,
        edition=typed.edition,
        site_names=site_names,
        embed_hosts=tuple(host.lower() for host in typed.embed_hosts),
        brochures=typed.brochures if typed.brochures is not None else (),
        copyrights=copyrights,
    )


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.as_posix()


def load_settings(config_file: Path | str = "mkdocs.yml") -> Settings:
    """Load ``mkdocs.yml`` (and anything it inherits) into settings."""
    from mkdocs.config import load_config

    return settings_from_mkdocs(load_config(str(config_file)))
