"""Articles as data: read one Markdown file, check its front matter, return an Article.

The front matter is parsed here rather than by MkDocs, which swallows YAML errors. Every
mistake becomes a Problem with the file, the line and a fix in plain words.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .safety import check_link_targets, check_raw_html
from .text import SLUG_PATTERN, slugify

try:  # libyaml is much faster; the pure-Python loader gives the same results.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML without implicit dates, so '2025-02-30' reaches our own date check."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

STATUSES = ("published", "draft")
DATE_EXAMPLE = "2025-12-30"
# What `gialai new` writes as the text: a published article must not still hold it.
BODY_PLACEHOLDER = "Viết đoạn mở đầu ở đây."
BYLINE_HINT = (
    "like byline: Nguyễn Thu Hà (or, for an article taken from a newspaper, source: Báo Gia Lai)."
)
# The shape of what revision_of returns; the tools write it, nobody types it.
REVISION_PATTERN = re.compile(r"[0-9a-f]{12}")
REVISION_EXAMPLE = "3fa2c1d04b9e"

SOURCE_FIELDS = {
    "title",
    "summary",
    "date",
    "category",
    "tags",
    "byline",
    "source",
    "dateline",
    "cover",
    "status",
    "publish",
}
TRANSLATION_FIELDS = {
    "title",
    "summary",
    "tags",
    "cover",
    "status",
    "translator",
    "source_revision",
    "byline",
    "source",
    "dateline",
}
PAGE_FIELDS = {"title", "summary", "template", "status", "hide", "source_revision", "translator"}
COVER_FIELDS = {"image", "alt", "caption", "credit"}
# And a byline, or the `source` an article is taken from: _Checker.byline.
REQUIRED_SOURCE = ("title", "summary", "date", "category")
REQUIRED_TRANSLATION = ("title", "summary")

# A Markdown address may hold one level of balanced parentheses, like Markdown allows.
_TARGET = r"(?P<target>(?:[^()\s]|\([^()\s]*\))+)"
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(" + _TARGET + r"(?:\s+\"[^\"]*\")?\)")
# An image whose address is empty or blank: Markdown would publish <img src="">.
_BLANK_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*(?:<\s*>)?\s*(?:\"[^\"]*\"|'[^']*')?\s*\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(" + _TARGET + r"(?:\s+\"[^\"]*\")?\)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Cover:
    """A photo shown at the top of an article."""

    image: str
    alt: str
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Link:
    """A link or image reference written in an article body, with its line in the file."""

    target: str
    line: int
    is_image: bool = False


@dataclass
class Article:
    """One Markdown file of the site: an article in a category folder, or a plain page."""

    path: Path
    rel: str
    lang: str
    key: str
    kind: str
    title: str = ""
    summary: str = ""
    date: dt.date | None = None
    category: str = ""
    tags: tuple[str, ...] = ()
    byline: str = ""
    source_name: str = ""  # the publication an article is taken from: `source: Báo Gia Lai`
    dateline: str = ""
    cover: Cover | None = None
    status: str = "published"
    publish: dt.date | None = None
    template: str = ""
    translator: str = ""
    source_revision: str = ""
    body: str = ""
    body_line: int = 1
    field_lines: dict[str, int] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    raw_cover: dict[str, Any] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.key.rsplit("/", 1)[-1]

    @property
    def folder(self) -> str:
        return self.key.rsplit("/", 1)[0] if "/" in self.key else ""

    @property
    def revision(self) -> str:
        """A short fingerprint of what translators translate: title, summary and body."""
        return revision_of(self.title, self.summary, self.body)

    @property
    def publish_date(self) -> dt.date | None:
        """The day the article goes public: ``publish`` if set, else its ``date``."""
        return self.publish or self.date

    def line_of(self, name: str) -> int:
        """The file line of a front-matter field, or of the front matter's start."""
        return self.field_lines.get(name) or self.field_lines.get(name.split(".")[0]) or 1


