"""Built pages kept between builds: a page whose inputs did not change is not made again.

A page's inputs are written into its key: the source file's bytes, everything its view
shows (listings, related articles, language menu, notices: ``pages.page_view``), the pages
before and after it, the addresses its links resolve to, and the build's fingerprint (the
site's code, templates, settings, interface text, photos and the versions of the packages
that render it). The build date is not in the fingerprint: where it decides what is
scheduled, the views change, and with them the keys.

Each language of each edition has its own folder under ``<cache>/pages/``: ``index.json``
(the key, digest and links of every page) and the pages themselves, named by digest. A
cache that cannot be read, or that another site or version wrote, is ignored with a
one-line notice; a stored page whose bytes do not match its digest is made again. Nothing
here knows MkDocs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from markupsafe import Markup

# Raised when the stored format changes: older caches are then foreign, never misread.
FORMAT = 2
FOLDER = "pages"
# The packages whose code turns a page's inputs into its HTML.
RENDERERS = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "MarkupSafe",
    "PyYAML",
    "Pillow",
    "segno",
    "Babel",
)


def folder_for(
    cache_dir: Path, config_file: Path, edition: str, preview: bool, serving: bool, lang: str
) -> Path:
    """The cache folder of one language of one kind of build of one configuration."""
    name = f"{Path(config_file).stem}-{edition}-{'preview' if preview else 'public'}-{lang}"
    return cache_dir / FOLDER / (f"{name}-serve" if serving else name)


def site_id(project_dir: Path, site_url: str) -> str:
    """Which site a cache belongs to: the project's folder and public address."""
    return f"{project_dir.resolve()} {site_url}"


def check_index(folder: Path, site: str) -> str | None:
    """The notice for an index that cannot be read or is not this site's (then removed)."""
    cache = PageCache(folder, site, "", tell=lambda message: None)
    message = cache.problem
    if message is not None:
        cache.index_path.unlink(missing_ok=True)
    return message


class Uncacheable(Exception):
    """A value with no stable written form: the page is made on every build."""


