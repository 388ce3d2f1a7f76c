"""The built site checked as a reader's browser sees it: every local link must lead somewhere."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Container, Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Matched on bytes, with the space before the attribute: several times faster than \b.
_REFERENCE = re.compile(rb''' (?:href|src)="([^"]*)"''')
_SRCSET = re.compile(rb''' srcset="([^"]*)"''')


# Beside a language's folder of a parallel build: the links of its pages, by site path.
LINKS_SUFFIX = ".links.json"


def page_links(data: bytes) -> set[str]:
    """Every address a page's links and images lead to, as written in the page."""
    return _targets(data)


def write_links(path: Path, links: Mapping[str, Iterable[str]]) -> None:
    """Hand the links of pages just written to the process that checks the whole site."""
    data = {page: sorted(urls) for page, urls in links.items()}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_links(path: Path) -> dict[str, tuple[str, ...]]:
    """The links ``write_links`` wrote (none if it wrote nothing)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(page): tuple(urls) for page, urls in data.items()}


def _targets(data: bytes) -> set[str]:
    found = {url.decode("utf-8", "replace") for url in set(_REFERENCE.findall(data))}
    for srcset in _SRCSET.findall(data):
        for part in srcset.decode("utf-8", "replace").split(","):
            if part.strip():
                found.add(part.strip().split(" ")[0])
    return found


def broken_links(
    site_dir: Path,
    skip: tuple[str, ...] = ("404.html",),
    known: Mapping[str, Iterable[str]] | None = None,
    checked: Container[str] = (),
) -> list[tuple[str, str]]:
    """(page, link) for every relative link or image in the site that leads to no file.

    ``known``: the links of pages by site path, read when they were written; only the
    other pages are read here. Every link is still looked up in the site as it is now,
    except those of the ``checked`` pages (site paths), whose links are known to be sound.
    """
    site = site_dir.resolve()
    known = known or {}
    existing: dict[str, bool] = {}
    broken = []
    for root, _dirs, names in os.walk(site):
        for name in names:
            if not name.endswith(".html") or name in skip:
                continue
            page = Path(root) / name
            rel = page.relative_to(site).as_posix()
            if rel in checked:
                continue
            urls = known.get(rel)
            for url in _targets(page.read_bytes()) if urls is None else urls:
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or not parts.path or url.startswith("#"):
                    continue
                target = os.path.normpath(os.path.join(root, unquote(parts.path)))
                if target not in existing:
                    path = Path(target)
                    existing[target] = path.is_file() or (path / "index.html").is_file()
                if not existing[target]:
                    broken.append((rel, url))
    return sorted(set(broken))
