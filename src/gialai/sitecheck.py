"""The built site checked as a reader's browser sees it: every local link must lead somewhere."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Matched on bytes, with the space before the attribute: several times faster than \b.
_REFERENCE = re.compile(rb''' (?:href|src)="([^"]*)"''')
_SRCSET = re.compile(rb''' srcset="([^"]*)"''')


def _targets(data: bytes) -> set[str]:
    found = {url.decode("utf-8", "replace") for url in set(_REFERENCE.findall(data))}
    for srcset in _SRCSET.findall(data):
        for part in srcset.decode("utf-8", "replace").split(","):
            if part.strip():
                found.add(part.strip().split(" ")[0])
    return found


def broken_links(site_dir: Path, skip: tuple[str, ...] = ("404.html",)) -> list[tuple[str, str]]:
    """(page, link) for every relative link or image in the site that leads to no file."""
    site = site_dir.resolve()
    existing: dict[str, bool] = {}
    broken = []
    for root, _dirs, names in os.walk(site):
        for name in names:
            if not name.endswith(".html") or name in skip:
                continue
            page = Path(root) / name
            for url in _targets(page.read_bytes()):
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or not parts.path or url.startswith("#"):
                    continue
                target = os.path.normpath(os.path.join(root, unquote(parts.path)))
                if target not in existing:
                    path = Path(target)
                    existing[target] = path.is_file() or (path / "index.html").is_file()
                if not existing[target]:
                    broken.append((page.relative_to(site).as_posix(), url))
    return sorted(set(broken))
