"""Page size does not grow with the site: the same limits at 10 and 300 articles a language.

The benchmark checks the same limits at 1,000 articles a language in five languages
(docs/benchmarks.md, Targets); here 300 keep the suite quick.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.corpus import generate_corpus

from gialai.settings import load_settings

from .conftest import copy_project, run_build

ARTICLE_LIMIT = 40_000
LISTING_LIMIT = 60_000
LISTING_DIRS = ("tin-tuc", "van-hoa", "du-lich", "dau-tu", "luu-tru", "tu-khoa")


def page_sizes(site: Path, prefixes: set[str]) -> tuple[dict[Path, int], dict[Path, int]]:
    """Bytes of article pages and of listing pages, in every language of the site."""
    articles, listings = {}, {}
    for file in site.rglob("index.html"):
        parts = file.relative_to(site).parts
        parts = parts[1:] if parts[0] in prefixes else parts
        if len(parts) == 3 and parts[0] in LISTING_DIRS[:4]:
            articles[file] = file.stat().st_size
        elif parts[0] in LISTING_DIRS or len(parts) == 1:
            listings[file] = file.stat().st_size
    return articles, listings


@pytest.mark.slow
@pytest.mark.parametrize("per_language", [10, 300])
def test_pages_stay_small_whatever_the_size_of_the_site(tmp_path, per_language):
    project = copy_project(tmp_path / "project")
    generate_corpus(project / "content", per_language)
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    languages = load_settings(project / "mkdocs.yml").languages
    prefixes = {lang.prefix.strip("/") for lang in languages if lang.prefix}
    articles, listings = page_sizes(project / "site", prefixes)
    assert len(articles) >= per_language * 3 * 0.9
    assert len(listings) > 10
    biggest_article = max(articles.items(), key=lambda item: item[1])
    biggest_listing = max(listings.items(), key=lambda item: item[1])
    assert biggest_article[1] < ARTICLE_LIMIT, biggest_article
    assert biggest_listing[1] < LISTING_LIMIT, biggest_listing
