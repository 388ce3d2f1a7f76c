#!/usr/bin/env python3
"""Write the kiosk's on-screen keyboard layouts: overrides/assets/kiosk/keyboard-layouts.js.

Khmer and Lao are read from Debian's ``xkb-data`` (``/usr/share/X11/xkb/symbols/kh``, the
NiDA layout, and ``symbols/la``): the keys a Cambodian or Lao reader knows from a computer
at home. Vietnamese and English are written here. The output is committed, so a build
never reads ``xkb-data``; run this again after an upgrade of ``xkb-data`` and commit the
result (``--check`` says whether the committed file is what this machine would write).

    apt-get install xkb-data
    .venv/bin/python scripts/kiosk_keyboard_layouts.py          # rewrite the file
    .venv/bin/python scripts/kiosk_keyboard_layouts.py --check  # exit 1 if it differs

Only the first two levels of each key (plain and shifted) are used: the kiosk has no
AltGr. Keys the search cannot use are left out: the tilde key (zero-width joiner in both
layouts), the space bar (Khmer's plain space is a zero-width space; the on-screen space
bar types a space) and braces, which simple-keyboard reads as its own function keys.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "overrides" / "assets" / "kiosk" / "keyboard-layouts.js"
SYMBOLS = Path("/usr/share/X11/xkb/symbols")

# The keyboard's rows, as xkb names the keys of a 105-key keyboard.
ROWS = (
    [f"AE{n:02d}" for n in range(1, 13)],
    [f"AD{n:02d}" for n in range(1, 13)] + ["BKSL"],
    [f"AC{n:02d}" for n in range(1, 12)],
    [f"AB{n:02d}" for n in range(1, 11)],
)
# The NiDA layout types five vowel pairs with one key. xkb-data gives them keysyms that
# are not characters (U+17FB–U+17FF, unassigned in Unicode); X's input method turns them
# into these two-character sequences, which is what a Khmer reader expects to get.
KHMER_PAIRS = {
    0x17FB: "\u17bb\u17c7",  # ុះ
    0x17FC: "\u17bb\u17c6",  # ុំ
    0x17FD: "\u17c1\u17c7",  # េះ
    0x17FE: "\u17c4\u17c7",  # ោះ
    0x17FF: "\u17b6\u17c6",  # ាំ
}
# The few named keysyms the Khmer and Lao layouts use on their first two levels.
KEYSYMS = {
    "exclam": "!",
    "quotedbl": '"',
    "dollar": "$",
    "percent": "%",
    "asterisk": "*",
    "parenleft": "(",
    "parenright": ")",
    "equal": "=",
    "plus": "+",
    "minus": "-",
    "underscore": "_",
    "semicolon": ";",
    "colon": ":",
    "comma": ",",
    "period": ".",
    "question": "?",
    "slash": "/",
    "backslash": "\\",
    "grave": "`",
    "at": "@",
    "guillemotleft": "«",
    "guillemotright": "»",
    "EuroSign": "€",
    "space": " ",
}
_KEY = re.compile(r"key\s+<(?P<name>[A-Z0-9]+)>\s*\{\s*\[(?P<levels>[^\]]*)\]")

# Vietnamese: the Latin letters, the seven letters with their own key (ă â đ ê ô ơ ư) and,
# on a row of their own, the five tone marks, which the keyboard puts on the vowel of the
# word that carries the tone (keyboard.js).
VIETNAMESE = [
    "1 2 3 4 5 6 7 8 9 0",
    "q w e r t y u i o p ư ơ",
    "a s d f g h j k l đ",
    "z x c v b n m ă â ê ô",
]
ENGLISH = [
    "1 2 3 4 5 6 7 8 9 0",
    "q w e r t y u i o p",
    "a s d f g h j k l",
    "z x c v b n m",
]
# The tone marks in the order Vietnamese lists them, with their names (the keys' labels for
# screen readers, in Vietnamese: the names are Vietnamese words whatever the page's language).
TONE_NAMES = {
    "0301": "dấu sắc",
    "0300": "dấu huyền",
    "0309": "dấu hỏi",
    "0303": "dấu ngã",
    "0323": "dấu nặng",
}
TONES = "{tone:0301} {tone:0300} {tone:0309} {tone:0303} {tone:0323}"


def keysym_text(keysym: str) -> str | None:
    """The text a keysym of the first two levels types, or None for no key."""
    if keysym.startswith("0x100"):
        code = int(keysym, 16) - 0x1000000
        if code in KHMER_PAIRS:
            return KHMER_PAIRS[code]
        if code in (0x200B, 0x200C, 0x200D):
            return None  # invisible joiners: not something to search for
        return chr(code)
    return KEYSYMS.get(keysym)


def read_symbols(path: Path, variant: str = "basic") -> dict[str, list[str | None]]:
    """{key name: [plain, shifted]} of one variant of an xkb symbols file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'xkb_symbols "{variant}"')
    body = text[start : text.index("\n};", start)]
    body = re.sub(r"//[^\n]*", "", body)
    keys: dict[str, list[str | None]] = {}
    for match in _KEY.finditer(body):
        levels = [level.strip() for level in match.group("levels").split(",")][:2]
        if len(levels) == 1:
            levels *= 2  # a key of one level types the same with shift, as in xkb
        texts = [keysym_text(level) if level else None for level in levels]
        keys[match.group("name")] = (texts + [None])[:2]
    return keys


