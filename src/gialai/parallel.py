"""Building the languages side by side, one MkDocs process each, on every core.

static-i18n builds languages one after another in one process. Here each language gets
its own process (told which by its build options) and its own staging folder; the parent
then merges them and writes what spans the site (sitemap, search, link check) once.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .mkdocs.build import build_command
from .options import BuildOptions
from .sitecheck import LINKS_SUFFIX, read_links


@dataclass
class LanguageBuild:
    """One child process building one language."""

    code: str
    prefix: str
    folder: Path
    process: subprocess.Popen
    started: float
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_language_builds(
    config_file: Path,
    staging: Path,
    languages: list[tuple[str, str]],
    options: BuildOptions,
    env: dict[str, str],
    reuse: bool = False,
) -> list[LanguageBuild]:
    """Start one ``mkdocs build`` per (code, prefix), each into its own folder."""
    builds = []
    for code, prefix in languages:
        folder = staging / f".lang-{code}"
        log = staging / f".lang-{code}.log"
        child_env = dict(env, **options.replace(only_language=code).to_env())
        with log.open("w", encoding="utf-8") as handle:
            process = subprocess.Popen(
                build_command(config_file, folder, reuse=reuse),
                env=child_env,
                cwd=config_file.parent,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        builds.append(LanguageBuild(code, prefix, folder, process, time.monotonic(), log))
    return builds


def wait_for(builds: list[LanguageBuild], report=print) -> list[LanguageBuild]:
    """Wait for every build; stop the others as soon as one fails. Returns the failed ones."""
    failed: list[LanguageBuild] = []
    pending = list(builds)
    while pending:
        for build in list(pending):
            code = build.process.poll()
            if code is None:
                continue
            pending.remove(build)
            seconds = time.monotonic() - build.started
            if code == 0:
                report(f"  {build.code}: built in {seconds:.1f} s")
            else:
                failed.append(build)
                for other in pending:
                    other.process.terminate()
        time.sleep(0.05)
    for build in builds:
        build.process.wait()
    return failed


def merge(staging: Path, builds: list[LanguageBuild]) -> None:
    """Put the language folders together into one site in ``staging``."""
    for build in builds:
        if build.prefix:
            continue
        for item in build.folder.iterdir():
            shutil.move(str(item), staging / item.name)
    for build in builds:
        if not build.prefix:
            continue
        target = staging / build.prefix.strip("/")
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(build.folder / build.prefix.strip("/")), target)
        # Pictures used only by this language's pages.
        variants = build.folder / "_img"
        if variants.is_dir():
            (staging / "_img").mkdir(exist_ok=True)
            for picture in variants.iterdir():
                if not (staging / "_img" / picture.name).exists():
                    shutil.move(str(picture), staging / "_img" / picture.name)
    for build in builds:
        shutil.rmtree(build.folder, ignore_errors=True)
        build.log.unlink(missing_ok=True)


def collect_links(builds: list[LanguageBuild]) -> dict[str, tuple[str, ...]]:
    """The links of the pages each process wrote, read while it wrote them."""
    links: dict[str, tuple[str, ...]] = {}
    for build in builds:
        path = build.folder.with_name(build.folder.name + LINKS_SUFFIX)
        links.update(read_links(path))
        path.unlink(missing_ok=True)
    return links


def collect_digests(builds: list[LanguageBuild]) -> dict[str, str]:
    """The digest of every page each process wrote, by site path."""
    from .pagecache import DIGESTS_SUFFIX, read_digests

    digests: dict[str, str] = {}
    for build in builds:
        path = build.folder.with_name(build.folder.name + DIGESTS_SUFFIX)
        digests.update(read_digests(path))
        path.unlink(missing_ok=True)
    return digests
