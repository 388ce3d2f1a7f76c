"""Words of scripts written without spaces between them: Khmer, Lao, Chinese.

Pagefind finds whole words, and these scripts are written without spaces between words, so
the build splits runs of such a script into words and joins them with spaces; the real
spaces of the text are kept as " U+2060 ", so that the browser shows the text as written.
Each writing system is a ``WordScript``, named by the ``search.text`` trait of the language
(locales/<code>.yml):

- ``khmer``: khmercut finds the site's words; ``lao``: ICU's Lao dictionary finds them.
  Browsers' own splitters differ from both, so the build does not index the splitter's
  words as they come: it makes the site's vocabulary of them (with the glossary's names),
  takes out the compounds that are made of other words of the vocabulary (ការធ្វើដំណើរ =
  ការ + ធ្វើដំណើរ: the parts are indexed, so a reader who types a part finds it), and
  splits every text again with ``split_known`` over that vocabulary: the split with the
  fewest words, as the browser splits a query (search.js, VocabularyWords.split) with the
  same vocabulary, which the build exports. Build and query then split the same way.
- ``chinese``: ICU's Chinese dictionary splits. Pagefind splits a Chinese query in the
  browser itself, with ``Intl.Segmenter``, which is ICU too (tests/test_search_languages.py
  checks that Chromium splits the site's text as the build does); Pagefind's own split at
  build time (jieba) differs from ICU's ("联合国教科文组织"), so the text reaches Pagefind
  already split, and as of no language Pagefind would split again (see CHINESE).

Pagefind folds combining marks away, and the vowel signs of Khmer and Lao (and Lao's tone
marks) are combining marks: ທີ, ທິ and ທ would all become ທ and share one index entry. In
the index each such mark is a letter of the Yi block (never used on this site), one for
one; the browser maps queries the same way and maps excerpts back.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WORD_JOINER = "\u2060"
# Stand-in letters: Khmer from U+A000 (33 marks), Lao from U+A040 (17). Vietnamese uses
# U+A0FF on (search.py).
KHMER_STAND_IN = 0xA000
LAO_STAND_IN = 0xA040


def _khmer_words(run: str, locale: str) -> list[str]:
    from khmercut import tokenize

    return [token for token in tokenize(run) if token.strip()]


def _icu_words(run: str, locale: str) -> list[str]:
    # ICU chooses its dictionary by the script of the text, not by the locale.
    from icu4py.breakers import WordBreaker

    return [word for word in WordBreaker(run, locale) if word.strip()]


# Subscript DA and subscript TA look the same; writers use both. Search treats them alike.
_COENG_DA = "\u17d2\u178a"
_COENG_TA = "\u17d2\u178f"


def normalize_khmer(text: str) -> str:
    """One spelling for look-alike Khmer sequences (subscript da/ta), NFC."""
    return unicodedata.normalize("NFC", text).replace(_COENG_DA, _COENG_TA)


# Lao has look-alike spellings too: AM (ຳ) or NIGGAHITA + AA (ໍາ), the tone mark on either
# side of the NIGGAHITA (ນ້ຳ, ນໍ້າ), and HO NO / HO MO as one letter (ໜ, ໝ) or two (ຫນ, ຫມ).
# One form is indexed: the one ICU's Lao dictionary spells its words with (ຫນອງ is not
# found there, ໜອງ is). An excerpt then shows ໜ where the article has ຫນ: the same word.
_LAO_AM = re.compile("\u0ecd([\u0ec8-\u0ecb]?)\u0eb2")


def normalize_lao(text: str) -> str:
    """One spelling for look-alike Lao sequences (ຳ, ໜ, ໝ), NFC."""
    text = unicodedata.normalize("NFC", text)
    text = _LAO_AM.sub("\\1\u0eb3", text)
    return text.replace("\u0eab\u0e99", "\u0edc").replace("\u0eab\u0ea1", "\u0edd")


@dataclass(frozen=True)
class WordScript:
    """How one writing system without spaces between words is split and indexed."""

    text: str  # the search.text trait that names it
    run: re.Pattern[str]  # a run of the script's letters, marks and punctuation
    marks: tuple[int, ...]  # combining marks Pagefind would fold away
    stand_in: int  # the stand-in letter of the first mark
    normalize: Callable[[str], str]
    split: Callable[[str, str], list[str]]  # (run, locale) -> words
    vocabulary: bool  # the build writes its words for the browser (search-vocab/)
    index_language: str = ""  # Pagefind's language for the index; "" is the language's tag
    longest: int = 0  # graphemes in the longest word split_known tries (as in search.js)

    @property
    def hide(self) -> dict[int, int]:
        """A str.translate table from each mark to its stand-in."""
        return {code: self.stand_in + index for index, code in enumerate(self.marks)}

    @property
    def show(self) -> dict[int, int]:
        """A str.translate table from each stand-in back to its mark."""
        return {stand_in: code for code, stand_in in self.hide.items()}


KHMER = WordScript(
    text="khmer",
    run=re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]+"),
    marks=(*range(0x17B4, 0x17D4), 0x17DD),
    stand_in=KHMER_STAND_IN,
    normalize=normalize_khmer,
    split=_khmer_words,
    vocabulary=True,
    longest=14,
)
LAO = WordScript(
    text="lao",
    run=re.compile(r"[\u0E80-\u0EFF]+"),
    marks=(0x0EB1, *range(0x0EB4, 0x0EBD), *range(0x0EC8, 0x0ECF)),
    stand_in=LAO_STAND_IN,
    normalize=normalize_lao,
    split=_icu_words,
    vocabulary=True,
    longest=20,
)
CHINESE = WordScript(
    text="chinese",
    # Han ideographs (with extensions and compatibility forms), CJK and full-width
    # punctuation: ICU separates the punctuation from the words.
    run=re.compile(
        "[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]+"
    ),
    marks=(),
    stand_in=0,
    normalize=lambda text: unicodedata.normalize("NFC", text),
    split=_icu_words,
    vocabulary=False,
    # Told the text is Chinese, Pagefind splits it again with jieba, which cuts ICU's words
    # (国内外 → 国内 外) so that a query the browser splits as ICU does is not found. Its
    # language is left undetermined; the page's lang is still zh-Hans, so Pagefind in the
    # browser still splits queries with Intl.Segmenter, and takes the bundle's one index.
    index_language="und",
)
WORD_SCRIPTS = {script.text: script for script in (KHMER, LAO, CHINESE)}


def graphemes(text: str) -> list[str]:
    """A text's grapheme clusters as browsers count them: a letter and the marks after it."""
    clusters: list[str] = []
    for char in text:
        if clusters and (unicodedata.category(char)[0] == "M" or char == "\u200d"):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


