"""Smoke test of the benchmark (bench/run.py) at N=5: it runs and reports what it should.

No timing thresholds: only that times are positive and counts are what the corpus holds.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import urllib.request
from pathlib import Path

import pytest
from bench.corpus import TEXT_LANGS
from bench.run import (
    VIEWPORTS,
    CountingServer,
    chromium,
    count_pages,
    first_query,
    first_visit,
    largest_first_query,
    measure,
    page_paths,
    run_size,
    search_transfer,
    site_layout,
    table,
    targets,
    targets_table,
)

from gialai.settings import load_settings

from .conftest import REPO, in_own_thread

N = 5
# The corpus generator writes every language of mkdocs.yml it has text for (W of them). The
# site builds every language of mkdocs.yml: one the corpus does not write gets each article
# as a fallback page, and its own listings.
TABLE = [language.code for language in load_settings(REPO / "mkdocs.yml").languages]
LANGS = tuple(code for code in TABLE if code in TEXT_LANGS)
W = len(LANGS)
BUILT = len(TABLE)
CATEGORIES = 4
STEPS = ("parallel", "floor", "hugo", "sizes", "preview")


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    work = tmp_path_factory.mktemp("bench")
    return work, run_size(N, work, steps=STEPS, images=2)


def _positive_run(run: dict) -> None:
    assert run["returncode"] == 0
    assert run["wall_s"] > 0 and run["cpu_s"] > 0
    assert run["user_s"] >= 0 and run["sys_s"] >= 0
    assert run["max_rss_mb"] > 0 and run["tree_rss_mb"] >= 0
    assert run["others_cpu_s"] is None or run["others_cpu_s"] >= 0


def test_the_result_has_every_measurement(bench: tuple[Path, dict]) -> None:
    work, result = bench
    assert result["errors"] == {}
    assert result["per_language"] == N
    assert result["corpus"]["articles"] == {lang: N for lang in LANGS}
    assert result["corpus"]["markdown_files"] == N * W + W  # and a home page per language
    json.dumps(result)  # all of it can go into the JSON file

    builds = result["builds"]["parallel"]
    assert set(builds) == {"cold", "warm"}
    for run in builds.values():
        _positive_run(run)
        assert run["pages"] == result["pages"] == count_pages(work / "site")
        assert run["ms_per_page"] > 0
    # Articles, a home, category and archive pages, tags and search in three languages.
    assert result["pages"] > N * W + W * (1 + CATEGORIES + 1)

    floor = result["floor"]
    assert floor["files"] == N * W + W
    assert floor["wall_s"] > 0 and floor["cpu_s"] >= 0 and floor["html_bytes"] > 0

    if shutil.which("hugo"):
        hugo = result["hugo"]
        _positive_run(hugo)
        assert len(hugo["runs_wall_s"]) == 3
        assert hugo["pages"] > N * W
        assert result["ratios"]["parallel_cold_vs_hugo_wall"] > 0
    assert result["ratios"]["parallel_cold_vs_floor_wall"] > 0


def test_page_sizes_count_every_article_and_listing(bench: tuple[Path, dict]) -> None:
    _work, result = bench
    sizes = result["page_sizes"]
    assert sizes["article"]["count"] == N * BUILT
    assert sizes["listing"]["count"] == BUILT * (1 + CATEGORIES + 1)
    assert sizes["listing_kinds"]["home"]["count"] == BUILT
    assert sizes["listing_kinds"]["category"]["count"] == BUILT * CATEGORIES
    for summary in (sizes["article"], sizes["listing"], sizes["any_listing_page"]):
        assert summary["largest_bytes"] >= summary["median_bytes"] > 1000
        assert summary["largest_page"].endswith("index.html")


def test_the_preview_rebuild_shows_the_edit(bench: tuple[Path, dict]) -> None:
    _work, result = bench
    preview = result["preview"]
    assert preview["article"].startswith("vi/") and preview["article"].endswith(".md")
    assert preview["rebuild_shows_edit"] and preview["full_build_shows_edit"]
    for key in ("first", "rebuild", "full_build"):
        _positive_run(preview[key])
        assert preview[f"{key}_s"] == preview[key]["wall_s"]
    serve = preview["serve"]  # gialai serve --language vi, until it serves the edit
    assert serve["first_build_s"] > 0 and serve["save_to_page_s"] > 0
    assert serve["rebuild_reported_s"] is not None and serve["rebuild_reported_s"] >= 0


def test_table_and_targets(bench: tuple[Path, dict]) -> None:
    _work, result = bench
    text = table([result])
    assert "| N = 5 |" in text and "parallel build, cold cache" in text
    found = targets([result])
    assert len(found) == 10
    for target in found:
        assert {"target", "limit", "unit", "value", "where", "met", "verdict"} <= set(target)
        assert target["limit"] > 0
    by_name = {t["target"]: t for t in found}
    article = by_name["article HTML < 40 KB at every N"]
    largest = result["page_sizes"]["article"]["largest_bytes"]
    assert article["value"] == pytest.approx(largest / 1000)
    assert article["met"] in (True, False)
    # No browser in this run: its targets are reported as not measured.
    assert by_name["first search query < 150 KB"]["verdict"] == "not measured"
    assert by_name["the same, the script's font on the device"]["verdict"] == "not measured"
    assert "N=5 (the target is for N=1000)" in targets_table(found)


def test_targets_with_the_scripts_font_on_the_device() -> None:
    def query(text: str, size: int) -> dict:
        return {"query": text, "bytes": size}

    run = {
        "per_language": 1000,
        "browser": {
            "first_visit": {"zh_article": {"phone": {"bytes": 181_000}}},
            "search": {"zh": {"first": query("瀑布", 130_000), "more_first": []}},
            "device_fonts": {
                "first_visit": {
                    "zh_article": {"bytes": 94_000},
                    "km_article": {"bytes": 90_000},
                },
                "search": {"zh": [query("嘉莱", 128_000), query("嘉莱省", 145_000)]},
            },
        },
    }
    by_name = {t["target"]: t for t in targets([run])}
    device = by_name["the same, the script's font on the device (a phone's Noto fonts)"]
    assert (device["value"], device["met"]) == (94.0, True)
    assert "zh_article" in device["where"]
    search = by_name["the same, the script's font on the device"]
    assert (search["value"], search["met"]) == (145.0, True)
    assert "嘉莱省" in search["where"]
    rows = table([{**run, "corpus": {"markdown_files": 1, "languages": ["zh"]}}])
    assert "| first visit, zh article, the script's font on the device: phone | 94.0 KB |" in rows


def test_measure_reports_the_exit_code(tmp_path: Path) -> None:
    run = measure(
        [sys.executable, "-c", "import sys; sys.exit(3)"], cwd=tmp_path, env={}, log=tmp_path / "l"
    )
    assert run["returncode"] == 3 and run["wall_s"] > 0


def test_the_server_gzips_text_and_counts_what_it_sends(tmp_path: Path) -> None:
    page = ("<!doctype html><p>" + "Thác 50 ở Kbang. " * 200 + "</p>").encode()
    (tmp_path / "index.html").write_bytes(page)
    (tmp_path / "x.pf_meta").write_bytes(gzip.compress(b"\0" * 4000))
    with CountingServer(tmp_path) as server:
        for path in ("/", "/x.pf_meta"):
            request = urllib.request.Request(server.url + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                body = response.read()
                encoding = response.headers.get("Content-Encoding")
            if path == "/":
                assert encoding == "gzip" and gzip.decompress(body) == page
            else:
                assert encoding is None and body == (tmp_path / "x.pf_meta").read_bytes()
        server.wait_quiet(0.1)
        entries = server.since(0)
    # A threaded server may log the two answers in either order.
    by_path = {e["path"]: e for e in entries}
    assert sorted(by_path) == ["/", "/x.pf_meta"]
    assert all(e["status"] == 200 for e in entries)
    assert 0 < by_path["/"]["bytes"] < len(page) / 3
    assert by_path["/x.pf_meta"]["bytes"] > (tmp_path / "x.pf_meta").stat().st_size  # + headers


@pytest.mark.browser
def test_first_visit_and_search_in_chromium(bench: tuple[Path, dict]) -> None:
    work, _result = bench
    project = work / "project"
    paths = page_paths(project, site_layout(project))
    assert set(paths) >= {"vi_article", "km_article", "vi_home"}

    def measure() -> tuple[dict, dict, dict]:
        with CountingServer(work / "site") as server, chromium() as browser:
            return (
                first_visit(browser, server, paths["km_article"], "phone"),
                search_transfer(browser, server, paths["vi_article"], ("thac", "cà phê")),
                first_query(browser, server, paths["vi_article"], "gia lai"),
            )

    # The benchmark's own Playwright, beside the one the browser tests keep running.
    visit, search, more = in_own_thread(measure)
    assert visit["bytes"] > 10_000 and visit["requests"] > 3 and visit["blocked"] == []
    assert visit["by_type"]["font"] > 0 and visit["by_type"]["html"] > 0
    assert set(VIEWPORTS) == {"phone", "desktop"}
    assert search["load_search_bytes"] == 0
    for query in ("first", "second"):
        assert search[query]["status"] and "…" not in search[query]["status"]
        assert search[query]["bytes"] >= 0 and search[query]["seconds"] > 0
    assert search["first"]["bytes"] > 0
    # Another first query on a fresh page downloads the search code again.
    assert more["status"] and "…" not in more["status"]
    assert more["by_file"]["wasm"]["bytes"] > 0
    run = {"browser": {"search": {"vi": {**search, "more_first": [more]}}}}
    largest = max(search["first"]["bytes"], more["bytes"])
    assert largest_first_query(run, "vi")["bytes"] == largest
