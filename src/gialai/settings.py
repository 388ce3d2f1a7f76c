"""Project settings as plain data: languages, categories and every setting with its default.

Read from ``mkdocs.yml`` by ``gialai.mkdocs.config``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .languages import Language


@dataclass(frozen=True)
class Category:
    """An article category: a key used in front matter, a folder, a name per language."""

    key: str
    folder: str
    names: Mapping[str, str]
    # Who the category speaks to ("visitors", "investors"): the home page adds a way in
    # labelled with the interface text audience_<audience>.
    audience: str = ""

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
    # Card slots are some 380 px wide (760 on a 2x phone): 400 and 720 fit them.
    image_widths: tuple[int, ...] = (400, 720, 960, 1600)
    strings_dir: str = "locales"
    max_article_bytes: int = 1_000_000
    idle_seconds: int = 90
    countdown_seconds: int = 10
    kiosk_public_url: str = ""
    kiosk_languages: tuple[str, ...] = ()  # the kiosk start screen's first languages
    search: bool = True
    edition: str = "web"
    site_names: Mapping[str, str] = field(default_factory=dict)
    embed_hosts: tuple[str, ...] = ()
    # extra.gialai.brochures as written; gialai.brochure checks them against the content.
    brochures: Any = ()
    copyrights: Mapping[str, str] = field(default_factory=dict)  # the footer's line per language

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

    @property
    def kiosk_order(self) -> list[Language]:
        """The languages in the order of the kiosk's start screen."""
        first = [self.language(code) for code in self.kiosk_languages]
        return first + [language for language in self.languages if language not in first]

    def site_name_for(self, lang: str) -> str:
        return self.site_names.get(lang) or self.site_name

    def copyright_for(self, lang: str) -> str:
        return self.copyrights.get(lang) or self.copyrights.get(self.default_language.code, "")


def load_settings(config_file: Path | str = "mkdocs.yml") -> Settings:
    """Load ``mkdocs.yml`` (and anything it inherits) into settings."""
    from .mkdocs.config import load_settings as load

    return load(config_file)