UNKNOWN_COST = 10  # a letter no word of the vocabulary covers costs ten words


def split_known(run: str, known: set[str], longest: int) -> list[str]:
    """The split of a run into the fewest words of ``known``; unknown letters kept together.

    The same algorithm as VocabularyWords.split in search.js, so that the build and the
    browser split a text alike when they have the same vocabulary.
    """
    g = graphemes(run)
    n = len(g)
    best = [0] + [float("inf")] * n
    back = [0] * (n + 1)
    for i in range(n):
        if best[i] == float("inf"):
            continue
        word = ""
        for j in range(i + 1, min(n, i + longest) + 1):
            word += g[j - 1]
            cost = 1 if word in known else (UNKNOWN_COST if j == i + 1 else float("inf"))
            if best[i] + cost < best[j]:
                best[j] = best[i] + cost
                back[j] = i
    tokens: list[str] = []
    j = n
    while j > 0:
        tokens.insert(0, "".join(g[back[j] : j]))
        j = back[j]
    merged: list[str] = []
    for token in tokens:
        if token not in known and merged and merged[-1] not in known:
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def atomic_words(words: set[str], keep: set[str], longest: int) -> set[str]:
    """The vocabulary without its compounds: words other words make up wholly.

    Parts are words of two graphemes or more: a single letter that is also a word (ស) does
    not make សម a compound.
    """
    atomic = set(words)
    # Longest first, so that a compound of compounds is judged by its smallest parts.
    for word in sorted(words, key=len, reverse=True):
        if word in keep or len(graphemes(word)) < 2:
            continue
        others = atomic - {word}
        parts = split_known(word, others, longest)
        if len(parts) > 1 and all(part in others and len(graphemes(part)) > 1 for part in parts):
            atomic.discard(word)
    return atomic | keep


