"""Search: one Pagefind index per language, fed with text the project prepares itself.

- Each language gets its own bundle (``pagefind/``, ``en/pagefind/``, ``km/pagefind/``): a
  reader searches only their language, and nothing is downloaded until the first search.
- Vietnamese: each word is indexed as its letters without marks, an end marker, and a
  suffix that says which mark sits on which letter ("Đắk" → "Dak" + end + three stand-in
  letters, see VI_MARKS). Pagefind matches the start of index entries, so "dak" + end
  finds Đắk, Đák and dak, and an accented query only its own spelling; the browser falls
  back to the bare letters when an accented query finds few articles, exact spellings
  first, and when nothing is found takes the last word as the start of a word. Each
  spelling is an index entry of its own and the chunks are packed so that a syllable's
  spellings stay together (pagefind_index.regroup): a query for "cà" loads the spellings
  of "ca", not those of "các", "cao" and "cách" as well. The browser maps the suffixes
  back to marks.
- Khmer, Lao and Chinese have no spaces between words: the build splits them into words
  (segmenting.py: khmercut for Khmer, ICU for Lao and Chinese), joins the words with
  spaces and keeps the real spaces as " U+2060 " so the browser can show the original
  text. For Khmer and Lao a vocabulary of the words, sharded by first letter, lets the
  browser split a query typed without spaces the same way; Pagefind splits a Chinese query
  itself with the browser's ICU. Khmer and Lao vowel signs (and Lao tone marks) are
  indexed as stand-in letters, so that Pagefind does not fold them away.
- Latin orthographies with marks and stroke letters (Jrai, Bahnar: ƀ, đ, ă, ơ̆ …) are
  folded to plain letters: Pagefind folds the marks, and the stroke letters are written
  so that it folds them too (see STROKE); "buon" finds "ƀuôn".
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, Entry
from .languages import Language, SearchTraits
from .pagefind_index import IndexFormatError, regroup
from .segmenting import (
    KHMER,
    WORD_JOINER,
    WORD_SCRIPTS,
    WordSegmenter,
    decode_words,
    write_vocabulary,
)

BUNDLE = "pagefind"
VOCABULARY = "search-vocab"
# Pagefind's target size of an index chunk (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE) is a trait
# of each language (search.chunk_size in locales/<code>.yml). Pagefind 1.5.2 sizes chunks
# without counting spellings it folded together (upstream issue #1211); Khmer marks are
# stand-in letters, so its sizes are right for Khmer, and at 1,000 articles the heaviest
# Khmer first query measured within 2 KB for targets from 100 to 5000 (fewer, larger
# chunks; a shorter chunk list). Vietnamese chunks are packed afresh
# (pagefind_index.regroup), whatever Pagefind chose.

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(
    r"^\s{0,3}(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)|[*_`|]|^\s*:?-{3,}:?\s*$", re.MULTILINE
)


def plain_text(markdown: str) -> str:
    """The words of a Markdown body, without its markup."""
    text = _FENCE.sub(" ", markdown)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    text = html.unescape(text)
    return re.sub(r"\s+", " ", text).strip()


# Vietnamese words are indexed as their bare letters, an end marker, then one stand-in
# letter per mark: "Đắk" → "Dak" + END + (đ on 0)(breve on 1)(acute on 1). All spellings of
# a syllable then share the prefix "dak" + END and nothing else does, so a search for the
# bare letters finds every spelling and a search with marks only its own. Stand-ins are
# letters of the Yi block (never used on this site), which Pagefind keeps in its keys.
VI_END = 0xA0FF
VI_STAND_IN = 0xA100  # + position × len(VI_MARKS) + mark
VI_STROKE = "d-stroke"  # đ is a letter of its own, not d + a combining mark
# A suffix lists the marks letter by letter, each letter's in Unicode's canonical order.
VI_MARKS = [
    VI_STROKE,  # đ
    "\u0302",  # circumflex: â ê ô
    "\u0306",  # breve: ă
    "\u031b",  # horn: ơ ư
    "\u0300",  # grave (huyền)
    "\u0301",  # acute (sắc)
    "\u0303",  # tilde (ngã)
    "\u0309",  # hook above (hỏi)
    "\u0323",  # dot below (nặng)
]
VI_LETTERS = 24  # marks further into a word than this stay marks (Pagefind folds them)
_VI_MARK_INDEX = {mark: index for index, mark in enumerate(VI_MARKS)}
_VI_STAND_INS = f"{chr(VI_STAND_IN)}-{chr(VI_STAND_IN + VI_LETTERS * len(VI_MARKS) - 1)}"
# A word: letters and digits, with apostrophes inside (H'Mông) kept in the word.
_VI_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_VI_ENCODED = re.compile(f"([^\\W_]+(?:['’][^\\W_]+)*){chr(VI_END)}([{_VI_STAND_INS}]*)")


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _encode_vietnamese_word(match: re.Match) -> str:
    # A site of 1,000 articles has about 560,000 words and 5,000 different ones: each is
    # encoded once per process.
    return _encoded_word(match.group(0))


@functools.lru_cache(maxsize=1 << 16)
def _encoded_word(text: str) -> str:
    letters: list[str] = []  # one per character of the written word, marks taken out
    marks: list[tuple[int, int]] = []
    for char in text:  # NFC: "ắ" is one character
        if char in "đĐ" and len(letters) < VI_LETTERS:
            letters.append("d" if char == "đ" else "D")
            marks.append((len(letters) - 1, 0))
            continue
        parts = unicodedata.normalize("NFD", char)
        if not (letters and _is_mark(parts[0])):  # else a mark with no precomposed letter
            letters.append("")
        kept, taken = "", []
        for part in parts:
            if part in _VI_MARK_INDEX and letters[-1] + kept and len(letters) <= VI_LETTERS:
                taken.append(part)
            else:
                kept += part  # a letter, or another script's mark (ü, ç)
        # The suffix puts the marks back after the letter's other marks: a character whose
        # marks would then come back in another order (Ṥ: acute before dot above) keeps them.
        written = unicodedata.normalize("NFC", letters[-1] + parts)
        if taken and unicodedata.normalize("NFC", letters[-1] + kept + "".join(taken)) != written:
            kept, taken = parts, []
        letters[-1] += kept
        marks += [(len(letters) - 1, _VI_MARK_INDEX[mark]) for mark in taken]
    suffix = "".join(chr(VI_STAND_IN + position * len(VI_MARKS) + mark) for position, mark in marks)
    word = "".join(unicodedata.normalize("NFC", letter) for letter in letters)
    return word + chr(VI_END) + suffix


def encode_vietnamese(text: str) -> str:
    """Each word as bare letters + end marker + marks: 'Đắk' → 'Dak' + 4 stand-ins."""
    return _VI_WORD.sub(_encode_vietnamese_word, unicodedata.normalize("NFC", text))


def _letters(word: str) -> list[str]:
    """A word's characters, each with any mark that has no precomposed form."""
    letters: list[str] = []
    for char in word:
        if _is_mark(char) and letters:
            letters[-1] += char
        else:
            letters.append(char)
    return letters


