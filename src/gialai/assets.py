"""Content-hashed names for the site's own styles and scripts, so they can be cached a year.

MkDocs copies ``overrides/assets/`` as it is, and ``fonts.css`` is only complete once the
fonts are cut after the last page is built. So the names are given at the end of a build:
each file is copied to ``<name>.<hash>.<ext>`` (the original stays, for pages an old cache
still holds) and every page's references are rewritten. ``deploy/nginx-web.conf`` sends
names with a hash as immutable for a year.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pagecache import PageFacts
    from .sitestate import Previous

import rcssmin

from .fonts import CUT_FONTS, shows_cut_fonts

# The site's own files that pages name; Material's bundles already carry a hash.
HASHED = (
    "assets/stylesheets/fonts.css",
    "assets/stylesheets/gialai.css",
    "assets/stylesheets/kiosk.css",
    "assets/javascripts/gialai.js",
    "assets/javascripts/search.js",
    "assets/javascripts/kiosk.js",
    # The department's mark in the drawer and the tab's icon: cached a year like the rest.
    "assets/images/logo.svg",
    "assets/images/favicon.svg",
)
DIGEST_LENGTH = 10
# Material's bundles: the site shows a small part of what they style (no Material script, no
# table of contents, one palette), so the build writes a copy holding only the rules whose
# classes its pages use.
THEME_CSS = re.compile(r"assets/stylesheets/(?:main|palette)\.[0-9a-f]{8}\.min\.css")


def hashed_name(path: str, data: bytes) -> str:
    """``assets/stylesheets/gialai.css`` -> ``assets/stylesheets/gialai.<10 hex>.css``."""
    digest = hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]
    stem, ext = os.path.splitext(path)
    return f"{stem}.{digest}{ext}"


def write_hashed_assets(site_dir: Path, paths: Iterable[str] = HASHED) -> dict[str, str]:
    """Copy each asset to its hashed name; returns {original path: hashed path}."""
    names = {}
    for path in paths:
        source = site_dir / path
        if not source.is_file():
            continue
        data = source.read_bytes()
        target = hashed_name(path, data)
        out = site_dir / target
        if not out.is_file() or out.read_bytes() != data:
            out.write_bytes(data)
        names[path] = target
    return names


def rewrite_page(text: str, names: dict[str, str]) -> str:
    """A page's references to the assets, by their hashed names.

    References end in a quote (``href="../assets/stylesheets/gialai.css"``): a name is
    replaced only whole, so a page already rewritten stays as it is.
    """
    for path, target in names.items():
        for quote in ('"', "'"):
            text = text.replace(f"{path}{quote}", f"{target}{quote}")
    return text


# --- trimming the theme's styles -----------------------------------------------------------

_CLASS_ATTR = re.compile(r"""\bclass=(?:"([^"]*)"|'([^']*)')""")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# An element name at the start of a compound selector (not a class, id, pseudo or attribute).
_SELECTOR_TAG = re.compile(r"(?:^|[\s>+~])([a-zA-Z][a-zA-Z0-9-]*)")
# Material's palettes: one block per colour name; a page names its own in these attributes.
_COLOR_ATTR = re.compile(r"""\b(data-md-color-[a-z]+)=["']?([\w-]+)""")
# At-rules holding rules (kept when some rule inside is kept); others are kept whole.
_GROUPING = {"media", "supports", "layer", "container"}


def page_classes(text: str) -> set[str]:
    """Every class name a page's markup uses, and its palette attributes as name=value."""
    names: set[str] = set()
    for match in _CLASS_ATTR.finditer(text):
        names.update((match.group(1) or match.group(2) or "").split())
    names.update(f"{m.group(1)}={m.group(2)}" for m in _COLOR_ATTR.finditer(text))
    names.update(f"<{m.group(1).lower()}" for m in _TAG.finditer(text))
    return names


def script_words(text: str) -> set[str]:
    """Every word of a script: a superset of the class names and elements it may add."""
    words = set(_WORD.findall(text))
    return words | {f"<{word.lower()}" for word in words}


def _end_of(css: str, start: int, stops: str) -> int:
    """Index of the first character of ``stops`` at nesting depth 0 from ``start``, past
    strings, comments and bracketed parts (len(css) if none)."""
    depth, i, n = 0, start, len(css)
    while i < n:
        char = css[i]
        if char in "\"'":
            i += 1
            while i < n and css[i] != char:
                i += 2 if css[i] == "\\" else 1
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 1
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and char in stops:
            return i
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        i += 1
    return n


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """The top-level rules of a style sheet: (prelude, body), body None for a statement."""
    out: list[tuple[str, str | None]] = []
    i, n = 0, len(css)
    while i < n:
        if css[i].isspace():
            i += 1
            continue
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        brace = _end_of(css, i, "{;")
        if brace >= n or css[brace] == ";":
            out.append((css[i : brace + 1], None))
            i = brace + 1
            continue
        close = _end_of(css, brace + 1, "}")
        out.append((css[i:brace], css[brace + 1 : close]))
        i = close + 1
    return out


