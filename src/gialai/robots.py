"""robots.txt: the web edition names its sitemap; the kiosk edition asks not to be crawled."""

from __future__ import annotations

from .routes import absolute
from .settings import Settings

# The kiosk edition runs on a loopback server at the border gate and the airport. If it were
# ever reachable from outside, nothing in it should be indexed, and it names no sitemap: its
# sitemap lists the public site's addresses, which only the web edition may announce.
_KIOSK = "# The offline kiosk edition: not for crawlers.\nUser-agent: *\nDisallow: /\n"


def render_robots(settings: Settings) -> str:
    """robots.txt text for the edition being built."""
    if settings.edition == "kiosk":
        return _KIOSK
    # Search pages and fallback copies say noindex in the page itself; a Disallow here
    # would keep crawlers from reading that, so every path stays open.
    return f"User-agent: *\nDisallow:\n\nSitemap: {absolute(settings, 'sitemap.xml')}\n"
