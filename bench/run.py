"""The benchmark: build times, page sizes and transfer at growing numbers of articles.

    python -m bench.run [--sizes 100 300 1000] [--out bench/results] [--quick]

For every N it generates N articles per language (vi, en, km) with ``bench.corpus`` in
a scratch copy of the project, then measures, in one run so that ratios compare numbers
taken under the same conditions:

- the full build (``gialai build``, parallel and ``--serial``), cold and warm: wall time,
  CPU time of the process tree, peak memory, pages built, time per page;
- the floor: the same Markdown bodies through plain Python-Markdown, in this process;
- Hugo on the same Markdown with a minimal theme (``bench/hugo_site.py``), if installed;
- the size of article and listing pages;
- what headless Chromium downloads on a first visit and for a first search, from a local
  server that gzips text the way deploy/nginx-web.conf does;
- the preview rebuild after an officer edits one article (``measure_preview_rebuild``);
- ``gialai kiosk-server`` beside nginx with kiosk/nginx.conf on the built site: requests per
  second and p99 latency under 200 concurrent clients (``bench/server.py``).

It prints a table and the targets, and writes everything to ``<out>/<date>.json``.
The numbers are noisy (2 cores, other processes): compare ratios within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import importlib.metadata
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bench.corpus import TRANSLATION_LANGS, copy_project, generate_corpus
from bench.hugo_site import make_hugo_site
from bench.server import compare as compare_servers
from bench.server import table as server_table
from gialai.options import BuildOptions

REPO = Path(__file__).resolve().parents[1]
BUILD_DATE = dt.date(2026, 11, 23)  # fixed, so that pages are the same from run to run
DEFAULT_SIZES = (100, 300, 1000)
QUICK_SIZES = (20,)
TARGET_N = 1000  # the targets on build time, preview and search are stated for 1000 × 3
STEPS = (
    "parallel",
    "serial",
    "floor",
    "hugo",
    "sizes",
    "browser",
    "preview",
    "server",
    "relevance",
)
# Measured once, on the repository's own articles, not per N: the judged queries of
# tests/relevance/ name articles of content/.
ONCE = ("relevance",)
CHROMIUM = os.environ.get("GIALAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Viewports of a first visit: the phone the site is made for, and a desktop.
VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1},
}
SEARCH_QUERIES = {
    # first query, a second different one
    "vi": ("thac", "cà phê"),
    "en": ("waterfall", "coffee"),
    "km": ("ទឹកធ្លាក់", "កាហ្វេ"),
    "lo": ("ນ້ຳຕົກ", "ກາເຟ"),
    "zh": ("瀑布", "咖啡"),
}
# More first queries, each on a fresh page: words in most articles of the generated corpus,
# typed with and without marks. The target holds for the largest first query of all.
MORE_FIRST_QUERIES = {
    "vi": ("gia lai", "ca phe", "Lệ Thanh", "đầu tư"),
    "en": ("Gia Lai", "coffee exports"),
    "km": ("ខេត្តយ៉ាឡាយ", "ការបរទេស"),
    "lo": ("ຢາລາຍ", "ແຂວງຢາລາຍ", "ການຕ່າງປະເທດ"),
    "zh": ("嘉莱", "嘉莱省", "外事厅"),
}
SEARCH_FILES = ("/pagefind/", "/search.js", "/search-vocab/")
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "toc"]
LIMITS = {
    "build_vs_hugo": 2.0,  # ×, full parallel build of 1000 × 3 against Hugo
    "preview_s": 2.0,  # s, preview rebuild after one edit at 1000 × 3
    "first_visit_kb": 150.0,  # KB transferred, article page, fonts included, every language
    "article_kb": 40.0,  # KB of HTML, every N
    "listing_kb": 60.0,  # KB of HTML, every N
    "search_kb": 150.0,  # KB transferred by a first query at 1000 per language
}
KB = 1000  # sizes are reported in kB (1000 bytes)


# --- progress ---------------------------------------------------------------------------


class Progress:
    """Prints which N and which step is running, and the time since the start."""

    def __init__(self, stream=None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.began = time.monotonic()
        self.prefix = ""

    def elapsed(self) -> str:
        seconds = int(time.monotonic() - self.began)
        return f"{seconds // 60:3d}:{seconds % 60:02d}"

    def say(self, text: str) -> None:
        if self.enabled:
            print(f"[{self.elapsed()}] {self.prefix}{text}", file=self.stream, flush=True)

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        self.say(f"{name} ...")
        started = time.monotonic()
        try:
            yield
        finally:
            self.say(f"{name}: {time.monotonic() - started:.1f} s")


# --- measuring a command ----------------------------------------------------------------

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        pid = int(name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * _PAGE
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


_HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _busy_seconds() -> float | None:
    """CPU time spent by the whole machine so far (all processes, all cores)."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / _HZ


def measure(
    command: list[str], *, cwd: Path, env: dict[str, str], log: Path, sample: float = 0.2
) -> dict[str, Any]:
    """Run a command; wall and CPU time (user + sys of its whole tree) and memory.

    CPU and the largest process's peak RSS come from os.wait4 (they include every
    descendant the command waited for); the peak of the tree's summed RSS is sampled
    from /proc every ``sample`` seconds.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        out.write(f"\n$ {' '.join(command)}\n".encode())
        out.flush()
        busy, mine = _busy_seconds(), time.process_time()
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(sample)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    others = None
    if busy is not None and (now := _busy_seconds()) is not None:
        # What the rest of the machine used meanwhile (other jobs compete for 2 cores).
        others = max(0.0, now - busy - cpu - (time.process_time() - mine))
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "user_s": round(usage.ru_utime, 3),
        "sys_s": round(usage.ru_stime, 3),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),  # the largest single process
        "tree_rss_mb": round(peak / 2**20, 1),  # all processes together (sampled)
        "others_cpu_s": None if others is None else round(others, 2),
        "returncode": process.returncode,
    }


class CommandFailed(RuntimeError):
    pass


def _check(run: dict[str, Any], what: str, log: Path) -> dict[str, Any]:
    if run["returncode"] != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise CommandFailed(f"{what} failed (exit {run['returncode']}); end of {log}:\n{tail}")
    return run


# --- the project and its builds ---------------------------------------------------------


def base_env(project: Path, options: BuildOptions | None = None) -> dict[str, str]:
    """The environment of every build: this project's cache, no leftover GIALAI_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIALAI_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    options = (options or BuildOptions()).replace(cache_dir=project / ".cache")
    env.update(options.to_env())
    return env


def gialai_command() -> list[str]:
    script = Path(sys.executable).with_name("gialai")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gialai.cli"]


