"""Builds that reuse the page cache: exactly the pages whose inputs changed are made again,
and a build with the cache gives the same site, byte for byte, as one without it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from lxml import html as lxml_html

from gialai.builder import build_site
from gialai.options import BuildOptions

from .conftest import BUILD_DATE, copy_project

ARTICLE = "content/vi/du-lich/bien-ho-pleiku.md"
ARTICLE_KEY = "du-lich/bien-ho-pleiku"
# Pagefind names its files by a hash that differs from run to run, cache or not.
VARYING = ("pagefind",)


def _build(project: Path, out: Path, reuse: bool = True) -> list[str]:
    messages: list[str] = []
    options = BuildOptions(build_date=BUILD_DATE, cache_dir=project / ".cache")
    build_site(project / "mkdocs.yml", out, options, report=messages.append, reuse=reuse)
    return messages


# The content hash in the name of a style sheet, script or font a page links
# (gialai.assets, gialai.fonts): it changes with the fonts' characters or the classes used
# anywhere on the site, so every page names a new one after most edits.
CONTENT_HASH = re.compile(rb"\.[0-9a-f]{10}\.(css|js|woff2)\b")


def _files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not set(rel.split("/")) & set(VARYING):
            data = path.read_bytes()
            found[rel] = CONTENT_HASH.sub(rb".HASH.\1", data) if rel.endswith(".html") else data
    return found


def _differences(one: Path, other: Path) -> list[str]:
    a, b = _files(one), _files(other)
    return sorted(rel for rel in a.keys() | b.keys() if a.get(rel) != b.get(rel))


def _indexes(project: Path) -> dict[str, dict[str, str]]:
    """Destination -> key of every page the cache holds, per language folder."""
    found = {}
    for index in sorted((project / ".cache" / "pages").glob("*/index.json")):
        data = json.loads(index.read_text(encoding="utf-8"))
        found[index.parent.name] = {dest: entry[0] for dest, entry in data["pages"].items()}
    return found


def _remade(before: dict, after: dict) -> set[str]:
    """The pages whose key changed between two builds (the ones made again)."""
    remade = set()
    for folder, keys in after.items():
        old = before.get(folder, {})
        remade |= {dest for dest, key in keys.items() if old.get(dest) != key}
    return remade


def _edit(project: Path) -> None:
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8")
    edited = text.replace("“đôi mắt” trong xanh", "“đôi mắt” xanh biếc", 1)
    edited = edited.replace("Sáng sớm ở Biển Hồ,", "Mỗi sáng sớm ở Biển Hồ,", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")


def _links_to_article(site: Path, page: str) -> bool:
    """Whether a page links to a version of the edited article (or is one)."""
    if page.removesuffix("index.html").rstrip("/").endswith(ARTICLE_KEY):
        return True
    tree = lxml_html.fromstring((site / page).read_bytes())
    base = "/" + page
    for href in tree.xpath("//a/@href | //link/@href"):
        target = unquote(urljoin(base, href)).split("#")[0]
        if target.rstrip("/").endswith(ARTICLE_KEY):
            return True
    return False


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The sample site built with and without the cache, before and after one edit."""
    root = tmp_path_factory.mktemp("incremental")
    project = copy_project(root / "project", with_content=True)
    sites = {}
    _build(project, root / "cold")
    sites["cold"] = root / "cold"
    keys_cold = _indexes(project)
    _build(project, root / "warm")
    sites["warm"] = root / "warm"
    keys_warm = _indexes(project)
    _build(project, root / "plain", reuse=False)
    sites["plain"] = root / "plain"
    _edit(project)
    _build(project, root / "edited")
    sites["edited"] = root / "edited"
    keys_edited = _indexes(project)
    _build(project, root / "edited-plain", reuse=False)
    sites["edited-plain"] = root / "edited-plain"
    return {
        "project": project,
        "sites": sites,
        "keys": {"cold": keys_cold, "warm": keys_warm, "edited": keys_edited},
    }


