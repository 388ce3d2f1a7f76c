"""Build times against Hugo's full build: cold, warm, after one edit, the preview.

    python -m bench.incremental [--sizes 100 1000] [--languages 5] [--runs 3] [--out DIR]

For each N a scratch project gets N articles per language (``bench.corpus``; all five
languages of the site, or vi en km with ``--languages 3``). Each case is measured pair by
pair, ``gialai build`` then Hugo's full build (``bench/hugo_site.py``) right after it, so
that both meet the same load on a shared machine; the ratio is taken within each pair and
the table shows the median of ``--runs`` pairs:

- cold: no ``.cache/`` at all (photos, QR codes, pages and search indexes made anew);
- warm: nothing changed since the last build;
- one edit: a sentence added to one Vietnamese article, then ``gialai build``;
- warm, no page cache: ``gialai build --no-cache`` (every page and index made again);
- preview: ``gialai serve --language vi``, from saving an edit to the page served.

Then each part of the incremental build on its own, in this process on the built site:
the link check reading every page against the one using the links noted while pages were
written, and the search indexes built against reused. The machine's load (other jobs'
CPU during each run, from /proc/stat) is recorded with every run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.hugo_site import make_hugo_site
from bench.run import (
    BUILD_DATE,
    _append,
    _check,
    _serve_rebuild,
    base_env,
    count_pages,
    gialai_command,
    make_project,
    measure,
    sample_article,
    site_layout,
)

THREE = ("vi", "en", "km")


def keep_languages(project: Path, codes: tuple[str, ...]) -> None:
    """Leave only ``codes`` in the project's language list (mkdocs.yml, by its lines)."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    kept, skipping = [], False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("- locale:"):
            skipping = stripped.split(":", 1)[1].strip() not in codes
        elif skipping and not line.startswith("          "):
            skipping = False
        if not skipping:
            kept.append(line)
    config.write_text("".join(kept), encoding="utf-8")
    for folder in (project / "content").iterdir():
        if folder.is_dir() and len(folder.name) == 2 and folder.name not in codes:
            shutil.rmtree(folder)


def ours(project: Path, site: Path, log: Path, *flags: str) -> dict[str, Any]:
    command = [*gialai_command(), "--config", str(project / "mkdocs.yml"), "build"]
    command += ["--build-date", BUILD_DATE.isoformat(), "--site-dir", str(site), "--quiet"]
    command += list(flags)
    run = _check(measure(command, cwd=project, env=base_env(project), log=log), "gialai", log)
    run["pages"] = count_pages(site)
    run["ms_per_page"] = round(1000 * run["wall_s"] / max(run["pages"], 1), 2)
    return run


def hugo(hugo_project: Path, out: Path, log: Path) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIALAI_")}
    command = ["hugo", "--quiet", "--source", str(hugo_project), "--destination", str(out)]
    run = _check(measure(command, cwd=hugo_project, env=env, log=log), "hugo", log)
    run["pages"] = count_pages(out)
    return run


def pair(ours_run: dict[str, Any], hugo_run: dict[str, Any]) -> dict[str, Any]:
    return {
        "ours": ours_run,
        "hugo": hugo_run,
        "wall_ratio": round(ours_run["wall_s"] / hugo_run["wall_s"], 3),
        "cpu_ratio": round(ours_run["cpu_s"] / max(hugo_run["cpu_s"], 1e-3), 3),
    }


