"""Translation status: which translations are up to date, outdated, missing or orphaned,
and which interface texts each language's locales file leaves out."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .articles import Article
from .catalog import DRAFT, SCHEDULED, Catalog
from .settings import Settings
from .strings import MissingText, missing_texts, read_strings_files

UP_TO_DATE = "up-to-date"
OUTDATED = "outdated"
IN_PROGRESS = "in-progress"
MISSING = "missing"
ORPHANED = "orphaned"
STATES = (UP_TO_DATE, OUTDATED, IN_PROGRESS, MISSING, ORPHANED)


@dataclass(frozen=True)
class TranslationState:
    """The state of one article in one translation language."""

    lang: str
    key: str
    state: str
    title: str
    source: str
    translation: str
    scheduled: str = ""  # the day a scheduled source appears, like 2026-02-01

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def translation_status(catalog: Catalog) -> dict[str, list[TranslationState]]:
    """Per translation language, the state of every Vietnamese article and every orphan."""
    settings = catalog.settings
    default = settings.default_language.code
    result: dict[str, list[TranslationState]] = {}
    for lang in settings.language_codes:
        if lang == default:
            continue
        rows = []
        for key, source in sorted(catalog.sources.items()):
            translation = catalog.translations.get(lang, {}).get(key)
            target = settings.relpath(settings.content_dir / lang / f"{key}.md")
            if translation is None:
                state = MISSING
            elif translation.status == DRAFT:
                state = IN_PROGRESS
            elif translation.source_revision == source.revision:
                state = UP_TO_DATE
            else:
                state = OUTDATED
            waiting = source.publish_date if catalog.state_of(source) == SCHEDULED else None
            rows.append(
                TranslationState(
                    lang,
                    key,
                    state,
                    source.title,
                    source.rel,
                    target if translation is not None else "",
                    waiting.isoformat() if waiting else "",
                )
            )
        for orphan in catalog.orphans.get(lang, []):
            rows.append(TranslationState(lang, orphan.key, ORPHANED, orphan.title, "", orphan.rel))
        result[lang] = rows
    return result


@dataclass(frozen=True)
class InterfaceTextStatus:
    """The interface texts of one language: its file, how many keys, which are missing."""

    file: str
    keys: int
    missing: tuple[MissingText, ...]

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "keys": self.keys,
            "missing": [asdict(text) for text in self.missing],
        }


def interface_text_status(settings: Settings) -> dict[str, InterfaceTextStatus]:
    """Per language with a readable locales file, the default language's keys it lacks."""
    files, _problems = read_strings_files(settings)  # the build and check report the rest
    reference = files.get(settings.default_language.code)
    keys = len(reference.values) if reference else 0
    return {
        code: InterfaceTextStatus(files[code].rel, keys, tuple(missing))
        for code, missing in missing_texts(settings, files).items()
    }


def count_states(rows: list[TranslationState]) -> dict[str, int]:
    """How many articles are in each state."""
    counts = dict.fromkeys(STATES, 0)
    for row in rows:
        counts[row.state] += 1
    return counts


_REVISION_LINE = re.compile(r"^source_revision:.*$", re.MULTILINE)


def write_revision(path: Path, revision: str) -> None:
    """Record in a translation which revision of its source it was made from.

    Only the ``source_revision`` line changes; the rest of the file stays as written.
    """
    text = path.read_text(encoding="utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise ValueError(f"{path} has no front matter")
    end = text.index("\n---", 3)
    front, rest = text[4:end], text[end:]
    line = f"source_revision: {revision}"
    if _REVISION_LINE.search(front):
        front = _REVISION_LINE.sub(line, front, count=1)
    else:
        front = front.rstrip("\n") + "\n" + line
    text = "---\n" + front + rest
    path.write_text(text.replace("\n", newline), encoding="utf-8")


def source_text_as_comments(source: Article) -> str:
    """The Vietnamese body, block by block, as comments to translate from."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", source.body.strip()) if block.strip()]
    parts = []
    for block in blocks:
        safe = block.replace("--", "- -")
        parts.append(f"<!-- {safe} -->\n\n")
    return "".join(parts)
