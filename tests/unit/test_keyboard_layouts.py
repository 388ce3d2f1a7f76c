"""The kiosk keyboard's layouts: the committed file is what xkb-data gives, and it is sound."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest

from gialai.languages import KEYBOARDS

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "kiosk_keyboard_layouts.py"
LAYOUTS = REPO / "overrides" / "assets" / "kiosk" / "keyboard-layouts.js"


def load_script():
    spec = importlib.util.spec_from_file_location("kiosk_keyboard_layouts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def committed() -> dict:
    text = LAYOUTS.read_text(encoding="utf-8")
    return json.loads(text.split("window.GialaiKeyboardLayouts = ", 1)[1].rstrip().rstrip(";"))


def test_the_committed_layouts_are_what_xkb_data_gives():
    script = load_script()
    if not (script.SYMBOLS / "kh").is_file():
        pytest.fail(
            "Debian's xkb-data is missing (apt-get install xkb-data): it holds the "
            "Khmer and Lao layouts the kiosk keyboard is written from."
        )
    assert script.render() == LAYOUTS.read_text(encoding="utf-8"), (
        "run scripts/kiosk_keyboard_layouts.py and commit overrides/assets/kiosk/"
        "keyboard-layouts.js"
    )


def test_every_layout_a_language_can_name_is_there():
    data = committed()
    assert sorted(data["layouts"]) == sorted(KEYBOARDS)
    for name, layout in data["layouts"].items():
        assert set(layout["layout"]) == {"default", "shift"}, name
        for rows in layout["layout"].values():
            keys = [key for row in rows for key in row.split(" ")]
            assert "{bksp}" in keys and keys.count("{shift}") == 2, name
            assert all(key for key in keys), name  # no empty key from a double space


def test_the_khmer_layout_is_nida_from_xkb_data():
    khmer = committed()["layouts"]["khmer"]["layout"]
    plain = [row.split(" ") for row in khmer["default"]]
    shifted = [row.split(" ") for row in khmer["shift"]]
    # The home row of NiDA: ា ស ដ ថ ង ហ ្ ក ល ើ ់, coeng under J.
    assert plain[2] == ["ា", "ស", "ដ", "ថ", "ង", "ហ", "្", "ក", "ល", "ើ", "់"]
    # Five keys type two characters (the keysyms xkb-data gives them are not characters).
    pairs = {key for rows in (plain, shifted) for row in rows for key in row if len(key) == 2}
    assert pairs == {"ុំ", "ុះ", "េះ", "ោះ", "ាំ"}
    # Every consonant is on a key, but the two obsolete ones NiDA puts on AltGr (ឝ ឞ).
    keys = "".join(key for rows in (plain, shifted) for row in rows for key in row)
    consonants = [
        chr(c)
        for c in range(0x1780, 0x17A3)
        if unicodedata.name(chr(c), "") and c not in (0x179D, 0x179E)
    ]
    assert [c for c in consonants if c not in keys] == []


def test_marks_are_drawn_on_a_dotted_circle():
    data = committed()
    assert data["display"]["ា"] == "◌ា"
    for key, label in data["display"].items():
        if not key.startswith("{tone:"):
            assert label.startswith("◌"), key
    # A tone key shows its mark on an a and is named for screen readers.
    assert data["display"]["{tone:0301}"] == "á"
    assert data["toneNames"]["{tone:0323}"] == "dấu nặng"
