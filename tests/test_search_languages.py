"""Search in Lao, Chinese and Jrai on a scratch project built once: Lao and Chinese words
inside sentences, Jrai test text typed with plain letters, and each language's search seeing
only its own articles. (The public site does not publish Jrai; its text here is test text.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from lxml import html

from gialai.articles import revision_of

from .conftest import copy_project, run_build, serve, write_files
from .test_search import SEARCH_FILES, open_page, search

pytestmark = pytest.mark.browser
STAND_IN = re.compile(r"[\ua000-\ua4cf\u0335\u2060]")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# Jrai's own code: its folder, lang, hreflang and search index are jra; Babel has no Jrai
# data, so its dates follow its fallback (Vietnamese).
JRAI_CODE = "jra"
LANGUAGES = {
    "lo": (
        "ລາວ",
        {
            "tag": "lo",
            "script": "Laoo",
            "date_format": "d MMMM y",
            "og_locale": "lo_LA",
            "fallback": ["vi"],
            "search": {"text": "lao", "chunk_size": 500, "words": ["ຢາລາຍ", "ກບັງ"]},
        },
    ),
    "zh": (
        "中文",
        {
            "tag": "zh-Hans",
            "script": "Hans",
            "date_format": "y年M月d日",
            "og_locale": "zh_CN",
            "fallback": ["vi"],
            "search": {"text": "chinese", "chunk_size": 500},
        },
    ),
    JRAI_CODE: (
        "Jrai (test)",
        {
            "tag": "jra",
            "script": "Latn",
            "date_format": "d MMMM y",
            "fallback": ["vi"],
            "search": {"text": "latin"},
        },
    ),
}

# Vietnamese sources: key -> (title, summary, body).
SOURCES = {
    "du-lich/thac-50": (
        "Thác 50 ở Kbang",
        "Thác nước giữa rừng Kbang.",
        "Thác 50 nằm giữa rừng già huyện Kbang, tỉnh Gia Lai.",
    ),
    "dau-tu/ca-phe": (
        "Cà phê và hồ tiêu Gia Lai",
        "Cây trồng chủ lực của tỉnh.",
        "Gia Lai trồng nhiều cà phê, hồ tiêu và sầu riêng.",
    ),
    "tin-tuc/le-thanh": (
        "Cửa khẩu quốc tế Lệ Thanh",
        "Cửa khẩu với Campuchia.",
        "Cửa khẩu quốc tế Lệ Thanh nằm trên biên giới Việt Nam – Campuchia.",
    ),
    "du-lich/bien-ho": (
        "Biển Hồ",
        "Hồ nước gần Pleiku.",
        "Biển Hồ có nước trong quanh năm và nhiều loài cá.",
    ),
    "van-hoa/cong-chieng": (
        "Không gian văn hóa cồng chiêng",
        "Di sản của Tây Nguyên.",
        "Năm 2005, UNESCO công nhận không gian văn hóa cồng chiêng Tây Nguyên.",
    ),
    "tin-tuc/bai-thu-a": ("Bài thử A", "Bài thử.", "Văn bản thử, không phải tiếng Jrai."),
    "tin-tuc/bai-thu-b": ("Bài thử B", "Bài thử.", "Văn bản thử, không phải tiếng Jrai."),
}

# Translations: language -> key -> (title, summary, body). The Lao and Chinese sentences
# are short statements of fact about the province; the Jrai text is test text only.
TRANSLATIONS = {
    "en": {
        "du-lich/thac-50": (
            "The 50 Waterfall in Kbang",
            "A waterfall in the Kbang forest.",
            "The 50 Waterfall lies in the old forest of Kbang district, Gia Lai province.",
        ),
    },
    "lo": {
        "du-lich/thac-50": (
            "ນ້ຳຕົກ 50 ຢູ່ເມືອງກບັງ",
            "ນ້ຳຕົກທີ່ສວຍງາມຂອງແຂວງຢາລາຍ.",
            "ນ້ຳຕົກ 50 ຕັ້ງຢູ່ໃນປ່າທຶບຂອງເມືອງກບັງ ແຂວງຢາລາຍ. ນັກທ່ອງທ່ຽວມັກມາຢ້ຽມຢາມໃນລະດູຝົນ.",
        ),
        "dau-tu/ca-phe": (
            "ກາເຟ ແລະ ພິກໄທຂອງແຂວງຢາລາຍ",
            "ພືດເສດຖະກິດຂອງແຂວງ.",
            "ແຂວງຢາລາຍປູກກາເຟ ແລະ ພິກໄທຫຼາຍ. ຊາວກະສິກອນຍັງປູກທຸລຽນຢູ່ຫຼາຍເມືອງ.",
        ),
        "tin-tuc/le-thanh": (
            "ດ່ານຊາຍແດນສາກົນເລແທງ",
            "ດ່ານຊາຍແດນກັບກຳປູເຈຍ.",
            "ດ່ານຊາຍແດນສາກົນເລແທງຕັ້ງຢູ່ຊາຍແດນລະຫວ່າງຫວຽດນາມ ແລະ ກຳປູເຈຍ. ປະຊາຊົນສອງຝ່າຍໄປມາຫາສູ່ກັນເປັນປະຈຳ.",
        ),
        "du-lich/bien-ho": (
            "ທະເລສາບບຽນໂຮ້",
            "ທະເລສາບໃກ້ຕົວເມືອງ.",
            "ທະເລສາບບຽນໂຮ້ມີນ້ຳໃສຕະຫຼອດປີ. ໃນທະເລສາບມີປາຫຼາຍຊະນິດ.",
        ),
    },
    "zh": {
        "du-lich/thac-50": (
            "Kbang县的五十瀑布",
            "嘉莱省著名的瀑布。",
            "五十瀑布位于Kbang县，四周是茂密的森林。雨季时瀑布最为壮观。",
        ),
        "dau-tu/ca-phe": (
            "嘉莱省的咖啡与胡椒",
            "本省的主要经济作物。",
            "嘉莱省是越南重要的咖啡产区。当地农民还种植胡椒和榴莲。",
        ),
        "tin-tuc/le-thanh": (
            "Lệ Thanh国际口岸",
            "越南与柬埔寨之间的口岸。",
            "Lệ Thanh国际口岸位于越南和柬埔寨的边境上。两国居民经常在这里往来。",
        ),
        "van-hoa/cong-chieng": (
            "西原锣钲文化",
            "西原地区的传统音乐。",
            "西原锣钲文化空间于2005年被联合国教科文组织列为人类非物质文化遗产。",
        ),
    },
    JRAI_CODE: {
        "tin-tuc/bai-thu-a": (
            "Test text A: ƀuôn đak",
            "Test text, not Jrai.",
            "Test text, not Jrai: Ƀuôn đak ơ̆ng dŏng.",
        ),
        "tin-tuc/bai-thu-b": (
            "Test text B: buôn lơ̆ng",
            "Test text, not Jrai.",
            "Test text, not Jrai: buôn lơ̆ng ĭa ư̆ê̆.",
        ),
    },
}
CATEGORIES = {"tin-tuc": "news", "van-hoa": "culture", "du-lich": "tourism", "dau-tu": "investment"}


def add_language(project: Path, code: str, name: str, block: dict) -> None:
    """A language in a scratch copy with this language block: the i18n entry, its locales
    file and the theme's text when the project lacks the language, else its own files with
    the block replaced."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    locales = project / f"locales/{code}.yml"
    if f"- locale: {code}\n" in text:
        strings = yaml.safe_load(locales.read_text(encoding="utf-8"))
        strings["language"] = block
        locales.write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")
        return
    entry = f"        - locale: {code}\n          name: {name}\n          build: true\n"
    config.write_text(text.replace("\nhooks:", f"{entry}\nhooks:", 1), encoding="utf-8")
    # The interface text in English is enough here: these tests read search results.
    strings = yaml.safe_load((project / "locales/en.yml").read_text(encoding="utf-8"))
    strings["language"] = block
    locales.write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")
    import material

    themes = Path(material.__file__).parent / "templates/partials/languages"
    if not (themes / f"{code}.html").exists():
        english = (themes / "en.html").read_text(encoding="utf-8")
        (project / f"overrides/partials/languages/{code}.html").write_text(
            english.replace('"language": "en"', f'"language": "{code}"'), encoding="utf-8"
        )