def _decode_vietnamese_word(match: re.Match) -> str:
    letters = _letters(match.group(1))
    for stand_in in match.group(2):
        position, mark = divmod(ord(stand_in) - VI_STAND_IN, len(VI_MARKS))
        if position >= len(letters):
            continue
        if VI_MARKS[mark] == VI_STROKE:
            letters[position] = {"d": "đ", "D": "Đ"}.get(letters[position], letters[position])
        else:
            letters[position] += VI_MARKS[mark]
    return unicodedata.normalize("NFC", "".join(letters))


def decode_vietnamese(encoded: str) -> str:
    """The text as written, from the indexed form (the browser does the same)."""
    return _VI_ENCODED.sub(_decode_vietnamese_word, encoded)


def vietnamese_syllable(key: str) -> str:
    """The part of an index key that all its spellings share: bare letters + end marker."""
    end = key.find(chr(VI_END))
    return key if end < 0 else key[: end + 1]


class KhmerSegmenter(WordSegmenter):
    """khmercut word splitting with a cache, since it is the slow part of indexing."""

    def __init__(self, cache_file: Path | None = None) -> None:
        super().__init__(KHMER, cache_file)


def decode_khmer(encoded: str) -> str:
    """The text as written, from the indexed form (the browser does the same)."""
    return decode_words(encoded, KHMER)


