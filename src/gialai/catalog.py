"""The catalog: every article and page of every language, checked together.

Checks that need more than one file live here: duplicate slugs, translations without a
source, missing photos, links to drafts. All problems are collected, then raised once.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import pickle
import posixpath
from collections.abc import Container
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .articles import Article, Cover, parse_article
from .problems import Problem
from .settings import Settings
from .text import SLUG_MAX

DRAFT = "draft"
SCHEDULED = "scheduled"
PUBLISHED = "published"


@dataclass
class Entry:
    """An article or page as it appears in one language of the site."""

    article: Article
    lang: str
    source: Article
    state: str = PUBLISHED
    fallback: bool = False

    @property
    def key(self) -> str:
        return self.article.key

    @property
    def translated(self) -> bool:
        return not self.fallback


@dataclass
class Catalog:
    """All content of a project, resolved per language, with the build date it was made for."""

    settings: Settings
    build_date: dt.date
    preview: bool
    sources: dict[str, Article] = field(default_factory=dict)
    translations: dict[str, dict[str, Article]] = field(default_factory=dict)
    pages: dict[str, dict[str, Article]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    orphans: dict[str, list[Article]] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)  # content folders walked, links excluded
    content_root: str = ""
    redirects: dict[str, str] = field(default_factory=dict)  # old key -> new key
    _entries: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _index: dict[str, dict] = field(default_factory=dict, repr=False)
    _lists: dict[str, list[Entry]] = field(default_factory=dict, repr=False)

    def state_of(self, article: Article) -> str:
        """published, draft or scheduled, on this catalog's build date."""
        if article.status == DRAFT:
            return DRAFT
        when = article.publish_date
        if when is not None and when > self.build_date:
            return SCHEDULED
        return PUBLISHED

    def visible(self, state: str) -> bool:
        return state == PUBLISHED or self.preview

    def entry(self, lang: str, key: str) -> Entry | None:
        """The article ``key`` as readers of ``lang`` get it, or None if it is not built."""
        source = self.sources.get(key)
        if source is None:
            return None
        state = self.state_of(source)
        if not self.visible(state):
            return None
        if lang == self.settings.default_language.code:
            return Entry(source, lang, source, state)
        translation = self.translations.get(lang, {}).get(key)
        if translation is not None:
            own = DRAFT if translation.status == DRAFT else state
            if self.visible(own):
                return Entry(translation, lang, source, own)
        return Entry(source, lang, source, state, fallback=True)

    def entries(self, lang: str) -> list[Entry]:
        """Every article built for ``lang`` (translations and fallbacks), newest first."""
        if lang not in self._entries:
            found = [self.entry(lang, key) for key in self.sources]
            entries = [entry for entry in found if entry is not None]
            entries.sort(key=lambda e: (e.source.date or dt.date.min, e.key), reverse=True)
            self._entries[lang] = entries
        return self._entries[lang]

    def listed(self, lang: str) -> list[Entry]:
        """Articles that appear in ``lang``'s listings: real translations only, newest first."""
        key = f"listed:{lang}"
        if key not in self._lists:
            self._lists[key] = [entry for entry in self.entries(lang) if entry.translated]
        return self._lists[key]

    def entry_for(self, lang: str, key: str) -> Entry | None:
        """Like ``entry``, from the cached list of the language."""
        return self._by_key(lang).get(key)

    def _by_key(self, lang: str) -> dict[str, Entry]:
        cache_key = f"by-key:{lang}"
        if cache_key not in self._index:
            self._index[cache_key] = {entry.key: entry for entry in self.entries(lang)}
        return self._index[cache_key]

    def translated_languages(self, key: str) -> list[str]:
        """Languages in which ``key`` is published in its own words (source included)."""
        return [
            lang.code
            for lang in self.settings.languages
            if (entry := self.entry(lang.code, key)) is not None and entry.translated
        ]


def _walk(content_dir: Path, folders: set[str]) -> tuple[list[Path], list[Path]]:
    """Markdown files in content/, and links to folders (which are never followed)."""
    paths, linked = [], []
    for root, dirs, names in os.walk(content_dir):
        folders.add(os.path.normpath(root))
        base = Path(root)
        for name in list(dirs):
            if (base / name).is_symlink():
                linked.append(base / name)
                dirs.remove(name)
            elif name.startswith((".", "_")):
                dirs.remove(name)
        paths += [base / n for n in names if n.endswith(".md") and not n.startswith((".", "_"))]
    return sorted(paths), sorted(linked)


