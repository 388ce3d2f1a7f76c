"""What the last build published, so that a build which would change nothing says so at once.

After a build, ``<cache>/site-state/<folder>.json`` holds the digest of everything the build
read (the page cache's fingerprint: code, templates, settings, interface text and photos;
every file under ``content/`` by size and time; the state of every article on the build date;
the edition; the build date itself where pages show it, in the kiosk edition) and the size
and time of every file it published. A build whose inputs have the same digest, into a folder
that still holds exactly those files, would make the same site: it stops there, and the
published folder is left as it is.

A state file that cannot be read is ignored with one line; one that does not match is
simply not used. Nothing here knows MkDocs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

FORMAT = 1
FOLDER = "site-state"


def state_file(cache_dir: Path, site_dir: Path) -> Path:
    """The state of the site published in ``site_dir`` (one file per output folder)."""
    where = str(site_dir.resolve())
    name = hashlib.blake2b(where.encode("utf-8"), digest_size=10).hexdigest()
    return cache_dir / FOLDER / f"{site_dir.name}-{name}.json"


def inputs_digest(site: Any, fingerprint: str, site_dir: Path) -> str:
    """Everything a build of ``site`` into ``site_dir`` depends on, as one digest."""
    settings, options, catalog = site.settings, site.options, site.catalog
    hasher = hashlib.blake2b(digest_size=20)
    hasher.update(f"format {FORMAT}\nfingerprint {fingerprint}\n".encode())
    hasher.update(f"site {site_dir.resolve()}\nedition {options.edition}\n".encode())
    hasher.update(f"preview {bool(options.preview)}\n".encode())
    for name in ("pagefind", "pagefind-bin", "pagefind-bin-extended"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            hasher.update(f"{name} {metadata.version(name)}\n".encode())
    if options.edition == "kiosk":  # the kiosk shows the day of its edition
        hasher.update(f"date {options.build_date}\n".encode())
    content = settings.content_dir
    for root, dirs, names in os.walk(content):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            try:
                stat = path.lstat()
            except OSError:
                continue
            rel = path.relative_to(content).as_posix()
            hasher.update(f"file {rel} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    # What the build date decides: which articles are out, which are still scheduled.
    for key, article in sorted(catalog.sources.items()):
        hasher.update(f"state {key} {catalog.state_of(article)}\n".encode())
    for lang, articles in sorted(catalog.translations.items()):
        for key, article in sorted(articles.items()):
            hasher.update(f"state {lang}/{key} {catalog.state_of(article)}\n".encode())
    return hasher.hexdigest()


def published_files(site_dir: Path) -> dict[str, list[int]]:
    """Every file in ``site_dir``: [size, modification time in ns], by path."""
    files: dict[str, list[int]] = {}
    top = str(site_dir)
    for root, _dirs, names in os.walk(top):
        rel_root = os.path.relpath(root, top)
        for name in names:
            path = os.path.join(root, name)
            stat = os.lstat(path)
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            files[rel.replace(os.sep, "/")] = [stat.st_size, stat.st_mtime_ns]
    return files


@dataclass
class Previous:
    """The site the last build published: its inputs, and the files a build may take."""

    site_dir: Path
    inputs: str  # the digest of the inputs it was built from
    files: dict[str, list[int]]  # path -> [size, time in ns], as published
    pages: dict[str, str]  # path -> digest of the page as its language's build wrote it
    assets: str  # the digest of the asset names pages were pointed at

    def holds(self, inputs: str) -> bool:
        """Whether a build of ``inputs`` would make this site and the folder still holds it."""
        if inputs != self.inputs:
            return False
        try:
            return published_files(self.site_dir) == self.files
        except OSError:
            return False

    def same_file(self, rel: str) -> Path | None:
        """The published file at ``rel`` if it is still as the last build left it."""
        expected = self.files.get(rel)
        if expected is None:
            return None
        path = self.site_dir / rel
        try:
            stat = path.lstat()
        except OSError:
            return None
        return path if [stat.st_size, stat.st_mtime_ns] == expected else None


def previous(path: Path, site_dir: Path, tell: Callable[[str], None]) -> Previous | None:
    """What the last build recorded of ``site_dir`` (None when nothing usable is known; a
    record that cannot be read is told of in one line and removed)."""
    if not path.exists() or not site_dir.is_dir():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Previous(
            site_dir,
            str(data["inputs"]),
            dict(data["files"]),
            dict(data["pages"]),
            str(data["assets"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        tell(f"{path.as_posix()}: the record of the last build cannot be read; building.")
        path.unlink(missing_ok=True)
        return None


def record(
    path: Path,
    digest: str,
    site_dir: Path,
    pages: dict[str, str] | None = None,
    assets: str = "",
) -> None:
    """Write the state of the build just published into ``site_dir`` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": FORMAT,
        "inputs": digest,
        "files": published_files(site_dir),
        "pages": pages or {},
        "assets": assets,
    }
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, path)
