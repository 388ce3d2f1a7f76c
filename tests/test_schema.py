"""The article schema, the skeletons written from it and the handbook's field table agree."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from gialai import schema
from gialai.articles import Article, Cover, parse_article, revision_of
from gialai.catalog import load_catalog
from gialai.cli import main
from gialai.schema import (
    COMMENTED,
    FIELDS,
    OPTIONAL,
    PLACEHOLDER,
    REQUIRED,
    Form,
    Inherit,
    Skeleton,
    Type,
    fields_of,
)
from gialai.settings import load_settings

from .conftest import REPO, write_files

HANDBOOK = REPO / "docs" / "articles.md"
SOURCE = """---
title: Thác 50 ở Kbang
summary: Dòng thác giữa đại ngàn.
date: 2025-06-14
category: tourism
tags: [Kbang, thác nước]
byline: Lê Minh Khoa
source: Báo Gia Lai
dateline: Kbang
cover:
  image: thac-50.jpg
  alt: Dòng thác trắng
  caption: Mùa mưa
  credit: Ban biên tập
status: published
publish: 2025-06-20
---
Thác 50 nằm ở huyện Kbang.
"""
# A translation that writes every field a translation may, each unlike the source's.
FULL_TRANSLATION = """---
title: 50 Waterfall
summary: A waterfall in the forest.
tags: [waterfalls]
byline: Le Minh Khoa
source: Gia Lai Newspaper
dateline: Kbang district
cover:
  image: other.jpg
  alt: A white waterfall
  caption: The rainy season
  credit: The editors