# Letters with a stroke do not decompose (NFD leaves ƀ and đ alone), so Pagefind, which
# folds every combining mark in the index and in the query, cannot fold them. For a
# language whose search.text is latin, each is indexed as its base letter followed by
# U+0335 (combining short stroke overlay), a mark Pagefind folds like the others: "ƀuôn"
# becomes the key "buon", found by a reader who types "buon", and the excerpt still holds
# the stroke, which the browser writes back as the letter.
STROKE = "\u0335"
LATIN_STROKES = {
    "ƀ": "b",
    "Ƀ": "B",
    "đ": "d",
    "Đ": "D",
    "ǥ": "g",
    "Ǥ": "G",
    "ħ": "h",
    "Ħ": "H",
    "ɨ": "i",
    "Ɨ": "I",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "ŧ": "t",
    "Ŧ": "T",
    "ʉ": "u",
    "Ʉ": "U",
    "ƶ": "z",
    "Ƶ": "Z",
}
_STROKE_OUT = str.maketrans({letter: base + STROKE for letter, base in LATIN_STROKES.items()})
_STROKE_IN = re.compile(
    f"({'|'.join(base + STROKE for base in sorted(set(LATIN_STROKES.values())))})"
)
_STROKE_BACK = {base + STROKE: letter for letter, base in LATIN_STROKES.items()}


def encode_latin(text: str) -> str:
    """Stroke letters as base letter + U+0335, so Pagefind folds them with the marks."""
    return unicodedata.normalize("NFC", text).translate(_STROKE_OUT)


def decode_latin(encoded: str) -> str:
    """The text as written, from the indexed form (the browser does the same)."""
    return _STROKE_IN.sub(lambda match: _STROKE_BACK[match.group(0)], encoded)


def fold_latin_query(query: str) -> str:
    """A query as Pagefind compares it with a latin index: no marks, no strokes, lower case."""
    decomposed = unicodedata.normalize("NFD", encode_latin(query))
    return "".join(char for char in decomposed if not _is_mark(char)).lower()


@dataclass(frozen=True)
class Record:
    """One article as the search index sees it."""

    path: str  # inside the language, like 'du-lich/thac-50/'
    title: str
    content: str  # the body's words
    category: str
    date: str
    summary: str = ""  # the lead: ranked above the body
    tags: tuple[str, ...] = ()  # searched as the title is, never shown in excerpts


def records_for(
    catalog: Catalog, lang: str, category_names: dict[str, str], format_date
) -> list[Record]:
    """The published articles of one language, in their own words (no fallbacks)."""
    records = []
    for entry in catalog.listed(lang):
        records.append(_record(entry, category_names, format_date))
    return records


def _record(entry: Entry, category_names: dict[str, str], format_date) -> Record:
    article = entry.article
    body = plain_text(article.body)
    return Record(
        path=f"{entry.key}/",
        title=article.title,
        content=body,
        category=category_names.get(entry.source.category, entry.source.category),
        date=format_date(entry.source.date) if entry.source.date else "",
        summary=article.summary,
        tags=tuple(article.tags),
    )


def encoder_for(traits: SearchTraits, segmenter: WordSegmenter | None):
    """How a language's text is prepared for Pagefind."""
    if traits.text == "vietnamese":
        return encode_vietnamese
    if traits.text == "latin":
        return encode_latin
    if segmenter is not None:
        return segmenter.encode
    return lambda text: unicodedata.normalize("NFC", text)


# The lead (summary) counts this many times a word of the body (Pagefind's weights: body
# text 1, up to 10). The title and the tags are metadata, which Pagefind searches and ranks
# above the body; the browser then puts titles and words typed together first (search.js).
SUMMARY_WEIGHT = 5
# A document number or a name written with a slash, a dash or a dot between its parts
# (1191/QĐ-TTg, Q-FAIR, 516/KH-UBND), with a number after it (Q-FAIR 2025).
_CODE = re.compile(r"[^\W_]+(?:[/\-‐–.][^\W_]+)+(?:\s+\d+)?")


