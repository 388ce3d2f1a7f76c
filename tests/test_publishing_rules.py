"""Drafts and scheduled articles: out of the public build, badged in the preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree, html

from .conftest import run_build, write_files

ARTICLE = """---
title: {title}
summary: Tóm tắt {title}.
date: {date}
category: tourism
byline: Lê Minh Khoa
status: {status}
{extra}---
Nội dung {title}.
"""
TRANSLATION = """---
title: {title}
summary: Summary of {title}.
status: {status}
---
Text of {title}.
"""


@pytest.fixture
def newsroom(project: Path) -> Path:
    write_files(
        project / "content",
        {
            "vi/du-lich/bien-ho.md": ARTICLE.format(
                title="Biển Hồ", date="2025-09-03", status="published", extra=""
            ),
            "vi/du-lich/kbang.md": ARTICLE.format(
                title="Kbang", date="2025-09-04", status="draft", extra=""
            ),
            "vi/du-lich/quy-nhon.md": ARTICLE.format(
                title="Quy Nhơn",
                date="2025-09-05",
                status="published",
                extra="publish: 2026-02-01\n",
            ),
            "en/du-lich/bien-ho.md": TRANSLATION.format(title="Bien Ho", status="draft"),
        },
    )
    return project


def exists(site: Path, path: str) -> bool:
    return (site / path / "index.html").exists()


def sitemap_locs(site: Path) -> list[str]:
    tree = etree.parse(str(site / "sitemap.xml"))
    return tree.xpath("//*[local-name()='loc']/text()")


def test_public_build_leaves_out_drafts_and_scheduled(newsroom):
    result = run_build(newsroom, build_date=dt.date(2026, 1, 15))
    assert result.returncode == 0, result.stderr
    site = newsroom / "site"
    assert exists(site, "du-lich/bien-ho")
    for lang in ("", "en/", "km/"):
        assert not exists(site, f"{lang}du-lich/kbang")
        assert not exists(site, f"{lang}du-lich/quy-nhon")
    listing = html.fromstring((site / "du-lich/index.html").read_bytes())
    titles = [a.text_content() for a in listing.xpath("//*[contains(@class,'gl-card__title')]/a")]
    assert titles == ["Biển Hồ"]
    assert not any("kbang" in loc or "quy-nhon" in loc for loc in sitemap_locs(site))
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "Kbang" not in feed and "Quy Nhơn" not in feed
    assert not exists(site, "trang-thai-dich")


def test_a_draft_translation_falls_back_to_vietnamese(newsroom):
    result = run_build(newsroom, build_date=dt.date(2026, 1, 15))
    assert result.returncode == 0, result.stderr
    page = html.fromstring((newsroom / "site/en/du-lich/bien-ho/index.html").read_bytes())
    assert page.get("lang") == "vi"
    assert page.find_class("gl-notice--fallback")
    assert page.xpath("//h1/text()") == ["Biển Hồ"]
    listing = html.fromstring((newsroom / "site/en/du-lich/index.html").read_bytes())
    assert listing.find_class("gl-card") == []


def test_the_build_date_decides_what_is_scheduled(newsroom):
    result = run_build(newsroom, build_date=dt.date(2026, 2, 1))
    assert result.returncode == 0, result.stderr
    assert exists(newsroom / "site", "du-lich/quy-nhon")


def test_preview_shows_drafts_and_scheduled_with_a_badge(newsroom):
    result = run_build(newsroom, build_date=dt.date(2026, 1, 15), preview=True)
    assert result.returncode == 0, result.stderr
    site = newsroom / "site"
    draft = html.fromstring((site / "du-lich/kbang/index.html").read_bytes())
    header = "//header[contains(@class,'gl-article__header')]//*[contains(@class,'gl-badge')]"
    assert [b.text_content() for b in draft.xpath(header)] == ["Bản nháp"]
    assert draft.xpath("//meta[@name='robots']/@content") == ["noindex"]
    scheduled = html.fromstring((site / "en/du-lich/quy-nhon/index.html").read_bytes())
    assert [b.text_content() for b in scheduled.xpath(header)] == ["Scheduled for February 1, 2026"]
    listing = html.fromstring((site / "du-lich/index.html").read_bytes())
    badges = [b.text_content() for b in listing.find_class("gl-badge")]
    assert badges == ["Hẹn đăng 1 tháng 2, 2026", "Bản nháp"]
    dashboard = html.fromstring((site / "trang-thai-dich/index.html").read_bytes())
    rows = dashboard.xpath("//section[h2[contains(., '(en)')]]//tbody/tr")
    states = sorted(row.xpath("string(td[1])").strip() for row in rows)
    assert states == ["chưa dịch", "chưa dịch", "đang dịch"]