def make_project(root: Path, per_language: int, images: int = 20) -> dict[str, Any]:
    """A scratch project with N articles per language, all published before BUILD_DATE.

    Every language of the project's table that the corpus can write gets N articles.
    """
    from gialai.settings import load_settings

    copy_project(root)
    (root / "content").mkdir(parents=True, exist_ok=True)  # the table is read before it fills
    table = [language.code for language in load_settings(root / "mkdocs.yml").languages]
    start = BUILD_DATE - dt.timedelta(days=per_language + 1)
    info = generate_corpus(
        root / "content",
        per_language,
        start=start,
        images=images,
        translated={code: 1.0 for code in table if code in TRANSLATION_LANGS},
    )
    files = sorted((root / "content").rglob("*.md"))
    return {
        "articles": info.articles,
        "markdown_files": len(files),
        "markdown_bytes": sum(path.stat().st_size for path in files),
        "words": info.words_total,
        "images": info.images,
        "first_date": start.isoformat(),
        "languages": table,
    }


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def gialai_build(
    project: Path, site: Path, log: Path, serial: bool = False, cold: bool = False
) -> dict[str, Any]:
    """``gialai build`` of the project into ``site``; ``cold`` empties its cache first."""
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    command = [
        *gialai_command(),
        "--config",
        str(project / "mkdocs.yml"),
        "build",
        "--build-date",
        BUILD_DATE.isoformat(),
        "--site-dir",
        str(site),
        "--quiet",
    ]
    if serial:
        command.append("--serial")
    run = _check(measure(command, cwd=project, env=base_env(project), log=log), "gialai build", log)
    run["pages"] = count_pages(site)
    run["ms_per_page"] = round(1000 * run["wall_s"] / max(run["pages"], 1), 2)
    run["cpu_ms_per_page"] = round(1000 * run["cpu_s"] / max(run["pages"], 1), 2)
    return run


def _body(text: str) -> str:
    """A Markdown file without its front matter, split as the site splits it."""
    from gialai.articles import split_front_matter

    parts = split_front_matter(text)
    return parts[1] if parts else text


def markdown_floor(content_dir: Path) -> dict[str, Any]:
    """Every .md body through plain Python-Markdown, in this process, on one core."""
    import markdown

    bodies = [_body(p.read_text(encoding="utf-8")) for p in sorted(content_dir.rglob("*.md"))]
    wall, cpu = time.perf_counter(), time.process_time()
    out = 0
    for body in bodies:
        out += len(markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "files": len(bodies),
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "ms_per_file": round(1000 * wall / max(len(bodies), 1), 3),
        "html_bytes": out,
    }


def hugo_build(content_dir: Path, work: Path, log: Path, runs: int = 3) -> dict[str, Any] | None:
    """Hugo on the same Markdown (None without ``hugo``); the median of ``runs`` builds."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    project = make_hugo_site(content_dir, work / "hugo")
    out = work / "hugo-public"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIALAI_")}
    measured = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        command = [hugo, "--quiet", "--source", str(project), "--destination", str(out)]
        measured.append(_check(measure(command, cwd=project, env=env, log=log), "hugo", log))
    run = dict(sorted(measured, key=lambda r: r["wall_s"])[len(measured) // 2])
    run["runs_wall_s"] = [r["wall_s"] for r in measured]
    run["pages"] = count_pages(out)
    run["ms_per_page"] = round(1000 * run["wall_s"] / max(run["pages"], 1), 3)
    run["version"] = hugo_version()
    return run


@functools.cache
def hugo_version() -> str | None:
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    out = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout
    match = re.search(r"v(\d+\.\d+\.\d+\S*)", out)
    return match.group(1) if match else out.strip()


# --- page sizes -------------------------------------------------------------------------


def site_layout(project: Path) -> dict[str, Any]:
    """Folders of the categories and listings, and the language prefixes."""
    from gialai.listings import ARCHIVE_PATH, PAGE_SEGMENT, TAGS_PATH
    from gialai.settings import load_settings

    settings = load_settings(project / "mkdocs.yml")
    return {
        "categories": [cat.folder for cat in settings.categories],
        "prefixes": {lang.code: lang.prefix for lang in settings.languages},
        "archive": ARCHIVE_PATH.strip("/"),
        "tags": TAGS_PATH.strip("/"),
        "page_segment": PAGE_SEGMENT,
    }


def _summary(sizes: dict[str, int]) -> dict[str, Any]:
    if not sizes:
        return {"count": 0}
    largest = max(sizes, key=lambda k: sizes[k])
    return {
        "count": len(sizes),
        "largest_bytes": sizes[largest],
        "largest_page": largest,
        "median_bytes": int(statistics.median(sizes.values())),
    }


def page_sizes(site: Path, layout: dict[str, Any]) -> dict[str, Any]:
    """Bytes of article pages and of the first page of each listing, per language."""
    categories = set(layout["categories"])
    prefixes = {p.strip("/") for p in layout["prefixes"].values() if p}
    articles: dict[str, int] = {}
    every_listing: dict[str, int] = {}
    for file in site.rglob("index.html"):
        rel = file.relative_to(site).as_posix()
        parts = rel.split("/")[:-1]
        inner = parts[1:] if parts and parts[0] in prefixes else parts
        size = file.stat().st_size
        if len(inner) == 2 and inner[0] in categories and inner[1] != layout["page_segment"]:
            articles[rel] = size
        elif not inner or inner[0] in categories or inner[0] in (layout["archive"], layout["tags"]):
            every_listing[rel] = size
    kinds: dict[str, dict[str, int]] = {"home": {}, "category": {}, "archive": {}}
    for prefix in layout["prefixes"].values():
        kinds["home"][f"{prefix}index.html"] = 0
        kinds["archive"][f"{prefix}{layout['archive']}/index.html"] = 0
        for folder in layout["categories"]:
            kinds["category"][f"{prefix}{folder}/index.html"] = 0
    for pages in kinds.values():
        for rel in pages:
            pages[rel] = (site / rel).stat().st_size
    listings = {rel: size for pages in kinds.values() for rel, size in pages.items()}
    return {
        "article": _summary(articles),
        "listing": _summary(listings),
        "listing_kinds": {kind: _summary(pages) for kind, pages in kinds.items()},
        "any_listing_page": _summary(every_listing),
    }


# --- a local server that counts what it sends ------------------------------------------

# As deploy/nginx-web.conf: gzip level 5 from 512 bytes for these types; Pagefind's own
# files (.pf_*, wasm.*.pagefind) are gzip data already and go out as they are.
GZIP_SUFFIXES = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg", ".wasm"}
GZIP_LEVEL = 5
GZIP_MIN_LENGTH = 512


class _CountingWriter:
    def __init__(self, raw) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        self.raw.close()

    @property
    def closed(self) -> bool:
        return self.raw.closed


class _Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def send_response(self, code, message=None) -> None:
        self._status = code
        super().send_response(code, message)

    def handle_one_request(self) -> None:
        before = self.wfile.count
        self._status = 0
        self.raw_requestline = b""
        super().handle_one_request()
        sent = self.wfile.count - before
        if sent and self._status:
            self.server.record(self.command, self.path, self._status, sent)

    def do_GET(self) -> None:
        target = self.translate_path(self.path)
        if os.path.isdir(target):
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # the redirect to the folder
            target = os.path.join(target, "index.html")
        suffix = os.path.splitext(target)[1].lower()
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if suffix in GZIP_SUFFIXES and accepts and os.path.isfile(target):
            data = Path(target).read_bytes()
            if len(data) >= GZIP_MIN_LENGTH:
                body = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(target))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
        return super().do_GET()


class CountingServer(http.server.ThreadingHTTPServer):
    """Serves a folder on 127.0.0.1 and records the bytes written for every request."""

    daemon_threads = True

    def __init__(self, directory: Path) -> None:
        handler = lambda *args, **kw: _Handler(*args, directory=str(directory), **kw)  # noqa: E731
        super().__init__(("127.0.0.1", 0), handler)
        self.lock = threading.Lock()
        self.entries: list[dict[str, Any]] = []
        self.last = time.monotonic()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, method: str, path: str, status: int, sent: int) -> None:
        with self.lock:
            self.entries.append(
                {"method": method, "path": unquote(path), "status": status, "bytes": sent}
            )
            self.last = time.monotonic()

    def mark(self) -> int:
        with self.lock:
            return len(self.entries)

    def since(self, mark: int) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.entries[mark:])

    def wait_quiet(self, quiet: float = 0.6, timeout: float = 30) -> None:
        """Until nothing was answered for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                idle = time.monotonic() - self.last
            if idle >= quiet:
                return
            time.sleep(0.05)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


