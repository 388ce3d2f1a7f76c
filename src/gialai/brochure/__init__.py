"""Printed brochures: a selection of articles as one PDF per language.

``extra.gialai.brochures`` in ``mkdocs.yml`` names each brochure, its title per language and
its articles by slug. For each language the brochure is an HTML document (``brochure.html``
and ``brochure.css`` beside this file) printed to PDF by Chromium: a cover, the contents
with page numbers, each article with its photo, caption, credit and a QR code to its web
address, and the publisher's page. docs/brochures.md says why Chromium (it shapes Khmer and
Lao, breaks their lines without spaces and keeps the text extractable).

Chromium's print has no ``target-counter()``, so the contents get their page numbers in two
passes: the first print carries an invisible mark at the start of each article; the page
each mark is found on (``pdftotext``) is the article's page in the second print, whose
layout is the same, as the numbers' boxes keep their width.

An article not translated into a language is left out of that language's brochure, and the
contents page names it, in Vietnamese, with its web address.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import markdown
import yaml
from markupsafe import Markup, escape

from ..catalog import Catalog, Entry
from ..fonts import HAN_RANGES
from ..problems import ContentError, Problem
from ..safety import sanitize_page
from ..settings import Settings
from ..site import Site
from ..views import article_url

HERE = Path(__file__).parent
CHROMIUM = "/usr/bin/chromium"
# Headless, and nothing fetched on Chromium's own account (the tests start it the same way).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# The site's font rules (Latin, Vietnamese, Khmer, Lao), printed with the files they name.
SITE_FONTS_CSS = "overrides/assets/stylesheets/fonts.css"
SITE_FONTS_DIR = "overrides/assets/fonts"
CHINESE_FONTS = {400: "fonts/NotoSansSC-Regular.ttf", 700: "fonts/NotoSansSC-Bold.ttf"}
# The CSS counter style that writes page numbers in a language's digits.
COUNTER_STYLES = {"latn": "decimal", "khmr": "khmer", "laoo": "lao", "thai": "thai"}
MARK = "GLPAGEMARK{index}Z"
_MARK = re.compile(r"GLPAGEMARK(\d+)Z")
_EXAMPLE = (
    "brochures: [{name: dau-tu, title: {vi: Đầu tư vào Gia Lai}, "
    "articles: [ca-phe-ho-tieu-sau-rieng, q-fair-2025]}]"
)
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Brochure:
    """One brochure as configured: a file name, a title per language, articles by slug."""

    name: str
    titles: Mapping[str, str]
    slugs: tuple[str, ...]
    keys: tuple[str, ...] = ()  # the articles' keys (folder/slug), in the same order

    def title(self, lang: str, default: str) -> str:
        return self.titles.get(lang) or self.titles[default]


@dataclass
class Edition:
    """One brochure in one language: the articles printed and the ones left out."""

    brochure: Brochure
    lang: str
    entries: list[Entry]
    left_out: list[Entry]
    pages: dict[str, int] = field(default_factory=dict)  # article key -> page number


def load_brochures(settings: Settings, catalog: Catalog) -> list[Brochure]:
    """The brochures of ``extra.gialai.brochures``, checked against the content."""
    where = "mkdocs.yml"
    default = settings.default_language.code
    by_slug = {article.slug: key for key, article in catalog.sources.items()}
    problems: list[Problem] = []
    brochures: list[Brochure] = []
    names: set[str] = set()
    written = settings.brochures
    if not isinstance(written, (list, tuple)):
        raise ContentError(
            [
                Problem(
                    where,
                    0,
                    "extra.gialai.brochures",
                    f"write a list of brochures, each with a name, a title and articles, like "
                    f"{_EXAMPLE}.",
                )
            ]
        )
    for index, raw in enumerate(written):
        place = f"extra.gialai.brochures[{index + 1}]"
        if not isinstance(raw, dict):
            problems.append(
                Problem(
                    where,
                    0,
                    place,
                    f"each brochure is a name, a title and a list of articles, like {_EXAMPLE}.",
                )
            )
            continue
        name = raw.get("name")
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            problems.append(
                Problem(
                    where,
                    0,
                    f"{place}.name",
                    "each brochure needs a name of lower-case letters, digits and hyphens for "
                    f"its file names, like {_EXAMPLE}.",
                )
            )
            continue
        place = f"extra.gialai.brochures.{name}"
        if name in names:
            problems.append(Problem(where, 0, f"{place}.name", "two brochures have this name."))
        names.add(name)
        titles = raw.get("title")
        if isinstance(titles, str):
            titles = {default: titles}
        for code in titles if isinstance(titles, dict) else ():
            if code not in settings.language_codes:
                codes = ", ".join(settings.language_codes)
                problems.append(
                    Problem(
                        where,
                        0,
                        f"{place}.title.{code}",
                        f"'{code}' is not a language of the site; use one of {codes}.",
                    )
                )
        if not isinstance(titles, dict) or not isinstance(titles.get(default), str):
            problems.append(
                Problem(
                    where,
                    0,
                    f"{place}.title",
                    f"give the brochure a title in {settings.default_language.name} at least, "
                    f"like title: {{{default}: Đầu tư vào Gia Lai, en: Investing in Gia Lai}}.",
                )
            )
            titles = {default: name}
        slugs = raw.get("articles")
        if not isinstance(slugs, list) or not slugs:
            problems.append(
                Problem(
                    where,
                    0,
                    f"{place}.articles",
                    "list the slugs of the articles to print, in their order, like "
                    "articles: [ca-phe-ho-tieu-sau-rieng, q-fair-2025].",
                )
            )
            continue
        keys = []
        for slug in slugs:
            slug = str(slug)
            key = by_slug.get(slug.rsplit("/", 1)[-1].removesuffix(".md"))
            if key is None:
                problems.append(
                    Problem(
                        where,
                        0,
                        f"{place}.articles",
                        f"'{slug}' is not the slug of a Vietnamese article; write the file "
                        f"name without .md, like {next(iter(by_slug), 'thac-50-o-kbang')}.",
                    )
                )
            elif key in keys:
                problems.append(
                    Problem(where, 0, f"{place}.articles", f"'{slug}' is listed twice.")
                )
            else:
                keys.append(key)
        brochures.append(
            Brochure(name, dict(titles), tuple(str(slug) for slug in slugs), tuple(keys))
        )
    if problems:
        raise ContentError(problems)
    return brochures


def plan_edition(catalog: Catalog, brochure: Brochure, lang: str) -> Edition:
    """The articles a language's brochure prints (its own translations) and leaves out."""
    entries, left_out = [], []
    for key in brochure.keys:
        entry = catalog.entry(lang, key)
        if entry is None:  # a draft, or not yet published on the build date
            continue
        (entries if entry.translated else left_out).append(entry)
    return Edition(brochure, lang, entries, left_out)


