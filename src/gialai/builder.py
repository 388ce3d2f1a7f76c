"""Building the site safely: into a temporary folder, swapped in only when complete.

A failed or interrupted build never touches the published folder, and never writes to
the sources.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .parallel import mkdocs_build_command


class BuildFailed(Exception):
    """The build stopped; the previous site is still in place."""


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    seconds: float


def _staging_names(out: Path) -> tuple[Path, Path]:
    pid = os.getpid()
    return out.parent / f".{out.name}.building-{pid}", out.parent / f".{out.name}.old-{pid}"


def recover_interrupted(out: Path) -> None:
    """Clean up after a build that was killed: restore a site moved aside, drop half builds."""
    parent = out.parent
    if not parent.exists():
        return
    olds = sorted(parent.glob(f".{out.name}.old-*"))
    if not out.exists() and olds:
        olds[-1].rename(out)
        olds = olds[:-1]
    for leftover in [*olds, *parent.glob(f".{out.name}.building-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def build_env(
    build_date: dt.date | None = None,
    preview: bool = False,
    edition: str | None = None,
    base: dict[str, str] | None = None,
) -> dict[str, str]:
    """Environment for a MkDocs process: how the hooks learn date, preview and edition."""
    env = dict(os.environ if base is None else base)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["GIALAI_PREVIEW"] = "1" if preview else "0"
    if build_date is not None:
        env["GIALAI_BUILD_DATE"] = build_date.isoformat()
    if edition:
        env["GIALAI_EDITION"] = edition
    return env


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _build_serial(config_file: Path, staging: Path, env: dict[str, str], quiet: bool) -> None:
    command = mkdocs_build_command(config_file, staging, quiet)
    if subprocess.run(command, env=env, cwd=config_file.parent).returncode != 0:
        raise BuildFailed(
            "the build failed (see the messages above); the previous site is unchanged."
        )


def _build_parallel(
    config_file: Path, staging: Path, env: dict[str, str], report: Callable[[str], None]
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .parallel import merge, start_language_builds, wait_for
    from .problems import ContentError
    from .publish import finish_site, warm_images
    from .session import session_for

    with _environment(env):
        config = load_config(str(config_file), site_dir=str(staging))
        try:
            session = session_for(config)
        except ContentError as error:
            report(str(error))
            raise BuildFailed(
                "the settings have problems; the previous site is unchanged."
            ) from None
        if session.catalog.problems:
            report(str(ContentError(session.catalog.problems)))
            raise BuildFailed("the content has problems; the previous site is unchanged.")
    languages = [(lang.code, lang.prefix) for lang in session.settings.languages]
    staging.mkdir(parents=True)
    with _environment(env):
        warm_images(session)
    report(f"Building {', '.join(code for code, _ in languages)} side by side ...")
    builds = start_language_builds(config_file, staging, languages, env)
    # The search index needs only the content: build it while the pages are built.
    search_folder = staging / ".search"
    search = None
    if session.settings.search:
        search = threading.Thread(
            target=_search_in_background, args=(session, search_folder, env), daemon=True
        )
        search.start()
    try:
        failed = wait_for(builds, report)
        if search is not None:
            search.join()
    except KeyboardInterrupt:
        for build in builds:
            build.process.kill()
        raise
    if failed:
        for build in failed:
            report(f"--- {build.code} ---\n{build.output().rstrip()}")
        raise BuildFailed(
            "the build failed (see the messages above); the previous site is unchanged."
        )
    merge(staging, builds)
    if search is not None:
        if isinstance(session.extra.get("search error"), Exception):
            report(str(session.extra["search error"]))
            raise BuildFailed(
                "the search index could not be built; the previous site is unchanged."
            )
        _move_search_bundles(search_folder, staging)
    with _environment(env):
        try:
            finish_site(session, str(staging), search_done=search is not None)
        except MkDocsException as error:
            report(error.format_message())
            raise BuildFailed(
                "the built site has problems; the previous site is unchanged."
            ) from None


def _search_in_background(session, folder: Path, env: dict[str, str]) -> None:
    from .publish import write_search_indexes

    try:
        write_search_indexes(session, folder)
    except Exception as error:  # reported by the main thread, which owns the output
        session.extra["search error"] = error


def _move_search_bundles(folder: Path, site: Path) -> None:
    """Move each language's pagefind/ and search-vocab/ folders into the merged site."""
    for source in sorted(folder.rglob("*")):
        if source.is_dir() and source.name in ("pagefind", "search-vocab"):
            target = site / source.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                shutil.rmtree(target)
            shutil.move(str(source), target)
    shutil.rmtree(folder, ignore_errors=True)


def build_site(
    config_file: Path,
    site_dir: Path,
    build_date: dt.date | None = None,
    preview: bool = False,
    edition: str | None = None,
    quiet: bool = False,
    parallel: bool = True,
    report: Callable[[str], None] = print,
) -> BuildResult:
    """Build into a staging folder, then replace ``site_dir`` with it.

    With ``parallel``, each language is built by its own process (all cores busy);
    otherwise MkDocs and static-i18n build them one after another.
    """
    out = site_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted(out)
    staging, old = _staging_names(out)
    started = time.monotonic()
    env = build_env(build_date, preview, edition)
    try:
        if parallel:
            _build_parallel(config_file, staging, env, report)
        else:
            _build_serial(config_file, staging, env, quiet)
    except KeyboardInterrupt:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("the build was interrupted; the previous site is unchanged.") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return BuildResult(out, time.monotonic() - started)
