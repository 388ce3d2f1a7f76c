"""Kiosk updates without a network: signed bundles, atomic install, rollback.

Every install here is the real command (``gialai kiosk-install`` in a process of its own)
on a kiosk folder in tmp_path, while the real ``gialai kiosk-server`` serves that kiosk's
``site-kiosk`` link over HTTP. After every refused bundle the test reads the page the kiosk
shows: it must still be the edition installed before. nginx with the shipped kiosk config is
tested the same way when Debian's nginx is installed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from gialai import kiosk_bundle

from .conftest import REPO, free_port, write_files
from .test_kiosk_server import NGINX, NGINX_WRAPPER, adapt_nginx_config, fetch, wait_until_up

GIALAI = [sys.executable, "-m", "gialai.cli"]
KIOSK = "mkdocs.kiosk.yml"


def edition_files(label: str, extra: dict[str, str | bytes] | None = None) -> dict:
    """A small kiosk edition whose start screen says which one it is."""
    return {
        "start/index.html": f"<!doctype html><title>Chọn ngôn ngữ</title><h1>{label}</h1>",
        "index.html": f"<!doctype html><title>Gia Lai</title><p>Trang chủ {label}</p>",
        "404.html": "<!doctype html><p>Không tìm thấy trang</p>",
        "en/404.html": "<!doctype html><p>Page not found</p>",
        "km/404.html": "<!doctype html><p>រកមិនឃើញទំព័រ</p>",
        "km/du-lich/thac-50/index.html": f"<!doctype html><p>ទឹកធ្លាក់ ៥០ {label}</p>",
        **(extra or {}),
    }


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The department's key pair and another one (a wrong key)."""
    top = tmp_path_factory.mktemp("keys")
    kiosk_bundle.write_key_pair(top / "department", None)
    kiosk_bundle.write_key_pair(top / "other", None)
    return {
        "private": top / "department" / kiosk_bundle.PRIVATE_KEY_NAME,
        "public": top / "department" / kiosk_bundle.PUBLIC_KEY_NAME,
        "other": top / "other" / kiosk_bundle.PRIVATE_KEY_NAME,
    }


def make(
    tmp_path: Path,
    keys: dict[str, Path],
    label: str,
    build_date: dt.date,
    made: dt.datetime,
    key: str = "private",
    kiosk: str = KIOSK,
    extra: dict[str, str | bytes] | None = None,
) -> Path:
    """A signed bundle of a small edition."""
    site = tmp_path / f"site-{label}"
    write_files(site, edition_files(label, extra))
    output = tmp_path / f"{label}.bundle"
    private = kiosk_bundle.load_private_key(keys[key], None)
    kiosk_bundle.make_bundle(site, output, private, kiosk, build_date, made)
    return output


DEC1 = dt.date(2026, 12, 1)
DEC2 = dt.date(2026, 12, 2)
MADE1 = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
MADE2 = dt.datetime(2026, 12, 2, 10, 15, tzinfo=dt.UTC)
SHOWN1 = "the edition of 2026-12-01 (version 20261201.093000)"
SHOWN2 = "the edition of 2026-12-02 (version 20261202.101500)"


def install(root: Path, keys: dict[str, Path], *args: str, **env: str):
    """``gialai kiosk-install`` as an operator runs it."""
    command = [*GIALAI, "kiosk-install", "--root", str(root), "--public-key", str(keys["public"])]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env={**os.environ, **env}, timeout=120
    )


class Kiosk:
    """A kiosk folder and the kiosk-server serving its site-kiosk link."""

    def __init__(self, root: Path, base: str) -> None:
        self.root = root
        self.base = base

    def heading(self) -> str:
        """The heading of the start screen the kiosk shows now."""
        answer = fetch(self.base, "/start/")
        assert answer.status == 200, answer.status
        return lxml.html.fromstring(answer.body).findtext(".//h1")

    def editions(self) -> list[str]:
        return sorted(p.name for p in (self.root / kiosk_bundle.EDITIONS).iterdir())


