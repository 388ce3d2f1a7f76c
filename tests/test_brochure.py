"""Printed brochures: built from the sample content in every language and read back with
poppler (pdffonts, pdfinfo, pdftotext), as a reader's PDF viewer and a search would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gialai.brochure import load_brochures, pdf_text_pages, write_brochures
from gialai.catalog import load_catalog
from gialai.languages import DIGITS
from gialai.mkdocs.config import load_settings
from gialai.options import BuildOptions
from gialai.problems import ContentError
from gialai.site import Site

from .conftest import BUILD_DATE, CHROMIUM, copy_project, in_own_thread

LANGUAGES = ("vi", "en", "km", "lo", "zh")
# Words of the selected articles in each language, as a reader would search for them.
KNOWN_WORDS = {
    "vi": ("Cà phê", "hồ tiêu", "sầu riêng", "Quy Nhơn", "Sở Ngoại vụ tỉnh Gia Lai"),
    "en": ("coffee", "pepper", "durian", "Quy Nhơn", "Gia Lai Department of Foreign Affairs"),
    "km": ("កាហ្វេ", "ម្រេច", "ធុរេន", "ការវិនិយោគ", "ព្រំដែន", "ទេសចរណ៍"),
    "lo": ("ກາເຟ", "ຢາລາຍ", "ຊາຍແດນ", "ພະແນກການຕ່າງປະເທດ"),
    "zh": ("咖啡", "嘉莱", "投资", "边境", "嘉莱省外务厅"),
}
# Articles of the sample selection with no translation in the language.
LEFT_OUT = {
    "vi": set(),
    "en": set(),
    "km": {"dau-tu/q-fair-2025", "dau-tu/dien-dan-khoi-nghiep-doi-moi-sang-tao"},
    "lo": {"dau-tu/dien-dan-khoi-nghiep-doi-moi-sang-tao"},
    "zh": {"dau-tu/dien-dan-khoi-nghiep-doi-moi-sang-tao"},
}
# poppler's pdftotext puts a space after some Khmer and Lao vowel signs and tone marks (a
# mark drawn back over its letter leaves a gap before the next one, which it takes for a
# space); the letters come back complete and in order. Words of these scripts are compared
# without spaces (docs/brochures.md).
SPACED_BY_POPPLER = {"km", "lo"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install Debian's poppler-utils (apt-get install).")
    return path


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium).")
    project = copy_project(tmp_path_factory.mktemp("brochure") / "project", with_content=True)
    settings = load_settings(project / "mkdocs.yml")
    options = BuildOptions(build_date=BUILD_DATE, preview=False, cache_dir=project / ".cache")
    site = Site.load(settings, options)
    # A worker that ran browser tests has Playwright's loop in its main thread.
    written = in_own_thread(lambda: write_brochures(site, project / "brochures"))
    return site, {item.lang: item for item in written}


def test_one_brochure_per_language(printed):
    _site, written = printed
    assert sorted(written) == sorted(LANGUAGES)
    for lang, item in written.items():
        assert item.path.name == f"dau-tu-{lang}.pdf"
        assert set(item.left_out) == LEFT_OUT[lang], lang
        assert item.blocked == []  # nothing asked of another computer


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_font_is_embedded(printed, lang):
    _site, written = printed
    lines = _run(_tool("pdffonts"), str(written[lang].path)).splitlines()[2:]
    fonts = [line.split() for line in lines if line.strip()]
    assert fonts, "pdffonts lists no font"
    for columns in fonts:
        # name type... encoding emb sub uni object ID: emb, sub and uni are yes
        emb, _sub, uni = columns[-5], columns[-4], columns[-3]
        assert (emb, uni) == ("yes", "yes"), columns
    names = " ".join(columns[0] for columns in fonts)
    script_font = {"km": "NotoSansKhmer", "lo": "NotoSansLao", "zh": "NotoSansSC"}
    assert script_font.get(lang, "NotoSans-") in names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_count_and_contents_page_numbers(printed, lang):
    site, written = printed
    item = written[lang]
    info = _run(_tool("pdfinfo"), str(item.path))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    count = len(item.printed)
    # cover, contents, at least a page per article, the publisher's page
    assert count + 3 <= pages <= 3 * count + 3
    texts = pdf_text_pages(item.path)
    # the page's own number, at its foot, is not part of the contents
    contents = re.sub(r"\s\S+\s*$", "", texts[1])
    digits = DIGITS[site.settings.language(lang).digits]  # Khmer: ០១២…
    for key in item.printed:
        title = site.catalog.entry(lang, key).article.title
        # The title, then its page number (on the title's last line), in the language's digits.
        found = re.search(re.escape(_squeeze(title)) + f"([{digits}]+)", _squeeze(contents))
        assert found, (lang, title, contents)
        page = int(found.group(1).translate(str.maketrans(digits, "0123456789")))
        # The page the contents give for the article is the page its title opens.
        assert _squeeze(title) in _squeeze(texts[page - 1]), (lang, title, page)
    for key in item.left_out:
        source_title = site.catalog.sources[key].title
        assert _squeeze(source_title) in _squeeze(contents)
        assert f"https://doingoai.gialai.gov.vn/{key}/" in contents.replace("/\n", "/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_comes_back_whole(printed, lang):
    site, written = printed
    item = written[lang]
    text = _run(_tool("pdftotext"), "-enc", "UTF-8", str(item.path), "-")
    assert "\ufffd" not in text
    assert "\u200b" not in text
    joined = {text.replace("\n", ""), text.replace("\n", " ")}
    if lang in SPACED_BY_POPPLER:
        joined = {_squeeze(text)}
    for word in KNOWN_WORDS[lang]:
        if lang in SPACED_BY_POPPLER:
            word = _squeeze(word)
        assert any(word in candidate for candidate in joined), (lang, word)
    for key in item.printed:
        entry = site.catalog.entry(lang, key)
        assert _squeeze(entry.article.title) in _squeeze(text)
        prefix = "" if lang == "vi" else f"{lang}/"
        # whole: an address breaks only after a slash, never at a hyphen
        assert f"https://doingoai.gialai.gov.vn/{prefix}{key}/" in text.replace("/\n", "/")
    # the publisher's page: department, place, date and the site's copyright line
    last = pdf_text_pages(item.path)[-2]  # pdftotext ends with a form feed
    assert _squeeze(site.settings.copyright_for(lang)) in _squeeze(last)
    assert _squeeze(site.strings[lang].date(BUILD_DATE)) in _squeeze(last)


@pytest.mark.parametrize("lang", ("vi", "en", "km", "lo", "zh"))
def test_pages_as_images(printed, lang, artifacts):
    """Pages for a person to look at; the test checks only that they were drawn."""
    _site, written = printed
    stem = artifacts / f"brochure-{lang}"
    _run(
        _tool("pdftoppm"),
        "-r",
        "60",
        "-png",
        "-f",
        "1",
        "-l",
        "3",
        str(written[lang].path),
        str(stem),
    )
    images = sorted(artifacts.glob(f"brochure-{lang}-*.png"))
    assert len(images) >= 3
    assert all(image.stat().st_size > 5000 for image in images)


# --- the selection in mkdocs.yml ----------------------------------------------------------


def _settings_with(tmp_path: Path, brochures) -> tuple:
    import dataclasses

    project = copy_project(tmp_path / "project", with_content=True)
    settings = load_settings(project / "mkdocs.yml")
    settings = dataclasses.replace(settings, brochures=brochures)
    return settings, load_catalog(settings, BUILD_DATE)


def _messages(tmp_path: Path, brochures) -> list[str]:
    settings, catalog = _settings_with(tmp_path, brochures)
    with pytest.raises(ContentError) as caught:
        load_brochures(settings, catalog)
    return [str(problem) for problem in caught.value.problems]


def test_sample_selection_is_read(tmp_path):
    settings = load_settings(copy_project(tmp_path / "p", with_content=True) / "mkdocs.yml")
    brochures = load_brochures(settings, load_catalog(settings, BUILD_DATE))
    assert [b.name for b in brochures] == ["dau-tu"]
    assert brochures[0].keys[0] == "dau-tu/ca-phe-ho-tieu-sau-rieng"
    assert brochures[0].title("km", "vi").startswith("ការវិនិយោគ")


def test_unknown_slug_and_empty_list_are_explained(tmp_path):
    messages = _messages(
        tmp_path,
        [
            {"name": "dau-tu", "title": {"vi": "Đầu tư"}, "articles": ["khong-co-bai-nay"]},
            {"name": "du-lich", "title": {"vi": "Du lịch"}, "articles": []},
        ],
    )
    assert messages == [
        "mkdocs.yml: extra.gialai.brochures.dau-tu.articles: 'khong-co-bai-nay' is not the "
        "slug of a Vietnamese article; write the file name without .md, like "
        f"{messages[0].rsplit('like ', 1)[1]}",
        "mkdocs.yml: extra.gialai.brochures.du-lich.articles: list the slugs of the articles "
        "to print, in their order, like articles: [ca-phe-ho-tieu-sau-rieng, q-fair-2025].",
    ]
    assert messages[0].endswith(".")


def test_missing_title_bad_language_and_twice_listed(tmp_path):
    messages = _messages(
        tmp_path,
        [
            {
                "name": "dau-tu",
                "title": {"en": "Investing", "fr": "Investir"},
                "articles": ["q-fair-2025", "q-fair-2025"],
            }
        ],
    )
    assert set(messages) == set(
        [
            "mkdocs.yml: extra.gialai.brochures.dau-tu.articles: 'q-fair-2025' is listed twice.",
            "mkdocs.yml: extra.gialai.brochures.dau-tu.title: give the brochure a title in "
            "Tiếng Việt at least, like title: {vi: Đầu tư vào Gia Lai, en: Investing in Gia "
            "Lai}.",
            "mkdocs.yml: extra.gialai.brochures.dau-tu.title.fr: 'fr' is not a language of the "
            "site; use one of vi, en, km, lo, zh.",
        ]
    )


def test_no_brochure_configured_is_explained(tmp_path):
    settings, _catalog = _settings_with(tmp_path, [])
    site = Site.load(settings, BuildOptions(build_date=BUILD_DATE, cache_dir=tmp_path / "c"))
    with pytest.raises(ContentError) as caught:
        write_brochures(site, tmp_path / "out")
    assert (
        str(caught.value)
        .splitlines()[1]
        .startswith(
            "  mkdocs.yml: extra.gialai.brochures: no brochure is configured; add one, like"
        )
    )
    assert not (tmp_path / "out").exists()


# --- every value is text --------------------------------------------------------------------


def test_every_value_is_text_in_the_brochure(tmp_path):
    """Front matter, captions and the brochure's title print as written, never as markup."""
    import dataclasses

    from lxml import html

    from gialai.brochure import Document, plan_edition

    from .conftest import write_files
    from .test_escaping import (
        ALT,
        BODY,
        BYLINE,
        CAPTION,
        CREDIT,
        DATELINE,
        EVIL_HOST,
        HOSTILE,
        SUMMARY,
        TITLE,
        _front_matter,
        _jpeg,
    )

    project = copy_project(tmp_path / "project")
    source = _front_matter(
        {
            "title": TITLE,
            "summary": SUMMARY,
            "date": "2025-06-01",
            "category": "news",
            "byline": BYLINE,
            "dateline": DATELINE,
            "cover": {"image": "anh.jpg", "alt": ALT, "caption": CAPTION, "credit": CREDIT},
        }
    )
    write_files(
        project / "content",
        {"vi/tin-tuc/hoi-thao.md": source + BODY, "images/anh.jpg": _jpeg()},
    )
    settings = load_settings(project / "mkdocs.yml")
    brochure_title = f"Tập {HOSTILE}"
    settings = dataclasses.replace(
        settings,
        brochures=({"name": "thu", "title": {"vi": brochure_title}, "articles": ["hoi-thao"]},),
    )
    site = Site.load(settings, BuildOptions(build_date=BUILD_DATE, cache_dir=tmp_path / "c"))
    (brochure,) = load_brochures(settings, site.catalog)
    edition = plan_edition(site.catalog, brochure, "vi")
    edition.pages = {"tin-tuc/hoi-thao": 3}
    page = html.fromstring(Document(site, project).render(edition, BUILD_DATE, marks=False))
    assert page.xpath("//script") == []
    assert page.xpath("//meta[@http-equiv='refresh']") == []
    assert page.xpath("//*[@onerror]") == [] and page.xpath("//b") == []
    assert EVIL_HOST not in " ".join(page.xpath("//@href | //@src"))
    assert page.xpath("string(//h1[@class='cover__title'])") == brochure_title
    assert page.xpath("string(//h2[@class='article__title'])") == TITLE
    assert page.xpath("string(//p[@class='article__lead'])") == SUMMARY
    assert page.xpath("string(//span[@class='contents__title'])") == TITLE
    assert page.xpath("string(//span[@class='contents__page'])") == "3"
    (photo,) = page.xpath("//figure[@class='article__photo']")
    assert photo.xpath("string(.//img/@alt)") == ALT
    caption = photo.xpath("string(.//figcaption)")
    assert caption.startswith(CAPTION) and caption.endswith(f"Ảnh: {CREDIT}")
    meta = page.xpath("string(//p[@class='article__meta'])")
    assert BYLINE in meta and DATELINE in meta


