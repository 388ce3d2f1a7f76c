"""The kiosk's web servers: the Python fallback (gialai.kiosk_server) and the nginx configs.

Both are started for real on a free loopback port over a small site made here, and asked
what Chromium would ask: types, security and cache headers, 404 pages per language,
folder redirects, and paths that try to leave the site folder; then, over raw sockets,
keep-alive, malformed requests and symlinks, which the Python server must treat as nginx
does with the shipped config. The nginx tests run when nginx is installed (Debian:
apt-get install nginx) and are skipped otherwise. A load test sends 200 concurrent clients
at the Python server for 10 s.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

from gialai import kiosk_server

from .conftest import REPO, free_port, in_own_thread, write_files

SECRET = "TOP SECRET: this file is outside the site"
CSP_BASE = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
CSP = {"kiosk": CSP_BASE + "; frame-ancestors 'self'", "web": CSP_BASE + "; frame-ancestors 'none'"}
REFERRER = {"kiosk": "no-referrer", "web": "strict-origin-when-cross-origin"}
PAGE_CACHE = {"kiosk": "no-cache", "web": "public, max-age=300"}
IMMUTABLE = "public, max-age=31536000, immutable"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

PF_META = gzip.compress(b"pagefind_dcd" + os.urandom(4096))  # big enough to be gzipped
WASM = b"\x00asm\x01\x00\x00\x00"
WOFF2 = b"wOF2" + bytes(60)
CSS = "body { color: #123; }\n" + "".join(f".c{i} {{ margin: {i}px; }}\n" for i in range(80))
BIG = os.urandom(4 * 1024 * 1024)

SITE_FILES: dict[str, str | bytes] = {
    "index.html": "<!doctype html><title>Trang chủ</title><h1>Trang chủ Gia Lai</h1>",
    "404.html": "<!doctype html><title>404</title><p>Không tìm thấy trang</p>",
    "start/index.html": "<!doctype html><p>Chọn ngôn ngữ</p>",
    "du-lich/thac-50/index.html": "<!doctype html><p>Thác 50</p>",
    "en/index.html": "<!doctype html><p>Gia Lai home</p>",
    "en/404.html": "<!doctype html><p>Page not found</p>",
    "km/index.html": "<!doctype html><p>ទំព័រដើម</p>",
    "km/404.html": "<!doctype html><p>រកមិនឃើញទំព័រ</p>",
    "lo/404.html": "<!doctype html><p>ບໍ່ພົບໜ້ານີ້</p>",
    "zh/404.html": "<!doctype html><p>找不到该页面</p>",
    "assets/stylesheets/main.484c7ddc.min.css": CSS,
    "assets/stylesheets/gialai.css": CSS,
    "assets/javascripts/bundle.f13b1293.min.js": "console.log('bundle');\n",
    "assets/fonts/noto-sans-latin-400-normal.woff2": WOFF2,
    "assets/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "images/thac-50-480.webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    "images/thac-50.jpg": b"\xff\xd8\xff\xe0jpeg",
    "_img/thac-50-155a00b0bb-480.webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    "en/feed.xml": '<?xml version="1.0"?><rss version="2.0"></rss>',
    "sitemap.xml": '<?xml version="1.0"?><urlset></urlset>',
    "pagefind/pagefind.js": "export const pagefind = 1;\n",
    "pagefind/pagefind-entry.json": '{"version": "1.5.2"}',
    "pagefind/pagefind.en_58c511e76d.pf_meta": PF_META,
    "pagefind/index/en_e1fe236.pf_index": PF_META,
    "pagefind/fragment/en_93b4381.pf_fragment": PF_META,
    "pagefind/filter/en_0a1b2c3.pf_filter": PF_META,
    "pagefind/wasm.en.pagefind": PF_META,
    "pagefind/pagefind.wasm": WASM,
    "downloads/big.bin": BIG,
    ".hidden": SECRET,
    "en/.git/config": SECRET,
}

TYPES = {
    "/": "text/html; charset=utf-8",
    "/assets/stylesheets/gialai.css": "text/css; charset=utf-8",
    "/assets/javascripts/bundle.f13b1293.min.js": "text/javascript; charset=utf-8",
    "/assets/fonts/noto-sans-latin-400-normal.woff2": "font/woff2",
    "/assets/images/logo.svg": "image/svg+xml",
    "/images/thac-50-480.webp": "image/webp",
    "/images/thac-50.jpg": "image/jpeg",
    "/en/feed.xml": "application/xml; charset=utf-8",
    "/sitemap.xml": "application/xml; charset=utf-8",
    "/pagefind/pagefind.js": "text/javascript; charset=utf-8",
    "/pagefind/pagefind-entry.json": "application/json",
    "/pagefind/pagefind.wasm": "application/wasm",
    "/pagefind/pagefind.en_58c511e76d.pf_meta": "application/octet-stream",
    "/pagefind/index/en_e1fe236.pf_index": "application/octet-stream",
    "/pagefind/fragment/en_93b4381.pf_fragment": "application/octet-stream",
    "/pagefind/filter/en_0a1b2c3.pf_filter": "application/octet-stream",
    "/pagefind/wasm.en.pagefind": "application/octet-stream",
}

CACHE = {
    "/assets/stylesheets/main.484c7ddc.min.css": IMMUTABLE,
    "/assets/javascripts/bundle.f13b1293.min.js": IMMUTABLE,
    "/pagefind/pagefind.en_58c511e76d.pf_meta": IMMUTABLE,
    "/pagefind/fragment/en_93b4381.pf_fragment": IMMUTABLE,
    "/assets/fonts/noto-sans-latin-400-normal.woff2": "public, max-age=31536000",
    "/images/thac-50-480.webp": "public, max-age=86400",
    "/_img/thac-50-155a00b0bb-480.webp": IMMUTABLE,
}

NOT_FOUND = {
    "/khong-co": "Không tìm thấy trang",
    "/du-lich/khong-co/": "Không tìm thấy trang",
    "/en/missing": "Page not found",
    "/en/news/missing/": "Page not found",
    "/km/missing": "រកមិនឃើញទំព័រ",
    "/lo/missing": "ບໍ່ພົບໜ້ານີ້",
    "/zh/missing/": "找不到该页面",
    "/pagefind/": "Không tìm thấy trang",  # a folder without index.html: no listing
    "/en/index.html/": "Page not found",  # a file is not a folder
}

# Symlinks that stay inside the site folder (link: target). The shipped nginx configs say
# "disable_symlinks on from=$document_root": nginx refuses every one of them, with the
# language's 404 page, and so must the Python server.
SYMLINKS = {
    "alias.html": "index.html",
    "aliasdir": "du-lich",
    "en/alias.html": "index.html",
    "km/alias": "../start",
}
REFUSED_LINKS = {
    "/alias.html": "Không tìm thấy trang",
    "/aliasdir": "Không tìm thấy trang",
    "/aliasdir/": "Không tìm thấy trang",
    "/aliasdir/thac-50/": "Không tìm thấy trang",
    "/en/alias.html": "Page not found",
    "/km/alias/": "រកមិនឃើញទំព័រ",
    "/km/alias/index.html": "រកមិនឃើញទំព័រ",
}

# Requests that try to read outside the site folder or hidden files. Every one must be
# refused, and the secret must never appear in the answer.
ESCAPES = [
    "/../outside-secret.txt",
    "/en/../../outside-secret.txt",
    "/%2e%2e/outside-secret.txt",
    "/%2E%2E/outside-secret.txt",
    "/%2e%2e%2foutside-secret.txt",
    "/..%2foutside-secret.txt",
    "/en/..%2f..%2foutside-secret.txt",
    "/%252e%252e/outside-secret.txt",
    "/..%5coutside-secret.txt",
    "/leak.txt",
    "/leakdir/secret.txt",
    "/.hidden",
    "/en/.git/config",
    "/%2ehidden",
    "/index.html%00.txt",
]


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(base: str, path: str, method: str = "GET", headers: dict[str, str] | None = None):
    """One request, exactly as written (no redirects followed, no path clean-up)."""
    request = urllib.request.Request(base + path, method=method, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Answer(error.code, error.headers, error.read())


def wait_until_up(base: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}")
        try:
            fetch(base, "/")
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{base} did not answer within 15 s")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small built site, plus a secret file and folder next to it linked from inside."""
    top = tmp_path_factory.mktemp("kiosk")
    root = top / "site"
    write_files(root, SITE_FILES)
    (top / "outside-secret.txt").write_text(SECRET, encoding="utf-8")
    (top / "outside").mkdir()
    (top / "outside" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (root / "leak.txt").symlink_to(top / "outside-secret.txt")
    (root / "leakdir").symlink_to(top / "outside", target_is_directory=True)
    for link, target in SYMLINKS.items():
        (root / link).symlink_to(target)
    return root


@pytest.fixture(scope="module", params=["kiosk", "web"])
def python_server(request: pytest.FixtureRequest, site: Path) -> Iterator[tuple[str, str]]:
    """The Python fallback serving the site on a free loopback port: (base URL, edition)."""
    edition = request.param
    server = kiosk_server.serve(site, "127.0.0.1", 0, edition=edition)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}", edition
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


