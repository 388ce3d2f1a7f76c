#!/usr/bin/env python3
"""Build the site with ProperDocs beside MkDocs 1.6.1 and compare the two sites page by page.

ProperDocs (PyPI ``properdocs``) continues MkDocs 1.x. Its wheel holds only the
``properdocs`` package: no ``mkdocs`` package and no ``mkdocs`` distribution. Its command
(``properdocs`` or ``python -m properdocs``) imports ``properdocs.replacement``, which
answers every ``import mkdocs...`` with the matching ``properdocs...`` module, so Material,
static-i18n, the hooks and the ``gialai`` package run unchanged; it reads the entry points
of both ``mkdocs.plugins`` and ``properdocs.plugins``. This script shows whether that is
enough for this site:

1. it takes a copy of the project (the working tree, or a commit with ``--revision``) into
   ``.cache/platform-compare/`` (git-ignored), so that edits made during the run do not
   reach one build and not the other;
2. it creates a separate virtual environment (``.cache/platform-venv/``, or ``--venv``)
   with the Python of ``.venv/`` and installs requirements.lock into it with
   ``properdocs==1.6.7`` in place of ``mkdocs==1.6.1`` (and without ``mkdocs-get-deps``,
   which only MkDocs needs; ProperDocs carries its own). It installs with ``--no-deps``:
   Material and static-i18n require ``mkdocs``, and pip would otherwise bring MkDocs back.
   A stamp file skips the installation when nothing changed (``--reinstall`` forces it);
3. it builds every edition twice from that copy with the same options: with ``.venv/``
   (MkDocs 1.6.1, ``python -m mkdocs build --strict``) and with the new environment
   (``python -m properdocs build --strict``). Both read the copy's ``src/`` through
   PYTHONPATH; a build gets the options the tests give it (tests/conftest.py
   ``run_build``): the build date (2026-11-23, or ``--build-date``), no preview, a cache
   folder of its own, the edition, both as the GIALAI_* variables and as GIALAI_BUILD;
4. it compares the two sites file by file, pairing files by path (or by their name without
   a content hash). Files equal byte for byte are identical. Otherwise HTML and XML are
   parsed with lxml and compared element by element, with the least of two normalisations
   that makes them equal: the generator meta tag (ProperDocs gives templates
   ``mkdocs_version = "ProperDocs 1.6.7"``) and content hashes (``main.57a0d79d.min.css``,
   ``_img/ca-phe-9801e94828-960.jpg``). Pagefind's files are decoded (gzip, CBOR) and
   compared with hashes normalised and arrays as multisets: Pagefind writes its filter
   values in hash-map order, which changes from one run to the next (two MkDocs builds
   differ in the same files). A warning in a ProperDocs build log that the MkDocs log
   does not have is a difference too, unless it is one of KNOWN_WARNINGS below. Any other
   difference, and a file that only one build wrote, is unexplained.

Run it with the project's environment (it needs lxml, as the tests do)::

    .venv/bin/python scripts/compare_platform.py                 # the working tree
    .venv/bin/python scripts/compare_platform.py --revision HEAD # the last commit
    .venv/bin/python scripts/compare_platform.py --edition web --keep

It prints one line per edition (files compared, identical, same after normalising,
differing, files in one build only, new warnings, wall and CPU seconds of each build; every
run starts with empty caches) and then each difference with its reason.
Exit status: 0 when every difference is explained, 1 when one is not, 2 when the
comparison could not run (no network for pip, a build that fails, a bad revision).
docs/platform.md reports a run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROPERDOCS = "1.6.7"
# The day the tests build the sample site as of (tests/conftest.py BUILD_DATE).
BUILD_DATE = dt.date(2026, 11, 23)
EDITIONS = {"web": "mkdocs.yml", "kiosk": "mkdocs.kiosk.yml"}
# Copied when the project is not a git work tree (tests/conftest.py PROJECT_FILES + content).
PROJECT_FILES = (
    "mkdocs.yml",
    "mkdocs.kiosk.yml",
    "hooks",
    "overrides",
    "locales",
    "fonts",
    "content",
    "redirects.yml",
    "src",
    "requirements.lock",
)
# Packages of requirements.lock that only MkDocs itself needs.
ONLY_FOR_MKDOCS = {"mkdocs-get-deps"}
# The lines of `pip check` expected in the ProperDocs environment: these packages declare
# a dependency on the `mkdocs` distribution, which ProperDocs replaces under its own name.
EXPECTED_UNMET = re.compile(r"^(mkdocs-material|mkdocs-static-i18n) [\d.]+ requires mkdocs")
# A content hash in a file name: 7 or more hex digits after a separator (main.57a0d79d.min.css,
# _img/ca-phe-9801e94828-960.jpg, pagefind/filter/en_4fb52d8.pf_filter, "hash": "en_4fb52d8").
HASH = re.compile(r"(?<=[.\-_])[0-9a-f]{7,}(?![0-9A-Za-z])")
PAGEFIND_SIGNATURE = b"pagefind_dcd"
# What makes two files equal although their bytes differ.
GENERATOR = "generator meta tag"
HASHES = "content hashes"
PAGEFIND_ORDER = "Pagefind filter order"
SERIALISATION = "serialisation"
# Warnings only a ProperDocs build prints, and why they do not matter here.
KNOWN_WARNINGS = {
    "Unable to detect lunr languages from mkdocs distribution": (
        "static-i18n looks for MkDocs' lunr files in the `mkdocs` distribution, finds none "
        "and uses its own list; it needs them only to reconfigure MkDocs' search, which "
        "this site does not use (reconfigure_search: false)"
    ),
}
TEXT_SUFFIXES = {".css", ".js", ".json", ".txt", ".svg", ".xml", ".html", ".webmanifest"}


class Stop(Exception):
    """An expected failure: a message for the reader, then exit status 2."""


# --- running things ------------------------------------------------------------------------


def run(command: list[str], what: str, log: Path | None = None, **kwargs) -> str:
    """Run a command; on failure stop with its last lines of output."""
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, errors="replace", check=False, **kwargs
        )
    except OSError as error:
        raise Stop(f"{what}: cannot run {command[0]}: {error.strerror}") from None
    output = done.stdout + done.stderr
    if log is not None:
        log.write_text(output, encoding="utf-8")
    if done.returncode != 0:
        lines = output.rstrip().splitlines()
        # pip says what went wrong on its ERROR lines, after many lines of noise.
        errors = [line for line in lines if line.startswith("ERROR")]
        tail = "\n".join("    " + line for line in (errors or lines)[-25:])
        where = f" (whole output: {log})" if log is not None else ""
        raise Stop(f"{what} failed with exit status {done.returncode}{where}:\n{tail}")
    return output


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


# --- the copy of the project ---------------------------------------------------------------


def snapshot(project: Path, revision: str | None, target: Path) -> str:
    """Copy the project (working tree or one commit) into ``target``; returns a label."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    git = shutil.which("git")
    if revision is not None:
        if git is None:
            raise Stop("--revision needs git, which is not installed.")
        commit = run(
            [git, "rev-parse", "--verify", f"{revision}^{{commit}}"],
            f"finding revision {revision!r}",
            cwd=project,
        ).strip()
        try:
            archive = subprocess.run(
                [git, "archive", "--format=tar", commit],
                cwd=project,
                capture_output=True,
                check=True,
            ).stdout
        except subprocess.CalledProcessError as error:
            raise Stop(f"git archive {commit} failed: {error.stderr.decode().strip()}") from None
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
                tar.extractall(target, filter="data")
            else:
                tar.extractall(target)  # the archive of this repository
        return f"commit {commit[:10]}"
    listed = None
    if git is not None and (project / ".git").exists():
        done = subprocess.run(
            [git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=project,
            capture_output=True,
            check=False,
        )
        if done.returncode == 0:
            listed = [name for name in done.stdout.decode().split("\0") if name]
    if listed is None:
        for name in PROJECT_FILES:
            source = project / name
            if source.is_dir():
                shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif source.is_file():
                shutil.copy2(source, target / name)
        return "working tree"
    for name in listed:
        source = project / name
        if source.is_file():  # deleted but not yet committed: skip
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return "working tree"


# --- the ProperDocs environment ------------------------------------------------------------


def platform_requirements(lock: Path, version: str) -> str:
    """requirements.lock with ProperDocs in place of MkDocs."""
    if not lock.is_file():
        raise Stop(f"{lock} does not exist: nothing tells which packages to install.")
    lines, replaced = [], False
    for line in lock.read_text(encoding="utf-8").splitlines():
        name = re.split(r"[=<>!~\[; ]", line.strip(), maxsplit=1)[0].lower().replace("_", "-")
        if name == "mkdocs":
            lines.append(f"properdocs=={version}")
            replaced = True
        elif name not in ONLY_FOR_MKDOCS:
            lines.append(line)
    if not replaced:
        raise Stop(f"{lock} pins no mkdocs version: there is nothing to replace.")
    return "\n".join(lines) + "\n"


def prepare_venv(venv: Path, base_python: Path, requirements: str, reinstall: bool) -> Path:
    """The ProperDocs environment, created and filled only when needed."""
    python = venv_python(venv)
    marker = venv / ".compare-platform"  # this script made the folder: it may replace it
    stamp = venv / ".compare-platform-installed"
    if venv.exists() and not marker.exists():
        raise Stop(
            f"{venv} exists and was not made by this script: it will not be replaced. "
            "Give another folder with --venv, or remove this one."
        )
    version = run(
        [str(base_python), "-c", "import sys; print(sys.version)"],
        f"asking {base_python} its version",
    ).strip()
    wanted = hashlib.sha256((version + "\n" + requirements).encode()).hexdigest()
    if not reinstall and python.exists() and stamp.exists() and stamp.read_text() == wanted:
        print(f"Reusing the ProperDocs environment in {venv}.")
        return python
    if venv.exists():
        shutil.rmtree(venv)
    print(f"Creating the ProperDocs environment in {venv} ...")
    run([str(base_python), "-m", "venv", str(venv)], "creating the virtual environment")
    marker.write_text("made by scripts/compare_platform.py\n")
    pinned = venv / "requirements-properdocs.txt"
    pinned.write_text(requirements, encoding="utf-8")
    print("Installing requirements.lock with ProperDocs in place of MkDocs (pip, network) ...")
    try:
        run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "-r",
                str(pinned),
            ],
            "pip install",
            log=venv / "pip-install.log",
        )
    except Stop as stop:
        stamp.unlink(missing_ok=True)
        raise Stop(
            f"{stop}\nIs the package index reachable? The environment is incomplete; "
            "the next run installs it again."
        ) from None
    stamp.write_text(wanted)
    return python