def test_a_selection_that_is_not_a_list_is_explained(tmp_path):
    assert _messages(tmp_path, "dau-tu") == [
        "mkdocs.yml: extra.gialai.brochures: write a list of brochures, each with a name, a "
        "title and articles, like brochures: [{name: dau-tu, title: {vi: Đầu tư vào Gia Lai}, "
        "articles: [ca-phe-ho-tieu-sau-rieng, q-fair-2025]}]."
    ]
    assert _messages(tmp_path / "2", ["dau-tu"]) == [
        "mkdocs.yml: extra.gialai.brochures[1]: each brochure is a name, a title and a list of "
        "articles, like brochures: [{name: dau-tu, title: {vi: Đầu tư vào Gia Lai}, "
        "articles: [ca-phe-ho-tieu-sau-rieng, q-fair-2025]}]."
    ]


def test_command_lists_its_own_and_the_selection_s_mistakes_together(tmp_path, capsys):
    from gialai.cli import main

    project = copy_project(tmp_path / "project", with_content=True)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "          - q-fair-2025\n" in text
    config.write_text(text.replace("          - q-fair-2025\n", "          - q-fair\n"))
    code = main(["--config", str(config), "brochure", "--language", "xx", "--out", str(tmp_path)])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "Found 2 problems in the content:",
        "  gialai brochure: --language: 'xx' is not a language of the site; use one of vi, en, "
        "km, lo, zh.",
        "  mkdocs.yml: extra.gialai.brochures.dau-tu.articles: 'q-fair' is not the slug of a "
        "Vietnamese article; write the file name without .md, like ca-phe-ho-tieu-sau-rieng.",
    ]
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_document_asking_another_computer_gets_nothing_and_it_is_noted(tmp_path):
    from gialai.brochure import Printer

    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="vi"><body><p>Trang thử</p>'
        '<img src="http://192.0.2.1/anh.png" alt=""></body></html>',
        encoding="utf-8",
    )
    printer = Printer(CHROMIUM)

    def work() -> None:
        with printer.session() as browser:
            printer.print_pdf(browser, page, tmp_path / "page.pdf")

    in_own_thread(work)
    assert printer.blocked == ["http://192.0.2.1/anh.png"]
    assert "Trang thử" in _run(_tool("pdftotext"), str(tmp_path / "page.pdf"), "-")
