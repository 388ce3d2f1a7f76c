"""The ``gialai`` command: write, translate, check, build and preview the site."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

from .articles import BODY_PLACEHOLDER, Article
from .catalog import Catalog, free_slug, latest_date, load_catalog, scheduled
from .options import BuildOptions
from .problems import ContentError, render_problems
from .schema import Skeleton, skeleton_lines
from .settings import Settings, load_settings
from .strings import load_strings
from .text import SLUG_MAX, slugify
from .translations import (
    IN_PROGRESS,
    MISSING,
    ORPHANED,
    OUTDATED,
    STATES,
    UP_TO_DATE,
    InterfaceTextStatus,
    count_states,
    interface_text_status,
    source_text_as_comments,
    translation_status,
    write_revision,
)

DESCRIPTION = """\
Write, translate, check, build and preview the Gia Lai external-information site.

Typical day:
  gialai new "Thác 50 ở Kbang" --category tourism   start a Vietnamese article
  gialai serve                                     preview it at http://127.0.0.1:8000/
  gialai check                                     list every mistake in the content
  gialai translate thac-50-o-kbang --to en         start the English translation
  gialai status                                    see which translations need work
  gialai build                                     build the public web site into site/
  gialai brochure                                  print the brochures into brochures/
"""


class UsageError(Exception):
    """A mistake in how the command was called, explained in plain words."""


def _find_config(path: str | None) -> Path:
    if path:
        config = Path(path)
    else:
        here = Path.cwd()
        config = next(
            (p / "mkdocs.yml" for p in (here, *here.parents) if (p / "mkdocs.yml").is_file()),
            here / "mkdocs.yml",
        )
    if not config.is_file():
        raise UsageError(
            f"no mkdocs.yml found at {config}; run the command inside the project folder "
            "or give --config."
        )
    return config.resolve()


def _settings(args: argparse.Namespace) -> Settings:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_settings(_find_config(args.config))


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date; write it like 2025-12-30"
        ) from None


def _find_source(settings: Settings, catalog, slug: str):
    slug = slug.removesuffix(".md").strip("/")
    for key, article in catalog.sources.items():
        if key == slug or article.slug == slug:
            return article
    raise UsageError(
        f"there is no Vietnamese article '{slug}'; `gialai status` lists the articles."
    )


# Characters PyYAML refuses in a file or reads as a line break: written as \u escapes.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _yaml_text(value: str) -> str:
    """A value as a double-quoted YAML scalar that reads back as exactly the same text."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _one_line(value: str) -> str:
    """Text typed on the command line as one clean line: no control characters, NFC."""
    kept = []
    for char in unicodedata.normalize("NFC", value):
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cs") and char not in "\ufeff\ufffe\uffff":
            kept.append(char)
    return " ".join("".join(kept).split())


def _slug_owner(settings: Settings, slug: str) -> Path | None:
    """The file that already uses a slug, in any category of any language."""
    for lang in settings.language_codes:
        for category in settings.categories:
            path = settings.content_dir / lang / category.folder / f"{slug}.md"
            if path.exists():
                return path
    return None


def _new_slug(settings: Settings, title: str, wanted: str | None) -> str:
    """The slug of a new article: from --slug, cleaned, or from the title; never one in use."""
    if wanted is not None:
        written = _one_line(wanted).removesuffix(".md")
        slug = slugify(written, SLUG_MAX)
        if not slug:
            raise UsageError(
                f"--slug '{written}' has no letters a–z or digits; write it like "
                "--slug thac-50-o-kbang."
            )
        if slug != written:
            print(
                f"--slug '{written}' may only use a–z, 0–9 and '-', at most {SLUG_MAX} "
                f"characters; using '{slug}'."
            )
    else:
        slug = slugify(title, SLUG_MAX)
        if not slug:
            raise UsageError(
                "the title has no letters a–z or digits to make a file name from; give one "
                "with --slug, like --slug thac-50-o-kbang."
            )
    owner = _slug_owner(settings, slug)
    # index.md in a category folder is that category's own page, not an article.
    if owner is None and slug != "index":
        return slug
    taken = {slug}
    while _slug_owner(settings, candidate := free_slug(slug, taken)):
        taken.add(candidate)
    used = (
        "'index' is the name of a category's own page"
        if owner is None
        else f"{settings.relpath(owner)} already uses the slug '{slug}'"
    )
    raise UsageError(
        f"{used}; choose another title or --slug, like --slug {candidate}. Nothing was changed."
    )


