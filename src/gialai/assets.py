"""Content-hashed names for the site's own styles and scripts, so they can be cached a year.

MkDocs copies ``overrides/assets/`` as it is, and ``fonts.css`` is only complete once the
fonts are cut after the last page is built. So the names are given at the end of a build:
each file is copied to ``<name>.<hash>.<ext>`` (the original stays, for pages an old cache
still holds) and every page's references are rewritten. ``deploy/nginx-web.conf`` sends
names with a hash as immutable for a year.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

# The site's own files that pages name; Material's bundles already carry a hash.
HASHED = (
    "assets/stylesheets/fonts.css",
    "assets/stylesheets/gialai.css",
    "assets/stylesheets/kiosk.css",
    "assets/javascripts/gialai.js",
    "assets/javascripts/search.js",
    "assets/javascripts/kiosk.js",
)
DIGEST_LENGTH = 10


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


def use_hashed_assets(site_dir: Path, pages: Iterable[Path] | None = None) -> dict[str, str]:
    """Write the hashed copies and point every page (or ``pages``) at them."""
    names = write_hashed_assets(site_dir)
    if not names:
        return names
    for page in pages if pages is not None else site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = rewrite_page(text, names)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return names
