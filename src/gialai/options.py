"""How one build is asked for: the day, the preview, the edition, the caches, one language.

A build started by ``gialai`` gets its options as arguments. A build started by MkDocs
itself (``mkdocs build``, ``mkdocs serve``, or the language processes of a parallel build)
reads them from one environment variable, ``GIALAI_BUILD``, holding these options as JSON;
without it, a build is the public site as of today. That variable is the only channel from
a command to a build, and only a process's own environment is read: nothing here changes
``os.environ``.

One more variable is a setting of the machine, not of a build: ``GIALAI_STORE`` names a
folder for what a build makes from its inputs alone and names by their digest (cut fonts,
image variants, QR codes), so that several checkouts of the project, or the runs of a
test suite, make each of them once (like ``PIP_CACHE_DIR``). Without it they are kept in
the cache folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .problems import ContentError, Problem

ENVIRONMENT_VARIABLE = "GIALAI_BUILD"
STORE_VARIABLE = "GIALAI_STORE"
_EXAMPLE = '{"build_date": "2025-12-30", "preview": true}'


@dataclass(frozen=True)
class BuildOptions:
    """What one build is for; None means "as the command and configuration decide"."""

    build_date: dt.date | None = None  # the day the site is built as of (today)
    preview: bool | None = None  # drafts shown (the preview server: yes; builds: no)
    edition: str | None = None  # web or kiosk (extra.gialai.edition of the config)
    cache_dir: Path | None = None  # what builds reuse (.cache/ beside mkdocs.yml)
    store_dir: Path | None = None  # fonts, images, QR codes by digest ($GIALAI_STORE, cache)
    only_language: str | None = None  # one language's process of a parallel build

    def replace(self, **changes: object) -> BuildOptions:
        """A copy with some options changed."""
        return dataclasses.replace(self, **changes)

    def to_env(self) -> dict[str, str]:
        """The environment entry that hands these options to a MkDocs process."""
        data = {
            "build_date": self.build_date.isoformat() if self.build_date else None,
            "preview": self.preview,
            "edition": self.edition,
            "cache_dir": str(self.cache_dir) if self.cache_dir else None,
            "store_dir": str(self.store_dir) if self.store_dir else None,
            "only_language": self.only_language,
        }
        given = {key: value for key, value in data.items() if value is not None}
        return {ENVIRONMENT_VARIABLE: json.dumps(given, ensure_ascii=False)}

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> BuildOptions:
        """The options a command handed to this process (none: the defaults)."""
        text = environ.get(ENVIRONMENT_VARIABLE, "").strip()
        if not text:
            return cls()
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None
        if not isinstance(data, dict) or set(data) - {f.name for f in dataclasses.fields(cls)}:
            raise _problem(f"'{text}' is not a set of build options; write them like {_EXAMPLE}.")
        return cls(
            build_date=_date(data.get("build_date")),
            preview=_flag(data.get("preview"), "preview"),
            edition=_text(data.get("edition"), "edition"),
            cache_dir=Path(data["cache_dir"]) if data.get("cache_dir") else None,
            store_dir=Path(data["store_dir"]) if data.get("store_dir") else None,
            only_language=_text(data.get("only_language"), "only_language"),
        )


def _problem(message: str) -> ContentError:
    return ContentError([Problem(ENVIRONMENT_VARIABLE, 0, "", message)])


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise _problem(f"build_date: '{value}' is not a date; write it like 2025-12-30.") from None


def _flag(value: object, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise _problem(f"{name}: '{value}' is not true or false; write it like {_EXAMPLE}.")


def _text(value: object, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise _problem(f"{name}: '{value}' is not text; write it like {_EXAMPLE}.")
