"""Run the kiosk browser in a loopback-only network namespace and log what it tries to reach.

Started by tests/test_kiosk_quiet.py as ``unshare --mount --net -- python quiet_probe.py
CONFIG.json`` (root, or a user namespace that may mount). Inside the new namespaces, which
vanish with this process and change nothing on the host, it

- brings up the loopback interface (the only one there is: no route to any other host);
- bind-mounts a private ``/etc/chromium`` holding the policy under test in
  ``policies/managed/`` (Chromium reads its managed policies from there) and a private
  ``/etc/resolv.conf`` naming ``nameserver 127.0.0.1``;
- answers DNS on 127.0.0.1:53 (UDP and TCP) with "no such name", writing down every name
  asked;
- serves the kiosk site with ``gialai kiosk-server`` on 127.0.0.1:8080, the address the policy
  allows, writing down every request;
- runs the shipped ``kiosk/launch-chromium.sh`` with Debian's Chromium, plus
  ``--log-net-log``, for the given number of seconds, then stops it: headless, or in a
  window on an Xvfb screen of 1080×1920 when the configuration names Xvfb.

It writes a JSON report: the DNS names asked, the site's requests and the path of the net log.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path


def _names_in_query(data: bytes) -> str | None:
    """The first question name of a DNS message, or None if it is not one."""
    if len(data) < 12:
        return None
    labels = []
    at = 12
    while at < len(data):
        length = data[at]
        if length == 0:
            return ".".join(labels)
        if length & 0xC0:
            return None
        labels.append(data[at + 1 : at + 1 + length].decode("ascii", "replace"))
        at += 1 + length
    return None


def _nxdomain(query: bytes) -> bytes:
    """The answer "no such name" to a query (the question echoed, no records)."""
    ident, flags = struct.unpack("!HH", query[:4])
    flags = 0x8000 | (flags & 0x0100) | 0x0080 | 3  # response, RD copied, RA, NXDOMAIN
    end = 12
    while end < len(query) and query[end] != 0:
        end += 1 + query[end]
    question = query[12 : end + 5]
    return struct.pack("!HHHHHH", ident, flags, 1, 0, 0, 0) + question


class DnsLogger:
    """A DNS responder on 127.0.0.1:53 that records every name asked."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.lock = threading.Lock()
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 53))
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.tcp.bind(("127.0.0.1", 53))
        self.tcp.listen(16)
        for target in (self._serve_udp, self._serve_tcp):
            threading.Thread(target=target, daemon=True).start()

    def _note(self, data: bytes) -> None:
        name = _names_in_query(data)
        with self.lock:
            self.names.append(name if name is not None else f"(unreadable {len(data)} bytes)")

    def _serve_udp(self) -> None:
        while True:
            data, peer = self.udp.recvfrom(4096)
            self._note(data)
            if len(data) >= 12:
                self.udp.sendto(_nxdomain(data), peer)

    def _serve_tcp(self) -> None:
        while True:
            conn, _ = self.tcp.accept()
            with conn:
                conn.settimeout(2)
                try:
                    size = struct.unpack("!H", conn.recv(2))[0]
                    data = conn.recv(size)
                except (OSError, struct.error):
                    continue
                self._note(data)
                if len(data) >= 12:
                    answer = _nxdomain(data)
                    conn.sendall(struct.pack("!H", len(answer)) + answer)


def _bind(source: Path, target: str) -> None:
    subprocess.run(["mount", "--bind", str(source), target], check=True)


def main(config_path: str) -> int:
    config = json.loads(Path(config_path).read_text(encoding="utf-8"))
    work = Path(config["work"])
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)

    etc_chromium = work / "etc-chromium"
    managed = etc_chromium / "policies" / "managed"
    managed.mkdir(parents=True)
    if config.get("policy") is not None:
        (managed / "gialai-kiosk.json").write_text(config["policy"], encoding="utf-8")
    if Path("/etc/chromium/master_preferences").exists():
        (etc_chromium / "master_preferences").write_bytes(
            Path("/etc/chromium/master_preferences").read_bytes()
        )
    Path("/etc/chromium").mkdir(exist_ok=True)
    _bind(etc_chromium, "/etc/chromium")
    resolv = work / "resolv.conf"
    resolv.write_text("nameserver 127.0.0.1\noptions attempts:1 timeout:1\n", encoding="ascii")
    _bind(resolv, "/etc/resolv.conf")

    display = None
    if config.get("xvfb"):
        # A screen of its own, as tall as the kiosk's. It listens only on Linux's abstract
        # socket, which belongs to this network namespace: no file in /tmp/.X11-unix, and
        # no meeting with another X server of this machine. -displayfd says when it is up.
        ready_read, ready_write = os.pipe()
        xvfb_log = (work / "xvfb.log").open("w")
        display = subprocess.Popen(
            [config["xvfb"], ":7", "-screen", "0", "1080x1920x24", "-nolisten", "tcp"]
            + ["-nolisten", "unix", "-displayfd", str(ready_write)],
            stdout=xvfb_log,
            stderr=xvfb_log,
            pass_fds=(ready_write,),
        )
        os.close(ready_write)
        with os.fdopen(ready_read) as ready:
            if not ready.readline().strip():
                raise SystemExit(f"Xvfb did not start: {(work / 'xvfb.log').read_text()}")

    dns = DnsLogger()
    server_log = (work / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gialai.kiosk_server",
            "--site",
            config["site"],
            "--port",
            "8080",
            "--verbose",
        ],
        stdout=server_log,
        stderr=server_log,
    )
    net_log = work / "netlog.json"
    runtime = work / "run"
    runtime.mkdir()
    flags = [
        *([] if display else ["--headless=new"]),
        "--no-sandbox",  # root in a test namespace: Chromium's sandbox needs a normal user
        f"--log-net-log={net_log}",
        "--net-log-capture-mode=Default",
        *config.get("extra_flags", []),
    ]
    env = {
        **os.environ,
        "KIOSK_URL": "http://127.0.0.1:8080/start/",
        "CHROMIUM": config["chromium"],
        "KIOSK_EXTRA_FLAGS": " ".join(flags),
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(work / "home"),
    }
    if display:
        env["DISPLAY"] = ":7"
        env.pop("WAYLAND_DISPLAY", None)
    browser_log = (work / "browser.log").open("w")
    browser = subprocess.Popen(
        ["sh", config["launcher"]],
        env=env,
        stdout=browser_log,
        stderr=browser_log,
        start_new_session=True,
    )
    time.sleep(config["seconds"])
    # SIGTERM lets Chromium finish its net log; then the whole group, as the wrapper forks.
    os.killpg(browser.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        browser.wait(20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(browser.pid, signal.SIGKILL)
    browser.wait(5)
    server.terminate()
    server.wait(10)
    if display:
        display.terminate()
        display.wait(10)
    server_log.close()
    browser_log.close()
    with dns.lock:
        names = list(dns.names)
    report = {
        "dns": names,
        "server_log": (work / "server.log").read_text(encoding="utf-8", errors="replace"),
        "net_log": str(net_log),
    }
    (work / "report.json").write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