def median_pair(pairs: list[dict[str, Any]]) -> dict[str, Any]:
    def mid(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    return {
        "runs": pairs,
        "wall_ratio": mid([p["wall_ratio"] for p in pairs]),
        "cpu_ratio": mid([p["cpu_ratio"] for p in pairs]),
        "ours_wall_s": mid([p["ours"]["wall_s"] for p in pairs]),
        "ours_cpu_s": mid([p["ours"]["cpu_s"] for p in pairs]),
        "hugo_wall_s": mid([p["hugo"]["wall_s"] for p in pairs]),
        "ours_tree_rss_mb": mid([p["ours"]["tree_rss_mb"] for p in pairs]),
        "ours_max_rss_mb": mid([p["ours"]["max_rss_mb"] for p in pairs]),
        "ms_per_page": mid([p["ours"]["ms_per_page"] for p in pairs]),
        "pages": pairs[0]["ours"]["pages"],
        "others_cpu_s": mid([p["ours"]["others_cpu_s"] or 0 for p in pairs]),
    }


def parts_on_their_own(project: Path, site: Path, runs: int) -> dict[str, Any]:
    """The link check and the search indexes, with and without what this build reuses."""
    from gialai.mkdocs.build import load_site
    from gialai.options import BuildOptions
    from gialai.publish import write_search_indexes
    from gialai.sitecheck import broken_links

    links: dict[str, tuple[str, ...]] = {}
    for index in (project / ".cache" / "pages").glob("*/index.json"):
        data = json.loads(index.read_text(encoding="utf-8"))
        links.update({dest: tuple(entry[3]) for dest, entry in data["pages"].items()})

    def timed(work) -> float:
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            work()
            times.append(time.perf_counter() - began)
        return round(statistics.median(times), 3)

    options = BuildOptions(build_date=BUILD_DATE, cache_dir=project / ".cache")
    loaded = load_site(project / "mkdocs.yml", options)
    scratch = Path(tempfile.mkdtemp(prefix="gialai-bench-search-"))
    try:
        write_search_indexes(loaded, scratch / "warm", reuse=True)  # the store is full
        results = {
            "link_check_reading_pages_s": timed(lambda: broken_links(site)),
            "link_check_noted_links_s": timed(lambda: broken_links(site, known=links)),
            "search_built_s": timed(
                lambda: write_search_indexes(loaded, scratch / "built", reuse=False)
            ),
            "search_reused_s": timed(
                lambda: write_search_indexes(loaded, scratch / "reused", reuse=True)
            ),
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def run_size(
    root: Path,
    n: int,
    codes: tuple[str, ...] | None,
    runs: int,
    cold_runs: int,
    save=lambda result: None,
) -> dict[str, Any]:
    project = root / "project"
    if (project / "mkdocs.yml").exists():  # a project an earlier run generated: kept
        from gialai.settings import load_settings

        table = [lang.code for lang in load_settings(project / "mkdocs.yml").languages]
        corpus = {"articles": n, "languages": table, "reused": True}
    else:
        corpus = make_project(project, n)
        if codes:
            keep_languages(project, codes)
            corpus["languages"] = list(codes)
    hugo_project = make_hugo_site(project / "content", root / "hugo")
    hugo_out = root / "hugo-public"
    log = root / "log.txt"
    site = root / "site"
    layout = site_layout(project)
    key = sample_article(project, layout)
    article = project / "content" / "vi" / f"{key}.md"
    result: dict[str, Any] = {"n": n, "corpus": corpus, "cases": {}}
    cases = result["cases"]

    def case(name: str, before, *flags: str, count: int = runs) -> None:
        pairs = []
        for i in range(count):
            before(i)
            ours_run = ours(project, site, log, *flags)
            pairs.append(pair(ours_run, hugo(hugo_project, hugo_out, log)))
        cases[name] = median_pair(pairs)
        print(f"  N={n} {name}: {json.dumps(cases[name] | {'runs': None})}", flush=True)
        save(result)

    if not (project / ".cache" / "pages").is_dir():
        ours(project, site, log)  # fills the cache
    # The cases officers meet every day first: a busy machine may not leave time for all.
    case("warm", lambda i: None)
    case(
        "one edit",
        lambda i: _append(article, f"Câu sửa số {i} để đo bản dựng sau một lần sửa."),
    )
    result["parts"] = parts_on_their_own(project, site, runs)
    print(f"  N={n} parts: {result['parts']}", flush=True)
    save(result)
    previews = []
    for _ in range(runs):
        serve = _serve_rebuild(project, key, log)
        previews.append(
            pair(
                {"wall_s": serve["save_to_page_s"], "cpu_s": 0.0, "serve": serve},
                hugo(hugo_project, hugo_out, log),
            )
        )
        result["preview"] = {
            "runs": previews,
            "save_to_page_s": statistics.median(p["ours"]["wall_s"] for p in previews),
            "wall_ratio": statistics.median(p["wall_ratio"] for p in previews),
        }
        save(result)
    print(f"  N={n} preview: {result['preview']['wall_ratio']} × Hugo", flush=True)
    case("warm, no page cache", lambda i: None, "--no-cache", count=cold_runs)
    case(
        "cold",
        lambda i: shutil.rmtree(project / ".cache", ignore_errors=True),
        count=cold_runs,
    )
    return result


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| N × languages | case | ours wall s | Hugo wall s | wall ratio | CPU ratio "
        "| ms/page | peak memory MB (all processes) | other jobs' CPU s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        size = f"{result['n']} × {len(result['corpus']['languages'])}"
        for name, c in result["cases"].items():
            lines.append(
                f"| {size} | {name} | {c['ours_wall_s']:.1f} | {c['hugo_wall_s']:.2f} "
                f"| {c['wall_ratio']:.2f} × | {c['cpu_ratio']:.2f} × | {c['ms_per_page']:.1f} "
                f"| {c['ours_tree_rss_mb']:.0f} | {c['others_cpu_s']:.0f} |"
            )
        p = result.get("preview")
        if p is None:
            continue
        lines.append(
            f"| {size} | preview, save → page served | {p['save_to_page_s']:.2f} | "
            f"{statistics.median(r['hugo']['wall_s'] for r in p['runs']):.2f} "
            f"| {p['wall_ratio']:.2f} × | | | | |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--languages", type=int, choices=(3, 5), default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--cold-runs", type=int, default=3, help="pairs for the cold and no-cache cases"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="generate the projects in this folder and keep them (a project already "
        "there is measured again without generating it)",
    )
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args(argv)
    if shutil.which("hugo") is None:
        # Before the corpus is generated: the cases compare every build with Hugo's.
        raise SystemExit(
            "hugo is missing: the benchmark compares with Debian's (apt-get install hugo)."
        )
    codes = THREE if args.languages == 3 else None
    results: list[dict[str, Any]] = []
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y-%m-%dT%H%M%S")
    path = args.out / f"incremental-{args.languages}-{stamp}.json"

    def save(result: dict[str, Any]) -> None:
        done = [*results, result]
        path.write_text(json.dumps(done, indent=1, ensure_ascii=False), encoding="utf-8")

    for n in args.sizes:
        if args.keep:
            folder = args.keep / f"{n}x{args.languages}"
            folder.mkdir(parents=True, exist_ok=True)
            results.append(run_size(folder, n, codes, args.runs, args.cold_runs, save))
            continue
        with tempfile.TemporaryDirectory(prefix=f"gialai-incr-{n}-") as folder:
            results.append(run_size(Path(folder), n, codes, args.runs, args.cold_runs, save))
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(table(results))
    for result in results:
        print(f"parts at N={result['n']}: {json.dumps(result['parts'])}")
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