def _refuse_old_address(settings: Settings, address: str) -> None:
    """A new article may not take an address that redirects.yml sends elsewhere."""
    from .redirects import load_redirects

    redirects = load_redirects(settings)
    target = redirects.mapping.get(address)
    if target is not None:
        raise UsageError(
            f"'{address}' is an old address that {redirects.rel} sends to {target}; links and "
            "QR codes printed with it lead there. Choose another title or --slug. "
            "Nothing was changed."
        )


# --- commands -----------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    settings = _settings(args)
    category = settings.category(args.category)
    if category is None:
        known = ", ".join(cat.key for cat in settings.categories)
        raise UsageError(f"'{args.category}' is not a category; use one of {known}.")
    title = _one_line(args.title)
    if not title:
        raise UsageError(
            'the title is empty; write it in quotes, like gialai new "Thác 50 ở Kbang" '
            "--category tourism."
        )
    today = dt.date.today()
    date = args.date or today
    if date > latest_date(today):
        raise UsageError(
            f"--date {date.isoformat()} is more than a year ahead; check the year, like "
            f"--date {today.isoformat()}."
        )
    slug = _new_slug(settings, title, args.slug)
    _refuse_old_address(settings, f"{category.folder}/{slug}")
    default = settings.default_language.code
    path = settings.content_dir / default / category.folder / f"{slug}.md"
    source = _one_line(args.source or "")
    given = {
        "title": _yaml_text(title),
        "date": date.isoformat(),
        "category": category.key,
        "byline": _yaml_text(_one_line(args.byline or "")),
        "source": _yaml_text(source) if source else None,
    }
    lines = ["---", *skeleton_lines(Skeleton.NEW, given), "---", BODY_PLACEHOLDER]
    text = "\n".join(lines) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(
            f"{settings.relpath(path)} was created meanwhile; choose another title or --slug. "
            "Nothing was changed."
        ) from None
    except OSError as error:
        raise UsageError(
            f"{settings.relpath(path)} cannot be written ({error.strerror}). Nothing was changed."
        ) from None
    print(f"Created {settings.relpath(path)}")
    print("It is a draft: write it, then change 'status: draft' to 'status: published'.")
    return 0


def cmd_translate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.to not in settings.language_codes or args.to == settings.default_language.code:
        others = [c for c in settings.language_codes if c != settings.default_language.code]
        raise UsageError(f"--to must be one of {', '.join(others)}.")
    catalog = load_catalog(settings, preview=True)
    source = _find_source(settings, catalog, args.slug)
    path = settings.content_dir / args.to / f"{source.key}.md"
    if path.exists():
        raise UsageError(
            f"{settings.relpath(path)} already exists. After updating it to the latest "
            f"Vietnamese, run: gialai mark-translated {source.slug} --to {args.to}"
        )
    cover = source.cover
    given = {
        "title": _yaml_text(source.title),
        "summary": _yaml_text(source.summary),
        "tags": f"[{', '.join(_yaml_text(tag) for tag in source.tags)}]",
        # The whole photo of the source; the schema says which of its fields are translated.
        "cover": None if cover is None else {k: _yaml_text(v) for k, v in vars(cover).items()},
        "source_revision": source.revision,
    }
    lines = [
        "---",
        f"# Translation of {source.rel}.",
        "# Replace the Vietnamese with your translation, then set status: published.",
        *skeleton_lines(Skeleton.TRANSLATE, given),
        "---",
        "",
    ]
    text = "\n".join(lines) + source_text_as_comments(source)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    print(f"Created {settings.relpath(path)} from {source.rel} (revision {source.revision}).")
    print("Translate the text below each Vietnamese comment, then set status: published.")
    return 0


