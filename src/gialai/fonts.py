"""Fonts made when the site is built: a large font cut to the characters the site uses, and
the small fonts that draw each language's name in the language menu.

A script whose font is too large to ship whole (Chinese: Noto Sans SC holds 30,000 glyphs,
about 150 bytes each in WOFF2) is cut, once per site, to the characters of the built pages
of the languages written in it, plus their interface text. Those characters are split into
slices, each a WOFF2 file with its own ``unicode-range``, grouped by the pages that use
them: a browser downloads only the slices holding a character of the page it shows, so a
first visit costs about the page's own characters, not the whole site's. Bold gets the
characters the site sets in bold. The rules are added to the site's ``fonts.css``.

A device that already has a Chinese font downloads none of the slices: each rule names the
system fonts of the script first (``local()``), as every phone and desktop system that
reads Chinese ships one (Noto Sans CJK on Android and Linux, PingFang on Apple systems,
Microsoft YaHei on Windows). The slices serve a device without one, a kiosk for example.

The Khmer and Lao fonts are shipped whole (few devices have them, so their pages preload
them); the web edition cuts them to the letters of its pages too, one file per weight
(``SHIPPED_FONTS``), and the pages preload the cut.

Which font a language needs follows from its script (the language table), never its code.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pagecache import PageFacts
    from .site import Site

log = logging.getLogger("mkdocs.plugins.gialai.fonts")

# Where the generated rules go in the site's copy of assets/stylesheets/fonts.css.
CSS_PATH = "assets/stylesheets/fonts.css"
CSS_MARKER = "/* Fonts made when the site is built (gialai.fonts) follow. */"
FONTS_DIR = "assets/fonts"
CACHE_FOLDER = "fonts"
# Bump when the way fonts are cut changes, so that cached files are made again.
RECIPE = "2"

# What a slice costs a reader, measured on Noto Sans SC: about 150 bytes per Han glyph in
# WOFF2; a file costs about 1,000 bytes more (its tables and the response headers).
GLYPH_BYTES = 150
FILE_BYTES = 1000
# At most this many slices per weight: each touched slice is one more request.
MAX_SLICES = 24

# The characters a Han font draws: CJK radicals, symbols and punctuation, ideographs and
# their extensions, compatibility forms, full-width forms. Latin, digits and Western
# punctuation stay with Noto Sans.
HAN_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3190, 0x31EF),
    (0x3200, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3134F),
)

# Elements and classes the site's style sets in bold (h1–h6, strong, b, th and the classes
# of overrides/assets/stylesheets/gialai.css with font-weight: 700): the characters inside
# them go into the bold font. tests/unit/test_fonts.py keeps this list in step with the CSS.
BOLD_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "th"})
BOLD_CLASSES = frozenset(
    {
        # gialai.css
        "md-header__title",
        "gl-wordmark__name",
        "gl-notice__languages",
        "gl-tag--w3",
        "gl-tag--w4",
        "gl-way",
        "gl-article__kicker",
        "gl-article__lead",
        "gl-article__byline",
        "gl-notice__title",
        "gl-badge",
        "gl-tags__label",
        "gl-card__meta",
        "gl-card__title",
        "gl-more",
        "gl-pagination__link",
        "gl-share__label",
        "gl-state",
        "gl-search__title",
        "gl-search__meta",
        "gl-search__more",
        # kiosk.css
        "gl-kiosk-bar__button",
        "gl-idle__title",
        "gl-idle__continue",
        "gl-start__name",
        "gl-start__choose",
        "gl-pagination__page",
        "md-tabs__item--active",
        # The on-screen keyboard's keys are drawn by its script (no Chinese on them).
        "gl-keyboard",
        # Material's own bold text that this site's pages can show
        "md-header__topic",
        "md-nav__title",
        "md-button",
        "md-tag",
        "admonition-title",
    }
)
# The link to the language shown now is bold in the menu (gialai.css).
BOLD_ATTRIBUTES = (("aria-current", "true"),)
# Attributes holding language names for a script to show; it marks them with data-script,
# so that the names fonts draw them (search.js: the other languages that have results).
NAME_ATTRIBUTES = frozenset({"data-others"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


def in_ranges(char: str, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether the character's code point lies in one of the (first, last) ranges."""
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


