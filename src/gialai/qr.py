"""QR codes as inline SVG, made at build time: no script, no request."""

from __future__ import annotations

import re

import segno


def qr_svg(url: str, label: str, scale: int = 4) -> str:
    """An accessible inline SVG QR code of ``url``."""
    code = segno.make(url, error="m", micro=False)
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
