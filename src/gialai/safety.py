"""Safe content: raw HTML in articles is limited to an allowlist, and pages are sanitised.

Authors learn of a forbidden tag or attribute as a content error with file and line;
whatever slips past (for instance from a template change) is removed from the rendered
page by nh3, so a pasted ``<script>`` never reaches a reader.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from .problems import Problem

# What authors may write as raw HTML inside Markdown (docs/officers.md lists it).
AUTHOR_TAGS = {
    "span": {"lang", "dir", "title", "class"},
    "abbr": {"title", "lang"},
    "sup": set(),
    "sub": set(),
    "br": set(),
    "mark": set(),
    "small": set(),
    "kbd": set(),
    "figure": {"class"},
    "figcaption": {"lang"},
    "details": {"open"},
    "summary": set(),
    "a": {"href", "title", "lang", "hreflang"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "loading"},
}
EMBED_TAGS = {"iframe"}
NEVER = {
    "script": "scripts never run on this site",
    "style": "the site's look comes from its own stylesheets",
    "object": "embedded objects are not allowed",
    "embed": "embedded objects are not allowed",
    "form": "forms are not allowed in articles",
    "input": "forms are not allowed in articles",
    "link": "pages load only the site's own files",
    "meta": "pages carry their own metadata",
    "base": "pages carry their own addresses",
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}

# What Markdown and the site itself put into an article's HTML.
_GLOBAL_ATTRIBUTES = {"lang", "dir", "title", "class", "id"}
_RENDERED_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "img",
    "picture",
    "source",
    "figure",
    "figcaption",
    "sup",
    "sub",
    "abbr",
    "mark",
    "small",
    "kbd",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "del",
    "ins",
    "iframe",
    "caption",
}
_RENDERED_ATTRIBUTES = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang", "rel"},
    "img": {
        "src",
        "srcset",
        "sizes",
        "alt",
        "width",
        "height",
        "loading",
        "decoding",
        "fetchpriority",
    },
    "source": {"srcset", "sizes", "type", "media"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "details": {"open"},
    "iframe": AUTHOR_TAGS["iframe"],
}

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")


def _blank(match: re.Match) -> str:
    """Replace text by spaces, keeping its line breaks, so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


class _TagScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos()[0], tag, attrs))

    handle_startendtag = handle_starttag


def _host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def check_raw_html(
    body: str, first_line: int, rel: str, embed_hosts: tuple[str, ...] = ()
) -> list[Problem]:
    """Problems with the raw HTML an author wrote in an article body."""
    text = _FENCE.sub(_blank, body)
    text = _INLINE_CODE.sub(_blank, text)
    text = _AUTOLINK.sub(_blank, text)
    scanner = _TagScanner()
    scanner.feed(text)
    scanner.close()
    problems = []
    allowed_tags = ", ".join(f"<{tag}>" for tag in sorted(AUTHOR_TAGS))
    for offset, tag, attrs in scanner.found:
        line = first_line + offset - 1

        def add(message: str, at: int = line) -> None:
            problems.append(Problem(rel, at, "", message))

        if tag in NEVER:
            add(f"the HTML tag <{tag}> is not allowed in articles: {NEVER[tag]}; remove it.")
            continue
        if tag not in AUTHOR_TAGS:
            add(
                f"the HTML tag <{tag}> is not allowed in articles; write Markdown instead, or "
                f"use one of {allowed_tags}."
            )
            continue
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                add(
                    f"the attribute '{name}' on <{tag}> is not allowed: it would run a script; "
                    "remove it."
                )
            elif name == "style":
                add(
                    f"the attribute 'style' on <{tag}> is not allowed; the site's stylesheets "
                    "decide the look."
                )
            elif name not in AUTHOR_TAGS[tag]:
                add(f"the attribute '{name}' is not allowed on <{tag}>; remove it.")
            elif name in ("href", "src") and not _safe_url(value):
                add(f"the address '{value}' on <{tag}> is not allowed: it would run a script.")
        if tag in EMBED_TAGS:
            src = dict(attrs).get("src") or ""
            host = _host_of(src)
            if host not in embed_hosts:
                hosts = ", ".join(embed_hosts) or "none"
                add(
                    f"<{tag}> from '{host or src}' is not allowed; allowed hosts: {hosts} "
                    "(extra.gialai.embed_hosts in mkdocs.yml)."
                )
    return problems


def _safe_url(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    scheme = cleaned.split(":", 1)[0] if ":" in cleaned.split("/", 1)[0] else ""
    return scheme in SAFE_SCHEMES


def check_link_targets(links, rel: str) -> list[Problem]:
    """Markdown links whose address would run a script, like javascript:…"""
    return [
        Problem(
            rel, link.line, "", f"the link '{link.target}' is not allowed: it would run a script."
        )
        for link in links
        if not _safe_url(link.target)
    ]


def sanitize_page(content: str, embed_hosts: tuple[str, ...] = ()) -> str:
    """Remove from rendered article HTML anything outside the allowlist."""

    def keep_attribute(tag: str, name: str, value: str) -> str | None:
        if tag == "iframe" and name == "src" and _host_of(value) not in embed_hosts:
            return None
        return value

    return nh3.clean(
        content,
        tags=_RENDERED_TAGS,
        attributes=_RENDERED_ATTRIBUTES,
        attribute_filter=keep_attribute,
        url_schemes=SAFE_SCHEMES - {""},
        link_rel=None,
        strip_comments=True,
    )
