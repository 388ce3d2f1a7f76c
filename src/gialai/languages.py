"""The language table: everything that differs between the site's languages, as data.

A language's code, name and place in the menu come from the i18n plugin's entry in
``mkdocs.yml``; how the site treats it (BCP 47 tag, script, digits, date pattern, sharing
locale, interface-text fallback, the locale of month names, how search writes its words)
comes from the ``language:`` block of ``locales/<code>.yml``. Code asks a language for a
trait; it never asks which language it is.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from . import yamltext
from .problems import ContentError, Problem

# Digits of the writing systems the province publishes in (CLDR numbering system names).
DIGITS = {
    "latn": "0123456789",
    "khmr": "០១២៣៤៥៦៧៨៩",
    "laoo": "໐໑໒໓໔໕໖໗໘໙",
    "thai": "๐๑๒๓๔๕๖๗๘๙",
    "mymr": "၀၁၂၃၄၅၆၇၈၉",
}
# How search writes a language's words into its index (src/gialai/search.py,
# src/gialai/segmenting.py): plain: as written; vietnamese: each tone mark kept apart from
# its letter, so a query without marks finds every spelling; khmer, lao: split into words
# (khmercut, ICU) and queries split with the site's own vocabulary, vowel signs and tone
# marks kept; chinese: split into words with ICU, as the browser splits queries; latin:
# marks and stroke letters (ƀ, đ) folded, so plain letters find them (Jrai, Bahnar).
SEARCH_TEXTS = ("plain", "vietnamese", "khmer", "lao", "chinese", "latin")
# The texts split with the site's own vocabulary, where search.words can keep a name whole
# that the splitter cuts (ICU splits ຢາລາຍ, Gia Lai, into ຢາ and ລາຍ). Chinese queries are
# split by the browser, so the build must split as the browser does, names included.
WORD_LIST_TEXTS = ("khmer", "lao")
# The kiosk's on-screen keyboard layouts (overrides/assets/kiosk/keyboard-layouts.js,
# written by scripts/kiosk_keyboard_layouts.py). A language names the one its readers type
# with; the keyboard offers the layouts of the kiosk's languages, in the kiosk's order.
KEYBOARDS = ("khmer", "lao", "vietnamese", "english")
DEFAULT_CHUNK_SIZE = 5000
LANGUAGE_KEY = "language"
# A language code as the site writes it in mkdocs.yml, folders and addresses: ISO 639 in
# lower case, two letters (km) or three for languages that have no two-letter code (jra,
# bdq), then an optional script (zh-Hans) and region (en-US, es-419). The form en_US is
# kept because static-i18n has always accepted it.
CODE_PATTERN = re.compile(
    r"[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|[0-9]{3}))?|[a-z]{2,3}_[A-Z]{2}"
)
CODE_EXAMPLE = "locale: jra, locale: km or locale: zh-Hans"


def is_language_code(text: str) -> bool:
    """Whether ``text`` is a language code the site accepts (see CODE_PATTERN)."""
    return CODE_PATTERN.fullmatch(text) is not None


@dataclass(frozen=True)
class SearchTraits:
    """How search treats a language."""

    text: str = "plain"
    chunk_size: int = DEFAULT_CHUNK_SIZE
    words: tuple[str, ...] = ()  # names kept whole when the text is split into words


@dataclass(frozen=True)
class Language:
    """One language of the site, with every trait the site's behaviour depends on."""

    code: str  # folder and address segment: content/km/, /km/
    name: str  # in its own script, for menus: ខ្មែរ
    default: bool = False
    tag: str = ""  # BCP 47, for lang and hreflang: km, zh-Hans, jra
    script: str = "Latn"  # ISO 15924
    digits: str = "latn"
    date_format: str = "d MMMM y"
    # The Babel locale of month and day names: the language's own, else a fallback
    # language's (Babel has no Jrai or Bahnar data), see load_languages.
    date_locale: str = ""
    og_locale: str = ""
    fallback: tuple[str, ...] = ()  # where missing interface text comes from, in order
    search: SearchTraits = field(default_factory=SearchTraits)
    keyboard: str = ""  # the kiosk keyboard's layout for it, one of KEYBOARDS; '' for none

    @property
    def prefix(self) -> str:
        """URL prefix of the language: '' for the default language, 'en/' for English."""
        return "" if self.default else f"{self.code}/"

    @property
    def lang(self) -> str:
        """The value of lang and hreflang attributes."""
        return self.tag or self.code

    @property
    def digit_table(self) -> dict[int, int]:
        """A str.translate table from 0–9 to the language's digits."""
        return str.maketrans("0123456789", DIGITS[self.digits])