def check_venv(python: Path) -> list[str]:
    """What the environment says about itself: the mkdocs name and pip's dependency check."""
    probe = (
        "import importlib.metadata as m, importlib.util as u, json\n"
        "plain = u.find_spec('mkdocs') is not None\n"
        "try:\n    dist = m.version('mkdocs')\nexcept m.PackageNotFoundError:\n    dist = None\n"
        "import properdocs, properdocs.replacement, mkdocs.plugins\n"
        "print(json.dumps({'plain': plain, 'dist': dist, 'version': properdocs.__version__,\n"
        "                  'alias': mkdocs.plugins.__name__}))\n"
    )
    facts = json.loads(run([str(python), "-c", probe], "probing the ProperDocs environment"))
    if facts["plain"] or facts["dist"]:
        raise Stop(
            f"the ProperDocs environment also holds MkDocs ({facts['dist']}): the comparison "
            "would not show what ProperDocs does alone. Run again with --reinstall."
        )
    notes = [
        f"ProperDocs {facts['version']}: no mkdocs package or distribution installed; "
        f"after `import properdocs.replacement`, mkdocs.plugins is {facts['alias']}."
    ]
    done = subprocess.run(
        [str(python), "-m", "pip", "check", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=False,
    )
    unmet = [line for line in done.stdout.splitlines() if line.strip()]
    expected = [line for line in unmet if EXPECTED_UNMET.match(line)]
    other = [line for line in unmet if line not in expected and "No broken" not in line]
    if expected:
        notes.append(
            f"pip check: {len(expected)} expected unmet requirement(s) on the name mkdocs "
            "(" + "; ".join(expected) + ")."
        )
    notes += [f"pip check (unexpected): {line}" for line in other]
    return notes


# --- builds --------------------------------------------------------------------------------


def build_environment(src: Path, cache: Path, build_date: dt.date, edition: str) -> dict:
    """What a build is told: as tests/conftest.py run_build and gialai build tell it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIALAI_")}
    env.pop("PYTHONPATH", None)
    env.update(
        PYTHONPATH=str(src),
        NO_MKDOCS_2_WARNING="1",
        DISABLE_MKDOCS_2_WARNING="true",
        GIALAI_BUILD_DATE=build_date.isoformat(),
        GIALAI_PREVIEW="0",
        GIALAI_CACHE_DIR=str(cache),
        GIALAI_EDITION=edition,
        GIALAI_BUILD=json.dumps(
            {
                "build_date": build_date.isoformat(),
                "preview": False,
                "edition": edition,
                "cache_dir": str(cache),
            }
        ),
    )
    return env


def children_cpu() -> float:
    """CPU seconds used so far by the processes this one waited for (0 where unknown)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Build:
    engine: str
    site: Path
    seconds: float  # wall clock
    cpu: float  # CPU seconds of the build and what it started (Pagefind): less noisy
    warnings: list[str]


def build(
    engine: str,
    python: Path,
    module: str,
    project: Path,
    edition: str,
    work: Path,
    build_date: dt.date,
) -> Build:
    site = work / f"site-{edition}-{engine.lower()}"
    cache = work / f"cache-{engine.lower()}"
    log = work / f"build-{edition}-{engine.lower()}.log"
    if site.exists():
        shutil.rmtree(site)
    command = [
        str(python),
        "-m",
        module,
        "build",
        "--strict",
        "--config-file",
        str(project / EDITIONS[edition]),
        "--site-dir",
        str(site),
    ]
    started, cpu = time.monotonic(), children_cpu()
    try:
        output = run(
            command,
            f"the {edition} build with {engine}",
            log=log,
            cwd=project,
            env=build_environment(project / "src", cache, build_date, edition),
        )
    except Stop as stop:
        if module == "mkdocs":
            raise Stop(
                f"{stop}\nThe reference build failed: the project does not build as it is, "
                "with or without ProperDocs (try --revision HEAD)."
            ) from None
        raise
    seconds, cpu = time.monotonic() - started, children_cpu() - cpu
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    return Build(engine, site, seconds, cpu, warnings)


# --- comparison ----------------------------------------------------------------------------


@dataclass
class Comparison:
    edition: str
    compared: int = 0
    identical: int = 0
    normalised: Counter = field(default_factory=Counter)  # normalisation -> files
    differing: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    only_reference: list[str] = field(default_factory=list)
    only_candidate: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # unexplained, ProperDocs only

    @property
    def same_after_normalising(self) -> int:
        return self.compared - self.identical - len(self.differing)

    @property
    def unexplained(self) -> int:
        return (
            len(self.differing)
            + len(self.only_reference)
            + len(self.only_candidate)
            + len(self.warnings)
        )


def unhash(text: str) -> str:
    return HASH.sub("#", text)


def pagefind_value(data: bytes) -> object:
    """A Pagefind file (gzip, signature, CBOR) as data; its bytes when it is not CBOR."""
    import cbor2

    raw = gzip.decompress(data)
    body = raw[len(PAGEFIND_SIGNATURE) :] if raw.startswith(PAGEFIND_SIGNATURE) else raw
    try:
        return cbor2.loads(body)
    except Exception:  # fragments are JSON, not CBOR: compare them as bytes
        return body


def unordered(value: object) -> object:
    """Pagefind data with hashes normalised and every array read as a multiset."""
    if isinstance(value, str):
        return unhash(value)
    if isinstance(value, list | tuple):
        return ("list", tuple(sorted((unordered(item) for item in value), key=repr)))
    if isinstance(value, dict):
        return (
            "map",
            tuple(sorted(((unordered(k), unordered(v)) for k, v in value.items()), key=repr)),
        )
    return value


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else f"<{type(tag).__name__}>"


def _where(element) -> str:
    """/html/body/div[3]/a, with namespaces left out (feeds, sitemaps)."""
    steps = []
    while element is not None:
        parent = element.getparent()
        name = _local(element.tag)
        if parent is not None:
            same = [e for e in parent if _local(e.tag) == name]
            if len(same) > 1:
                name += f"[{same.index(element) + 1}]"
        steps.append(name)
        element = parent
    return "/" + "/".join(reversed(steps))


def _is_generator(element) -> bool:
    if _local(element.tag) == "generator":  # a feed's <generator>
        return True
    return _local(element.tag) == "meta" and (element.get("name") or "").lower() == "generator"


def markup(data: bytes, suffix: str, normalise: set[str]) -> list[tuple]:
    """HTML or XML as a list of (path, tag, attributes, text, tail), with the normalisations
    named in ``normalise`` (GENERATOR, HASHES) applied."""
    from lxml import etree, html

    if suffix == ".html":
        root = html.document_fromstring(data)
    else:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
    items = []
    for element in root.iter():
        generator = GENERATOR in normalise and _is_generator(element)
        attributes = []
        for key, value in sorted(element.attrib.items()):
            if generator and key == "content":
                value = "<generator>"
            elif HASHES in normalise:
                value = unhash(value)
            attributes.append((key, value))
        text = element.text or ""
        if generator and _local(element.tag) == "generator":
            text = "<generator>"
        items.append(
            (_where(element), _local(element.tag), tuple(attributes), text, element.tail or "")
        )
    return items


def first_difference(items_a: list[tuple], items_b: list[tuple]) -> str | None:
    for one, other in zip(items_a, items_b, strict=False):
        if one == other:
            continue
        if one[:2] != other[:2]:
            return f"{one[0]} against {other[0]}"
        labels = ("attributes", "text", "text after")
        for label, x, y in zip(labels, one[2:], other[2:], strict=True):
            if x != y:
                return f"{one[0]}: {label} {short(x)} against {short(y)}"
    if len(items_a) != len(items_b):
        return f"{len(items_a)} elements against {len(items_b)}"
    return None


def short(value: object, width: int = 70) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def explain(name: str, left: bytes, right: bytes) -> tuple[str | None, set[str]]:
    """(None, normalisations used) when two files match after normalising, else a reason."""
    suffix = Path(name).suffix.lower()
    if suffix.startswith(".pf_"):
        try:
            a, b = pagefind_value(left), pagefind_value(right)
        except (OSError, EOFError) as error:
            return f"not a Pagefind file: {error}", set()
        if a == b:
            return None, {HASHES}
        if unordered(a) == unordered(b):
            return None, {PAGEFIND_ORDER}
        return "Pagefind data differs", set()
    if suffix in (".html", ".xml"):
        # The least normalisation that makes the two equal; else the first difference.
        reason = None
        for normalise in ({SERIALISATION}, {GENERATOR}, {HASHES}, {GENERATOR, HASHES}):
            try:
                reason = first_difference(
                    markup(left, suffix, normalise), markup(right, suffix, normalise)
                )
            except Exception as error:  # lxml's errors: a file one engine broke
                return f"does not parse: {error}", set()
            if reason is None:
                return None, normalise
        return reason, set()
    if suffix in TEXT_SUFFIXES:
        a, b = left.decode("utf-8", "replace"), right.decode("utf-8", "replace")
        if unhash(a) == unhash(b):
            return None, {HASHES}
    return f"content differs ({len(left)} bytes against {len(right)})", set()


def files_of(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def pair(reference: dict[str, Path], candidate: dict[str, Path]):
    """Files of the two sites side by side: by path, else by their name without hashes.

    Returns (pairs of names, names only in the reference, names only in the candidate).
    Where several files share a name once hashes are removed (Pagefind's filter files),
    those that match after normalising pair first; one left on each side pairs too.
    """
    pairs = [(name, name) for name in sorted(reference.keys() & candidate.keys())]
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for name in sorted(reference.keys() - candidate.keys()):
        groups.setdefault(unhash(name), ([], []))[0].append(name)
    for name in sorted(candidate.keys() - reference.keys()):
        groups.setdefault(unhash(name), ([], []))[1].append(name)
    only_left, only_right = [], []
    for left, right in groups.values():
        for name in list(left):
            for other in right:
                data = reference[name].read_bytes(), candidate[other].read_bytes()
                if data[0] == data[1] or explain(name, *data)[0] is None:
                    pairs.append((name, other))
                    left.remove(name)
                    right.remove(other)
                    break
        if len(left) == 1 and len(right) == 1:
            pairs.append((left.pop(), right.pop()))
        only_left += left
        only_right += right
    return sorted(pairs), sorted(only_left), sorted(only_right)


def compare(edition: str, reference: Build, candidate: Build) -> Comparison:
    result = Comparison(edition)
    ours, theirs = files_of(reference.site), files_of(candidate.site)
    pairs, result.only_reference, result.only_candidate = pair(ours, theirs)
    for name, other in pairs:
        result.compared += 1
        left, right = ours[name].read_bytes(), theirs[other].read_bytes()
        if left == right and name == other:
            result.identical += 1
            continue
        reason, used = (None, set()) if left == right else explain(name, left, right)
        if reason is not None:
            result.differing.append((name, reason))
            continue
        if name != other:
            used.add(HASHES)
        for label in used:
            result.normalised[label] += 1
    known = set(reference.warnings)
    for warning in candidate.warnings:
        if warning not in known and not any(w in warning for w in KNOWN_WARNINGS):
            result.warnings.append(warning)
    return result


# --- report --------------------------------------------------------------------------------


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    )


def report(results: list[Comparison], builds: dict[str, tuple[Build, Build]], show: int) -> None:
    rows = [
        (
            "edition",
            "files",
            "identical",
            "normalised",
            "differing",
            "only MkDocs",
            "only ProperDocs",
            "warnings",
            "wall s MkDocs / ProperDocs",
            "CPU s",
        ),
    ]
    for r in results:
        reference, candidate = builds[r.edition]
        rows.append((
            r.edition, str(r.compared), str(r.identical), str(r.same_after_normalising),
            str(len(r.differing)), str(len(r.only_reference)), str(len(r.only_candidate)),
            str(len(r.warnings)), f"{reference.seconds:.1f} / {candidate.seconds:.1f}",
            f"{reference.cpu:.1f} / {candidate.cpu:.1f}",
        ))  # fmt: skip
    print("\n" + table(rows))
    for r in results:
        if r.normalised:
            reasons = ", ".join(f"{label} {n}" for label, n in sorted(r.normalised.items()))
            print(f"\n{r.edition}: same after normalising: {reasons} file(s)")
        lines = [f"  differs: {name}: {reason}" for name, reason in r.differing]
        lines += [f"  only in the MkDocs build: {name}" for name in r.only_reference]
        lines += [f"  only in the ProperDocs build: {name}" for name in r.only_candidate]
        lines += [f"  ProperDocs build log: {warning}" for warning in r.warnings]
        if lines:
            print(f"{r.edition}: {r.unexplained} unexplained difference(s)")
            print("\n".join(lines[:show]))
            if len(lines) > show:
                print(f"  ... and {len(lines) - show} more (--show {len(lines)})")
    known = {
        text: why
        for text, why in KNOWN_WARNINGS.items()
        for _, candidate in builds.values()
        if any(text in warning for warning in candidate.warnings)
    }
    for text, why in known.items():
        print(f"\nKnown warning of the ProperDocs builds: '{text}': {why}.")


# --- main ----------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Build the site with ProperDocs and with MkDocs 1.6.1, compare the sites.",
    )
    parser.add_argument(
        "--venv",
        type=Path,
        default=REPO / ".cache" / "platform-venv",
        help="the ProperDocs environment (default: .cache/platform-venv)",
    )
    parser.add_argument(
        "--reference-python",
        type=Path,
        default=REPO / ".venv" / "bin" / "python",
        help="Python of the MkDocs 1.6.1 environment (.venv)",
    )
    parser.add_argument(
        "--properdocs",
        default=PROPERDOCS,
        metavar="VERSION",
        help=f"the ProperDocs version to try (default {PROPERDOCS})",
    )
    parser.add_argument("--revision", help="build this git commit instead of the working tree")
    parser.add_argument(
        "--edition",
        choices=["web", "kiosk", "all"],
        default="all",
        help="which edition to build and compare (default: both)",
    )
    parser.add_argument(
        "--build-date",
        type=dt.date.fromisoformat,
        default=BUILD_DATE,
        metavar="YYYY-MM-DD",
        help="the day the site is built as of",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=REPO / ".cache" / "platform-compare",
        help="folder for the copy, the sites and the logs",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the copy, the two sites and the logs in --work"
    )
    parser.add_argument(
        "--reinstall",
        action="store_true",
        help="recreate the ProperDocs environment even if it is up to date",
    )
    parser.add_argument(
        "--show", type=int, default=20, help="how many differences to list per edition"
    )
    return parser.parse_args(argv)