@dataclass(frozen=True)
class CutFont:
    """A font cut at build time to the characters a script's pages use."""

    family: str
    stem: str  # file names: assets/fonts/<stem>-<weight>.<hash>.woff2
    sources: Mapping[int, str]  # weight -> file, relative to the project folder
    ranges: tuple[tuple[int, int], ...]
    # weight -> the full and PostScript names of the same kind of font on readers' devices,
    # tried before the site's slices (CSS local()).
    local: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    def draws(self, char: str) -> bool:
        """Whether this font, not the Latin one, draws the character."""
        return in_ranges(char, self.ranges)


@dataclass(frozen=True)
class NameFont:
    """The font that draws language names written in a script (the language menu)."""

    family: str
    source: str  # a file of the built site (assets/...) or of the project (fonts/...)
    in_site: bool


# By ISO 15924 script code, as the language table gives it.
CUT_FONTS: dict[str, CutFont] = {
    "Hans": CutFont(
        family="Noto Sans SC",
        stem="noto-sans-sc-subset",
        sources={400: "fonts/NotoSansSC-Regular.ttf", 700: "fonts/NotoSansSC-Bold.ttf"},
        ranges=HAN_RANGES,
        local={
            400: (
                "Noto Sans SC Regular",
                "NotoSansSC-Regular",
                "Noto Sans CJK SC",
                "Noto Sans CJK SC Regular",
                "NotoSansCJKsc-Regular",
                "Source Han Sans SC Regular",
                "SourceHanSansSC-Regular",
                "PingFang SC Regular",
                "PingFangSC-Regular",
                "Microsoft YaHei",
                "MicrosoftYaHei",
            ),
            700: (
                "Noto Sans SC Bold",
                "NotoSansSC-Bold",
                "Noto Sans CJK SC Bold",
                "NotoSansCJKsc-Bold",
                "Source Han Sans SC Bold",
                "SourceHanSansSC-Bold",
                "PingFang SC Semibold",
                "PingFangSC-Semibold",
                "Microsoft YaHei Bold",
                "MicrosoftYaHei-Bold",
            ),
        },
    ),
}
NAME_FONTS: dict[str, NameFont] = {
    "Khmr": NameFont(
        "Noto Sans Khmer", f"{FONTS_DIR}/noto-sans-khmer-khmer-400-normal.woff2", True
    ),
    "Laoo": NameFont("Noto Sans Lao", f"{FONTS_DIR}/noto-sans-lao-lao-400-normal.woff2", True),
    "Hans": NameFont("Noto Sans SC", "fonts/NotoSansSC-Regular.ttf", False),
}

# The shipped font files a page of a script asks for before its styles (<link rel=preload>):
# a reader's device seldom has a Khmer or Lao font, and text drawn first in a stand-in and
# then in Noto Sans Khmer jumps (layout shift). Latin text has stand-ins with matched
# metrics in fonts.css instead; Chinese uses the reader's own font first (local()) and
# slices cut per page, which a page cannot name before the site is built.
PRELOAD_FONTS: dict[str, tuple[str, ...]] = {
    "Khmr": (
        f"{FONTS_DIR}/noto-sans-khmer-khmer-400-normal.woff2",
        f"{FONTS_DIR}/noto-sans-khmer-khmer-700-normal.woff2",
    ),
    "Laoo": (
        f"{FONTS_DIR}/noto-sans-lao-lao-400-normal.woff2",
        f"{FONTS_DIR}/noto-sans-lao-lao-700-normal.woff2",
    ),
}


@dataclass(frozen=True)
class ShippedFont:
    """A font shipped whole with the site (overrides/assets/fonts) that the web edition cuts
    to the characters of its pages: the pages of its script preload it, so every reader of
    those pages downloads it, whether the page needs its every glyph or not."""

    family: str
    files: Mapping[int, str]  # weight -> the whole file, as the site holds and pages preload
    stem: str  # the cut's file names: assets/fonts/<stem>-<weight>.<hash>.woff2
    ranges: tuple[tuple[int, int], ...]
    local: Mapping[int, tuple[str, ...]]  # as in fonts.css: the reader's own font first

    def draws(self, char: str) -> bool:
        return in_ranges(char, self.ranges)