def _total(entries: list[dict[str, Any]], only: tuple[str, ...] | None = None) -> int:
    return sum(
        e["bytes"] for e in entries if only is None or any(part in e["path"] for part in only)
    )


# --- the browser ------------------------------------------------------------------------


@contextlib.contextmanager
def chromium(env: dict[str, str] | None = None) -> Iterator[Any]:
    """Chromium, headless; ``env``: its environment (FONTCONFIG_FILE: the fonts it has)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def fresh_page(browser, server: CountingServer, options: dict[str, Any]) -> Iterator[Any]:
    """A page in a new context (empty cache); requests to other hosts fail and are listed."""
    context = browser.new_context(**options)
    blocked: list[str] = []

    def route(route) -> None:
        url = route.request.url
        if url.startswith(server.url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.blocked = blocked
    try:
        yield page
    finally:
        context.close()


def _open(page, server: CountingServer, path: str) -> list[dict[str, Any]]:
    """Open a page, wait until the network is idle; the requests it made."""
    server.wait_quiet(0.3)
    mark = server.mark()
    page.goto(f"{server.url}/{path}", wait_until="networkidle", timeout=60_000)
    server.wait_quiet()
    return server.since(mark)


def first_visit(browser, server: CountingServer, path: str, viewport: str) -> dict[str, Any]:
    """Bytes sent for one page opened in a fresh context, until the network is idle."""
    with fresh_page(browser, server, VIEWPORTS[viewport]) as page:
        entries = _open(page, server, path)
        return {
            "path": path,
            "viewport": viewport,
            "bytes": _total(entries),
            "requests": len(entries),
            "by_type": _by_type(entries),
            "blocked": list(page.blocked),
        }


def _by_type(entries: list[dict[str, Any]]) -> dict[str, int]:
    kinds = {
        "html": (".html", "/"),
        "css": (".css",),
        "js": (".js", ".mjs"),
        "font": (".woff2", ".woff", ".ttf"),
        "image": (".jpg", ".jpeg", ".png", ".webp", ".avif", ".svg", ".gif", ".ico"),
    }
    out: dict[str, int] = {}
    for entry in entries:
        path = urlsplit(entry["path"]).path
        if any(part in path for part in SEARCH_FILES):
            kind = "search"
        else:
            kind = next((name for name, ends in kinds.items() if path.endswith(ends)), "other")
        out[kind] = out.get(kind, 0) + entry["bytes"]
    return out


def _search_files(entries: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Bytes and requests per kind of search file: pagefind.js, wasm, pf_index, vocabulary…"""
    out: dict[str, dict[str, int]] = {}
    for entry in entries:
        name = urlsplit(entry["path"]).path.rsplit("/", 1)[-1]
        if "/search-vocab/" in entry["path"]:
            kind = "vocabulary"
        elif name.startswith("wasm."):
            kind = "wasm"
        elif "." in name and name.rsplit(".", 1)[1].startswith("pf_"):
            kind = name.rsplit(".", 1)[1]
        else:
            kind = name
        row = out.setdefault(kind, {"bytes": 0, "requests": 0})
        row["bytes"] += entry["bytes"]
        row["requests"] += 1
    return out


def _wait_status(page, timeout: float = 30) -> str:
    """Until the search status shows an answer (text, and no "…")."""
    status = page.locator(".gl-search__status").first
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = status.text_content() or ""
        if text and "…" not in text:
            return text
        time.sleep(0.02)
    raise TimeoutError(f"the search gave no answer in {timeout} s (status: {text!r})")


def _wait_cleared(page, timeout: float = 10) -> None:
    status = page.locator(".gl-search__status").first
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (status.text_content() or ""):
        time.sleep(0.02)


def search_transfer(
    browser, server: CountingServer, path: str, queries: tuple[str, str]
) -> dict[str, Any]:
    """Bytes for search: during page load, from focus to the first answer, a second query.

    In the desktop viewport, where the header's search field is always shown (the bytes do
    not depend on the viewport).
    """
    with fresh_page(browser, server, VIEWPORTS["desktop"]) as page:
        load = _open(page, server, path)
        result: dict[str, Any] = {
            "path": path,
            "load_bytes": _total(load),
            "load_search_bytes": _total(load, SEARCH_FILES),
        }
        result["first"] = _type_query(page, server, queries[0])
        page.fill("#gl-search-input", "")
        _wait_cleared(page)
        server.wait_quiet()
        result["second"] = _type_query(page, server, queries[1])
        result["blocked"] = list(page.blocked)
        return result


def _type_query(page, server: CountingServer, query: str) -> dict[str, Any]:
    """Focus the header's search field, type ``query``, and count until the answer."""
    mark = server.mark()
    started = time.perf_counter()
    page.focus("#gl-search-input")
    page.type("#gl-search-input", query, delay=20)
    status = _wait_status(page)
    seconds = time.perf_counter() - started
    server.wait_quiet()
    entries = server.since(mark)
    return {
        "query": query,
        "status": status,
        "bytes": _total(entries),
        "requests": len(entries),
        "seconds": round(seconds, 3),
        "by_file": _search_files(entries),
    }