class WordSegmenter:
    """Splits one script's runs into words, with a cache, since that is the slow part.

    ``learn`` every text first (the splitter's words make the vocabulary), then ``encode``:
    each run is split again over the vocabulary without compounds (``split_known``), as the
    browser splits a query. ``encode`` also learns a text it has not seen.
    """

    def __init__(
        self,
        script: WordScript,
        cache_file: Path | None = None,
        locale: str = "und",
        keep: tuple[str, ...] = (),
    ) -> None:
        self.script = script
        self.locale = locale
        # Words kept whole (the glossary, search.words): names the splitter does not know.
        self.keep = {script.normalize(word) for word in keep}
        self._longest = max((len(word) for word in self.keep), default=0)
        self.cache_file = cache_file
        self.cache: dict[str, list[str]] = {}
        if cache_file is not None and cache_file.exists():
            try:
                self.cache = json.loads(cache_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.cache = {}
        self.learned: set[str] = set(self.keep)
        self._known: set[str] | None = None
        self._hide = script.hide
        self._changed = False

    @property
    def vocabulary(self) -> set[str]:
        """The words the index is split into, which the browser gets (search-vocab/)."""
        if self._known is None:
            self._known = atomic_words(self.learned, self.keep, self.script.longest or 14)
        return self._known

    def words(self, run: str) -> list[str]:
        """The splitter's words of a run of the script's letters, the words to keep joined."""
        if run not in self.cache:
            self.cache[run] = self.script.split(run, self.locale)
            self._changed = True
        split = self.cache[run]  # the splitter's own words: the cache holds no choices
        if not self.keep:
            return split
        words: list[str] = []
        start = 0
        while start < len(split):
            end, joined = start + 1, split[start]
            for stop in range(start + 2, len(split) + 1):
                candidate = "".join(split[start:stop])
                if len(candidate) > self._longest:
                    break
                if candidate in self.keep:
                    end, joined = stop, candidate
            words.append(joined)
            start = end
        return words

    def learn(self, text: str) -> None:
        """Add a text's words (as the splitter finds them) to the vocabulary."""
        before = len(self.learned)
        for match in self.script.run.finditer(self.script.normalize(text)):
            self.learned.update(self.words(match.group(0)))
        if len(self.learned) != before:
            self._known = None

    def split(self, run: str) -> list[str]:
        """A run's words as the index and the browser split it."""
        if not self.script.vocabulary:
            return self.words(run)
        return split_known(run, self.vocabulary, self.script.longest)

    def encode(self, text: str) -> str:
        """Words split by spaces; original whitespace kept as ' U+2060 '; marks hidden."""
        self.learn(text)
        text = self.script.normalize(text)
        parts = []
        for chunk in re.split(r"\s+", text.strip()):
            if not chunk:
                continue
            pieces = []
            position = 0
            for match in self.script.run.finditer(chunk):
                if match.start() > position:
                    pieces.append(chunk[position : match.start()])
                pieces.append(" ".join(self.split(match.group(0))))
                position = match.end()
            if position < len(chunk):
                pieces.append(chunk[position:])
            parts.append(" ".join(piece for piece in pieces if piece))
        return f" {WORD_JOINER} ".join(parts).translate(self._hide)

    def save(self) -> None:
        """Keep the splits for the next build."""
        if self.cache_file is not None and self._changed:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.cache_file.with_suffix(".tmp")
            temporary.write_text(json.dumps(self.cache, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.cache_file)


def decode_words(encoded: str, script: WordScript) -> str:
    """The text as written (normalised), from the indexed form; the browser does the same."""
    text = " ".join(part.replace(" ", "") for part in encoded.split(WORD_JOINER)).strip()
    return text.translate(script.show)


def write_vocabulary(folder: Path, words: set[str], script: WordScript = KHMER) -> int:
    """A script's words sharded by first code point: <lang>/search-vocab/<hex>.txt."""
    shards: dict[str, list[str]] = {}
    for word in sorted(words):
        if script.run.match(word):
            shards.setdefault(f"{ord(word[0]):x}", []).append(word)
    folder.mkdir(parents=True, exist_ok=True)
    for key, shard in shards.items():
        (folder / f"{key}.txt").write_text("\n".join(shard) + "\n", encoding="utf-8")
    # The browser asks for the shard of every grapheme of a query, also of letters no word
    # starts with (Lao ຽ follows its consonant) and of digits and signs (៥០, ៖); an empty
    # file spares it a 404, which browsers report as an error.
    for code in range(0x0080, 0x10000):
        char = chr(code)
        key = f"{code:x}"
        if key not in shards and script.run.match(char) and unicodedata.category(char)[0] != "M":
            (folder / f"{key}.txt").write_text("", encoding="utf-8")
    return len(shards)
