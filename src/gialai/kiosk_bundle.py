"""Signed update bundles for the offline kiosks: make a key, pack an edition, install, roll back.

A bundle is one file, an uncompressed tar archive, in this order:

``manifest.json``
    what the bundle holds: its format, which kiosk configuration built it, the edition's
    build date and version, the fingerprint of the key that signed it, and the size and
    SHA-256 of every file of the site;
``manifest.sig``
    the Ed25519 signature of ``manifest.json``, made with the department's private key;
``site/…``
    the files of the kiosk edition, as ``gialai build --kiosk`` wrote them.

On the kiosk, :func:`install_bundle` checks the signature with the department's public key
before it reads anything else, refuses an edition older than (or the same as) the one shown,
unpacks the site into a new folder beside the current one while checking every file's size
and checksum, and only then points the served path at it. The served path is a symlink,
replaced in one ``rename(2)``: nginx and ``gialai kiosk-server`` follow it anew on every
request, so readers see the old edition or the new one, never a mixture. The previous edition
is kept, and :func:`roll_back` returns to it the same way. Layout under the root
(``/srv/gialai`` on a kiosk)::

    site-kiosk           -> kiosk-editions/2026-12-02_20261202.101500/site   (served)
    site-kiosk.previous  -> kiosk-editions/2026-11-25_20261125.093000/site
    kiosk-editions/
        2026-12-02_20261202.101500/  manifest.json  manifest.sig  site/
        2026-11-25_20261125.093000/  …
        .incoming-…/                 an install under way (or one that was stopped)

Signing uses ``cryptography``'s Ed25519 (pinned in pyproject.toml).

For tests only, the environment variable ``GIALAI_KIOSK_INSTALL_PAUSE_AFTER=N`` makes an
install stop after unpacking N files, say so on stderr and wait, so that a test can kill it
at a known point (tests/test_kiosk_bundle.py). Nothing else reads it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import secrets
import shutil
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "gialai-kiosk-bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SITE = "site"
SERVED = "site-kiosk"
PREVIOUS = "site-kiosk.previous"
EDITIONS = "kiosk-editions"
INCOMING = ".incoming-"
DEFAULT_ROOT = Path("/srv/gialai")
DEFAULT_PUBLIC_KEY = Path("/etc/gialai/kiosk-bundle.pub")
PRIVATE_KEY_NAME = "gialai-kiosk.key"
PUBLIC_KEY_NAME = "gialai-kiosk.pub"
# The "kiosk" of a site that was copied into place by hand before bundles were used.
HAND_COPY = "(copied by hand)"
# Files every kiosk edition has: a bundle without them is not a kiosk edition.
REQUIRED_FILES = ("start/index.html", "404.html")
# For tests only: stop (and wait to be killed) after unpacking this many files.
PAUSE_VARIABLE = "GIALAI_KIOSK_INSTALL_PAUSE_AFTER"

_MANIFEST_LIMIT = 64 * 1024 * 1024
_CHUNK = 1024 * 1024


class BundleError(Exception):
    """A bundle, key or kiosk folder that cannot be used, explained in plain words."""


@dataclass(frozen=True)
class Edition:
    """What a manifest says about the edition it carries."""

    kiosk: str  # the configuration that built it: mkdocs.kiosk.yml, mkdocs.kiosk-pleiku.yml
    build_date: dt.date  # the day the site was built as of
    version: str  # when it was made, UTC: 20261202.101500
    files: dict[str, dict[str, object]]  # site path -> {"size": int, "sha256": hex}
    key: str  # fingerprint of the signing key

    @property
    def folder_name(self) -> str:
        """The name of its folder under kiosk-editions/."""
        return f"{self.build_date.isoformat()}_{self.version}"

    @property
    def order(self) -> tuple[str, str]:
        """Sorts editions: a later build date is newer; on one date, the one made later."""
        return (self.build_date.isoformat(), self.version)

    def describe(self) -> str:
        """How the edition is named to an operator."""
        if self.kiosk == HAND_COPY:
            return f"the site copied by hand (files of {self.build_date.isoformat()})"
        return f"the edition of {self.build_date.isoformat()} (version {self.version})"


# --- keys ---------------------------------------------------------------------------------


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """A short name for a public key, to compare by eye: four groups of four hex digits."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def write_key_pair(folder: Path, passphrase: bytes | None) -> tuple[Path, Path, str]:
    """Create a new key pair in ``folder``: (private key file, public key file, fingerprint)."""
    folder.mkdir(parents=True, exist_ok=True)
    private_path = folder / PRIVATE_KEY_NAME
    public_path = folder / PUBLIC_KEY_NAME
    for path in (private_path, public_path):
        if path.exists():
            raise BundleError(
                f"{path} already exists; a new key would make every kiosk refuse bundles "
                "signed with the new one until its public key is copied there. Move the old "
                "files away first if you really mean to replace the key."
            )
    key = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    # The private key is readable by its owner only, from the moment it exists.
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(public_pem)
    return private_path, public_path, fingerprint(key.public_key())


