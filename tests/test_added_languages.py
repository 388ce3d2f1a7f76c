"""Languages added by configuration alone, as docs/languages.md tells an officer to.

Each test module build is a scratch copy of the project that gains one language through
files only (an entry in mkdocs.yml, locales/<code>.yml, content/<code>/), built strict:

- Jrai (jra): a three-letter code, no Babel data, no Material interface text, and a
  locales file with a few keys, the rest falling back to Vietnamese. Nobody here writes
  Jrai: every "Jrai" text below is TEST TEXT, marked as such, and the public site has no
  Jrai.
- Thai (th): a language Material has interface text for, with category names and a few
  interface texts of its own (test text, marked as such).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree, html

from gialai.cli import main
from gialai.settings import load_settings

from .conftest import copy_project, run_build, write_files

SITE = "https://doingoai.gialai.gov.vn/"
# The languages the project has, before a test adds one.
SITE_LANGUAGES = load_settings(Path(__file__).parents[1] / "mkdocs.yml").languages
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ATOM = {"a": "http://www.w3.org/2005/Atom"}

VIETNAMESE = {
    "content/vi/index.md": (
        "---\ntitle: Gia Lai – Thông tin đối ngoại\ntemplate: home.html\n"
        "summary: Trang thông tin đối ngoại của tỉnh Gia Lai.\n---\n"
        "Chào mừng bạn đến với trang thông tin đối ngoại của tỉnh Gia Lai.\n"
    ),
    "content/vi/du-lich/thac-50.md": (
        "---\ntitle: Thác 50 ở Kbang\nsummary: Dòng thác giữa đại ngàn Kbang.\n"
        "date: 2025-06-14\ncategory: tourism\nbyline: Lê Minh Khoa\nstatus: published\n---\n"
        "Thác 50 nằm giữa rừng già Kbang.\n"
    ),
    "content/vi/du-lich/bien-ho.md": (
        "---\ntitle: Biển Hồ mùa nước lên\nsummary: Hồ nước trên đỉnh núi lửa cũ.\n"
        "date: 2025-07-02\ncategory: tourism\nbyline: Lê Minh Khoa\nstatus: published\n---\n"
        "Biển Hồ ở phía bắc Pleiku.\n"
    ),
}


def add_language(project: Path, entry: str) -> None:
    """Append an entry to the i18n plugin's languages: in the scratch copy's mkdocs.yml."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "languages:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    lines[end:end] = entry.rstrip("\n").split("\n")
    config.write_text("\n".join(lines), encoding="utf-8")


def name_categories(project: Path, code: str, names: dict[str, str]) -> None:
    """Give each category (by folder) a name in a language, in the scratch mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for folder, name in names.items():
        text, count = re.subn(
            rf"(folder: {folder}\n\s+names: \{{[^}}]*)\}}", rf"\1, {code}: {name}}}", text
        )
        assert count == 1, folder
    config.write_text(text, encoding="utf-8")


def translate(project: Path, slug: str, code: str, title: str, summary: str, body: str) -> None:
    """Start a translation with gialai translate, as a translator does, then write it."""
    assert main(["--config", str(project / "mkdocs.yml"), "translate", slug, "--to", code]) == 0
    path = next((project / "content" / code).rglob(f"{slug}.md"))
    text = path.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    front = re.sub(r"^title: .*$", f'title: "{title}"', front, flags=re.MULTILINE)
    front = re.sub(r"^summary: .*$", f'summary: "{summary}"', front, flags=re.MULTILINE)
    front = front.replace("status: draft", "status: published")
    path.write_text(f"{front}\n---\n{body}\n", encoding="utf-8")


def build(project: Path) -> Path:
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output and "ERROR" not in output, output
    return project / "site"


def page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def alternates(doc: html.HtmlElement) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in doc.xpath("//link[@hreflang]")}


def menu(doc: html.HtmlElement) -> list[tuple[str, str, str | None]]:
    """(lang, name, hreflang) of each entry of the header's language menu."""
    return [
        (a.get("lang"), a.text_content(), a.get("hreflang"))
        for a in doc.xpath("//header//a[contains(@class, 'md-select__link')]")
    ]


def sitemap_alternates(site: Path, path: str) -> set[str]:
    tree = etree.parse(str(site / "sitemap.xml"))
    (url,) = tree.xpath(f"//s:url[s:loc='{SITE}{path}']", namespaces=SITEMAP)
    return {link.get("hreflang") for link in url.xpath("x:link", namespaces=SITEMAP)}