NGINX_WRAPPER = """\
{user}worker_processes 1;
pid {tmp}/nginx.pid;
error_log stderr;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    access_log off;
    sendfile on;
    default_type application/octet-stream;
    gzip on;
    include {tmp}/site.conf;
}}
"""


def adapt_nginx_config(edition: str, site: Path, port: int) -> str:
    """The shipped nginx config of an edition, pointed at the test site and port."""
    if edition == "kiosk":
        text = (REPO / "kiosk" / "nginx.conf").read_text(encoding="utf-8")
        replacements = {
            "root /srv/gialai/site-kiosk;": f"root {site};",
            "listen 127.0.0.1:8080;": f"listen 127.0.0.1:{port};",
        }
    else:
        text = (REPO / "deploy" / "nginx-web.conf").read_text(encoding="utf-8")
        replacements = {
            "root /srv/gialai/site;": f"root {site};",
            "listen 80;": f"listen 127.0.0.1:{port};",
            "listen [::]:80;": "",
        }
    for old, new in replacements.items():
        assert old in text, f"{old!r} is no longer in the {edition} nginx config"
        text = text.replace(old, new, 1)
    return text


@pytest.fixture(scope="module", params=["kiosk", "web"])
def nginx_server(
    request: pytest.FixtureRequest, site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """nginx with the shipped config of an edition on a free loopback port."""
    if NGINX is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    edition = request.param
    tmp = tmp_path_factory.mktemp(f"nginx-{edition}")
    port = free_port()
    (tmp / "site.conf").write_text(adapt_nginx_config(edition, site, port), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(NGINX_WRAPPER.format(user=user, tmp=tmp), encoding="utf-8")
    command = [NGINX, "-e", "stderr", "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    log = (tmp / "stderr.log").open("w")
    process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_up(base, process)
        except AssertionError as error:
            log.flush()
            raise AssertionError(f"{error}\n{(tmp / 'stderr.log').read_text()}") from None
        yield base, edition
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


# --- behaviour every server of the site must have -------------------------------------------


def check_pages(base: str) -> None:
    home = fetch(base, "/")
    assert home.status == 200
    assert "Trang chủ Gia Lai" in home.text
    assert "Gia Lai home" in fetch(base, "/en/").text
    assert "Chọn ngôn ngữ" in fetch(base, "/start/").text
    assert "Thác 50" in fetch(base, "/du-lich/thac-50/").text


def check_types(base: str) -> None:
    for path, expected in TYPES.items():
        answer = fetch(base, path)
        assert answer.status == 200, path
        assert answer.headers["Content-Type"] == expected, path
    wasm = fetch(base, "/pagefind/pagefind.wasm")
    assert wasm.body == WASM


def check_pagefind_not_recompressed(base: str) -> None:
    # pagefind.js unpacks these itself: they must arrive byte for byte as Pagefind wrote
    # them, even when the browser offers gzip.
    for path in [p for p, t in TYPES.items() if t == "application/octet-stream"]:
        answer = fetch(base, path, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert answer.headers.get("Content-Encoding") is None, path
        assert answer.body == PF_META, path


def check_security_headers(base: str, edition: str) -> None:
    for path, status in [("/", 200), ("/en/missing", 404), ("/en", 301), ("/sitemap.xml", 200)]:
        answer = fetch(base, path)
        assert answer.status == status, path
        assert answer.headers["Content-Security-Policy"] == CSP[edition], path
        assert answer.headers.get_all("Content-Security-Policy") == [CSP[edition]], path
        assert answer.headers["X-Content-Type-Options"] == "nosniff", path
        assert answer.headers["Referrer-Policy"] == REFERRER[edition], path
    server = fetch(base, "/").headers.get("Server", "")
    assert not any(ch.isdigit() for ch in server), f"Server header shows a version: {server}"


def check_cache_headers(base: str, edition: str) -> None:
    for path in ("/", "/en/", "/sitemap.xml", "/pagefind/pagefind.js", "/en/missing"):
        assert fetch(base, path).headers["Cache-Control"] == PAGE_CACHE[edition], path
    for path, expected in CACHE.items():
        assert fetch(base, path).headers["Cache-Control"] == expected, path


def check_not_found(base: str) -> None:
    for path, text in NOT_FOUND.items():
        answer = fetch(base, path)
        assert answer.status == 404, path
        assert answer.headers["Content-Type"] == "text/html; charset=utf-8", path
        assert text in answer.text, path


def check_folder_redirects(base: str) -> None:
    for path, location in [
        ("/en", "/en/"),
        ("/start", "/start/"),
        ("/du-lich/thac-50", "/du-lich/thac-50/"),
        ("/start?lang=km", "/start/?lang=km"),
        ("//start", "/start/"),  # never "//start/": that would name another host
    ]:
        answer = fetch(base, path)
        assert answer.status == 301, path
        assert answer.headers["Location"] in (location, base + location), path


def check_escapes_refused(base: str) -> None:
    for path in ESCAPES:
        answer = fetch(base, path)
        assert answer.status in (400, 403, 404), f"{path} answered {answer.status}"
        assert SECRET not in answer.text, f"{path} leaked the outside file"


def check_head(base: str) -> None:
    page = fetch(base, "/en/")
    head = fetch(base, "/en/", method="HEAD")
    assert head.status == 200
    assert head.body == b""
    assert head.headers["Content-Type"] == "text/html; charset=utf-8"
    assert head.headers["Content-Length"] == str(len(page.body))
    missing = fetch(base, "/km/missing", method="HEAD")
    assert missing.status == 404
    assert missing.body == b""


def check_revalidation(base: str) -> None:
    first = fetch(base, "/en/")
    etag = first.headers["ETag"]
    assert etag
    again = fetch(base, "/en/", headers={"If-None-Match": etag})
    assert again.status == 304
    assert again.body == b""
    assert again.headers["Content-Security-Policy"]


def check_other_methods_refused(base: str) -> None:
    assert fetch(base, "/", method="POST").status == 405
    assert fetch(base, "/en/", method="DELETE").status == 405


def check_survives_disconnects(base: str) -> None:
    host, port = base.removeprefix("http://").split(":")
    for request in (
        b"GET /downloads/big.bin HTTP/1.1\r\nHost: x\r\n\r\n",  # hang up mid-download
        b"GET /en/ HT",  # hang up mid-request
        b"",  # connect and hang up
    ):
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            if request:
                sock.sendall(request)
            if b"big.bin" in request:
                sock.recv(1000)
            # Linger 0: the close is a reset, the rudest way a client can leave.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert fetch(base, "/").status == 200
    assert fetch(base, "/downloads/big.bin").body == BIG


def check_symlinks_refused(base: str) -> None:
    for path, text in REFUSED_LINKS.items():
        answer = fetch(base, path)
        assert answer.status == 404, path
        assert text in answer.text, path
        assert "Trang chủ Gia Lai" not in answer.text, path
        assert "Thác 50" not in answer.text, path


# --- the wire: raw sockets, so that nothing cleans up what the server sends ---------------


@dataclass
class Reply:
    status_line: bytes
    headers: dict[str, str]  # names in lower case; each name once
    body: bytes


def connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def read_reply(stream, head: bool = False) -> Reply:
    """One reply from a socket's file: the status line, the headers, Content-Length bytes."""
    status_line = stream.readline()
    headers: dict[str, str] = {}
    while (line := stream.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        assert name.lower() not in headers, f"{name} sent twice"
        headers[name.lower()] = value.strip()
    length = 0 if head else int(headers.get("content-length", "0"))
    body = stream.read(length)
    assert len(body) == length, "the body is shorter than its Content-Length"
    return Reply(status_line, headers, body)


def closed_by_server(sock: socket.socket, stream) -> bool:
    """True if the server closed the connection (nothing more to read, no hang)."""
    sock.settimeout(10)
    return stream.read(1) == b""


def check_http10_keep_alive(base: str) -> None:
    with connect(base) as sock, sock.makefile("rb") as stream:
        for path in ("/en/", "/en/missing", "/en", "/assets/stylesheets/gialai.css"):
            sock.sendall(f"GET {path} HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".encode())
            reply = read_reply(stream)
            assert reply.status_line.startswith(b"HTTP/1."), path
            assert reply.headers["connection"].lower() == "keep-alive", path
            assert "content-length" in reply.headers, path
        # Still open after four answers: one more on the same connection.
        sock.sendall(b"HEAD /km/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        assert b" 200 " in read_reply(stream, head=True).status_line
    with connect(base) as sock, sock.makefile("rb") as stream:
        sock.sendall(b"GET /en/ HTTP/1.0\r\n\r\n")  # no keep-alive asked: closed after it
        reply = read_reply(stream)
        assert b"Gia Lai home" in reply.body
        assert reply.headers.get("connection", "close").lower() == "close"
        assert closed_by_server(sock, stream)


def check_http11_keep_alive(base: str) -> None:
    with connect(base) as sock, sock.makefile("rb") as stream:
        # Two requests in one write (pipelined), then one more, then one asking to close.
        sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: k\r\n\r\nGET /km/ HTTP/1.1\r\nHost: k\r\n\r\n")
        first, second = read_reply(stream), read_reply(stream)
        assert b"Gia Lai home" in first.body
        assert "ទំព័រដើម" in second.body.decode()
        assert first.headers.get("connection", "keep-alive").lower() == "keep-alive"
        sock.sendall(b"GET /missing HTTP/1.1\r\nHost: k\r\n\r\n")
        assert b" 404 " in read_reply(stream).status_line
        sock.sendall(b"GET /start/ HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\n")
        last = read_reply(stream)
        assert "Chọn ngôn ngữ" in last.body.decode()
        assert last.headers["connection"].lower() == "close"
        assert closed_by_server(sock, stream)


# Request lines nginx answers with 400 (or 505); the Python server must answer the same
# with a status line and the security headers. (nginx 1.22 also serves a bare "GET /"
# HTTP/0.9 request, without status line or headers; the Python server refuses that too,
# see test_python_server_refuses_http09.)
MALFORMED = {
    b"GARBAGE\r\n\r\n": 400,
    b"GET / HTTP/1.1 extra\r\nHost: k\r\n\r\n": 400,
    b"GET / FOO/1.1\r\nHost: k\r\n\r\n": 400,
    b"GET / HTTP/1.x\r\nHost: k\r\n\r\n": 400,
    b"GET / HTTP/1.1\r\n\r\n": 400,  # HTTP/1.1 without Host
    b"GET / HTTP/9.9\r\nHost: k\r\n\r\n": 505,
}


def check_malformed_requests(base: str, edition: str) -> None:
    for request, status in MALFORMED.items():
        with connect(base) as sock, sock.makefile("rb") as stream:
            sock.sendall(request)
            reply = read_reply(stream)
            assert reply.status_line.startswith(f"HTTP/1.1 {status} ".encode()), request
            assert reply.headers["content-security-policy"] == CSP[edition], request
            assert reply.headers["x-content-type-options"] == "nosniff", request
            assert reply.headers["referrer-policy"] == REFERRER[edition], request
            assert reply.headers["cache-control"] == PAGE_CACHE[edition], request
            assert reply.headers["connection"].lower() == "close", request
            assert b"Trang ch" not in reply.body, request
            assert closed_by_server(sock, stream), request


ALL_CHECKS = [
    check_pages,
    check_types,
    check_pagefind_not_recompressed,
    check_not_found,
    check_folder_redirects,
    check_escapes_refused,
    check_head,
    check_revalidation,
    check_other_methods_refused,
    check_survives_disconnects,
    check_symlinks_refused,
    check_http10_keep_alive,
    check_http11_keep_alive,
]
EDITION_CHECKS = [check_security_headers, check_cache_headers, check_malformed_requests]


# --- the Python fallback ----------------------------------------------------------------------


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.__name__)
def test_python_server(python_server: tuple[str, str], check) -> None:
    base, _ = python_server
    check(base)


@pytest.mark.parametrize("check", EDITION_CHECKS, ids=lambda check: check.__name__)
def test_python_server_headers(python_server: tuple[str, str], check) -> None:
    base, edition = python_server
    check(base, edition)


@pytest.mark.parametrize("path", ESCAPES)
def test_python_server_answers_escapes_with_the_404_page(
    python_server: tuple[str, str], path: str
) -> None:
    base, _ = python_server
    answer = fetch(base, path)
    assert answer.status == 404
    assert SECRET not in answer.text
    assert "not found" in answer.text.lower() or "Không tìm thấy" in answer.text


def test_python_server_logs_nothing_per_request(
    python_server: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = python_server
    capsys.readouterr()
    fetch(base, "/")
    fetch(base, "/missing")
    fetch(base, "/", method="POST")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""


def test_python_server_serves_a_site_folder_that_is_a_symlink(tmp_path: Path) -> None:
    # nginx checks symlinks only below the site folder (from=$document_root): the folder
    # itself may be a link, such as /srv/gialai/site-kiosk -> site-kiosk.2026-11.
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "page.html").write_text("inside", encoding="utf-8")
    (tmp_path / "real" / "empty").mkdir()
    (tmp_path / "current").symlink_to(tmp_path / "real", target_is_directory=True)
    server = kiosk_server.serve(tmp_path / "current", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        assert fetch(base, "/page.html").text == "inside"
        # No 404.html in this site: a plain-text 404, never a listing of the folder.
        missing = fetch(base, "/empty/")
        assert missing.status == 404
        assert missing.text == "404 Not Found\n"
        # The link re-pointed to a new copy of the site: served at once, as nginx does.
        (tmp_path / "new").mkdir()
        (tmp_path / "new" / "page.html").write_text("new copy", encoding="utf-8")
        (tmp_path / "next").symlink_to(tmp_path / "new", target_is_directory=True)
        (tmp_path / "next").replace(tmp_path / "current")
        assert fetch(base, "/page.html").text == "new copy"
    finally:
        server.shutdown()
        server.server_close()


def test_python_server_refuses_http09(python_server: tuple[str, str]) -> None:
    base, edition = python_server
    for request in (b"GET /\r\n", b"GET / HTTP/0.9\r\n\r\n"):
        with connect(base) as sock, sock.makefile("rb") as stream:
            sock.sendall(request)
            reply = read_reply(stream)
            assert reply.status_line == b"HTTP/1.1 400 Bad Request\r\n", request
            assert reply.headers["content-security-policy"] == CSP[edition], request
            assert reply.body == b"400 Bad Request\n", request
            assert closed_by_server(sock, stream), request


def test_python_server_queues_200_connections_before_it_accepts_one(site: Path) -> None:
    # The listen backlog: connections the kernel completes while the server is busy. With
    # socketserver's default of 5, the seventh client's SYN is dropped and it waits seconds.
    server = kiosk_server.serve(site, "127.0.0.1", 0)
    assert server.request_queue_size >= 128
    port = server.server_address[1]
    clients: list[socket.socket] = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        for _ in range(200):  # not accepted yet: serve_forever has not started
            clients.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        for client in clients:
            client.sendall(b"HEAD /en/ HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\n")
        thread.start()
        for client in clients:
            with client.makefile("rb") as stream:
                assert read_reply(stream, head=True).status_line == b"HTTP/1.1 200 OK\r\n"
    finally:
        for client in clients:
            client.close()
        if thread.is_alive():
            server.shutdown()
        server.server_close()


# --- load: 200 concurrent clients for 10 s -------------------------------------------------

LOAD_CLIENTS = 200
LOAD_SECONDS = 10
LOAD_TIMEOUT = 15  # seconds before a request counts as timed out (as ab -s 15 counts)
LOAD_PATHS = {  # path: (status, body)
    "/": (200, SITE_FILES["index.html"]),
    "/en/": (200, SITE_FILES["en/index.html"]),
    "/km/": (200, SITE_FILES["km/index.html"]),
    "/assets/stylesheets/main.484c7ddc.min.css": (200, CSS),
    "/pagefind/pagefind.en_58c511e76d.pf_meta": (200, PF_META),
    "/en/missing": (404, SITE_FILES["en/404.html"]),
    "/en": (301, b""),
}


async def _load_client(
    number: int, port: int, stop_at: float, tally: dict[str, int], errors: list[str]
) -> None:
    """Requests one after another until ``stop_at``: even clients keep their connection."""
    keep_alive = number % 2 == 0
    paths = list(LOAD_PATHS)
    reader = writer = None
    sent = 0
    loop = asyncio.get_running_loop()
    while loop.time() < stop_at:
        path = paths[(number + sent) % len(paths)]
        sent += 1
        status, expected = LOAD_PATHS[path]
        expected = expected.encode() if isinstance(expected, str) else expected
        reuse = False
        try:
            async with asyncio.timeout(LOAD_TIMEOUT):
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                close = "" if keep_alive else "Connection: close\r\n"
                writer.write(f"GET {path} HTTP/1.1\r\nHost: k\r\n{close}\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                fields = dict(line.lower().split(": ", 1) for line in lines[1:] if line)
                body = await reader.readexactly(int(fields["content-length"]))
            if not lines[0].startswith(f"HTTP/1.1 {status} ") or body != expected:
                errors.append(f"{path}: {lines[0]}, {len(body)} bytes")
            else:
                tally["ok"] += 1
                reuse = keep_alive
        except TimeoutError:
            tally["timeouts"] += 1
        except (OSError, asyncio.IncompleteReadError, KeyError, ValueError) as error:
            errors.append(f"{path}: {type(error).__name__}: {error}")
        if writer is not None and not reuse:  # a new connection for the next request
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _load(port: int) -> tuple[dict[str, int], list[str]]:
    tally = {"ok": 0, "timeouts": 0}
    errors: list[str] = []
    stop_at = asyncio.get_running_loop().time() + LOAD_SECONDS
    clients = [_load_client(n, port, stop_at, tally, errors) for n in range(LOAD_CLIENTS)]
    # Bounded however the server behaves: the run, one request's timeout, a margin.
    async with asyncio.timeout(LOAD_SECONDS + LOAD_TIMEOUT + 5):
        await asyncio.gather(*clients)
    return tally, errors


def test_python_server_holds_200_concurrent_clients(site: Path) -> None:
    # The command-line server in its own process, so that the clients do not share its GIL.
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gialai.kiosk_server", "--site", str(site), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}", process)
        tally, errors = in_own_thread(lambda: asyncio.run(_load(port)))
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert errors == []
    assert tally["timeouts"] == 0
    assert tally["ok"] > LOAD_CLIENTS  # every client was answered at least once
    assert err == ""


def test_server_benchmark_compares_both_servers_on_a_small_site(site: Path) -> None:
    from bench import server as bench_server

    paths = bench_server.sample_paths(site)
    assert "/" in paths and "/en" in paths
    assert not any("alias" in path or "leak" in path or "/." in path for path in paths)
    result = bench_server.compare(site, seconds=0.3, clients=8, rounds=1)
    servers = ["kiosk-server", "nginx"] if NGINX else ["kiosk-server"]
    assert list(result["servers"]) == servers
    for modes in result["servers"].values():
        assert list(modes) == list(bench_server.MODES)
        for run in modes.values():
            assert run["requests"] > 0
            assert run["errors"] == 0
            assert run["timeouts"] == 0
    assert "| kiosk-server | keep-alive |" in bench_server.table(result)


def test_serve_rejects_a_missing_folder_and_unknown_edition(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        kiosk_server.serve(tmp_path / "nothing", "127.0.0.1", 0)
    with pytest.raises(ValueError):
        kiosk_server.serve(tmp_path, "127.0.0.1", 0, edition="print")


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5"])
def test_main_refuses_non_loopback_without_allow_remote(
    host: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = kiosk_server.main(["--site", str(tmp_path), "--host", host, "--port", "0"])
    assert code == 2
    err = capsys.readouterr().err
    assert f"refusing to listen on {host}" in err
    assert "not a loopback address" in err
    assert "--allow-remote" in err


def test_loopback_names() -> None:
    for host in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"):
        assert kiosk_server.is_loopback(host), host
    for host in ("0.0.0.0", "::", "192.168.1.20", "8.8.8.8"):
        assert not kiosk_server.is_loopback(host), host


def test_main_explains_a_missing_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = kiosk_server.main(["--site", str(tmp_path / "site-kiosk"), "--port", "0"])
    assert code == 2
    assert "gialai build --kiosk" in capsys.readouterr().err


def test_main_explains_a_busy_port(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = kiosk_server.main(["--site", str(tmp_path), "--port", str(port)])
    assert code == 1
    assert "already using that port" in capsys.readouterr().err


def test_command_line_serves_and_stops_cleanly_on_sigterm(site: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gialai.kiosk_server", "--site", str(site), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, process)
        answer = fetch(base, "/en/missing")
        assert answer.status == 404
        assert answer.headers["Content-Security-Policy"] == CSP["kiosk"]
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert f"at http://127.0.0.1:{port}/" in out
    assert err == ""  # and nothing logged for the requests


# --- nginx with the shipped configs -----------------------------------------------------------


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.__name__)
def test_nginx(nginx_server: tuple[str, str], check) -> None:
    base, _ = nginx_server
    check(base)


@pytest.mark.parametrize("check", EDITION_CHECKS, ids=lambda check: check.__name__)
def test_nginx_headers(nginx_server: tuple[str, str], check) -> None:
    base, edition = nginx_server
    check(base, edition)


def test_nginx_compresses_text(nginx_server: tuple[str, str]) -> None:
    base, _ = nginx_server
    for path in ("/assets/stylesheets/gialai.css", "/assets/stylesheets/main.484c7ddc.min.css"):
        answer = fetch(base, path, headers={"Accept-Encoding": "gzip"})
        assert answer.headers.get("Content-Encoding") == "gzip", path
        assert gzip.decompress(answer.body).decode() == CSS
        assert "Accept-Encoding" in answer.headers.get("Vary", "")


def test_nginx_configs_name_the_same_types_as_the_python_server() -> None:
    for conf in (REPO / "kiosk" / "nginx.conf", REPO / "deploy" / "nginx-web.conf"):
        text = conf.read_text(encoding="utf-8")
        block = text.split("types {", 1)[1].split("}", 1)[0]
        nginx_types: dict[str, str] = {}
        for line in block.splitlines():
            words = line.split("#", 1)[0].replace(";", "").split()
            for ext in words[1:]:
                nginx_types["." + ext] = words[0]
        python_types = {ext: t.split(";")[0] for ext, t in kiosk_server.MIME_TYPES.items()}
        assert nginx_types == python_types, conf.name
        assert CSP["kiosk" if conf.parent.name == "kiosk" else "web"] in text


# --- the rest of the kiosk kit ----------------------------------------------------------------

LAUNCHER = REPO / "kiosk" / "launch-chromium.sh"
FAKE_CHROMIUM = '#!/bin/sh\nfor arg in "$@"; do echo "$arg"; done > "$FAKE_ARGS"\n'


def run_launcher(tmp_path: Path, url: str, **env: str) -> subprocess.CompletedProcess:
    fake = tmp_path / "chromium"
    fake.write_text(FAKE_CHROMIUM, encoding="utf-8")
    fake.chmod(0o755)
    (tmp_path / "run").mkdir(exist_ok=True)
    environment = {
        **os.environ,
        "KIOSK_URL": url,
        "CHROMIUM": str(fake),
        "FAKE_ARGS": str(tmp_path / "args.txt"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
        **env,
    }
    return subprocess.run(
        ["sh", str(LAUNCHER)], env=environment, capture_output=True, text=True, timeout=30
    )


def test_launcher_starts_chromium_in_kiosk_mode_once_the_server_answers(
    python_server: tuple[str, str], tmp_path: Path
) -> None:
    base, _ = python_server
    (tmp_path / "run" / "gialai-kiosk-profile.old").mkdir(parents=True)
    url = base + "/start/"
    result = run_launcher(tmp_path, url, KIOSK_EXTRA_FLAGS="--force-device-scale-factor=1.25")
    assert result.returncode == 0, result.stderr
    args = (tmp_path / "args.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert args[-1] == url
    assert "--kiosk" in args
    assert "--incognito" in args
    assert "--force-device-scale-factor=1.25" in args
    profiles = [a.split("=", 1)[1] for a in args if a.startswith("--user-data-dir=")]
    assert len(profiles) == 1
    assert Path(profiles[0]).parent == tmp_path / "run"
    assert Path(profiles[0]).is_dir()
    assert not (tmp_path / "run" / "gialai-kiosk-profile.old").exists()  # old profile gone
    for obsolete in ("--disable-infobars", "--disable-translate", "TranslateUI"):
        assert not any(obsolete in a for a in args), obsolete


def test_launcher_gives_up_without_a_server(tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_launcher(
        tmp_path, f"http://127.0.0.1:{free_port()}/start/", KIOSK_WAIT_SECONDS="1"
    )
    assert result.returncode == 1
    assert "no answer from" in result.stderr
    assert not (tmp_path / "args.txt").exists()
    assert time.monotonic() - started < 20


def test_policy_allows_the_kiosk_origin_only() -> None:
    policy = json.loads((REPO / "kiosk" / "policies" / "gialai-kiosk.json").read_text())
    assert policy["URLBlocklist"][0] == "*"
    assert policy["URLAllowlist"] == ["http://127.0.0.1:8080"]
    launcher = LAUNCHER.read_text(encoding="utf-8")
    assert "KIOSK_URL=${KIOSK_URL:-http://127.0.0.1:8080/start/}" in launcher
    for key, kind in {
        "DownloadRestrictions": int,
        "DeveloperToolsAvailability": int,
        "IncognitoModeAvailability": int,
        "BrowserSignin": int,
        "PrintingEnabled": bool,
        "PasswordManagerEnabled": bool,
        "TranslateEnabled": bool,
        "SyncDisabled": bool,
        "ExtensionInstallBlocklist": list,
    }.items():
        assert type(policy[key]) is kind, key
