"""Renaming an article: every file moves, links follow, and every old address keeps working.

Unit tests on plain data first (the redirects file, chains, links, the redirect page), then
an officer renames twice in a scratch project and both editions are built.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from lxml import etree, html

from gialai.articles import revision_of
from gialai.cli import main
from gialai.redirects import (
    RedirectError,
    add_redirect,
    check_redirects,
    load_redirects,
    parse_redirects,
    render_redirect_page,
    render_redirects,
    rewrite_file_links,
)
from gialai.settings import Language, Settings

from .conftest import BUILD_DATE, run_build, serve, write_files
from .test_kiosk import expected_matrix, qr_matrix

SITE = "https://doingoai.gialai.gov.vn/"
EXAMPLE = "du-lich/thac-50: du-lich/thac-50-o-kbang"


# --- the redirects file -------------------------------------------------------------------


def test_the_redirects_file_is_read_with_its_lines():
    parsed = parse_redirects(
        "# Old addresses\n\ndu-lich/thac-50: van-hoa/thac-50-o-kbang  # moved in 2026\n"
        "tin-tuc/q-fair: dau-tu/q-fair-2025\n"
    )
    assert parsed.problems == []
    assert [(e.old, e.new, e.line) for e in parsed.entries] == [
        ("du-lich/thac-50", "van-hoa/thac-50-o-kbang", 3),
        ("tin-tuc/q-fair", "dau-tu/q-fair-2025", 4),
    ]
    assert parse_redirects("").entries == []
    assert parse_redirects("# nothing yet\n").problems == []


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        (
            "du-lich/a: du-lich/b: c\n",
            [
                "redirects.yml:1: this is not a list of addresses; write one old address per "
                f"line with its new one, like {EXAMPLE}."
            ],
        ),
        (
            "- du-lich/a\n",
            [f"redirects.yml:1: write one old address per line with its new one, like {EXAMPLE}."],
        ),
        (
            "du-lich/a: du-lich/b\n"
            "du-lich/a: du-lich/c\n"
            "Du lịch/Thác 50: du-lich/b\n"
            "du-lich/e: du-lich/Thác 50.md\n"
            "du-lich/f:\n",
            [
                "redirects.yml:2: du-lich/a: listed twice (also on line 1); keep one line.",
                "redirects.yml:3: the old address 'Du lịch/Thác 50' is not an article address; "
                "write it as folder/slug, like du-lich/thac-50.",
                "redirects.yml:4: du-lich/e: the new address 'du-lich/Thác 50.md' is not an "
                "article address; write it as folder/slug, like du-lich/thac-50.",
                "redirects.yml:5: du-lich/f: no new address; write the article's address now, "
                "like du-lich/f: du-lich/new-slug.",
            ],
        ),
    ],
)
def test_mistakes_in_the_redirects_file_name_their_line(text, messages):
    assert [str(problem) for problem in parse_redirects(text).problems] == messages


def test_an_old_address_may_not_hide_an_article_nor_lead_nowhere():
    articles = {
        "du-lich/thac-50": "content/vi/du-lich/thac-50.md",
        "du-lich/bien-ho": "content/vi/du-lich/bien-ho.md",
        "van-hoa/cong-chieng": "content/vi/van-hoa/cong-chieng.md",
    }
    parsed = parse_redirects(
        "du-lich/bien-ho: du-lich/thac-50\n"
        "du-lich/thac-cu: du-lich/thac-moi\n"
        "du-lich/a: du-lich/b\n"
        "du-lich/b: du-lich/thac-50\n"
        "du-lich/c: du-lich/d\n"
        "du-lich/d: du-lich/c\n"
        "en/thac-50: du-lich/thac-50\n"
        "tin-tuc/cong-chieng: van-hoa/cong-chieng\n"
    )
    problems = check_redirects(parsed, articles, reserved=("vi", "en", "km", "tu-khoa"))
    assert [str(problem) for problem in problems] == [
        "redirects.yml:1: du-lich/bien-ho: an article lives at this address "
        "(content/vi/du-lich/bien-ho.md), and the redirect would hide it; delete this line, "
        "or give the article another address with gialai rename du-lich/bien-ho NEW-SLUG.",
        "redirects.yml:2: du-lich/thac-cu: the new address 'du-lich/thac-moi' is no article "
        "(there is no content/vi/du-lich/thac-moi.md); write the address of an existing "
        "article, like du-lich/thac-cu: du-lich/thac-50.",
        "redirects.yml:3: du-lich/a: 'du-lich/b' is itself an old address (line 4); point "
        "straight at the article it leads to, like du-lich/a: du-lich/thac-50.",
        "redirects.yml:5: du-lich/c: the redirects lead in a circle (du-lich/c → du-lich/d → "
        "du-lich/c); point it at an existing article, like du-lich/c: du-lich/thac-50.",
        "redirects.yml:6: du-lich/d: the redirects lead in a circle (du-lich/d → du-lich/c → "
        "du-lich/d); point it at an existing article, like du-lich/d: du-lich/thac-50.",
        "redirects.yml:7: en/thac-50: 'en/' is no folder of articles; an old address is the "
        "folder and slug an article had, the same in every language, like du-lich/thac-50.",
    ]


def test_chained_renames_lead_straight_to_the_article():
    first = add_redirect({}, "du-lich/a", "du-lich/b")
    assert first == {"du-lich/a": "du-lich/b"}
    second = add_redirect(first, "du-lich/b", "van-hoa/c")
    assert second == {"du-lich/a": "van-hoa/c", "du-lich/b": "van-hoa/c"}
    assert first == {"du-lich/a": "du-lich/b"}  # the given mapping is not changed
    # Moving back to an address it had: the article lives there again.
    assert add_redirect(second, "van-hoa/c", "du-lich/a") == {
        "du-lich/b": "du-lich/a",
        "van-hoa/c": "du-lich/a",
    }


def test_a_redirect_never_loops_nor_takes_another_articles_address():
    with pytest.raises(RedirectError) as loop:
        add_redirect({}, "du-lich/a", "du-lich/a")
    assert str(loop.value) == (
        "'du-lich/a' is already the article's address; a redirect to itself would loop."
    )
    with pytest.raises(RedirectError) as taken:
        add_redirect({"du-lich/cu": "du-lich/bien-ho"}, "du-lich/thac-50", "du-lich/cu")
    assert str(taken.value) == (
        "'du-lich/cu' is the old address of du-lich/bien-ho; links and QR codes printed with "
        "it lead there. Choose another slug."
    )
    with pytest.raises(RedirectError) as circle:
        add_redirect({"du-lich/c": "du-lich/d", "du-lich/d": "du-lich/c"}, "du-lich/x", "du-lich/y")
    assert str(circle.value) == (
        "the redirects would lead in a circle (du-lich/c → du-lich/d → du-lich/c); fix "
        "redirects.yml first."
    )


def test_the_file_keeps_its_comments_when_it_changes():
    text = "# Notes of the editors\ndu-lich/a: du-lich/b  # the first name\ndu-lich/x: du-lich/y\n"
    parsed = parse_redirects(text)
    mapping = add_redirect(parsed.mapping, "du-lich/b", "van-hoa/c")
    assert render_redirects(parsed, mapping) == (
        "# Notes of the editors\n"
        "du-lich/a: van-hoa/c  # the first name\n"
        "du-lich/x: du-lich/y\n"
        "du-lich/b: van-hoa/c\n"
    )
    fresh = render_redirects(parse_redirects(""), {"du-lich/a": "du-lich/b"})
    assert fresh.startswith("# Old addresses of articles")
    assert fresh.endswith("\ndu-lich/a: du-lich/b\n")
    assert parse_redirects(fresh).mapping == {"du-lich/a": "du-lich/b"}


def test_a_redirects_file_in_another_encoding_is_named(tmp_path):
    (tmp_path / "redirects.yml").write_bytes("du-lich/thác: du-lich/thac-50\n".encode("cp1258"))
    settings = Settings(tmp_path, tmp_path / "content", (Language("vi", "Tiếng Việt", True),), ())
    assert [str(problem) for problem in load_redirects(settings).problems] == [
        "redirects.yml: is not UTF-8 text; save it again as UTF-8."
    ]
    (tmp_path / "redirects.yml").unlink()
    assert load_redirects(settings).entries == []


# --- links --------------------------------------------------------------------------------

MOVED = {f"{lang}/du-lich/a.md": f"{lang}/van-hoa/b.md" for lang in ("vi", "en", "km")}


def test_links_to_a_moved_article_follow_it():
    text = (
        '---\ntitle: "[A](a.md)"\n---\n'
        'Xem [A](a.md), [phần Kbang](a.md#kbang "A") và ![Thác](../../images/a.jpg "Thác").\n'
        "Đọc [bài cũ][a] hoặc [bản tiếng Anh](../../en/du-lich/a.md).\n"
        "\n"
        "[a]: a.md\n"
        "[^1]: a.md là tên tệp cũ.\n"
        "```\n"
        "[A](a.md)\n"
        "```\n"
        "[Khác](https://example.org/a.md) và [C](../van-hoa/c.md).\n"
    )
    rewritten, count = rewrite_file_links(text, "vi/du-lich/c.md", "vi/du-lich/c.md", MOVED)
    assert count == 4
    assert rewritten == (
        '---\ntitle: "[A](a.md)"\n---\n'
        'Xem [A](../van-hoa/b.md), [phần Kbang](../van-hoa/b.md#kbang "A") và '
        '![Thác](../../images/a.jpg "Thác").\n'
        "Đọc [bài cũ][a] hoặc [bản tiếng Anh](../../en/van-hoa/b.md).\n"
        "\n"
        "[a]: ../van-hoa/b.md\n"
        "[^1]: a.md là tên tệp cũ.\n"
        "```\n"
        "[A](a.md)\n"
        "```\n"
        "[Khác](https://example.org/a.md) và [C](../van-hoa/c.md).\n"
    )


def test_the_links_of_the_moved_article_still_lead_where_they_did():
    text = "[Biển Hồ](bien-ho.md), [đây](a.md#kbang), ![Ảnh](../../images/a.jpg), [B](b.md)\n"
    rewritten, count = rewrite_file_links(text, "vi/du-lich/a.md", "vi/van-hoa/b.md", MOVED)
    assert rewritten == (
        "[Biển Hồ](../du-lich/bien-ho.md), [đây](b.md#kbang), ![Ảnh](../../images/a.jpg), "
        "[B](../du-lich/b.md)\n"
    )
    assert count == 3


# --- the redirect page --------------------------------------------------------------------


def test_the_redirect_page_prints_every_value_as_text():
    hostile = '</title><script>alert(1)</script> "Gia Lai" & <b>'
    page = render_redirect_page(
        lang="km",
        title=hostile,
        title_lang="vi",
        site_name='Site "A" & <B>',
        href='../b/"><script>',
        canonical="https://example.org/?a=1&b=2",
        text="<i>moved</i>",
    )
    doc = html.fromstring(page)
    assert doc.xpath("//script") == [] and doc.xpath("//b") == [] and doc.xpath("//i") == []
    assert doc.get("lang") == "km"
    assert doc.findtext(".//title") == f'{hostile} – Site "A" & <B>'
    assert doc.xpath("//meta[@http-equiv='refresh']/@content") == ['0; url=../b/"><script>']
    assert doc.xpath("//link[@rel='canonical']/@href") == ["https://example.org/?a=1&b=2"]
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    heading = doc.xpath("//main/h1")[0]
    assert heading.get("lang") == "vi"  # an untranslated article's title is Vietnamese
    assert heading.xpath("a/@href") == ['../b/"><script>']
    assert heading.text_content() == hostile
    assert doc.xpath("string(//main/p)") == "<i>moved</i>"


# --- an officer renames -------------------------------------------------------------------


def _source(title: str, summary: str, body: str, category: str = "tourism") -> str:
    return (
        f'---\ntitle: "{title}"\nsummary: "{summary}"\ndate: 2025-06-14\n'
        f"category: {category}\ntags: [Kbang]\nbyline: Lê Minh Khoa\ndateline: Kbang\n"
        f"status: published\n---\n{body}"
    )


def _translation(title: str, summary: str, body: str, source: tuple, status="published") -> str:
    revision = revision_of(*source)
    return (
        f'---\ntitle: "{title}"\nsummary: "{summary}"\nstatus: {status}\n'
        f"source_revision: {revision}\n---\n{body}"
    )


THAC = ("Thác 50 giữa đại ngàn Kbang", "Thác 50 đổ xuống từ độ cao chừng năm mươi mét.")
THAC_BODY = "Thác 50 nằm giữa rừng già.\n\n## Kbang\n\nGần Pleiku có [Biển Hồ](bien-ho.md).\n"
BIEN_HO = ("Biển Hồ, đôi mắt Pleiku", "Hồ nước lớn ở phía bắc Pleiku.")
BIEN_HO_BODY = (
    'Biển Hồ nằm gần Pleiku. Xem thêm [Thác 50](thac-50.md "Thác 50") và '
    "[đường vào Kbang](thac-50.md#kbang).\n\nĐọc [bài về thác][thac].\n\n"
    "```\n[ví dụ](thac-50.md)\n```\n\n[thac]: thac-50.md\n"
)
CONG = ("Cồng chiêng Tây Nguyên", "Di sản văn hoá phi vật thể của nhân loại.")
CONG_BODY = "Sau lễ hội, du khách thường đến [Thác 50](../du-lich/thac-50.md).\n"
EN_THAC = ("50 Waterfall in the Kbang forest", "50 Waterfall drops about fifty metres.")
EN_THAC_BODY = "50 Waterfall lies in old forest.\n\nNear Pleiku is [Biển Hồ lake](bien-ho.md).\n"
EN_BIEN_HO = ("Biển Hồ, the eye of Pleiku", "A large lake north of Pleiku.")
EN_BIEN_HO_BODY = "Biển Hồ lies near Pleiku; see [50 Waterfall](thac-50.md).\n"
KM_THAC = ("ទឹកធ្លាក់ ៥០ ក្នុងព្រៃកបាង", "ទឹកធ្លាក់ ៥០ ធ្លាក់ពីកម្ពស់ប្រហែលហាសិបម៉ែត្រ។")
KM_THAC_BODY = "ទឹកធ្លាក់ ៥០ ស្ថិតនៅក្នុងព្រៃចាស់។ សូមមើល [បឹងបៀនហូ](bien-ho.md)។\n"

FILES = {
    "content/vi/du-lich/thac-50.md": _source(*THAC, THAC_BODY),
    "content/vi/du-lich/bien-ho.md": _source(*BIEN_HO, BIEN_HO_BODY),
    "content/vi/van-hoa/cong-chieng.md": _source(*CONG, CONG_BODY, category="culture"),
    "content/en/du-lich/thac-50.md": _translation(*EN_THAC, EN_THAC_BODY, (*THAC, THAC_BODY)),
    "content/en/du-lich/bien-ho.md": _translation(
        *EN_BIEN_HO, EN_BIEN_HO_BODY, (*BIEN_HO, BIEN_HO_BODY)
    ),
    # A Khmer translation in progress: Khmer readers get the Vietnamese text meanwhile.
    "content/km/du-lich/thac-50.md": _translation(
        *KM_THAC, KM_THAC_BODY, (*THAC, THAC_BODY), status="draft"
    ),
}
OLD = ("du-lich/thac-50", "du-lich/thac-50-kbang")
NEW = "van-hoa/thac-50-o-kbang"
NAMES = {"": "Gia Lai – Thông tin đối ngoại", "en/": "Gia Lai External Information"}
NAMES["km/"] = "ព័ត៌មានការបរទេស ខេត្តយ៉ាឡាយ"
NAMES["zh/"] = "嘉莱省对外信息"
MOVED_TEXT = {
    "": "Bài viết này đã chuyển sang địa chỉ mới:",
    "en/": "This article has moved to a new address:",
    "km/": "អត្ថបទនេះបានផ្លាស់ទីទៅអាសយដ្ឋានថ្មី៖",
    "zh/": "本文已迁至新地址：",
}


@pytest.fixture
def officer(project: Path, monkeypatch, capsys):
    """Run gialai inside the scratch project, as an officer types it: (code, out, err)."""
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def run(*args: str):
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def _qr_url(site: Path, path: str) -> str:
    """The address the article page's QR code holds, read back from its modules."""
    page = html.fromstring((site / path / "index.html").read_bytes())
    svg = page.xpath("//*[contains(@class,'gl-share__qr')]//*[local-name()='svg']")[0]
    url = svg.get("data-qr")
    assert qr_matrix(html.tostring(svg).decode()) == expected_matrix(url)
    return url