def start_kiosk_server(site: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [*GIALAI, "kiosk-server", "--site", str(site), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base, process)
    return process, base


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@pytest.fixture
def kiosk(tmp_path: Path, keys: dict[str, Path]) -> Iterator[Kiosk]:
    """A kiosk showing the edition of 2026-12-02 and keeping the one of 2026-12-01."""
    root = tmp_path / "srv"
    for label, day, made in (("Edition 1", DEC1, MADE1), ("Edition 2", DEC2, MADE2)):
        result = install(root, keys, str(make(tmp_path, keys, label, day, made)))
        assert result.returncode == 0, result.stderr
    process, base = start_kiosk_server(root / kiosk_bundle.SERVED)
    try:
        yield Kiosk(root, base)
    finally:
        stop(process)


# --- installing and going back ---------------------------------------------------------------


def test_install_swaps_the_served_edition_and_rollback_returns(
    tmp_path: Path, keys: dict[str, Path]
) -> None:
    root = tmp_path / "srv"
    first = install(root, keys, str(make(tmp_path, keys, "Edition 1", DEC1, MADE1)))
    assert first.returncode == 0, first.stderr
    assert first.stdout == f"Installed {SHOWN1}: the kiosk shows it now.\n"
    process, base = start_kiosk_server(root / kiosk_bundle.SERVED)
    try:
        kiosk = Kiosk(root, base)
        assert kiosk.heading() == "Edition 1"
        second = install(root, keys, str(make(tmp_path, keys, "Edition 2", DEC2, MADE2)))
        assert second.returncode == 0, second.stderr
        assert second.stdout == (
            f"Installed {SHOWN2}: the kiosk shows it now.\n"
            f"Kept {SHOWN1}: `gialai kiosk-install --rollback` goes back to it.\n"
        )
        # The same running server, no restart: the link was swapped under it.
        assert kiosk.heading() == "Edition 2"
        assert fetch(base, "/km/missing").text == "<!doctype html><p>រកមិនឃើញទំព័រ</p>"
        link = root / kiosk_bundle.SERVED
        assert link.is_symlink()
        assert os.readlink(link) == "kiosk-editions/2026-12-02_20261202.101500/site"
        status = install(root, keys, "--status")
        assert status.stdout == f"Shows: {SHOWN2}.\nKept for --rollback: {SHOWN1}.\n"

        back = install(root, keys, "--rollback")
        assert back.returncode == 0, back.stderr
        assert back.stdout == (
            f"The kiosk shows {SHOWN1} again.\n"
            f"Kept {SHOWN2}: `gialai kiosk-install --rollback` goes back to it.\n"
        )
        assert kiosk.heading() == "Edition 1"
        assert install(root, keys, "--rollback").returncode == 0
        assert kiosk.heading() == "Edition 2"

        # A third edition: the oldest is deleted, the one shown until now is kept.
        made3 = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)
        third = install(root, keys, str(make(tmp_path, keys, "Edition 3", DEC2, made3)))
        assert third.returncode == 0, third.stderr
        assert kiosk.heading() == "Edition 3"
        assert kiosk.editions() == [
            ".lock",
            "2026-12-02_20261202.101500",
            "2026-12-02_20261203.080000",
        ]
        mode = (root / kiosk_bundle.SERVED / "start" / "index.html").stat().st_mode & 0o777
        assert mode == 0o644
    finally:
        stop(process)


def test_rollback_without_a_previous_edition(tmp_path: Path, keys: dict[str, Path]) -> None:
    root = tmp_path / "srv"
    result = install(root, keys, "--rollback")
    assert result.returncode == 1
    assert result.stderr == (
        f"gialai kiosk-install: there is no previous edition in {root / 'kiosk-editions'} to go "
        "back to. Nothing was changed: nothing was installed.\n"
    )


def test_a_site_copied_by_hand_becomes_the_previous_edition(
    tmp_path: Path, keys: dict[str, Path]
) -> None:
    root = tmp_path / "srv"
    write_files(root / kiosk_bundle.SERVED, edition_files("Copied by hand"))
    process, base = start_kiosk_server(root / kiosk_bundle.SERVED)
    try:
        kiosk = Kiosk(root, base)
        assert kiosk.heading() == "Copied by hand"
        result = install(root, keys, str(make(tmp_path, keys, "Edition 1", DEC1, MADE1)))
        assert result.returncode == 0, result.stderr
        assert kiosk.heading() == "Edition 1"
        assert (root / kiosk_bundle.PREVIOUS).is_symlink()
        back = install(root, keys, "--rollback")
        assert back.returncode == 0, back.stderr
        day = (root / kiosk_bundle.PREVIOUS).stat().st_mtime
        day = dt.datetime.fromtimestamp(day, dt.UTC).date().isoformat()
        assert back.stdout == (
            f"The kiosk shows the site copied by hand (files of {day}) again.\n"
            f"Kept {SHOWN1}: `gialai kiosk-install --rollback` goes back to it.\n"
        )
        assert kiosk.heading() == "Copied by hand"
        # Back on the hand copy, any signed edition may be installed again.
        again = install(root, keys, str(make(tmp_path, keys, "Edition 2", DEC2, MADE2)))
        assert again.returncode == 0, again.stderr
        assert kiosk.heading() == "Edition 2"
    finally:
        stop(process)


