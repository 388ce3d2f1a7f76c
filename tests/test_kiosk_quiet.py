"""The kiosk browser makes no request of its own: checked in a loopback-only network namespace.

Debian's Chromium runs as the kiosk runs it — the shipped kiosk/launch-chromium.sh with its
flags, the shipped policy in /etc/chromium/policies/managed/ — on the kiosk edition served at
http://127.0.0.1:8080 (tests/quiet_probe.py sets the namespaces up), once headless and once
in a window on a 1080×1920 Xvfb screen, as at the gate. For 25 s every
name it asks DNS for is written down, and its own net log (--log-net-log) is read for every
host it tried: a URL it requested, a host it resolved, a TCP connection it opened, a UDP
datagram it sent. Anything but the kiosk's own origin fails the test, with the list.

One thing is not counted: to learn whether IPv6 is usable, Chromium's resolver connects a
UDP socket to 2001:4860:4860::8888 and sends nothing (connect() on a UDP socket only looks
up a route; here it fails with "address unreachable"). No datagram leaves the machine.

The first test runs the same browser without the policy and expects
Google's endpoints in both logs: the probe sees what it is meant to see. Both are skipped,
with the reason, only where this machine cannot make namespaces (not root).
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import CHROMIUM, REPO

POLICY = REPO / "kiosk" / "policies" / "gialai-kiosk.json"
LAUNCHER = REPO / "kiosk" / "launch-chromium.sh"
PROBE = Path(__file__).with_name("quiet_probe.py")
SECONDS = 25
KIOSK_ORIGIN = ("127.0.0.1", 8080)

# Net log parameters that name where a request, a lookup or a socket goes.
_WHERE = {
    "url",
    "original_url",
    "destination",
    "logical_destination",
    "host",
    "hostname",
    "qname",
    "address",
    "remote_address",
    "group_id",
}
_LOCAL_SCHEMES = {"data", "blob", "chrome", "about", "chrome-extension", "devtools", "file"}


def _namespaces_reason() -> str | None:
    """Why this machine cannot run the probe, or None if it can."""
    if not Path(CHROMIUM).exists():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare (util-linux) or ip (iproute2) is missing"
    if os.geteuid() != 0:
        return "making a network and mount namespace needs root (CI runs as root)"
    trial = subprocess.run(["unshare", "--mount", "--net", "true"], capture_output=True, text=True)
    if trial.returncode != 0:
        return f"this machine cannot make namespaces: {trial.stderr.strip()}"
    return None


def _load_net_log(path: Path) -> dict:
    """Chromium's net log; one cut short (the browser stopped mid-write) is closed here."""
    text = path.read_text(encoding="utf-8").rstrip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(text.rstrip(",") + "]}")


def _host_and_port(value: str) -> tuple[str, int | None] | None:
    """The host (and port) a net log value names, or None if it names no host."""
    first = value.strip().split(" ")[0].removeprefix("pm/")
    if not first or first in ("null", "not"):
        return None
    if "://" in first:
        parts = urlsplit(first)
        if parts.scheme in _LOCAL_SCHEMES or not parts.hostname:
            return None
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
        return parts.hostname, port
    if first.startswith("["):
        host, _, port = first[1:].partition("]:")
        return host.rstrip("]"), int(port) if port.isdigit() else None
    host, _, port = first.partition(":")
    return host, int(port) if port.isdigit() else None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _allowed(host: str, port: int | None) -> bool:
    """The kiosk's own origin (a bare 127.0.0.1 is how the log names its host)."""
    return host == KIOSK_ORIGIN[0] and port in (KIOSK_ORIGIN[1], None)


def attempts_in_net_log(path: Path) -> list[str]:
    """Every place other than the kiosk's origin that the net log shows the browser trying."""
    log = _load_net_log(path)
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    sources = {number: name for name, number in log["constants"]["logSourceType"].items()}
    udp_peers: dict[int, str] = {}
    sent_udp: set[int] = set()
    found: set[str] = set()
    for event in log["events"]:
        kind = names.get(event["type"], str(event["type"]))
        params = event.get("params") or {}
        if sources.get(event["source"]["type"]) in ("UDP_SOCKET", "UDP_CLIENT_SOCKET"):
            # A UDP socket is judged by what it sends, not by the route it looked up.
            if kind in ("UDP_CONNECT", "SOCKET_CONNECT") and "address" in params:
                udp_peers[event["source"]["id"]] = params["address"]
            elif kind == "UDP_BYTES_SENT":
                sent_udp.add(event["source"]["id"])
                if "address" in params:
                    udp_peers.setdefault(event["source"]["id"], params["address"])
            continue
        for key, value in params.items():
            if key not in _WHERE or not isinstance(value, str):
                continue
            where = _host_and_port(value)
            if where is not None and not _allowed(*where):
                found.add(f"{kind} {key}={value[:120]}")
    for source in sent_udp:
        where = _host_and_port(udp_peers.get(source, ""))
        if where is not None and not _is_loopback(where[0]):
            found.add(f"UDP datagram to {udp_peers[source]}")
    return sorted(found)


