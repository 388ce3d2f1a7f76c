"""Text helpers for Vietnamese and Khmer: accent folding, slugs, scripts."""

from __future__ import annotations

import re
import unicodedata

# đ/Đ is a letter of its own, not d plus a combining mark: NFD leaves it alone.
_LETTER_FOLDS = str.maketrans({"đ": "d", "Đ": "D"})

KHMER_RANGE = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")


def is_khmer(text: str) -> bool:
    """True if the text contains Khmer script."""
    return bool(KHMER_RANGE.search(text))


def fold_latin(text: str) -> str:
    """Remove Vietnamese tone and vowel marks from Latin letters: 'Đắk Lắk' -> 'Dak Lak'.

    Khmer (and any other non-Latin script) passes through unchanged: Khmer vowel signs
    and the coeng are combining marks that carry meaning.
    """
    out = []
    for char in unicodedata.normalize("NFC", text).translate(_LETTER_FOLDS):
        if char.isascii() or not ("\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"):
            out.append(char)
            continue
        base = unicodedata.normalize("NFD", char)
        out.append("".join(mark for mark in base if not unicodedata.combining(mark)))
    return unicodedata.normalize("NFC", "".join(out))


# Longest slug `gialai new` makes: a 330-character headline must not become a file name
# longer than the file system allows, nor an address nobody can type from paper.
SLUG_MAX = 80


def slugify(title: str, max_length: int | None = None) -> str:
    """A URL-safe file name from a title, 'Thác 50 ở Kbang' -> 'thac-50-o-kbang', cut at a word."""
    folded = fold_latin(unicodedata.normalize("NFC", title)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if max_length is not None and len(slug) > max_length:
        # One character more: a '-' there means the last word fits whole.
        head = slug[: max_length + 1]
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:max_length]
    return slug


SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