# The site's fonts that a reader's device has too: Android (and most Linux systems) ship
# Noto Sans Khmer, Noto Sans Lao and Noto Sans CJK SC, which the site's rules take first
# (local()). Installed for Chromium through fontconfig, as TrueType: it takes no WOFF2 from
# the system.
DEVICE_FONTS = (
    "fonts/NotoSansSC-Regular.ttf",
    "fonts/NotoSansSC-Bold.ttf",
    "overrides/assets/fonts/noto-sans-khmer-khmer-400-normal.woff2",
    "overrides/assets/fonts/noto-sans-khmer-khmer-700-normal.woff2",
    "overrides/assets/fonts/noto-sans-lao-lao-400-normal.woff2",
    "overrides/assets/fonts/noto-sans-lao-lao-700-normal.woff2",
)


def device_fonts_env(folder: Path, files: tuple[str, ...] = DEVICE_FONTS) -> dict[str, str]:
    """The environment of a Chromium whose system has these fonts of the project."""
    from fontTools.ttLib import TTFont

    fonts = folder / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for rel in files:
        font = TTFont(REPO / rel)
        font.flavor = None
        font.save(fonts / f"{Path(rel).stem}.ttf")
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def browser_measurements(site: Path, pages: dict[str, str]) -> dict[str, Any]:
    """First visits (phone and desktop) and search transfer, against a gzip server; then
    article first visits (phone) and the heavier first queries again in a Chromium whose
    system has the site's Khmer, Lao and Chinese fonts, as a reader's phone does."""
    out: dict[str, Any] = {"first_visit": {}, "search": {}, "device_fonts": {}}
    with CountingServer(site) as server, chromium() as browser:
        out["chromium"] = browser.version
        for name, path in pages.items():
            out["first_visit"][name] = {
                viewport: first_visit(browser, server, path, viewport) for viewport in VIEWPORTS
            }
        for lang, queries in SEARCH_QUERIES.items():
            path = pages.get(f"{lang}_article")
            if path is not None:
                out["search"][lang] = search_transfer(browser, server, path, queries)
                out["search"][lang]["more_first"] = [
                    first_query(browser, server, path, query) for query in MORE_FIRST_QUERIES[lang]
                ]
    with tempfile.TemporaryDirectory(prefix="gialai-device-fonts-") as folder:
        env = device_fonts_env(Path(folder))
        with CountingServer(site) as server, chromium(env) as browser:
            device = out["device_fonts"]
            device["first_visit"] = {
                name: first_visit(browser, server, path, "phone")
                for name, path in pages.items()
                if name.endswith("_article")
            }
            device["search"] = {
                lang: [
                    first_query(browser, server, pages[f"{lang}_article"], query)
                    for query in MORE_FIRST_QUERIES[lang]
                ]
                for lang in SEARCH_QUERIES
                if f"{lang}_article" in pages
            }
    return out


def first_query(browser, server: CountingServer, path: str, query: str) -> dict[str, Any]:
    """Bytes from focus to the answer for one query typed on a freshly opened page."""
    with fresh_page(browser, server, VIEWPORTS["desktop"]) as page:
        _open(page, server, path)
        return _type_query(page, server, query)


def largest_first_query(run: dict[str, Any], lang: str) -> dict[str, Any] | None:
    """The first query (of SEARCH_QUERIES and MORE_FIRST_QUERIES) that cost the most."""
    search = _dig(run, "browser", "search", lang)
    if not search:
        return None
    candidates = [search["first"], *search.get("more_first", [])]
    return max(candidates, key=lambda query: query["bytes"])


def largest_device_query(run: dict[str, Any], lang: str) -> dict[str, Any] | None:
    """The costliest of MORE_FIRST_QUERIES in the Chromium with the site's fonts installed."""
    queries = _dig(run, "browser", "device_fonts", "search", lang)
    return max(queries, key=lambda query: query["bytes"]) if queries else None


def sample_article(project: Path, layout: dict[str, Any]) -> str:
    """The newest Vietnamese article with a cover photo: 'du-lich/bai-0099-…' (no slash)."""
    content = project / "content" / "vi"
    best = None
    for folder in layout["categories"]:
        for md in (content / folder).glob("*.md"):
            head = md.read_text(encoding="utf-8").split("\n---", 1)[0]
            if "\ncover:" in head and (best is None or md.name > best.name):
                best = md
    if best is None:  # no covers at all: the newest article
        best = max(
            (md for folder in layout["categories"] for md in (content / folder).glob("*.md")),
            key=lambda md: md.name,
        )
    return f"{best.parent.name}/{best.stem}"


def page_paths(project: Path, layout: dict[str, Any]) -> dict[str, str]:
    key = sample_article(project, layout)
    paths = {}
    for lang, prefix in layout["prefixes"].items():
        if (project / "content" / lang / f"{key}.md").exists():
            paths[f"{lang}_article"] = f"{prefix}{key}/"
    # Every language's home page: the first page many readers see.
    for lang, prefix in layout["prefixes"].items():
        paths[f"{lang}_home"] = prefix
    return paths


def visit_names(results: list[dict[str, Any]]) -> list[str]:
    """The pages whose first visit was measured, articles first, in the order measured."""
    names: dict[str, None] = {}
    for result in results:
        names.update(dict.fromkeys(_dig(result, "browser", "first_visit") or {}))
    return sorted(names, key=lambda name: not name.endswith("_article"))


# --- the preview ------------------------------------------------------------------------


def _append(article: Path, sentence: str) -> None:
    with article.open("a", encoding="utf-8") as handle:
        handle.write(f"\n{sentence}\n")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (OSError, ValueError):
        return None