def _bare(text: str) -> str:
    """Lower-case letters and digits only, marks and đ folded: '1191/QĐ-TTg' → '1191qdttg'."""
    decomposed = unicodedata.normalize("NFD", encode_latin(text).lower())
    return "".join(char for char in decomposed if char.isalnum() and not _is_mark(char))


def joined_keys(text: str, names: tuple[str, ...] = ()) -> list[str]:
    """Codes and names in a text as one word, as readers type them without separators.

    '1191/QĐ-TTg' → '1191qdttg', 'Q-FAIR 2025' → 'qfair2025', 'qfair'; a glossary name of
    several words found in the text ('Chư Đăng Ya') → 'chudangya'.
    """
    text = unicodedata.normalize("NFC", text)
    keys: list[str] = []
    for match in _CODE.finditer(text):
        written = match.group(0)
        keys.append(_bare(written))
        number = re.search(r"\s+\d+$", written)
        if number:
            keys.append(_bare(written[: number.start()]))
    folded = text.casefold()
    for name in names:
        if re.search(r"[\s\-/]", name) and unicodedata.normalize("NFC", name).casefold() in folded:
            keys.append(_bare(name))
    seen: dict[str, None] = {}
    for key in keys:
        if len(key) > 2 and not key.isdigit():
            seen.setdefault(key, None)
    return list(seen)


def _html_document(
    lang: str, record: Record, encode, names: tuple[str, ...] = (), spaced: bool = False
) -> str:
    # Pagefind reads text from HTML; filters hold what results show but nobody searches.
    title = html.escape(encode(record.title), quote=True)
    summary = html.escape(encode(record.summary))
    if spaced and summary:
        # Text split into words keeps its real spaces as U+2060: the one between the lead and
        # the body too, or an excerpt that spans both would show them run together.
        summary += f" {WORD_JOINER}"
    content = html.escape(encode(record.content))
    category = html.escape(record.category.replace(":", " "), quote=True)
    date = html.escape(record.date.replace(":", " "), quote=True)
    # The title is meta (searched, ranked high) but not body text, so excerpts start with
    # the article's own words. Tags and the codes and names joined into one word are meta
    # too: searched, never shown. "names": those of the title and tags, which rank as the
    # title does (search.js); "keys": those of the lead and the body.
    heading = f"{record.title} {' '.join(record.tags)}"
    metas = ""
    for field, value in (
        ("tags", " · ".join(record.tags)),
        ("names", " ".join(joined_keys(heading, names))),
        ("keys", " ".join(joined_keys(f"{record.summary} {record.content}", names))),
    ):
        if value:
            value = html.escape(encode(value), quote=True)
            metas += f'<meta data-pagefind-meta="{field}[content]" content="{value}">'
    lead = f'<p data-pagefind-weight="{SUMMARY_WEIGHT}">{summary}</p>' if record.summary else ""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
        f'<main data-pagefind-body data-pagefind-meta="title:{title}" '
        f'data-pagefind-filter="category:{category}">{metas}'
        f'<div data-pagefind-filter="date:{date}"></div>{lead}<p>{content}</p></main>'
        "</body></html>"
    )