def revision_of(title: str, summary: str, body: str) -> str:
    """Fingerprint of a source text; whitespace at line ends does not count as a change."""
    normal = "\n".join(line.rstrip() for line in f"{title}\n{summary}\n{body.strip()}".split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split text into (front matter, body, file line of the body's first line)."""
    if not text.startswith("---\n"):
        return None
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        return ("", "", -1)
    front = text[4 : 4 + end.start()]
    rest = text[4 + end.end() :]
    if rest.startswith("\n"):
        rest = rest[1:]
    body_line = 2 + front.count("\n") + 1
    return front, rest, body_line


def _scalar_text(node: yaml.Node | None, name: str) -> str | None:
    """A top-level field exactly as written, before YAML reads '0123' as a number."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and str(key_node.value) == name:
            return str(value_node.value) if isinstance(value_node, yaml.ScalarNode) else None
    return None


def _field_lines(node: yaml.Node | None) -> dict[str, int]:
    """File line of each field, ``cover.alt`` style for nested ones."""
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        name = str(key_node.value)
        lines[name] = key_node.start_mark.line + 2
        if isinstance(value_node, yaml.MappingNode):
            for sub_key, _sub_value in value_node.value:
                if isinstance(sub_key, yaml.ScalarNode):
                    lines[f"{name}.{sub_key.value}"] = sub_key.start_mark.line + 2
    return lines


def _yaml_hint(problem: str) -> str:
    """Plain words for PyYAML's messages (libyaml and pure Python word them differently)."""
    if "mapping values are not allowed" in problem:
        return (
            "a value contains ': ' without quotes; put the value in quotes, like "
            'title: "Gia Lai: 50 năm".'
        )
    if "\\t" in problem or "tab" in problem:
        return "a line is indented with a tab; indent with spaces."
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "a line is not in the form 'field: value'; write it like byline: Nguyễn Thu Hà."
    if "alias" in problem or "anchor" in problem or "unhashable" in problem:
        return "a value starts with '*', '&', '[' or '{'; put the value in quotes."
    if "quoted scalar" in problem or "unexpected end of stream" in problem:
        return "a quote is opened but not closed; close it on the same line."
    return "check the quotes and the indentation on this line."


def _read_text(path: Path, rel: str, max_bytes: int) -> tuple[str | None, list[Problem]]:
    try:
        if path.is_symlink():
            return None, [
                Problem(
                    rel,
                    0,
                    "",
                    "the file is a symbolic link; copy the article into content/ instead.",
                )
            ]
        size = path.stat().st_size
        if size > max_bytes:
            return None, [
                Problem(
                    rel,
                    0,
                    "",
                    f"the file is {size / 1_000_000:.1f} MB; an article must stay under "
                    f"{max_bytes / 1_000_000:.1f} MB: split it into several articles.",
                )
            ]
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(rel, 0, "", f"the file cannot be read ({error.strerror}).")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                rel,
                line,
                "",
                "the file is not UTF-8 text; open it in your editor and save it with the "
                "encoding 'UTF-8'.",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return str(value)


class _Checker:
    """Collects the problems of one file while its fields are read."""

    def __init__(self, rel: str, lines: dict[str, int]) -> None:
        self.rel = rel
        self.lines = lines
        self.problems: list[Problem] = []
        self.draft = False

    def add(self, name: str, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.lines.get(name) or self.lines.get(name.split(".")[0]) or 1
        self.problems.append(Problem(self.rel, line, name, message))

    def text(
        self, data: dict[str, Any], name: str, required: bool = False, prefix: str = ""
    ) -> str:
        label = prefix + name
        value = data.get(name)
        if value is None:
            if required:
                self.add(label, f"missing; every article needs a {name}.", line=1)
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.add(label, f"expected text, got {_describe(value)}; write it in quotes.")
            return ""
        if required and not value.strip() and not self.draft:
            self.add(label, f"is empty; every article needs a {name}.")
        return value.strip()

    def date(self, data: dict[str, Any], name: str, required: bool = False) -> dt.date | None:
        value = data.get(name)
        if value is None:
            if required:
                self.add(name, f"missing; write the {name} like {DATE_EXAMPLE}.", line=1)
            return None
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.add(name, f"{_describe(value)} is not a date; write it like {DATE_EXAMPLE}.")
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.add(name, f"'{text}' is not a day of the calendar; check the month and the day.")
            return None

    def byline(self, data: dict[str, Any], byline: str, source: str) -> None:
        """An article names its author, or the publication it is taken from."""
        if byline or source:
            return
        value = data.get("byline")
        if value is None:
            self.add("byline", f"missing; every article needs a byline, {BYLINE_HINT}", line=1)
        elif isinstance(value, str) and not self.draft:
            self.add("byline", f"is empty; every article needs a byline, {BYLINE_HINT}")

    def revision(self, revision: str, key: str, lang: str) -> None:
        """A translation's source_revision is one the tools wrote, or none yet."""
        if not revision or REVISION_PATTERN.fullmatch(revision):
            return
        slug = key.rsplit("/", 1)[-1]
        self.add(
            "source_revision",
            f"'{revision}' is not a revision of the Vietnamese article; once this translation "
            f"matches the latest Vietnamese, run gialai mark-translated {slug} --to {lang}, "
            f"which writes the right one, like source_revision: {REVISION_EXAMPLE}.",
        )

    def tags(self, data: dict[str, Any]) -> tuple[str, ...]:
        value = data.get("tags")
        if value is None:
            return ()
        if isinstance(value, str):
            self.add(
                "tags",
                f"expected a list like [Kbang, thác nước], got {_describe(value)}.",
            )
            return ()
        if not isinstance(value, list) or not all(
            isinstance(item, (str, int)) and not isinstance(item, bool) for item in value
        ):
            self.add("tags", "expected a list of words like [Kbang, thác nước].")
            return ()
        tags = tuple(str(item).strip() for item in value if str(item).strip())
        for tag in tags:
            if not slugify(tag) and not any(ch.isalpha() for ch in tag):
                self.add("tags", f"'{tag}' is not a usable tag; use words.")
        return tags

    def unknown(self, data: dict[str, Any], allowed: set[str], kind: str) -> None:
        for name in data:
            if name in allowed:
                continue
            close = difflib.get_close_matches(str(name), sorted(allowed), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else (f"the fields of {kind} are: {', '.join(sorted(allowed))}.")
            )
            self.add(str(name), f"is not a field of {kind}; {hint}")


def parse_article(
    path: Path,
    rel: str,
    lang: str,
    key: str,
    kind: str,
    is_source: bool,
    max_bytes: int = 1_000_000,
    embed_hosts: tuple[str, ...] = (),
    check_drafts: bool = False,
) -> tuple[Article | None, list[Problem]]:
    """Read one Markdown file; return the article, or None with the problems found.

    ``kind`` is 'article' for files in a category folder and 'page' for the others.
    """
    text, problems = _read_text(path, rel, max_bytes)
    if text is None:
        return None, problems
    parts = split_front_matter(text)
    if parts is None:
        return None, [
            Problem(
                rel,
                1,
                "",
                "the file has no front matter; start it with a line '---', then the fields "
                "(title, summary, date, category, byline), then another line '---'.",
            )
        ]
    front, body, body_line = parts
    if body_line < 0:
        return None, [
            Problem(
                rel,
                1,
                "",
                "the front matter starts with '---' but never ends; add a line with only "
                "'---' after the last field.",
            )
        ]
    loader = _FrontMatterLoader(front)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and "quoted" in (error.context or ""):
            mark = error.context_mark  # where the unclosed quote opens, not the end of file
        line = mark.line + 2 if mark else 1
        problem = error.problem or str(error)
        return None, [
            Problem(
                rel,
                line,
                "",
                f"the front matter is not valid YAML: {_yaml_hint(problem)}",
            )
        ]
    except yaml.YAMLError as error:
        return None, [Problem(rel, 1, "", f"the front matter is not valid YAML ({error}).")]
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [
            Problem(
                rel,
                2,
                "",
                "the front matter must be fields, one per line, like 'title: Thác 50 ở Kbang'.",
            )
        ]
    data = {str(name): value for name, value in data.items()}
    check = _Checker(rel, _field_lines(node))
    status = data.get("status", "published")
    # A draft is work in progress: empty fields are allowed until it is published.
    check.draft = status == "draft" and not check_drafts
    article = Article(path=path, rel=rel, lang=lang, key=key, kind=kind)
    article.field_lines = check.lines
    article.body = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    article.body_line = body_line

    if kind == "page":
        check.unknown(data, PAGE_FIELDS, "a page")
        article.title = check.text(data, "title", required=True)
        article.summary = check.text(data, "summary")
        article.template = check.text(data, "template")
    elif is_source:
        check.unknown(data, SOURCE_FIELDS, "an article")
        article.title = check.text(data, "title", required=True)
        article.summary = check.text(data, "summary", required=True)
        article.date = check.date(data, "date", required=True)
        article.category = check.text(data, "category", required=True)
        article.byline = check.text(data, "byline")
        article.source_name = check.text(data, "source")
        check.byline(data, article.byline, article.source_name)
        article.dateline = check.text(data, "dateline")
        article.publish = check.date(data, "publish")
        article.tags = check.tags(data)
    else:
        check.unknown(data, TRANSLATION_FIELDS, "a translation")
        article.title = check.text(data, "title", required=True)
        article.summary = check.text(data, "summary", required=True)
        article.byline = check.text(data, "byline")
        article.source_name = check.text(data, "source")
        article.dateline = check.text(data, "dateline")
        article.translator = check.text(data, "translator")
        article.source_revision = check.text(data, "source_revision")
        if isinstance(data.get("source_revision"), int):
            article.source_revision = _scalar_text(node, "source_revision") or ""
        check.revision(article.source_revision, key, lang)
        article.tags = check.tags(data)

    if status not in STATUSES:
        check.add("status", f"{_describe(status)} is not a status; write published or draft.")
    else:
        article.status = status

    if "cover" in data and kind == "article":
        cover = data["cover"]
        if not isinstance(cover, dict):
            check.add(
                "cover",
                "expected the fields image, alt, caption and credit, each on its own "
                "indented line.",
            )
        else:
            check.unknown(
                {f"cover.{name}": value for name, value in cover.items()},
                {f"cover.{name}" for name in COVER_FIELDS},
                "a cover",
            )
            raw = {name: check.text(cover, name, prefix="cover.") for name in COVER_FIELDS}
            article.raw_cover = {name: value for name, value in raw.items() if value}
            if is_source:
                if not raw["image"]:
                    check.add(
                        "cover.image",
                        "missing; write the file name of the photo in "
                        "content/images/, like thac-50.jpg.",
                        line=check.lines.get("cover"),
                    )
                if not raw["alt"]:
                    check.add(
                        "cover.alt",
                        "missing; describe the photo in a sentence for readers who cannot see it.",
                        line=check.lines.get("cover"),
                    )
                if raw["image"] and raw["alt"]:
                    article.cover = Cover(raw["image"], raw["alt"], raw["caption"], raw["credit"])

    if not SLUG_PATTERN.match(article.slug) and key != "index":
        suggestion = slugify(article.slug) or "bai-viet"
        check.add(
            "",
            f"the file name '{path.name}' may only use a–z, 0–9 and '-'; "
            f"rename it to '{suggestion}.md'.",
            line=0,
        )
    if not article.body.strip() and kind == "article" and not check.draft:
        check.add(
            "",
            "the article has no text below the front matter; write the article there.",
            line=body_line,
        )

    if kind == "article" and not check.draft:
        for offset, line in enumerate(article.body.split("\n")):
            if line.strip() == BODY_PLACEHOLDER:
                check.add(
                    "",
                    f"'{BODY_PLACEHOLDER}' is the placeholder that gialai new writes; replace it "
                    "with the article's first paragraph, like: Thác 50 đổ xuống từ độ cao chừng "
                    "năm mươi mét giữa rừng Kbang.",
                    line=body_line + offset,
                )

    article.links = tuple(_find_links(article.body, body_line))
    check.problems += _blank_images(article.body, body_line, rel)
    check.problems += check_raw_html(article.body, body_line, rel, embed_hosts)
    check.problems += check_link_targets(article.links, rel)
    for link in article.links:
        if link.is_image and not _alt_of(article.body, link):
            check.add(
                "",
                f"the image '{link.target}' has no alt text; describe it between the "
                "brackets, like ![Thác 50 mùa mưa](...).",
                line=link.line,
            )
    return (None if check.problems else article), check.problems


def _find_links(body: str, first_line: int) -> list[Link]:
    links = []
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        for match in _IMAGE.finditer(line):
            links.append(Link(match.group("target"), first_line + offset, is_image=True))
        for match in _LINK.finditer(line):
            links.append(Link(match.group("target"), first_line + offset))
    return links


def _blank_images(body: str, first_line: int, rel: str) -> list[Problem]:
    """Images written with an empty address, outside code blocks."""
    problems = []
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        for match in _BLANK_IMAGE.finditer(line):
            written = match.group(0)
            example = "like ![Thác 50 mùa mưa](../../images/thac-50.jpg)."
            if match.group("alt").strip():
                message = (
                    f"the image '{written}' has no address; write the path of the photo "
                    f"between the parentheses, {example}"
                )
            else:
                message = (
                    f"the image '{written}' has no address and no alt text; write what it "
                    "shows between the brackets and the path of the photo between the "
                    f"parentheses, {example}"
                )
            problems.append(Problem(rel, first_line + offset, "", message))
    return problems


def _alt_of(body: str, link: Link) -> str:
    for match in _IMAGE.finditer(body):
        if match.group("target") == link.target and match.group("alt").strip():
            return match.group("alt")
    return ""