def _follow_redirect(site: Path, path: str) -> tuple[html.HtmlElement, str, html.HtmlElement]:
    """(redirect page, site path it sends the reader to, page found there)."""
    page = html.fromstring((site / path / "index.html").read_bytes())
    refresh = page.xpath("//meta[@http-equiv='refresh']/@content")
    assert len(refresh) == 1 and refresh[0].startswith("0; url="), path
    target = urlsplit(
        urljoin(f"https://host/{path.strip('/')}/", refresh[0].removeprefix("0; url="))
    ).path
    found = html.fromstring((site / target.lstrip("/") / "index.html").read_bytes())
    return page, target.lstrip("/"), found


def _search_urls(site: Path, prefix: str) -> set[str]:
    urls = set()
    for fragment in (site / prefix / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def test_renaming_keeps_every_address_alive(project, officer):
    write_files(project, FILES)
    assert officer("check") == (0, "No problems found in 3 articles.\n", "")
    before = run_build(project)
    assert before.returncode == 0, before.stdout + before.stderr
    # QR codes printed before the rename, in every language.
    printed = {prefix: _qr_url(project / "site", f"{prefix}du-lich/thac-50") for prefix in NAMES}
    assert printed == {prefix: f"{SITE}{prefix}du-lich/thac-50/" for prefix in NAMES}

    # A new slug in the same folder, then a move to another category.
    code, out, err = officer("rename", "thac-50", "thac-50-kbang")
    assert (code, err) == (0, "")
    assert out == (
        "Moved content/vi/du-lich/thac-50.md to content/vi/du-lich/thac-50-kbang.md\n"
        "Moved content/en/du-lich/thac-50.md to content/en/du-lich/thac-50-kbang.md\n"
        "Moved content/km/du-lich/thac-50.md to content/km/du-lich/thac-50-kbang.md\n"
        "Updated 3 links in content/vi/du-lich/bien-ho.md\n"
        "Updated 1 link in content/vi/van-hoa/cong-chieng.md\n"
        "Updated 1 link in content/en/du-lich/bien-ho.md\n"
        "content/en/du-lich/bien-ho.md: still up to date (only the links of its source "
        "changed)\n"
        "Recorded in redirects.yml: du-lich/thac-50 now leads to du-lich/thac-50-kbang.\n"
        "From the next build, the old address sends readers to the new one in every language "
        "and edition.\n"
    )
    code, out, err = officer("rename", "du-lich/thac-50-kbang", NEW)
    assert (code, err) == (0, "")
    assert out == (
        f"Moved content/vi/du-lich/thac-50-kbang.md to content/vi/{NEW}.md\n"
        f"Moved content/en/du-lich/thac-50-kbang.md to content/en/{NEW}.md\n"
        f"Moved content/km/du-lich/thac-50-kbang.md to content/km/{NEW}.md\n"
        f"Set category: culture in content/vi/{NEW}.md\n"
        "Updated 3 links in content/vi/du-lich/bien-ho.md\n"
        f"Updated 1 link in content/vi/{NEW}.md\n"
        "Updated 1 link in content/vi/van-hoa/cong-chieng.md\n"
        "Updated 1 link in content/en/du-lich/bien-ho.md\n"
        f"Updated 1 link in content/en/{NEW}.md\n"
        f"Updated 1 link in content/km/{NEW}.md\n"
        "content/en/du-lich/bien-ho.md: still up to date (only the links of its source "
        "changed)\n"
        f"content/en/{NEW}.md: still up to date (only the links of its source changed)\n"
        f"content/km/{NEW}.md: still up to date (only the links of its source changed)\n"
        f"Recorded in redirects.yml: du-lich/thac-50-kbang now leads to {NEW}.\n"
        f"The earlier address du-lich/thac-50 now leads to {NEW} too.\n"
        "From the next build, the old address sends readers to the new one in every language "
        "and edition.\n"
    )

    # Every file moved, every link followed, and the old addresses are recorded.
    content = project / "content"
    for lang in ("vi", "en", "km"):
        assert not (content / lang / "du-lich/thac-50.md").exists()
        assert not (content / lang / "du-lich/thac-50-kbang.md").exists()
        assert (content / lang / f"{NEW}.md").is_file()
    moved = (content / f"vi/{NEW}.md").read_text(encoding="utf-8")
    body = THAC_BODY.replace("(bien-ho.md)", "(../du-lich/bien-ho.md)")
    assert moved == _source(*THAC, body, category="culture")
    assert (content / "vi/du-lich/bien-ho.md").read_text(encoding="utf-8") == _source(
        *BIEN_HO,
        'Biển Hồ nằm gần Pleiku. Xem thêm [Thác 50](../van-hoa/thac-50-o-kbang.md "Thác 50") '
        "và [đường vào Kbang](../van-hoa/thac-50-o-kbang.md#kbang).\n\n"
        "Đọc [bài về thác][thac].\n\n"
        "```\n[ví dụ](thac-50.md)\n```\n\n[thac]: ../van-hoa/thac-50-o-kbang.md\n",
    )
    assert "[Thác 50](thac-50-o-kbang.md)" in (content / "vi/van-hoa/cong-chieng.md").read_text(
        encoding="utf-8"
    )
    assert "[50 Waterfall](../van-hoa/thac-50-o-kbang.md)" in (
        content / "en/du-lich/bien-ho.md"
    ).read_text(encoding="utf-8")
    assert (
        (project / "redirects.yml")
        .read_text(encoding="utf-8")
        .endswith(f"\ndu-lich/thac-50: {NEW}\ndu-lich/thac-50-kbang: {NEW}\n")
    )
    assert officer("check") == (0, "No problems found in 3 articles.\n", "")
    code, out, _ = officer("status")
    assert "English (en): 2 up-to-date, 0 outdated" in out

    web = run_build(project)
    assert web.returncode == 0, web.stdout + web.stderr
    # The kiosk edition as operators build it: one process per language, then merged.
    code, out, err = officer("build", "--kiosk", "--build-date", BUILD_DATE.isoformat())
    assert code == 0, out + err

    for site in (project / "site", project / "site-kiosk"):
        assert list(site.rglob("redirects.yml")) == []
        # The redirect page says its language by tag: zh-Hans, not the folder's zh.
        for prefix, lang in (("", "vi"), ("en/", "en"), ("km/", "km"), ("zh/", "zh-Hans")):
            # The Khmer translation is a draft; there is no Chinese one.
            fallback = lang in ("km", "zh-Hans")
            title = {"": THAC[0], "en/": EN_THAC[0], "km/": THAC[0], "zh/": THAC[0]}[prefix]
            canonical = f"{SITE}{'' if fallback else prefix}{NEW}/"
            for old in OLD:
                page, target, found = _follow_redirect(site, f"{prefix}{old}")
                assert target == f"{prefix}{NEW}/"
                assert page.get("lang") == lang
                assert page.findtext(".//title") == f"{title} – {NAMES[prefix]}"
                assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
                assert page.xpath("//link[@rel='canonical']/@href") == [canonical]
                assert page.xpath("string(//main/p)") == MOVED_TEXT[prefix]
                link = page.xpath("//main/h1/a")[0]
                assert link.get("href") == "../../van-hoa/thac-50-o-kbang/"
                assert link.text_content() == title
                assert page.xpath("//main/h1/@lang") == (["vi"] if fallback else [])
                # The page found there is the article itself.
                assert found.xpath("//link[@rel='canonical']/@href") == [canonical]
                assert found.xpath("string(//h1)").strip() == title
            assert (site / prefix / NEW / "index.html").is_file()

    site = project / "site"
    # Only the new address is listed: sitemap, feeds and search know no old one.
    tree = etree.parse(str(site / "sitemap.xml"))
    locs = tree.xpath(
        "//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    )
    assert f"{SITE}{NEW}/" in locs and f"{SITE}en/{NEW}/" in locs
    assert not [loc for loc in locs if "thac-50/" in loc or "thac-50-kbang" in loc]
    feed_links = []
    for feed in site.rglob("feed.xml"):
        parsed = feedparser.parse(feed.read_bytes())
        feed_links += [entry.link for entry in parsed.entries]
    assert f"{SITE}{NEW}/" in feed_links and f"{SITE}en/{NEW}/" in feed_links
    assert not [url for url in feed_links if "thac-50/" in url or "thac-50-kbang" in url]
    for prefix in NAMES:
        urls = _search_urls(site, prefix)
        assert not [url for url in urls if "thac-50/" in url or "thac-50-kbang" in url]
    assert f"/{NEW}/" in _search_urls(site, "") and f"/{NEW}/" in _search_urls(site, "en/")

    # The QR codes printed before the rename lead to the article.
    for prefix, url in printed.items():
        assert url.startswith(SITE)
        path = urlsplit(url).path.strip("/")
        _page, target, found = _follow_redirect(site, path)
        assert target == f"{prefix}{NEW}/"
        assert _qr_url(site, target.rstrip("/")) == f"{SITE}{target}"


def test_a_rename_that_cannot_be_made_changes_nothing(project, officer):
    write_files(project, {**FILES, "redirects.yml": "du-lich/ho-cu: du-lich/bien-ho\n"})

    def snapshot() -> dict[str, bytes]:
        return {
            path.relative_to(project).as_posix(): path.read_bytes()
            for path in sorted(project.rglob("*"))
            if path.is_file() and ".cache" not in path.parts
        }

    files = snapshot()
    long_slug = "-".join(["thac"] * 20) + "-kbang"
    cases = [
        (
            ("khong-co", "moi"),
            "there is no Vietnamese article 'khong-co'; `gialai status` lists the articles.",
        ),
        (
            ("thac-50", "bien-ho"),
            "content/vi/du-lich/bien-ho.md already exists; choose another slug, like bien-ho-2.",
        ),
        (
            ("thac-50", "van-hoa/bien-ho"),
            "the slug 'bien-ho' is already used by content/vi/du-lich/bien-ho.md; slugs are "
            "unique across the site, choose another, like bien-ho-2.",
        ),
        (
            ("thac-50", "Thác 50 Kbang"),
            "'Thác 50 Kbang' is not a valid slug: use only a–z, 0–9 and '-', like thac-50-kbang.",
        ),
        (
            ("thac-50", long_slug),
            f"'{long_slug}' is longer than 80 characters; choose a shorter slug, like "
            f"{'-'.join(['thac'] * 16)}.",
        ),
        (
            ("du-lich/thac-50", "du-lich/thac-50"),
            "'du-lich/thac-50' is already the article's address; a redirect to itself would loop.",
        ),
        (
            ("thac-50", "ho-cu"),
            "'du-lich/ho-cu' is the old address of du-lich/bien-ho; links and QR codes printed "
            "with it lead there. Choose another slug.",
        ),
        (
            ("ho-cu", "ho-moi"),
            "'du-lich/ho-cu' was renamed before and now leads to du-lich/bien-ho; rename that "
            "article instead, like: gialai rename du-lich/bien-ho NEW-SLUG.",
        ),
        (
            ("thac-50", "tourism/thac-50"),
            "'tourism' is a category; its folder is du-lich, so write du-lich/thac-50.",
        ),
        (
            ("thac-50", "le-hoi/thac-50"),
            "'le-hoi' is not a category folder; use one of tin-tuc, van-hoa, du-lich, dau-tu, "
            "like tin-tuc/thac-50.",
        ),
    ]
    for arguments, message in cases:
        assert officer("rename", *arguments) == (
            2,
            "",
            f"gialai rename: {message} Nothing was changed.\n",
        ), arguments
        assert snapshot() == files, arguments


def test_check_names_redirects_that_hide_an_article_or_lead_nowhere(project, officer):
    write_files(
        project,
        {
            **FILES,
            "redirects.yml": (
                "# Old addresses\n"
                "du-lich/bien-ho: du-lich/thac-50\n"
                "du-lich/thac-cu: du-lich/thac-moi\n"
            ),
        },
    )
    code, out, err = officer("check")
    assert (code, err) == (1, "")
    assert out == (
        "Found 2 problems in the content:\n"
        "  redirects.yml:2: du-lich/bien-ho: an article lives at this address "
        "(content/vi/du-lich/bien-ho.md), and the redirect would hide it; delete this line, "
        "or give the article another address with gialai rename du-lich/bien-ho NEW-SLUG.\n"
        "  redirects.yml:3: du-lich/thac-cu: the new address 'du-lich/thac-moi' is no article "
        "(there is no content/vi/du-lich/thac-moi.md); write the address of an existing "
        "article, like du-lich/thac-cu: du-lich/thac-50.\n"
    )
    # A build stops on them too, and says the same.
    result = run_build(project)
    assert result.returncode != 0
    assert "redirects.yml:3: du-lich/thac-cu: the new address" in result.stdout + result.stderr


@pytest.mark.browser
def test_a_phone_scanning_an_old_code_reaches_the_article(project, officer, local_page):
    write_files(project, FILES)
    assert officer("rename", "thac-50", NEW)[0] == 0
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    base, server = serve(project / "site")
    try:
        for prefix, title in (("", THAC[0]), ("en/", EN_THAC[0])):
            page = local_page(base, 390, 844)
            page.goto(f"{base}/{prefix}du-lich/thac-50/")
            page.wait_for_url(f"{base}/{prefix}{NEW}/")
            assert page.locator("h1").first.text_content().strip() == title
            assert page.guard.blocked == []
    finally:
        server.shutdown()


def test_a_rename_names_what_it_cannot_choose_for_the_officer(project, officer):
    write_files(
        project,
        {
            **FILES,
            "content/vi/tin-tuc/thac-50.md": _source(*THAC, THAC_BODY, category="news"),
        },
    )
    assert officer("rename", "thac-50", "thac-50-kbang") == (
        2,
        "",
        "gialai rename: the slug 'thac-50' is used by content/vi/tin-tuc/thac-50.md and "
        "content/vi/du-lich/thac-50.md; say which, like tin-tuc/thac-50. Nothing was changed.\n",
    )
    assert officer("rename", "du-lich/thac-50", "index") == (
        2,
        "",
        "gialai rename: 'index' is the name of a category's own page; choose another slug. "
        "Nothing was changed.\n",
    )
    redirects = "du-lich/ho-cu: du-lich/bien-ho\nDu lịch/cũ: du-lich/bien-ho\n"
    write_files(project, {"redirects.yml": redirects})
    assert officer("rename", "tin-tuc/thac-50", "tin-tuc/thac-50-tin") == (
        2,
        "",
        "gialai rename: redirects.yml has problems; fix them first (gialai check lists them):\n"
        "  redirects.yml:2: the old address 'Du lịch/cũ' is not an article address; write it "
        "as folder/slug, like du-lich/cu.\n"
        "Nothing was changed.\n",
    )
    assert (project / "redirects.yml").read_text(encoding="utf-8") == redirects
    assert (project / "content/vi/tin-tuc/thac-50.md").is_file()
