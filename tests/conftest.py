"""Shared fixtures: scratch projects, the sample site built once, a local server, Chromium."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gialai.brochure import CHROMIUM_ARGS
from gialai.options import STORE_VARIABLE, BuildOptions

REPO = Path(__file__).resolve().parent.parent
PROJECT_FILES = (
    "mkdocs.yml",
    "mkdocs.kiosk.yml",
    "mkdocs.kiosk-pleiku.yml",
    "hooks",
    "overrides",
    "locales",
    "fonts",
)
# The sample site is built as of this day, so tests do not change with the calendar.
BUILD_DATE = dt.date(2026, 11, 23)
CHROMIUM = os.environ.get("GIALAI_CHROMIUM", "/usr/bin/chromium")
# The shared kiosk build waits this long (s) before its idle countdown, which lasts this long.
KIOSK_IDLE, KIOSK_COUNTDOWN = 3, 2


def copy_project(dst: Path, with_content: bool = False) -> Path:
    """A copy of the project's configuration (and optionally its content) in ``dst``."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dst / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dst / name)
    if with_content:
        shutil.copytree(REPO / "content", dst / "content")
        if (REPO / "redirects.yml").exists():
            shutil.copy2(REPO / "redirects.yml", dst / "redirects.yml")
    else:
        (dst / "content" / "images").mkdir(parents=True, exist_ok=True)
    return dst


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write {relative path: text or bytes} under root."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def run_build(
    project: Path,
    site_dir: Path | None = None,
    build_date: dt.date = BUILD_DATE,
    preview: bool = False,
    config: str = "mkdocs.yml",
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of a project, as the command line runs it."""
    options = BuildOptions(build_date=build_date, preview=preview, cache_dir=project / ".cache")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **options.to_env(), **(extra_env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session", autouse=True)
def shared_store(tmp_path_factory: pytest.TempPathFactory):
    """One store ($GIALAI_STORE) for every build of the run, the CLI's included.

    Cut fonts, image variants and QR codes are named by the digest of their inputs, so the
    projects of the tests share them safely; each is made once per run instead of once per
    build (a cold build of the sample site: 11 s, 5 s with them). The workers of a parallel
    run share the folder beside their own temporary folders. Tests of the store itself give
    their builds a folder of their own.
    """
    root = tmp_path_factory.getbasetemp()
    store = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / "store"
    store.mkdir(parents=True, exist_ok=True)
    before = os.environ.get(STORE_VARIABLE)
    os.environ[STORE_VARIABLE] = str(store)
    yield store
    if before is None:
        os.environ.pop(STORE_VARIABLE, None)
    else:
        os.environ[STORE_VARIABLE] = before


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project with the real configuration, hooks and templates."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("sample") / "project", with_content=True)


@pytest.fixture(scope="session")
def sample_build(sample_project: Path) -> subprocess.CompletedProcess:
    result = run_build(sample_project)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def sample_site(sample_project: Path, sample_build) -> Path:
    """The repository's own content built once, as of BUILD_DATE."""
    return sample_project / "site"


@pytest.fixture(scope="session")
def kiosk_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kiosk edition of the repository's content, built once, with a short idle time."""
    project = copy_project(tmp_path_factory.mktemp("kiosk") / "project", with_content=True)
    config = project / "mkdocs.kiosk.yml"
    text = config.read_text(encoding="utf-8")
    # The same edition with a short idle time, so the kiosk tests do not wait 90 s.
    text = text.replace("idle_seconds: 90", f"idle_seconds: {KIOSK_IDLE}")
    text = text.replace("countdown_seconds: 10", f"countdown_seconds: {KIOSK_COUNTDOWN}")
    config.write_text(text, encoding="utf-8")
    result = run_build(project, config="mkdocs.kiosk.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site-kiosk"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def in_own_thread(work):
    """``work()`` run in a thread of its own, its result or exception handed back.

    A pytest worker that ran browser tests has Playwright's event loop in its main
    thread: another Playwright, or asyncio.run(), needs a thread without one.
    """
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(directory: Path):
    """Serve a folder over http on 127.0.0.1 in a thread; returns (base url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def sample_server(sample_site: Path):
    url, server = serve(sample_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def kiosk_server(kiosk_site: Path):
    url, server = serve(kiosk_site)
    yield url
    server.shutdown()


def node_package_file(relative: str) -> Path:
    """A file of a checker pinned in package-lock.json, installed by ./dev into node_modules/."""
    path = REPO / "node_modules" / relative
    if not path.is_file():
        pytest.fail(
            f"{path} is missing: run the tests with ./dev test, which installs the checkers "
            "pinned in package-lock.json (npm ci; Debian's nodejs and npm)."
        )
    return path


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium) or set GIALAI_CHROMIUM."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


class LocalOnly:
    """Fails every request to a host other than the local server, and remembers it."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocked: list[str] = []
        self.requests: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith(("data:", "blob:")):
            self.requests.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def _note_console_error(page, msg) -> None:
    """Keep an error from the page's console with where it came from.

    Chromium's message for a failed load ("Failed to load resource: ... 404") does not name
    the file; the message's location does.
    """
    if msg.type != "error":
        return
    where = (msg.location or {}).get("url") or page.url
    page.console_errors.append(f"{msg.text} [{where}]")


@pytest.fixture
def local_page(browser, request):
    """A page factory: new_page(base_url, viewport) with non-local requests failing."""
    contexts = []

    def new_page(base_url: str, width: int = 1280, height: int = 900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        guard = LocalOnly(base_url)
        context.route("**/*", guard)
        page = context.new_page()
        page.guard = guard
        page.console_errors = []
        page.on("console", lambda msg: _note_console_error(page, msg))
        contexts.append(context)
        return page

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $GIALAI_ARTIFACTS (./dev test sets test-artifacts/) or a temp dir."""
    configured = os.environ.get("GIALAI_ARTIFACTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def screenshot(artifacts: Path):
    """Save a screenshot of a page for a person to look at; returns its path."""

    def take(page, name: str, full_page: bool = False) -> Path:
        path = artifacts / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 1000
        return path

    return take