# --- the document -------------------------------------------------------------------------


class _BodyLinks(markdown.treeprocessors.Treeprocessor):
    """Links between articles become web addresses; photos become files of the project."""

    def __init__(self, md: markdown.Markdown, resolve) -> None:
        super().__init__(md)
        self.resolve = resolve

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and element.get("href"):
                element.set("href", self.resolve(element.get("href"), image=False))
            elif element.tag == "img" and element.get("src"):
                element.set("src", self.resolve(element.get("src"), image=True))


def _texts() -> dict[str, dict[str, str]]:
    return yaml.safe_load((HERE / "texts.yml").read_text(encoding="utf-8"))


class Document:
    """Makes the HTML of one brochure edition."""

    def __init__(self, site: Site, project_dir: Path) -> None:
        self.site = site
        self.settings = site.settings
        self.project_dir = project_dir
        self.texts = _texts()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(HERE)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def text(self, key: str, lang: str, **fields: object) -> Markup:
        """A brochure text in ``lang`` (Vietnamese, marked so, when it has none), escaped."""
        default = self.settings.default_language
        values = self.texts[key]
        own = lang in values
        strings = self.site.strings[lang if own else default.code]
        # Markup.format escapes each field, except those already made safe (addresses).
        text = escape(values[lang if own else default.code])
        if fields:
            text = text.format(
                **{k: v if isinstance(v, Markup) else strings.number(v) for k, v in fields.items()}
            )
        if own:
            return text
        return Markup(f'<span lang="{default.lang}">{text}</span>')

    def public_url(self, lang: str, key: str) -> str:
        prefix = self.settings.language(lang).prefix
        return f"{self.settings.public_url}{article_url(prefix, key)}"

    def body(self, entry: Entry) -> Markup:
        """The article's Markdown as safe HTML, its links made absolute for paper."""
        article = entry.article
        lang = entry.lang
        content_dir = self.settings.content_dir.resolve()

        def resolve(target: str, image: bool) -> str:
            if re.match(r"^[a-z][a-z0-9+.-]*:|^#", target, re.I):
                return target
            path, _, anchor = target.partition("#")
            joined = posixpath.normpath(posixpath.join(article.folder, path))
            if image:
                for base in (content_dir / article.lang, content_dir):
                    candidate = (base / joined).resolve()
                    if candidate.is_file() and content_dir in candidate.parents:
                        return candidate.as_uri()
                return ""
            key = joined.removesuffix(".md").removesuffix("/index").strip("/")
            if key in self.site.catalog.sources:
                return self.public_url(lang, key) + (f"#{anchor}" if anchor else "")
            return self.settings.public_url + joined.lstrip("/")

        md = markdown.Markdown(extensions=["attr_list", "tables", "admonition"])
        md.treeprocessors.register(_BodyLinks(md, resolve), "gialai-brochure-links", 1)
        html = sanitize_page(md.convert(article.body), self.settings.embed_hosts)
        return Markup(html)

    def fonts_css(self) -> str:
        """The site's font rules with file addresses, and Noto Sans SC for Chinese."""
        folder = (self.project_dir / SITE_FONTS_DIR).resolve()
        css = (self.project_dir / SITE_FONTS_CSS).read_text(encoding="utf-8")
        css = css.split("/* Fonts made when the site is built", 1)[0]
        css = re.sub(
            r'url\("\.\./fonts/([^"]+)"\)',
            lambda m: f'url("{(folder / m.group(1)).as_uri()}")',
            css,
        )
        ranges = ", ".join(f"U+{low:04X}-{high:04X}" for low, high in HAN_RANGES)
        for weight, relative in CHINESE_FONTS.items():
            path = (self.project_dir / relative).resolve()
            if path.is_file():
                css += (
                    f'\n@font-face {{ font-family: "Noto Sans SC"; font-weight: {weight}; '
                    f'src: url("{path.as_uri()}"); unicode-range: {ranges}; }}'
                )
        return css

    def render(self, edition: Edition, build_date: dt.date, marks: bool) -> str:
        """The HTML of one edition; ``marks`` puts the page marks of the first pass in."""
        lang = edition.lang
        settings = self.settings
        language = settings.language(lang)
        default = settings.default_language
        strings = self.site.strings[lang]
        views = self.site.views(lang)
        t = strings

        def number(value: int) -> str:
            return strings.number(value)

        articles = []
        for index, entry in enumerate(edition.entries):
            article = entry.article
            source = entry.source
            cover = article.cover
            url = self.public_url(lang, entry.key)
            picture = None
            if cover and cover.image:
                path = (settings.images_path / cover.image).resolve()
                if path.is_file():
                    picture = {
                        "src": path.as_uri(),
                        "alt": cover.alt,
                        "caption": cover.caption,
                        "credit": t.html("photo_credit", credit=cover.credit)
                        if cover.credit
                        else "",
                    }
            articles.append(
                {
                    "id": f"article-{index + 1}",
                    "mark": MARK.format(index=index) if marks else "",
                    "title": article.title,
                    "summary": article.summary,
                    "category": views.category(source.category)["name"],
                    "byline": t.html("byline", author=article.byline) if article.byline else "",
                    "source": t.html("source", source=article.source_name)
                    if article.source_name
                    else "",
                    "translator": t.html("translated_by", name=article.translator)
                    if article.translator
                    else "",
                    "dateline": article.dateline,
                    "date": t.date(source.date) if source.date else "",
                    "iso_date": source.date.isoformat() if source.date else "",
                    "picture": picture,
                    "body": self.body(entry),
                    "url": url,
                    "url_text": breakable_url(url),
                    "qr": Markup(self.site.qr.svg(url, t("print_qr"))),
                    "qr_label": t.html("print_qr"),
                    "page": number(edition.pages[entry.key]) if entry.key in edition.pages else "",
                }
            )
        left_out = [
            {
                "title": entry.source.title,
                "url": self.public_url(default.code, entry.key),
            }
            for entry in edition.left_out
        ]
        first_picture = next((a["picture"] for a in articles if a["picture"]), None)
        languages = [
            other.name
            for other in settings.languages
            if plan_edition(self.site.catalog, edition.brochure, other.code).entries
        ]
        template = self.env.get_template("brochure.html")
        return template.render(
            lang=language.lang,
            default_lang=default.lang,
            title=edition.brochure.title(lang, default.code),
            title_lang=language.lang if lang in edition.brochure.titles else default.lang,
            site_name=settings.site_name_for(lang),
            department=self.text("department", lang),
            address=self.text("address", lang),
            contents=self.text("contents", lang),
            left_out_note=self.text("left_out", lang),
            read_in_vietnamese=lambda url: self.text(
                "read_in_vietnamese", lang, url=breakable_url(url)
            ),
            publisher=self.text("publisher", lang),
            published=self.text("published", lang, date=t.date(build_date)),
            iso_date=build_date.isoformat(),
            web_edition=self.text("web_edition", lang, url=breakable_url(self._home(lang))),
            printed_in=self.text("languages", lang, names=" · ".join(languages)),
            copyright=settings.copyright_for(lang),
            articles=articles,
            left_out=left_out,
            cover_picture=first_picture,
            counter_style=COUNTER_STYLES.get(language.digits, "decimal"),
            fonts_css=Markup(self.fonts_css()),
            style=Markup((HERE / "brochure.css").read_text(encoding="utf-8")),
        )

    def _home(self, lang: str) -> str:
        return self.settings.public_url + self.settings.language(lang).prefix