def _article(title: str, summary: str, body: str, extra: str = "") -> str:
    return f'---\ntitle: "{title}"\nsummary: "{summary}"\n{extra}---\n\n{body}\n'


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory: pytest.TempPathFactory):
    """The scratch project with vi, en, km, lo, zh and Jrai (test text), built once."""
    project = copy_project(tmp_path_factory.mktemp("languages") / "project")
    for code, (name, block) in LANGUAGES.items():
        add_language(project, code, name, block)
    files = {}
    for number, (key, (title, summary, body)) in enumerate(sorted(SOURCES.items()), 1):
        meta = f"date: 2026-06-{number:02d}\ncategory: {CATEGORIES[key.split('/')[0]]}\n"
        meta += "byline: BBT\n"
        files[f"vi/{key}.md"] = _article(title, summary, body, meta)
    for lang, articles in TRANSLATIONS.items():
        for key, (title, summary, body) in articles.items():
            revision = revision_of(*SOURCES[key])
            files[f"{lang}/{key}.md"] = _article(
                title, summary, body, f"source_revision: {revision}\n"
            )
    write_files(project / "content", files)
    built = run_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    base, server = serve(project / "site")
    yield base, project / "site"
    server.shutdown()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("ທຸລຽນ", "ກາເຟ ແລະ ພິກໄທຂອງແຂວງຢາລາຍ"),  # durian, inside a sentence
        ("ນ້ຳຕົກ", "ນ້ຳຕົກ 50 ຢູ່ເມືອງກບັງ"),  # waterfall, two words typed as one run
        ("ກຳປູເຈຍ", "ດ່ານຊາຍແດນສາກົນເລແທງ"),  # Cambodia
        ("ນໍ້າໃສ", "ທະເລສາບບຽນໂຮ້"),  # clear water, in the other spelling of ນ້ຳ
        ("ເມືອງກບັງ", "ນ້ຳຕົກ 50 ຢູ່ເມືອງກບັງ"),  # Kbang district: a name kept whole
    ],
)
def test_lao_words_are_found_inside_sentences(languages_site, local_page, query, first):
    base, _ = languages_site
    page = open_page(local_page, base, "lo/")
    # Nothing for search is fetched before the reader types.
    assert not [url for url in page.guard.requests if any(f in url for f in SEARCH_FILES)]
    result = search(page, query)
    assert result["titles"] and result["titles"][0] == first, result
    assert all("/lo/" in url for url in result["urls"]), result["urls"]
    assert any("/lo/search-vocab/" in url for url in page.guard.requests)
    for text in result["titles"] + result["excerpts"]:
        assert not STAND_IN.search(text), text
    assert page.console_errors == []


