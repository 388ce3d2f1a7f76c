"""The gialai command as an officer and a translator use it, following docs/ step by step."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from gialai.cli import main

from .conftest import run_build


@pytest.fixture
def officer(project: Path, monkeypatch, capsys):
    """Run the command inside the project, as an officer types it; returns (code, out, err)."""
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def run(*args: str):
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_help_is_plain_words(officer):
    with pytest.raises(SystemExit):
        officer("--help")


def test_new_makes_a_draft_from_the_title(project, officer):
    code, out, _ = officer(
        "new",
        "Thác 50 ở Kbang",
        "--category",
        "tourism",
        "--date",
        "2025-06-14",
        "--byline",
        "Lê Minh Khoa",
    )
    assert code == 0
    path = project / "content/vi/du-lich/thac-50-o-kbang.md"
    assert out.splitlines()[0] == "Created content/vi/du-lich/thac-50-o-kbang.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Thác 50 ở Kbang"\nsummary: ""\ndate: 2025-06-14\n')
    assert "status: draft" in text
    # A fresh skeleton is a valid draft.
    assert officer("check")[0] == 0


def test_new_refuses_to_overwrite(project, officer):
    officer("new", "Đường lên Đắk Đoa", "--category", "news")
    path = project / "content/vi/tin-tuc/duong-len-dak-doa.md"
    path.write_text(path.read_text(encoding="utf-8") + "Công sức của tôi.\n", encoding="utf-8")
    code, _, err = officer("new", "Đường lên Đắk Đoa", "--category", "news")
    assert code == 2
    assert err == (
        "gialai new: content/vi/tin-tuc/duong-len-dak-doa.md already uses the slug "
        "'duong-len-dak-doa'; choose another title or --slug, like --slug duong-len-dak-doa-2. "
        "Nothing was changed.\n"
    )
    assert path.read_text(encoding="utf-8").endswith("Công sức của tôi.\n")


def test_new_with_an_unknown_category(officer):
    code, _, err = officer("new", "Bóng đá", "--category", "sports")
    assert code == 2
    assert err == (
        "gialai new: 'sports' is not a category; use one of news, culture, tourism, investment.\n"
    )


def publish(path: Path, summary: str, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace('summary: ""', f'summary: "{summary}"').replace(
        "status: draft", "status: published"
    )
    head, _, _ = text.rpartition("---\n")
    path.write_text(head + "---\n" + body, encoding="utf-8")


def test_the_whole_day_of_an_officer_and_a_translator(project, officer):
    # new -> edit (with a mistake) -> check shows it -> fix
    assert (
        officer(
            "new",
            "Thác 50 ở Kbang",
            "--category",
            "tourism",
            "--date",
            "2025-06-14",
            "--byline",
            "Lê Minh Khoa",
        )[0]
        == 0
    )
    source = project / "content/vi/du-lich/thac-50-o-kbang.md"
    publish(source, "Dòng thác giữa đại ngàn.", "Thác 50 nằm ở Kbang.\n")
    source.write_text(
        source.read_text(encoding="utf-8").replace("date: 2025-06-14", "date: hôm qua"),
        encoding="utf-8",
    )
    code, out, _ = officer("check")
    assert code == 1
    assert out == (
        "Found 1 problem in the content:\n"
        "  content/vi/du-lich/thac-50-o-kbang.md:4: date: 'hôm qua' is not a date; write it "
        "like 2025-12-30.\n"
    )
    source.write_text(
        source.read_text(encoding="utf-8").replace("date: hôm qua", "date: 2025-06-14"),
        encoding="utf-8",
    )
    assert officer("check") == (0, "No problems found in 1 articles.\n", "")

    # translate --to en -> the translator writes English and publishes it
    code, out, _ = officer("translate", "thac-50-o-kbang", "--to", "en")
    assert code == 0
    english = project / "content/en/du-lich/thac-50-o-kbang.md"
    skeleton = english.read_text(encoding="utf-8")
    assert "<!-- Thác 50 nằm ở Kbang. -->" in skeleton
    assert "source_revision: " in skeleton
    assert officer("translate", "thac-50-o-kbang", "--to", "en")[0] == 2  # never overwrites
    translated = (
        skeleton.replace('title: "Thác 50 ở Kbang"', 'title: "50 Waterfall in Kbang"')
        .replace('summary: "Dòng thác giữa đại ngàn."', 'summary: "A waterfall in the forest."')
        .replace("status: draft", "status: published")
    )
    english.write_text(translated + "50 Waterfall is in Kbang.\n", encoding="utf-8")

    # status: English up to date, Khmer missing
    code, out, _ = officer("status", "--json")
    report = json.loads(out)
    assert report["en"]["counts"]["up-to-date"] == 1
    assert report["km"]["counts"]["missing"] == 1
    assert report["en"]["articles"][0]["state"] == "up-to-date"
    assert officer("status", "--fail-on", "outdated")[0] == 0
    assert officer("status", "--fail-on", "missing")[0] == 1

    # the Vietnamese changes -> English is outdated, and its page says so
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "Thác 50 nằm ở Kbang.", "Thác 50 nằm ở Kbang, cao chừng năm mươi mét."
        ),
        encoding="utf-8",
    )
    code, out, _ = officer("status")
    assert "English (en): 0 up-to-date, 1 outdated" in out
    assert "outdated     du-lich/thac-50-o-kbang" in out
    code, _, err = officer("status", "--fail-on", "outdated")
    assert code == 1
    assert err == "Failing because of: 1 outdated in en\n"
    result = run_build(project, build_date=dt.date(2026, 1, 1))
    assert result.returncode == 0, result.stderr
    page = html.fromstring((project / "site/en/du-lich/thac-50-o-kbang/index.html").read_bytes())
    notice = page.find_class("gl-notice--outdated")[0]
    assert "A newer Vietnamese version exists" in notice.text_content()
    link = notice.xpath(".//a")[0]
    assert link.get("hreflang") == "vi"
    assert link.get("href") == "../../../du-lich/thac-50-o-kbang/"

    # after updating the English, mark it as translated -> up to date again
    code, out, _ = officer("mark-translated", "thac-50-o-kbang", "--to", "en")
    assert code == 0
    assert officer("status", "--fail-on", "outdated")[0] == 0


def test_status_lists_orphans(project, officer):
    orphan = project / "content/km/du-lich/thac-51.md"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("---\ntitle: ទឹកធ្លាក់\nsummary: ទឹកធ្លាក់។\n---\nអត្ថបទ។\n", encoding="utf-8")
    code, out, _ = officer("status", "--json")
    report = json.loads(out)
    assert report["km"]["counts"]["orphaned"] == 1
    assert report["km"]["articles"][0]["translation"] == "content/km/du-lich/thac-51.md"


def test_check_lists_links_to_other_sites_without_visiting_them(project, officer):
    officer("new", "Biển Hồ", "--category", "tourism")
    path = project / "content/vi/du-lich/bien-ho.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nXem [bản đồ](https://maps.example.org/bien-ho).\n",
        encoding="utf-8",
    )
    code, out, _ = officer("check", "--external")
    assert code == 0
    assert (
        out.splitlines()[0] == "content/vi/du-lich/bien-ho.md:18: https://maps.example.org/bien-ho"
    )


def test_unknown_article_for_translate(officer):
    code, _, err = officer("translate", "khong-co", "--to", "km")
    assert code == 2
    assert err == (
        "gialai translate: there is no Vietnamese article 'khong-co'; "
        "`gialai status` lists the articles.\n"
    )


def test_build_date_of_the_wrong_form(officer, capsys):
    with pytest.raises(SystemExit) as exit_info:
        officer("build", "--build-date", "hôm nay")
    assert exit_info.value.code == 2
    assert "'hôm nay' is not a date; write it like 2025-12-30" in capsys.readouterr().err


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "gialai"
    assert script.exists()
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: gialai")


def test_check_reads_the_interface_text_too(project, officer):
    km = project / "locales/km.yml"
    lines = km.read_text(encoding="utf-8").splitlines()
    # A translator translated the field name too.
    lines = [
        'page_of: "ទំព័រ {ទំព័រ} នៃ {pages}"' if line.startswith("page_of:") else line for line in lines
    ]
    km.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = officer("check")
    assert code == 1
    assert out == (
        "Found 1 problem in the content:\n"
        "  locales/km.yml:33: page_of: must keep the fields {page}, {pages} exactly as in "
        "locales/vi.yml; translate only the words around them.\n"
    )


def test_check_drafts_strictly_on_request(project, officer):
    officer("new", "Biển Hồ", "--category", "tourism")
    assert officer("check")[0] == 0
    code, out, _ = officer("check", "--drafts")
    assert code == 1
    assert (
        "content/vi/du-lich/bien-ho.md:3: summary: is empty; every article needs a summary." in out
    )


def test_status_into_a_closed_pipe_says_nothing(project):
    import subprocess
    import sys

    command = f"'{sys.executable}' -m gialai.cli status | head -c 10"
    result = subprocess.run(
        command,
        shell=True,
        cwd=project,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert "Traceback" not in result.stderr


def test_a_kiosk_that_has_no_configuration(officer):
    code, _, err = officer("build", "--kiosk", "sa-thay")
    assert code == 2
    assert err == (
        "gialai build: there is no mkdocs.kiosk-sa-thay.yml; the kiosks of this project: "
        "--kiosk, --kiosk pleiku.\n"
    )
