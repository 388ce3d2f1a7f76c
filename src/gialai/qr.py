"""QR codes as inline SVG, made at build time: no script, no request."""

from __future__ import annotations

import functools
import re

import segno


@functools.lru_cache(maxsize=4096)
def qr_svg(url: str, label: str, scale: int = 4) -> str:
    """An accessible inline SVG QR code of ``url``."""
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