class _ParseCache:
    """Parsed files by path, reused while a file's size and time stamp stay the same.

    Every build process reads all content; this saves parsing it again each time.
    """

    VERSION = 1
    # Rewriting the cache costs about 0.1 s at 3,000 articles; parsing a file about 1 ms.
    # After an edit or two (the preview) the new results are not written: they are parsed
    # again next time, which is quicker.
    SAVE_AFTER = 20

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, tuple] = {}
        self.parsed = 0
        if file is not None and file.exists():
            try:
                with file.open("rb") as handle:
                    version, entries = pickle.load(handle)
                if version == (self.VERSION, _code_stamp()):
                    self.entries = entries
            except (
                OSError,
                pickle.PickleError,
                EOFError,
                ValueError,
                AttributeError,
                ImportError,
                TypeError,
            ):
                self.entries = {}

    def get(self, path: Path, arguments: tuple) -> tuple:
        try:
            stat = path.lstat()
        except OSError:
            return parse_article(*arguments)
        stamp = (stat.st_mtime_ns, stat.st_size, arguments[1:])
        cached = self.entries.get(str(path))
        if cached is not None and cached[0] == stamp:
            return cached[1]
        result = parse_article(*arguments)
        self.entries[str(path)] = (stamp, result)
        self.parsed += 1
        return result

    def save(self) -> None:
        if self.file is None or self.parsed == 0:
            return
        if self.parsed < self.SAVE_AFTER and self.file.exists():
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(((self.VERSION, _code_stamp()), self.entries), handle)
        os.replace(temporary, self.file)


def _code_stamp() -> str:
    """Changes when the parser changes, so a cache from older code is not used."""
    from . import articles, safety, schema

    parts = [Path(m.__file__).stat().st_mtime_ns for m in (articles, safety, schema)]
    return ":".join(map(str, parts))


def _inherit(translation: Article, source: Article) -> Article:
    cover = None
    if source.cover is not None:
        own = translation.raw_cover
        cover = Cover(
            image=source.cover.image,
            alt=own.get("alt") or source.cover.alt,
            caption=own.get("caption") or source.cover.caption,
            credit=own.get("credit") or source.cover.credit,
        )
    return replace(
        translation,
        date=source.date,
        publish=source.publish,
        category=source.category,
        byline=translation.byline or source.byline,
        source_name=translation.source_name or source.source_name,
        dateline=translation.dateline or source.dateline,
        cover=cover,
    )


def load_catalog(
    settings: Settings,
    build_date: dt.date | None = None,
    preview: bool = False,
    check_drafts: bool = False,
    cache_dir: Path | None = None,
) -> Catalog:
    """Read and check all content; the problems found are in ``catalog.problems``.

    Drafts may have empty fields and links to other drafts, unless ``check_drafts``.
    With ``cache_dir``, files unchanged since the last reading are not parsed again.
    """
    catalog = Catalog(settings, build_date or dt.date.today(), preview)
    content = settings.content_dir
    default = settings.default_language.code
    codes = set(settings.language_codes)
    problems = catalog.problems
    parsed: dict[str, dict[str, Article]] = {code: {} for code in codes}

    parses = _ParseCache(cache_dir / "articles.pickle" if cache_dir else None)
    catalog.content_root = os.path.normpath(content)
    paths, linked = _walk(content, catalog.folders)
    for folder in linked:
        problems.append(
            Problem(
                settings.relpath(folder),
                0,
                "",
                "this folder is a symbolic link; the site never follows links out of content/. "
                "Copy the files into content/ instead.",
            )
        )
    for path in paths:
        relative = path.relative_to(content)
        rel = settings.relpath(path)
        lang = relative.parts[0]
        if lang not in codes:
            if len(relative.parts) > 1 and relative.parts[0] != settings.images_dir:
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        f"'{lang}' is not a language of the site; languages are "
                        f"{', '.join(sorted(codes))} (see plugins: gialai-i18n: languages: "
                        "in mkdocs.yml).",
                    )
                )
            elif len(relative.parts) == 1:
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        f"articles go into a language folder, like content/{default}/.",
                    )
                )
            continue
        inner = relative.relative_to(lang)
        key = inner.with_suffix("").as_posix()
        folder = inner.parts[0] if len(inner.parts) > 1 else ""
        category = settings.category_for_folder(folder)
        kind = "article" if category is not None and len(inner.parts) == 2 else "page"
        if category is not None and inner.name == "index.md":
            kind = "page"
        arguments = (
            path,
            rel,
            lang,
            key,
            kind,
            lang == default,
            settings.max_article_bytes,
            settings.embed_hosts,
            check_drafts,
        )
        article, found = parses.get(path, arguments)
        problems.extend(found)
        if article is not None:
            parsed[lang][key] = article

    parses.save()

    for key, article in parsed[default].items():
        if article.kind == "page":
            catalog.pages.setdefault(default, {})[key] = article
            continue
        _check_source(article, settings, problems)
        _check_dates(article, catalog.build_date, problems)
        catalog.sources[key] = article
    _check_duplicate_slugs(catalog.sources.values(), problems)

    for lang in settings.language_codes:
        if lang == default:
            continue
        for key, article in parsed[lang].items():
            if article.kind == "page":
                catalog.pages.setdefault(lang, {})[key] = article
                continue
            source = catalog.sources.get(key)
            if source is None:
                if (content / default / f"{key}.md").exists():
                    continue  # the source has problems of its own, already reported
                catalog.orphans.setdefault(lang, []).append(article)
                problems.append(
                    Problem(
                        article.rel,
                        0,
                        "",
                        f"this translation has no Vietnamese source "
                        f"{settings.relpath(content / default / (key + '.md'))}; give it the "
                        "same folder and file name as its source, or delete it.",
                    )
                )
                continue
            catalog.translations.setdefault(lang, {})[key] = _inherit(article, source)

    _check_links(catalog, problems, check_drafts)
    _check_images(catalog, problems)
    # Imported here: redirects.py imports listings.py, which imports this module.
    from .redirects import read_redirects

    catalog.redirects = read_redirects(catalog, problems)
    return catalog


