"""`gialai new` writes only what `gialai check` accepts; the content errors added with it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import html

from gialai.articles import BODY_PLACEHOLDER, parse_article, revision_of
from gialai.catalog import free_slug, latest_date, load_catalog
from gialai.cli import main
from gialai.settings import load_settings
from gialai.text import SLUG_MAX, slugify

from .conftest import run_build, write_files

# The headline of the Decision 1191 article as the department writes it: 331 characters.
DECISION_1191 = (
    "Triển khai Quyết định số 1191/QĐ-TTg ngày 5/8/2020 của Thủ tướng Chính phủ và Kế hoạch "
    "số 2509/KH-UBND ngày 24/12/2020 của UBND tỉnh: Gia Lai đẩy mạnh thông tin đối "
    "ngoại bằng tiếng Việt, tiếng Anh, tiếng Lào, tiếng Khmer, tiếng Trung Quốc và tiếng các "
    "dân tộc thiểu số, xây dựng cơ sở dữ liệu cho vùng biên giới, cửa khẩu Lệ Thanh"
)
BYLINE_HINT = (
    "like byline: Nguyễn Thu Hà (or, for an article taken from a newspaper, source: Báo Gia Lai)."
)
PLACEHOLDER_MESSAGE = (
    "'Viết đoạn mở đầu ở đây.' is the placeholder that gialai new writes; replace it with the "
    "article's first paragraph, like: Thác 50 đổ xuống từ độ cao chừng năm mươi mét giữa rừng "
    "Kbang."
)
GOOD = """---
title: Thác 50 ở Kbang
summary: Dòng thác giữa đại ngàn.
date: 2025-06-14
category: tourism
tags: [Kbang, thác nước]
byline: Lê Minh Khoa
status: published
---
Thác 50 nằm ở huyện Kbang.
"""
BUILD_DATE = dt.date(2026, 1, 1)


@pytest.fixture
def officer(project: Path, monkeypatch, capsys):
    """Run the command inside the project, as an officer types it; returns (code, out, err)."""
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def run(*args: str):
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def problems_of(project: Path, files: dict[str, str | bytes]) -> list[str]:
    write_files(project / "content", files)
    catalog = load_catalog(load_settings(project / "mkdocs.yml"), BUILD_DATE)
    return [str(problem) for problem in sorted(set(catalog.problems))]


def skeleton_problems(rel: str, byline: bool = False) -> str:
    """What `check --drafts` says about a fresh skeleton: only the fields left to fill."""
    lines = [f"  {rel}:3: summary: is empty; every article needs a summary."]
    if not byline:
        lines.append(f"  {rel}:7: byline: is empty; every article needs a byline, {BYLINE_HINT}")
    lines.append(f"  {rel}:16: {PLACEHOLDER_MESSAGE}")
    return f"Found {len(lines)} problems in the content:\n" + "\n".join(lines) + "\n"


# --- slugs --------------------------------------------------------------------------------


def test_slugs_from_long_titles_end_at_a_word():
    slug = slugify(DECISION_1191, SLUG_MAX)
    assert len(DECISION_1191) == 331
    assert slug == (
        "trien-khai-quyet-dinh-so-1191-qd-ttg-ngay-5-8-2020-cua-thu-tuong-chinh-phu-va-ke"
    )
    assert len(slug) <= SLUG_MAX
    assert slugify("Thác 50 ở Kbang", SLUG_MAX) == "thac-50-o-kbang"
    assert slugify("a" * 120, SLUG_MAX) == "a" * 80
    assert slugify("abcd efgh", 4) == "abcd"
    assert slugify("abcd efgh", 8) == "abcd"
    assert slugify("abcd efgh", 9) == "abcd-efgh"


def test_a_free_slug_is_numbered_and_stays_short():
    assert free_slug("thac-50", {"thac-50"}) == "thac-50-2"
    assert free_slug("thac-50", {"thac-50", "thac-50-2"}) == "thac-50-3"
    long = "a" * 78 + "-b"
    assert free_slug(long, {long}) == "a" * 78 + "-2"


def test_a_year_ahead_counts_from_the_day():
    assert latest_date(dt.date(2026, 1, 1)) == dt.date(2027, 1, 1)
    assert latest_date(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


# --- gialai new ---------------------------------------------------------------------------


def test_new_with_the_real_title_of_the_decision_1191_article(project, officer):
    code, out, err = officer(
        "new", DECISION_1191, "--category", "news", "--byline", "Nguyễn Thu Hà"
    )
    rel = (
        "content/vi/tin-tuc/"
        "trien-khai-quyet-dinh-so-1191-qd-ttg-ngay-5-8-2020-cua-thu-tuong-chinh-phu-va-ke.md"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Created {rel}"
    text = (project / rel).read_text(encoding="utf-8")
    assert text.startswith(f'---\ntitle: "{DECISION_1191}"\n')
    assert officer("check") == (0, "No problems found in 1 articles.\n", "")
    assert officer("check", "--drafts") == (1, skeleton_problems(rel, byline=True), "")


def test_new_cleans_a_slug_it_is_given(project, officer):
    code, out, err = officer("new", "Bài thử", "--category", "news", "--slug", "Bài Thử.md")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "--slug 'Bài Thử' may only use a–z, 0–9 and '-', at most 80 characters; using 'bai-thu'.",
        "Created content/vi/tin-tuc/bai-thu.md",
    ]
    assert officer("check")[0] == 0


def test_new_refuses_a_slug_without_letters(project, officer):
    code, out, err = officer("new", "Bài thử", "--category", "news", "--slug", "???")
    assert (code, out) == (2, "")
    assert err == (
        "gialai new: --slug '???' has no letters a–z or digits; write it like "
        "--slug thac-50-o-kbang.\n"
    )
    assert not list((project / "content/vi").glob("*/*.md"))


def test_new_refuses_a_title_without_letters(project, officer):
    code, out, err = officer("new", "ទេសចរណ៍ 🎉 !!!", "--category", "tourism")
    assert (code, out) == (2, "")
    assert err == (
        "gialai new: the title has no letters a–z or digits to make a file name from; give one "
        "with --slug, like --slug thac-50-o-kbang.\n"
    )
    code, out, _ = officer(
        "new", "ទេសចរណ៍ 🎉 !!!", "--category", "tourism", "--slug", "du-lich-khmer"
    )
    assert code == 0
    assert officer("check") == (0, "No problems found in 1 articles.\n", "")


def test_new_refuses_an_empty_title(officer):
    code, _, err = officer("new", " \t\n", "--category", "tourism")
    assert code == 2
    assert err == (
        'gialai new: the title is empty; write it in quotes, like gialai new "Thác 50 ở Kbang" '
        "--category tourism.\n"
    )


def test_new_refuses_a_slug_used_in_another_category(project, officer):
    assert officer("new", "Thác 50", "--category", "tourism")[0] == 0
    code, out, err = officer("new", "Thác 50", "--category", "news")
    assert (code, out) == (2, "")
    assert err == (
        "gialai new: content/vi/du-lich/thac-50.md already uses the slug 'thac-50'; choose "
        "another title or --slug, like --slug thac-50-2. Nothing was changed.\n"
    )
    assert not (project / "content/vi/tin-tuc/thac-50.md").exists()
    # The suggestion is free, and new takes it.
    assert officer("new", "Thác 50", "--category", "news", "--slug", "thac-50-2")[0] == 0
    assert officer("check")[0] == 0


def test_new_refuses_a_slug_of_a_translation_left_without_source(project, officer):
    orphan = project / "content/en/tin-tuc/bien-ho.md"
    write_files(project / "content", {"en/tin-tuc/bien-ho.md": "---\ntitle: T\n---\nText.\n"})
    code, _, err = officer("new", "Biển Hồ", "--category", "news")
    assert code == 2
    assert err == (
        "gialai new: content/en/tin-tuc/bien-ho.md already uses the slug 'bien-ho'; choose "
        "another title or --slug, like --slug bien-ho-2. Nothing was changed.\n"
    )
    assert orphan.exists() and not (project / "content/vi/tin-tuc/bien-ho.md").exists()


def test_new_refuses_the_name_of_a_category_page(officer):
    code, _, err = officer("new", "Index", "--category", "news")
    assert code == 2
    assert err == (
        "gialai new: 'index' is the name of a category's own page; choose another title or "
        "--slug, like --slug index-2. Nothing was changed.\n"
    )


def test_new_refuses_an_old_address_of_a_renamed_article(project, officer):
    (project / "redirects.yml").write_text("du-lich/thac-50: du-lich/thac-50-o-kbang\n", "utf-8")
    code, _, err = officer("new", "Thác 50", "--category", "tourism")
    assert code == 2
    assert err == (
        "gialai new: 'du-lich/thac-50' is an old address that redirects.yml sends to "
        "du-lich/thac-50-o-kbang; links and QR codes printed with it lead there. Choose another "
        "title or --slug. Nothing was changed.\n"
    )
    assert not (project / "content" / "vi" / "du-lich" / "thac-50.md").exists()


def test_new_refuses_a_date_more_than_a_year_ahead(officer):
    today = dt.date.today()
    code, _, err = officer("new", "Thác 50", "--category", "tourism", "--date", "2205-12-30")
    assert code == 2
    assert err == (
        "gialai new: --date 2205-12-30 is more than a year ahead; check the year, like "
        f"--date {today.isoformat()}.\n"
    )


def test_new_for_an_article_taken_from_a_newspaper(project, officer):
    code, _, _ = officer(
        "new", "Biển Hồ mùa nước lên", "--category", "tourism", "--source", "Báo Gia Lai"
    )
    assert code == 0
    text = (project / "content/vi/du-lich/bien-ho-mua-nuoc-len.md").read_text(encoding="utf-8")
    assert 'byline: ""\nsource: "Báo Gia Lai"\ndateline: Pleiku\n' in text
    rel = "content/vi/du-lich/bien-ho-mua-nuoc-len.md"
    expected = skeleton_problems(rel, byline=True).replace(":16:", ":17:")
    assert officer("check", "--drafts") == (1, expected, "")


_title_chars = st.characters(blacklist_categories=("Cs",))
_titles = st.one_of(
    st.text(_title_chars, max_size=120),
    st.text(_title_chars, min_size=450, max_size=520),
    st.text(st.sampled_from("Thác ở Đắk Lắk Kbang Biển Hồ đồng bào Ê Đê ươ "), min_size=1),
    st.text(st.sampled_from("ទេសចរណ៍ខេត្តយ៉ាឡាយ ០១២"), min_size=1),
    st.text(st.sampled_from("🎉🌊☕️👨‍👩‍👧 "), min_size=1),
    st.text(st.sampled_from("!?.,:;-–—\"'()[]{}*&#%/\\ "), min_size=1),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_titles)
@example(title=DECISION_1191)
@example(title="x" * 500)
@example(title="Hội thảo \"Gia Lai xanh\": 'tương lai' & <b>du lịch</b> #1 *mới*")
@example(title="---\ntitle: ...\n---")
@example(title="a\x7fb\x85c\u2028d\ufeffe\udcff")
@example(title="!!! ??? ...")
def test_new_then_check_reports_only_the_fields_left_to_fill(project, officer, title):
    content = project / "content/vi"
    try:
        code, out, err = officer(
            "new", "--category", "tourism", "--date", "2025-06-14", "--", title
        )
        created = list(content.glob("*/*.md"))
        if code != 0:
            assert code == 2
            assert err.startswith("gialai new: ") and err.count("\n") == 1
            assert created == []
            return
        assert err == ""
        [path] = created
        rel = path.relative_to(project).as_posix()
        assert len(path.stem) <= SLUG_MAX
        assert officer("check") == (0, "No problems found in 1 articles.\n", "")
        assert officer("check", "--drafts") == (1, skeleton_problems(rel), "")
        article, problems = parse_article(path, rel, "vi", f"du-lich/{path.stem}", "article", True)
        assert problems == []
        assert article.title.strip() and article.title == " ".join(article.title.split())
    finally:
        shutil.rmtree(content, ignore_errors=True)


# --- new content errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "what"),
    [
        (
            "![]()",
            "has no address and no alt text; write what it shows between the brackets "
            "and the path of the photo between the parentheses",
        ),
        (
            "![](  )",
            "has no address and no alt text; write what it shows between the brackets "
            "and the path of the photo between the parentheses",
        ),
        (
            "![ ]()",
            "has no address and no alt text; write what it shows between the brackets "
            "and the path of the photo between the parentheses",
        ),
        (
            "![Thác 50 mùa mưa](<>)",
            "has no address; write the path of the photo between the parentheses",
        ),
        (
            '![Thác 50 mùa mưa]( "Thác 50")',
            "has no address; write the path of the photo between the parentheses",
        ),
    ],
)
def test_an_image_without_an_address(project, written, what):
    text = GOOD + f"\nẢnh: {written}\n"
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        f"content/vi/du-lich/thac-50.md:12: the image '{written}' {what}, like "
        "![Thác 50 mùa mưa](../../images/thac-50.jpg)."
    ]


def test_an_image_without_an_address_in_a_code_block_is_an_example(project):
    text = GOOD + "\n```\n![]()\n```\n"
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == []


def test_a_published_article_still_holding_the_placeholder(project):
    text = GOOD.replace(
        "Thác 50 nằm ở huyện Kbang.\n", f"{BODY_PLACEHOLDER}\n\nThác 50 nằm ở huyện Kbang.\n"
    )
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        f"content/vi/du-lich/thac-50.md:10: {PLACEHOLDER_MESSAGE}"
    ]
    draft = text.replace("status: published", "status: draft")
    assert problems_of(project, {"vi/du-lich/thac-50.md": draft}) == []


@pytest.mark.parametrize(
    ("field", "line", "written"),
    [("date", "date: 2025-06-14", "date: 2205-12-30"), ("publish", "", "publish: 2205-12-30")],
)
def test_a_date_more_than_a_year_ahead(project, field, line, written):
    text = (
        GOOD.replace(line, written)
        if line
        else GOOD.replace("status: published", f"status: published\n{written}")
    )
    number = 4 if field == "date" else 9
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        f"content/vi/du-lich/thac-50.md:{number}: {field}: '2205-12-30' is more than a year "
        "ahead, so the article would stay hidden until then; check the year, like 2026-12-30."
    ]


def test_a_date_within_the_coming_year_is_scheduled(project, officer):
    text = GOOD.replace("status: published", "status: published\npublish: 2026-12-30")
    later = GOOD.replace("date: 2025-06-14", "date: 2027-01-01").replace(
        "title: Thác 50 ở Kbang", "title: Biển Hồ"
    )
    assert (
        problems_of(project, {"vi/du-lich/thac-50.md": text, "vi/du-lich/bien-ho.md": later}) == []
    )
    code, out, err = officer("check", "--build-date", "2026-01-01")
    assert (code, err) == (0, "")
    assert out == (
        "No problems found in 2 articles.\n"
        "Scheduled, not yet on the public site:\n"
        "  content/vi/du-lich/thac-50.md:9: publish: appears on 2026-12-30\n"
        "  content/vi/du-lich/bien-ho.md:4: date: appears on 2027-01-01\n"
    )


def test_status_lists_scheduled_articles(project, officer):
    today = dt.date.today()
    soon = today + dt.timedelta(days=30)
    text = GOOD.replace("status: published", f"status: published\npublish: {soon.isoformat()}")
    write_files(project / "content", {"vi/du-lich/thac-50.md": text})
    code, out, _ = officer("status", "--lang", "en")
    assert code == 0
    assert out.startswith(
        "Scheduled, not yet on the public site:\n"
        f"  du-lich/thac-50: appears on {soon.isoformat()}\n\n"
        "English (en): 0 up-to-date, 0 outdated, 0 in-progress, 1 missing, 0 orphaned\n"
    )
    report = json.loads(officer("status", "--json")[1])
    assert report["en"]["articles"][0]["scheduled"] == soon.isoformat()


TRANSLATION = """---
title: 50 Waterfall in Kbang
summary: A waterfall in the forest.
status: published
source_revision: {revision}
---
50 Waterfall is in Kbang.
"""


@pytest.mark.parametrize("revision", ["abc", "3FA2C1D04B9E", "'3fa2c1d04b9e0'", "1.5", "0123456"])
def test_a_source_revision_that_is_no_revision(project, revision):
    files = {
        "vi/du-lich/thac-50.md": GOOD,
        "en/du-lich/thac-50.md": TRANSLATION.format(revision=revision),
    }
    shown = revision.strip("'")
    assert problems_of(project, files) == [
        f"content/en/du-lich/thac-50.md:5: source_revision: '{shown}' is not a revision of the "
        "Vietnamese article; once this translation matches the latest Vietnamese, run gialai "
        "mark-translated thac-50 --to en, which writes the right one, like "
        "source_revision: 3fa2c1d04b9e."
    ]


def test_an_older_revision_is_outdated_not_wrong(project, officer):
    older = revision_of("Thác 50 ở Kbang", "Dòng thác.", "Bản cũ.")
    numeric = "012345670123"  # all digits, a leading 0: YAML would read an octal number
    files = {
        "vi/du-lich/thac-50.md": GOOD,
        "en/du-lich/thac-50.md": TRANSLATION.format(revision=older),
        "vi/du-lich/bien-ho.md": GOOD.replace("Thác 50 ở Kbang", "Biển Hồ"),
        "en/du-lich/bien-ho.md": TRANSLATION.format(revision=numeric),
    }
    assert problems_of(project, files) == []
    report = json.loads(officer("status", "--json")[1])
    states = {row["key"]: row["state"] for row in report["en"]["articles"]}
    assert states == {"du-lich/thac-50": "outdated", "du-lich/bien-ho": "outdated"}
    catalog = load_catalog(load_settings(project / "mkdocs.yml"), BUILD_DATE)
    assert catalog.translations["en"]["du-lich/bien-ho"].source_revision == numeric


def test_status_says_how_to_record_a_missing_revision(project, officer):
    files = {
        "vi/du-lich/thac-50.md": GOOD,
        "en/du-lich/thac-50.md": TRANSLATION.replace("source_revision: {revision}\n", ""),
    }
    write_files(project / "content", files)
    out = officer("status", "--lang", "en")[1]
    assert (
        "  ! outdated     du-lich/thac-50  no source_revision; once it matches the Vietnamese: "
        "gialai mark-translated thac-50 --to en\n"
    ) in out


# --- articles taken from a newspaper ------------------------------------------------------


def test_an_article_with_an_empty_byline_and_no_source(project):
    empty = GOOD.replace("byline: Lê Minh Khoa", 'byline: ""')
    assert problems_of(project, {"vi/du-lich/thac-50.md": empty}) == [
        f"content/vi/du-lich/thac-50.md:7: byline: is empty; every article needs a byline, "
        f"{BYLINE_HINT}"
    ]


def test_a_source_stands_for_the_byline(project):
    text = GOOD.replace("byline: Lê Minh Khoa", "source: Báo Gia Lai")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == []


def test_the_source_is_shown_on_the_article_in_every_language(project):
    source = GOOD.replace("byline: Lê Minh Khoa", "source: Báo Gia Lai")
    revision = revision_of(
        "Thác 50 ở Kbang", "Dòng thác giữa đại ngàn.", "Thác 50 nằm ở huyện Kbang."
    )
    english = TRANSLATION.format(revision=revision).replace(
        "status: published", "status: published\nsource: Gia Lai Newspaper"
    )
    khmer = (
        "---\ntitle: ទឹកធ្លាក់ ៥០\nsummary: ទឹកធ្លាក់ក្នុងព្រៃ។\n"
        f"source_revision: {revision}\n---\nទឹកធ្លាក់ ៥០ នៅ Kbang។\n"
    )
    write_files(
        project / "content",
        {
            "vi/du-lich/thac-50.md": source,
            "en/du-lich/thac-50.md": english,
            "km/du-lich/thac-50.md": khmer,
        },
    )
    result = run_build(project, build_date=BUILD_DATE)
    assert result.returncode == 0, result.stderr
    shown = {}
    for prefix in ("", "en/", "km/"):
        page = html.fromstring((project / f"site/{prefix}du-lich/thac-50/index.html").read_bytes())
        meta = page.find_class("gl-article__meta")[0]
        shown[prefix] = [span.text_content() for span in meta.find_class("gl-article__source")]
        assert meta.find_class("gl-article__byline") == meta.find_class("gl-article__source")
    assert shown == {
        "": ["Theo Báo Gia Lai"],
        "en/": ["Source: Gia Lai Newspaper"],
        # The Khmer translation names no source of its own: the Vietnamese one is shown.
        "km/": ["ប្រភព៖ Báo Gia Lai"],
    }