# --- bundles the kiosk refuses ---------------------------------------------------------------


def flip_byte(path: Path, inside: bytes, offset: int = 0) -> None:
    """Change one byte of the file, in the first place that holds ``inside``."""
    data = bytearray(path.read_bytes())
    at = data.index(inside) + offset
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def refused(kiosk: Kiosk, keys: dict[str, Path], bundle: Path, message: str, *args: str) -> None:
    """The install fails with exactly ``message`` and the kiosk still shows edition 2."""
    before = kiosk.editions()
    result = install(kiosk.root, keys, str(bundle), *args)
    assert result.returncode == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr == (
        f"gialai kiosk-install: {message} Nothing was changed: the kiosk still shows {SHOWN2}.\n"
    )
    assert kiosk.heading() == "Edition 2"
    assert kiosk.editions() == before  # no half-unpacked folder left behind


def newer(tmp_path: Path, keys: dict[str, Path], **options) -> Path:
    made = dt.datetime(2026, 12, 3, 7, 45, tzinfo=dt.UTC)
    return make(tmp_path, keys, "Edition 3", dt.date(2026, 12, 3), made, **options)


def test_truncated_bundle_is_refused(kiosk: Kiosk, keys, tmp_path: Path) -> None:
    bundle = newer(tmp_path, keys)
    data = bundle.read_bytes()
    message = (
        "Edition 3.bundle is damaged or incomplete: it ends before its last file. Copy the "
        "bundle again (let the copy finish and eject the USB stick before unplugging it)."
    )
    # Cut inside a file, and cut where a file would begin (the rest simply missing).
    bundle.write_bytes(data[: data.index("ទឹកធ្លាក់".encode()) + 5])
    refused(kiosk, keys, bundle, message)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        third = archive.getmembers()[3]
    bundle.write_bytes(data[: third.offset])
    refused(kiosk, keys, bundle, message)


def test_flipped_byte_in_a_page_is_refused(kiosk: Kiosk, keys, tmp_path: Path) -> None:
    bundle = newer(tmp_path, keys)
    flip_byte(bundle, "ទឹកធ្លាក់ ៥០ Edition 3".encode(), offset=len("ទឹកធ្លាក់ ៥០ ".encode()))
    refused(
        kiosk,
        keys,
        bundle,
        "Edition 3.bundle is damaged: km/du-lich/thac-50/index.html does not match its "
        "checksum in the manifest. Copy the bundle again.",
    )


def test_flipped_byte_in_the_manifest_is_refused(kiosk: Kiosk, keys, tmp_path: Path) -> None:
    bundle = newer(tmp_path, keys)
    flip_byte(bundle, b'"build_date": "2026-12-03"', offset=len('"build_date": "2026-12-0'))
    refused(kiosk, keys, bundle, wrong_key_message(keys))


def wrong_key_message(keys: dict[str, Path]) -> str:
    public = kiosk_bundle.load_public_key(keys["public"])
    return (
        f"Edition 3.bundle was not signed with the key this kiosk trusts ({keys['public']}, "
        f"fingerprint {kiosk_bundle.fingerprint(public)}), or it was changed after it was signed."
    )


def test_bundle_signed_with_another_key_is_refused(kiosk: Kiosk, keys, tmp_path: Path) -> None:
    refused(kiosk, keys, newer(tmp_path, keys, key="other"), wrong_key_message(keys))