def breakable_url(url: str) -> Markup:
    """A web address that may break after its slashes only: never inside a word, never
    at a hyphen, which a reader (and pdftotext) would take for a word broken in two."""
    parts = [Markup('<span class="nowrap">{}</span>').format(part) for part in url.split("/")]
    return Markup("/<wbr>").join(parts)


# --- printing -----------------------------------------------------------------------------


class Printer:
    """Debian's Chromium, headless, printing local HTML files to PDF with no network."""

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable or os.environ.get("GIALAI_CHROMIUM", CHROMIUM)
        self.blocked: list[str] = []  # addresses off this machine a document asked for

    @contextmanager
    def session(self) -> Iterator[Any]:
        if not Path(self.executable).exists():
            raise ContentError(
                [
                    Problem(
                        "brochures",
                        0,
                        "",
                        f"Chromium is not installed at {self.executable}: install Debian's "
                        "package (apt-get install chromium) or set GIALAI_CHROMIUM.",
                    )
                ]
            )
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=self.executable,
                args=CHROMIUM_ARGS,
            )
            try:
                yield browser
            finally:
                browser.close()

    def print_pdf(self, browser: Any, html_file: Path, pdf_file: Path) -> None:
        """Print one local HTML file; any request off this machine fails and is noted."""

        def local_only(route: Any) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
                return
            if url not in self.blocked:
                self.blocked.append(url)
            route.abort()

        page = browser.new_page()
        try:
            page.route("**/*", local_only)
            page.goto(html_file.as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.pdf(
                path=str(pdf_file),
                prefer_css_page_size=True,
                print_background=True,
                tagged=True,
                outline=True,
            )
        finally:
            page.close()


def pdf_text_pages(pdf_file: Path) -> list[str]:
    """The text of each page of a PDF (poppler's pdftotext)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise ContentError(
            [
                Problem(
                    "brochures",
                    0,
                    "",
                    "pdftotext is missing: the contents' page numbers are read with it; "
                    "install Debian's poppler-utils (apt-get install poppler-utils).",
                )
            ]
        )
    result = subprocess.run(
        [tool, "-enc", "UTF-8", str(pdf_file), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return result.stdout.split("\f")


def find_pages(pdf_file: Path, keys: list[str]) -> dict[str, int]:
    """Each article's page number, from the marks of the first pass."""
    pages: dict[str, int] = {}
    for number, text in enumerate(pdf_text_pages(pdf_file), start=1):
        for match in _MARK.finditer(text):
            index = int(match.group(1))
            if index < len(keys):
                pages.setdefault(keys[index], number)
    return pages


@dataclass
class Written:
    """A brochure PDF made: where, which articles, which left out, how long it took."""

    path: Path
    lang: str
    name: str
    printed: list[str]
    left_out: list[str]
    seconds: float
    blocked: list[str] = field(default_factory=list)  # not printed: not on this machine


def write_brochures(
    site: Site,
    out_dir: Path,
    names: Iterable[str] = (),
    languages: Iterable[str] = (),
    printer: Printer | None = None,
) -> list[Written]:
    """Print every selected brochure in every selected language into ``out_dir``."""
    settings = site.settings
    problems: list[Problem] = []
    try:
        brochures = load_brochures(settings, site.catalog)
    except ContentError as error:  # reported with the command's own mistakes, all at once
        brochures, problems = [], list(error.problems)
    wanted = list(names)
    problems += [
        Problem(
            "gialai brochure",
            0,
            "--name",
            f"'{name}' is not a brochure of mkdocs.yml; use one of "
            f"{', '.join(b.name for b in brochures)}.",
        )
        for name in wanted
        if brochures and name not in {b.name for b in brochures}
    ]
    codes = list(languages) or settings.language_codes
    problems += [
        Problem(
            "gialai brochure",
            0,
            "--language",
            f"'{code}' is not a language of the site; use one of "
            f"{', '.join(settings.language_codes)}.",
        )
        for code in codes
        if code not in settings.language_codes
    ]
    if not brochures and not problems:
        problems.append(
            Problem(
                "mkdocs.yml",
                0,
                "extra.gialai.brochures",
                f"no brochure is configured; add one, like {_EXAMPLE}.",
            )
        )
    if problems:
        raise ContentError(problems)
    selected = [b for b in brochures if not wanted or b.name in wanted]
    document = Document(site, settings.project_dir)
    build_date = site.options.build_date or dt.date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Written] = []
    printer = printer or Printer()
    with printer.session() as browser, tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        for brochure in selected:
            for code in codes:
                started = time.perf_counter()
                printer.blocked.clear()
                edition = plan_edition(site.catalog, brochure, code)
                if not edition.entries:
                    continue
                stem = f"{brochure.name}-{code}"
                draft_html = work_dir / f"{stem}.marks.html"
                draft_pdf = work_dir / f"{stem}.marks.pdf"
                draft_html.write_text(
                    document.render(edition, build_date, marks=True), encoding="utf-8"
                )
                printer.print_pdf(browser, draft_html, draft_pdf)
                edition.pages = find_pages(draft_pdf, [e.key for e in edition.entries])
                final_html = work_dir / f"{stem}.html"
                final_html.write_text(
                    document.render(edition, build_date, marks=False), encoding="utf-8"
                )
                target = out_dir / f"{stem}.pdf"
                temporary = target.with_suffix(f".{os.getpid()}.tmp")
                printer.print_pdf(browser, final_html, temporary)
                os.replace(temporary, target)
                written.append(
                    Written(
                        target,
                        code,
                        brochure.name,
                        [e.key for e in edition.entries],
                        [e.key for e in edition.left_out],
                        time.perf_counter() - started,
                        list(printer.blocked),
                    )
                )
    return written
