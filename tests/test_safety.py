"""Raw HTML in articles: every forbidden thing is a content error and never reaches a page."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import html

from gialai.catalog import load_catalog
from gialai.safety import sanitize_page
from gialai.settings import load_settings

from .conftest import run_build, write_files

HEAD = """---
title: Thác 50
summary: Thác nước.
date: 2025-06-14
category: tourism
byline: Lê Minh Khoa
---
Đoạn đầu.

"""
REL = "content/vi/du-lich/thac-50.md"


def problems(project, body: str) -> list[str]:
    write_files(project / "content", {"vi/du-lich/thac-50.md": HEAD + body})
    catalog = load_catalog(load_settings(project / "mkdocs.yml"), dt.date(2026, 1, 1))
    return [str(p) for p in sorted(set(catalog.problems))]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "<script>alert(1)</script>",
            "the HTML tag <script> is not allowed in articles: scripts never run on this site; "
            "remove it.",
        ),
        (
            'Xem <span onclick="alert(1)">đây</span>.',
            "the attribute 'onclick' on <span> is not allowed: it would run a script; remove it.",
        ),
        (
            '<a href="javascript:alert(1)">bấm</a>',
            "the address 'javascript:alert(1)' on <a> is not allowed: it would run a script.",
        ),
        (
            "[bấm](javascript:alert(1))",
            "the link 'javascript:alert(1)' is not allowed: it would run a script.",
        ),
        (
            "<style>body { display: none }</style>",
            "the HTML tag <style> is not allowed in articles: the site's look comes from its own "
            "stylesheets; remove it.",
        ),
        (
            '<iframe src="https://www.youtube.com/embed/x"></iframe>',
            "<iframe> from 'www.youtube.com' is not allowed; allowed hosts: none "
            "(extra.gialai.embed_hosts in mkdocs.yml).",
        ),
        (
            '<object data="https://example.org/x.swf"></object>',
            "the HTML tag <object> is not allowed in articles: embedded objects are not allowed; "
            "remove it.",
        ),
        (
            '<div class="x">khối</div>',
            "the HTML tag <div> is not allowed in articles; write Markdown instead, or use one of "
            "<a>, <abbr>, <br>, <details>, <figcaption>, <figure>, <iframe>, <kbd>, <mark>, "
            "<small>, <span>, <sub>, <summary>, <sup>.",
        ),
        (
            '<span style="color:red">đỏ</span>',
            "the attribute 'style' on <span> is not allowed; the site's stylesheets decide the "
            "look.",
        ),
    ],
)
def test_forbidden_html_is_a_content_error_with_its_line(project, body, message):
    assert problems(project, body + "\n") == [f"{REL}:10: {message}"]


def test_allowed_html_and_code_samples_pass(project):
    body = (
        'Tên gọi <span lang="km">ខេត្តយ៉ាឡាយ</span> và <abbr title="Ủy ban nhân dân">UBND</abbr>.\n\n'
        "Trong mã: `<script>` không chạy.\n\n```html\n<script>alert(1)</script>\n```\n\n"
        "Địa chỉ <https://gialai.gov.vn>.\n"
    )
    assert problems(project, body) == []


def test_sanitizer_removes_what_slips_through():
    dirty = (
        '<p onclick="x()">Chữ <script>alert(1)</script><a href="javascript:x()">a</a>'
        '<img src="a.jpg" onerror="x()" alt="b"><iframe src="https://evil.example/"></iframe>'
        '<span style="color:red" lang="vi">đỏ</span></p>'
    )
    clean = html.fromstring(sanitize_page(dirty))
    assert clean.xpath("//script") == []
    assert clean.xpath("//@onclick | //@onerror | //@style") == []
    assert clean.xpath("//a/@href") == []
    assert clean.xpath("//iframe/@src") == []
    assert clean.xpath("//span/@lang") == ["vi"]
    assert clean.xpath("//img/@alt") == ["b"]


def test_a_script_never_reaches_a_built_page_even_in_the_preview(project):
    # The preview leaves broken articles out rather than stopping.
    write_files(
        project / "content",
        {
            "vi/du-lich/thac-50.md": HEAD + "<script>alert(1)</script>\n",
            "vi/du-lich/bien-ho.md": HEAD.replace("Thác 50", "Biển Hồ") + "Hồ.\n",
        },
    )
    result = run_build(project, preview=True)
    assert result.returncode == 0, result.stderr
    assert not (project / "site/du-lich/thac-50").exists()
    for file in (project / "site").rglob("*.html"):
        doc = html.fromstring(file.read_bytes())
        assert doc.xpath("//script[not(@src)]") == [], file
    public = run_build(project, site_dir=project / "public")
    assert public.returncode != 0
    assert f"{REL}:10: the HTML tag <script> is not allowed in articles" in public.stdout