def _split_selectors(prelude: str) -> list[str]:
    parts, start = [], 0
    while True:
        comma = _end_of(prelude, start, ",")
        parts.append(prelude[start:comma])
        if comma >= len(prelude):
            return parts
        start = comma + 1


def _without_brackets(selector: str) -> str:
    """A selector without its (…) and […] parts: classes inside :is(), :not() or an
    attribute value do not decide whether it can match."""
    out, depth = [], 0
    for char in selector:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _used(selector: str, classes: set[str]) -> bool:
    plain = _without_brackets(selector)
    if not all(name in classes for name in _SELECTOR_CLASS.findall(plain)):
        return False
    # .md-typeset kbd, details, … : elements no page has.
    if not all(f"<{tag.lower()}" in classes for tag in _SELECTOR_TAG.findall(plain.strip())):
        return False
    # [data-md-color-primary=indigo] and the like, outside :not(): a palette not used.
    outside_not = re.sub(r":not\([^)]*\)", "", selector)
    return all(f"{m.group(1)}={m.group(2)}" in classes for m in _COLOR_ATTR.finditer(outside_not))


def trim_css(css: str, classes: set[str]) -> str:
    """The rules of ``css`` that can match pages using ``classes``; at-rules kept as such."""
    parts = []
    for prelude, body in _blocks(css):
        if body is None:
            parts.append(prelude)
            continue
        head = prelude.strip()
        if head.startswith("@"):
            name = re.split(r"[\s(]", head[1:], maxsplit=1)[0].lower()
            if name in _GROUPING:
                inner = trim_css(body, classes)
                if inner:
                    parts.append(f"{head}{{{inner}}}")
            else:
                parts.append(f"{head}{{{body}}}")
            continue
        kept = [s for s in _split_selectors(head) if _used(s, classes)]
        if kept:
            parts.append(f"{','.join(kept)}{{{body}}}")
    return "".join(parts)


def write_trimmed_theme(site_dir: Path, classes: set[str]) -> dict[str, str]:
    """A trimmed copy of each of Material's bundles; returns {original: trimmed copy}."""
    names = {}
    folder = site_dir / "assets" / "stylesheets"
    for source in sorted(folder.glob("*.min.css")):
        rel = f"assets/stylesheets/{source.name}"
        if not THEME_CSS.fullmatch(rel):
            continue
        css = trim_css(source.read_text(encoding="utf-8"), classes)
        data = css.encode("utf-8")
        stem = source.name.split(".", 1)[0]
        digest = hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]
        target = f"assets/stylesheets/{stem}.{digest}.min.css"
        out = site_dir / target
        if not out.is_file() or out.read_bytes() != data:
            out.write_bytes(data)
        names[rel] = target
    return names


# --- one style sheet a page ----------------------------------------------------------------

# The styles every page links, in their order, joined into one file: one request before the
# first paint instead of four (the kiosk's own kiosk.css stays apart).
BUNDLED = re.compile(
    r'<link rel="stylesheet" href="(?P<base>[^"]*?)assets/stylesheets/'
    r"(?P<name>main\.[0-9a-f]+\.min|palette\.[0-9a-f]+\.min|fonts\.[0-9a-f]+|gialai\.[0-9a-f]+)"
    r'\.css">\s*'
)
BUNDLE_PARTS = 4


def drop_font_faces(css: str, families: Iterable[str]) -> str:
    """``css`` without the @font-face rules of ``families`` (everything else as it is)."""
    drop = {family.lower() for family in families}
    if not drop:
        return css
    parts = []
    for prelude, body in _blocks(css):
        if body is None:
            parts.append(prelude)
            continue
        head = prelude.strip()
        if head.lower() == "@font-face":
            match = re.search(r"font-family\s*:\s*(['\"]?)([^;'\"]+)\1", body)
            if match and match.group(2).strip().lower() in drop:
                continue
        parts.append(f"{head}{{{body}}}")
    return "".join(parts)


def minify_css(css: str) -> str:
    """The style sheet without comments and needless white space (rcssmin)."""
    return rcssmin.cssmin(css)


def write_bundle(site_dir: Path, parts: Sequence[str], without_fonts: Iterable[str] = ()) -> str:
    """The files ``parts`` (site paths) joined and minified into
    ``assets/stylesheets/site.<hash>.css``, less the @font-face rules of ``without_fonts``."""
    families = tuple(without_fonts)
    css = "\n".join(
        drop_font_faces((site_dir / part).read_text(encoding="utf-8"), families) for part in parts
    )
    data = minify_css(css).encode("utf-8")
    target = hashed_name("assets/stylesheets/site.css", data)
    out = site_dir / target
    if not out.is_file() or out.read_bytes() != data:
        out.write_bytes(data)
    return target


