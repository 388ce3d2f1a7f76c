"""Old addresses: renaming an article, the redirects file, and the pages at old addresses.

An article's address is its key, ``folder/slug`` (``du-lich/thac-50``), the same in every
language. ``redirects.yml`` beside ``mkdocs.yml`` lists, one per line, each old key and the
key the article has now. It lives outside ``content/`` so that MkDocs never publishes it.
Every build then writes a small page at each old address, in every language, that sends
the reader on to the article: links and QR codes printed before a rename keep working.
"""

from __future__ import annotations

import contextlib
import difflib
import html
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

import yaml

from . import yamltext
from .articles import _TARGET, split_front_matter
from .listings import ARCHIVE_PATH, SEARCH_PATH, TAGS_PATH
from .problems import Problem
from .settings import Settings
from .text import SLUG_MAX, SLUG_PATTERN, slugify

if TYPE_CHECKING:  # catalog.py imports this module
    from .catalog import Catalog
    from .strings import Strings

REDIRECTS_FILE = "redirects.yml"
EXAMPLE = "du-lich/thac-50: du-lich/thac-50-o-kbang"
HEADER = (
    "# Old addresses of articles, one per line, and the article each one leads to now:\n"
    "#   old-folder/old-slug: folder/slug\n"
    "# `gialai rename` keeps this file. Every edition serves a small page at each old\n"
    "# address that sends readers on, so links and QR codes printed before a rename work.\n"
)
# Folders of the site's own pages (and, from the page plan, the preview's dashboard and the
# kiosk's start screen): an article never had an address there.
_SITE_FOLDERS = (
    *(path.strip("/") for path in (TAGS_PATH, ARCHIVE_PATH, SEARCH_PATH)),
    "trang-thai-dich",
    "start",
    "assets",
)


class RedirectError(Exception):
    """A rename or redirect that cannot be made, explained in plain words."""


@dataclass(frozen=True)
class Redirect:
    """One line of the redirects file: an old address and the address it leads to."""

    old: str
    new: str
    line: int


@dataclass
class RedirectsFile:
    """The parsed redirects file: its entries, its text, and whether lines can be edited."""

    rel: str
    text: str = ""
    entries: list[Redirect] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    one_per_line: bool = True

    @property
    def mapping(self) -> dict[str, str]:
        return {entry.old: entry.new for entry in self.entries}

    def line_of(self, old: str) -> int:
        return next((entry.line for entry in self.entries if entry.old == old), 0)


# --- the redirects file -------------------------------------------------------------------


def is_address(text: str) -> bool:
    """Whether ``text`` has the form of an article address, ``folder/slug``."""
    parts = text.split("/")
    return len(parts) == 2 and all(SLUG_PATTERN.match(part) for part in parts)


def suggest_address(text: str) -> str:
    """The address someone most likely meant: 'du-lich/Thác 50.md' -> 'du-lich/thac-50'."""
    text = text.strip().strip("/").removesuffix(".md").removesuffix("/index.html")
    parts = [slugify(part) for part in text.split("/") if slugify(part)]
    return "/".join(parts[-2:]) if len(parts) >= 2 else ""


def parse_redirects(text: str, rel: str = REDIRECTS_FILE) -> RedirectsFile:
    """Read the redirects file's text; every mistake in it is a Problem with its line."""
    parsed = RedirectsFile(rel, text)
    problems = parsed.problems
    try:
        root = yamltext.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problems.append(
            Problem(
                rel,
                line,
                "",
                "this is not a list of addresses; write one old address per line with its "
                f"new one, like {EXAMPLE}.",
            )
        )
        return parsed
    if root is None:
        return parsed
    if not isinstance(root, yaml.MappingNode):
        problems.append(
            Problem(
                rel,
                root.start_mark.line + 1,
                "",
                f"write one old address per line with its new one, like {EXAMPLE}.",
            )
        )
        return parsed
    parsed.one_per_line = not root.flow_style
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        if value_node.start_mark.line != key_node.start_mark.line or value_node.end_mark.line > (
            value_node.start_mark.line
        ):
            parsed.one_per_line = False
        old = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        new = value_node.value if isinstance(value_node, yaml.ScalarNode) else ""
        if not is_address(old):
            problems.append(_address_problem(rel, line, "", "the old address", str(old)))
            continue
        if old in seen:
            problems.append(
                Problem(rel, line, old, f"listed twice (also on line {seen[old]}); keep one line.")
            )
            continue
        seen[old] = line
        if not new:
            problems.append(
                Problem(
                    rel,
                    line,
                    old,
                    f"no new address; write the article's address now, like {old}: "
                    f"{old.split('/')[0]}/new-slug.",
                )
            )
            continue
        if not is_address(new):
            problems.append(_address_problem(rel, line, old, "the new address", str(new)))
            continue
        parsed.entries.append(Redirect(old, new, line))
    return parsed