_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def _serve_rebuild(project: Path, key: str, log: Path, timeout: float = 900) -> dict[str, Any]:
    """``gialai serve --language vi``: wait for it, save an edit, time until it is served.

    Returns the first build (start to page served), the time from the save to the page
    showing the edit (watcher and rebuild included), and the rebuild time MkDocs reports.
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{key}/"
    serve_log = log.with_name("serve.log")
    command = [
        *gialai_command(),
        "--config",
        str(project / "mkdocs.yml"),
        "serve",
        "--language",
        "vi",
        "--port",
        str(port),
        "--build-date",
        BUILD_DATE.isoformat(),
    ]
    article = project / "content" / "vi" / f"{key}.md"
    with serve_log.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=project,
            env=base_env(project),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # mkdocs serve and anything it starts, stopped together
        )
        try:
            deadline = started + timeout
            while _fetch(url) is None:
                if process.poll() is not None or time.perf_counter() > deadline:
                    raise CommandFailed(f"gialai serve did not start; see {serve_log}")
                time.sleep(0.1)
            first = time.perf_counter() - started
            time.sleep(1.0)  # let the file watcher settle
            builds = len(_BUILT_IN.findall(serve_log.read_text(encoding="utf-8")))
            edit = f"Câu sửa trong lúc xem trước, lúc {time.time():.0f}."
            saved = time.perf_counter()
            _append(article, edit)
            deadline = saved + 120
            while edit not in (_fetch(url) or ""):
                if process.poll() is not None or time.perf_counter() > deadline:
                    raise CommandFailed(f"gialai serve did not show the edit; see {serve_log}")
                time.sleep(0.05)
            shown = time.perf_counter() - saved
            reported = None
            deadline = time.perf_counter() + 30
            while time.perf_counter() < deadline:
                times = _BUILT_IN.findall(serve_log.read_text(encoding="utf-8"))
                if len(times) > builds:
                    reported = float(times[builds])
                    break
                time.sleep(0.05)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return {
        "how": "gialai serve --language vi (mkdocs serve --dirty)",
        "first_build_s": round(first, 3),
        "save_to_page_s": round(shown, 3),
        "rebuild_reported_s": reported,
    }


def measure_preview_rebuild(
    project: Path, work: Path, site: Path, layout: dict[str, Any], log: Path
) -> dict[str, Any]:
    """How long an officer waits to see an edit: the preview, and a full build for comparison.

    1. ``mkdocs build --dirty`` with the build options of a Vietnamese-only preview
       (``GIALAI_BUILD='{"only_language": "vi", "preview": true}'``) into a folder of
       its own: a first dirty build creates the folder; then a sentence is appended to
       one Vietnamese article and the second dirty build is timed (``rebuild_s``, a new
       process each time, so Python and MkDocs start-up are included).
    2. The preview as officers run it, ``gialai serve --language vi`` (MkDocs' dev server
       with --dirty): from saving another sentence to the page serving it (``serve``).
    3. A third sentence, then a full ``gialai build`` (warm caches) (``full_build_s``).

    If the preview changes, change this function (and its description in
    docs/benchmarks.md); keep the keys first_s, rebuild_s, serve, full_build_s.
    """
    preview = work / "preview"
    options = BuildOptions(build_date=BUILD_DATE, preview=True, only_language="vi")
    env = base_env(project, options)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--dirty",
        "-q",
        "-f",
        "mkdocs.yml",
        "-d",
        str(preview),
    ]
    first = _check(measure(command, cwd=project, env=env, log=log), "preview build", log)
    key = sample_article(project, layout)
    article = project / "content" / "vi" / f"{key}.md"
    edit = f"Câu thêm để đo thời gian xem trước, lúc {time.time():.0f}."
    _append(article, edit)
    rebuild = _check(measure(command, cwd=project, env=env, log=log), "preview rebuild", log)
    shown = edit in (preview / key / "index.html").read_text(encoding="utf-8")
    serve = _serve_rebuild(project, key, log)
    second_edit = f"Một câu nữa để đo bản dựng đầy đủ, lúc {time.time():.0f}."
    _append(article, second_edit)
    full = gialai_build(project, site, log)
    full_shown = second_edit in (site / key / "index.html").read_text(encoding="utf-8")
    return {
        "how": 'GIALAI_BUILD=\'{"only_language": "vi", "preview": true}\' mkdocs build --dirty',
        "article": f"vi/{key}.md",
        "first_s": first["wall_s"],
        "first": first,
        "rebuild_s": rebuild["wall_s"],
        "rebuild": rebuild,
        "rebuild_shows_edit": shown,
        "serve": serve,
        "full_build_s": full["wall_s"],
        "full_build": full,
        "full_build_shows_edit": full_shown,
    }


# --- one size ---------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or not b:
        return None
    return round(a / b, 2)


def run_size(
    per_language: int,
    work: Path,
    steps: tuple[str, ...] = STEPS,
    images: int = 20,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Every measurement for N = ``per_language``, in a scratch project under ``work``."""
    progress = progress or Progress(enabled=False)
    project = work / "project"
    site = work / "site"
    log = work / "commands.log"
    result: dict[str, Any] = {"per_language": per_language, "errors": {}}
    with progress.step("generate the corpus"):
        result["corpus"] = make_project(project, per_language, images)
    layout = site_layout(project)
    builds: dict[str, dict[str, Any]] = {}
    if {"parallel", "sizes", "browser", "preview", "server"} & set(steps):
        with progress.step("full build, parallel, cold cache"):
            builds["parallel"] = {"cold": gialai_build(project, site, log, cold=True)}
        if "parallel" in steps:
            with progress.step("full build, parallel, warm cache"):
                builds["parallel"]["warm"] = gialai_build(project, site, log)
    if "serial" in steps:
        serial_site = work / "site-serial"
        with progress.step("full build, serial, cold cache"):
            builds["serial"] = {"cold": gialai_build(project, serial_site, log, True, True)}
        with progress.step("full build, serial, warm cache"):
            builds["serial"]["warm"] = gialai_build(project, serial_site, log, serial=True)
        shutil.rmtree(serial_site, ignore_errors=True)
    result["builds"] = builds
    if builds:
        result["pages"] = next(iter(builds.values()))["cold"]["pages"]
    if "floor" in steps:
        with progress.step("Python-Markdown floor"):
            result["floor"] = markdown_floor(project / "content")
    if "hugo" in steps:
        with progress.step("Hugo"):
            try:
                result["hugo"] = hugo_build(project / "content", work, log)
            except Exception as error:  # noqa: BLE001 - report and go on
                result["errors"]["hugo"] = str(error)
    if "sizes" in steps:
        with progress.step("page sizes"):
            result["page_sizes"] = page_sizes(site, layout)
    if "browser" in steps:
        with progress.step("Chromium: first visits and search"):
            try:
                result["browser"] = browser_measurements(site, page_paths(project, layout))
            except Exception as error:  # noqa: BLE001 - report and go on
                result["errors"]["browser"] = f"{type(error).__name__}: {error}"
    if "preview" in steps:
        with progress.step("preview rebuild after one edit"):
            try:
                result["preview"] = measure_preview_rebuild(project, work, site, layout, log)
            except Exception as error:  # noqa: BLE001 - report and go on
                result["errors"]["preview"] = f"{type(error).__name__}: {error}"
    if "server" in steps:
        with progress.step("kiosk-server beside nginx, 200 clients"):
            try:
                result["server"] = compare_servers(site)
            except Exception as error:  # noqa: BLE001 - report and go on
                result["errors"]["server"] = f"{type(error).__name__}: {error}"
    result["ratios"] = ratios(result)
    for name, error in result["errors"].items():
        progress.say(f"WARNING: {name} failed: {error.splitlines()[0] if error else ''}")
    return result