def test_unsigned_bundle_is_refused(kiosk: Kiosk, keys, tmp_path: Path) -> None:
    signed = newer(tmp_path, keys)
    unsigned = tmp_path / "unsigned.bundle"
    with tarfile.open(signed) as source, tarfile.open(unsigned, "w") as target:
        for member in source.getmembers():
            if member.name != kiosk_bundle.SIGNATURE:
                target.addfile(member, source.extractfile(member))
    refused(
        kiosk,
        keys,
        unsigned,
        "unsigned.bundle is not signed: nobody can tell who made it or whether it was "
        "changed. Make bundles with `gialai kiosk-bundle --key …`.",
    )


def test_a_file_the_manifest_does_not_list_is_refused(kiosk: Kiosk, keys, tmp_path: Path) -> None:
    # Signed by the department, with one more file slipped in after signing: a path that
    # would leave the kiosk's folder. It is refused before anything is written there.
    signed = newer(tmp_path, keys)
    crafted = tmp_path / "crafted.bundle"
    with tarfile.open(signed) as source, tarfile.open(crafted, "w") as target:
        for member in source.getmembers():
            target.addfile(member, source.extractfile(member))
            if member.name == kiosk_bundle.SIGNATURE:
                evil = tarfile.TarInfo("site/../../escaped.html")
                evil.size = 4
                target.addfile(evil, io.BytesIO(b"evil"))
    refused(
        kiosk,
        keys,
        crafted,
        "crafted.bundle holds site/../../escaped.html, which its manifest does not list.",
    )
    assert not list(tmp_path.rglob("escaped.html"))


def test_a_file_that_is_not_a_bundle_is_refused(kiosk: Kiosk, keys, tmp_path: Path) -> None:
    other = tmp_path / "photos.zip"
    other.write_bytes(b"PK\x03\x04" + bytes(2000))
    refused(
        kiosk,
        keys,
        other,
        "photos.zip is not a kiosk update bundle (those are made by `gialai kiosk-bundle`).",
    )


def test_older_and_same_editions_are_refused_unless_forced(
    kiosk: Kiosk, keys, tmp_path: Path
) -> None:
    older = make(tmp_path, keys, "Edition 0", dt.date(2026, 11, 30), MADE2)
    refused(
        kiosk,
        keys,
        older,
        "Edition 0.bundle holds the edition of 2026-11-30 (version 20261202.101500), which is "
        f"older than {SHOWN2} that this kiosk shows. To install the older edition anyway, "
        "add --force.",
    )
    same = make(tmp_path, keys, "Edition 2 again", DEC2, MADE2)
    refused(
        kiosk,
        keys,
        same,
        f"Edition 2 again.bundle holds {SHOWN2}, which this kiosk already shows. To install it "
        "again, add --force.",
    )
    pleiku = newer(tmp_path, keys, kiosk="mkdocs.kiosk-pleiku.yml")
    refused(
        kiosk,
        keys,
        pleiku,
        "Edition 3.bundle is for another kiosk: it was built from mkdocs.kiosk-pleiku.yml, and "
        "this kiosk shows an edition built from mkdocs.kiosk.yml. To install it anyway, add "
        "--force.",
    )
    forced = install(kiosk.root, keys, str(older), "--force")
    assert forced.returncode == 0, forced.stderr
    assert kiosk.heading() == "Edition 0"


def test_missing_public_key_is_explained(kiosk: Kiosk, tmp_path: Path) -> None:
    bundle = tmp_path / "any.bundle"
    bundle.write_bytes(b"")
    absent = tmp_path / "nowhere.pub"
    result = install(kiosk.root, {"public": absent}, str(bundle))
    assert result.returncode == 1
    assert result.stderr == (
        f"gialai kiosk-install: there is no public key at {absent}: copy the department's "
        "public key (gialai-kiosk.pub) there, or give --public-key. Nothing was changed: the "
        f"kiosk still shows {SHOWN2}.\n"
    )
    assert kiosk.heading() == "Edition 2"


