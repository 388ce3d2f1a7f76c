"""Interface text of the site per language, kept in ``locales/<code>.yml``.

The default language's file holds every key. Another language's file may leave keys out:
each missing key takes the text of the first language of its fallback chain
(``fallback:`` in its ``language:`` block) whose file has it, and the page marks that text
with the other language's ``lang``. A key that no language of the chain has, or a
translation that changes a ``{field}``, stops the build.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml
from babel.dates import format_date
from markupsafe import Markup, escape

from . import yamltext
from .languages import LANGUAGE_KEY, Language, key_lines
from .problems import ContentError, Problem
from .settings import Settings

_FIELD = re.compile(r"\{(\w+)\}")


class Strings:
    """The interface text of one language, with its date and number formats."""

    def __init__(
        self, language: Language, values: dict[str, str], borrowed: dict[str, str] | None = None
    ) -> None:
        self.language = language
        self.lang = language.code
        self.values = values
        # key -> lang attribute of the language a missing text was taken from
        self.borrowed = borrowed or {}
        self._digits = language.digit_table

    def __call__(self, key: str, **fields: object) -> str:
        """The text for ``key`` with its {fields} filled in."""
        text = self.values[key]
        if fields:
            text = text.format(**{k: self.number(v) for k, v in fields.items()})
        return text

    def html(self, key: str, **fields: object) -> Markup:
        """The text for ``key``, escaped; marked with its language when it was borrowed."""
        text = escape(self(key, **fields))
        lang = self.borrowed.get(key)
        return Markup(f'<span lang="{lang}">{text}</span>') if lang else text

    def lang_of(self, key: str) -> str:
        """The lang attribute of the text for ``key``: the language's, or the lender's."""
        return self.borrowed.get(key) or self.language.lang

    def number(self, value: object) -> str:
        """Numbers written in the language's digits."""
        if isinstance(value, int):
            return str(value).translate(self._digits)
        return str(value)

    def date(self, value: dt.date) -> str:
        """A date as readers of the language write it, month names from its ``date_locale``."""
        locale = self.language.date_locale or self.lang
        text = format_date(value, self.language.date_format, locale=locale)
        return text.translate(self._digits)

    def date_html(self, value: dt.date) -> Markup:
        """A date for a page, marked with its month names' language when that is another."""
        text = escape(self.date(value))
        lang = (self.language.date_locale or self.lang).replace("_", "-")
        return Markup(f'<span lang="{lang}">{text}</span>') if lang != self.language.lang else text


@dataclass
class StringsFile:
    """One language's ``locales/<code>.yml`` as read: its texts and the line of each key."""

    code: str
    rel: str
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class MissingText:
    """A key a language's file leaves out, and the language whose text is shown instead."""

    key: str
    shown_from: str  # a language code, or '' when no language of the chain has the key


def read_strings_files(settings: Settings) -> tuple[dict[str, StringsFile], list[Problem]]:
    """Every language's locales file that can be read, and the problems of the others."""
    folder = settings.project_dir / settings.strings_dir
    default = settings.default_language.code
    files: dict[str, StringsFile] = {}
    problems: list[Problem] = []
    for code in settings.language_codes:
        path = folder / f"{code}.yml"
        rel = settings.relpath(path)
        if not path.is_file():
            problems.append(
                Problem(
                    rel,
                    0,
                    "",
                    f"missing; copy {settings.strings_dir}/{default}.yml to it "
                    "and translate every line.",
                )
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
            data = yamltext.load(text) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            problems.append(Problem(rel, 0, "", f"is not valid YAML text ({error})."))
            continue
        values = {str(k): str(v) for k, v in data.items() if k != LANGUAGE_KEY}
        files[code] = StringsFile(code, rel, values, key_lines(text))
    return files, problems


def missing_texts(settings: Settings, files: dict[str, StringsFile]) -> dict[str, list]:
    """Per language, the default language's keys its file leaves out, and who lends them."""
    default = settings.default_language.code
    reference = files.get(default)
    if reference is None:
        return {}
    missing: dict[str, list[MissingText]] = {}
    for code, own in files.items():
        chain = [files[c] for c in settings.language(code).fallback if c in files]
        missing[code] = [
            MissingText(key, next((c.code for c in chain if key in c.values), ""))
            for key in reference.values
            if key not in own.values
        ]
    return missing


def load_strings(settings: Settings) -> dict[str, Strings]:
    """Read every language's strings; a missing file or key is a problem, not a crash."""
    files, problems = read_strings_files(settings)
    default = settings.default_language.code
    if default not in files:
        raise ContentError(problems)
    source = files[default]
    missing = missing_texts(settings, files)
    loaded = {}
    for code, own in files.items():
        problems += _wrong_fields(own, source)
        values = dict(own.values)
        borrowed = {}
        for text in missing[code]:
            if not text.shown_from:
                problems.append(_missing(settings, own, source, text.key))
                continue
            values[text.key] = files[text.shown_from].values[text.key]
            borrowed[text.key] = settings.language(text.shown_from).lang
        loaded[code] = Strings(settings.language(code), values, borrowed)
    if problems:
        raise ContentError(problems)
    return loaded


def _missing(settings: Settings, own: StringsFile, source: StringsFile, key: str) -> Problem:
    """A key neither the file nor any language of its fallback chain has."""
    hint = ""
    if not settings.language(own.code).fallback:
        hint = f", or let it fall back with fallback: [{source.code}] in its language: block"
    return Problem(own.rel, 0, key, f"missing; translate it from {source.rel}{hint}.")


def _wrong_fields(own: StringsFile, source: StringsFile) -> list[Problem]:
    """Texts of a file whose {fields} differ from the default language's."""
    problems = []
    for key, text in own.values.items():
        original = source.values.get(key)
        if original is None:
            continue
        wanted = set(_FIELD.findall(original))
        if set(_FIELD.findall(text)) != wanted:
            fields = ", ".join(f"{{{name}}}" for name in sorted(wanted))
            problems.append(
                Problem(
                    own.rel,
                    own.lines.get(key, 0),
                    key,
                    f"must keep the fields {fields or '(none)'} exactly as in "
                    f"{source.rel}; translate only the words around them.",
                )
            )
    return problems