def _plain(value: Any) -> Any:
    """``value`` as JSON data that is equal exactly when what a template can read is equal."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Markup):
        return {"markup": str(value)}
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(item) for item in value), key=repr)
    if isinstance(value, dict):
        return {"dict": sorted(([str(k), _plain(v)] for k, v in value.items()), key=repr)}
    if isinstance(value, (dt.date, dt.datetime)):
        return {"date": value.isoformat()}
    if isinstance(value, Path):
        return {"path": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": type(value).__qualname__, "fields": fields}
    strings_lang = getattr(value, "lang", None)
    if type(value).__name__ == "Strings" and isinstance(strings_lang, str):
        # The interface text is a file of the fingerprint: its language is enough here.
        return {"strings": strings_lang}
    raise Uncacheable(type(value).__qualname__)


def digest_of(value: Any) -> str:
    """A digest of any plain value (dataclasses, Markup, dates included)."""
    text = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def _bytes_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _tree_files(folder: Path) -> Iterable[Path]:
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        return
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if not name.endswith((".pyc", ".pyo")):
                yield Path(root) / name


def fingerprint(
    read: Iterable[Path], listed: Iterable[Path], values: dict[str, Any], root: Path
) -> str:
    """The build's fingerprint: files ``read`` by content, files ``listed`` by size and time
    (photos, too large to read on every build), package versions and ``values``."""
    hasher = hashlib.blake2b(digest_size=20)
    hasher.update(f"format {FORMAT}\n".encode())
    for name in RENDERERS:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        hasher.update(f"{name} {version}\n".encode())
    hasher.update(digest_of(values).encode())
    for top in read:
        for path in _tree_files(top):
            hasher.update(f"\nfile {_rel(path, root)}\n".encode())
            hasher.update(path.read_bytes())
    for top in listed:
        for path in _tree_files(top):
            stat = path.stat()
            hasher.update(f"\nphoto {_rel(path, root)} {stat.st_size} {stat.st_mtime_ns}".encode())
    return hasher.hexdigest()


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def notice(message: str) -> None:
    """One line for the person running the build (printed: a logged warning would stop a
    strict build over a cache, which is never the content's fault)."""
    print(message, file=sys.stderr)


@dataclass(frozen=True)
class Stored:
    """One page in the cache: its key, the digest and size of its bytes, its links, the digest
    of what only this page shows (``own``) and the time its file was written."""

    key: str
    digest: str
    size: int
    links: tuple[str, ...]
    own: str = ""
    mtime_ns: int = 0


class PageCache:
    """The stored pages of one language of one edition, and those of the build running now."""

    def __init__(
        self,
        folder: Path,
        site_id: str,
        build_fingerprint: str,
        tell: Callable[[str], None] = notice,
    ) -> None:
        self.folder = folder
        self.site_id = site_id
        self.fingerprint = build_fingerprint
        self.tell = tell
        self.stored: dict[str, Stored] = {}
        self.kept: dict[str, Stored] = {}  # what this build's index will hold
        self.damaged = False
        self.problem: str | None = None  # why the stored index was not used
        # The digest of what every page of the last build showed beyond its own text
        # (``cards``): while it stays the same, a page whose own inputs are the same is kept
        # without its view being made.
        self.stored_cards: str | None = None
        self.cards: str | None = None
        self._load()

    @property
    def index_path(self) -> Path:
        return self.folder / "index.json"

    def _load(self) -> None:
        path = self.index_path
        if not path.exists():
            return
        rel = path.as_posix()
        unreadable = f"{rel}: the page cache cannot be read; every page is made again."
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return self._refuse(unreadable)
        if not isinstance(data, dict) or not isinstance(data.get("pages"), dict):
            return self._refuse(unreadable)
        if data.get("format") != FORMAT:
            return self._refuse(
                f"{rel}: the page cache is of another version; every page is made again."
            )
        if data.get("site") != self.site_id:
            return self._refuse(
                f"{rel}: the page cache is another site's; every page is made again."
            )
        try:
            stored = {
                str(dest): Stored(
                    str(key),
                    str(digest),
                    int(size),
                    tuple(str(u) for u in links),
                    str(own),
                    int(mtime),
                )
                for dest, (key, digest, size, links, own, mtime) in data["pages"].items()
            }
        except (TypeError, ValueError):
            return self._refuse(unreadable)
        if data.get("fingerprint") == self.fingerprint:
            self.stored = stored
            cards = data.get("cards")
            self.stored_cards = cards if isinstance(cards, str) else None
        # Otherwise templates, settings or code changed: quietly, every page again.

    def _refuse(self, message: str) -> None:
        self.problem = message
        self.tell(message)

    def _file(self, digest: str) -> Path:
        return self.folder / "files" / f"{digest}.html"

    def kept_as_before(self, dest: str, own: str) -> str | None:
        """The stored key of ``dest`` when nothing but its own inputs can have changed since
        (the same ``cards``) and those are the same too; otherwise None."""
        if self.cards is None or self.cards != self.stored_cards:
            return None
        stored = self.stored.get(dest)
        return stored.key if stored is not None and stored.own == own else None

    def restore(self, dest: str, key: str, target: Path, own: str = "") -> bool:
        """Put the stored page of ``dest`` at ``target`` if its key is ``key``.

        The stored file is linked, not copied (pages are never changed in place: the build
        replaces a file it rewrites). A file whose size or time differs from when it was
        stored is read and checked against its digest first.
        """
        stored = self.stored.get(dest)
        if stored is None or stored.key != key:
            return False
        path = self._file(stored.digest)
        try:
            stat = path.stat()
        except OSError:
            stat = None
        sound = stat is not None and stat.st_size == stored.size
        if sound and stat.st_mtime_ns != stored.mtime_ns:
            data = path.read_bytes()
            sound = len(data) == stored.size and _bytes_digest(data) == stored.digest
            stored = dataclasses.replace(stored, mtime_ns=stat.st_mtime_ns)
        if not sound:
            if not self.damaged:
                self.damaged = True
                self.tell(
                    f"{self.folder.as_posix()}: a stored page is damaged; "
                    "damaged pages are made again."
                )
            return False
        try:
            there = target.stat()
        except OSError:
            there = None
        if there is None or (there.st_ino, there.st_dev) != (stat.st_ino, stat.st_dev):
            # (The preview rebuilds into the same folder: a page linked before stays.)
            target.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            try:
                os.link(path, target)
            except OSError:  # another file system, or links not allowed: a copy
                shutil.copyfile(path, target)
        self.kept[dest] = dataclasses.replace(stored, own=own) if own else stored
        return True

    def store(self, dest: str, key: str, data: bytes, links: Iterable[str], own: str = "") -> None:
        """Keep a page just made."""
        digest = _bytes_digest(data)
        path = self._file(digest)
        try:
            # A stored file of this name must hold these bytes: it is trusted by its time later.
            same = path.stat().st_size == len(data) and path.read_bytes() == data
        except OSError:
            same = False
        if not same:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        mtime = path.stat().st_mtime_ns
        self.kept[dest] = Stored(key, digest, len(data), tuple(sorted(set(links))), own, mtime)

    def links(self) -> dict[str, tuple[str, ...]]:
        """The links of every page this build wrote or restored, by destination."""
        return {dest: stored.links for dest, stored in self.kept.items()}

    def save(self) -> None:
        """Write this build's index (atomically) and drop pages no build refers to now."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {
            "format": FORMAT,
            "site": self.site_id,
            "fingerprint": self.fingerprint,
            "cards": self.cards,
            "pages": {
                dest: [s.key, s.digest, s.size, list(s.links), s.own, s.mtime_ns]
                for dest, s in sorted(self.kept.items())
            },
        }
        temporary = self.index_path.with_name(f".index.json.{os.getpid()}")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.index_path)
        wanted = {f"{s.digest}.html" for s in self.kept.values()}
        files = self.folder / "files"
        if files.is_dir():
            for path in files.iterdir():
                if path.name not in wanted and not path.name.startswith("."):
                    path.unlink(missing_ok=True)


# --- search bundles ---------------------------------------------------------------------

SEARCH_CACHE = "search"
# What a language's search bundle is made of beyond its records.
_SEARCH_CODE = ("search.py", "segmenting.py", "pagefind_index.py", "languages.py")
_BUNDLES = ("pagefind", "search-vocab")


class SearchCache:
    """Each language's search bundle as last built, with the key of what it was built from."""

    def __init__(self, folder: Path, tell: Callable[[str], None] = notice) -> None:
        self.folder = folder
        self.tell = tell
        package = Path(__file__).resolve().parent
        hasher = hashlib.blake2b(digest_size=20)
        hasher.update(f"format {FORMAT}\n".encode())
        for name in ("pagefind", "pagefind-bin", "pagefind-bin-extended"):
            with contextlib.suppress(metadata.PackageNotFoundError):
                hasher.update(f"{name} {metadata.version(name)}\n".encode())
        for name in _SEARCH_CODE:
            path = package / name
            if path.is_file():
                hasher.update(path.read_bytes())
        self.code = hasher.hexdigest()

    def key(self, language: Any, records: Any, glossary: Any = ()) -> str:
        """The key of a language's bundle: its records, its search traits, its glossary names,
        the code."""
        return digest_of(
            {
                "code": self.code,
                "language": repr(language),
                "records": records,
                "glossary": glossary,
            }
        )

    def restore(self, code: str, key: str, target: Path) -> bool:
        """Copy the stored bundle of ``code`` into ``target`` if it was built with ``key``."""
        folder = self.folder / code
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = None
        if not isinstance(manifest, dict) or manifest.get("key") != key:
            return False
        files = manifest.get("files")
        if not isinstance(files, dict):
            return False
        copies: list[tuple[Path, bytes]] = []
        for rel, digest in files.items():
            try:
                data = (folder / rel).read_bytes()
            except OSError:
                data = None
            if data is None or _bytes_digest(data) != digest:
                self.tell(
                    f"{folder.as_posix()}: the stored search index is damaged; it is built again."
                )
                return False
            copies.append((target / rel, data))
        for name in _BUNDLES:
            if (target / name).exists():
                shutil.rmtree(target / name)
        for path, data in copies:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return True

    def store(self, code: str, key: str, source: Path) -> None:
        """Keep the bundle of ``code`` just built in ``source``."""
        folder = self.folder / code
        if folder.exists():
            shutil.rmtree(folder)
        files = {}
        for name in _BUNDLES:
            if not (source / name).is_dir():
                continue
            shutil.copytree(source / name, folder / name)
            for path in sorted((folder / name).rglob("*")):
                if path.is_file():
                    files[path.relative_to(folder).as_posix()] = _bytes_digest(path.read_bytes())
        folder.mkdir(parents=True, exist_ok=True)
        manifest = {"key": key, "files": files}
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


# --- what is read from built pages -----------------------------------------------------------


class PageFacts:
    """What the end of a build reads from each page (the classes it uses, the characters it
    shows), by the digest of the page's bytes: a page kept from the cache is not read again.

    Kept in one file per kind of fact; equal sets are written once. A file that cannot be
    read is ignored (every page is read again).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.facts: dict[str, tuple[frozenset[str], ...]] = {}
        self.used: set[str] = set()
        self.changed = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                sets = [frozenset(items) for items in data["sets"]]
                self.facts = {
                    str(digest): tuple(sets[i] for i in ids)
                    for digest, ids in data["pages"].items()
                }
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            self.facts = {}

    def get(
        self, digest: str | None, read: Callable[[], tuple[frozenset[str], ...]]
    ) -> tuple[frozenset[str], ...]:
        """The facts of the page with ``digest`` (None: not known), read if not kept."""
        if digest is None:
            return read()
        found = self.facts.get(digest)
        if found is None:
            found = self.facts[digest] = read()
            self.changed = True
        self.used.add(digest)
        return found

    def save(self) -> None:
        """Write the facts of the pages of this build (atomically), if any were read."""
        if not self.changed and set(self.facts) == self.used:
            return
        sets: dict[frozenset[str], int] = {}
        pages = {}
        for digest in sorted(self.used):
            pages[digest] = [sets.setdefault(s, len(sets)) for s in self.facts[digest]]
        data = {"format": FORMAT, "sets": [sorted(s) for s in sets], "pages": pages}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)


DIGESTS_SUFFIX = ".pages.json"


def write_digests(path: Path, digests: dict[str, str]) -> None:
    """Hand the digest of every page a language's process wrote to the parent."""
    path.write_text(json.dumps(digests, ensure_ascii=False), encoding="utf-8")


def read_digests(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