def test_install_killed_while_unpacking_leaves_the_kiosk_serving(
    kiosk: Kiosk, keys, tmp_path: Path
) -> None:
    pages = {f"km/tin-tuc/bai-{n:03}/index.html": f"<p>ទំព័រ {n}</p>" * 200 for n in range(300)}
    bundle = newer(tmp_path, keys, extra=pages)
    command = [
        *GIALAI,
        "kiosk-install",
        "--root",
        str(kiosk.root),
        "--public-key",
        str(keys["public"]),
        str(bundle),
    ]
    env = {**os.environ, kiosk_bundle.PAUSE_VARIABLE: "120"}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stderr.readline()
        assert line == f"paused after 120 files ({kiosk_bundle.PAUSE_VARIABLE})\n"
        incoming = list((kiosk.root / kiosk_bundle.EDITIONS).glob(".incoming-*"))
        assert len(incoming) == 1
        unpacked = [p for p in (incoming[0] / "site").rglob("*") if p.is_file()]
        assert len(unpacked) == 120  # halfway: 306 files in this bundle
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        process.stderr.close()
    assert kiosk.heading() == "Edition 2"
    assert os.readlink(kiosk.root / kiosk_bundle.SERVED).startswith("kiosk-editions/2026-12-02_")
    # The next install clears what the killed one left and finishes.
    again = install(kiosk.root, keys, str(bundle))
    assert again.returncode == 0, again.stderr
    assert kiosk.heading() == "Edition 3"
    assert not list((kiosk.root / kiosk_bundle.EDITIONS).glob(".incoming-*"))
    assert fetch(kiosk.base, "/km/tin-tuc/bai-299/").text == "<p>ទំព័រ 299</p>" * 200


# --- the bundle file and the keys -------------------------------------------------------------


def test_bundle_holds_manifest_signature_and_every_file(tmp_path: Path, keys) -> None:
    bundle = make(tmp_path, keys, "Edition 1", DEC1, MADE1)
    with tarfile.open(bundle) as archive:
        names = archive.getnames()
        manifest = json.loads(archive.extractfile("manifest.json").read())
    assert names[:2] == ["manifest.json", "manifest.sig"]
    assert sorted(names[2:]) == sorted(f"site/{name}" for name in edition_files("x"))
    assert manifest["build_date"] == "2026-12-01"
    assert manifest["version"] == "20261201.093000"
    assert manifest["kiosk"] == "mkdocs.kiosk.yml"
    page = (tmp_path / "site-Edition 1" / "start" / "index.html").read_bytes()
    assert manifest["files"]["start/index.html"] == {
        "size": len(page),
        "sha256": hashlib.sha256(page).hexdigest(),
    }


def test_real_kiosk_edition_bundled_installed_and_served(
    kiosk_site: Path, tmp_path: Path, keys
) -> None:
    bundle = tmp_path / "kiosk.bundle"
    key = kiosk_bundle.load_private_key(keys["private"], None)
    edition = kiosk_bundle.make_bundle(kiosk_site, bundle, key, KIOSK, DEC2, MADE2)
    root = tmp_path / "srv"
    result = install(root, keys, str(bundle))
    assert result.returncode == 0, result.stderr
    served = root / kiosk_bundle.SERVED
    assert len(edition.files) == sum(1 for p in served.rglob("*") if p.is_file())
    process, base = start_kiosk_server(served)
    try:
        answer = fetch(base, "/start/")
        assert answer.status == 200
        assert answer.body == (kiosk_site / "start" / "index.html").read_bytes()
        assert lxml.html.fromstring(answer.body).xpath("//html/@lang")
    finally:
        stop(process)