def test_lao_tone_marks_are_not_folded_away(languages_site, local_page):
    """ປາ (fish) and ປ່າ (forest) differ by a tone mark only."""
    base, _ = languages_site
    found = {
        query: search(open_page(local_page, base, "lo/"), query) for query in ("ປາ", "ປ່າ", "ທຸລຽນ")
    }
    assert found["ປາ"]["titles"] == ["ທະເລສາບບຽນໂຮ້"]
    assert found["ປ່າ"]["titles"] == ["ນ້ຳຕົກ 50 ຢູ່ເມືອງກບັງ"]
    # The excerpt shows the sentence as written: no spaces between its words.
    excerpt = found["ທຸລຽນ"]["excerpts"][0]
    assert "ປູກ<mark>ທຸ</mark><mark>ລຽນ</mark>" in excerpt.replace(" ", ""), excerpt
    assert "ຊາວກະສິກອນຍັງປູກ" in excerpt, excerpt


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("榴莲", "嘉莱省的咖啡与胡椒"),  # durian
        ("森林", "Kbang县的五十瀑布"),  # forest
        ("边境", "Lệ Thanh国际口岸"),  # border
        # Pagefind's own split (jieba) and the browser's (ICU) differ here.
        ("教科文组织", "西原锣钲文化"),
    ],
)
def test_chinese_words_are_found_inside_sentences(languages_site, local_page, query, first):
    base, _ = languages_site
    page = open_page(local_page, base, "zh/")
    result = search(page, query)
    assert result["titles"] and result["titles"][0] == first, result
    assert all("/zh/" in url for url in result["urls"]), result["urls"]
    assert not any("search-vocab" in url for url in page.guard.requests)
    written = " ".join(" ".join(article[1:]) for article in TRANSLATIONS["zh"].values())
    for excerpt in result["excerpts"]:
        assert "<mark>" in excerpt
        # The sentences as written: no spaces were added between their words.
        shown = html.fromstring(f"<div>{excerpt}</div>").text_content().replace("…", "")
        assert not STAND_IN.search(shown)
        for piece in shown.split(" "):
            assert piece in written, piece
    assert page.console_errors == []


def test_chromium_splits_chinese_as_the_build_does(languages_site, local_page):
    """Pagefind splits a Chinese query with Intl.Segmenter: it must agree with the build."""
    from gialai.segmenting import CHINESE, WordSegmenter

    base, _ = languages_site
    texts = [part for article in TRANSLATIONS["zh"].values() for part in article]
    segmenter = WordSegmenter(CHINESE)
    built = [
        [word for word in segmenter.encode(text).split() if HAN.search(word)] for text in texts
    ]
    page = open_page(local_page, base, "zh/")
    browser = page.evaluate(
        """(texts) => texts.map((text) =>
             [...new Intl.Segmenter("zh-Hans", {granularity: "word"}).segment(text)]
               .filter((s) => /\\p{Script=Han}/u.test(s.segment)).map((s) => s.segment))""",
        texts,
    )
    assert browser == built


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("buon dak", ["Test text A: ƀuôn đak"]),
        ("long", ["Test text B: buôn lơ̆ng"]),
        ("ue", ["Test text B: buôn lơ̆ng"]),
        ("Ƀuôn", ["Test text A: ƀuôn đak", "Test text B: buôn lơ̆ng"]),
    ],
)
def test_jrai_letters_are_found_with_plain_letters(languages_site, local_page, query, titles):
    base, _ = languages_site
    page = open_page(local_page, base, f"{JRAI_CODE}/")
    result = search(page, query)
    assert sorted(result["titles"]) == titles, result
    assert result["titles"][0] == titles[0]
    for text in result["titles"] + result["excerpts"]:
        assert not STAND_IN.search(text), text
    if query == "buon dak":
        assert "<mark>Ƀuôn</mark> <mark>đak</mark>" in result["excerpts"][0]


