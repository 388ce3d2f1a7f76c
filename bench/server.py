"""kiosk-server beside nginx: requests per second and p99 latency on the same built site.

    python -m bench.server SITE [--seconds 10] [--clients 200]

Both servers serve SITE on a free loopback port: ``gialai kiosk-server`` (the Python
fallback, as its systemd unit starts it) and nginx with the shipped ``kiosk/nginx.conf``,
pointed at SITE and the port, inside Debian's stock ``nginx.conf`` settings
(``worker_processes auto``, 768 connections per worker). nginx is left out when it is not
installed. Each server gets the same load, twice: every request on a new connection (as
``ab`` does without ``-k``) and every client keeping its connection (as a browser does).
The runs take turns, ``ROUNDS`` times, and the median run of each is reported.

The load comes from this machine too: ``--clients`` concurrent clients spread over one
asyncio process per core, each asking for a mix of the site's pages, styles, scripts,
photos, a 404 and a folder redirect, without ``Accept-Encoding`` (so that nginx sends the
same bytes as kiosk-server, which does not compress). An answer with another status or
length than the first fetch of that path is an error; one that takes longer than
``TIMEOUT`` seconds is a timeout. The clients take CPU from the servers, the same for both;
compare the two within one run. Each run records the CPU seconds the server, the clients
and the rest of the machine used (``others_cpu_s``: other jobs competing for the cores).

``bench.run`` calls ``compare`` as its ``server`` step, on the site it has just built.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
SECONDS = 5.0  # per run
ROUNDS = 3  # runs per server and mode, taking turns
CLIENTS = 200
TIMEOUT = 15.0  # seconds, as the load test in the issue that asked for this measured
MODES = ("new connection", "keep-alive")
PATHS_PER_KIND = 8

# Debian 12's /etc/nginx/nginx.conf, reduced to what serving a static site needs, with its
# paths moved into a scratch folder; the kiosk server block is included as on a kiosk.
NGINX_MAIN = """\
{user}worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 768; }}
http {{
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    default_type application/octet-stream;
    access_log off;
    gzip on;
    include {tmp}/site.conf;
}}
"""


_HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def busy_seconds() -> float | None:
    """CPU time spent by the whole machine so far (all processes, all cores)."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / _HZ