def babel_locale(name: str) -> str | None:
    """Babel's name of a locale (zh-Hans -> zh_Hans), or None when Babel has no data for it."""
    try:
        return str(Locale.parse(name.replace("_", "-"), sep="-"))
    except (ValueError, UnknownLocaleError):
        return None


def key_lines(text: str) -> dict[str, int]:
    """The file line of each key of a YAML mapping, nested keys as 'language.search.text'."""
    return dict(_key_lines(text))


@functools.lru_cache(maxsize=64)
def _key_lines(text: str) -> tuple[tuple[str, int], ...]:
    # Each locales file is read for its language block and for its texts: composed once.
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, prefix: str) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                name = f"{prefix}{key.value}"
                lines.setdefault(name, key.start_mark.line + 1)  # PyYAML counts from 0
                walk(value, f"{name}.")

    try:
        root = yamltext.compose(text)
    except yaml.YAMLError:
        return ()
    if root is not None:
        walk(root, "")
    return tuple(lines.items())


def read_language_block(
    path: Path, rel: str, problems: list[Problem], lines: dict[str, int] | None = None
) -> dict[str, Any]:
    """The ``language:`` block of a locales file ({} if unreadable); ``lines`` gets key lines."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yamltext.load(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # the strings loader reports the file itself
    if lines is not None:
        lines.update(key_lines(text))
    block = data.get(LANGUAGE_KEY) if isinstance(data, dict) else None
    if block is None:
        problems.append(
            Problem(
                rel,
                0,
                LANGUAGE_KEY,
                "missing; copy the language: block of the default language's file and "
                "change what differs, like tag: km, script: Khmr, digits: khmr.",
            )
        )
        return {}
    if not isinstance(block, dict):
        problems.append(
            Problem(
                rel,
                (lines or {}).get(LANGUAGE_KEY, 0),
                LANGUAGE_KEY,
                "must be a block of fields, like tag: km on its own line.",
            )
        )
        return {}
    return block


def _traits(
    block: Mapping[str, Any],
    rel: str,
    codes: Iterable[str],
    problems: list,
    lines: Mapping[str, int] | None = None,
) -> dict:
    """Checked traits of one language from its block."""

    def wrong(name: str, message: str) -> None:
        field_name = f"{LANGUAGE_KEY}.{name}"
        problems.append(Problem(rel, (lines or {}).get(field_name, 0), field_name, message))

    traits: dict[str, Any] = {}
    for name in ("tag", "script", "date_format", "date_locale", "og_locale"):
        value = block.get(name)
        if value is not None and not isinstance(value, str):
            wrong(name, f"must be text, like {_EXAMPLES[name]}.")
        elif value:
            traits[name] = value
    if traits.get("date_locale"):
        known = babel_locale(traits["date_locale"])
        if known is None:
            wrong(
                "date_locale",
                f"'{traits.pop('date_locale')}' is not a locale the date library (Babel) knows; "
                "name a language whose month names the readers know, like date_locale: vi.",
            )
        else:
            traits["date_locale"] = known
    keyboard = block.get("keyboard", "")
    if keyboard and keyboard not in KEYBOARDS:
        wrong(
            "keyboard",
            f"'{keyboard}' is not a keyboard layout of the kiosk; use one of "
            f"{', '.join(KEYBOARDS)}, or leave it out.",
        )
    elif keyboard:
        traits["keyboard"] = keyboard
    digits = block.get("digits", "latn")
    if digits not in DIGITS:
        wrong("digits", f"'{digits}' is not a digit style; use one of {', '.join(DIGITS)}.")
    else:
        traits["digits"] = digits
    fallback = block.get("fallback", [])
    if isinstance(fallback, str):
        fallback = [fallback]
    known = set(codes)
    if not isinstance(fallback, list) or any(code not in known for code in fallback):
        wrong(
            "fallback",
            f"must list languages of the site ({', '.join(sorted(known))}), like fallback: [vi].",
        )
    else:
        traits["fallback"] = tuple(fallback)
    search = block.get("search") or {}
    text = search.get("text", "plain") if isinstance(search, dict) else None
    chunk = search.get("chunk_size", DEFAULT_CHUNK_SIZE) if isinstance(search, dict) else None
    if text not in SEARCH_TEXTS:
        wrong("search.text", f"'{text}' is not known; use one of {', '.join(SEARCH_TEXTS)}.")
    elif not isinstance(chunk, int) or isinstance(chunk, bool) or chunk < 1:
        wrong("search.chunk_size", "must be a whole number above 0, like chunk_size: 5000.")
    elif not isinstance(words := search.get("words", []), list) or not all(
        isinstance(word, str) and word.strip() for word in words
    ):
        wrong("search.words", "must be a list of words, like words: [ຢາລາຍ, ກບັງ].")
    elif words and text not in WORD_LIST_TEXTS:
        wrong(
            "search.words",
            f"is used only when search.text is {' or '.join(WORD_LIST_TEXTS)}; remove it.",
        )
    else:
        traits["search"] = SearchTraits(text, chunk, tuple(word.strip() for word in words))
    return traits


_EXAMPLES = {
    "tag": "tag: km",
    "script": "script: Khmr",
    "date_format": 'date_format: "d MMMM y"',
    "date_locale": "date_locale: vi",
    "og_locale": "og_locale: km_KH",
}


def load_languages(
    entries: Iterable[Mapping[str, Any]], strings_dir: Path, rel_of=str
) -> tuple[Language, ...]:
    """The language table from the i18n plugin's entries and each locales file's block.

    ``entries`` are the plugin's ``languages`` items (locale, name, default, build);
    ``rel_of`` turns a path into the form shown to people.
    """
    built = [entry for entry in entries if entry.get("build", True)]
    codes = [str(entry["locale"]) for entry in built]
    problems: list[Problem] = []
    languages = []
    where: dict[str, tuple[str, int]] = {}
    for entry in built:
        code = str(entry["locale"])
        path = strings_dir / f"{code}.yml"
        rel = rel_of(path)
        lines: dict[str, int] = {}
        found = len(problems)
        block = read_language_block(path, rel, problems, lines) if path.is_file() else {}
        traits = _traits(block, rel, [c for c in codes if c != code], problems, lines)
        if block and len(problems) == found:
            # Only a block without mistakes can say where its dates come from.
            where[code] = (rel, lines.get(LANGUAGE_KEY, 0))
        languages.append(
            Language(
                code=code, name=str(entry["name"]), default=bool(entry.get("default")), **traits
            )
        )
    languages = _with_date_locales(languages, where, problems)
    if problems:
        raise ContentError(problems)
    return tuple(languages)


def _with_date_locales(
    languages: list[Language], where: Mapping[str, tuple[str, int]], problems: list[Problem]
) -> list[Language]:
    """Each language with the Babel locale of its dates decided."""
    # Without date_locale: a language's dates use its own tag or code when Babel has data
    # for it, else those of the first language of its fallback chain that has some (Jrai,
    # with fallback: [vi], writes Vietnamese month names); with none, the build stops.
    own = {
        language.code: language.date_locale
        or babel_locale(language.lang)
        or babel_locale(language.code)
        for language in languages
    }
    decided = []
    for language in languages:
        chain = [own.get(code) for code in (language.code, *language.fallback)]
        found = next((name for name in chain if name), None)
        if found is None and language.code in where:
            rel, line = where[language.code]
            problems.append(
                Problem(
                    rel,
                    line,
                    f"{LANGUAGE_KEY}.date_locale",
                    f"the date library (Babel) has no month names for '{language.lang}' or "
                    "the languages it falls back to; name a language whose month names its "
                    "readers know, like date_locale: vi.",
                )
            )
        decided.append(dataclasses.replace(language, date_locale=found or ""))
    return decided
