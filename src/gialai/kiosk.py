"""The kiosk edition: what differs from the web site on a public touch screen."""

from __future__ import annotations

import datetime as dt
import html
import re
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit

from .languages import DIGITS
from .qr import QrCodes, qr_svg
from .settings import Settings
from .strings import Strings

START_PATH = "start/"
_ANCHOR = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.DOTALL | re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(["'])(?P<url>.*?)\1""", re.IGNORECASE | re.DOTALL)


def is_other_site(url: str, site_host: str) -> bool:
    """True for an absolute http(s) address on another host than the site's."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") != site_host


def unlink_other_sites(content: str, site_url: str, label: str, qr: QrCodes | None = None) -> str:
    """Turn links to other sites into text with the address and a QR code to scan.

    A kiosk must not leave the local server, but a reader can take the address away.
    """
    site_host = urlsplit(site_url).hostname or ""
    make_svg = qr.svg if qr is not None else qr_svg

    def replace(match: re.Match) -> str:
        href = _HREF.search(match.group("attrs"))
        if href is None:
            return match.group(0)
        url = html.unescape(href.group("url"))
        if not is_other_site(url, site_host):
            return match.group(0)
        shown = html.escape(url)
        return (
            f'<span class="gl-external">{match.group("text")} '
            f'<span class="gl-external__url">({shown})</span>'
            f'<span class="gl-external__qr" title="{html.escape(label)}">'
            f"{make_svg(url, label, scale=3)}</span></span>"
        )

    return _ANCHOR.sub(replace, content)


def edition_label(build_date: dt.date) -> str:
    """The edition shown in a corner for the operator: build date and program version."""
    try:
        version = metadata.version("gialai")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        version = ""
    return f"{build_date.isoformat()} · {version}" if version else build_date.isoformat()


def kiosk_context(settings: Settings, strings: Strings, build_date: dt.date) -> dict[str, Any]:
    """What the kiosk's templates and scripts need: timings, labels, the edition."""
    # The keyboard offers the layout of each kiosk language that has one, in the start
    # screen's order, once; it opens on the page language's (else the first).
    keyboards: dict[str, str] = {}
    for language in settings.kiosk_order:
        if language.keyboard:
            keyboards.setdefault(language.keyboard, language.lang)
    return {
        "edition": strings("kiosk_edition", edition=edition_label(build_date)),
        "keyboards": " ".join(f"{name}:{lang}" for name, lang in keyboards.items()),
        "keyboard": strings.language.keyboard or next(iter(keyboards), ""),
        "idle_seconds": settings.idle_seconds,
        "countdown_seconds": settings.countdown_seconds,
        "start_url": START_PATH,
        "labels": {
            key: strings(key)
            for key in (
                "kiosk_home",
                "kiosk_back",
                "kiosk_language",
                "kiosk_continue",
                "kiosk_idle_title",
                "kiosk_keyboard",
                "kiosk_keyboard_backspace",
                "kiosk_keyboard_shift",
                "kiosk_keyboard_space",
                "kiosk_keyboard_close",
            )
        },
        "idle_text": strings.values["kiosk_idle_text"],
        "digits": DIGITS[strings.language.digits],
    }