# --- Jrai: three letters, no Babel data, no theme text, a few keys -------------------------

JRAI_ENTRY = """\
        # TEST: Jrai, for tests/test_added_languages.py only.
        - locale: jra
          name: Jrai (TEST)
          build: true
"""
JRAI_STRINGS = """\
# TEST TEXT, not Jrai: nobody here writes Jrai. tests/test_added_languages.py adds Jrai to a
# scratch copy of the project with this file to check that a language with a three-letter
# code builds with only a few texts of its own.
language:
  tag: jra
  script: Latn
  digits: latn
  fallback: [vi]           # every text not below is shown in Vietnamese
  search:
    text: latin            # marks and the letters ƀ, đ folded: plain letters find words
home: "TEST TEXT home"
latest: "TEST TEXT latest"
read_more: "TEST TEXT read more"
"""
JRAI_HOME = (
    "---\ntitle: TEST TEXT home page\ntemplate: home.html\n"
    "summary: TEST TEXT, not Jrai.\n---\nTEST TEXT, not Jrai.\n"
)


@pytest.fixture(scope="module")
def jrai_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("jrai") / "project")
    add_language(project, JRAI_ENTRY)
    write_files(project, {**VIETNAMESE, "locales/jra.yml": JRAI_STRINGS})
    write_files(project, {"content/jra/index.md": JRAI_HOME})
    translate(
        project, "thac-50", "jra", "TEST TEXT Thac 50", "TEST TEXT summary", "TEST TEXT body."
    )
    return project


@pytest.fixture(scope="module")
def jrai_site(jrai_project: Path) -> Path:
    return build(jrai_project)


def test_jrai_pages_say_jra(jrai_site):
    for path in ("jra", "jra/du-lich/thac-50", "jra/du-lich", "jra/luu-tru"):
        assert page(jrai_site, path).get("lang") == "jra", path
    not_found = html.fromstring((jrai_site / "jra/404.html").read_bytes())
    assert not_found.get("lang") == "jra"


def test_jrai_is_an_alternate_where_it_is_written(jrai_site):
    expected = {
        "vi": f"{SITE}du-lich/thac-50/",
        "jra": f"{SITE}jra/du-lich/thac-50/",
        "x-default": f"{SITE}du-lich/thac-50/",
    }
    assert alternates(page(jrai_site, "du-lich/thac-50")) == expected
    assert alternates(page(jrai_site, "jra/du-lich/thac-50")) == expected
    assert alternates(page(jrai_site, "jra"))["jra"] == f"{SITE}jra/"
    # Not translated: the Jrai address shows the Vietnamese and claims no Jrai.
    assert "jra" not in alternates(page(jrai_site, "du-lich/bien-ho"))
    assert sitemap_alternates(jrai_site, "jra/du-lich/thac-50/") == {"vi", "jra", "x-default"}
    locations = etree.parse(str(jrai_site / "sitemap.xml")).xpath(
        "//s:loc/text()", namespaces=SITEMAP
    )
    assert f"{SITE}jra/du-lich/thac-50/" in locations
    assert f"{SITE}jra/du-lich/bien-ho/" not in locations


def test_missing_jrai_texts_are_vietnamese_and_marked(jrai_site):
    doc = page(jrai_site, "jra/du-lich/thac-50")
    # Its own text, unmarked inside the Jrai page.
    (home_tab,) = doc.xpath("//nav[contains(@class, 'md-tabs')]//a[@href='../../']")
    assert home_tab.text_content().strip() == "TEST TEXT home"
    # Borrowed texts: Vietnamese, marked as such.
    meta = doc.find_class("gl-article__meta")[0]
    assert meta.get("lang") == "jra"
    assert [(span.get("lang"), span.text) for span in meta.xpath(".//span[@lang]")] == [
        ("vi", "Bài: Lê Minh Khoa"),
        ("vi", "14 tháng 6 2025"),
        ("vi", "1 phút đọc"),
    ]
    footer = [(a.xpath("string(span/@lang)"), a.text_content()) for a in doc.xpath("//footer//a")]
    assert ("vi", "Lưu trữ") in footer
    # Material's labels come from its Vietnamese file (it has none for Jrai), marked too.
    (label,) = doc.xpath("//button[contains(@class, 'gl-lang__button')]/span[@lang='vi']")
    assert label.text_content() == "– Chọn ngôn ngữ"


