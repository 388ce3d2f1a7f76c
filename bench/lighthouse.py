"""Lighthouse on the public web edition, served gzip by nginx with deploy/nginx-web.conf.

    python -m bench.lighthouse [--site SITE] [--runs 3] [--languages vi en km]

Builds the sample content as of the fixed build date (or takes a built SITE), serves it with
Debian's nginx and the shipped ``deploy/nginx-web.conf`` on a free loopback port, and runs
Lighthouse (the npm release pinned in package-lock.json, ``node_modules/.bin/lighthouse``)
against Debian's Chromium: mobile form factor and Lighthouse's default (simulated) throttling,
``--runs`` times per page. Pages: the home page, the newest article with a cover photo and
the tourism listing of every language. Each number reported is the median of the runs of
that page. The table is printed in Markdown; every run's numbers go to
``bench/results/lighthouse-<date>T<time>Z.json`` (ignored by git). ``--reports DIR`` keeps
Lighthouse's own report of every run there (``<lang>-<kind>-<run>.json``: the LCP element,
the layout shifts and the requests on the critical path, audit by audit).

The machine's load is recorded too: the load average before and after, and the CPU seconds
the rest of the machine used while Lighthouse ran (``others_cpu_s``), as in ``bench.run``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from .server import NGINX, NGINX_MAIN, busy_seconds, free_port, tree_cpu_seconds

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
BUILD_DATE = "2026-11-23"
LANGUAGES = ("vi", "en", "km", "lo", "zh")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LISTING_FOLDER = "du-lich"  # the tourism category, in every language
METRICS = {
    "lcp_s": ("largest-contentful-paint", 1000.0),
    "fcp_s": ("first-contentful-paint", 1000.0),
    "tbt_ms": ("total-blocking-time", 1.0),
    "cls": ("cumulative-layout-shift", 1.0),
    "si_s": ("speed-index", 1000.0),
}
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
TARGET_CLS, TARGET_LCP_S = 0.02, 1.5


def nginx_config(site: Path, port: int) -> str:
    """deploy/nginx-web.conf pointed at ``site`` and a loopback port."""
    text = (REPO / "deploy" / "nginx-web.conf").read_text(encoding="utf-8")
    for old, new in {
        "root /srv/gialai/site;": f"root {site};",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": "",
    }.items():
        if old not in text:
            raise SystemExit(f"{old!r} is no longer in deploy/nginx-web.conf")
        text = text.replace(old, new, 1)
    return text


class Nginx:
    """Debian's nginx with the web edition's server block, in a scratch folder."""

    def __init__(self, site: Path) -> None:
        if NGINX is None:
            raise SystemExit("nginx is not installed (Debian: apt-get install nginx).")
        self.tmp = Path(tempfile.mkdtemp(prefix="gialai-lh-nginx-"))
        self.port = free_port()
        (self.tmp / "site.conf").write_text(nginx_config(site, self.port), encoding="utf-8")
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.tmp / "nginx.conf").write_text(
            NGINX_MAIN.format(user=user, tmp=self.tmp), encoding="utf-8"
        )
        command = [NGINX, "-e", str(self.tmp / "error.log"), "-p", str(self.tmp)]
        command += ["-c", str(self.tmp / "nginx.conf"), "-g", "daemon off;"]
        self.process = subprocess.Popen(command)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                import urllib.request

                urllib.request.urlopen(self.base + "/", timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise SystemExit("nginx did not start: " + (self.tmp / "error.log").read_text())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def build_site(out: Path) -> Path:
    """The sample content built as the operators build it."""
    command = [sys.executable, "-m", "gialai.cli", "build", "--build-date", BUILD_DATE]
    command += ["--site-dir", str(out), "--quiet"]
    subprocess.run(command, cwd=REPO, check=True)
    return out


def pages_to_measure(site: Path, languages: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(language, kind, URL path): home, the newest article with a cover, a listing."""
    pages = []
    for code in languages:
        prefix = "" if code == "vi" else f"{code}/"
        listing = f"/{prefix}{LISTING_FOLDER}/"
        tree = lxml_html.parse(str(site / prefix / LISTING_FOLDER / "index.html"))
        # The first card with a picture: the newest article with a cover photo.
        hrefs = tree.xpath(
            "//article[contains(@class,'gl-card')][.//picture]"
            "//*[contains(@class,'gl-card__title')]/a/@href"
        )
        if not hrefs:
            raise SystemExit(f"{listing} lists no article with a photo")
        article = "/" + (Path(prefix + LISTING_FOLDER) / hrefs[0]).as_posix()
        article = os.path.normpath(article) + "/"
        pages += [(code, "home", f"/{prefix}"), (code, "article", article)]
        pages.append((code, "listing", listing))
    return pages


