"""One build path: MkDocs' own command and gialai build make the same site, page by page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import BUILD_DATE

# Pagefind writes its filter and meta files in a different order on every run (two MkDocs
# builds differ there too); those files and the entry that names them are left out.
PAGEFIND_HASHED = re.compile(r"(^|/)pagefind/(filter/|pagefind\.[^/]*\.pf_meta$|pagefind-entry)")


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not PAGEFIND_HASHED.search(path.relative_to(site).as_posix())
    }


def test_mkdocs_build_and_gialai_build_make_the_same_site(sample_project, sample_site, tmp_path):
    out = tmp_path / "site"
    command = [sys.executable, "-m", "gialai.cli", "build", "--quiet"]
    command += ["--build-date", BUILD_DATE.isoformat(), "--site-dir", str(out)]
    result = subprocess.run(command, cwd=sample_project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    by_mkdocs, by_gialai = _files(sample_site), _files(out)
    assert sorted(by_mkdocs) == sorted(by_gialai)
    differing = [name for name in by_mkdocs if by_mkdocs[name] != by_gialai[name]]
    assert differing == []
    assert len(by_mkdocs) > 300


def _build_in_process(project: Path, site_dir: Path, options, monkeypatch) -> list[list[str]]:
    """A MkDocs build of ``project`` in this process; what the site held when it was finished."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from gialai import publish

    finished: list[list[str]] = []
    real = publish.finish_site

    def finish(site, folder, **options):
        finished.append(sorted(path.name for path in folder.iterdir()))
        return real(site, folder, **options)

    monkeypatch.setattr(publish, "finish_site", finish)
    for name, value in options.to_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return finished


def test_the_site_is_finished_once_after_every_language(sample_project, tmp_path, monkeypatch):
    from gialai.options import BuildOptions

    options = BuildOptions(build_date=BUILD_DATE, cache_dir=sample_project / ".cache")
    finished = _build_in_process(sample_project, tmp_path / "all", options, monkeypatch)
    assert len(finished) == 1
    assert {"en", "km", "index.html", "404.html"} <= set(finished[0])
    assert (tmp_path / "all" / "robots.txt").exists()
    # A parallel build's process makes its language only; the parent finishes the site.
    one = options.replace(only_language="en")
    assert _build_in_process(sample_project, tmp_path / "en", one, monkeypatch) == []
    assert (tmp_path / "en" / "en" / "index.html").exists()
    assert not (tmp_path / "en" / "robots.txt").exists()
