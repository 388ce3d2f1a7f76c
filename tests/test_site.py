"""The sample site as built: languages, alternates, fallbacks, no other hosts, 404 pages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree, html

SITE_HOST = "doingoai.gialai.gov.vn"
TRANSLATED_EVERYWHERE = "du-lich/thac-50-o-kbang"
NOT_IN_KHMER = "dau-tu/q-fair-2025"
PREFIX = {"vi": "", "en": "en/", "km": "km/", "lo": "lo/", "zh": "zh/"}
# What lang and hreflang say for each language: its BCP 47 tag, which is not always its code.
TAG = {"vi": "vi", "en": "en", "km": "km", "lo": "lo", "zh": "zh-Hans"}


def page(site: Path, path: str) -> html.HtmlElement:
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return html.fromstring(file.read_bytes())


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def folder_language(site: Path, file: Path) -> str:
    """The tag of the language whose folder holds ``file``."""
    first = file.relative_to(site).parts[0]
    return TAG.get(first, "vi")


def test_strict_build_has_no_warning(sample_build):
    output = sample_build.stdout + sample_build.stderr
    assert "WARNING" not in output
    assert "ERROR" not in output


def test_every_page_says_its_language(sample_site):
    fallbacks = []
    for file in html_files(sample_site):
        doc = html.fromstring(file.read_bytes())
        expected = folder_language(sample_site, file)
        if doc.find_class("gl-notice--fallback"):
            fallbacks.append(file)
            assert doc.get("lang") == "vi", file
        else:
            assert doc.get("lang") == expected, file
    assert fallbacks, "the sample site has untranslated Khmer articles"


def test_fallback_page_is_vietnamese_with_a_khmer_notice(sample_site):
    doc = page(sample_site, f"km/{NOT_IN_KHMER}")
    assert doc.get("lang") == "vi"
    notice = doc.find_class("gl-notice--fallback")[0]
    assert notice.get("lang") == "km"
    # Then every language the article is written in, each named in its own words.
    assert notice.text_content().split() == (
        ["អត្ថបទនេះមិនទាន់បានបកប្រែជាភាសាខ្មែរនៅឡើយទេ", "ខាងក្រោមនេះជាអត្ថបទដើមជាភាសាវៀតណាម។"]
        + ["អត្ថបទនេះមានជាភាសា៖", "Tiếng", "Việt", "·", "English", "·", "ລາວ", "·", "中文"]
    )
    # The interface around the Vietnamese text stays Khmer, and says so.
    assert doc.xpath("//header[@lang='km']")
    assert doc.xpath("//nav[contains(@class,'md-tabs')][@lang='km']")
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    assert canonical == [f"https://{SITE_HOST}/{NOT_IN_KHMER}/"]
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]


def hreflangs(doc: html.HtmlElement) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")
    }


def test_hreflang_lists_each_real_translation(sample_site):
    for lang, prefix in PREFIX.items():
        doc = page(sample_site, f"{prefix}{TRANSLATED_EVERYWHERE}")
        assert hreflangs(doc) == {
            "vi": f"https://{SITE_HOST}/{TRANSLATED_EVERYWHERE}/",
            "en": f"https://{SITE_HOST}/en/{TRANSLATED_EVERYWHERE}/",
            "km": f"https://{SITE_HOST}/km/{TRANSLATED_EVERYWHERE}/",
            "x-default": f"https://{SITE_HOST}/{TRANSLATED_EVERYWHERE}/",
        }, lang


def test_no_page_claims_a_missing_translation(sample_site):
    expected = {
        "vi": f"https://{SITE_HOST}/{NOT_IN_KHMER}/",
        "en": f"https://{SITE_HOST}/en/{NOT_IN_KHMER}/",
        "lo": f"https://{SITE_HOST}/lo/{NOT_IN_KHMER}/",
        "zh-Hans": f"https://{SITE_HOST}/zh/{NOT_IN_KHMER}/",
        "x-default": f"https://{SITE_HOST}/{NOT_IN_KHMER}/",
    }
    for prefix in ("", "en/", "lo/", "zh/"):
        assert hreflangs(page(sample_site, f"{prefix}{NOT_IN_KHMER}")) == expected
    for file in html_files(sample_site):
        for href in hreflangs(html.fromstring(file.read_bytes())).values():
            assert f"/km/{NOT_IN_KHMER}/" not in href, file


def test_sitemap_lists_real_translations_only(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = tree.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert len(locs) == len(set(locs))
    assert f"https://{SITE_HOST}/km/{TRANSLATED_EVERYWHERE}/" in locs
    assert f"https://{SITE_HOST}/en/{NOT_IN_KHMER}/" in locs
    assert f"https://{SITE_HOST}/km/{NOT_IN_KHMER}/" not in locs
    links = tree.xpath("//x:link/@href", namespaces=ns)
    assert f"https://{SITE_HOST}/km/{NOT_IN_KHMER}/" not in links
    url = tree.xpath(
        f"//s:url[s:loc='https://{SITE_HOST}/{TRANSLATED_EVERYWHERE}/']", namespaces=ns
    )[0]
    assert sorted(url.xpath("x:link/@hreflang", namespaces=ns)) == ["en", "km", "vi", "x-default"]


def test_language_switcher_leads_to_the_same_article(sample_site):
    for lang, prefix in PREFIX.items():
        file = sample_site / prefix / TRANSLATED_EVERYWHERE / "index.html"
        doc = html.fromstring(file.read_bytes())
        links = {a.get("lang"): a.get("href") for a in doc.find_class("md-select__link")}
        assert set(links) == set(TAG.values())
        prefixes = {TAG[code]: PREFIX[code] for code in PREFIX}
        for target_lang, href in links.items():
            target = (file.parent / href).resolve()
            expected = (sample_site / prefixes[target_lang] / TRANSLATED_EVERYWHERE).resolve()
            assert target == expected, (lang, target_lang, href)


def test_every_switcher_target_exists(sample_site):
    for file in html_files(sample_site):
        if file.name == "404.html":
            continue
        doc = html.fromstring(file.read_bytes())
        for link in doc.find_class("md-select__link"):
            target = (file.parent / link.get("href")).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), (file, link.get("href"))


def test_khmer_interface_is_khmer(sample_site):
    doc = page(sample_site, f"km/{TRANSLATED_EVERYWHERE}")
    assert doc.get("lang") == "km"
    tabs = [a.text_content().strip() for a in doc.find_class("md-tabs__link")]
    assert tabs == ["ទំព័រដើម", "ព័ត៌មាន", "វប្បធម៌", "ទេសចរណ៍", "ការវិនិយោគ", "បណ្ណសារ"]
    assert doc.xpath("//header/nav/@aria-label") == ["ផ្នែកខាងលើទំព័រ"]
    assert doc.find_class("gl-article__readtime")[0].text_content().startswith("អានរយៈពេល")
    related = doc.xpath("//section[contains(@class,'gl-related')]/h2/text()")
    assert related == ["អត្ថបទពាក់ព័ន្ធ"]


def test_km_partial_translates_every_material_key():
    import material

    vi = Path(material.__file__).parent / "templates/partials/languages/vi.html"
    km = Path(__file__).parent.parent / "overrides/partials/languages/km.html"
    pattern = re.compile(r'^\s*"([^"]+)":\s*"(.*)",?\s*$', re.MULTILINE)
    vi_keys = dict(pattern.findall(vi.read_text(encoding="utf-8")))
    km_values = dict(pattern.findall(km.read_text(encoding="utf-8")))
    assert set(vi_keys) <= set(km_values)
    latin_only = {
        key
        for key, value in km_values.items()
        if key not in ("language", "direction")
        and not key.startswith("search.config")
        and not re.search(r"[\u1780-\u17FF]", value)
    }
    assert latin_only == set()


def _external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname != SITE_HOST


def test_no_other_host_is_referenced(sample_site):
    offenders = []
    for file in html_files(sample_site):
        doc = html.fromstring(file.read_bytes())
        body_links = set(doc.xpath("//div[contains(@class,'gl-article__body')]//a/@href"))
        for _element, attribute, url, _pos in doc.iterlinks():
            if attribute == "srcset" or url in body_links:
                continue
            if _external(url):
                offenders.append((file.relative_to(sample_site), url))
        for srcset in doc.xpath("//@srcset"):
            for candidate in srcset.split(","):
                if _external(candidate.strip().split(" ")[0]):
                    offenders.append((file.relative_to(sample_site), candidate))
    for file in [*sample_site.rglob("*.css"), *sample_site.rglob("*.js")]:
        text = file.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", text):
            if _external(url):
                offenders.append((file.relative_to(sample_site), url))
        for url in re.findall(r"""['"](https?://[^'"\s]+)""", text):
            if _external(url) and "w3.org" not in url:
                offenders.append((file.relative_to(sample_site), url))
    assert offenders == []


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("404.html", "vi", "Không tìm thấy trang"),
        ("en/404.html", "en", "Page not found"),
        ("km/404.html", "km", "រកមិនឃើញទំព័រ"),
        ("lo/404.html", "lo", "ບໍ່ພົບໜ້າທີ່ຊອກຫາ"),
        ("zh/404.html", "zh-Hans", "找不到该页面"),
    ],
)
def test_a_404_page_per_language(sample_site, path, lang, title):
    doc = html.fromstring((sample_site / path).read_bytes())
    assert doc.get("lang") == lang
    assert doc.xpath("//article//h1/text()") == [title]
    # Served for any missing address: links must not depend on where it is shown.
    for url in doc.xpath("//link[@rel='stylesheet']/@href"):
        assert url.startswith("/"), url