def test_kiosk_key_writes_a_protected_key_and_refuses_to_overwrite(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text("Pleiku-2026-ngoai-vu\n", encoding="utf-8")
    command = [*GIALAI, "kiosk-key", "--out", str(tmp_path / "keys"), "--passphrase-file"]
    made = subprocess.run([*command, str(secret)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    private = tmp_path / "keys" / "gialai-kiosk.key"
    public = tmp_path / "keys" / "gialai-kiosk.pub"
    assert private.stat().st_mode & 0o777 == 0o600
    assert b"ENCRYPTED PRIVATE KEY" in private.read_bytes()
    print_ = kiosk_bundle.fingerprint(kiosk_bundle.load_public_key(public))
    assert made.stdout == (
        f"Wrote the private key {private} (keep it secret, off the kiosks)\n"
        f"and the public key {public} (copy it to every kiosk as "
        "/etc/gialai/kiosk-bundle.pub).\n"
        f"Fingerprint: {print_}\n"
    )
    again = subprocess.run([*command, str(secret)], capture_output=True, text=True)
    assert again.returncode == 2
    assert again.stderr == (
        f"gialai kiosk-key: {private} already exists; a new key would make every kiosk refuse "
        "bundles signed with the new one until its public key is copied there. Move the old "
        "files away first if you really mean to replace the key.\n"
    )
    # Signing needs the passphrase; a wrong one is said so.
    wrong = tmp_path / "wrong"
    wrong.write_text("something else", encoding="utf-8")
    with pytest.raises(kiosk_bundle.BundleError) as error:
        kiosk_bundle.load_private_key(private, b"something else")
    assert str(error.value) == f"the passphrase for {private} is not right."
    key = kiosk_bundle.load_private_key(private, b"Pleiku-2026-ngoai-vu")
    assert kiosk_bundle.fingerprint(key.public_key()) == print_


def test_kiosk_bundle_command_packs_a_built_site(tmp_path: Path, keys) -> None:
    site = tmp_path / "site-kiosk"
    write_files(site, edition_files("Built"))
    output = tmp_path / "out.bundle"
    command = [*GIALAI, "--config", str(REPO / "mkdocs.yml"), "kiosk-bundle"]
    command += ["--key", str(keys["private"]), "--from-site", str(site), "-o", str(output)]
    missing_date = subprocess.run(command, capture_output=True, text=True)
    assert missing_date.returncode == 2
    assert missing_date.stderr == (
        "gialai kiosk-bundle: with --from-site, say which day that edition was built as of: "
        "--build-date 2026-12-02 (as given to `gialai build --kiosk`).\n"
    )
    result = subprocess.run(
        [*command, "--build-date", "2026-12-02"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    with tarfile.open(output) as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    version = manifest["version"]
    size = output.stat().st_size / 1e6
    print_ = kiosk_bundle.fingerprint(kiosk_bundle.load_public_key(keys["public"]))
    assert result.stdout == (
        f"Wrote {output}: the edition of 2026-12-02 (version {version}), 6 files, "
        f"{size:.1f} MB, signed with the key {print_}.\n"
    )
    # A folder that is not a kiosk edition (the web build has no start screen).
    (site / "start" / "index.html").unlink()
    not_kiosk = subprocess.run(
        [*command, "--build-date", "2026-12-02"], capture_output=True, text=True
    )
    assert not_kiosk.returncode == 2
    assert not_kiosk.stderr == (
        f"gialai kiosk-bundle: {site} is not a kiosk edition: it has no start/index.html. "
        "Build it with `gialai build --kiosk`.\n"
    )


# --- nginx with the shipped config --------------------------------------------------------------


def test_nginx_serves_the_swapped_edition_without_reload(
    tmp_path: Path, keys: dict[str, Path]
) -> None:
    if NGINX is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    root = tmp_path / "srv"
    assert install(root, keys, str(make(tmp_path, keys, "Edition 1", DEC1, MADE1))).returncode == 0
    conf = tmp_path / "nginx"
    conf.mkdir()
    port = free_port()
    # The shipped config as it is, root /srv/gialai/site-kiosk pointed at this kiosk's link.
    site_conf = adapt_nginx_config("kiosk", root / kiosk_bundle.SERVED, port)
    (conf / "site.conf").write_text(site_conf, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (conf / "nginx.conf").write_text(NGINX_WRAPPER.format(user=user, tmp=conf), encoding="utf-8")
    command = [NGINX, "-e", "stderr", "-p", str(conf), "-c", str(conf / "nginx.conf")]
    process = subprocess.Popen(
        [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, process)
        kiosk = Kiosk(root, base)
        assert kiosk.heading() == "Edition 1"
        assert (
            install(root, keys, str(make(tmp_path, keys, "Edition 2", DEC2, MADE2))).returncode == 0
        )
        assert kiosk.heading() == "Edition 2"
        assert fetch(base, "/km/nothing").text == "<!doctype html><p>រកមិនឃើញទំព័រ</p>"
        assert install(root, keys, "--rollback").returncode == 0
        assert kiosk.heading() == "Edition 1"
        # disable_symlinks still refuses a link inside the edition.
        (root / kiosk_bundle.SERVED / "alias.html").symlink_to("index.html")
        assert fetch(base, "/alias.html").status == 404
        assert fetch(base, "/index.html").status == 200
    finally:
        process.terminate()
        process.wait(10)
