"""Plain-data fixtures: a site made from files in tmp_path, without MkDocs or a build."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from gialai.languages import load_languages
from gialai.options import BuildOptions
from gialai.settings import Category, Settings
from gialai.site import Site

from ..conftest import write_files

REPO = Path(__file__).resolve().parents[2]
BUILD_DATE = dt.date(2026, 11, 23)
LANGUAGES = [
    {"locale": "vi", "name": "Tiếng Việt", "default": True},
    {"locale": "en", "name": "English", "site_name": "Gia Lai External Information"},
    {"locale": "km", "name": "ខ្មែរ"},
]
CATEGORIES = (
    Category("news", "tin-tuc", {"vi": "Tin tức", "en": "News", "km": "ព័ត៌មាន"}),
    Category("tourism", "du-lich", {"vi": "Du lịch", "en": "Tourism", "km": "ទេសចរណ៍"}),
)
SITE_URL = "https://doingoai.gialai.gov.vn/"


def article(title: str, day: int, category: str = "news", **fields: str) -> str:
    """A Vietnamese article's text."""
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return (
        f"---\ntitle: {title}\nsummary: Tóm tắt {title}.\ndate: 2025-06-{day:02d}\n"
        f"category: {category}\nbyline: BBT\n{extra}---\nThân bài {title}.\n"
    )


def translation(title: str, source_revision: str, **fields: str) -> str:
    """A translation's text."""
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return (
        f"---\ntitle: {title}\nsummary: Summary of {title}.\n"
        f"source_revision: {source_revision}\n{extra}---\nBody of {title}.\n"
    )


@pytest.fixture
def make_site(tmp_path: Path):
    """make_site(files, …) -> Site from {path: text} in content/, with ``problems`` found."""

    def make(
        files: dict[str, str],
        preview: bool = False,
        edition: str = "web",
        problems: int = 0,
        kiosk_languages: tuple[str, ...] = (),
    ) -> Site:
        project = tmp_path / "project"
        if not (project / "locales").exists():
            shutil.copytree(REPO / "locales", project / "locales")
        write_files(project / "content", files)
        (project / "content" / "images").mkdir(parents=True, exist_ok=True)
        languages = load_languages(LANGUAGES, project / "locales")
        settings = Settings(
            project_dir=project,
            content_dir=project / "content",
            languages=languages,
            categories=CATEGORIES,
            site_url=SITE_URL,
            site_name="Gia Lai – Thông tin đối ngoại",
            site_names={"en": "Gia Lai External Information"},
            page_size=2,
            edition=edition,
            kiosk_languages=kiosk_languages,
        )
        options = BuildOptions(build_date=BUILD_DATE, preview=preview, cache_dir=tmp_path / "cache")
        site = Site.load(settings, options)
        assert len(site.catalog.problems) == problems, site.catalog.problems
        return site

    return make
