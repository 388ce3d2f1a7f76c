"""Building the site safely: into a temporary folder, swapped in only when complete.

A failed or interrupted build never touches the published folder, and never writes to
the sources.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .mkdocs.build import build_command
from .options import BuildOptions


class BuildFailed(Exception):
    """The build stopped; the previous site is still in place."""


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    seconds: float
    unchanged: bool = False  # nothing to build: the folder already holds this site


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


def _env(options: BuildOptions) -> dict[str, str]:
    """The environment of a MkDocs process: this one's, with the build options handed on."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **options.to_env()}


def _build_serial(
    config_file: Path, staging: Path, options: BuildOptions, quiet: bool, reuse: bool
) -> None:
    command = build_command(config_file, staging, quiet, reuse)
    if subprocess.run(command, env=_env(options), cwd=config_file.parent).returncode != 0:
        raise BuildFailed(
            "the build failed (see the messages above); the previous site is unchanged."
        )


def _build_parallel(
    config_file: Path,
    staging: Path,
    options: BuildOptions,
    report: Callable[[str], None],
    reuse: bool,
    out: Path,
) -> Callable[[], None] | None:
    """Build into ``staging``; returns what records the build once it is published, or
    None when ``out`` already holds the site this build would make."""
    from . import sitestate
    from .mkdocs.build import load_site_and_fingerprint
    from .pagecache import check_index, folder_for, site_id
    from .parallel import collect_digests, collect_links, merge, start_language_builds, wait_for
    from .problems import ContentError
    from .publish import SiteProblem, finish_site, warm_images, write_search_indexes

    try:
        site, fingerprint = load_site_and_fingerprint(config_file, options)
    except ContentError as error:
        report(str(error))
        raise BuildFailed("the settings have problems; the previous site is unchanged.") from None
    if site.catalog.problems:
        report(str(ContentError(site.catalog.problems)))
        raise BuildFailed("the content has problems; the previous site is unchanged.")
    state = sitestate.state_file(site.cache_dir, out)
    inputs = sitestate.inputs_digest(site, fingerprint, out)
    # The site the last build published: unchanged, or pages to take from it.
    earlier = sitestate.previous(state, out, report) if reuse else None
    if earlier is not None and earlier.holds(inputs):
        return None
    # Every process builds for the same day, from the same cache, whatever the clock says.
    options = site.options
    languages = [(lang.code, lang.prefix) for lang in site.settings.languages]
    staging.mkdir(parents=True)
    if reuse:
        # Told here once, not in each language's log: a cache that is not this site's.
        owner = site_id(site.settings.project_dir, site.settings.site_url)
        for code, _prefix in languages:
            folder = folder_for(
                site.cache_dir,
                config_file,
                str(options.edition),
                bool(options.preview),
                False,
                code,
            )
            message = check_index(folder, owner)
            if message:
                report(message)
    warm_images(site)
    report(f"Building {', '.join(code for code, _ in languages)} side by side ...")
    builds = start_language_builds(config_file, staging, languages, options, _env(options), reuse)
    # The search index needs only the content: build it while the pages are built.
    search_folder = staging / ".search"
    errors: list[BaseException] = []
    search = None
    if site.settings.search:
        search = threading.Thread(
            target=_in_background,
            args=(write_search_indexes, (site, search_folder, reuse), errors),
            daemon=True,
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
    pages_cache = str(site.cache_dir / "pages")
    for build in builds:
        # A language's notices about its stored pages (damaged ones are made again).
        for line in build.output().splitlines():
            if line.startswith(pages_cache):
                report(line)
    links = collect_links(builds) if reuse else None
    digests = collect_digests(builds) if reuse else {}
    merge(staging, builds)
    if search is not None:
        if errors:
            report(str(errors[0]))
            raise BuildFailed(
                "the search index could not be built; the previous site is unchanged."
            )
        _move_search_bundles(search_folder, staging)
    try:
        assets = finish_site(
            site,
            staging,
            search_done=search is not None,
            links=links,
            digests=digests,
            previous=earlier,
        )
    except SiteProblem as error:
        report(str(error))
        raise BuildFailed("the built site has problems; the previous site is unchanged.") from None
    return lambda: sitestate.record(state, inputs, out, digests, assets)


def _in_background(work: Callable, args: tuple, errors: list[BaseException]) -> None:
    try:
        work(*args)
    except Exception as error:  # reported by the main thread, which owns the output
        errors.append(error)


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
    options: BuildOptions | None = None,
    quiet: bool = False,
    parallel: bool = True,
    report: Callable[[str], None] = print,
    reuse: bool = True,
) -> BuildResult:
    """Build into a staging folder, then replace ``site_dir`` with it.

    With ``parallel``, each language is built by its own process (all cores busy);
    otherwise MkDocs and static-i18n build them one after another. With ``reuse``, pages
    and search indexes whose inputs did not change come from the cache (``.cache/``).
    """
    out = site_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted(out)
    staging, old = _staging_names(out)
    started = time.monotonic()
    options = options or BuildOptions()
    published: Callable[[], None] | None = None
    try:
        if parallel:
            published = _build_parallel(config_file, staging, options, report, reuse, out)
            if published is None:
                return BuildResult(out, time.monotonic() - started, unchanged=True)
        else:
            _build_serial(config_file, staging, options, quiet, reuse)
    except KeyboardInterrupt:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("the build was interrupted; the previous site is unchanged.") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if published is not None:
        published()
    shutil.rmtree(old, ignore_errors=True)
    return BuildResult(out, time.monotonic() - started)
