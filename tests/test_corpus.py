"""The benchmark corpus generator writes content that the catalog accepts as it is."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bench.corpus import (
    BODY_WORDS,
    IMAGE_SIZE,
    CorpusInfo,
    copy_project,
    generate_corpus,
    image_name,
    khmer_vocabulary,
    main,
)
from PIL import Image

from gialai.catalog import Catalog, load_catalog
from gialai.options import BuildOptions
from gialai.settings import load_settings
from gialai.text import fold_latin, is_khmer

PER_LANGUAGE = 30
START = dt.date(2024, 1, 1)
NAMES = ("Thác 50", "Chư Đăng Ya", "Đắk Lắk", "Lệ Thanh", "Biển Hồ", "Pleiku", "Kbang")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CorpusInfo]:
    root = tmp_path_factory.mktemp("project")
    copy_project(root)
    info = generate_corpus(root / "content", PER_LANGUAGE, seed=7, start=START)
    return root, info


@pytest.fixture(scope="module")
def catalog(project: tuple[Path, CorpusInfo]) -> Catalog:
    root, _info = project
    settings = load_settings(root / "mkdocs.yml")
    return load_catalog(settings, build_date=START + dt.timedelta(days=PER_LANGUAGE))


def _files(content: Path) -> dict[str, bytes]:
    return {
        path.relative_to(content).as_posix(): path.read_bytes()
        for path in sorted(content.rglob("*"))
        if path.is_file()
    }


def _words(body: str) -> int:
    return sum(token not in ("##", "-") for token in body.split())


def test_the_catalog_finds_no_problems(catalog: Catalog) -> None:
    assert catalog.problems == []
    assert not catalog.orphans


def test_counts_follow_the_translated_fractions(
    project: tuple[Path, CorpusInfo], catalog: Catalog
) -> None:
    _root, info = project
    assert info.articles == {"vi": 30, "en": 30, "km": 27}
    assert len(catalog.sources) == 30
    assert {lang: len(found) for lang, found in catalog.translations.items()} == {
        "en": 30,
        "km": 27,
    }
    assert info.images == 20 and info.words_total > 0 and info.seconds > 0


def test_fractions_are_rounded_and_chosen_deterministically(tmp_path: Path) -> None:
    info = generate_corpus(tmp_path / "a", 10, translated={"en": 0.5, "km": 0.0}, images=0)
    assert info.articles == {"vi": 10, "en": 5, "km": 0}
    again = generate_corpus(tmp_path / "b", 10, translated={"en": 0.5, "km": 0.0}, images=0)
    assert sorted(p.name for p in (tmp_path / "a" / "en").rglob("*.md")) == sorted(
        p.name for p in (tmp_path / "b" / "en").rglob("*.md")
    )
    assert again.articles == info.articles
    with pytest.raises(ValueError, match="fr"):
        generate_corpus(tmp_path / "c", 2, translated={"fr": 1.0})


def test_translations_carry_the_revision_of_their_source(catalog: Catalog) -> None:
    for by_key in catalog.translations.values():
        for key, translation in by_key.items():
            assert translation.source_revision == catalog.sources[key].revision


def test_sources_spread_over_categories_and_days(catalog: Catalog) -> None:
    sources = sorted(catalog.sources.values(), key=lambda a: a.slug)
    assert {a.category for a in sources} == {"news", "culture", "tourism", "investment"}
    assert [a.date for a in sources] == [START + dt.timedelta(days=n) for n in range(30)]
    for number, article in enumerate(sources, start=1):
        assert article.slug.startswith(f"bai-{number:04d}-")
        assert 2 <= len(article.tags) <= 4
        assert len(article.summary) <= 300
        assert article.byline and article.status == "published"


def test_bodies_have_a_realistic_shape(catalog: Catalog) -> None:
    lists = links = 0
    for article in catalog.sources.values():
        body = article.body.strip()
        blocks = body.split("\n\n")
        headings = [b for b in blocks if b.startswith("## ")]
        paragraphs = [b for b in blocks if not b.startswith(("## ", "- "))]
        paragraphs = [p for p in paragraphs if not p.endswith(":")]  # list introductions
        assert BODY_WORDS[0] <= _words(body) <= BODY_WORDS[1]
        assert 4 <= len(paragraphs) <= 8
        assert 1 <= len(headings) <= 3
        lists += any(b.startswith("- ") for b in blocks)
        links += bool(article.links)
    assert 0 < lists < 30 and 0 < links < 30


def test_links_lead_to_articles_of_the_same_language(
    project: tuple[Path, CorpusInfo], catalog: Catalog
) -> None:
    content = project[0] / "content"
    articles = [*catalog.sources.values()]
    for by_key in catalog.translations.values():
        articles.extend(by_key.values())
    found = 0
    for article in articles:
        for link in article.links:
            assert re.fullmatch(r"\.\./[a-z-]+/bai-\d{4}-[a-z0-9-]+\.md", link.target)
            target = posixpath.normpath(posixpath.join(article.lang, article.folder, link.target))
            assert (content / target).is_file()
            linked = catalog.sources[target.split("/", 1)[1].removesuffix(".md")]
            assert linked.date < article.date  # never to a later (maybe scheduled) article
            found += 1
    assert found


def test_khmer_is_written_in_khmer_script(catalog: Catalog) -> None:
    for article in catalog.translations["km"].values():
        assert is_khmer(article.title) and is_khmer(article.summary)
        assert all(is_khmer(tag) or tag.isascii() for tag in article.tags)
        assert article.summary.endswith("។")
        for block in article.body.strip().split("\n\n"):
            if not block.startswith(("## ", "- ")) and not block.endswith("៖"):
                assert block.endswith("។"), block
        # Words inside a phrase are written together: far fewer spaces than words.
        assert article.body.count(" ") < len(article.body) / 12
    assert len(khmer_vocabulary()) >= 150


def test_vietnamese_has_diacritics_and_local_names(catalog: Catalog) -> None:
    text = ""
    for article in catalog.sources.values():
        assert (
            fold_latin(article.title) != article.title
            or fold_latin(article.summary) != article.summary
        )
        assert fold_latin(article.body) != article.body
        text += article.body
    assert all(name in text for name in NAMES)
    for article in catalog.translations["en"].values():
        english = article.body
        for name in (*NAMES, "Quy Nhơn", "An Khê"):
            english = english.replace(name, "")
        assert english.isascii()  # English, with Vietnamese place names


def test_covers_use_generated_photos(project: tuple[Path, CorpusInfo], catalog: Catalog) -> None:
    images = project[0] / "content" / "images"
    covered = [a for a in catalog.sources.values() if a.cover is not None]
    assert 5 <= len(covered) <= 25
    for article in covered:
        assert (images / article.cover.image).is_file()
        assert article.cover.alt and article.cover.caption and article.cover.credit
    for article in catalog.translations["km"].values():
        if article.cover is not None:
            assert is_khmer(article.cover.alt) and is_khmer(article.cover.caption)
    with Image.open(images / image_name(1)) as photo:
        assert photo.format == "JPEG" and photo.size == IMAGE_SIZE
    assert (images / image_name(1)).stat().st_size < 150_000


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", 12, seed=3, images=3)
    generate_corpus(tmp_path / "b", 12, seed=3, images=3)
    generate_corpus(tmp_path / "c", 12, seed=4, images=3)
    first = _files(tmp_path / "a")
    assert first == _files(tmp_path / "b")
    assert _files(tmp_path / "c") != first


def test_existing_photos_are_reused(tmp_path: Path) -> None:
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    (images / image_name(1)).write_bytes(b"kept")
    generate_corpus(tmp_path / "content", 4, images=2)
    assert (images / image_name(1)).read_bytes() == b"kept"
    assert (images / image_name(2)).stat().st_size > 1000


def test_a_smaller_run_removes_what_a_larger_one_wrote(tmp_path: Path) -> None:
    content = tmp_path / "content"
    generate_corpus(content, 12, images=0)
    generate_corpus(content, 5, seed=1, images=0)
    assert len(list((content / "vi").rglob("bai-*.md"))) == 5
    assert len(list((content / "km").rglob("bai-*.md"))) == 4


def test_the_command_line_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "content"), "6", "--images", "2"]) == 0
    out = capsys.readouterr().out
    assert "vi: 6 articles" in out and "km: 5 articles" in out and "words:" in out


@pytest.mark.slow
def test_a_generated_project_builds_with_mkdocs(tmp_path: Path) -> None:
    copy_project(tmp_path)
    generate_corpus(tmp_path / "content", 8, images=3)
    options = BuildOptions(build_date=dt.date(2024, 2, 1))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **options.to_env()}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "mkdocs.yml")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "site" / "km" / "index.html").is_file()
    assert len(list((tmp_path / "site").glob("*/bai-*/index.html"))) == 8


def test_lao_and_chinese_are_written_when_asked_for(tmp_path: Path) -> None:
    copy_project(tmp_path)
    (tmp_path / "content").mkdir()
    translated = {"en": 1.0, "km": 1.0, "lo": 1.0, "zh": 0.5}
    info = generate_corpus(tmp_path / "content", 8, translated=translated, images=0)
    assert info.articles == {"vi": 8, "en": 8, "km": 8, "lo": 8, "zh": 4}
    settings = load_settings(tmp_path / "mkdocs.yml")
    assert [language.search.text for language in settings.languages][-2:] == ["lao", "chinese"]
    catalog = load_catalog(settings, build_date=START + dt.timedelta(days=8))
    assert catalog.problems == []
    for article in catalog.translations["lo"].values():
        assert re.search("[\u0e80-\u0eff]", article.title + article.summary + article.body)
        # Lao puts a space between a name in Latin letters and the Lao after it.
        assert not re.search("[A-Za-z][\u0e80-\u0eff]", article.body)
    for article in catalog.translations["zh"].values():
        assert re.search("[\u4e00-\u9fff]", article.title)
        assert article.summary.endswith("。") and "。 " not in article.body
    # Not asked for, no Lao or Chinese folder.
    generate_corpus(tmp_path / "plain", 2, images=0)
    assert sorted(path.name for path in (tmp_path / "plain").iterdir()) == ["en", "km", "vi"]