# The characters a cut keeps whatever the pages hold: the joiners and the dotted circle,
# which shaping itself may ask for (fonts.css gives them to these families).
SHAPING_CHARS = frozenset("\u200c\u200d\u25cc")
SHIPPED_FONTS: dict[str, ShippedFont] = {
    "Khmr": ShippedFont(
        family="Noto Sans Khmer",
        files=dict(zip((400, 700), PRELOAD_FONTS["Khmr"], strict=True)),
        stem="noto-sans-khmer-site",
        ranges=((0x1780, 0x17FF), (0x19E0, 0x19FF)),
        local={
            400: ("Noto Sans Khmer Regular", "NotoSansKhmer-Regular", "Noto Sans Khmer"),
            700: ("Noto Sans Khmer Bold", "NotoSansKhmer-Bold"),
        },
    ),
    "Laoo": ShippedFont(
        family="Noto Sans Lao",
        files=dict(zip((400, 700), PRELOAD_FONTS["Laoo"], strict=True)),
        stem="noto-sans-lao-site",
        ranges=((0x0E81, 0x0EDF),),
        local={
            400: ("Noto Sans Lao Regular", "NotoSansLao-Regular", "Noto Sans Lao"),
            700: ("Noto Sans Lao Bold", "NotoSansLao-Bold"),
        },
    ),
}


# --- the characters of a page ------------------------------------------------------------