def ratios(result: dict[str, Any]) -> dict[str, float | None]:
    parallel = result.get("builds", {}).get("parallel", {})
    serial = result.get("builds", {}).get("serial", {})
    cold, warm = parallel.get("cold"), parallel.get("warm")
    hugo, floor = result.get("hugo"), result.get("floor")

    def get(run, key):
        return run.get(key) if run else None

    return {
        "parallel_cold_vs_hugo_wall": _ratio(get(cold, "wall_s"), get(hugo, "wall_s")),
        "parallel_cold_vs_hugo_cpu": _ratio(get(cold, "cpu_s"), get(hugo, "cpu_s")),
        "parallel_warm_vs_hugo_wall": _ratio(get(warm, "wall_s"), get(hugo, "wall_s")),
        "parallel_cold_vs_floor_wall": _ratio(get(cold, "wall_s"), get(floor, "wall_s")),
        "parallel_cold_vs_floor_cpu": _ratio(get(cold, "cpu_s"), get(floor, "cpu_s")),
        "parallel_warm_vs_floor_wall": _ratio(get(warm, "wall_s"), get(floor, "wall_s")),
        "serial_vs_parallel_cold_wall": _ratio(
            get(serial.get("cold"), "wall_s"), get(cold, "wall_s")
        ),
        "serial_vs_parallel_warm_wall": _ratio(
            get(serial.get("warm"), "wall_s"), get(warm, "wall_s")
        ),
        "hugo_vs_floor_wall": _ratio(get(hugo, "wall_s"), get(floor, "wall_s")),
    }


# --- targets ----------------------------------------------------------------------------


def _target(name: str, value: float | None, limit: float, unit: str, where: str) -> dict:
    if value is None:
        return {
            "target": name,
            "limit": limit,
            "unit": unit,
            "value": None,
            "where": where,
            "met": None,
            "verdict": "not measured",
        }
    met = value <= limit
    diff = abs(limit - value)
    pct = 100 * diff / limit
    verdict = f"{'met' if met else 'missed'} by {diff:.2f} {unit} ({pct:.0f} %)".replace(" ×", "×")
    return {
        "target": name,
        "limit": limit,
        "unit": unit,
        "value": round(value, 3),
        "where": where,
        "met": met,
        "verdict": verdict,
    }


def _at_target_n(results: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, str]:
    if not results:
        return None, ""
    exact = [r for r in results if r["per_language"] == TARGET_N]
    chosen = exact[0] if exact else max(results, key=lambda r: r["per_language"])
    note = "" if exact else f" (the target is for N={TARGET_N})"
    return chosen, f"N={chosen['per_language']}{note}"


