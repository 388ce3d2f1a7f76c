"""Publishing never breaks the public site: atomic builds, untouched sources, odd inputs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gialai.catalog import load_catalog
from gialai.settings import load_settings

from .conftest import write_files

ARTICLE = """---
title: {title}
summary: Tóm tắt.
date: 2025-06-14
category: tourism
byline: Lê Minh Khoa
---
{body}
"""


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def gialai(project: Path, *args: str, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.Popen(
        [sys.executable, "-m", "gialai.cli", *args],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,
    )


@pytest.fixture
def published(project: Path) -> Path:
    write_files(
        project / "content",
        {
            f"vi/du-lich/bai-{n}.md": ARTICLE.format(title=f"Bài {n}", body="Chữ.")
            for n in range(40)
        },
    )
    process = gialai(project, "build", "--build-date", "2026-01-01")
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    return project


def test_a_failed_build_leaves_the_site_as_it_was(published):
    before = snapshot(published / "site")
    sources = snapshot(published / "content")
    broken = published / "content/vi/du-lich/bai-3.md"
    broken.write_text(
        ARTICLE.format(title="Bài 3", body="").replace("date: 2025-06-14", "date: hôm qua")
    )
    process = gialai(published, "build", "--build-date", "2026-01-01")
    out, err = process.communicate(timeout=300)
    assert process.returncode == 1
    assert "content/vi/du-lich/bai-3.md:4: date: 'hôm qua' is not a date" in out + err
    assert err.strip().endswith(
        "Build of the web edition stopped: the content has problems; the previous site is "
        "unchanged."
    )
    assert snapshot(published / "site") == before
    assert [p.name for p in published.iterdir() if p.name.startswith(".site")] == []
    sources["vi/du-lich/bai-3.md"] = hashlib.sha256(broken.read_bytes()).hexdigest()
    assert snapshot(published / "content") == sources


def test_a_killed_build_leaves_the_site_as_it_was(published):
    before = snapshot(published / "site")
    # Without the cache: the same inputs would otherwise make a build that changes nothing.
    process = gialai(published, "build", "--build-date", "2026-01-02", "--no-cache")
    deadline = time.monotonic() + 120
    staging: list[Path] = []
    while time.monotonic() < deadline and not staging:
        staging = [p for p in published.glob(".site.building-*") if any(p.rglob("*.html"))]
        time.sleep(0.05)
    assert staging, "the build never started writing"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode != 0
    assert snapshot(published / "site") == before
    # The next build cleans up what the killed one left and publishes.
    retry = gialai(published, "build", "--build-date", "2026-01-02")
    out, err = retry.communicate(timeout=300)
    assert retry.returncode == 0, out + err
    assert [p.name for p in published.iterdir() if p.name.startswith(".site")] == []


def problems(project: Path) -> list[str]:
    catalog = load_catalog(load_settings(project / "mkdocs.yml"), dt.date(2026, 1, 1))
    return [str(p) for p in sorted(set(catalog.problems))]


def test_a_huge_file_gets_a_clear_error(project):
    body = ("Thac 50 do xuong giua rung. " * 180_000)[:5_000_000]
    write_files(project / "content", {"vi/du-lich/lon.md": ARTICLE.format(title="Lớn", body=body)})
    assert problems(project) == [
        "content/vi/du-lich/lon.md: the file is 5.0 MB; an article must stay under 1.0 MB: "
        "split it into several articles."
    ]


def test_deeply_nested_pages_build(project):
    from .conftest import run_build

    deep = "vi/" + "/".join(f"muc-{n}" for n in range(12)) + "/trang.md"
    write_files(project / "content", {deep: "---\ntitle: Trang sâu\n---\nNội dung.\n"})
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / deep.removeprefix("vi/").removesuffix(".md") / "index.html").exists()


def test_links_out_of_content_are_refused_and_never_read(project, tmp_path):
    from .conftest import run_build

    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text(ARTICLE.format(title="Bí mật", body="MẬT KHẨU 4815162342"), encoding="utf-8")
    (project / "content/vi/du-lich").mkdir(parents=True)
    (project / "content/vi/du-lich/secret.md").symlink_to(secret)
    (project / "content/vi/tin-tuc").mkdir(parents=True)
    (project / "content/vi/tin-tuc/ngoai").symlink_to(outside)
    assert problems(project) == [
        "content/vi/du-lich/secret.md: the file is a symbolic link; copy the article into "
        "content/ instead.",
        "content/vi/tin-tuc/ngoai: this folder is a symbolic link; the site never follows "
        "links out of content/. Copy the files into content/ instead.",
    ]
    result = run_build(project, preview=True)
    assert result.returncode == 0, result.stderr
    for file in (project / "site").rglob("*"):
        if file.is_file():
            assert b"4815162342" not in file.read_bytes(), file


def test_image_paths_cannot_leave_content(project):
    text = ARTICLE.format(title="Ảnh", body="![Ảnh](../../../../etc/hostname)").replace(
        "byline: Lê Minh Khoa",
        "byline: Lê Minh Khoa\ncover:\n  image: ../../mkdocs.yml\n  alt: Ảnh\n  credit: BBT",
    )
    write_files(project / "content", {"vi/du-lich/anh.md": text})
    assert problems(project) == [
        "content/vi/du-lich/anh.md:8: cover.image: '../../mkdocs.yml' points outside "
        "content/images/; put the photo in that folder and write its file name.",
        "content/vi/du-lich/anh.md:12: the link '../../../../etc/hostname' points outside "
        "content/; link only to files inside it.",
    ]


def test_building_languages_side_by_side_gives_the_same_site(sample_project, tmp_path):
    """The parallel build (the default) and MkDocs' own one-after-another build agree."""
    import filecmp

    outputs = {}
    for mode in ("parallel", "serial"):
        out = tmp_path / mode
        args = ["build", "--build-date", "2026-11-23", "--site-dir", str(out), "--quiet"]
        if mode == "serial":
            args.append("--serial")
        process = gialai(sample_project, *args)
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stdout + stderr
        outputs[mode] = out
    # Pagefind names some files by hashes that change from run to run; its bundles are
    # compared by what they hold.
    parallel, serial = (
        sorted(
            p.relative_to(outputs[mode])
            for p in outputs[mode].rglob("*")
            if p.is_file() and "pagefind" not in p.parts
        )
        for mode in ("parallel", "serial")
    )
    assert parallel == serial
    for prefix in ("", "en/", "km/"):
        entries = [
            json.loads((outputs[mode] / prefix / "pagefind/pagefind-entry.json").read_text())
            for mode in ("parallel", "serial")
        ]
        counts = [{lang: v["page_count"] for lang, v in e["languages"].items()} for e in entries]
        assert counts[0] == counts[1]
    different = [
        path
        for path in parallel
        if not filecmp.cmp(outputs["parallel"] / path, outputs["serial"] / path, shallow=False)
    ]
    assert different == []