def check_imports(pythons: list[Path], project: Path, build_date: dt.date) -> None:
    """Both environments must run the copy's gialai package, not an installed one."""
    env = build_environment(project / "src", project / ".cache", build_date, "web")
    for python in pythons:
        where = run(
            [str(python), "-c", "import gialai; print(gialai.__file__)"],
            f"importing gialai with {python}",
            cwd=project,
            env=env,
        ).strip()
        if not Path(where).resolve().is_relative_to((project / "src").resolve()):
            raise Stop(f"{python} imports gialai from {where}, not from the copy in {project}.")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    reference_python = args.reference_python.absolute()
    if not reference_python.exists():
        raise Stop(f"{reference_python} does not exist: set up the project first (./dev test).")
    try:
        import lxml.html  # noqa: F401
    except ImportError:
        raise Stop(
            "lxml is missing: run the script with the project's environment, "
            "`.venv/bin/python scripts/compare_platform.py`."
        ) from None
    work = args.work.absolute()
    project = work / "project"
    label = snapshot(REPO, args.revision, project)
    requirements = platform_requirements(project / "requirements.lock", args.properdocs)
    python = prepare_venv(args.venv.absolute(), reference_python, requirements, args.reinstall)
    notes = check_venv(python)
    check_imports([reference_python, python], project, args.build_date)
    mkdocs_version = run(
        [str(reference_python), "-c", "import mkdocs; print(mkdocs.__version__)"],
        "asking the reference environment its MkDocs version",
    ).strip()
    editions = list(EDITIONS) if args.edition == "all" else [args.edition]
    print(
        f"Building the {label} as of {args.build_date}: MkDocs {mkdocs_version} (.venv) "
        f"and ProperDocs {args.properdocs} ({args.venv}) ..."
    )
    for cache in work.glob("cache-*"):  # every run starts cold: its times compare
        shutil.rmtree(cache, ignore_errors=True)
    results, builds = [], {}
    for edition in editions:
        reference = build(
            "MkDocs", reference_python, "mkdocs", project, edition, work, args.build_date
        )
        candidate = build(
            "ProperDocs", python, "properdocs", project, edition, work, args.build_date
        )
        builds[edition] = (reference, candidate)
        results.append(compare(edition, reference, candidate))
    for note in notes:
        print(note)
    report(results, builds, args.show)
    if args.keep:
        print(f"\nThe copy, both sites and the build logs are in {work}.")
    else:
        for made in [
            project,
            *work.glob("site-*-*"),
            *work.glob("cache-*"),
            *work.glob("build-*.log"),
        ]:
            if made.is_dir():
                shutil.rmtree(made, ignore_errors=True)
            else:
                made.unlink(missing_ok=True)
    unexplained = sum(r.unexplained for r in results)
    if unexplained:
        print(f"\n{unexplained} unexplained difference(s) between MkDocs and ProperDocs.")
        return 1
    print(f"\nProperDocs {args.properdocs} builds the same site as MkDocs {mkdocs_version}.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Stop as stop:
        print(f"compare_platform: {stop}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("compare_platform: interrupted.", file=sys.stderr)
        sys.exit(2)
