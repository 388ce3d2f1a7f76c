"""Building the languages side by side, one MkDocs process each, on every core.

static-i18n builds languages one after another in one process. Here each language gets
its own process and its own staging folder; the parent then merges them and writes
what spans the site (sitemap, search, link check) once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ONLY_LANGUAGE = "GIALAI_ONLY_LANGUAGE"


def mkdocs_build_command(config_file: Path, site_dir: Path, quiet: bool = False) -> list[str]:
    """The strict MkDocs build every build of the site runs."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(config_file), "--site-dir", str(site_dir)]
    return command + (["--quiet"] if quiet else [])


def pin_language(config: Any) -> None:
    """In a process that builds one language: make static-i18n build just that one.

    static-i18n reads ``current_language`` when a build starts and builds the other
    languages from ``on_post_build`` unless ``building`` is already set.
    """
    code = os.environ.get(ONLY_LANGUAGE)
    plugin = config.plugins.get("i18n")
    if not code or plugin is None:
        return
    if code not in plugin.all_languages:
        raise ValueError(f"{ONLY_LANGUAGE}={code} is not a language of the site")
    plugin.current_language = code
    plugin.building = True


def skip_file_alternates(config: Any) -> None:
    """Spare static-i18n its per-file alternates: nothing of this site reads them.

    For every page and language static-i18n looks for the same page in the other
    languages (a third of a one-language build at 1,000 articles). The language menu,
    hreflang links and sitemap come from the catalog instead (gialai.routes).
    """
    plugin = config.plugins.get("i18n")
    if plugin is not None:
        plugin.reconfigure_files_alternates = lambda *args, **kwargs: None


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
    env: dict[str, str],
) -> list[LanguageBuild]:
    """Start one ``mkdocs build`` per (code, prefix), each into its own folder."""
    builds = []
    for code, prefix in languages:
        folder = staging / f".lang-{code}"
        log = staging / f".lang-{code}.log"
        child_env = dict(env, **{ONLY_LANGUAGE: code})
        with log.open("w", encoding="utf-8") as handle:
            process = subprocess.Popen(
                mkdocs_build_command(config_file, folder),
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