def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, default throttling); its scores and metrics."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    # A group of its own: if the run is stopped, the Chromium it started goes with it.
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        code = process.wait()
    except BaseException:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
        raise
    if code != 0:
        raise subprocess.CalledProcessError(code, command)
    report = json.loads(out.read_text(encoding="utf-8"))
    result: dict[str, Any] = {
        key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES
    }
    for name, (audit, scale) in METRICS.items():
        result[name] = report["audits"][audit]["numericValue"] / scale
    failed = [
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    result["below_0_9"] = sorted(failed)
    return result


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each score and metric as the median of the runs."""
    summary: dict[str, Any] = {}
    for key in (*CATEGORIES, *METRICS):
        summary[key] = statistics.median(run[key] for run in runs)
    summary["below_0_9"] = sorted({a for run in runs for a in run["below_0_9"]})
    return summary


def meets_targets(row: dict[str, Any]) -> bool:
    return (
        all(row[key] >= target for key, target in TARGETS.items())
        and row["cls"] <= TARGET_CLS
        and row["lcp_s"] <= TARGET_LCP_S
    )


def render_table(rows: list[dict[str, Any]]) -> str:
    """The Markdown table of docs/benchmarks.md."""
    lines = [
        "| page | perf. | a11y | b.p. | SEO | LCP s | FCP s | TBT ms | CLS | targets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row['lang']} {row['kind']} | {row['performance']:.0f} | "
            f"{row['accessibility']:.0f} | {row['best-practices']:.0f} | {row['seo']:.0f} | "
            f"{row['lcp_s']:.2f} | {row['fcp_s']:.2f} | {row['tbt_ms']:.0f} | "
            f"{row['cls']:.3f} | {'met' if meets_targets(row) else 'missed'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built web edition (default: build one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES))
    parser.add_argument(
        "--reports", type=Path, help="keep Lighthouse's JSON report of every run in this folder"
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci` (./dev test).")
    work = Path(tempfile.mkdtemp(prefix="gialai-lh-"))
    reports = args.reports or work
    reports.mkdir(parents=True, exist_ok=True)
    site = args.site or build_site(work / "site")
    pages = pages_to_measure(site, tuple(args.languages))
    server = Nginx(site)
    load_before = os.getloadavg()
    busy_start, started = busy_seconds(), time.monotonic()
    own_cpu = 0.0
    rows = []
    try:
        for code, kind, path in pages:
            runs = []
            for index in range(args.runs):
                before = os.times()
                runs.append(
                    run_lighthouse(server.base + path, reports / f"{code}-{kind}-{index}.json")
                )
                after = os.times()
                own_cpu += (after.children_user - before.children_user) + (
                    after.children_system - before.children_system
                )
            row = {"lang": code, "kind": kind, "path": path, **median_of(runs), "runs": runs}
            rows.append(row)
            print(
                f"{code} {kind} {path}: perf {row['performance']:.0f}, "
                f"LCP {row['lcp_s']:.2f} s, CLS {row['cls']:.3f}",
                file=sys.stderr,
            )
    finally:
        nginx_cpu = tree_cpu_seconds(server.process.pid) or 0.0
        server.stop()
    wall = time.monotonic() - started
    busy_end = busy_seconds()
    others = None
    if busy_start is not None and busy_end is not None:
        others = round(busy_end - busy_start - own_cpu - nginx_cpu, 1)
    machine = {
        "cores": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "wall_s": round(wall, 1),
        "lighthouse_cpu_s": round(own_cpu, 1),
        "others_cpu_s": others,
    }
    results = REPO / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    out = results / f"lighthouse-{dt.datetime.now(dt.UTC):%Y-%m-%dT%H%MZ}.json"
    out.write_text(json.dumps({"machine": machine, "pages": rows}, indent=1), encoding="utf-8")
    print(render_table(rows))
    print(
        f"\n{len(rows)} pages × {args.runs} runs in {wall:.0f} s on {machine['cores']} cores; "
        f"load average {machine['load_before'][0]} before, {machine['load_after'][0]} after; "
        f"other processes used {others} CPU s meanwhile. Numbers: {out.relative_to(REPO)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