def test_an_untranslated_article_keeps_the_jrai_frame(jrai_site):
    doc = page(jrai_site, "jra/du-lich/bien-ho")
    assert doc.get("lang") == "vi"
    notice = doc.find_class("gl-notice--fallback")[0]
    assert notice.get("lang") == "jra"
    assert [(span.get("lang"), span.text) for span in notice.xpath(".//span")] == [
        ("vi", "Bài viết này chưa có bản dịch"),
        ("vi", "Dưới đây là bản gốc tiếng Việt."),
        ("vi", "Bài viết này hiện có bằng các ngôn ngữ:"),
    ]
    assert doc.xpath("//header/@lang") == ["jra"]


def test_the_language_menu_offers_jrai(jrai_site):
    # The site's languages, in their order; only Vietnamese and Jrai have the article.
    expected = [
        (language.lang, language.name, "vi" if language.default else None)
        for language in SITE_LANGUAGES
    ]
    assert menu(page(jrai_site, "du-lich/thac-50")) == [*expected, ("jra", "Jrai (TEST)", "jra")]
    doc = page(jrai_site, "jra/du-lich/thac-50")
    (current,) = doc.xpath("//header//a[@aria-current='true']")
    assert (current.get("lang"), current.get("href")) == ("jra", "./")


def test_the_jrai_feed_lists_its_translation(jrai_site):
    feed = etree.parse(str(jrai_site / "jra/feed.xml")).getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "jra"
    entries = feed.xpath("a:entry/a:link/@href", namespaces=ATOM)
    assert entries == [f"{SITE}jra/du-lich/thac-50/"]


def test_status_lists_the_missing_jrai_texts(jrai_project, capsys):
    assert main(["--config", str(jrai_project / "mkdocs.yml"), "status", "--lang", "jra"]) == 0
    out = capsys.readouterr().out.split("\n")
    assert out[:4] == [
        "Jrai (TEST) (jra): 1 up-to-date, 0 outdated, 0 in-progress, 1 missing, 0 orphaned",
        "  ! missing      du-lich/bien-ho  gialai translate bien-ho --to jra",
        "    up-to-date   du-lich/thac-50",
        "  ! interface text: 76 of 79 texts missing in locales/jra.yml, shown in Tiếng Việt (vi):",
    ]
    listed = " ".join(out[4:]).replace(",", " ").split()
    vietnamese = (jrai_project / "locales/vi.yml").read_text(encoding="utf-8")
    keys = re.findall(r"^(\w+):", vietnamese, re.MULTILINE)
    assert listed == [k for k in keys if k not in ("language", "home", "latest", "read_more")]


