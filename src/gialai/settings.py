"""Project settings: languages from the i18n plugin, everything else from ``extra.gialai``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .languages import Language, load_languages
from .problems import ContentError, Problem


class _KioskSettings(Config):
    idle_seconds = c.Type(int, default=90)
    countdown_seconds = c.Type(int, default=10)
    public_url = c.Optional(c.Type(str))


class _SearchSettings(Config):
    enabled = c.Type(bool, default=True)


class _GialaiSettings(Config):
    """The typed shape of ``extra.gialai`` in ``mkdocs.yml``."""

    categories = c.Type(dict)
    page_size = c.Type(int, default=12)
    feed_size = c.Type(int, default=20)
    related_count = c.Type(int, default=4)
    images_dir = c.Type(str, default="images")
    image_widths = c.ListOfItems(c.Type(int), default=[480, 960, 1600])
    strings_dir = c.Type(str, default="locales")
    max_article_bytes = c.Type(int, default=1_000_000)
    kiosk = c.SubConfig(_KioskSettings)
    search = c.SubConfig(_SearchSettings)
    edition = c.Choice(["web", "kiosk"], default="web")
    embed_hosts = c.ListOfItems(c.Type(str), default=[])


@dataclass(frozen=True)
class Category:
    """An article category: a key used in front matter, a folder, a name per language."""

    key: str
    folder: str
    names: Mapping[str, str]

    def name(self, lang: str) -> str:
        """The category's name in ``lang``, falling back to any name configured."""
        return self.names.get(lang) or next(iter(self.names.values()), self.key)


@dataclass(frozen=True)
class Settings:
    """Everything the package needs to know about a project, independent of MkDocs."""

    project_dir: Path
    content_dir: Path
    languages: tuple[Language, ...]
    categories: tuple[Category, ...]
    site_url: str = ""
    site_name: str = ""
    page_size: int = 12
    feed_size: int = 20
    related_count: int = 4
    images_dir: str = "images"
    image_widths: tuple[int, ...] = (480, 960, 1600)
    strings_dir: str = "locales"
    max_article_bytes: int = 1_000_000
    idle_seconds: int = 90
    countdown_seconds: int = 10
    kiosk_public_url: str = ""
    search: bool = True
    edition: str = "web"
    site_names: Mapping[str, str] = field(default_factory=dict)
    embed_hosts: tuple[str, ...] = ()

    @property
    def default_language(self) -> Language:
        """The source language (Vietnamese), built at the site root."""
        return next(lang for lang in self.languages if lang.default)

    @property
    def language_codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language:
        """The configured language with this code."""
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    def category(self, key: str) -> Category | None:
        """The category with this front-matter key, or None."""
        return next((cat for cat in self.categories if cat.key == key), None)

    def category_for_folder(self, folder: str) -> Category | None:
        """The category whose articles live in this folder, or None."""
        return next((cat for cat in self.categories if cat.folder == folder), None)

    def relpath(self, path: Path) -> str:
        """A path as shown to people: relative to the project, with forward slashes."""
        text, base = str(path), str(self.project_dir)
        if text.startswith(base + os.sep):  # the common case, without pathlib's cost
            return text[len(base) + 1 :].replace(os.sep, "/")
        try:
            return path.resolve().relative_to(self.project_dir.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def images_path(self) -> Path:
        return self.content_dir / self.images_dir

    @property
    def public_url(self) -> str:
        """The public web address articles are shared under (QR codes point here)."""
        return (self.kiosk_public_url or self.site_url).rstrip("/") + "/"

    def site_name_for(self, lang: str) -> str:
        return self.site_names.get(lang) or self.site_name


def settings_from_mkdocs(config: Any) -> Settings:
    """Read settings from a loaded MkDocs config; configuration mistakes are reported plainly."""
    # Absolute, so that paths inside the project are shown relative to it quickly.
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    where = config_file.name
    raw = dict(config.extra.get("gialai") or {})
    # Settings that a command line or a test wants to change without editing mkdocs.yml.
    if os.environ.get("GIALAI_EDITION"):
        raw["edition"] = os.environ["GIALAI_EDITION"]
    typed = _GialaiSettings()
    typed.load_dict(raw)
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
        categories.append(Category(key, value["folder"], dict(value.get("names") or {})))
    i18n = config.plugins.get("i18n")
    if i18n is None:
        problems.append(Problem(where, 0, "plugins", "the i18n plugin is not configured."))
    if problems:
        raise ContentError(problems)
    project_dir = config_file.parent
    languages = load_languages(
        i18n.config.get("languages", []),
        project_dir / typed.strings_dir,
        lambda path: _relative(path, project_dir),
    )
    site_names = {}
    if i18n is not None:
        for entry in i18n.config.get("languages", []):
            if entry.get("site_name"):
                site_names[entry["locale"]] = entry["site_name"]
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
        search=typed.search.enabled,
        edition=typed.edition,
        site_names=site_names,
        embed_hosts=tuple(host.lower() for host in typed.embed_hosts),
    )


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.as_posix()


def load_settings(config_file: Path | str = "mkdocs.yml") -> Settings:
    """Load ``mkdocs.yml`` (and anything it inherits) into settings."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return settings_from_mkdocs(config)