def cmd_mark_translated(args: argparse.Namespace) -> int:
    settings = _settings(args)
    catalog = load_catalog(settings, preview=True)
    targets = []
    languages = (
        [args.to]
        if args.to
        else [c for c in settings.language_codes if c != settings.default_language.code]
    )
    if args.all:
        for lang in languages:
            for key, translation in catalog.translations.get(lang, {}).items():
                targets.append((translation, catalog.sources[key]))
    else:
        if not args.slug:
            raise UsageError("give an article, like: mark-translated thac-50 --to en (or --all)")
        source = _find_source(settings, catalog, args.slug)
        for lang in languages:
            translation = catalog.translations.get(lang, {}).get(source.key)
            if translation is not None:
                targets.append((translation, source))
            elif args.to:
                raise UsageError(
                    f"there is no {lang} translation of {source.rel} yet; start one with: "
                    f"gialai translate {source.slug} --to {lang}"
                )
    for translation, source in targets:
        if translation.source_revision == source.revision:
            continue
        write_revision(translation.path, source.revision)
        print(f"{translation.rel}: now marked as translated from revision {source.revision}")
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    from .redirects import RedirectError, rename_article

    settings = _settings(args)
    try:
        report = rename_article(settings, args.old, args.new)
    except RedirectError as error:
        sep = "\n" if "\n" in str(error) else " "
        raise UsageError(f"{error}{sep}Nothing was changed.") from None
    print("\n".join(report))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    settings = _settings(args)
    catalog = load_catalog(
        settings, build_date=args.build_date, preview=args.drafts, check_drafts=args.drafts
    )
    problems = list(catalog.problems)
    try:
        load_strings(settings)
    except ContentError as error:
        problems += error.problems
    if args.external:
        from .links import external_links

        for rel, line, url in external_links(catalog):
            print(f"{rel}:{line}: {url}")
    waiting = _scheduled_lines(catalog, lambda article: f"{article.rel}:{_when_line(article)}")
    if problems:
        print("\n".join([render_problems(sorted(set(problems))), *waiting]))
        return 1
    count = len(catalog.sources)
    print("\n".join([f"No problems found in {count} articles.", *waiting]))
    return 0


def _when_line(article: Article) -> str:
    """The line and field that hold back a scheduled article: publish, else date."""
    name = "publish" if article.publish else "date"
    return f"{article.line_of(name)}: {name}"


def _scheduled_lines(catalog: Catalog, where: Callable[[Article], str]) -> list[str]:
    """A heading and one line per scheduled article, or nothing; ``where`` names each."""
    waiting = scheduled(catalog)
    if not waiting:
        return []
    lines = ["Scheduled, not yet on the public site:"]
    lines += [f"  {where(a)}: appears on {a.publish_date}" for a in waiting]
    return lines


