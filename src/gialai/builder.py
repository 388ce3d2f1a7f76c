"""Building the site safely: into a temporary folder, swapped in only when complete.

A failed or interrupted build never touches the published folder, and never writes to
the sources.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


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


def build_site(
    config_file: Path,
    site_dir: Path,
    build_date: dt.date | None = None,
    preview: bool = False,
    edition: str | None = None,
    quiet: bool = False,
) -> BuildResult:
    """Build with MkDocs into a staging folder, then replace ``site_dir`` with it."""
    out = site_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted(out)
    staging, old = _staging_names(out)
    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(staging),
    ]
    if quiet:
        command.append("--quiet")
    env = build_env(build_date, preview, edition)
    try:
        completed = subprocess.run(command, env=env, cwd=config_file.parent)
    except KeyboardInterrupt:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("the build was interrupted; the previous site is unchanged.") from None
    if completed.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(
            "the build failed (see the messages above); the previous site is unchanged."
        )
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return BuildResult(out, time.monotonic() - started)
