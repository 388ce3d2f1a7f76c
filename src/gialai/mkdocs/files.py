"""MkDocs files of the page plan: which source files are built, and the generated pages.

The only module that knows MkDocs' ``File`` and the attributes static-i18n reads on it.
"""

from __future__ import annotations

import functools
import json
import os
from types import SimpleNamespace
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link

from ..catalog import Catalog
from ..listings import ARCHIVE_PATH
from ..pages import SHARED_LISTINGS, PageSpec
from ..settings import Settings

# Material's scripts and search are not used (see overrides/main.html); source maps are
# for Material's developers. None of them belongs in a site sent over 3G.
UNUSED_THEME_FILES = (
    "assets/javascripts/bundle.",
    "assets/javascripts/lunr/",
    "assets/javascripts/workers/",
)
# The kiosk's on-screen keyboard (overrides/assets/kiosk/): the web edition never loads it.
KIOSK_ONLY_FILES = "assets/kiosk/"


def select_sources(files: Files, catalog: Catalog, only: str | None = None) -> Files:
    """Keep the source files that this build publishes (before static-i18n picks languages).

    Dropping a draft translation here lets static-i18n fall back to the Vietnamese text;
    dropping an unpublished source removes the article from every language. Originals of
    photos are dropped too: readers get resized variants instead. ``only``: the one
    language a process of a parallel build makes (with the default language, whose text
    fills untranslated pages).
    """
    settings = catalog.settings
    images_dir = settings.images_dir
    kept = []
    wanted = {only, settings.default_language.code} if only else set()
    for file in files:
        src = file.src_uri
        if src.startswith(f"{images_dir}/"):
            continue
        if src.startswith(UNUSED_THEME_FILES) or src.endswith(".map"):
            continue
        if src.startswith(KIOSK_ONLY_FILES) and settings.edition != "kiosk":
            continue
        if file.abs_src_path and file.src_dir and not _walked(file.abs_src_path, catalog):
            continue  # reached through a link to outside content/: never published
        if not file.is_documentation_page():
            kept.append(file)
            continue
        lang, _, rest = src.partition("/")
        if wanted and lang not in wanted:
            continue  # another language's process builds it
        if _publishes(catalog, lang, rest.removesuffix(".md")):
            kept.append(file)
    return Files(kept)


def _walked(path: str, catalog: Catalog) -> bool:
    """Whether a file is in a folder the catalog walked, without following links."""
    folder = os.path.dirname(path)
    if not folder.startswith(catalog.content_root):
        return True  # a theme file
    return folder in catalog.folders and not os.path.islink(path)


def _publishes(catalog: Catalog, lang: str, key: str) -> bool:
    """Whether the file of ``key`` in ``lang`` is what readers of this build get.

    Only files the catalog read and accepted are published: a broken file (in the
    preview), a file reached through a symbolic link, a draft or a scheduled article are
    not; a draft translation gives way to the Vietnamese text.
    """
    settings = catalog.settings
    if lang not in settings.language_codes:
        return False
    if key in catalog.sources:
        entry = catalog.entry(lang, key)
        return entry is not None and (lang == settings.default_language.code or not entry.fallback)
    page = catalog.pages.get(lang, {}).get(key)
    return page is not None and (catalog.preview or page.status != "draft")


def _attach_i18n(file: File, lang: str, path: str, alternates: dict[str, Any]) -> File:
    # static-i18n reads these attributes to build the language switcher of a page.
    file.locale = lang
    file.localization = lang
    file.locale_alternate_of = lang
    file.norm_src_uri = f"{path}index.md"
    file.alternates = {lang: file, **alternates}
    return file


def generated_file(config: Any, settings: Settings, spec: PageSpec) -> File:
    """The MkDocs file of a generated page, at its language's address."""
    prefix = settings.language(spec.lang).prefix
    content = f"---\ntitle: {json.dumps(spec.title, ensure_ascii=False)}\n---\n"
    file = File.generated(config, f"{spec.lang}/{spec.path}index.md", content=content)
    file.dest_uri = f"{prefix}{spec.path}index.html"
    alternates = {}
    if spec.kind in SHARED_LISTINGS and spec.page_number == 1 or spec.kind in ("home", "search"):
        for language in settings.languages:
            if language.code != spec.lang:
                url = f"{language.prefix}{spec.path}" or "./"
                alternates[language.code] = SimpleNamespace(url=url)
    if spec.listing is not None:
        # In a dirty preview rebuild, a listing is rebuilt only when one of its articles changed.
        sources = [entry.article.path for entry in spec.listing.entries]
        file.is_modified = functools.partial(_newer_than_output, sources, file)
    return _attach_i18n(file, spec.lang, spec.path, alternates)


def _newer_than_output(sources: list, file: File) -> bool:
    try:
        built = os.path.getmtime(file.abs_dest_path)
    except OSError:
        return True
    return any(os.path.getmtime(source) > built for source in sources)


def add_generated(files: Files, config: Any, settings: Settings, specs: list[PageSpec]) -> Files:
    """Add a file for every generated page of the plan (replacing a file at its place)."""
    for spec in specs:
        if not spec.generated:
            continue
        file = generated_file(config, settings, spec)
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(file)
    return files


def navigation_links(settings: Settings, lang: str, home: str, archive: str) -> list[Link]:
    """The short navigation of every page: home, categories, archive.

    MkDocs would list every page in every page: this keeps page size independent of the
    number of articles.
    """
    prefix = settings.language(lang).prefix
    links = [Link(home, prefix or "./")]
    links += [Link(cat.name(lang), f"{prefix}{cat.folder}/") for cat in settings.categories]
    links.append(Link(archive, f"{prefix}{ARCHIVE_PATH}"))
    return links