def tree_cpu_seconds(root: int) -> float | None:
    """User + system CPU time of a process and its children (nginx's workers), from /proc."""
    total, found = 0.0, False
    try:
        entries = os.listdir("/proc")
    except OSError:
        return None
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                text = handle.read()
        except OSError:
            continue
        fields = text[text.rfind(b")") + 2 :].split()
        if int(name) == root or int(fields[1]) == root:
            total += (int(fields[11]) + int(fields[12])) / _HZ
            found = True
    return total if found else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sample_paths(site: Path) -> list[str]:
    """The URL paths the clients ask for: a few of each kind of file, a 404 and a redirect."""
    kinds: dict[str, list[str]] = {"page": [], "css": [], "js": [], "image": []}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(site).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if path.name == "index.html":
            kind, url = "page", "/" + rel.removesuffix("index.html")
        elif path.suffix in (".css", ".js") and "pagefind" not in rel:
            kind, url = path.suffix[1:], "/" + rel
        elif path.suffix in (".webp", ".jpg", ".png") and rel.startswith("_img/"):
            kind, url = "image", "/" + rel
        else:
            continue
        kinds[kind].append(quote(url))  # Khmer tag folders: sent percent-encoded
    paths = []
    for urls in kinds.values():
        step = max(1, len(urls) // PATHS_PER_KIND)  # spread over the site, not one folder
        paths += urls[::step][:PATHS_PER_KIND]
    # A page that does not exist (the 404 page) and a folder without its slash (a 301).
    paths += ["/en/no-such-page/", "/en"]
    return paths


def expected_answers(base: str, paths: list[str]) -> dict[str, tuple[int, int]]:
    """Status and body length of every path, fetched once (no redirects followed)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    answers = {}
    for path in paths:
        try:
            with opener.open(base + path, timeout=10) as response:
                answers[path] = (response.status, len(response.read()))
        except urllib.error.HTTPError as error:
            with error:
                answers[path] = (error.code, len(error.read()))
    return answers


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 15) -> None:
    """Return once ``base`` answers; raise if the process exits or it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{base} did not answer within {timeout} s")


def start_kiosk_server(site: Path, port: int) -> subprocess.Popen:
    """``gialai kiosk-server`` on 127.0.0.1:``port``, as the systemd unit runs it."""
    command = [sys.executable, "-m", "gialai.kiosk_server", "--site", str(site)]
    return subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def nginx_config(site: Path, port: int) -> str:
    """kiosk/nginx.conf with its root and listen address moved to ``site`` and ``port``."""
    text = (REPO / "kiosk" / "nginx.conf").read_text(encoding="utf-8")
    for old, new in {
        "root /srv/gialai/site-kiosk;": f"root {site};",
        "listen 127.0.0.1:8080;": f"listen 127.0.0.1:{port};",
    }.items():
        if old not in text:
            raise RuntimeError(f"{old!r} is no longer in kiosk/nginx.conf")
        text = text.replace(old, new, 1)
    return text


def start_nginx(site: Path, port: int, tmp: Path) -> subprocess.Popen:
    """nginx in the foreground with the kiosk config, its files in ``tmp``."""
    assert NGINX is not None
    (tmp / "site.conf").write_text(nginx_config(site, port), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = NGINX_MAIN.format(user=user, tmp=tmp)
    (tmp / "nginx.conf").write_text(main, encoding="utf-8")
    command = [NGINX, "-e", str(tmp / "error.log"), "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
    return subprocess.Popen(
        [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def stop(process: subprocess.Popen) -> None:
    """Stop a server this module started."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


# --- the load ---------------------------------------------------------------------------


async def _client(
    port: int,
    paths: list[str],
    expected: dict[str, tuple[int, int]],
    first: int,
    keep_alive: bool,
    stop_at: float,
    tally: dict[str, Any],
) -> None:
    loop = asyncio.get_running_loop()
    reader = writer = None
    number = first
    while loop.time() < stop_at:
        path = paths[number % len(paths)]
        number += 1
        status, length = expected[path]
        started = time.perf_counter()
        reuse = False
        try:
            async with asyncio.timeout(TIMEOUT):
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                close = "" if keep_alive else "Connection: close\r\n"
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{close}\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                fields = dict(line.lower().split(": ", 1) for line in lines[1:] if line)
                body = await reader.readexactly(int(fields["content-length"]))
            if lines[0].split(" ")[1] != str(status) or len(body) != length:
                tally["errors"] += 1
            else:
                tally["latencies"].append(time.perf_counter() - started)
                reuse = keep_alive and fields.get("connection") != "close"
        except TimeoutError:
            tally["timeouts"] += 1
        except (OSError, asyncio.IncompleteReadError, KeyError, ValueError, IndexError):
            tally["errors"] += 1
        if writer is not None and not reuse:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def _load_process(
    port: int,
    paths: list[str],
    expected: dict[str, tuple[int, int]],
    clients: range,
    keep_alive: bool,
    seconds: float,
    start_at: float,
) -> dict[str, Any]:
    """One process's share of the clients; returns its latencies and counts."""

    async def run() -> dict[str, Any]:
        tally: dict[str, Any] = {"latencies": [], "errors": 0, "timeouts": 0, "cpu_s": 0.0}
        loop = asyncio.get_running_loop()
        # Every process starts at the same wall-clock moment, after all have been forked.
        await asyncio.sleep(max(0.0, start_at - time.time()))
        stop_at = loop.time() + seconds
        tasks = [_client(port, paths, expected, n, keep_alive, stop_at, tally) for n in clients]
        began = time.process_time()
        async with asyncio.timeout(seconds + TIMEOUT + 5):  # bounded, whatever the server does
            await asyncio.gather(*tasks)
        tally["cpu_s"] = time.process_time() - began
        return tally

    return asyncio.run(run())


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def load(
    port: int,
    paths: list[str],
    expected: dict[str, tuple[int, int]],
    keep_alive: bool,
    seconds: float = SECONDS,
    clients: int = CLIENTS,
    server_pid: int | None = None,
) -> dict[str, Any]:
    """``clients`` concurrent clients for ``seconds``: requests per second and latencies."""
    processes = max(1, min(os.cpu_count() or 1, 4, clients))
    shares = [range(n, clients, processes) for n in range(processes)]
    start_at = time.time() + 0.2  # time to fork the client processes
    context = multiprocessing.get_context("fork")
    busy = busy_seconds()
    server_before = tree_cpu_seconds(server_pid) if server_pid else None
    with context.Pool(processes) as pool:
        arguments = [(port, paths, expected, s, keep_alive, seconds, start_at) for s in shares]
        parts = pool.starmap(_load_process, arguments)
    busy_after = busy_seconds()
    server_after = tree_cpu_seconds(server_pid) if server_pid else None
    latencies = [value for part in parts for value in part["latencies"]]
    clients_cpu = sum(part["cpu_s"] for part in parts)
    server_cpu = others = None
    if server_before is not None and server_after is not None:
        server_cpu = server_after - server_before
        if busy is not None and busy_after is not None:
            # The rest of the machine meanwhile: other jobs take cores from both sides.
            others = max(0.0, busy_after - busy - server_cpu - clients_cpu)

    def ms(value: float | None) -> float | None:
        return None if value is None else round(1000 * value, 1)

    return {
        "clients": clients,
        "seconds": seconds,
        "requests": len(latencies),
        "errors": sum(part["errors"] for part in parts),
        "timeouts": sum(part["timeouts"] for part in parts),
        "rps": round(len(latencies) / seconds),
        "p50_ms": ms(_percentile(latencies, 0.50)),
        "p99_ms": ms(_percentile(latencies, 0.99)),
        "max_ms": ms(max(latencies, default=None)),
        "server_cpu_s": None if server_cpu is None else round(server_cpu, 1),
        "clients_cpu_s": round(clients_cpu, 1),
        "others_cpu_s": None if others is None else round(others, 1),
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else round(a / b, 2)


def compare(
    site: Path, seconds: float = SECONDS, clients: int = CLIENTS, rounds: int = ROUNDS
) -> dict[str, Any]:
    """Both servers on ``site``, both modes; the numbers and the nginx/kiosk-server ratios.

    The runs take turns (round 1: kiosk-server, nginx; round 2: …), so that other work on
    the machine falls on both; each server and mode reports its median round by requests
    per second, and ``rounds`` keeps them all.
    """
    site = Path(site).resolve()
    paths = sample_paths(site)
    result: dict[str, Any] = {
        "paths": len(paths),
        "clients": clients,
        "seconds": seconds,
        "rounds": rounds,
        "servers": {},
        "ratios": {},
    }
    names = ["kiosk-server"] + (["nginx"] if NGINX else [])
    if not NGINX:
        result["skipped"] = "nginx is not installed (Debian: apt-get install nginx)"
    processes: dict[str, tuple[subprocess.Popen, int]] = {}
    answers: dict[str, dict[str, tuple[int, int]]] = {}
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {n: {m: [] for m in MODES} for n in names}
    with tempfile.TemporaryDirectory(prefix="gialai-bench-server-") as temporary:
        try:
            for name in names:
                port = free_port()
                if name == "nginx":
                    processes[name] = (start_nginx(site, port, Path(temporary)), port)
                else:
                    processes[name] = (start_kiosk_server(site, port), port)
                base = f"http://127.0.0.1:{port}"
                wait_until_up(base, processes[name][0])
                # Each server's own lengths: nginx's 301 has a small HTML body, ours none.
                answers[name] = expected_answers(base, paths)
            statuses = {n: {p: a[0] for p, a in answers[n].items()} for n in names}
            if any(statuses[n] != statuses[names[0]] for n in names):
                different = [p for p in paths if statuses[names[-1]][p] != statuses[names[0]][p]]
                raise RuntimeError(f"the servers answer differently: {different[:5]}")
            for _ in range(rounds):
                for mode in MODES:
                    for name, (process, port) in processes.items():
                        keep_alive = mode == "keep-alive"
                        run = load(
                            port, paths, answers[name], keep_alive, seconds, clients, process.pid
                        )
                        runs[name][mode].append(run)
        finally:
            for process, _ in processes.values():
                stop(process)
    for name in names:
        for mode in MODES:
            done = runs[name][mode]
            median = sorted(done, key=lambda r: r["rps"])[len(done) // 2]
            result["servers"].setdefault(name, {})[mode] = median | {
                "errors": sum(r["errors"] for r in done),  # in every round, not the median's
                "timeouts": sum(r["timeouts"] for r in done),
                "rounds_rps": [r["rps"] for r in done],
            }
    result["runs"] = runs
    if "nginx" in result["servers"]:
        for mode in MODES:
            ours, theirs = result["servers"]["kiosk-server"][mode], result["servers"]["nginx"][mode]
            result["ratios"][mode] = {
                "rps_nginx_vs_kiosk_server": _ratio(theirs["rps"], ours["rps"]),
                "p99_kiosk_server_vs_nginx": _ratio(ours["p99_ms"], theirs["p99_ms"]),
            }
    return result


def table(result: dict[str, Any]) -> str:
    """A Markdown table of one comparison."""
    rows = [
        f"{result['clients']} concurrent clients, {result['paths']} paths; the median of "
        f"{result['rounds']} runs of {result['seconds']:g} s each (errors and timeouts: all "
        "runs)\n",
        "| server | connections | requests/s | p50 ms | p99 ms | max ms | errors | timeouts "
        "| CPU s: server / clients / others | requests/s, every run |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, modes in result["servers"].items():
        for mode, run in modes.items():
            every = " / ".join(f"{rps:,}" for rps in run["rounds_rps"])
            rows.append(
                f"| {name} | {mode} | {run['rps']:,} | {run['p50_ms']} | {run['p99_ms']} "
                f"| {run['max_ms']} | {run['errors']} | {run['timeouts']} "
                f"| {run['server_cpu_s']} / {run['clients_cpu_s']} / {run['others_cpu_s']} "
                f"| {every} |"
            )
    for mode, ratio in result["ratios"].items():
        rows.append(
            f"\n{mode}: nginx serves {ratio['rps_nginx_vs_kiosk_server']} × the requests per "
            f"second; kiosk-server's p99 is {ratio['p99_kiosk_server_vs_nginx']} × nginx's."
        )
    if result.get("skipped"):
        rows.append(f"\nnginx left out: {result['skipped']}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Compare the two servers on a built site and print the table (and the JSON)."""
    parser = argparse.ArgumentParser(prog="python -m bench.server", description=__doc__)
    parser.add_argument("site", type=Path, help="a built site folder (site/ or site-kiosk/)")
    parser.add_argument("--seconds", type=float, default=SECONDS, help="per run (5)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="runs per server and mode")
    parser.add_argument("--clients", type=int, default=CLIENTS, help="concurrent clients")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} has no index.html: build the site first")
    result = compare(args.site, args.seconds, args.clients, args.rounds)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