def build_language_index(
    language: Language,
    records: list[Record],
    site_dir: Path,
    cache_dir: Path | None = None,
    glossary: tuple[str, ...] = (),
) -> Path:
    """Write the Pagefind bundle of one language (and its vocabulary) into the site.

    ``glossary``: the language's names kept whole (locales/glossary.yml), with search.words.
    """
    lang, prefix, traits = language.code, language.prefix, language.search
    script = WORD_SCRIPTS.get(traits.text)
    names = tuple(dict.fromkeys((*traits.words, *glossary)))
    segmenter = None
    if script is not None:
        cache = cache_dir / f"{script.text}-words.json" if cache_dir is not None else None
        # Chinese queries are split by the browser's own ICU: the build keeps no name whole
        # that the browser would cut.
        keep = names if script.vocabulary else traits.words
        segmenter = WordSegmenter(script, cache, language.lang, keep)
        # The whole vocabulary first: every text is then split over the same words.
        for record in records:
            for text in (record.title, record.summary, record.content, *record.tags):
                segmenter.learn(text)
    encode = encoder_for(traits, segmenter)
    bundle = site_dir / prefix / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    if not records:
        return bundle  # Pagefind cannot index nothing; the search says nothing was found.
    with tempfile.TemporaryDirectory(prefix=f"gialai-search-{lang}-") as temporary:
        root = Path(temporary)
        for record in records:
            page = root / record.path / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            document = _html_document(
                language.lang, record, encode, names, spaced=segmenter is not None
            )
            page.write_text(document, encoding="utf-8")
        env = dict(os.environ)
        env["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(traits.chunk_size)
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(root),
                "--output-path",
                str(bundle),
                "--force-language",
                (script.index_language if script is not None else "") or language.lang,
                "--silent",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if completed.returncode != 0:
            raise RuntimeError(
                f"the search index of '{lang}' could not be built: "
                f"{(completed.stderr or completed.stdout).strip()}"
            )
    _drop_unused(bundle)
    if traits.text == "vietnamese":
        try:
            regroup(bundle, lang, vietnamese_syllable)
        except IndexFormatError as error:
            raise RuntimeError(
                f"the search index of '{lang}' could not be built: {error}. Pagefind's "
                "files are not what this version expects; keep the version pinned in "
                "requirements.lock."
            ) from None
    if segmenter is not None:
        if segmenter.script.vocabulary:
            write_vocabulary(site_dir / prefix / VOCABULARY, segmenter.vocabulary, segmenter.script)
        segmenter.save()
    return bundle


def _drop_unused(bundle: Path) -> None:
    """Pagefind also writes its own UIs and a worker; the site uses its own interface."""
    for name in os.listdir(bundle):
        if name.startswith(
            (
                "pagefind-ui",
                "pagefind-component-ui",
                "pagefind-modular-ui",
                "pagefind-highlight",
                "pagefind-worker",
            )
        ):
            (bundle / name).unlink()


GLOSSARY = "glossary.yml"  # in the locales folder: names search keeps whole, per language


def load_glossary(path: Path) -> dict[str, tuple[str, ...]]:
    """The glossary of names per language code ({} when there is no file).

    A name is kept whole by the Khmer and Lao word split, at build time and in the browser,
    and a name of several words is also found typed as one ('chudangya', 'lethanh').
    """
    if not path.is_file():
        return {}
    import yaml

    from . import yamltext

    where = path.name
    try:
        data = yamltext.load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ValueError(
            f"{where}{line}: this is not a list of names per language; write it like\n"
            "km:\n  - អូរយ៉ាដាវ\n  - ឡេថាញ់"
        ) from None
    if not isinstance(data, dict):
        raise ValueError(f"{where}: write one list of names per language code, like km: [ឡេថាញ់]")
    glossary: dict[str, tuple[str, ...]] = {}
    for code, names in data.items():
        if not isinstance(names, list) or not all(
            isinstance(name, str) and name.strip() for name in names
        ):
            raise ValueError(
                f"{where}: {code}: must be a list of names, like {code}: [Lệ Thanh, O Yadav]"
            )
        glossary[str(code)] = tuple(unicodedata.normalize("NFC", n.strip()) for n in names)
    return glossary


def build_indexes(
    jobs: list[tuple[Language, list[Record]]],
    site_dir: Path,
    cache_dir: Path | None = None,
    glossary: dict[str, tuple[str, ...]] | None = None,
) -> None:
    """Build several languages' bundles at once (Pagefind runs as its own process)."""
    glossary = glossary or {}
    with ThreadPoolExecutor(max_workers=max(1, len(jobs))) as pool:
        futures = [
            pool.submit(
                build_language_index,
                language,
                records,
                site_dir,
                cache_dir,
                glossary.get(language.code, ()),
            )
            for language, records in jobs
        ]
        for future in futures:
            future.result()