def latest_date(today: dt.date) -> dt.date:
    """The furthest day an article may be dated or scheduled for: a year from ``today``."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


def scheduled(catalog: Catalog) -> list[Article]:
    """Published articles that wait for a later day, soonest first."""
    waiting = [a for a in catalog.sources.values() if catalog.state_of(a) == SCHEDULED]
    return sorted(waiting, key=lambda a: (a.publish_date or dt.date.max, a.key))


def _check_dates(article: Article, today: dt.date, problems: list[Problem]) -> None:
    """A day more than a year ahead is a typo (2205 for 2025): the article would never show."""
    limit = latest_date(today)
    for name in ("date", "publish"):
        value = getattr(article, name)
        if value is None or value <= limit:
            continue
        try:
            example = value.replace(year=today.year)
        except ValueError:  # 29 February
            example = value.replace(year=today.year, day=28)
        problems.append(
            Problem(
                article.rel,
                article.line_of(name),
                name,
                f"'{value.isoformat()}' is more than a year ahead, so the article would stay "
                f"hidden until then; check the year, like {example.isoformat()}.",
            )
        )


def _check_source(article: Article, settings: Settings, problems: list[Problem]) -> None:
    category = settings.category(article.category)
    if category is None:
        known = ", ".join(cat.key for cat in settings.categories)
        problems.append(
            Problem(
                article.rel,
                article.line_of("category"),
                "category",
                f"'{article.category}' is not a category; use one of {known} "
                "(officers can add one under extra.gialai.categories in mkdocs.yml).",
            )
        )
    elif category.folder != article.folder:
        problems.append(
            Problem(
                article.rel,
                article.line_of("category"),
                "category",
                f"'{article.category}' articles live in "
                f"content/{article.lang}/{category.folder}/; move the file there or change "
                "the category.",
            )
        )
    if article.cover is not None:
        image = settings.images_path / article.cover.image
        inside = _image_inside(str(image), str(settings.images_path))
        if not inside:
            problems.append(
                Problem(
                    article.rel,
                    article.line_of("cover.image"),
                    "cover.image",
                    f"'{article.cover.image}' points outside content/{settings.images_dir}/; "
                    "put the photo in that folder and write its file name.",
                )
            )
        elif not image.is_file():
            problems.append(
                Problem(
                    article.rel,
                    article.line_of("cover.image"),
                    "cover.image",
                    f"'{article.cover.image}' does not exist in content/{settings.images_dir}/; "
                    "check the file name or add the photo there.",
                )
            )


@functools.lru_cache(maxsize=4096)
def _image_inside(image: str, folder: str) -> bool:
    """Whether a photo path stays in the photo folder (links and '..' resolved once)."""
    return _is_inside(Path(image), Path(folder))


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def free_slug(slug: str, taken: Container[str]) -> str:
    """The first of slug-2, slug-3, … not in ``taken``, within the length of a slug."""
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = slug[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1


def _check_duplicate_slugs(sources, problems: list[Problem]) -> None:
    by_slug: dict[str, list[Article]] = {}
    for article in sources:
        by_slug.setdefault(article.slug, []).append(article)
    for slug, articles in by_slug.items():
        if len(articles) < 2:
            continue
        example = free_slug(slug, by_slug)
        for article in articles:
            others = ", ".join(
                f"{other.rel}:{other.line_of('title')}"
                for other in articles
                if other is not article
            )
            problems.append(
                Problem(
                    article.rel,
                    article.line_of("title"),
                    "",
                    f"the slug '{slug}' is also used by {others}; give one of them another "
                    f"file name, like {example}.md.",
                )
            )


def _check_links(catalog: Catalog, problems: list[Problem], check_drafts: bool = False) -> None:
    """Links between articles: the target must exist and be public when the link is."""
    settings = catalog.settings
    content = settings.content_dir
    default = settings.default_language.code
    documents: list[Article] = list(catalog.sources.values())
    for by_key in catalog.translations.values():
        documents.extend(by_key.values())
    for by_key in catalog.pages.values():
        documents.extend(by_key.values())
    for article in documents:
        if article.status == DRAFT and not check_drafts:
            continue
        for link in article.links:
            parts = urlsplit(link.target)
            if parts.scheme or parts.netloc or link.target.startswith(("#", "mailto:", "/")):
                continue
            target = posixpath.normpath(
                posixpath.join(
                    posixpath.dirname(f"{article.lang}/{article.key}"), unquote(parts.path)
                )
            )
            if target.startswith("../") or target == "..":
                problems.append(
                    Problem(
                        article.rel,
                        link.line,
                        "",
                        f"the link '{link.target}' points outside content/; link only to "
                        "files inside it.",
                    )
                )
                continue
            if not target.endswith(".md"):
                if (
                    not (content / target).exists()
                    and not (content / default / target.split("/", 1)[-1]).exists()
                    and not (content / target.split("/", 1)[-1]).exists()
                ):
                    what = "image" if link.is_image else "file"
                    problems.append(
                        Problem(
                            article.rel,
                            link.line,
                            "",
                            f"the {what} '{link.target}' does not exist; check the path.",
                        )
                    )
                continue
            lang, _, key = target.partition("/")
            key = key.removesuffix(".md")
            source = catalog.sources.get(key)
            if source is None:
                exists = (content / target).exists() or (content / default / f"{key}.md").exists()
                if lang in catalog.pages and key in catalog.pages[lang]:
                    continue
                if key in catalog.pages.get(default, {}):
                    continue
                if not exists:
                    problems.append(
                        Problem(
                            article.rel,
                            link.line,
                            "",
                            f"the link '{link.target}' leads to no article; check the file name.",
                        )
                    )
                continue
            state = catalog.state_of(source)
            if state == DRAFT and catalog.state_of(article) != DRAFT:
                problems.append(
                    Problem(
                        article.rel,
                        link.line,
                        "",
                        f"links to '{link.target}', which is a draft; remove the link or "
                        "publish that article first.",
                    )
                )
            elif state == SCHEDULED and (
                article.publish_date is None
                or (source.publish_date and source.publish_date > article.publish_date)
            ):
                problems.append(
                    Problem(
                        article.rel,
                        link.line,
                        "",
                        f"links to '{link.target}', which is scheduled for "
                        f"{source.publish_date}; the link would be broken until then.",
                    )
                )


def _check_images(catalog: Catalog, problems: list[Problem]) -> None:
    """Every photo must be a picture the site can resize (a renamed HEIC is not)."""
    from PIL import Image, UnidentifiedImageError

    folder = catalog.settings.images_path
    readable: dict[Path, bool] = {}
    for article in catalog.sources.values():
        if article.cover is None:
            continue
        image = folder / article.cover.image
        if image not in readable:
            if not (image.is_file() and _image_inside(str(image), str(folder))):
                continue  # missing or outside the folder: _check_source says so
            try:
                with Image.open(image) as opened:
                    opened.verify()
                readable[image] = True
            except (UnidentifiedImageError, OSError, SyntaxError):
                readable[image] = False
        if not readable[image]:
            problems.append(
                Problem(
                    article.rel,
                    article.line_of("cover.image"),
                    "cover.image",
                    f"'{article.cover.image}' is not a JPEG, PNG or WebP picture the site can "
                    "read; export it again as JPEG.",
                )
            )