def private_key_is_encrypted(path: Path) -> bool:
    """True if the private key file needs a passphrase."""
    return b"ENCRYPTED" in _read_key_file(path, "private key")


def load_private_key(path: Path, passphrase: bytes | None) -> Ed25519PrivateKey:
    """The department's private key from its file."""
    data = _read_key_file(path, "private key")
    try:
        key = serialization.load_pem_private_key(data, password=passphrase or None)
    except TypeError:
        raise BundleError(f"{path} is protected by a passphrase: give it.") from None
    except ValueError:
        if b"ENCRYPTED" in data:
            raise BundleError(f"the passphrase for {path} is not right.") from None
        raise BundleError(f"{path} is not a private key made by `gialai kiosk-key`.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise BundleError(f"{path} is not an Ed25519 key made by `gialai kiosk-key`.")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """The department's public key from its file."""
    data = _read_key_file(path, "public key")
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise BundleError(f"{path} is not a public key made by `gialai kiosk-key`.") from None
    if not isinstance(key, Ed25519PublicKey):
        raise BundleError(f"{path} is not an Ed25519 key made by `gialai kiosk-key`.")
    return key


def _read_key_file(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if what == "public key":
            raise BundleError(
                f"there is no public key at {path}: copy the department's public key "
                f"({PUBLIC_KEY_NAME}) there, or give --public-key."
            ) from None
        raise BundleError(f"there is no private key at {path}.") from None
    except OSError as error:
        raise BundleError(f"cannot read the {what} {path}: {error.strerror}.") from None


# --- making a bundle ----------------------------------------------------------------------


def _site_files(site: Path) -> list[str]:
    """Every file of a built site as a relative POSIX path, sorted; symlinks refused."""
    found = []
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in dirs:
            if (Path(folder) / name).is_symlink():
                raise BundleError(
                    f"{Path(folder) / name} is a symbolic link; a kiosk serves no links. "
                    "Build the kiosk edition again."
                )
        dirs[:] = [name for name in dirs if not name.startswith(".")]  # never served
        for name in sorted(files):
            if name.startswith("."):
                continue  # hidden files are never served (nginx.conf, kiosk-server)
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                raise BundleError(
                    f"{path} is not a plain file; a kiosk serves no links. "
                    "Build the kiosk edition again."
                )
            found.append(path.relative_to(site).as_posix())
    return sorted(found)


def _hash_file(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _tar_info(name: str, size: int, mtime: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = mtime
    info.mode = 0o644
    info.type = tarfile.REGTYPE
    return info


def make_bundle(
    site: Path,
    output: Path,
    key: Ed25519PrivateKey,
    kiosk: str,
    build_date: dt.date,
    made: dt.datetime | None = None,
) -> Edition:
    """Write a signed bundle of the built kiosk edition in ``site`` to ``output``."""
    if not site.is_dir():
        raise BundleError(f"there is no built kiosk edition at {site}.")
    made = (made or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    names = _site_files(site)
    missing = [name for name in REQUIRED_FILES if name not in names]
    if missing:
        raise BundleError(
            f"{site} is not a kiosk edition: it has no {missing[0]}. "
            "Build it with `gialai build --kiosk`."
        )
    files: dict[str, dict[str, object]] = {}
    for name in names:
        size, digest = _hash_file(site / name)
        files[name] = {"size": size, "sha256": digest}
    edition = Edition(
        kiosk=kiosk,
        build_date=build_date,
        version=made.strftime("%Y%m%d.%H%M%S"),
        files=files,
        key=fingerprint(key.public_key()),
    )
    manifest = _manifest_bytes(edition)
    signature = key.sign(manifest)
    mtime = int(made.timestamp())
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with (
            partial.open("wb") as raw,
            tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as archive,
        ):
            archive.addfile(_tar_info(MANIFEST, len(manifest), mtime), io.BytesIO(manifest))
            archive.addfile(_tar_info(SIGNATURE, len(signature), mtime), io.BytesIO(signature))
            for name in names:
                size = int(files[name]["size"])  # type: ignore[call-overload]
                with (site / name).open("rb") as handle:
                    archive.addfile(_tar_info(f"{SITE}/{name}", size, mtime), handle)
            raw.flush()
            os.fsync(raw.fileno())
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    return edition


def _manifest_bytes(edition: Edition) -> bytes:
    data = {
        "format": FORMAT,
        "kiosk": edition.kiosk,
        "build_date": edition.build_date.isoformat(),
        "version": edition.version,
        "key": edition.key,
        "files": edition.files,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8") + b"\n"


def _parse_manifest(data: bytes, name: str) -> Edition:
    not_ours = BundleError(f"{name} has a manifest this version of gialai cannot read.")
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw.get("format") != FORMAT:
            raise not_ours
        files = raw["files"]
        edition = Edition(
            kiosk=str(raw["kiosk"]),
            build_date=dt.date.fromisoformat(raw["build_date"]),
            version=str(raw["version"]),
            files=files,
            key=str(raw["key"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise not_ours from None
    if not isinstance(files, dict) or not all(
        isinstance(entry, dict)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
        and _safe_path(path)
        for path, entry in files.items()
    ):
        raise not_ours
    if not edition.version.replace(".", "").isdigit():
        raise not_ours
    return edition


def _safe_path(path: object) -> bool:
    """A relative path of plain names: no "..", no absolute path, no hidden or empty part."""
    if not isinstance(path, str) or not path or "\\" in path or "\x00" in path:
        return False
    parts = PurePosixPath(path).parts
    return (
        not path.startswith("/")
        and PurePosixPath(*parts).as_posix() == path
        and all(part not in ("", ".", "..") and not part.startswith(".") for part in parts)
    )


# --- the kiosk's folders --------------------------------------------------------------------


def _edition_of_link(root: Path, link_name: str) -> tuple[Path, Edition] | None:
    """The edition folder a link (site-kiosk, site-kiosk.previous) points at, and its manifest."""
    link = root / link_name
    if not link.is_symlink():
        return None
    site = Path(os.path.normpath(root / os.readlink(link)))
    folder = site.parent
    try:
        edition = _parse_manifest((folder / MANIFEST).read_bytes(), str(folder / MANIFEST))
    except (OSError, BundleError):
        return None
    return folder, edition


def current_edition(root: Path) -> Edition | None:
    """The edition the kiosk shows, if it was installed from a bundle."""
    found = _edition_of_link(root, SERVED)
    return found[1] if found else None


def previous_edition(root: Path) -> Edition | None:
    """The edition kept for --rollback, if any."""
    found = _edition_of_link(root, PREVIOUS)
    return found[1] if found else None


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[Path]:
    """The editions folder, held by this process alone (one install at a time)."""
    editions = root / EDITIONS
    editions.mkdir(parents=True, exist_ok=True)
    with (editions / ".lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BundleError(
                f"another `gialai kiosk-install` is working in {editions}; wait until it "
                "has finished."
            ) from None
        # What an install that was stopped (power cut, kill) left behind is never served.
        for leftover in editions.glob(INCOMING + "*"):
            shutil.rmtree(leftover, ignore_errors=True)
        yield editions


def _point(root: Path, link_name: str, folder: Path, move_aside: Path | None = None) -> None:
    """Point ``root/link_name`` at ``folder/site`` in one rename(2): no moment without it.

    A real folder in its place (the site copied by hand, before bundles) is first moved to
    ``move_aside/site``: a symlink cannot replace a folder in one rename, so for that one
    install there are two renames, microseconds apart.
    """
    target = os.path.relpath(folder / SITE, root)
    temporary = root / f".{link_name}.{secrets.token_hex(4)}"
    os.symlink(target, temporary)
    link = root / link_name
    if move_aside is not None and link.is_dir() and not link.is_symlink():
        link.rename(move_aside / SITE)
    os.replace(temporary, link)
    _sync_folder(root)


def _adopt_hand_copy(root: Path, editions: Path) -> Path | None:
    """A folder to keep a hand-copied site in as an edition of its own, or None if none."""
    served = root / SERVED
    if served.is_symlink() or not served.is_dir():
        return None
    made = dt.datetime.fromtimestamp(served.stat().st_mtime, dt.UTC)
    edition = Edition(
        kiosk=HAND_COPY,
        build_date=made.date(),
        version=made.strftime("%Y%m%d.%H%M%S"),
        files={},
        key="",
    )
    folder = editions / f"copied-by-hand-{edition.folder_name}"
    folder.mkdir()
    (folder / MANIFEST).write_bytes(_manifest_bytes(edition))
    return folder


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _prune(root: Path, editions: Path) -> None:
    """Delete every edition but the current and the previous one."""
    keep = set()
    for name in (SERVED, PREVIOUS):
        link = root / name
        if link.is_symlink():
            keep.add(Path(os.path.normpath(root / os.readlink(link))).parent.name)
    for folder in editions.iterdir():
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


# --- installing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Installed:
    """What an install or rollback did."""

    shown: Edition
    kept: Edition | None


def _damaged(name: str) -> BundleError:
    return BundleError(
        f"{name} is damaged or incomplete: it ends before its last file. Copy the bundle "
        "again (let the copy finish and eject the USB stick before unplugging it)."
    )


def _read_member(archive: tarfile.TarFile, member: tarfile.TarInfo, name: str) -> bytes:
    handle = archive.extractfile(member)
    if handle is None:
        raise _damaged(name)
    data = handle.read()
    if len(data) != member.size:
        raise _damaged(name)
    return data


def _next(archive: tarfile.TarFile, name: str) -> tarfile.TarInfo | None:
    try:
        return archive.next()
    except (tarfile.TarError, EOFError, OSError):
        raise _damaged(name) from None


def install_bundle(
    bundle: Path,
    root: Path = DEFAULT_ROOT,
    public_key_path: Path = DEFAULT_PUBLIC_KEY,
    force: bool = False,
) -> Installed:
    """Check a bundle and make its edition the one the kiosk shows; the previous one is kept."""
    name = bundle.name
    public_key = load_public_key(public_key_path)
    try:
        raw = bundle.open("rb")
    except FileNotFoundError:
        raise BundleError(f"there is no file {bundle}.") from None
    except OSError as error:
        raise BundleError(f"cannot read {bundle}: {error.strerror}.") from None
    not_a_bundle = BundleError(
        f"{name} is not a kiosk update bundle (those are made by `gialai kiosk-bundle`)."
    )
    with raw, _locked(root) as editions:
        try:
            archive = tarfile.open(fileobj=raw, mode="r|")  # noqa: SIM115 - closed below
        except (tarfile.TarError, EOFError, OSError):
            raise not_a_bundle from None
        with archive:
            first = _next(archive, name)
            if first is None or first.name != MANIFEST or not first.isreg():
                raise not_a_bundle
            if first.size > _MANIFEST_LIMIT:
                raise not_a_bundle
            manifest = _read_member(archive, first, name)
            second = _next(archive, name)
            if second is None or second.name != SIGNATURE or not second.isreg():
                raise BundleError(
                    f"{name} is not signed: nobody can tell who made it or whether it was "
                    "changed. Make bundles with `gialai kiosk-bundle --key …`."
                )
            signature = _read_member(archive, second, name)
            try:
                public_key.verify(signature, manifest)
            except InvalidSignature:
                raise BundleError(
                    f"{name} was not signed with the key this kiosk trusts ({public_key_path}, "
                    f"fingerprint {fingerprint(public_key)}), or it was changed after it was "
                    "signed."
                ) from None
            edition = _parse_manifest(manifest, name)
            _check_newer(edition, current_edition(root), name, force)
            staging = editions / f"{INCOMING}{secrets.token_hex(6)}"
            staging.mkdir()
            try:
                _unpack(archive, edition, staging, name)
                (staging / MANIFEST).write_bytes(manifest)
                (staging / SIGNATURE).write_bytes(signature)
                os.sync()  # every file on disk before any link points at them
                folder = editions / edition.folder_name
                if folder.exists():  # the same edition again (--force): a fresh copy
                    folder = editions / f"{edition.folder_name}.{secrets.token_hex(3)}"
                staging.rename(folder)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        hand_copy = _adopt_hand_copy(root, editions)
        old = _edition_of_link(root, SERVED)
        _point(root, SERVED, folder, move_aside=hand_copy)
        if hand_copy is not None:
            _point(root, PREVIOUS, hand_copy)
        elif old is not None:
            _point(root, PREVIOUS, old[0])
        _prune(root, editions)
    return Installed(shown=edition, kept=previous_edition(root))


def _check_newer(edition: Edition, shown: Edition | None, name: str, force: bool) -> None:
    if shown is None or shown.kiosk == HAND_COPY or force:
        return
    if edition.kiosk != shown.kiosk:
        raise BundleError(
            f"{name} is for another kiosk: it was built from {edition.kiosk}, and this kiosk "
            f"shows an edition built from {shown.kiosk}. To install it anyway, add --force."
        )
    if edition.order == shown.order:
        raise BundleError(
            f"{name} holds {edition.describe()}, which this kiosk already shows. "
            "To install it again, add --force."
        )
    if edition.order < shown.order:
        raise BundleError(
            f"{name} holds {edition.describe()}, which is older than {shown.describe()} that "
            "this kiosk shows. To install the older edition anyway, add --force."
        )


def _unpack(archive: tarfile.TarFile, edition: Edition, staging: Path, name: str) -> None:
    """Write the site's files under ``staging/site``, checking each against the manifest."""
    site = staging / SITE
    site.mkdir()
    seen: set[str] = set()
    pause_after = int(os.environ.get(PAUSE_VARIABLE, "0") or 0)
    while (member := _next(archive, name)) is not None:
        path = member.name.removeprefix(f"{SITE}/")
        if (
            not member.name.startswith(f"{SITE}/")
            or not member.isreg()
            or not _safe_path(path)
            or path not in edition.files
        ):
            raise BundleError(f"{name} holds {member.name}, which its manifest does not list.")
        if path in seen:
            raise BundleError(f"{name} holds {member.name} twice.")
        expected = edition.files[path]
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        source = archive.extractfile(member)
        if source is None:
            raise _damaged(name)
        digest = hashlib.sha256()
        size = 0
        # Readable by the web server whatever the installing user's umask.
        with os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "wb") as out:
            os.fchmod(out.fileno(), 0o644)
            try:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
            except (tarfile.TarError, EOFError, OSError):
                raise _damaged(name) from None
        if size != member.size:
            raise _damaged(name)
        if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
            raise BundleError(
                f"{name} is damaged: {path} does not match its checksum in the manifest. "
                "Copy the bundle again."
            )
        seen.add(path)
        if pause_after and len(seen) == pause_after:
            print(f"paused after {len(seen)} files ({PAUSE_VARIABLE})", file=sys.stderr, flush=True)
            while True:
                time.sleep(60)
    missing = sorted(set(edition.files) - seen)
    if missing:
        raise _damaged(name)
    for folder, _, _ in os.walk(site):
        os.chmod(folder, 0o755)


def roll_back(root: Path = DEFAULT_ROOT) -> Installed:
    """Show the previous edition again; the one shown until now becomes the previous one."""
    with _locked(root):
        current = _edition_of_link(root, SERVED)
        previous = _edition_of_link(root, PREVIOUS)
        if previous is None or not (previous[0] / SITE).is_dir():
            raise BundleError(f"there is no previous edition in {root / EDITIONS} to go back to.")
        _point(root, SERVED, previous[0])
        if current is not None:
            _point(root, PREVIOUS, current[0])
    return Installed(shown=previous[1], kept=current[1] if current else None)
