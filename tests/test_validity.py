"""The W3C Nu checker over every page of both editions; robots.txt, sitemap, the 404 title."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from lxml import etree, html

from .conftest import node_package_file, serve

SITE = "https://doingoai.gialai.gov.vn/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# The kiosk keeps pinch-zoom off (docs/accessibility.md): the checker's only remark, a
# warning on every kiosk page. Anything else it says, on any page, fails the test.
VIEWPORT_WARNING = "Consider avoiding viewport values that prevent users from resizing documents."
# A page with the mistake the site's toggles once had: proof that the checker ran and read
# pages over http.
CONTROL_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Control</title>'
    '</head><body><input type="checkbox" autocomplete="off"></body></html>'
)
CONTROL_ERROR = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
    "“tel”, “text”, “time”, “url”, or “week”."
)

# The tag ទឹកធ្លាក់ ៥០ (50 Waterfall), as its canonical link and the sitemap spell it.
KHMER_TAG = (
    f"{SITE}km/tu-khoa/%E1%9E%91%E1%9E%B9%E1%9E%80%E1%9E%92%E1%9F%92%E1%9E%9B%E1%9E%B6"
    "%E1%9E%80%E1%9F%8B-%E1%9F%A5%E1%9F%A0/"
)


def page_urls(base: str, site: Path) -> dict[str, str]:
    """{address: path in the site} of every HTML page, as a reader's browser asks for it."""
    urls = {}
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix().removesuffix("index.html")
        urls[f"{base}/{quote(path)}"] = path
    return urls


def nu_check(urls: list[str]) -> list[dict]:
    """Every message of the Nu checker (errors, warnings, notes) on the pages, in one run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is missing: the Nu checker needs it (apt-get install default-jre-headless)"
        )
    jar = node_package_file("vnu-jar/build/dist/vnu.jar")
    # The checker refuses loopback addresses unless told: they are the pages under test.
    command = [java, "-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", str(jar)]
    result = subprocess.run(
        [*command, "--format", "json", *urls], capture_output=True, text=True, timeout=300
    )
    # 0: no errors, 1: errors found; anything else is the checker failing to run.
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stderr)["messages"]


def nu_check_fetching_again(urls: list[str], tries: int = 3) -> list[dict]:
    """Like nu_check, asking again for pages the checker could not fetch (a busy machine
    can keep the local server from answering within its 5 s); the last answer counts."""
    messages = nu_check(urls)
    for _ in range(tries - 1):
        unread = {m["url"] for m in messages if m["type"] == "non-document-error"}
        if not unread:
            break
        messages = [m for m in messages if m["url"] not in unread] + nu_check(sorted(unread))
    return messages


@pytest.fixture(scope="module")
def control_server(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("control")
    (folder / "control.html").write_text(CONTROL_PAGE, encoding="utf-8")
    url, server = serve(folder)
    yield f"{url}/control.html"
    server.shutdown()


def test_every_page_of_both_editions_is_valid_html(
    sample_site, sample_server, kiosk_site, kiosk_server, control_server
):
    web = page_urls(sample_server, sample_site)
    kiosk = page_urls(kiosk_server, kiosk_site)
    edition = {url: ("web", path) for url, path in web.items()}
    edition |= {url: ("kiosk", path) for url, path in kiosk.items()}
    edition[control_server] = ("control", "control.html")
    found = sorted(
        (*edition[message["url"]], message["type"], message.get("subType", ""), message["message"])
        for message in nu_check_fetching_again([*web, *kiosk, control_server])
    )
    expected = sorted(
        [("control", "control.html", "error", "", CONTROL_ERROR)]
        + [("kiosk", path, "info", "warning", VIEWPORT_WARNING) for path in kiosk.values()]
    )
    assert found == expected
    assert len(web) > 150 and len(kiosk) > 150  # every page, not a sample


def test_robots_txt_names_the_sitemap_on_the_web_only(sample_site, kiosk_site):
    assert (sample_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nDisallow:\n\nSitemap: {SITE}sitemap.xml\n"
    )
    assert (kiosk_site / "robots.txt").read_text(encoding="utf-8") == (
        "# The offline kiosk edition: not for crawlers.\nUser-agent: *\nDisallow: /\n"
    )


def test_sitemap_addresses_are_the_canonical_links(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    urls = tree.xpath("//s:url", namespaces=NS)
    khmer_tags = []
    for url in urls:
        loc = url.xpath("string(s:loc)", namespaces=NS)
        path = unquote(urlsplit(loc).path).lstrip("/")
        page = html.fromstring((sample_site / path / "index.html").read_bytes())
        assert page.xpath("//link[@rel='canonical']/@href") == [loc]
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in page.xpath("//head/link[@rel='alternate'][@hreflang]")
        }
        listed = {
            link.get("hreflang"): link.get("href")
            for link in url.xpath("x:link[@rel='alternate']", namespaces=NS)
        }
        assert listed == alternates, loc
        if path.startswith("km/tu-khoa/") and path != "km/tu-khoa/":
            khmer_tags.append(loc)
    assert len(khmer_tags) > 10
    # Khmer tag addresses are percent-encoded, like the links in the pages.
    assert KHMER_TAG in khmer_tags


@pytest.mark.parametrize(
    ("folder", "title"),
    [
        ("", "Không tìm thấy trang – Gia Lai – Thông tin đối ngoại"),
        ("en/", "Page not found – Gia Lai External Information"),
        ("km/", "រកមិនឃើញទំព័រ – ព័ត៌មានការបរទេស ខេត្តយ៉ាឡាយ"),
        ("lo/", "ບໍ່ພົບໜ້າທີ່ຊອກຫາ – ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ແຂວງຢາລາຍ"),
        ("zh/", "找不到该页面 – 嘉莱省对外信息"),
    ],
    ids=["vi", "en", "km", "lo", "zh"],
)
def test_the_404_page_says_page_not_found_in_its_title(sample_site, kiosk_site, folder, title):
    for site in (sample_site, kiosk_site):
        page = html.fromstring((site / folder / "404.html").read_bytes())
        assert page.findtext(".//title") == title
        # The skip link leads somewhere on this page too.
        assert page.xpath("//a[@class='md-skip']/@href") == ["#gl-content"]
        assert len(page.xpath("//*[@id='gl-content']")) == 1