def bundle_links(
    text: str, bundles: dict[tuple[str, ...], str], without_fonts: frozenset[str] = frozenset()
) -> str:
    """A page's four style links replaced by one to the bundle of the same files (less the
    rules of the fonts ``without_fonts``)."""
    found = list(BUNDLED.finditer(text))
    if len(found) != BUNDLE_PARTS:
        return text
    key = tuple(f"assets/stylesheets/{m.group('name')}.css" for m in found)
    target = bundles.get((*key, *sorted(without_fonts)))
    if target is None:
        return text
    base = found[0].group("base")
    link = f'<link rel="stylesheet" href="{base}{target}">\n'
    out, last = [], 0
    for index, match in enumerate(found):
        out.append(text[last : match.start()])
        if index == 0:
            out.append(link)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


@dataclass
class HashedAssets:
    """What ``use_hashed_assets`` did: the names pages point at, as one digest, and the pages
    taken unchanged from the last published site."""

    names: dict[str, str]
    digest: str
    taken: set[str] = field(default_factory=set)


def use_hashed_assets(
    site_dir: Path,
    pages: Iterable[Path] | None = None,
    digests: Mapping[str, str] | None = None,
    facts: PageFacts | None = None,
    previous: Previous | None = None,
    renamed: Mapping[str, str] | None = None,
) -> HashedAssets:
    """Write the hashed copies and the trimmed theme, and point every page (or ``pages``)
    at them, with one link to the style bundle. ``renamed``: other files pages name, by the
    name they are to have (the fonts cut for the site, which the pages preload).

    ``digests`` (site path -> digest of the page as written) with ``facts``: the classes of
    a page read once are not read again. With ``previous`` too: a page written as the last
    build wrote it, pointed at the same names, is linked from the published site.
    """
    digests = digests or {}
    names = write_hashed_assets(site_dir)
    names.update(renamed or {})
    pages = list(pages if pages is not None else site_dir.rglob("*.html"))
    rels = {page: page.relative_to(site_dir).as_posix() for page in pages}
    classes: set[str] = set()
    for page in pages:

        def read(page: Path = page) -> tuple[frozenset[str], ...]:
            return (frozenset(page_classes(page.read_text(encoding="utf-8"))),)

        found = facts.get(digests.get(rels[page]), read) if facts is not None else read()
        classes |= found[0]
    for script in HASHED:
        if script.endswith(".js") and (site_dir / script).is_file():
            classes |= script_words((site_dir / script).read_text(encoding="utf-8"))
    names.update(write_trimmed_theme(site_dir, classes))
    # The bundles follow from the names and the code that joins them: the same names, the
    # same bundles.
    digest = hashlib.sha256(
        json.dumps([sorted(names.items()), _BUNDLE_CODE, rcssmin.__version__]).encode()
    ).hexdigest()[:20]
    same_names = previous is not None and previous.assets == digest
    bundles: dict[tuple[str, ...], str] = {}
    taken: set[str] = set()
    cut_families = {font.family for font in CUT_FONTS.values()}
    for page in pages:
        rel = rels[page]
        written = digests.get(rel)
        if same_names and written is not None and previous.pages.get(rel) == written:
            published = previous.same_file(rel)
            if published is not None:
                _link_in_place(published, page)
                taken.add(rel)
                continue
        text = page.read_text(encoding="utf-8")
        new = rewrite_page(text, names)
        found = BUNDLED.findall(new)
        if len(found) == BUNDLE_PARTS:
            key = tuple(f"assets/stylesheets/{name}.css" for _base, name in found)
            without = frozenset(cut_families - shows_cut_fonts(text))
            full_key = (*key, *sorted(without))
            if full_key not in bundles:
                bundles[full_key] = write_bundle(site_dir, key, sorted(without))
            new = bundle_links(new, bundles, without)
        if new != text:
            replace_file(page, new.encode("utf-8"))
    if taken and previous is not None:
        # Pages taken as published name the bundles the last build wrote: write them too.
        for rel in ("assets/stylesheets",):
            for old in (previous.site_dir / rel).glob("site.*.css"):
                target = site_dir / rel / old.name
                if not target.exists():
                    shutil.copyfile(old, target)
    return HashedAssets(names, digest, taken)


_BUNDLE_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _link_in_place(source: Path, target: Path) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def replace_file(path: Path, data: bytes) -> None:
    """Write ``path`` as a new file: a page may share its file with the page cache."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