def _dig(data: Any, *keys: Any) -> Any:
    for key in keys:
        if data is None:
            return None
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def targets(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target with the measured value, met or missed, and by how much."""
    out = []
    at, where = _at_target_n(results)
    out.append(
        _target(
            "full build (parallel, cold) within 2× Hugo",
            _dig(at, "ratios", "parallel_cold_vs_hugo_wall"),
            LIMITS["build_vs_hugo"],
            "×",
            where,
        )
    )
    out.append(
        _target(
            "full build (parallel, warm cache) within 2× Hugo",
            _dig(at, "ratios", "parallel_warm_vs_hugo_wall"),
            LIMITS["build_vs_hugo"],
            "×",
            where,
        )
    )
    out.append(
        _target(
            "preview rebuild after one edit < 2 s (mkdocs build --dirty, vi)",
            _dig(at, "preview", "rebuild_s"),
            LIMITS["preview_s"],
            "s",
            where,
        )
    )
    out.append(
        _target(
            "preview rebuild after one edit < 2 s (gialai serve --language vi: save → served)",
            _dig(at, "preview", "serve", "save_to_page_s"),
            LIMITS["preview_s"],
            "s",
            where,
        )
    )
    visits = [
        (r["per_language"], name, view, _dig(r, "browser", "first_visit", name, view, "bytes"))
        for r in results
        for name in visit_names(results)
        if name.endswith("_article")
        for view in VIEWPORTS
    ]
    visits = [v for v in visits if v[3] is not None]
    worst = max(visits, key=lambda v: v[3]) if visits else None
    out.append(
        _target(
            f"first visit of an article < {LIMITS['first_visit_kb']:.0f} KB transferred "
            "(fonts included)",
            worst[3] / KB if worst else None,
            LIMITS["first_visit_kb"],
            "KB",
            f"largest: {worst[1]}, {worst[2]}, N={worst[0]}" if worst else "",
        )
    )
    device = [
        (r["per_language"], name, visit["bytes"])
        for r in results
        for name, visit in (_dig(r, "browser", "device_fonts", "first_visit") or {}).items()
    ]
    worst_device = max(device, key=lambda v: v[2]) if device else None
    out.append(
        _target(
            "the same, the script's font on the device (a phone's Noto fonts)",
            worst_device[2] / KB if worst_device else None,
            LIMITS["first_visit_kb"],
            "KB",
            f"largest: {worst_device[1]}, phone, N={worst_device[0]}" if worst_device else "",
        )
    )
    for key, name, limit in (
        ("article", "article HTML < 40 KB at every N", LIMITS["article_kb"]),
        ("listing", "listing HTML (home, category, archive page 1) < 60 KB", LIMITS["listing_kb"]),
    ):
        sized = [
            (r["per_language"], _dig(r, "page_sizes", key)) for r in results if "page_sizes" in r
        ]
        sized = [(n, s) for n, s in sized if s and s.get("count")]
        worst_size = max(sized, key=lambda item: item[1]["largest_bytes"]) if sized else None
        out.append(
            _target(
                name,
                worst_size[1]["largest_bytes"] / KB if worst_size else None,
                limit,
                "KB",
                f"largest: {worst_size[1]['largest_page']}, N={worst_size[0]}"
                if worst_size
                else "",
            )
        )
    for name, largest in (
        ("first search query < 150 KB", largest_first_query),
        ("the same, the script's font on the device", largest_device_query),
    ):
        queries = [(lang, largest(at, lang)) for lang in SEARCH_QUERIES]
        queries = [(lang, query) for lang, query in queries if query is not None]
        worst_query = max(queries, key=lambda q: q[1]["bytes"]) if queries else None
        out.append(
            _target(
                name,
                worst_query[1]["bytes"] / KB if worst_query else None,
                LIMITS["search_kb"],
                "KB",
                f"largest: {worst_query[0]} “{worst_query[1]['query']}”, {where}"
                if worst_query
                else where,
            )
        )
    return out


# --- the report -------------------------------------------------------------------------


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s" if value >= 10 else f"{value:.2f} s"


def _kb(value: float | None) -> str:
    return "–" if value is None else f"{value / KB:.1f} KB"


def _x(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _run(run: dict[str, Any] | None) -> str:
    if not run:
        return "–"
    return f"{_s(run['wall_s'])} / {_s(run['cpu_s'])}"


def table(results: list[dict[str, Any]]) -> str:
    """The results as a Markdown table, one column per N."""
    languages = results[0]["corpus"].get("languages", []) if results else []
    written = " + ".join(languages) if languages else "articles"
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        (f"Markdown files ({written} + homes)", lambda r: f"{r['corpus']['markdown_files']}"),
        ("pages built (index.html)", lambda r: str(r.get("pages", "–"))),
    ]
    for mode in ("parallel", "serial"):
        for state in ("cold", "warm"):

            def build(r, mode=mode, state=state):
                return _dig(r, "builds", mode, state)

            rows.append((f"{mode} build, {state} cache: wall / CPU", lambda r, b=build: _run(b(r))))
            rows.append(
                (
                    f"{mode} build, {state}: ms per page (wall)",
                    lambda r, b=build: "–" if not b(r) else f"{b(r)['ms_per_page']:.1f}",
                )
            )
    rows += [
        (
            "parallel cold: peak RSS, largest process / all together",
            lambda r: (
                "–"
                if not _dig(r, "builds", "parallel", "cold")
                else "{max_rss_mb:.0f} / {tree_rss_mb:.0f} MB".format(
                    **r["builds"]["parallel"]["cold"]
                )
            ),
        ),
        (
            "serial cold: peak RSS",
            lambda r: (
                "–"
                if not _dig(r, "builds", "serial", "cold")
                else "{max_rss_mb:.0f} MB".format(**r["builds"]["serial"]["cold"])
            ),
        ),
        (
            "CPU used by other processes during the 4 builds (noise)",
            lambda r: _s(
                sum(
                    run.get("others_cpu_s") or 0
                    for states in r["builds"].values()
                    for run in states.values()
                )
            ),
        ),
        ("Python-Markdown floor: wall / CPU", lambda r: _run(r.get("floor"))),
        ("Hugo (median of 3): wall / CPU", lambda r: _run(r.get("hugo"))),
        ("Hugo pages built", lambda r: str(_dig(r, "hugo", "pages") or "–")),
        (
            "parallel cold ÷ Hugo (wall / CPU)",
            lambda r: (
                f"{_x(r['ratios']['parallel_cold_vs_hugo_wall'])} / "
                f"{_x(r['ratios']['parallel_cold_vs_hugo_cpu'])}"
            ),
        ),
        ("parallel warm ÷ Hugo (wall)", lambda r: _x(r["ratios"]["parallel_warm_vs_hugo_wall"])),
        (
            "parallel cold ÷ floor (wall / CPU)",
            lambda r: (
                f"{_x(r['ratios']['parallel_cold_vs_floor_wall'])} / "
                f"{_x(r['ratios']['parallel_cold_vs_floor_cpu'])}"
            ),
        ),
        ("parallel warm ÷ floor (wall)", lambda r: _x(r["ratios"]["parallel_warm_vs_floor_wall"])),
        (
            "serial ÷ parallel (cold / warm, wall)",
            lambda r: (
                f"{_x(r['ratios']['serial_vs_parallel_cold_wall'])} / "
                f"{_x(r['ratios']['serial_vs_parallel_warm_wall'])}"
            ),
        ),
        (
            "article HTML: largest / median",
            lambda r: (
                f"{_kb(_dig(r, 'page_sizes', 'article', 'largest_bytes'))} / "
                f"{_kb(_dig(r, 'page_sizes', 'article', 'median_bytes'))}"
            ),
        ),
    ]
    for kind, label in (("home", "home"), ("category", "category page 1"), ("archive", "archive")):
        rows.append(
            (
                f"{label} HTML: largest / median",
                lambda r, k=kind: " / ".join(
                    _kb(_dig(r, "page_sizes", "listing_kinds", k, f"{which}_bytes"))
                    for which in ("largest", "median")
                ),
            )
        )
    rows.append(
        (
            "any listing page (tags, later pages too): largest",
            lambda r: _kb(_dig(r, "page_sizes", "any_listing_page", "largest_bytes")),
        )
    )
    for name in visit_names(results):
        label = name.replace("_", " ")
        rows.append(
            (
                f"first visit, {label}: phone / desktop",
                lambda r, n=name: " / ".join(
                    _kb(_dig(r, "browser", "first_visit", n, v, "bytes")) for v in VIEWPORTS
                ),
            )
        )
    for name in visit_names(results):
        if name.endswith("_article"):
            rows.append(
                (
                    f"first visit, {name.replace('_', ' ')}, the script's font on the device: "
                    "phone",
                    lambda r, n=name: _kb(
                        _dig(r, "browser", "device_fonts", "first_visit", n, "bytes")
                    ),
                )
            )
    for lang in SEARCH_QUERIES:
        rows.append(
            (
                f"search {lang}: at load / first query / second query",
                lambda r, lang=lang: " / ".join(
                    [_kb(_dig(r, "browser", "search", lang, "load_search_bytes"))]
                    + [
                        _kb(_dig(r, "browser", "search", lang, q, "bytes"))
                        for q in ("first", "second")
                    ]
                ),
            )
        )
        rows.append(
            (
                f"search {lang}: largest first query (of {1 + len(MORE_FIRST_QUERIES[lang])})",
                lambda r, lang=lang: (
                    "–"
                    if (q := largest_first_query(r, lang)) is None
                    else f"{_kb(q['bytes'])} (“{q['query']}”)"
                ),
            )
        )
        rows.append(
            (
                f"search {lang}: largest of those, the script's font on the device",
                lambda r, lang=lang: (
                    "–"
                    if (q := largest_device_query(r, lang)) is None
                    else f"{_kb(q['bytes'])} (“{q['query']}”)"
                ),
            )
        )
        rows.append(
            (
                f"search {lang}: focus to first answer",
                lambda r, lang=lang: _s(_dig(r, "browser", "search", lang, "first", "seconds")),
            )
        )
    rows += [
        (
            "preview, mkdocs build --dirty (vi): first build / rebuild after an edit",
            lambda r: (
                f"{_s(_dig(r, 'preview', 'first_s'))} / {_s(_dig(r, 'preview', 'rebuild_s'))}"
            ),
        ),
        (
            "preview, gialai serve --language vi: start / save → served (MkDocs' build time)",
            lambda r: (
                f"{_s(_dig(r, 'preview', 'serve', 'first_build_s'))} / "
                f"{_s(_dig(r, 'preview', 'serve', 'save_to_page_s'))} "
                f"({_s(_dig(r, 'preview', 'serve', 'rebuild_reported_s'))})"
            ),
        ),
        ("same edit, then full gialai build", lambda r: _s(_dig(r, "preview", "full_build_s"))),
    ]
    header = "| | " + " | ".join(f"N = {r['per_language']}" for r in results) + " |"
    lines = [header, "| --- |" + " --- |" * len(results)]
    for label, cell in rows:
        cells = []
        for r in results:
            try:
                cells.append(cell(r))
            except (KeyError, TypeError):
                cells.append("–")
        if all(c in ("–", "– / –", "– / – / –") for c in cells):
            continue
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets_table(found: list[dict[str, Any]]) -> str:
    lines = ["| target | measured | where | verdict |", "| --- | --- | --- | --- |"]
    for t in found:
        value = "–" if t["value"] is None else f"{t['value']:.2f} {t['unit']}".replace(" ×", "×")
        lines.append(f"| {t['target']} | {value} | {t['where']} | {t['verdict']} |")
    return "\n".join(lines)


def _version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def environment() -> dict[str, Any]:
    cpu = None
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        line = Path("/proc/meminfo").read_text().splitlines()[0]
        memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    git = {}
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        run = functools.partial(subprocess.run, cwd=REPO, capture_output=True, text=True)
        git["commit"] = run(["git", "rev-parse", "HEAD"]).stdout.strip()
        git["changed"] = run(["git", "status", "--porcelain"]).stdout.splitlines()
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "git": git,
        "host": socket.gethostname(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": {
            name: _version(name)
            for name in (
                "mkdocs",
                "mkdocs-material",
                "mkdocs-static-i18n",
                "pagefind",
                "Markdown",
                "Jinja2",
                "playwright",
            )
        }
        | {"hugo": hugo_version()},
    }


def search_relevance(keep: Path | None = None) -> dict[str, Any]:
    """success@1 and MRR per language of tests/relevance/ on the repository's content."""
    from bench.relevance import measure as measure_relevance

    with tempfile.TemporaryDirectory(prefix="gialai-relevance-") as temporary:
        work = keep / "relevance" if keep is not None else Path(temporary)
        project, site = work / "project", work / "site"
        shutil.rmtree(work, ignore_errors=True)
        project.mkdir(parents=True)
        for name in ("mkdocs.yml", "hooks", "overrides", "locales", "fonts", "content"):
            source = REPO / name
            if source.is_dir():
                shutil.copytree(
                    source, project / name, ignore=shutil.ignore_patterns("__pycache__")
                )
            else:
                shutil.copy2(source, project / name)
        gialai_build(project, site, work / "commands.log")
        scores = measure_relevance(site, CHROMIUM)
    return {lang: score.as_dict() for lang, score in scores.items()}


def relevance_table(relevance: dict[str, Any]) -> str:
    """success@1, MRR and top 3 per language, as docs/benchmarks.md shows them."""
    lines = [
        "| language | queries | success@1 | MRR | in top 3 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for lang, score in relevance.items():
        lines.append(
            f"| {lang} | {score['queries']} | {score['success_at_1']:.3f} | {score['mrr']:.3f} "
            f"| {score['top_3']:.3f} |"
        )
    return "\n".join(lines)


def run_benchmark(
    sizes: list[int],
    out_dir: Path | None,
    steps: tuple[str, ...] = STEPS,
    images: int = 20,
    keep: Path | None = None,
    progress: Progress | None = None,
    name: str | None = None,
) -> tuple[dict[str, Any], Path | None]:
    """Measure every size; returns the report and the JSON file written (if out_dir)."""
    progress = progress or Progress()
    report: dict[str, Any] = {
        "environment": environment(),
        "build_date": BUILD_DATE.isoformat(),
        "sizes": sizes,
        "steps": list(steps),
        "results": [],
    }
    progress.say(
        f"benchmark of N = {', '.join(map(str, sizes))} articles per language; steps: "
        + ", ".join(steps)
    )
    if "relevance" in steps:
        with progress.step("search relevance of the judged queries (content/)"):
            report["relevance"] = search_relevance(keep)
    per_size = tuple(step for step in steps if step not in ONCE)
    for number, n in enumerate(sizes if per_size else [], start=1):
        progress.prefix = f"N={n} ({number}/{len(sizes)}): "
        if keep is not None:
            work = keep / f"n{n}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            report["results"].append(run_size(n, work, per_size, images, progress))
        else:
            with tempfile.TemporaryDirectory(prefix=f"gialai-bench-{n}-") as temporary:
                report["results"].append(run_size(n, Path(temporary), per_size, images, progress))
    progress.prefix = ""
    report["targets"] = targets(report["results"])
    report["seconds"] = round(time.monotonic() - progress.began, 1)
    written = None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        written = out_dir / f"{name or dt.date.today().isoformat()}.json"
        written.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return report, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Benchmark builds, page sizes and transfer at N articles per language.",
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="N values (100 300 1000)"
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results", help="where the JSON goes"
    )
    parser.add_argument("--quick", action="store_true", help="only N=20, to try it out")
    parser.add_argument(
        "--skip", nargs="+", choices=STEPS, default=[], help="leave out these measurements"
    )
    parser.add_argument(
        "--images", type=int, default=20, help="generated photos in the corpus (20)"
    )
    parser.add_argument(
        "--keep", type=Path, help="keep the scratch projects and sites in this folder"
    )
    args = parser.parse_args(argv)
    sizes = list(QUICK_SIZES) if args.quick else args.sizes
    steps = tuple(step for step in STEPS if step not in args.skip)
    name = dt.date.today().isoformat() + ("-quick" if args.quick else "")
    report, written = run_benchmark(
        sizes, args.out, steps, args.images, args.keep, Progress(), name
    )
    env = report["environment"]
    print()
    print(
        f"{env['date']} · {env['nproc']} × {env['cpu']} · Python {env['python']} · "
        + " · ".join(f"{k} {v}" for k, v in env["versions"].items() if v)
    )
    print()
    if report["results"]:
        print(table(report["results"]))
        print()
        print("Targets")
        print()
        print(targets_table(report["targets"]))
    if "relevance" in report:
        print("\nSearch relevance (tests/relevance/, content/)\n")
        print(relevance_table(report["relevance"]))
        for lang, score in report["relevance"].items():
            for miss in score["misses"]:
                print(f"  {lang}: {miss['query']!r} → {miss['expected']} at {miss['rank'] or '-'}")
    for result in report["results"]:
        if "server" in result:
            print(f"\nkiosk-server beside nginx, N={result['per_language']}\n")
            print(server_table(result["server"]))
    for result in report["results"]:
        for step, error in result["errors"].items():
            print(f"\nN={result['per_language']}: {step} did not work: {error}")
    if written:
        print(f"\nJSON: {written}")
    print(f"Total time: {report['seconds'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