def test_status_json_carries_the_missing_texts(jrai_project, capsys):
    assert main(["--config", str(jrai_project / "mkdocs.yml"), "status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    text = report["jra"]["interface_text"]
    assert (text["file"], text["keys"], len(text["missing"])) == ("locales/jra.yml", 79, 76)
    assert {"key": "archive", "shown_from": "vi"} in text["missing"]
    assert report["km"]["interface_text"]["missing"] == []


# --- Thai: a language Material knows, with names and a few texts of its own ----------------

THAI_ENTRY = """\
        - locale: th
          name: ไทย
          build: true
"""
# Test text in Thai ("home", "latest news", "read more"); the rest falls back to Vietnamese.
THAI_STRINGS = """\
language:
  tag: th
  script: Thai
  digits: latn
  og_locale: th_TH
  fallback: [vi]
  search:
    text: plain
home: หน้าแรก
latest: ข่าวล่าสุด
read_more: อ่านต่อ
"""
THAI_CATEGORIES = {
    "tin-tuc": "ข่าว",
    "van-hoa": "วัฒนธรรม",
    "du-lich": "การท่องเที่ยว",
    "dau-tu": "การลงทุน",
}
# "Home page (test)", "test page", "test text".
THAI_HOME = "---\ntitle: หน้าแรก (ทดสอบ)\ntemplate: home.html\nsummary: หน้าทดสอบ\n---\nข้อความทดสอบ\n"


@pytest.fixture(scope="module")
def thai_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("thai") / "project")
    add_language(project, THAI_ENTRY)
    name_categories(project, "th", THAI_CATEGORIES)
    write_files(project, {**VIETNAMESE, "locales/th.yml": THAI_STRINGS})
    write_files(project, {"content/th/index.md": THAI_HOME})
    # "Waterfall 50 (test)", "test article", "test text".
    translate(project, "thac-50", "th", "น้ำตก 50 (ทดสอบ)", "บทความทดสอบ", "ข้อความทดสอบ")
    site = build(project)
    # Nothing but files was added: no template, style or script of the copy changed.
    for folder in ("hooks", "overrides"):
        assert not _differences(Path(__file__).parents[1] / folder, project / folder), folder
    return site


def _differences(original: Path, copy: Path) -> list[str]:
    names = {p.relative_to(original) for p in original.rglob("*") if p.is_file()}
    names |= {p.relative_to(copy) for p in copy.rglob("*") if p.is_file()}
    return sorted(
        str(name)
        for name in names
        if "__pycache__" not in name.parts
        and (
            not (original / name).is_file()
            or not (copy / name).is_file()
            or (original / name).read_bytes() != (copy / name).read_bytes()
        )
    )


def test_thai_pages_are_thai(thai_site):
    home = page(thai_site, "th")
    assert home.get("lang") == "th"
    assert home.xpath("string(//h1)").strip() == "หน้าแรก (ทดสอบ)"
    article = page(thai_site, "th/du-lich/thac-50")
    assert article.get("lang") == "th"
    assert alternates(article) == {
        "vi": f"{SITE}du-lich/thac-50/",
        "th": f"{SITE}th/du-lich/thac-50/",
        "x-default": f"{SITE}du-lich/thac-50/",
    }
    assert sitemap_alternates(thai_site, "th/du-lich/thac-50/") == {"vi", "th", "x-default"}
    assert ("th", "ไทย", "th") in menu(page(thai_site, "du-lich/thac-50"))


def test_thai_texts_dates_and_names(thai_site):
    doc = page(thai_site, "th/du-lich/thac-50")
    tabs = [a.text_content().strip() for a in doc.xpath("//nav[contains(@class, 'md-tabs')]//a")]
    assert tabs[:5] == ["หน้าแรก", "ข่าว", "วัฒนธรรม", "การท่องเที่ยว", "การลงทุน"]
    # Babel has Thai month names; Material has Thai labels, so nothing is marked.
    assert doc.xpath("string(//time)") == "14 มิถุนายน 2025"
    assert not doc.xpath("//time//span[@lang]")
    (label,) = doc.xpath("//button[contains(@class, 'gl-lang__button')]/span[last()]")
    assert (label.get("lang"), label.text_content()) == (None, "– เลือกภาษา")
    # A text the Thai file leaves out is Vietnamese, marked.
    meta = doc.find_class("gl-article__meta")[0]
    assert meta.xpath(".//span[@class='gl-article__readtime']/span/@lang") == ["vi"]
    feed = etree.parse(str(thai_site / "th/feed.xml")).getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "th"
    # The language has its own search index.
    assert (thai_site / "th/pagefind/pagefind.js").is_file()


# --- A step left out: what docs/languages.md quotes, as gialai check prints it --------------


def _without_entry(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(THAI_ENTRY, ""), "utf-8")


def _name_as_locale(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- locale: th\n", "- locale: Thai\n"), encoding="utf-8")


@pytest.mark.parametrize(
    ("undo", "message"),
    [
        (
            _name_as_locale,
            "Config value 'plugins': Plugin 'gialai-i18n' option 'languages': Sub-option "
            "'locale': 'Thai' is not a language code; write the ISO 639 code in lower case, "
            "two or three letters, then a script or region if needed, like locale: jra, "
            "locale: km or locale: zh-Hans.\n",
        ),
        (
            _without_entry,
            "Found 1 problem in the content:\n"
            "  content/th/index.md: 'th' is not a language of the site; languages are "
            f"{', '.join(sorted(language.code for language in SITE_LANGUAGES))} "
            "(see plugins: gialai-i18n: languages: in mkdocs.yml).\n",
        ),
        (
            lambda project: (project / "locales/th.yml").unlink(),
            "Found 1 problem in the content:\n"
            "  locales/th.yml: missing; copy locales/vi.yml to it and translate every line.\n",
        ),
        (
            lambda project: (project / "locales/th.yml").write_text("home: หน้าแรก\n", "utf-8"),
            "Found 1 problem in the content:\n"
            "  locales/th.yml: language: missing; copy the language: block of the default "
            "language's file and change what differs, like tag: km, script: Khmr, "
            "digits: khmr.\n",
        ),
    ],
)
def test_a_step_left_out_is_named(tmp_path, undo, message):
    project = copy_project(tmp_path / "project")
    add_language(project, THAI_ENTRY)
    write_files(project, {"locales/th.yml": THAI_STRINGS, "content/th/index.md": THAI_HOME})
    undo(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "gialai.cli", "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout + result.stderr) == (1, message)


# --- Seven languages on the kiosks' start screens ------------------------------------------

KIOSKS = {
    # Lệ Thanh, opposite Cambodia: Khmer first (mkdocs.kiosk.yml); Pleiku airport:
    # Vietnamese and English first (mkdocs.kiosk-pleiku.yml). The rest in mkdocs.yml's order.
    "mkdocs.kiosk.yml": ["km", "vi", "en", "lo", "zh", "jra", "th"],
    "mkdocs.kiosk-pleiku.yml": ["vi", "en", "km", "lo", "zh", "jra", "th"],
}


@pytest.fixture(scope="module")
def seven_kiosks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A scratch copy with Jrai and Thai added to the project's five languages, built as
    both kiosk editions."""
    project = copy_project(tmp_path_factory.mktemp("seven") / "project")
    add_language(project, JRAI_ENTRY)
    add_language(project, THAI_ENTRY)
    name_categories(project, "th", THAI_CATEGORIES)
    write_files(
        project,
        {
            **VIETNAMESE,
            "locales/jra.yml": JRAI_STRINGS,
            "locales/th.yml": THAI_STRINGS,
            "content/jra/index.md": JRAI_HOME,
            "content/th/index.md": THAI_HOME,
        },
    )
    sites = {}
    for config in KIOSKS:
        site = project / f"site-{Path(config).stem}"
        result = run_build(project, site_dir=site, config=config)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[config] = site
    return sites


@pytest.mark.browser
@pytest.mark.parametrize("config", list(KIOSKS))
def test_seven_languages_fit_the_kiosk_start_screen(seven_kiosks, local_page, screenshot, config):
    from .conftest import serve

    names = {language.code: language.name for language in SITE_LANGUAGES}
    names |= {"jra": "Jrai (TEST)", "th": "ไทย"}
    url, server = serve(seven_kiosks[config])
    try:
        page = local_page(url, 1080, 1920, has_touch=True)
        assert page.goto(f"{url}/start/", wait_until="networkidle").status == 200
        tags = {language.code: language.lang for language in SITE_LANGUAGES}
        tags |= {"jra": "jra", "th": "th"}
        choices = page.locator(".gl-start__choice")
        hreflangs = [choice.get_attribute("hreflang") for choice in choices.all()]
        assert hreflangs == [tags[code] for code in KIOSKS[config]]
        # Each language named in its own script and marked with its language; no flags.
        shown = page.locator(".gl-start__name")
        assert shown.all_text_contents() == [names[code] for code in KIOSKS[config]]
        assert [n.get_attribute("lang") for n in shown.all()] == [
            tags[code] for code in KIOSKS[config]
        ]
        assert page.locator("img").count() == 1  # the logo; no flags
        # The question in every language, each text once: Jrai and Thai, without their own,
        # fall back to the Vietnamese already there.
        questions = page.locator(".gl-start__choose [lang]")
        texts = questions.all_text_contents()
        assert len(texts) == len(set(texts)) == len(SITE_LANGUAGES)
        # All seven on one screen, each a target a finger hits (48 × 48 CSS pixels at least).
        boxes = [choice.bounding_box() for choice in choices.all()]
        assert all(box["width"] >= 48 and box["height"] >= 48 for box in boxes)
        assert max(box["y"] + box["height"] for box in boxes) <= 1920
        assert page.evaluate("document.documentElement.scrollHeight") <= 1920
        assert page.guard.blocked == [] and page.console_errors == []
        screenshot(page, f"kiosk-start-seven-{Path(config).stem}")
        page.click(".gl-start__choice[hreflang='jra']")
        page.wait_for_url(f"{url}/jra/")
        assert page.evaluate("document.documentElement.lang") == "jra"
    finally:
        server.shutdown()
