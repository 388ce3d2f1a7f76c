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

from . import schema
from .problems import Problem
from .safety import check_link_targets, check_raw_html
from .schema import ACCEPTED, BODY_PLACEHOLDER, REQUIRED, Field, Form, Type
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

# The shape of what revision_of returns; the tools write it, nobody types it.
REVISION_PATTERN = re.compile(r"[0-9a-f]{12}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ABSENT = object()

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


def _unreadable_number(rel: str, node: yaml.Node | None) -> Problem:
    """The field whose value YAML took for a number it cannot read, with its line."""
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    for key, value in pairs:
        if not isinstance(value, yaml.ScalarNode):
            continue
        try:
            yaml.SafeLoader("").construct_object(value)
        except ValueError:
            return Problem(
                rel,
                value.start_mark.line + 2,  # the line after the opening ---, counted from 1
                str(key.value),
                f"'{value.value}' reads as a number but is not one; put the text in quotes, "
                f'like {key.value}: "{value.value}".',
            )
    return Problem(rel, 1, "", "the front matter holds a value YAML cannot read as a number.")


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


class _Unreadable(Exception):
    """A file whose front matter cannot be read at all: one problem, and nothing else."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Checker:
    """Collects the problems of one file while its fields are read, as the schema says."""

    def __init__(self, rel: str, node: yaml.Node | None, key: str, lang: str) -> None:
        self.rel = rel
        self.node = node
        self.lines = _field_lines(node)
        self.slug = key.rsplit("/", 1)[-1]
        self.lang = lang
        self.problems: list[Problem] = []
        self.draft = False

    def add(self, name: str, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.lines.get(name) or self.lines.get(name.split(".")[0]) or 1
        self.problems.append(Problem(self.rel, line, name, message))

    def fields(self, data: dict[str, Any], form: Form, article: Article) -> None:
        """Check every field against the schema and put its value on the article."""
        declared = schema.fields_of(form)
        self.unknown(data, {item.name for item in declared}, form.value)
        for item in declared:
            written = data.get(item.name, _ABSENT)
            if item.need(form) is ACCEPTED or written is _ABSENT:
                continue
            if item.type is Type.MAPPING:
                raw, value = self.mapping(item, written, form)
                # What a translation writes itself; catalog._inherit completes it.
                setattr(article, f"raw_{item.key}", raw)
            else:
                value = _READERS[item.type](self, item, written, item.name)
            setattr(article, item.key, value)
        for item in schema.required_of(form):
            other = getattr(article, schema.field(item.unless).key) if item.unless else ""
            self.require(item, data.get(item.name), getattr(article, item.key), other)

    def require(self, item: Field, written: Any, value: Any, other: Any) -> None:
        """A required field is there, and holds words unless the file is a draft."""
        if other:  # the field that may stand for this one is given
            return
        if written is None:
            self.add(item.name, f"missing; {item.fix}", line=1)
        elif item.type is Type.TEXT and isinstance(written, str) and not value and not self.draft:
            self.add(item.name, f"is empty; {item.fix}")

    def text(self, item: Field, value: Any, label: str) -> str:
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.add(label, f"expected text, got {_describe(value)}; write it in quotes.")
            return ""
        return value.strip()

    def date(self, item: Field, value: Any, label: str) -> dt.date | None:
        if value is None:
            return None
        text = str(value).strip()
        if not _DATE.fullmatch(text):
            self.add(label, f"{_describe(value)} is not a date; write it like {item.example}.")
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.add(label, f"'{text}' is not a day of the calendar; check the month and the day.")
            return None

    def text_list(self, item: Field, value: Any, label: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            self.add(label, f"expected a list like {item.example}, got {_describe(value)}.")
            return ()
        if not isinstance(value, list) or not all(
            isinstance(entry, (str, int)) and not isinstance(entry, bool) for entry in value
        ):
            self.add(label, f"expected a list of words like {item.example}.")
            return ()
        entries = tuple(str(entry).strip() for entry in value if str(entry).strip())
        for entry in entries:
            if not slugify(entry) and not any(ch.isalpha() for ch in entry):
                self.add(label, f"'{entry}' is not a usable {item.item}; use words.")
        return entries

    def choice(self, item: Field, value: Any, label: str) -> str:
        if value in item.choices:
            return value
        words = " or ".join(item.choices)
        self.add(label, f"{_describe(value)} is not a {item.name}; write {words}.")
        return item.default

    def revision(self, item: Field, value: Any, label: str) -> str:
        """A translation's source_revision is one the tools wrote, or none yet."""
        revision = self.text(item, value, label)
        if isinstance(value, int):  # YAML reads 012345678901 as a number: take it as written
            revision = _scalar_text(self.node, item.name) or ""
        if revision and not REVISION_PATTERN.fullmatch(revision):
            self.add(
                label,
                f"'{revision}' is not a revision of the Vietnamese article; once this "
                "translation matches the latest Vietnamese, run gialai mark-translated "
                f"{self.slug} --to {self.lang}, which writes the right one, like "
                f"{item.name}: {item.example}.",
            )
        return revision

    def mapping(self, item: Field, value: Any, form: Form) -> tuple[dict[str, str], Cover | None]:
        """The cover's own fields as written, and the Cover once its required ones are there."""
        label = item.name
        if not isinstance(value, dict):
            names = [sub.name for sub in item.fields]
            self.add(
                label,
                f"expected the fields {', '.join(names[:-1])} and {names[-1]}, each on its own "
                "indented line.",
            )
            return {}, None
        declared = schema.fields_of(form, item.fields)
        self.unknown(
            {f"{label}.{name}": entry for name, entry in value.items()},
            {f"{label}.{sub.name}" for sub in declared},
            f"a {item.name}",
        )
        read = [sub for sub in declared if sub.need(form) is not ACCEPTED]
        raw = {sub.name: self.text(sub, value.get(sub.name), f"{label}.{sub.name}") for sub in read}
        required = [sub for sub in read if sub.need(form) is REQUIRED]
        for sub in required:
            # Even in a draft: the build needs the file and its description to show a photo.
            if not raw[sub.name]:
                self.add(f"{label}.{sub.name}", f"missing; {sub.fix}", line=self.lines.get(label))
        made = Cover(**raw) if required and all(raw[sub.name] for sub in required) else None
        return {name: text for name, text in raw.items() if text}, made

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


_READERS = {
    Type.TEXT: _Checker.text,
    Type.DATE: _Checker.date,
    Type.LIST: _Checker.text_list,
    Type.CHOICE: _Checker.choice,
    Type.REVISION: _Checker.revision,
}


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
    try:
        data, node, body, body_line = _front_matter(text, rel)
    except _Unreadable as error:
        return None, [error.problem]
    form = Form.PAGE if kind == "page" else Form.SOURCE if is_source else Form.TRANSLATION
    check = _Checker(rel, node, key, lang)
    # A draft is work in progress: empty fields are allowed until it is published.
    check.draft = data.get("status", schema.field("status").default) == "draft"
    check.draft = check.draft and not check_drafts
    article = Article(path=path, rel=rel, lang=lang, key=key, kind=kind, body_line=body_line)
    article.field_lines = check.lines
    article.body = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    check.fields(data, form, article)
    _check_body(check, article, embed_hosts)
    return (None if check.problems else article), check.problems


def _front_matter(text: str, rel: str) -> tuple[dict[str, Any], yaml.Node | None, str, int]:
    """The fields, their YAML node, the body and its first line; or _Unreadable."""
    parts = split_front_matter(text)
    if parts is None:
        required = ", ".join(item.name for item in schema.required_of(Form.SOURCE))
        raise _Unreadable(
            Problem(
                rel,
                1,
                "",
                f"the file has no front matter; start it with a line '---', then the fields "
                f"({required}), then another line '---'.",
            )
        )
    front, body, body_line = parts
    if body_line < 0:
        raise _Unreadable(
            Problem(
                rel,
                1,
                "",
                "the front matter starts with '---' but never ends; add a line with only "
                "'---' after the last field.",
            )
        )
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
        raise _Unreadable(
            Problem(rel, line, "", f"the front matter is not valid YAML: {_yaml_hint(problem)}")
        ) from None
    except yaml.YAMLError as error:
        raise _Unreadable(
            Problem(rel, 1, "", f"the front matter is not valid YAML ({error}).")
        ) from None
    except ValueError:
        # PyYAML takes a value such as 0b_ or 0x_ for a number and cannot read it.
        raise _Unreadable(_unreadable_number(rel, node)) from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        example = schema.field("title").example
        raise _Unreadable(
            Problem(
                rel,
                2,
                "",
                f"the front matter must be fields, one per line, like 'title: {example}'.",
            )
        )
    return {str(name): value for name, value in data.items()}, node, body, body_line


def _check_body(check: _Checker, article: Article, embed_hosts: tuple[str, ...]) -> None:
    """The file name, the text below the front matter, its images and links."""
    body, body_line = article.body, article.body_line
    if not SLUG_PATTERN.match(article.slug) and article.key != "index":
        suggestion = slugify(article.slug) or "bai-viet"
        check.add(
            "",
            f"the file name '{article.path.name}' may only use a–z, 0–9 and '-'; "
            f"rename it to '{suggestion}.md'.",
            line=0,
        )
    if article.kind == "article" and not check.draft:
        if not body.strip():
            check.add(
                "",
                "the article has no text below the front matter; write the article there.",
                line=body_line,
            )
        for offset, line in enumerate(body.split("\n")):
            if line.strip() == BODY_PLACEHOLDER:
                check.add(
                    "",
                    f"'{BODY_PLACEHOLDER}' is the placeholder that gialai new writes; replace it "
                    "with the article's first paragraph, like: Thác 50 đổ xuống từ độ cao chừng "
                    "năm mươi mét giữa rừng Kbang.",
                    line=body_line + offset,
                )

    article.links = tuple(_find_links(body, body_line))
    check.problems += _blank_images(body, body_line, check.rel)
    check.problems += check_raw_html(body, body_line, check.rel, embed_hosts)
    check.problems += check_link_targets(article.links, check.rel)
    for link in article.links:
        if link.is_image and not _alt_of(body, link):
            check.add(
                "",
                f"the image '{link.target}' has no alt text; describe it between the "
                "brackets, like ![Thác 50 mùa mưa](...).",
                line=link.line,
            )


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