def test_a_build_with_the_cache_equals_one_without(builds):
    sites = builds["sites"]
    assert _differences(sites["cold"], sites["plain"]) == []
    assert _differences(sites["warm"], sites["plain"]) == []
    assert _differences(sites["edited"], sites["edited-plain"]) == []


def test_nothing_changed_nothing_is_made_again(builds):
    keys = builds["keys"]
    assert set(keys["cold"]) == {f"mkdocs-web-public-{c}" for c in ("vi", "en", "km", "lo", "zh")}
    assert sum(len(k) for k in keys["cold"].values()) > 100
    assert keys["warm"] == keys["cold"]


def test_one_edit_makes_again_exactly_the_pages_that_show_it(builds):
    sites, keys = builds["sites"], builds["keys"]
    remade = _remade(keys["warm"], keys["edited"])
    # The truth, from two builds without the cache: the pages whose bytes changed.
    changed = {
        rel for rel in _differences(sites["plain"], sites["edited-plain"]) if rel.endswith(".html")
    }
    pages = {dest for folder in keys["edited"].values() for dest in folder}
    assert remade == changed & pages
    assert remade  # the edit shows somewhere
    for page in [
        f"{ARTICLE_KEY}/index.html",  # the article
        "index.html",  # the home page's latest articles
        "du-lich/index.html",  # its category
        f"en/{ARTICLE_KEY}/index.html",  # a translation's notice that the source changed
    ]:
        assert page in remade
    for page in remade:
        assert _links_to_article(sites["edited"], page), page
    # Pages that do not show the article are left alone.
    assert "van-hoa/khong-gian-van-hoa-cong-chieng/index.html" not in remade or _links_to_article(
        sites["edited"], "van-hoa/khong-gian-van-hoa-cong-chieng/index.html"
    )
    assert len(remade) < len(pages) / 3


def _rebuild_after(
    project: Path, root: Path, name: str, damage, same_as: Path | None = None
) -> list[str]:
    """A build after ``damage()``, checked against a build without the cache.

    Where the damage leaves the content as it was, ``same_as`` is a site built from it
    before (a cold build: test_a_build_with_the_cache_equals_one_without shows it equal to
    one without the cache), and no second build is needed.
    """
    damage()
    messages = _build(project, root / f"{name}-cached")
    if same_as is None:
        same_as = root / f"{name}-plain"
        _build(project, same_as, reuse=False)
    assert _differences(root / f"{name}-cached", same_as) == []
    return messages


def _cache_notices(messages: list[str]) -> list[str]:
    return [m for m in messages if "cache" in m]


@pytest.fixture
def cached_project(tmp_path):
    project = copy_project(tmp_path / "project", with_content=True)
    _build(project, tmp_path / "first")
    return project