def test_article_page_does_not_list_every_article(sample_site):
    doc = page(sample_site, f"en/{TRANSLATED_EVERYWHERE}")
    assert len(doc.find_class("md-tabs__link")) == 6
    assert len(doc.xpath("//nav[contains(@class,'md-nav--primary')]//a[@href]")) <= 8


def test_cover_image_is_responsive_and_originals_stay_out(sample_site):
    doc = page(sample_site, TRANSLATED_EVERYWHERE)
    img = doc.xpath("//figure[contains(@class,'gl-cover')]//img")[0]
    assert img.get("width") and img.get("height") and img.get("alt")
    assert img.get("srcset").count("w,") >= 1
    assert doc.xpath("//figure[contains(@class,'gl-cover')]//source[@type='image/webp']")
    assert not (sample_site / "images").exists()
    caption = doc.xpath("//figure[contains(@class,'gl-cover')]/figcaption")[0]
    assert "Ảnh: Ban biên tập" in caption.text_content()
    page_url = f"http://site/{TRANSLATED_EVERYWHERE}/"
    for url in [img.get("src"), *[c.split()[0] for c in img.get("srcset").split(",")]]:
        path = urlsplit(urljoin(page_url, url)).path
        assert (sample_site / path.lstrip("/")).exists(), url
        assert path.startswith("/_img/")
