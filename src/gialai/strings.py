"""Interface text of the site per language, kept in ``locales/<code>.yml``."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from babel.dates import format_date
from markupsafe import Markup, escape

from .languages import LANGUAGE_KEY, Language
from .problems import ContentError, Problem
from .settings import Settings

_FIELD = re.compile(r"\{(\w+)\}")


class Strings:
    """The interface text of one language, with its date and number formats."""

    def __init__(self, language: Language, values: dict[str, str]) -> None:
        self.language = language
        self.lang = language.code
        self.values = values
        self._digits = language.digit_table

    def __call__(self, key: str, **fields: object) -> str:
        """The text for ``key`` with its {fields} filled in."""
        text = self.values[key]
        if fields:
            text = text.format(**{k: self.number(v) for k, v in fields.items()})
        return text

    def number(self, value: object) -> str:
        """Numbers written in the language's digits."""
        if isinstance(value, int):
            return str(value).translate(self._digits)
        return str(value)

    def date(self, value: dt.date) -> str:
        """A date as readers of the language write it, month names from Babel.

        The month names are those of the language's ``date_locale`` (see
        ``languages.load_languages``): its own, or a fallback language's when Babel has
        no data for it.
        """
        locale = self.language.date_locale or self.lang
        text = format_date(value, self.language.date_format, locale=locale)
        return text.translate(self._digits)

    def date_html(self, value: dt.date) -> Markup:
        """A date for a page, marked with the language of its month names when they are
        another language's."""
        text = escape(self.date(value))
        lang = (self.language.date_locale or self.lang).replace("_", "-")
        return Markup(f'<span lang="{lang}">{text}</span>') if lang != self.language.lang else text


def load_strings(settings: Settings) -> dict[str, Strings]:
    """Read every language's strings; a missing file or key is a problem, not a crash."""
    folder = settings.project_dir / settings.strings_dir
    default = settings.default_language.code
    loaded: dict[str, dict[str, str]] = {}
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
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            problems.append(Problem(rel, 0, "", f"is not valid YAML text ({error})."))
            continue
        loaded[code] = {str(k): str(v) for k, v in data.items() if k != LANGUAGE_KEY}
    if default in loaded:
        for code, values in loaded.items():
            problems += _compare(
                values,
                loaded[default],
                settings.relpath(folder / f"{code}.yml"),
                f"{settings.strings_dir}/{default}.yml",
            )
    if problems:
        raise ContentError(problems)
    return {code: Strings(settings.language(code), values) for code, values in loaded.items()}


def _compare(values: dict[str, str], original: dict[str, str], rel: str, source: str) -> list:
    """Problems of one language's strings against the default language's."""
    problems = []
    for key, text in original.items():
        if key not in values:
            problems.append(Problem(rel, 0, key, f"missing; translate it from {source}."))
        elif set(_FIELD.findall(values[key])) != set(_FIELD.findall(text)):
            fields = ", ".join(f"{{{field}}}" for field in sorted(set(_FIELD.findall(text))))
            problems.append(
                Problem(
                    rel,
                    0,
                    key,
                    f"must keep the fields {fields or '(none)'} exactly as in "
                    f"{source}; translate only the words around them.",
                )
            )
    return problems