def run_probe(
    tmp_path: Path, site: Path, policy: str | None, flags: list[str], xvfb: str | None = None
) -> dict:
    """Run the kiosk browser in the namespaces; the report of tests/quiet_probe.py."""
    work = tmp_path / "probe"
    work.mkdir()
    config = {
        "work": str(work),
        "policy": policy,
        "site": str(site),
        "chromium": CHROMIUM,
        "launcher": str(LAUNCHER),
        "seconds": SECONDS,
        "extra_flags": flags,
        "xvfb": xvfb,
    }
    (work / "config.json").write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [
            "unshare",
            "--mount",
            "--net",
            "--",
            sys.executable,
            str(PROBE),
            str(work / "config.json"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=SECONDS + 90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((work / "report.json").read_text(encoding="utf-8"))
    report["attempts"] = attempts_in_net_log(Path(report["net_log"]))
    report["browser_log"] = (work / "browser.log").read_text(encoding="utf-8", errors="replace")
    return report


@pytest.fixture(scope="module")
def namespaces() -> None:
    reason = _namespaces_reason()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def probes(namespaces, kiosk_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Each probe's report, or the exception it ended with. The three runs of the browser
    are watched at the same time, each in namespaces of its own: they spend their 25 s
    waiting, and one after another they would take 75 s."""
    from concurrent.futures import ThreadPoolExecutor

    policy = POLICY.read_text(encoding="utf-8")
    xvfb = shutil.which("Xvfb")
    runs = {
        "no policy": (None, None),  # the shipped launcher and its flags, without the policy
        "headless": (policy, None),
        "xvfb": (policy, xvfb),  # the kiosk as it runs at the gate: a window in --kiosk mode
    }
    if xvfb is None:
        del runs["xvfb"]

    def probe(name: str) -> dict | BaseException:
        policy, screen = runs[name]
        folder = tmp_path_factory.mktemp(name.replace(" ", "-"))
        try:
            return run_probe(folder, kiosk_site, policy=policy, flags=[], xvfb=screen)
        except BaseException as error:  # handed to the test that reads this report
            return error

    with ThreadPoolExecutor(len(runs)) as pool:
        reports = dict(zip(runs, pool.map(probe, runs), strict=True))
    return reports


def _report(probes: dict, name: str) -> dict:
    if name not in probes:
        pytest.skip("Xvfb is not installed (apt-get install xvfb; CI installs it)")
    report = probes[name]
    if isinstance(report, BaseException):
        raise report
    return report


def _served(report: dict) -> list[str]:
    return [line for line in report["server_log"].splitlines() if '"GET /start/ ' in line]


def test_probe_sees_what_chromium_asks_for_without_the_policy(probes) -> None:
    report = _report(probes, "no policy")
    assert _served(report), report["server_log"] + report["browser_log"][-2000:]
    assert any(
        name.endswith(".google.com") or name.endswith(".googleapis.com") for name in report["dns"]
    ), report["dns"]
    assert any("google" in attempt for attempt in report["attempts"]), report["attempts"]


@pytest.mark.parametrize("screen", ["headless", "xvfb"])
def test_kiosk_browser_tries_no_other_host(probes, screen: str) -> None:
    report = _report(probes, screen)
    # The browser did open the kiosk (the policy allows its origin, the page was asked for).
    assert _served(report), report["server_log"] + report["browser_log"][-2000:]
    assert report["dns"] == [], "DNS names asked:\n" + "\n".join(report["dns"])
    assert report["attempts"] == [], "tried:\n" + "\n".join(report["attempts"])


def test_policy_names_are_known_to_debians_chromium() -> None:
    """A misspelt policy is ignored without a word: every name must be in the browser."""
    binary = Path("/usr/lib/chromium/chromium")
    if not binary.exists():
        pytest.skip("Debian's chromium package is not installed (apt-get install chromium)")
    data = binary.read_bytes()
    policy = json.loads(POLICY.read_text(encoding="utf-8"))
    unknown = [name for name in policy if b"\x00" + name.encode() + b"\x00" not in data]
    assert unknown == []


def test_launcher_gives_chromium_the_empty_model_list_by_its_full_path(tmp_path: Path) -> None:
    """Started by a relative path from another folder, the launcher still names the file."""
    from gialai import kiosk_server

    from .test_kiosk_server import FAKE_CHROMIUM

    site = tmp_path / "site"
    (site / "start").mkdir(parents=True)
    (site / "start" / "index.html").write_text("<!doctype html><p>start</p>", encoding="utf-8")
    server = kiosk_server.serve(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake = tmp_path / "chromium"
    fake.write_text(FAKE_CHROMIUM, encoding="utf-8")
    fake.chmod(0o755)
    (tmp_path / "run").mkdir()
    env = {
        **os.environ,
        "KIOSK_URL": f"http://127.0.0.1:{server.server_address[1]}/start/",
        "CHROMIUM": str(fake),
        "FAKE_ARGS": str(tmp_path / "args.txt"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
    }
    try:
        result = subprocess.run(
            ["sh", os.path.relpath(LAUNCHER, tmp_path)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    args = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    models = REPO / "kiosk" / "chromium-no-models.json"
    assert f"--optimization-guide-manifest-override={models}" in args
    assert json.loads(models.read_text(encoding="utf-8")) == {}
    assert "--component-updater=url-source=http://127.0.0.1:9/" in args