def test_a_damaged_or_foreign_cache_is_ignored_with_one_notice(cached_project, tmp_path):
    project = cached_project
    index = project / ".cache" / "pages" / "mkdocs-web-public-km" / "index.json"
    rel = index.as_posix()
    good = index.read_bytes()

    def garbage():
        index.write_bytes(b"\x00\xff not json at all")

    def truncated():
        index.write_bytes(good[: len(good) // 2])

    def other_site():
        data = json.loads(good)
        data["site"] = "/elsewhere https://example.org/"
        index.write_text(json.dumps(data), encoding="utf-8")

    def other_version():
        data = json.loads(good)
        data["format"] = 0
        index.write_text(json.dumps(data), encoding="utf-8")

    cases = [
        ("garbage", garbage, "the page cache cannot be read"),
        ("truncated", truncated, "the page cache cannot be read"),
        ("site", other_site, "the page cache is another site's"),
        ("version", other_version, "the page cache is of another version"),
    ]
    for name, damage, says in cases:
        messages = _rebuild_after(project, tmp_path, name, damage, same_as=tmp_path / "first")
        assert _cache_notices(messages) == [f"{rel}: {says}; every page is made again."], name
        good = index.read_bytes()  # the build wrote a sound one again


def test_a_damaged_stored_page_is_made_again(cached_project, tmp_path):
    project = cached_project
    folder = project / ".cache" / "pages" / "mkdocs-web-public-vi"
    data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    digest = data["pages"][f"{ARTICLE_KEY}/index.html"][1]
    stored = folder / "files" / f"{digest}.html"
    messages = _rebuild_after(
        project,
        tmp_path,
        "page",
        lambda: stored.write_bytes(stored.read_bytes()[:500]),
        same_as=tmp_path / "first",
    )
    assert _cache_notices(messages) == [
        f"{folder.as_posix()}: a stored page is damaged; damaged pages are made again."
    ]


def test_a_changed_template_or_setting_is_seen(cached_project, tmp_path):
    project = cached_project
    template = project / "overrides" / "partials" / "copyright.html"

    def change_template():
        text = template.read_text(encoding="utf-8")
        template.write_text(text.replace("</", "<span>1</span></", 1), encoding="utf-8")

    messages = _rebuild_after(project, tmp_path, "template", change_template)
    assert _cache_notices(messages) == []
    assert b"<span>1</span>" in (tmp_path / "template-cached" / "index.html").read_bytes()

    config = project / "mkdocs.yml"

    def change_setting():
        text = config.read_text(encoding="utf-8")
        assert "    page_size: 12\n" in text
        changed = text.replace("    page_size: 12\n", "    page_size: 12\n    related_count: 1\n")
        config.write_text(changed, encoding="utf-8")

    _rebuild_after(project, tmp_path, "setting", change_setting)
    page = tmp_path / "setting-cached" / ARTICLE_KEY / "index.html"
    before = tmp_path / "first" / ARTICLE_KEY / "index.html"
    assert page.read_bytes() != before.read_bytes()


def test_a_language_whose_search_records_did_not_change_keeps_its_index(builds):
    sites = builds["sites"]

    def entry(site: str, prefix: str) -> bytes:
        return (sites[site] / prefix / "pagefind" / "pagefind-entry.json").read_bytes()

    # Pagefind names its files differently on every run: equal files were not made again.
    assert entry("plain", "en/") != entry("edited-plain", "en/")
    for prefix in ("", "en/", "km/", "lo/", "zh/"):
        assert entry("cold", prefix) == entry("warm", prefix)
    for prefix in ("en/", "km/", "lo/", "zh/"):
        assert entry("warm", prefix) == entry("edited", prefix)
    assert entry("warm", "") != entry("edited", "")
    # The edited article is found by its new words.
    assert (
        _differences(sites["edited"] / "search-vocab", sites["edited-plain"] / "search-vocab") == []
    )


# --- a build that would change nothing ------------------------------------------------------


def _build_into(project: Path, out: Path, build_date=BUILD_DATE, **options):
    messages: list[str] = []
    chosen = BuildOptions(build_date=build_date, cache_dir=project / ".cache", **options)
    result = build_site(project / "mkdocs.yml", out, chosen, report=messages.append)
    return result, messages


def _stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*")}


def test_a_build_that_would_change_nothing_leaves_the_site_as_it_is(cached_project, tmp_path):
    import datetime as dt

    project, out = cached_project, tmp_path / "site"
    assert not _build_into(project, out)[0].unchanged
    before = _stamps(out)
    result, messages = _build_into(project, out)
    assert result.unchanged and messages == []
    assert _stamps(out) == before  # not one file written again
    # Another day on which no article comes out: the same site.
    assert _build_into(project, out, BUILD_DATE + dt.timedelta(days=1))[0].unchanged

    # An edit is seen, and the edited site is the one a build without the cache makes.
    _edit(project)
    assert not _build_into(project, out)[0].unchanged
    _build(project, tmp_path / "plain", reuse=False)
    assert _differences(out, tmp_path / "plain") == []
    assert _build_into(project, out)[0].unchanged

    # A file removed from the published folder, or one changed in place, is put back.
    page = out / ARTICLE_KEY / "index.html"
    page.unlink()
    assert not _build_into(project, out)[0].unchanged
    assert page.is_file()
    good = page.read_bytes()
    page.write_bytes(good.replace(b"</body>", b"<p>added</p></body>"))
    assert not _build_into(project, out)[0].unchanged
    assert page.read_bytes() == good

    # A day on which a scheduled article comes out builds it.
    scheduled = project / "content" / "vi" / "du-lich" / "sap-ra-mat.md"
    text = (project / ARTICLE).read_text(encoding="utf-8")
    day = BUILD_DATE + dt.timedelta(days=3)
    text = text.replace("date: 2025-09-03", f"date: {day.isoformat()}", 1)
    scheduled.write_text(text, encoding="utf-8")
    assert not _build_into(project, out)[0].unchanged
    assert not (out / "du-lich" / "sap-ra-mat" / "index.html").exists()
    assert _build_into(project, out, BUILD_DATE + dt.timedelta(days=1))[0].unchanged
    assert not _build_into(project, out, day)[0].unchanged
    assert (out / "du-lich" / "sap-ra-mat" / "index.html").is_file()


def test_a_damaged_record_of_the_last_build_is_ignored_with_one_notice(cached_project, tmp_path):
    from gialai import sitestate

    project, out = cached_project, tmp_path / "site"
    _build_into(project, out)
    state = sitestate.state_file(project / ".cache", out)
    assert state.is_file()
    state.write_bytes(b"\x00 not json")
    result, messages = _build_into(project, out)
    assert not result.unchanged
    assert messages[0] == (
        f"{state.as_posix()}: the record of the last build cannot be read; building."
    )
    assert [m for m in messages if "record" in m] == messages[:1]
    assert _build_into(project, out)[0].unchanged
    # A build without the cache makes the same site, and says so for the next one.
    _build(project, out, reuse=False)
    assert _build_into(project, out)[0].unchanged


def test_an_edit_of_the_text_alone_makes_again_only_the_pages_that_show_the_text(
    cached_project, tmp_path
):
    """Titles, dates and photos stay: no other page's view is looked at, and still exactly
    the pages whose bytes change are made again."""
    project = cached_project
    before = _indexes(project)  # the cold build's, equal to one without the cache
    path = project / ARTICLE
    path.write_text(
        path.read_text(encoding="utf-8") + "\nMột câu mới ở cuối bài viết.\n", encoding="utf-8"
    )
    _build(project, tmp_path / "after")
    after = _indexes(project)
    _build(project, tmp_path / "after-plain", reuse=False)
    assert _differences(tmp_path / "after", tmp_path / "after-plain") == []
    changed = {
        rel
        for rel in _differences(tmp_path / "first", tmp_path / "after-plain")
        if rel.endswith(".html")
    }
    remade = _remade(before, after)
    pages = {dest for folder in after.values() for dest in folder}
    assert remade == changed & pages
    assert f"{ARTICLE_KEY}/index.html" in remade
    assert "index.html" not in remade  # the home page shows no article's text


def test_a_changed_interface_text_built_into_the_same_folder_equals_a_build_without_cache(
    cached_project, tmp_path
):
    """Into the folder the last build published (pages may be taken from it): a changed text
    of the 404 page shows, and the site is the one a build without the cache makes."""
    project, out = cached_project, tmp_path / "site"
    _build_into(project, out)
    strings = project / "locales" / "vi.yml"
    text = strings.read_text(encoding="utf-8")
    old = "not_found_text: Trang bạn tìm không có hoặc đã được chuyển đi."
    assert old in text
    strings.write_text(
        text.replace(old, "not_found_text: Không có trang nào ở địa chỉ này."), encoding="utf-8"
    )
    assert not _build_into(project, out)[0].unchanged
    _build(project, tmp_path / "plain", reuse=False)
    assert _differences(out, tmp_path / "plain") == []
    assert "Không có trang nào ở địa chỉ này." in (out / "404.html").read_text(encoding="utf-8")
