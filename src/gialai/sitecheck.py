"""The built site checked as a reader's browser sees it: every local link must lead somewhere."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

_REFERENCE = re.compile(r"""\b(?:href|src)="([^"]*)\"""")
_SRCSET = re.compile(r"""\bsrcset="([^"]*)\"""")


def _targets(text: str) -> set[str]:
    found = set(_REFERENCE.findall(text))
    for srcset in _SRCSET.findall(text):
        found.update(part.strip().split(" ")[0] for part in srcset.split(",") if part.strip())
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
            text = page.read_text(encoding="utf-8", errors="replace")
            for url in _targets(text):
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