def cmd_status(args: argparse.Namespace) -> int:
    settings = _settings(args)
    catalog = load_catalog(settings, preview=True)
    status = translation_status(catalog)
    if args.lang:
        status = {lang: rows for lang, rows in status.items() if lang in args.lang}
    texts = interface_text_status(settings)
    waiting = _scheduled_lines(catalog, lambda article: article.key)
    if waiting and not args.json:
        print("\n".join(waiting) + "\n")
    if args.json:
        payload = {
            lang: {
                "counts": count_states(rows),
                "articles": [row.as_dict() for row in rows],
                **({"interface_text": texts[lang].as_dict()} if lang in texts else {}),
            }
            for lang, rows in status.items()
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for lang, rows in status.items():
            counts = count_states(rows)
            name = settings.language(lang).name
            summary = ", ".join(f"{counts[state]} {state}" for state in STATES)
            print(f"{name} ({lang}): {summary}")
            width = max((len(row.key) for row in rows), default=10)
            for row in rows:
                hint = ""
                if row.state == MISSING:
                    hint = f"gialai translate {row.key.rsplit('/', 1)[-1]} --to {lang}"
                elif row.state == OUTDATED:
                    hint = "the Vietnamese changed since this was translated"
                    translation = catalog.translations.get(lang, {}).get(row.key)
                    if translation is not None and not translation.source_revision:
                        hint = (
                            "no source_revision; once it matches the Vietnamese: "
                            f"gialai mark-translated {row.key.rsplit('/', 1)[-1]} --to {lang}"
                        )
                elif row.state == ORPHANED:
                    hint = f"{row.translation} has no Vietnamese source"
                elif row.state == IN_PROGRESS:
                    hint = "draft"
                marker = "  " if row.state == UP_TO_DATE else "! "
                print(f"  {marker}{row.state:<12} {row.key:<{width}}  {hint}".rstrip())
            for line in _missing_text_lines(settings, texts[lang]) if lang in texts else []:
                print(line)
            print()
    failing = set()
    for wanted in args.fail_on or []:
        for lang, rows in status.items():
            counts = count_states(rows)
            if wanted == "outdated" and counts[OUTDATED]:
                failing.add(f"{counts[OUTDATED]} outdated in {lang}")
            if wanted == "missing" and (counts[MISSING] or counts[IN_PROGRESS]):
                failing.add(f"{counts[MISSING] + counts[IN_PROGRESS]} missing in {lang}")
    if failing:
        print("Failing because of: " + "; ".join(sorted(failing)), file=sys.stderr)
        return 1
    return 0


def _kiosk_config(config: Path, name: str) -> Path:
    """The configuration of a kiosk: mkdocs.kiosk.yml, or mkdocs.kiosk-NAME.yml."""
    path = config.parent / (f"mkdocs.kiosk-{name}.yml" if name else "mkdocs.kiosk.yml")
    if not path.is_file():
        known = sorted(p.name for p in config.parent.glob("mkdocs.kiosk*.yml"))
        names = [n.removeprefix("mkdocs.kiosk").strip("-").removesuffix(".yml") for n in known]
        names.sort(key=lambda n: (n != "", n))  # the default kiosk first
        listed = ", ".join(f"--kiosk {n}" if n else "--kiosk" for n in names) or "none"
        raise UsageError(f"there is no {path.name}; the kiosks of this project: {listed}.")
    return path


def _kiosk_site_dir(name: str) -> str:
    return f"site-kiosk-{name}" if name else "site-kiosk"


def _missing_text_lines(settings: Settings, status: InterfaceTextStatus) -> list[str]:
    """Status lines for the interface texts a language's file lacks, by the language shown."""
    lines = []
    lenders: dict[str, list[str]] = {}
    for text in status.missing:
        lenders.setdefault(text.shown_from, []).append(text.key)
    for lender, keys in lenders.items():
        count = f"{len(keys)} of {status.keys} texts"
        if lender:
            name = f"{settings.language(lender).name} ({lender})"
            head = f"  ! interface text: {count} missing in {status.file}, shown in {name}:"
        else:
            head = (
                f"  ! interface text: {count} missing in {status.file} and in every language it "
                "falls back to; the build stops until they are translated:"
            )
        lines.append(head)
        lines += textwrap.wrap(
            ", ".join(keys), width=100, initial_indent="      ", subsequent_indent="      "
        )
    return lines


def cmd_build(args: argparse.Namespace) -> int:
    from .builder import BuildFailed, build_site

    config = _find_config(args.config)
    kiosk = args.kiosk if args.kiosk is not None else ("" if args.all else None)
    editions = ["web", "kiosk"] if args.all else (["kiosk"] if kiosk is not None else ["web"])
    for edition in editions:
        config_file = config
        if edition == "kiosk":
            config_file = _kiosk_config(config, kiosk or "")
        out = Path(args.site_dir) if args.site_dir and len(editions) == 1 else None
        if out is None:
            out = config.parent / ("site" if edition == "web" else _kiosk_site_dir(kiosk or ""))
        options = BuildOptions(build_date=args.build_date, preview=args.preview, edition=edition)
        try:
            result = build_site(
                config_file,
                out,
                options,
                quiet=args.quiet,
                parallel=not args.serial,
                reuse=not args.no_cache,
            )
        except BuildFailed as error:
            print(f"Build of the {edition} edition stopped: {error}", file=sys.stderr)
            return 1
        if result.unchanged:
            print(
                f"Nothing changed since the last build: {result.site_dir} already holds the "
                f"{edition} edition (checked in {result.seconds:.1f} s)."
            )
        else:
            print(f"Built the {edition} edition into {result.site_dir} in {result.seconds:.1f} s.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    config = _find_config(args.config)
    if args.kiosk is not None:
        config = _kiosk_config(config, args.kiosk)
    options = BuildOptions(
        build_date=args.build_date,
        preview=True,
        edition="kiosk" if args.kiosk is not None else "web",
        # One language only: on a large site this is what keeps a rebuild within seconds.
        only_language=args.language or None,
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **options.to_env()}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--config-file",
        str(config),
        "--dev-addr",
        f"{args.host}:{args.port}",
        # After a save, rebuild only the pages whose articles changed.
        "--dirty",
    ]
    print(f"Preview with drafts at http://{args.host}:{args.port}/ (stop with Ctrl+C)", flush=True)
    # Become MkDocs, so that stopping this command (Ctrl+C, SIGTERM) stops the server too.
    os.chdir(config.parent)
    os.execve(sys.executable, command, env)
    return 0  # pragma: no cover - execve does not return


# --- kiosk updates: keys, bundles, install --------------------------------------------------


def _passphrase(args: argparse.Namespace, new: bool) -> bytes | None:
    """The passphrase of the private key: from --passphrase-file, or asked at the terminal."""
    if getattr(args, "no_passphrase", False):
        return None
    if args.passphrase_file:
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(
                f"cannot read the passphrase file {args.passphrase_file}: {error.strerror}."
            ) from None
        text = text.rstrip("\r\n")
        if not text:
            raise UsageError(f"the passphrase file {args.passphrase_file} is empty.")
        return text.encode("utf-8")
    if not sys.stdin.isatty():
        if new:
            raise UsageError(
                "give the new key a passphrase with --passphrase-file FILE (or type it at a "
                "terminal), or say --no-passphrase."
            )
        raise UsageError("the private key needs its passphrase: give --passphrase-file FILE.")
    import getpass

    first = getpass.getpass("Passphrase for the private key: ")
    if new:
        if len(first) < 8:
            raise UsageError("a passphrase needs at least 8 characters.")
        if getpass.getpass("The same passphrase again: ") != first:
            raise UsageError("the two passphrases differ; nothing was written.")
    return first.encode("utf-8")


def cmd_kiosk_key(args: argparse.Namespace) -> int:
    from .kiosk_bundle import BundleError, write_key_pair

    passphrase = _passphrase(args, new=True)
    try:
        private, public, print_ = write_key_pair(Path(args.out), passphrase)
    except BundleError as error:
        raise UsageError(str(error)) from None
    print(f"Wrote the private key {private} (keep it secret, off the kiosks)")
    print(f"and the public key {public} (copy it to every kiosk as /etc/gialai/kiosk-bundle.pub).")
    print(f"Fingerprint: {print_}")
    return 0


def cmd_kiosk_bundle(args: argparse.Namespace) -> int:
    from .kiosk_bundle import BundleError, load_private_key, make_bundle, private_key_is_encrypted

    config = _find_config(args.config)
    kiosk = args.kiosk or ""
    config_file = _kiosk_config(config, kiosk)
    key_path = Path(args.key)
    try:
        passphrase = _passphrase(args, new=False) if private_key_is_encrypted(key_path) else None
        key = load_private_key(key_path, passphrase)
    except BundleError as error:
        raise UsageError(str(error)) from None
    if args.from_site:
        if args.build_date is None:
            raise UsageError(
                "with --from-site, say which day that edition was built as of: --build-date "
                "2026-12-02 (as given to `gialai build --kiosk`)."
            )
        site = Path(args.from_site)
        build_date = args.build_date
    else:
        from .builder import BuildFailed, build_site

        build_date = args.build_date or dt.date.today()
        site = config.parent / _kiosk_site_dir(kiosk)
        options = BuildOptions(build_date=build_date, edition="kiosk")
        try:
            build_site(config_file, site, options, quiet=args.quiet)
        except BuildFailed as error:
            print(f"Build of the kiosk edition stopped: {error}", file=sys.stderr)
            return 1
    made = dt.datetime.now(dt.UTC)
    name = _kiosk_site_dir(kiosk).replace("site-kiosk", "gialai-kiosk")
    output = Path(args.output or f"{name}-{build_date.isoformat()}-{made:%H%M%S}.bundle")
    try:
        edition = make_bundle(site, output, key, config_file.name, build_date, made)
    except BundleError as error:
        raise UsageError(str(error)) from None
    size = output.stat().st_size / 1e6
    print(
        f"Wrote {output}: {edition.describe()}, {len(edition.files)} files, {size:.1f} MB, "
        f"signed with the key {edition.key}."
    )
    return 0


def cmd_kiosk_install(args: argparse.Namespace) -> int:
    from .kiosk_bundle import (
        BundleError,
        current_edition,
        install_bundle,
        previous_edition,
        roll_back,
    )

    root = Path(args.root)
    shown = None
    try:
        shown = current_edition(root)
        if args.status:
            kept = previous_edition(root)
            print(f"Shows: {shown.describe() if shown else 'no edition installed from a bundle'}.")
            print(f"Kept for --rollback: {kept.describe() if kept else 'none'}.")
            return 0
        if args.rollback:
            done = roll_back(root)
            print(f"The kiosk shows {done.shown.describe()} again.")
        elif not args.bundle:
            raise UsageError("name the bundle to install, or give --rollback or --status.")
        else:
            done = install_bundle(Path(args.bundle), root, Path(args.public_key), args.force)
            print(f"Installed {done.shown.describe()}: the kiosk shows it now.")
    except BundleError as error:
        now = f"the kiosk still shows {shown.describe()}" if shown else "nothing was installed"
        print(f"gialai kiosk-install: {error} Nothing was changed: {now}.", file=sys.stderr)
        return 1
    if done.kept is not None:
        print(f"Kept {done.kept.describe()}: `gialai kiosk-install --rollback` goes back to it.")
    return 0


def cmd_brochure(args: argparse.Namespace) -> int:
    from .brochure import write_brochures
    from .site import Site

    settings = _settings(args)
    site = Site.load(settings, BuildOptions(build_date=args.build_date, preview=False))
    if site.catalog.problems:
        raise ContentError(site.catalog.problems)
    out = Path(args.out) if args.out else settings.project_dir / "brochures"
    written = write_brochures(site, out, args.name or (), args.language or ())
    for item in written:
        note = f", {len(item.left_out)} not translated left out" if item.left_out else ""
        print(
            f"{settings.relpath(item.path)}: {len(item.printed)} articles{note} "
            f"({item.seconds:.1f} s)"
        )
        for url in item.blocked:
            print(f"  not printed, not on this computer: {url}")
    if not written:
        print("No brochure printed: none of the selected languages has its articles.")
    return 0


# --- entry point --------------------------------------------------------------------------


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gialai",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--config", help="the project's mkdocs.yml (found automatically)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser("new", help="start a Vietnamese article from its title")
    new.add_argument("title", help='the headline, like "Thác 50 ở Kbang"')
    new.add_argument(
        "--category",
        required=True,
        help="news, culture, tourism, investment (or one added in mkdocs.yml)",
    )
    new.add_argument("--byline", help="the author's name")
    new.add_argument(
        "--source", help='for an article taken from a newspaper, its name, like "Báo Gia Lai"'
    )
    new.add_argument("--date", type=_date, help="publication date, like 2025-12-30 (today)")
    new.add_argument("--slug", help="the file name without .md (made from the title)")
    new.set_defaults(func=cmd_new)

    translate = sub.add_parser("translate", help="start a translation of an article")
    translate.add_argument("slug", help="the article's file name without .md")
    translate.add_argument("--to", required=True, help="the language: en or km")
    translate.set_defaults(func=cmd_translate)

    mark = sub.add_parser(
        "mark-translated",
        help="record that a translation now matches the latest Vietnamese",
    )
    mark.add_argument("slug", nargs="?", help="the article's file name without .md")
    mark.add_argument("--to", help="the language: en or km")
    mark.add_argument("--all", action="store_true", help="every translation (of --to, if given)")
    mark.set_defaults(func=cmd_mark_translated)

    rename = sub.add_parser(
        "rename",
        aliases=["move"],
        help="give an article a new slug or category; its old address keeps working",
    )
    rename.add_argument("old", help="the article: its slug or folder/slug, like du-lich/thac-50")
    rename.add_argument(
        "new", help="the new slug, or folder/slug to move it to another category (van-hoa/…)"
    )
    rename.set_defaults(func=cmd_rename)

    check = sub.add_parser("check", help="list every mistake in the content, without building")
    check.add_argument(
        "--external",
        action="store_true",
        help="also list links to other sites (they are not visited)",
    )
    check.add_argument("--build-date", type=_date, help="check as if today were this date")
    check.add_argument(
        "--drafts", action="store_true", help="check drafts as strictly as published articles"
    )
    check.set_defaults(func=cmd_check)

    status = sub.add_parser("status", help="which translations are up to date, outdated, missing")
    status.add_argument("--json", action="store_true", help="print JSON for scripts")
    status.add_argument("--lang", action="append", help="only this language (repeatable)")
    status.add_argument(
        "--fail-on",
        action="append",
        choices=["outdated", "missing"],
        help="exit with an error if any translation is in this state",
    )
    status.set_defaults(func=cmd_status)

    build = sub.add_parser("build", help="build the site into site/ (kiosk: site-kiosk/)")
    build.add_argument(
        "--kiosk",
        nargs="?",
        const="",
        metavar="NAME",
        help="build the kiosk edition (mkdocs.kiosk.yml), or the kiosk NAME "
        "(mkdocs.kiosk-NAME.yml, like --kiosk pleiku)",
    )
    build.add_argument("--all", action="store_true", help="build the web and kiosk editions")
    build.add_argument("--site-dir", help="where to write the site")
    build.add_argument(
        "--build-date", type=_date, help="publish as of this date, like 2025-12-30 (today)"
    )
    build.add_argument("--preview", action="store_true", help="include drafts (not for the public)")
    build.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    build.add_argument(
        "--serial", action="store_true", help="build the languages one after another in one process"
    )
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="make every page and search index again (the cache in .cache/ is neither read "
        "nor written)",
    )
    build.set_defaults(func=cmd_build)

    brochure = sub.add_parser(
        "brochure", help="print the brochures of mkdocs.yml, one PDF per language"
    )
    brochure.add_argument("--out", help="where to write the PDF files (brochures/)")
    brochure.add_argument(
        "--name", action="append", help="only this brochure (extra.gialai.brochures), repeatable"
    )
    brochure.add_argument(
        "--language", action="append", help="only this language, like km; repeatable"
    )
    brochure.add_argument(
        "--build-date", type=_date, help="print as of this date, like 2025-12-30 (today)"
    )
    brochure.set_defaults(func=cmd_brochure)

    kiosk_server = sub.add_parser(
        "kiosk-server", help="serve a built site on this machine only (the kiosk's web server)"
    )
    from . import kiosk_server as kiosk_server_module

    kiosk_server_module.build_parser(kiosk_server)
    kiosk_server.set_defaults(func=kiosk_server_module.run)

    kiosk_key = sub.add_parser(
        "kiosk-key", help="create the department's key pair for signing kiosk bundles"
    )
    kiosk_key.add_argument("--out", default=".", help="the folder to write both keys to (.)")
    kiosk_key.add_argument("--passphrase-file", help="read the passphrase from this file")
    kiosk_key.add_argument(
        "--no-passphrase", action="store_true", help="store the private key unprotected"
    )
    kiosk_key.set_defaults(func=cmd_kiosk_key)

    kiosk_bundle = sub.add_parser(
        "kiosk-bundle", help="build the kiosk edition and write it as one signed update file"
    )
    kiosk_bundle.add_argument("--key", required=True, help="the department's private key file")
    kiosk_bundle.add_argument("--passphrase-file", help="read the key's passphrase from this file")
    kiosk_bundle.add_argument(
        "--kiosk", metavar="NAME", help="the kiosk NAME (mkdocs.kiosk-NAME.yml, like pleiku)"
    )
    kiosk_bundle.add_argument(
        "--build-date", type=_date, help="publish as of this date, like 2025-12-30 (today)"
    )
    kiosk_bundle.add_argument(
        "--from-site",
        metavar="DIR",
        help="pack this kiosk build instead of building (needs --build-date)",
    )
    kiosk_bundle.add_argument("--output", "-o", help="the bundle file to write")
    kiosk_bundle.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    kiosk_bundle.set_defaults(func=cmd_kiosk_bundle)

    kiosk_install = sub.add_parser(
        "kiosk-install", help="on a kiosk: check a bundle and show its edition (or roll back)"
    )
    kiosk_install.add_argument("bundle", nargs="?", help="the bundle file, e.g. on the USB stick")
    kiosk_install.add_argument(
        "--root", default="/srv/gialai", help="where the kiosk's editions live (/srv/gialai)"
    )
    kiosk_install.add_argument(
        "--public-key",
        default="/etc/gialai/kiosk-bundle.pub",
        help="the department's public key (/etc/gialai/kiosk-bundle.pub)",
    )
    kiosk_install.add_argument(
        "--force",
        action="store_true",
        help="install even an edition that is not newer than the one shown, or for another kiosk",
    )
    kiosk_install.add_argument(
        "--rollback", action="store_true", help="show the previous edition again"
    )
    kiosk_install.add_argument(
        "--status", action="store_true", help="say which edition is shown and which is kept"
    )
    kiosk_install.set_defaults(func=cmd_kiosk_install)

    serve = sub.add_parser("serve", help="preview the site with drafts, rebuilt on every save")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--kiosk", nargs="?", const="", metavar="NAME", help="preview a kiosk edition"
    )
    serve.add_argument("--build-date", type=_date, help="preview as of this date")
    serve.add_argument(
        "--language", help="preview one language only (vi, en or km): fastest on a large site"
    )
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; content and usage mistakes print a message, never a traceback."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except UsageError as error:
        print(f"gialai {args.command}: {error}", file=sys.stderr)
        return 2
    except ContentError as error:
        print(str(error), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `gialai status | head`: the reader has seen enough.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