status: draft
translator: Tran Van An
source_revision: {revision}
---
50 Waterfall is in Kbang.
"""


def _all_fields() -> list[schema.Field]:
    return [*FIELDS, *(sub for item in FIELDS for sub in item.fields)]


def _named(front: str) -> dict[str, set[str]]:
    """Field names a front matter mentions, live or as comments: {parent or '': names}."""
    named: dict[str, set[str]] = {"": set()}
    parent = ""
    for line in front.splitlines():
        match = re.match(r"(#?)( *)(\w+):", line)
        if match is None:
            continue
        if match.group(1) and not match.group(2):
            continue  # a comment in words, like "# Translation of …"
        indent = len(match.group(2)) - (1 if match.group(1) else 0)
        if indent == 0:
            parent = match.group(3)
            named[""].add(parent)
        else:
            named.setdefault(parent, set()).add(match.group(3))
    return named


def _meant_for(skeleton: Skeleton) -> dict[str, set[str]]:
    meant = {"": {item.name for item in FIELDS if item.written_by(skeleton)}}
    for item in FIELDS:
        if item.fields and item.written_by(skeleton):
            meant[item.name] = {sub.name for sub in item.fields if sub.written_by(skeleton)}
    return meant


def _front(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n")[1]


@pytest.fixture
def command(project: Path, monkeypatch, capsys):
    """Run gialai inside the project; the exit code is asserted here."""
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def run(*args: str) -> None:
        assert main(list(args)) == 0, capsys.readouterr()

    return run


# --- the skeletons ------------------------------------------------------------------------


def test_gialai_new_writes_every_field_the_schema_gives_it(project, command):
    command("new", "Thác 50", "--category", "tourism", "--byline", "A", "--source", "Báo Gia Lai")
    written = _named(_front(project / "content/vi/du-lich/thac-50.md"))
    assert written == _meant_for(Skeleton.NEW)


def test_gialai_translate_writes_every_field_the_schema_gives_it(project, command):
    write_files(project / "content", {"vi/du-lich/thac-50.md": SOURCE})
    shutil.copy(REPO / "content/images/thac-50.jpg", project / "content/images/thac-50.jpg")
    command("translate", "thac-50", "--to", "en")
    written = _named(_front(project / "content/en/du-lich/thac-50.md"))
    assert written == _meant_for(Skeleton.TRANSLATE)


def test_a_skeleton_writes_only_fields_of_the_file_it_makes():
    forms = {Skeleton.NEW: Form.SOURCE, Skeleton.TRANSLATE: Form.TRANSLATION}
    for item in _all_fields():
        for skeleton, form in forms.items():
            how = item.written_by(skeleton)
            if how is None:
                continue
            assert item.need(form) is not None, (item.name, skeleton)
            if how is PLACEHOLDER:
                assert item.placeholder, item.name
            if how is COMMENTED:
                assert item.fields and all(sub.placeholder for sub in item.fields), item.name


# --- the handbook -------------------------------------------------------------------------


def _table(text: str, header: str) -> list[list[str]]:
    """The rows of the Markdown table that starts with ``header``, as lists of cells."""
    lines = text.splitlines()
    start = lines.index(header)
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _section(text: str, heading: str) -> str:
    after = text.split(f"\n{heading}\n", 1)[1]
    return after.split("\n## ", 1)[0]


def test_the_handbook_lists_every_field_of_an_article():
    rows = _table(HANDBOOK.read_text(encoding="utf-8"), "| field | required | what it is |")
    listed = {re.fullmatch(r"`(\w+)`", row[0]).group(1): row for row in rows}
    assert set(listed) == {item.name for item in fields_of(Form.SOURCE)}
    required = {name for name, row in listed.items() if row[1].startswith("yes")}
    assert required == {item.name for item in schema.required_of(Form.SOURCE)}
    for item in fields_of(Form.SOURCE):
        for sub in item.fields:
            assert f"`{sub.name}`" in listed[item.name][2], (item.name, sub.name)


def test_the_handbook_names_every_field_a_translator_writes():
    section = _section(HANDBOOK.read_text(encoding="utf-8"), "## A translation")
    named = set(re.findall(r"`(\w+)`", section)) | set(re.findall(r"^(\w+):", section, re.M))
    expected = {item.name for item in fields_of(Form.TRANSLATION)}
    expected |= {sub.name for item in FIELDS for sub in item.fields if sub.translate}
    assert expected - named == set()


# --- the schema and the Article -----------------------------------------------------------


def test_every_field_is_declared_once_and_completely():
    for group in (FIELDS, *(item.fields for item in FIELDS if item.fields)):
        names = [item.name for item in group]
        assert len(names) == len(set(names))
    for item in _all_fields():
        forms = [form for form in Form if item.need(form) is not None]
        assert forms, item.name
        if any(item.need(form) is REQUIRED for form in forms):
            assert item.fix.endswith("."), item.name
        if item.type is Type.CHOICE:
            assert item.default in item.choices
        if item.type is Type.LIST and item.need(Form.SOURCE):
            assert item.item and item.example, item.name
        if item.unless:
            assert schema.field(item.unless).need(Form.SOURCE) is not None
        # What a translation may not write, it shows from its source.
        if item.need(Form.SOURCE) and not item.need(Form.TRANSLATION):
            assert item.inherit is Inherit.ALWAYS, item.name


def test_the_article_holds_every_field_with_the_schema_default():
    defaults = {
        spec.name: spec.default_factory() if callable(spec.default_factory) else spec.default
        for spec in dataclasses.fields(Article)
    }
    for item in FIELDS:
        if any(item.need(form) in (REQUIRED, OPTIONAL) for form in Form):
            assert defaults[item.key] == item.default, item.name
    cover = schema.field("cover")
    assert [spec.name for spec in dataclasses.fields(Cover)] == [sub.name for sub in cover.fields]
    assert defaults[f"raw_{cover.key}"] == {}


def test_translations_inherit_what_the_schema_says(project):
    source = parse_article(
        _write(project, "vi", SOURCE), "s.md", "vi", "du-lich/thac-50", "article", True
    )[0]
    revision = revision_of(source.title, source.summary, source.body)
    full = FULL_TRANSLATION.format(revision=revision)
    # Every field a translation may write is written here, so a new one is tested too.
    assert set(re.findall(r"^(\w+):", full, re.M)) == {
        item.name for item in fields_of(Form.TRANSLATION)
    }
    own = {
        "en": _write(
            project, "en", "---\ntitle: 50 Waterfall\nsummary: A waterfall.\n---\nText.\n"
        ),
        "km": _write(project, "km", full),
    }
    shutil.copy(REPO / "content/images/thac-50.jpg", project / "content/images/thac-50.jpg")
    catalog = load_catalog(load_settings(project / "mkdocs.yml"), dt.date(2026, 1, 1), True)
    assert catalog.problems == []
    for lang, path in own.items():
        mine = parse_article(path, "t.md", lang, "du-lich/thac-50", "article", False)[0]
        shown = catalog.translations[lang]["du-lich/thac-50"]
        for item in fields_of(Form.SOURCE) + fields_of(Form.TRANSLATION):
            for sub in item.fields or (item,):
                got, theirs = _value(shown, item, sub), _value(source, item, sub)
                written = _value(mine, item, sub, raw=True)
                if sub.inherit is Inherit.ALWAYS or (
                    sub.inherit is Inherit.UNLESS_GIVEN and not written
                ):
                    assert got == theirs, (lang, item.name, sub.name)
                else:
                    assert got == written and (lang == "en" or got != theirs), (lang, sub.name)


def _write(project: Path, lang: str, text: str) -> Path:
    write_files(project / "content", {f"{lang}/du-lich/thac-50.md": text})
    return project / f"content/{lang}/du-lich/thac-50.md"


def _value(article: Article, item: schema.Field, sub: schema.Field, raw: bool = False):
    if item is sub:
        return getattr(article, item.key)
    if raw:
        return getattr(article, f"raw_{item.key}").get(sub.name, "")
    return getattr(getattr(article, item.key), sub.name)