def _address_problem(rel: str, line: int, name: str, what: str, value: str) -> Problem:
    suggestion = suggest_address(value) or "du-lich/thac-50"
    return Problem(
        rel,
        line,
        name,
        f"{what} '{value}' is not an article address; write it as folder/slug, like {suggestion}.",
    )


def load_redirects(settings: Settings) -> RedirectsFile:
    """The project's redirects file, parsed; an absent file has no entries."""
    path = settings.project_dir / REDIRECTS_FILE
    rel = settings.relpath(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return RedirectsFile(rel)
    except UnicodeDecodeError:
        problem = Problem(rel, 0, "", "is not UTF-8 text; save it again as UTF-8.")
        return RedirectsFile(rel, problems=[problem])
    return parse_redirects(text.replace("\r\n", "\n"), rel)


def check_redirects(
    redirects: RedirectsFile,
    articles: dict[str, str],
    reserved: tuple[str, ...] = (),
    sources: str = "content/vi",
) -> list[Problem]:
    """Entries that would hide a live article or lead nowhere.

    ``articles`` maps the key of every Vietnamese article to its file as people see it;
    ``reserved`` are first folders the site uses for other pages (languages, tags …);
    ``sources`` is the folder of the Vietnamese articles, as people see it.
    """
    rel = redirects.rel
    mapping = redirects.mapping
    problems = list(redirects.problems)
    for entry in redirects.entries:
        old, new, line = entry.old, entry.new, entry.line
        folder = old.split("/")[0]
        if folder in reserved:
            problems.append(
                Problem(
                    rel,
                    line,
                    old,
                    f"'{folder}/' is no folder of articles; an old address is the folder and "
                    "slug an article had, the same in every language, like du-lich/thac-50.",
                )
            )
            continue
        if old in articles:
            problems.append(
                Problem(
                    rel,
                    line,
                    old,
                    f"an article lives at this address ({articles[old]}), and the redirect "
                    "would hide it; delete this line, or give the article another address "
                    f"with gialai rename {old} NEW-SLUG.",
                )
            )
            continue
        if new in articles:
            continue
        path = _follow(mapping, old)
        end = path[-1]
        if end in path[:-1]:
            circle = " → ".join(path)
            problems.append(
                Problem(
                    rel,
                    line,
                    old,
                    f"the redirects lead in a circle ({circle}); point it at an existing "
                    f"article, like {old}: {_example(new, articles)}.",
                )
            )
        elif new in mapping and end in articles:
            problems.append(
                Problem(
                    rel,
                    line,
                    old,
                    f"'{new}' is itself an old address (line {redirects.line_of(new)}); point "
                    f"straight at the article it leads to, like {old}: {end}.",
                )
            )
        else:
            problems.append(
                Problem(
                    rel,
                    line,
                    old,
                    f"the new address '{new}' is no article (there is no "
                    f"{sources}/{new}.md); write the address of an existing article, "
                    f"like {old}: {_example(new, articles)}.",
                )
            )
    return problems


def _follow(mapping: dict[str, str], start: str) -> list[str]:
    """The addresses from ``start`` on, until one is no old address or one comes back."""
    path = [start]
    while path[-1] in mapping:
        path.append(mapping[path[-1]])
        if path[-1] in path[:-1]:
            break
    return path


def _example(wanted: str, articles: dict[str, str]) -> str:
    slug = wanted.rsplit("/", 1)[-1]
    same_slug = [key for key in articles if key.rsplit("/", 1)[-1] == slug]
    if same_slug:
        return same_slug[0]
    close = difflib.get_close_matches(wanted, list(articles), n=1, cutoff=0.0)
    return close[0] if close else "du-lich/thac-50-o-kbang"


def add_redirect(mapping: dict[str, str], old: str, new: str) -> dict[str, str]:
    """The redirects after the article at ``old`` moves to ``new``.

    Earlier addresses of the article lead straight to ``new`` (A→B, then B→C gives A→C
    and B→C); an article moved back to an old address of its own takes it over.
    """
    if old == new:
        raise RedirectError(
            f"'{old}' is already the article's address; a redirect to itself would loop."
        )
    taken_by = mapping.get(new)
    if taken_by is not None and taken_by != old:
        raise RedirectError(
            f"'{new}' is the old address of {taken_by}; links and QR codes printed with it "
            "lead there. Choose another slug."
        )
    result: dict[str, str] = {}
    for before, after in mapping.items():
        if before == new:
            continue  # the article moves back to an address it had: it lives there again
        result[before] = new if after == old else after
    result[old] = new
    for start in result:
        path = _follow(result, start)
        if path[-1] in path[:-1]:
            raise RedirectError(
                f"the redirects would lead in a circle ({' → '.join(path)}); fix "
                f"{REDIRECTS_FILE} first."
            )
    return result


def render_redirects(redirects: RedirectsFile, mapping: dict[str, str]) -> str:
    """The file's new text: changed lines edited in place, comments kept, new lines last."""
    if not redirects.one_per_line or not redirects.text.strip():
        lines = HEADER.rstrip("\n").split("\n")
        known: set[str] = set()
    else:
        lines = []
        by_line = {entry.line: entry for entry in redirects.entries}
        for number, line in enumerate(redirects.text.rstrip("\n").split("\n"), 1):
            entry = by_line.get(number)
            if entry is None:
                lines.append(line)
            elif entry.old in mapping:
                if mapping[entry.old] != entry.new:
                    comment = re.search(r"\s+#.*$", line)
                    line = f"{entry.old}: {mapping[entry.old]}{comment[0] if comment else ''}"
                lines.append(line)
        known = {entry.old for entry in redirects.entries}
    lines += [f"{old}: {new}" for old, new in mapping.items() if old not in known]
    return "\n".join(lines) + "\n"


# --- renaming an article ------------------------------------------------------------------


@dataclass
class RenamePlan:
    """Everything a rename changes, worked out before any file is touched."""

    old: str
    new: str
    moves: list[tuple[Path, Path]] = field(default_factory=list)
    texts: dict[Path, str] = field(default_factory=dict)  # new text of each file, by new path
    link_counts: dict[Path, int] = field(default_factory=dict)
    redirects_path: Path | None = None
    redirects_text: str = ""
    mapping: dict[str, str] = field(default_factory=dict)


def find_article(settings: Settings, name: str, redirects: RedirectsFile) -> str:
    """The key of the Vietnamese article called ``name`` (a slug, a key or its file)."""
    content = settings.content_dir
    default = settings.default_language.code
    text = name.strip().replace("\\", "/").strip("/").removesuffix(".md")
    for prefix in (f"{settings.relpath(content)}/{default}/", f"{default}/"):
        text = text.removeprefix(prefix)
    if "/" in text:
        candidates = [text]
    else:
        candidates = [f"{category.folder}/{text}" for category in settings.categories]
    found = [
        key
        for key in candidates
        if is_address(key)
        and settings.category_for_folder(key.split("/")[0]) is not None
        and key.rsplit("/", 1)[-1] != "index"
        and (content / default / f"{key}.md").is_file()
    ]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        files = " and ".join(settings.relpath(content / default / f"{key}.md") for key in found)
        raise RedirectError(f"the slug '{text}' is used by {files}; say which, like {found[0]}.")
    mapping = redirects.mapping
    for key in candidates:
        if key in mapping:
            raise RedirectError(
                f"'{key}' was renamed before and now leads to {mapping[key]}; rename that "
                f"article instead, like: gialai rename {mapping[key]} NEW-SLUG."
            )
    raise RedirectError(
        f"there is no Vietnamese article '{text}'; `gialai status` lists the articles."
    )


def new_address(settings: Settings, old: str, name: str) -> str:
    """The key ``name`` gives the article at ``old``: a slug keeps its folder."""
    text = name.strip().replace("\\", "/").strip("/").removesuffix(".md")
    folder, _, slug = text.rpartition("/")
    folder = folder or old.split("/")[0]
    if "/" in folder:
        raise RedirectError(
            f"'{name}' is not an address; write a slug, or a category folder and a slug, "
            f"like {old.split('/')[0]}/{suggest_address(text).rsplit('/', 1)[-1] or 'thac-50'}."
        )
    if settings.category_for_folder(folder) is None:
        folders = ", ".join(category.folder for category in settings.categories)
        category = settings.category(folder)
        if category is not None:
            raise RedirectError(
                f"'{folder}' is a category; its folder is {category.folder}, so write "
                f"{category.folder}/{slug}."
            )
        raise RedirectError(
            f"'{folder}' is not a category folder; use one of {folders}, like "
            f"{settings.categories[0].folder if settings.categories else 'du-lich'}/{slug}."
        )
    if not SLUG_PATTERN.match(slug):
        suggestion = slugify(slug, SLUG_MAX) or "thac-50"
        raise RedirectError(
            f"'{slug}' is not a valid slug: use only a–z, 0–9 and '-', like {suggestion}."
        )
    if len(slug) > SLUG_MAX:
        raise RedirectError(
            f"'{slug}' is longer than {SLUG_MAX} characters; choose a shorter slug, "
            f"like {slugify(slug, SLUG_MAX)}."
        )
    if slug == "index":
        raise RedirectError("'index' is the name of a category's own page; choose another slug.")
    return f"{folder}/{slug}"


def _refuse_taken(settings: Settings, old: str, new: str) -> None:
    """A slug belongs to one article, in every category of every language (as for new)."""
    from .catalog import free_slug

    slug = new.rsplit("/", 1)[-1]

    def owner(candidate: str) -> Path | None:
        for lang in settings.language_codes:
            for category in settings.categories:
                key = f"{category.folder}/{candidate}"
                path = settings.content_dir / lang / f"{key}.md"
                if key != old and path.exists():
                    return path
        return None

    found = owner(slug)
    if found is None:
        return
    taken = {slug}
    while owner(example := free_slug(slug, taken)):
        taken.add(example)
    if found.with_suffix("").as_posix().endswith(f"/{new}"):
        raise RedirectError(
            f"{settings.relpath(found)} already exists; choose another slug, like {example}."
        )
    raise RedirectError(
        f"the slug '{slug}' is already used by {settings.relpath(found)}; slugs are unique "
        f"across the site, choose another, like {example}."
    )


def _content_files(settings: Settings) -> list[Path]:
    """Markdown files of every language folder, as the catalog walks them (no links)."""
    found = []
    for lang in settings.language_codes:
        files = []
        for root, dirs, names in os.walk(settings.content_dir / lang):
            base = Path(root)
            dirs[:] = [
                d for d in dirs if not d.startswith((".", "_")) and not (base / d).is_symlink()
            ]
            files += [
                base / n
                for n in names
                if n.endswith(".md")
                and not n.startswith((".", "_"))
                and not (base / n).is_symlink()
            ]
        found += sorted(files)
    return found


def plan_rename(
    settings: Settings, old_name: str, new_name: str, redirects: RedirectsFile
) -> RenamePlan:
    """Check a rename and work out every change; raises RedirectError, changing nothing."""
    if redirects.problems:
        lines = "\n".join(f"  {problem}" for problem in sorted(redirects.problems))
        raise RedirectError(
            f"{redirects.rel} has problems; fix them first (gialai check lists them):\n{lines}"
        )
    old = find_article(settings, old_name, redirects)
    new = new_address(settings, old, new_name)
    mapping = add_redirect(redirects.mapping, old, new)
    _refuse_taken(settings, old, new)
    content = settings.content_dir
    default = settings.default_language.code
    plan = RenamePlan(old, new, mapping=mapping)
    moved = {f"{lang}/{old}.md": f"{lang}/{new}.md" for lang in settings.language_codes}
    category = settings.category_for_folder(new.split("/")[0])
    for path in _content_files(settings):
        here = path.relative_to(content).as_posix()
        there = moved.get(here, here)
        text = path.read_bytes().decode("utf-8", errors="surrogateescape")
        newline = "\r\n" if "\r\n" in text else "\n"
        text = text.replace("\r\n", "\n")
        rewritten, count = rewrite_file_links(text, here, there, moved)
        if here == f"{default}/{old}.md" and old.split("/")[0] != new.split("/")[0]:
            rewritten = _set_category(rewritten, category.key if category else "")
        target = content / there
        if there != here:
            plan.moves.append((path, target))
        if there != here or rewritten != text:
            plan.texts[target] = rewritten.replace("\n", newline)
        if count:
            plan.link_counts[target] = count
    plan.redirects_path = settings.project_dir / REDIRECTS_FILE
    plan.redirects_text = render_redirects(redirects, mapping)
    return plan


_CATEGORY_LINE = re.compile(r"^(category:[ \t]*)(\"[^\"\n]*\"|'[^'\n]*'|[^\s#]+)", re.MULTILINE)


def _set_category(text: str, key: str) -> str:
    """The Vietnamese front matter names the category of the folder the article moves to."""
    split = split_front_matter(text)
    if split is None or not key:
        return text
    front = split[0]
    changed = _CATEGORY_LINE.sub(lambda match: match.group(1) + key, front, count=1)
    return text.replace(front, changed, 1)


def apply_rename(plan: RenamePlan) -> None:
    """Write the planned files, then remove the old ones: a failure never loses text."""
    for path, text in plan.texts.items():
        _write(path, text)
    for source, target in plan.moves:
        if source != target:
            source.unlink()
            _remove_empty_folders(source.parent)
    if plan.redirects_path is not None:
        _write(plan.redirects_path, plan.redirects_text)


def rename_article(settings: Settings, old_name: str, new_name: str) -> list[str]:
    """Rename an article in every language and record its old address; returns the report."""
    from .catalog import load_catalog
    from .translations import write_revision

    redirects = load_redirects(settings)
    plan = plan_rename(settings, old_name, new_name, redirects)  # refuses before reading all
    before = load_catalog(settings, preview=True)
    # Translations that matched their Vietnamese before: rewritten links change the
    # fingerprint of the Vietnamese text, not what a translator has to translate.
    matching = [
        (lang, key)
        for lang, by_key in before.translations.items()
        for key, translation in by_key.items()
        if key in before.sources and translation.source_revision == before.sources[key].revision
    ]
    apply_rename(plan)

    report = [
        f"Moved {settings.relpath(source)} to {settings.relpath(target)}"
        for source, target in plan.moves
    ]
    if plan.old.split("/")[0] != plan.new.split("/")[0]:
        category = settings.category_for_folder(plan.new.split("/")[0])
        if category is not None:
            source = settings.content_dir / settings.default_language.code / f"{plan.new}.md"
            report.append(f"Set category: {category.key} in {settings.relpath(source)}")
    for path, count in plan.link_counts.items():
        noun = "link" if count == 1 else "links"
        report.append(f"Updated {count} {noun} in {settings.relpath(path)}")

    after = load_catalog(settings, preview=True)
    for lang, key in matching:
        key = plan.new if key == plan.old else key
        source = after.sources.get(key)
        translation = after.translations.get(lang, {}).get(key)
        if source is None or translation is None or translation.source_revision == source.revision:
            continue
        write_revision(translation.path, source.revision)
        report.append(f"{translation.rel}: still up to date (only the links of its source changed)")

    rel = settings.relpath(plan.redirects_path) if plan.redirects_path else REDIRECTS_FILE
    report.append(f"Recorded in {rel}: {plan.old} now leads to {plan.new}.")
    earlier = redirects.mapping
    for old, new in plan.mapping.items():
        if old != plan.old and earlier.get(old) != new:
            report.append(f"The earlier address {old} now leads to {plan.new} too.")
    if plan.new in earlier:
        report.append(f"{plan.new} is the article's address again; its old redirect is gone.")
    report.append(
        "From the next build, the old address sends readers to the new one in every language "
        "and edition."
    )
    return report


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    os.replace(temporary, path)


def _remove_empty_folders(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty: a category folder with other articles stays


# --- links in Markdown --------------------------------------------------------------------

_INLINE = re.compile(r"(?P<head>!?\[[^\]]*\]\()" + _TARGET)
# A link reference definition, [name]: address; footnotes ([^1]: text) hold no address.
_REFERENCE = re.compile(r"^(?P<head> {0,3}\[(?!\^)[^\]]+\]:[ \t]*)(?P<target><[^>\s]*>|\S+)")


def rewrite_file_links(text: str, here: str, there: str, moved: dict[str, str]) -> tuple[str, int]:
    """A file's text with its links following the moved files, and how many changed.

    ``here`` and ``there`` are the file's path inside content/ before and after the rename
    (``vi/du-lich/a.md``); ``moved`` maps old paths inside content/ to new ones. Front
    matter and code blocks stay as they are.
    """
    split = split_front_matter(text)
    if split is None or split[2] < 0:
        head, body = "", text
    else:
        body = split[1]
        head = text[: len(text) - len(body)]
    lines = body.split("\n")
    count = 0
    in_code = False

    def replace(match: re.Match) -> str:
        nonlocal count
        target = match.group("target")
        bracketed = target.startswith("<") and target.endswith(">")
        address = target[1:-1] if bracketed else target
        new = _moved_address(address, here, there, moved)
        if new == address:
            return match.group(0)
        count += 1
        return match.group("head") + (f"<{new}>" if bracketed else new)

    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        line = _INLINE.sub(replace, line)
        lines[number] = _REFERENCE.sub(replace, line)
    return head + "\n".join(lines), count


def _moved_address(address: str, here: str, there: str, moved: dict[str, str]) -> str:
    """``address`` written in the file now at ``here``, as the file at ``there`` writes it."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or address.startswith(("#", "/")):
        return address
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
    if target == ".." or target.startswith("../"):
        return address  # outside content/: the check reports it
    new_target = moved.get(target, target)
    if new_target == target and posixpath.dirname(there) == posixpath.dirname(here):
        return address
    relative = posixpath.relpath(new_target, posixpath.dirname(there))
    if "%" in parts.path:
        relative = quote(relative, safe="/")
    if parts.path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if parts.query:
        relative += f"?{parts.query}"
    if parts.fragment:
        relative += f"#{parts.fragment}"
    return relative


# --- the catalog and the built site -------------------------------------------------------


def read_redirects(catalog: Catalog, problems: list[Problem]) -> dict[str, str]:
    """The catalog's redirects (old key -> new key); problems with them go to ``problems``."""
    settings = catalog.settings
    redirects = load_redirects(settings)
    if not redirects.entries and not redirects.problems:
        return {}
    content = settings.content_dir
    default = settings.default_language.code
    articles = {}
    for entry in redirects.entries:
        for key in (entry.old, entry.new):
            folder, slug = key.split("/")
            path = content / default / f"{key}.md"
            # A source with problems of its own is still an article: those are reported.
            if settings.category_for_folder(folder) and slug != "index" and path.is_file():
                articles[key] = settings.relpath(path)
    for key, article in catalog.sources.items():
        articles.setdefault(key, article.rel)
    reserved = (*settings.language_codes, *_SITE_FOLDERS)
    sources = settings.relpath(content / default)
    problems.extend(check_redirects(redirects, articles, reserved, sources))
    # The preview goes on despite problems: it serves only the entries that are right.
    return {
        entry.old: entry.new
        for entry in redirects.entries
        if entry.new in articles
        and entry.old not in articles
        and entry.old.split("/")[0] not in reserved
    }


def redirect_pages(catalog: Catalog, lang: str, strings: Strings) -> list[tuple[str, str]]:
    """(file in the site, HTML) of the page at every old address, for readers of ``lang``."""
    from .routes import absolute

    settings = catalog.settings
    prefix = settings.language(lang).prefix
    pages = []
    for old, new in sorted(catalog.redirects.items()):
        entry = catalog.entry_for(lang, new)
        if entry is None:
            continue  # not public in this build: the old address is not served either
        here, there = f"{prefix}{old}/", f"{prefix}{new}/"
        # The same canonical address as the article page: a fallback names the Vietnamese.
        canonical = absolute(settings, f"{new}/" if entry.fallback else there)
        # lang attributes take BCP 47 tags (zh-Hans), not the codes of the folders.
        page = render_redirect_page(
            lang=settings.language(lang).lang,
            title=entry.article.title,
            title_lang=settings.language(entry.article.lang).lang,
            site_name=settings.site_name_for(lang),
            href=posixpath.relpath(there, here) + "/",
            canonical=canonical,
            text=strings("moved_text"),
        )
        pages.append((f"{here}index.html", page))
    return pages


def render_redirect_page(
    lang: str,
    title: str,
    title_lang: str,
    site_name: str,
    href: str,
    canonical: str,
    text: str,
) -> str:
    """A page that sends the reader on at once: refresh, canonical link, a visible link."""
    e = html.escape
    own = f' lang="{e(title_lang)}"' if title_lang != lang else ""
    return (
        "<!doctype html>\n"
        f'<html lang="{e(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "base-uri 'none'; form-action 'none'\">\n"
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={e(href)}">\n'
        f"<title>{e(title)} – {e(site_name)}</title>\n"
        f'<link rel="canonical" href="{e(canonical)}">\n'
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"<p>{e(text)}</p>\n"
        f'<h1{own}><a href="{e(href)}">{e(title)}</a></h1>\n'
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )
