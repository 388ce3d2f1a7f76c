"""QR codes as inline SVG, made at build time: no script, no request."""

from __future__ import annotations

import functools
import hashlib
import os
import re
from pathlib import Path

import segno


class QrCodes:
    """QR codes of one build, kept in a cache folder so a rebuild does not make them again."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir
        self.svg = functools.lru_cache(maxsize=4096)(self._svg)

    def _svg(self, url: str, label: str, scale: int = 4) -> str:
        """An accessible inline SVG QR code of ``url`` (from the cache when it is there)."""
        if self.cache_dir is None:
            return qr_svg(url, label, scale)
        key = hashlib.sha1(f"{url}\0{label}\0{scale}".encode()).hexdigest()
        cached = self.cache_dir / f"{key}.svg"
        if cached.exists():
            return cached.read_text(encoding="utf-8")
        svg = qr_svg(url, label, scale)
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(svg, encoding="utf-8")
        os.replace(temporary, cached)
        return svg


def qr_svg(url: str, label: str, scale: int = 4) -> str:
    """An accessible inline SVG QR code of ``url``."""
    return _make(url, label, scale)


def _make(url: str, label: str, scale: int) -> str:
    # A fixed mask skips segno's search for the best of eight masks, which costs most of
    # the time (20 ms a code); any mask scans, the best one only lowers the error rate a bit.
    code = segno.make(url, error="m", micro=False, mask=4)
    svg = code.svg_inline(scale=scale, border=2, dark="#000", light="#fff", omitsize=False)
    width, height = code.symbol_size(scale=scale, border=2)
    # segno writes a bare <svg>: give it a viewBox to scale, a role and a name.
    svg = re.sub(
        r"^<svg ",
        f'<svg role="img" aria-label="{_escape(label)}" data-qr="{_escape(url)}" '
        f'viewBox="0 0 {width} {height}" ',
        svg,
        count=1,
    )
    return svg


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )
