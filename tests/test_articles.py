"""Every content mistake an officer can make gets one exact, plain message with file and line."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gialai.articles import parse_article, revision_of
from gialai.catalog import load_catalog
from gialai.problems import ContentError, Problem
from gialai.settings import load_settings

from .conftest import write_files

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


def problems_of(project: Path, files: dict[str, str | bytes]) -> list[str]:
    write_files(project / "content", files)
    catalog = load_catalog(load_settings(project / "mkdocs.yml"), dt.date(2026, 1, 1))
    return [str(problem) for problem in sorted(set(catalog.problems))]


def test_good_article_has_no_problem(project):
    assert problems_of(project, {"vi/du-lich/thac-50.md": GOOD}) == []


def test_no_front_matter(project):
    assert problems_of(project, {"vi/du-lich/thac-50.md": "Thác 50 nằm ở Kbang.\n"}) == [
        "content/vi/du-lich/thac-50.md:1: the file has no front matter; start it with a line "
        "'---', then the fields (title, summary, date, category, byline), then another line "
        "'---'."
    ]


def test_front_matter_never_closed(project):
    assert problems_of(project, {"vi/du-lich/thac-50.md": "---\ntitle: Thác 50\n"}) == [
        "content/vi/du-lich/thac-50.md:1: the front matter starts with '---' but never ends; "
        "add a line with only '---' after the last field."
    ]


def test_malformed_yaml_points_at_the_line(project):
    text = GOOD.replace("title: Thác 50 ở Kbang", "title: Thác 50: hùng vĩ: Kbang")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:2: the front matter is not valid YAML: a value contains "
        "': ' without quotes; put the value in quotes, like title: \"Gia Lai: 50 năm\"."
    ]


@pytest.mark.parametrize("value", ["0b_", "0x_"])
def test_a_title_that_yaml_takes_for_a_number(project, value):
    text = GOOD.replace("title: Thác 50 ở Kbang", f"title: {value}")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        f"content/vi/du-lich/thac-50.md:2: title: '{value}' reads as a number but is not one; "
        f'put the text in quotes, like title: "{value}".'
    ]


def test_unclosed_quote(project):
    text = GOOD.replace("byline: Lê Minh Khoa", 'byline: "Lê Minh Khoa')
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:7: the front matter is not valid YAML: a quote is opened "
        "but not closed; close it on the same line."
    ]


def test_a_photo_that_is_not_a_picture(project):
    text = GOOD.replace(
        "status: published",
        "cover:\n  image: anh.jpg\n  alt: Thác nước\n  credit: BBT\nstatus: published",
    )
    (project / "content/images").mkdir(parents=True, exist_ok=True)
    (project / "content/images/anh.jpg").write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:9: cover.image: 'anh.jpg' is not a JPEG, PNG or WebP "
        "picture the site can read; export it again as JPEG."
    ]


def test_value_of_wrong_type(project):
    text = GOOD.replace("tags: [Kbang, thác nước]", "tags: Kbang")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:6: tags: expected a list like [Kbang, thác nước], "
        "got 'Kbang'."
    ]


def test_title_that_is_not_text(project):
    text = GOOD.replace("title: Thác 50 ở Kbang", "title: [Thác, 50]")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:2: title: expected text, got a list; write it in quotes."
    ]


def test_missing_required_field(project):
    text = GOOD.replace("byline: Lê Minh Khoa\n", "")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:1: byline: missing; every article needs a byline, like "
        "byline: Nguyễn Thu Hà (or, for an article taken from a newspaper, source: Báo Gia Lai)."
    ]


def test_unknown_category(project):
    text = GOOD.replace("category: tourism", "category: sports")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:5: category: 'sports' is not a category; use one of "
        "news, culture, tourism, investment (officers can add one under "
        "extra.gialai.categories in mkdocs.yml)."
    ]


def test_category_in_the_wrong_folder(project):
    assert problems_of(project, {"vi/van-hoa/thac-50.md": GOOD}) == [
        "content/vi/van-hoa/thac-50.md:5: category: 'tourism' articles live in "
        "content/vi/du-lich/; move the file there or change the category."
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("hôm qua", "date: 'hôm qua' is not a date; write it like 2025-12-30."),
        (
            "2025-02-30",
            "date: '2025-02-30' is not a day of the calendar; check the month and the day.",
        ),
        ("14/06/2025", "date: '14/06/2025' is not a date; write it like 2025-12-30."),
    ],
)
def test_impossible_or_badly_written_date(project, written, message):
    text = GOOD.replace("date: 2025-06-14", f"date: {written}")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        f"content/vi/du-lich/thac-50.md:4: {message}"
    ]


def test_non_utf8_file(project):
    # Saved by an old editor in Windows-1252: "á" is one byte that is not UTF-8.
    text = GOOD.encode("utf-8").replace("Thác 50 nằm".encode(), "Thác 50".encode("cp1252"))
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:10: the file is not UTF-8 text; open it in your editor "
        "and save it with the encoding 'UTF-8'."
    ]


def test_empty_body(project):
    text = GOOD.replace("Thác 50 nằm ở huyện Kbang.\n", "\n<!-- viết sau -->\n")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:10: the article has no text below the front matter; "
        "write the article there."
    ]


def test_two_articles_with_the_same_slug_name_both_files_and_lines(project):
    other = GOOD.replace("category: tourism", "category: news")
    assert problems_of(
        project, {"vi/du-lich/thac-50.md": GOOD, "vi/tin-tuc/thac-50.md": other}
    ) == [
        "content/vi/du-lich/thac-50.md:2: the slug 'thac-50' is also used by "
        "content/vi/tin-tuc/thac-50.md:2; give one of them another file name, like "
        "thac-50-2.md.",
        "content/vi/tin-tuc/thac-50.md:2: the slug 'thac-50' is also used by "
        "content/vi/du-lich/thac-50.md:2; give one of them another file name, like "
        "thac-50-2.md.",
    ]


def test_translation_without_source(project):
    translation = "---\ntitle: 50 Waterfall\nsummary: A waterfall.\n---\nText.\n"
    assert problems_of(project, {"en/du-lich/thac-51.md": translation}) == [
        "content/en/du-lich/thac-51.md: this translation has no Vietnamese source "
        "content/vi/du-lich/thac-51.md; give it the same folder and file name as its source, "
        "or delete it."
    ]


def test_cover_image_that_does_not_exist(project):
    text = GOOD.replace(
        "status: published",
        "cover:\n  image: thac-51.jpg\n  alt: Thác nước\n  credit: Ban biên tập\nstatus: published",
    )
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:9: cover.image: 'thac-51.jpg' does not exist in "
        "content/images/; check the file name or add the photo there."
    ]


def test_cover_without_alt_text(project):
    text = GOOD.replace(
        "status: published",
        "cover:\n  image: thac-50.jpg\n  credit: Ban biên tập\nstatus: published",
    )
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:8: cover.alt: missing; describe the photo in a sentence "
        "for readers who cannot see it."
    ]


def test_body_image_without_alt_text(project):
    text = GOOD + "\n![](../../images/thac-50.jpg)\n"
    (project / "content" / "images").mkdir(parents=True, exist_ok=True)
    (project / "content" / "images" / "thac-50.jpg").write_bytes(b"\xff\xd8")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:12: the image '../../images/thac-50.jpg' has no alt text; "
        "describe it between the brackets, like ![Thác 50 mùa mưa](...)."
    ]


def test_draft_linked_from_published_article(project):
    draft = GOOD.replace("status: published", "status: draft")
    linking = GOOD.replace("title: Thác 50 ở Kbang", "title: Biển Hồ").replace(
        "Thác 50 nằm ở huyện Kbang.", "Xem thêm [Thác 50](thac-50.md)."
    )
    assert problems_of(
        project, {"vi/du-lich/thac-50.md": draft, "vi/du-lich/bien-ho.md": linking}
    ) == [
        "content/vi/du-lich/bien-ho.md:10: links to 'thac-50.md', which is a draft; remove the "
        "link or publish that article first."
    ]


def test_link_to_an_article_that_does_not_exist(project):
    text = GOOD.replace("Thác 50 nằm ở huyện Kbang.", "Xem [Biển Hồ](bien-ho.md).")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:10: the link 'bien-ho.md' leads to no article; check the "
        "file name."
    ]


def test_unknown_field_suggests_the_right_one(project):
    text = GOOD.replace("byline: Lê Minh Khoa", "byline: Lê Minh Khoa\nsumary: Thác")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == [
        "content/vi/du-lich/thac-50.md:8: sumary: is not a field of an article; did you mean "
        "'summary'?"
    ]


def test_file_name_with_spaces_and_vietnamese_letters(project):
    assert problems_of(project, {"vi/du-lich/Thác 50.md": GOOD}) == [
        "content/vi/du-lich/Thác 50.md: the file name 'Thác 50.md' may only use a–z, 0–9 and "
        "'-'; rename it to 'thac-50.md'."
    ]


def test_windows_line_endings_work(project):
    text = GOOD.replace("\n", "\r\n")
    assert problems_of(project, {"vi/du-lich/thac-50.md": text}) == []


def test_all_problems_are_reported_together(project):
    bad_date = GOOD.replace("date: 2025-06-14", "date: hôm qua")
    bad_category = GOOD.replace("category: tourism", "category: sports").replace(
        "title: Thác 50 ở Kbang", "title: Biển Hồ"
    )
    lines = problems_of(
        project, {"vi/du-lich/thac-50.md": bad_date, "vi/du-lich/bien-ho.md": bad_category}
    )
    assert [line.split(":")[0] for line in lines] == [
        "content/vi/du-lich/bien-ho.md",
        "content/vi/du-lich/thac-50.md",
    ]
    error = ContentError([Problem("a.md", 1, "date", "x."), Problem("b.md", 2, "", "y.")])
    assert str(error) == "Found 2 problems in the content:\n  a.md:1: date: x.\n  b.md:2: y."


def test_revision_ignores_trailing_spaces_but_not_words():
    assert revision_of("T", "S", "Một câu.  \nHai câu.") == revision_of(
        "T", "S", "Một câu.\nHai câu.\n"
    )
    assert revision_of("T", "S", "Một câu.") != revision_of("T", "S", "Một câu khác.")


_yaml_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
_front = st.one_of(
    _yaml_text,
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "summary",
                "date",
                "category",
                "tags",
                "byline",
                "cover",
                "status",
                "publish",
                "x",
            ]
        ),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=True),
            _yaml_text,
            st.lists(_yaml_text, max_size=3),
            st.dictionaries(_yaml_text, _yaml_text, max_size=3),
            st.dates().map(lambda d: d.isoformat()),
        ),
    ).map(lambda d: "\n".join(f"{k}: {v!r}" for k, v in d.items())),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    front=_front,
    body=_yaml_text,
    kind=st.sampled_from(["article", "page"]),
    source=st.booleans(),
    raw=st.binary(max_size=64),
)
def test_parser_returns_an_article_or_problems_for_any_input(
    tmp_path, front, body, kind, source, raw
):
    path = tmp_path / "x.md"
    for data in (f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"), raw):
        path.write_bytes(data)
        article, problems = parse_article(path, "x.md", "vi", "du-lich/x", kind, source)
        assert (article is None) == bool(problems)
        assert all(isinstance(problem, Problem) for problem in problems)
        assert all(str(problem).startswith("x.md") for problem in problems)


def test_the_parse_cache_never_serves_an_old_text(project, tmp_path):
    """Parsed articles are cached by size and time stamp; an edit is always read again."""
    from gialai.catalog import _ParseCache

    cache = tmp_path / "cache"
    settings_ = load_settings(project / "mkdocs.yml")
    files = {
        f"vi/du-lich/bai-{n}.md": GOOD.replace("Thác 50 ở Kbang", f"Bài {n}") for n in range(25)
    }
    write_files(project / "content", files)

    def titles() -> set[str]:
        catalog = load_catalog(settings_, dt.date(2026, 1, 1), cache_dir=cache)
        assert catalog.problems == []
        return {entry.article.title for entry in catalog.listed("vi")}

    assert len(titles()) == 25
    stored = cache / "articles.pickle"
    written = stored.stat().st_mtime_ns
    # One edit: read again, and not worth rewriting the whole cache for.
    article = project / "content/vi/du-lich/bai-3.md"
    article.write_text(GOOD.replace("Thác 50 ở Kbang", "Bài ba, đã sửa"), encoding="utf-8")
    os.utime(article, ns=(written + 10**9, written + 10**9))
    for _ in range(2):
        found = titles()
        assert "Bài ba, đã sửa" in found and "Bài 3" not in found
    assert stored.stat().st_mtime_ns == written
    # Many edits: the cache is written again, and holds the new text.
    for n in range(_ParseCache.SAVE_AFTER):
        path = project / f"content/vi/du-lich/bai-{n + 5}.md"
        path.write_text(GOOD.replace("Thác 50 ở Kbang", f"Bài {n + 5} mới"), encoding="utf-8")
    assert "Bài 10 mới" in titles()
    assert stored.stat().st_mtime_ns != written
    assert "Bài 10 mới" in titles()