def test_each_new_language_searches_only_its_own_articles(languages_site, local_page):
    base, site = languages_site
    # "Kbang" is written in the English, Chinese, Lao (ກບັງ) and Vietnamese articles.
    page = open_page(local_page, base, "en/")
    result = search(page, "Kbang")
    assert result["titles"] == ["The 50 Waterfall in Kbang"]
    page = open_page(local_page, base, "zh/")
    urls = search(page, "Kbang")["urls"]
    assert len(urls) == 1 and "/zh/" in urls[0], urls
    # Each language has its own bundle, indexed under its tag (Chinese under none, so that
    # Pagefind does not split it again).
    for prefix, tag in (("lo/", "lo"), ("zh/", "und"), (f"{JRAI_CODE}/", "jra")):
        entry = json.loads((site / prefix / "pagefind/pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [tag]
    assert not (site / "zh/search-vocab").exists()
    assert not (site / f"{JRAI_CODE}/search-vocab").exists()


def test_the_browser_spells_lao_and_latin_as_the_index_does(languages_site, local_page):
    from gialai.search import decode_latin, encode_latin, fold_latin_query
    from gialai.segmenting import LAO, WordSegmenter, decode_words, normalize_lao

    base, _ = languages_site
    lao = ["ນໍ້າ ນ້ຳ ນໍາ ຫນອງ ໜອງ ຫມາກ ໝາກ", "ເມືອງ ທີ່ ປ່າ ປ້າ ປາ ໂຮ້ ໃສ ໄຟ", "ຄ໌ ຼ ຽ ໍ ົ ັ ໊ ໋"]
    encoded = [WordSegmenter(LAO).encode(text) for text in lao]
    latin = ["Ƀuôn đak ơ̆ng", "ĭa ư̆ê̆ ô̆ ŏ ŭ ĕ ă", "Đắk Lắk ñu Øre łan", "plain text"]
    page = open_page(local_page, base, "lo/")
    spelled = page.evaluate(
        """async ({url, lao, encoded, latin, latinEncoded}) => {
             const m = await import(url);
             return {
               lao: lao.map((t) => m.wordsQuery("lao", t)),
               shown: encoded.map((t) => m.wordsText("lao", t)),
               latin: latin.map((t) => m.latinQuery(t).normalize("NFD")
                 .replace(/\\p{M}/gu, "").toLowerCase()),
               back: latinEncoded.map((t) => m.latinShow(t)),
             };
           }""",
        {
            "url": f"{base}/assets/javascripts/search.js",
            "lao": lao,
            "encoded": encoded,
            "latin": latin,
            "latinEncoded": [encode_latin(text) for text in latin],
        },
    )
    assert spelled["lao"] == [normalize_lao(text).translate(LAO.hide) for text in lao]
    assert spelled["shown"] == [decode_words(text, LAO) for text in encoded]
    assert spelled["latin"] == [fold_latin_query(text) for text in latin]
    assert spelled["back"] == [decode_latin(encode_latin(text)) for text in latin]


@pytest.mark.parametrize(
    ("prefix", "query", "title"),
    [
        ("lo/", "ທຸລຽນ", "ກາເຟ, ພິກໄທ, ທຸລຽນ"),  # durian
        ("lo/", "ເປຼີຍກູ", ""),  # Pleiku: a name kept whole (search.words)
        ("zh/", "榴莲", "咖啡、胡椒、榴莲"),  # durian
        ("zh/", "锣钲", "西原"),  # gongs
    ],
)
def test_the_sites_own_lao_and_chinese_articles_are_found(
    sample_server, local_page, prefix, query, title
):
    page = open_page(local_page, sample_server, prefix)
    result = search(page, query)
    assert result["titles"] and result["titles"][0].startswith(title), result
    assert all(f"/{prefix}" in url for url in result["urls"]), result["urls"]
    for text in result["titles"] + result["excerpts"]:
        assert not STAND_IN.search(text), text
    assert page.console_errors == []