class _Characters(HTMLParser):
    """Every character a reader can be shown: text and attribute values (alt text, the
    search messages the script shows), not scripts or styles; and which of them are bold.
    ``skip_names``: leave out the language names too (elements with ``data-script``), which
    the small names fonts draw."""

    def __init__(self, skip_names: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.all: set[str] = set()
        self.bold: set[str] = set()
        self.stack: list[tuple[str, bool, bool]] = []  # tag, bold, hides its text
        self.hidden = 0
        self.skip_names = skip_names

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        fields = dict(attrs)
        hides = tag in ("script", "style") or (self.skip_names and "data-script" in fields)
        if not (self.hidden or hides):
            for name, value in attrs:
                if value and not (self.skip_names and name in NAME_ATTRIBUTES):
                    self.all.update(value)
        if tag in _VOID:
            return
        classes = set((fields.get("class") or "").split())
        bold = (
            tag in BOLD_TAGS
            or bool(classes & BOLD_CLASSES)
            or any(fields.get(name) == value for name, value in BOLD_ATTRIBUTES)
            or (bool(self.stack) and self.stack[-1][1])
        )
        self.stack.append((tag, bold, hides))
        if hides:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching element; stray end tags are ignored.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                self.hidden -= sum(1 for entry in self.stack[index:] if entry[2])
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.all.update(data)
        if self.stack and self.stack[-1][1]:
            self.bold.update(data)


def page_characters(html: str) -> tuple[frozenset[str], frozenset[str]]:
    """The characters of a page, and those of them it shows in bold."""
    parser = _Characters()
    parser.feed(html)
    parser.close()
    return frozenset(parser.all), frozenset(parser.bold)


# The language names of a page (an element of text alone marked with data-script, and the
# attributes of NAME_ATTRIBUTES), taken out before a quick look for a cut font's characters.
_NAME_ELEMENT = re.compile(r"<(span|a)\b[^<>]*\sdata-script=[^<>]*>[^<]*</\1>")
_NAME_VALUE = re.compile(r"\s(?:" + "|".join(sorted(NAME_ATTRIBUTES)) + r")=\"[^\"]*\"")


def shows_cut_fonts(html: str) -> set[str]:
    """The families of ``CUT_FONTS`` that draw some character of a page, the language names
    of its menu aside (their own small fonts draw those)."""
    # Most pages hold no character of a cut font outside the names: a look at the page's
    # characters tells, without parsing it (a third of the time of finishing a site).
    rest = set(_NAME_VALUE.sub("", _NAME_ELEMENT.sub("", html)))
    if not any(font.draws(char) for font in CUT_FONTS.values() for char in rest):
        return set()
    parser = _Characters(skip_names=True)
    parser.feed(html)
    parser.close()
    return {
        font.family for font in CUT_FONTS.values() if any(font.draws(char) for char in parser.all)
    }


# --- slices --------------------------------------------------------------------------------


def plan_slices(
    pages: Sequence[Iterable[str]],
    extra: Iterable[str] = (),
    glyph_bytes: int = GLYPH_BYTES,
    file_bytes: int = FILE_BYTES,
    most: int = MAX_SLICES,
) -> list[frozenset[str]]:
    """Split the characters of ``pages`` (and ``extra``, of pages that need no such care)
    into slices, so that each page downloads little more than its own characters, in few
    files.

    Characters used by exactly the same pages start in one group; then the smallest group
    is merged into the group that costs the readers of all pages least (bytes they would
    download in vain, minus the files they no longer fetch), as long as that saves bytes
    or there are more than ``most`` groups.
    """
    masks: dict[str, int] = {}
    for index, chars in enumerate(pages):
        bit = 1 << index
        for char in chars:
            masks[char] = masks.get(char, 0) | bit
    for char in extra:
        masks.setdefault(char, 0)
    groups: dict[int, set[str]] = {}
    for char, mask in masks.items():
        groups.setdefault(mask, set()).add(char)
    # (mask, characters) with a stable order: the result does not depend on set order.
    items = sorted(((mask, chars) for mask, chars in groups.items()), key=_order)
    final: set[int] = set()
    while True:
        open_items = [item for item in items if item[0] not in final]
        if not open_items or len(items) == 1:
            break
        small = min(open_items, key=lambda item: (len(item[1]), _order(item)))
        best, best_cost = None, None
        for other in items:
            if other is small:
                continue
            cost = _merge_cost(small, other, glyph_bytes, file_bytes)
            if best_cost is None or cost < best_cost:
                best, best_cost = other, cost
        assert best is not None and best_cost is not None
        if best_cost < 0 or len(items) > most:
            items.remove(small)
            items.remove(best)
            merged = (small[0] | best[0], small[1] | best[1])
            final.discard(best[0])
            # Two groups may end with the same pages: keep one.
            same = next((item for item in items if item[0] == merged[0]), None)
            if same is not None:
                items.remove(same)
                merged = (merged[0], merged[1] | same[1])
            items.append(merged)
            items.sort(key=_order)
        else:
            final.add(small[0])
    return [frozenset(chars) for _mask, chars in items]


def _order(item: tuple[int, set[str]]) -> tuple[int, str]:
    return (item[0], min(item[1]) if item[1] else "")


def _merge_cost(a: tuple[int, set[str]], b: tuple[int, set[str]], glyph: int, file: int) -> int:
    """Bytes all readers together download more (less, if negative) once a and b are one."""
    only_a = (a[0] & ~b[0]).bit_count()
    only_b = (b[0] & ~a[0]).bit_count()
    both = (a[0] & b[0]).bit_count()
    return only_a * len(b[1]) * glyph + only_b * len(a[1]) * glyph - both * file


def unicode_range(chars: Iterable[str]) -> str:
    """A CSS unicode-range for exactly these characters, runs written as ranges."""
    codes = sorted({ord(char) for char in chars})
    parts = []
    start = previous = None
    for code in [*codes, None]:
        if start is not None and code is not None and code == previous + 1:
            previous = code
            continue
        if start is not None:
            parts.append(f"U+{start:X}" if start == previous else f"U+{start:X}-{previous:X}")
        start = previous = code
    return ", ".join(parts)


# --- cutting fonts -------------------------------------------------------------------------


class FontCutter:
    """Cuts fonts with fontTools, keeping every result in the store (named by its inputs)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir / CACHE_FOLDER if cache_dir else None
        self._narrowed: dict[tuple[Path, frozenset[str]], bytes] = {}

    def cut(
        self, source: Path, chars: Iterable[str], narrow_to: frozenset[str] = frozenset()
    ) -> bytes:
        """A WOFF2 font with the glyphs of ``chars`` (and what they need: ligatures,
        vertical forms) from ``source``. ``narrow_to``: the characters of every cut that
        follows from this source; the source is cut to them once, first, which makes each
        slice quick (a whole CJK font takes seconds to cut)."""
        text = "".join(sorted(set(chars)))
        key = hashlib.sha256(f"{RECIPE}\0{_digest(source)}\0{text}".encode()).hexdigest()[:20]
        cached = self.cache_dir / f"{key}.woff2" if self.cache_dir else None
        if cached is not None and cached.is_file():
            return cached.read_bytes()
        data = self._subset(self._source(source, narrow_to), text, "woff2")
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            # A name of this process's own: builds sharing a store may cut the same slice at
            # once (and write the same bytes: a cut keeps the source's timestamp).
            partial = cached.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(data)
            partial.replace(cached)
        return data

    def _source(self, source: Path, narrow_to: frozenset[str]) -> bytes:
        if not narrow_to:
            return source.read_bytes()
        key = (source, narrow_to)
        if key not in self._narrowed:
            self._narrowed[key] = self._subset(source.read_bytes(), "".join(narrow_to), None)
        return self._narrowed[key]

    @staticmethod
    def _subset(data: bytes, text: str, flavor: str | None) -> bytes:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        options = subset.Options()
        options.flavor = flavor
        options.layout_features = ["*"]  # punctuation forms, vertical text, ligatures
        options.hinting = False  # screens this site is read on do not need TrueType hints
        # Keep the names that carry the copyright and the licence (the OFL asks for them).
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
        options.notdef_outline = True
        # The source's own timestamp, not the time of the cut: the same cut gives the same
        # bytes, so a page names the same font file whichever build cut it.
        font = TTFont(io.BytesIO(data), lazy=True, recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = io.BytesIO()
        font.flavor = flavor
        font.save(out)
        return out.getvalue()


_DIGESTS: dict[Path, str] = {}


def _digest(path: Path) -> str:
    """The content hash of a source font (read once per process)."""
    if path not in _DIGESTS:
        _DIGESTS[path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _DIGESTS[path]


# --- the site --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontFile:
    """A font file written into the site and the CSS rule that declares it."""

    path: str  # relative to the site folder
    family: str
    weight: str
    chars: frozenset[str]
    local: tuple[str, ...] = ()  # fonts of the reader's device tried first
    replaces: str = ""  # the shipped file that pages preload, which this cut stands for

    def rule(self) -> str:
        sources = [f'local("{name}")' for name in self.local]
        sources.append(f'url("../fonts/{Path(self.path).name}") format("woff2")')
        return (
            "@font-face {\n"
            f'  font-family: "{self.family}";\n'
            "  font-style: normal;\n"
            f"  font-weight: {self.weight};\n"
            "  font-display: swap;\n"
            f"  src: {', '.join(sources)};\n"
            f"  unicode-range: {unicode_range(self.chars)};\n"
            "}\n"
        )


def language_pages(site_dir: Path, prefix: str, other_prefixes: Iterable[str]) -> list[Path]:
    """The built HTML pages of one language: its folder, without other languages' folders."""
    root = site_dir / prefix if prefix else site_dir
    others = {p.strip("/") for p in other_prefixes if p}
    pages = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(site_dir).parts
        if not prefix and rel[0] in others:
            continue
        pages.append(path)
    return pages


def write_fonts(
    site: Site,
    site_dir: Path,
    digests: Mapping[str, str] | None = None,
    facts: PageFacts | None = None,
    letters: PageFacts | None = None,
) -> list[FontFile]:
    """Cut the fonts of the site's scripts and add their rules to its fonts.css.

    ``digests`` (site path -> digest of the page as written) with ``facts`` and ``letters``:
    the characters (and the Khmer and Lao letters) of a page read once are not read again.
    """
    digests = digests or {}
    settings = site.settings
    cutter = FontCutter(site.store_dir)
    files: list[FontFile] = []
    prefixes = [lang.prefix for lang in settings.languages]
    for script, font in CUT_FONTS.items():
        languages = [lang for lang in settings.languages if lang.script == script]
        if not languages:
            continue
        # The articles, the home page and the first page of each listing (one folder deep:
        # categories, tags, archive, search) are the pages a first visit must stay light
        # for: slices follow their characters. Planned for articles alone, the home page,
        # which shows a little of many articles, touched nearly every slice (150 KB on the
        # sample site; 77 KB with it, for 3% more on an article). Other pages (later listing
        # pages, tag pages, fallbacks in Vietnamese, the 404 page) and the interface text
        # shown by scripts add slices of their own.
        regular: list[frozenset[str]] = []
        bold: list[frozenset[str]] = []
        rest: dict[int, set[str]] = {400: set(), 700: set()}
        for language in languages:
            articles = {
                site_dir / language.prefix / entry.key / "index.html"
                for entry in site.catalog.entries(language.code)
                if entry.translated
            }
            others = [p for p in prefixes if p != language.prefix]
            root = site_dir / language.prefix
            for page in language_pages(site_dir, language.prefix, others):

                def read(page: Path = page) -> tuple[frozenset[str], ...]:
                    return page_characters(page.read_text(encoding="utf-8"))

                written = digests.get(page.relative_to(site_dir).as_posix())
                chars, bold_chars = facts.get(written, read) if facts is not None else read()
                chars = frozenset(filter(font.draws, chars))
                bold_chars = frozenset(filter(font.draws, bold_chars))
                first_pages = page.name == "index.html" and len(page.relative_to(root).parts) <= 2
                if page in articles or first_pages:
                    regular.append(chars)
                    bold.append(bold_chars)
                else:
                    rest[400].update(chars)
                    rest[700].update(bold_chars)
            # The interface text, in both weights: pages outside the language's folder show
            # it too, in bold as well (the kiosk's start screen asks 请选择语言 in bold).
            texts = "".join(site.strings[language.code].values.values())
            for weight in rest:
                rest[weight].update(filter(font.draws, texts))
        for weight, pages, more in ((400, regular, rest[400]), (700, bold, rest[700])):
            source = settings.project_dir / font.sources[weight]
            slices = plan_slices(pages, more)
            every = frozenset().union(*slices) if slices else frozenset()
            for chars in slices:
                if not chars:
                    continue
                data = cutter.cut(source, chars, narrow_to=every)
                digest = hashlib.sha256(data).hexdigest()[:10]
                path = f"{FONTS_DIR}/{font.stem}-{weight}.{digest}.woff2"
                _write(site_dir / path, data)
                files.append(
                    FontFile(path, font.family, str(weight), chars, font.local.get(weight, ()))
                )
    files.extend(_name_fonts(site, site_dir, cutter))
    if site.options.edition == "web":
        files.extend(_cut_shipped_fonts(site, site_dir, cutter, digests, letters))
    _remove_stale(site_dir, {file.path for file in files})
    _write_css(site_dir, files, name_scripts(settings.languages))
    return files


def name_scripts(languages: Iterable) -> dict[str, str]:
    """Script -> the names font family, for the scripts of the site's language names."""
    return {
        lang.script: f"{NAME_FONTS[lang.script].family} Names"
        for lang in languages
        if lang.script in NAME_FONTS
    }


def _name_fonts(site: Site, site_dir: Path, cutter: FontCutter) -> list[FontFile]:
    """One small font per script drawing the language names written in it: the menu shows
    every name on every page, and a whole font for one word would weigh more than the page."""
    by_script: dict[str, set[str]] = {}
    for language in site.settings.languages:
        if language.script in NAME_FONTS:
            by_script.setdefault(language.script, set()).update(language.name)
    files = []
    for script, chars in sorted(by_script.items()):
        font = NAME_FONTS[script]
        base = site_dir if font.in_site else site.settings.project_dir
        chars = {char for char in chars if not char.isspace()}
        data = cutter.cut(base / font.source, chars)
        digest = hashlib.sha256(data).hexdigest()[:10]
        stem = font.family.lower().replace(" ", "-")
        path = f"{FONTS_DIR}/{stem}-names.{digest}.woff2"
        _write(site_dir / path, data)
        # The current language is bold in the menu: one file serves both weights.
        files.append(FontFile(path, f"{font.family} Names", "400 700", frozenset(chars)))
    return files


def _cut_shipped_fonts(
    site: Site,
    site_dir: Path,
    cutter: FontCutter,
    digests: Mapping[str, str],
    letters: PageFacts | None,
) -> list[FontFile]:
    """The shipped Khmer and Lao fonts cut to the letters of the built site (a third
    lighter for Khmer), for the web edition: the pages preload the cut instead.

    The letters are those of every page of the languages written in the script, as written
    (scripts and markup included, which can only add a few), every language's name and
    interface text, and the characters shaping asks for. The whole font stays, declared
    first in fonts.css: a letter the cut lacks (one a reader types into the search box, a
    Khmer word quoted in a Vietnamese article) is drawn by it. The kiosk keeps the whole
    fonts: its keyboard types every letter of the script.
    """
    scripts = {lang.script for lang in site.settings.languages} & set(SHIPPED_FONTS)
    fonts = [SHIPPED_FONTS[script] for script in sorted(scripts)]
    if not fonts:
        return []

    def shipped(chars: Iterable[str]) -> frozenset[str]:
        return frozenset(c for c in chars if any(font.draws(c) for font in fonts))

    seen: set[str] = set()
    prefixes = [lang.prefix for lang in site.settings.languages]
    for language in site.settings.languages:
        seen.update(language.name)
        if language.script not in scripts:
            continue
        others = [p for p in prefixes if p != language.prefix]
        for page in language_pages(site_dir, language.prefix, others):

            def read(page: Path = page) -> tuple[frozenset[str], ...]:
                return (shipped(set(page.read_text(encoding="utf-8"))),)

            written = digests.get(page.relative_to(site_dir).as_posix())
            found = letters.get(written, read) if letters is not None else read()
            seen.update(found[0])
    for strings in site.strings.values():
        for text in strings.values.values():
            seen.update(text)
    files = []
    for font in fonts:
        chars = frozenset(filter(font.draws, seen)) | SHAPING_CHARS
        for weight, whole in sorted(font.files.items()):
            data = cutter.cut(site_dir / whole, chars)
            digest = hashlib.sha256(data).hexdigest()[:10]
            path = f"{FONTS_DIR}/{font.stem}-{weight}.{digest}.woff2"
            _write(site_dir / path, data)
            files.append(FontFile(path, font.family, str(weight), chars, font.local[weight], whole))
    return files


def _write(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


_MADE = re.compile(r".+(?:-subset-\d+|-names|-site-\d+)\.[0-9a-f]{10}\.woff2")


def _remove_stale(site_dir: Path, keep: set[str]) -> None:
    """Files of an earlier build that this one replaced (the preview builds in place)."""
    folder = site_dir / FONTS_DIR
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        rel = f"{FONTS_DIR}/{path.name}"
        if _MADE.fullmatch(path.name) and rel not in keep:
            path.unlink()


def _write_css(site_dir: Path, files: Sequence[FontFile], scripts: Mapping[str, str]) -> None:
    css_file = site_dir / CSS_PATH
    css = css_file.read_text(encoding="utf-8")
    if CSS_MARKER not in css:
        raise ValueError(f"{CSS_PATH} has lost the line {CSS_MARKER!r}: the fonts need it.")
    head = css.split(CSS_MARKER, 1)[0]
    rules = [file.rule() for file in files]
    for script, family in sorted(scripts.items()):
        selector = f'[data-script="{script}"]'
        # Wherever a language is named in its own words: the menu, the search's other
        # languages, a fallback page's list of translations.
        rules.append(
            f".gl-lang {selector}, .gl-search__elsewhere {selector}, "
            f".gl-notice__languages {selector} {{\n"
            f'  font-family: "{family}", var(--md-text-font-family);\n'
            "}\n"
        )
    css_file.write_text(head + CSS_MARKER + "\n" + "".join(rules), encoding="utf-8")