def button(text: str | None) -> str | None:
    """A key's name in a simple-keyboard row: the text it types, or None to leave it out."""
    if text is None or text in ("{", "}") or text.isspace():
        return None
    return text


def xkb_layout(keys: dict[str, list[str | None]]) -> dict[str, list[str]]:
    """The plain and shifted rows of an xkb layout."""
    layers: dict[str, list[str]] = {"default": [], "shift": []}
    for row in ROWS:
        for level, layer in enumerate(("default", "shift")):
            names = [button(keys.get(key, [None, None])[level]) for key in row]
            layers[layer].append(" ".join(name for name in names if name))
    return layers


def latin_layout(rows: list[str]) -> dict[str, list[str]]:
    return {"default": list(rows), "shift": [row.upper() for row in rows]}


def finish(layers: dict[str, list[str]], tones: bool = False) -> dict[str, list[str]]:
    """Add the function keys: backspace, shift and the tones (keyboard.js adds the last row:
    the layouts the kiosk offers, space and the key that closes the keyboard)."""
    out = {}
    for layer, rows in layers.items():
        rows = list(rows)
        rows[0] += " {bksp}"
        rows[3] = "{shift} " + rows[3] + " {shift}"
        if tones:
            rows.append(TONES)
        out[layer] = rows
    return out


def display(layouts: dict[str, dict]) -> dict[str, str]:
    """Labels for keys whose text is a mark: drawn on a dotted circle, as fonts expect."""
    labels = {}
    for layout in layouts.values():
        for rows in layout["layout"].values():
            for row in rows:
                for name in row.split(" "):
                    if name.startswith("{"):
                        continue
                    if unicodedata.category(name[0]) in ("Mn", "Mc"):
                        labels[name] = "\u25cc" + name
    # A tone key shows its mark on an a, as Vietnamese schoolbooks show the tones.
    for mark in TONE_NAMES:
        labels[f"{{tone:{mark}}}"] = unicodedata.normalize("NFC", "a" + chr(int(mark, 16)))
    return labels


def xkb_data_version() -> str:
    """The installed xkb-data package's version, as dpkg knows it."""
    try:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "xkb-data"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        sys.exit("xkb-data is not installed: apt-get install xkb-data")
    return result.stdout.strip()


def render() -> str:
    """The whole keyboard-layouts.js text."""
    version = xkb_data_version()
    # Named as locales/<code>.yml names them (language.keyboard); each name in the
    # language's own script, as on the start screen.
    layouts = {
        "khmer": {"name": "ខ្មែរ", "layout": finish(xkb_layout(read_symbols(SYMBOLS / "kh")))},
        "vietnamese": {
            "name": "Tiếng Việt",
            "layout": finish(latin_layout(VIETNAMESE), tones=True),
        },
        "english": {"name": "English", "layout": finish(latin_layout(ENGLISH))},
        "lao": {"name": "ລາວ", "layout": finish(xkb_layout(read_symbols(SYMBOLS / "la")))},
    }
    data = {
        "xkbData": version,
        "layouts": layouts,
        "display": display(layouts),
        "toneNames": {f"{{tone:{mark}}}": name for mark, name in TONE_NAMES.items()},
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return (
        "/* Generated by scripts/kiosk_keyboard_layouts.py: do not edit by hand.\n"
        f"   Khmer (NiDA) and Lao from Debian's xkb-data {version} (symbols/kh, symbols/la);\n"
        "   Vietnamese and English from the script. */\n"
        f"window.GialaiKeyboardLayouts = {text};\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the committed file differs"
    )
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                f"{OUTPUT.relative_to(ROOT)} is not what xkb-data here gives: run "
                "scripts/kiosk_keyboard_layouts.py and commit it."
            )
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} (xkb-data {xkb_data_version()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
