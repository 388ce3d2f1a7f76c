"""A small static web server for a built site: the fallback when nginx is not installed.

It serves ``site-kiosk/`` (or ``site/``) exactly as ``kiosk/nginx.conf`` does: the same
MIME types, security and cache headers, per-language 404 pages, no directory listings,
no symlinks below the site folder (``disable_symlinks on``) and nothing outside it. Like
nginx it keeps connections open for HTTP/1.1 and for HTTP/1.0 with ``Connection:
keep-alive``, and answers a malformed request with ``400``. It logs nothing per request
unless ``--verbose`` is given. POSIX only (it opens paths with ``O_NOFOLLOW``).

    gialai kiosk-server --site /srv/gialai/site-kiosk
    python -m gialai.kiosk_server --site site-kiosk --port 8080

Standard library only, so it runs wherever the ``gialai`` package is installed.
"""

from __future__ import annotations

import argparse
import email.utils
import ipaddress
import os
import re
import signal
import socket
import stat
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from urllib.parse import unquote, urlsplit

EDITIONS = ("web", "kiosk")

_CSP_BASE = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
# The Content-Security-Policy header per edition (the pages carry the same policy, without
# frame-ancestors, in a meta tag). Keep in step with kiosk/nginx.conf and deploy/nginx-web.conf.
CSP = {
    "web": _CSP_BASE + "; frame-ancestors 'none'",
    "kiosk": _CSP_BASE + "; frame-ancestors 'self'",
}
REFERRER_POLICY = {"web": "strict-origin-when-cross-origin", "kiosk": "no-referrer"}


# File name extension -> Content-Type. The same list as the types {} block in the nginx configs.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".wasm": "application/wasm",
    ".pdf": "application/pdf",
    # Pagefind's index files are gzip data that pagefind.js unpacks itself: they are sent
    # as they are, as plain bytes, with no Content-Encoding (and never compressed again).
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
    ".pagefind": "application/octet-stream",
}
DEFAULT_TYPE = "application/octet-stream"

# Cache-Control. File names with a content hash (MkDocs Material's bundles, the photo
# variants in _img/, Pagefind's index chunks) never change; fonts hardly ever; pages and
# everything else are checked again.
IMMUTABLE = "public, max-age=31536000, immutable"
FONTS = "public, max-age=31536000"
IMAGES = "public, max-age=86400"
SHORT = {"web": "public, max-age=300", "kiosk": "no-cache"}
_HASHED = re.compile(
    r"\.[0-9a-f]{8,}\.(?:min\.)?(?:js|css|svg)$"
    r"|^/_img/.+-[0-9a-f]{10}-[0-9]+\.(?:webp|avif|jpe?g|png)$"
    r"|\.pf_(?:meta|index|fragment|filter)$"
)
_FONT_SUFFIXES = {".woff2", ".woff", ".ttf"}
_IMAGE_SUFFIXES = {".webp", ".avif", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".ico"}

_CHUNK = 64 * 1024

# Each path segment is opened on its own, relative to its folder, without following a
# symlink: a link anywhere below the site folder fails with ELOOP, and no other process can
# swap a folder for a link between a check and the open. O_NONBLOCK keeps a FIFO from
# blocking the open; it changes nothing for regular files.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def content_type(path: Path) -> str:
    """The Content-Type header for a file, from its name extension."""
    return MIME_TYPES.get(path.suffix.lower(), DEFAULT_TYPE)


def cache_control(url_path: str, edition: str) -> str:
    """The Cache-Control header for a URL path in an edition."""
    lowered = url_path.lower()
    if _HASHED.search(lowered):
        return IMMUTABLE
    suffix = Path(lowered).suffix
    if suffix in _FONT_SUFFIXES:
        return FONTS
    if suffix in _IMAGE_SUFFIXES:
        return IMAGES
    return SHORT[edition]


def is_loopback(host: str) -> bool:
    """True if ``host`` (an address or a name) only ever means this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


def open_below(folder: Path | int, parts: list[str]) -> int | None:
    """A descriptor for ``folder/parts…``, or None if it is missing or any part is a symlink.

    ``folder`` itself may be a symlink (nginx: ``disable_symlinks on from=$document_root``).
    """
    try:
        fd = os.open(folder, _DIR_FLAGS) if not isinstance(folder, int) else os.dup(folder)
    except OSError:
        return None
    for part in parts:
        try:
            inner: int | None = os.open(part, _OPEN_FLAGS, dir_fd=fd)
        except (OSError, ValueError):  # missing, a symlink (ELOOP), below a file, a NUL byte
            inner = None
        os.close(fd)
        if inner is None:
            return None
        fd = inner
    return fd


class KioskServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its site folder and edition."""

    daemon_threads = True
    allow_reuse_address = True
    # The listen backlog. socketserver's default of 5 drops connections as soon as a few
    # dozen clients connect at once, and a dropped SYN costs the client seconds; 511 is
    # nginx's default on Linux (the kernel caps it at net.core.somaxconn).
    request_queue_size = 511

    def __init__(
        self, address: tuple[str, int], site_dir: Path, edition: str, verbose: bool
    ) -> None:
        self.site_dir = site_dir
        self.edition = edition
        self.verbose = verbose
        super().__init__(address, KioskRequestHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away is normal; anything else gets one line on stderr."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        print(f"gialai kiosk-server: error serving {client_address}: {error!r}", file=sys.stderr)


class _KioskServer6(KioskServer):
    address_family = socket.AF_INET6


class KioskRequestHandler(BaseHTTPRequestHandler):
    """Serves GET and HEAD from the site folder; refuses everything else."""

    server: KioskServer
    protocol_version = "HTTP/1.1"
    # What an error is answered in when the request line named no usable version: every
    # answer has a status line and headers (HTTP/0.9 answers would have neither).
    default_request_version = "HTTP/1.0"
    server_version = "gialai"
    timeout = 30  # seconds a silent client may hold a connection
    # Headers and body go out in separate writes: without TCP_NODELAY, a keep-alive client
    # waits for its delayed ACK (40 ms on Linux) before it sees the body.
    disable_nagle_algorithm = True
    _connection_header_sent = False

    # --- logging and common headers -------------------------------------------------------

    def version_string(self) -> str:
        return self.server_version  # no Python version in the Server header

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def send_header(self, keyword: str, value: str) -> None:
        """Buffer one header, noting whether the answer already says how the connection ends."""
        if keyword.lower() == "connection":
            self._connection_header_sent = True
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        """Add the Connection and security headers that every answer carries, then send."""
        edition = self.server.edition
        if not self._connection_header_sent:
            # Said in every answer, as nginx does: an HTTP/1.0 client that asked for
            # keep-alive waits for the connection to close unless it reads "keep-alive".
            self.send_header("Connection", "close" if self.close_connection else "keep-alive")
        self._connection_header_sent = False
        self.send_header("Content-Security-Policy", CSP[edition])
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", REFERRER_POLICY[edition])
        super().end_headers()

    def parse_request(self) -> bool:
        """Read the request line and headers; refuse what nginx refuses with an error."""
        words = self.raw_requestline.split()
        if words and len(words) != 3:  # "GET /" (HTTP/0.9), "GARBAGE", "GET / HTTP/1.1 x"
            self.requestline = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
            self.command = None
            self.request_version = self.default_request_version
            self.close_connection = True
            self.send_error(HTTPStatus.BAD_REQUEST)
            return False
        if not super().parse_request():
            return False
        major, minor = (int(n) for n in self.request_version[5:].split("."))
        if (major, minor) < (1, 0):  # "GET / HTTP/0.9" would be answered without headers
            self.request_version = self.default_request_version
            self.send_error(HTTPStatus.BAD_REQUEST)
            return False
        if (major, minor) >= (1, 1) and self.headers.get("Host") is None:
            self.send_error(HTTPStatus.BAD_REQUEST)  # RFC 9112 3.2: Host is required
            return False
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """An error answer with a status line and the usual headers; the connection closes."""
        status = HTTPStatus(code)
        # The base class puts the message, which may quote the request, in the status line.
        self.log_error("code %d, message %s", code, message or status.phrase)
        data = f"{code} {status.phrase}\n".encode()
        self.close_connection = True
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", SHORT[self.server.edition])
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    # --- methods ----------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    # --- resolving a URL to a file ----------------------------------------------------------

    def _serve(self, body: bool) -> None:
        root = self.server.site_dir
        target_text = self.path
        if target_text.lower().startswith(("http://", "https://")):  # absolute-form request
            target_text = urlsplit(target_text).path or "/"
        raw_path, _, query = target_text.partition("#")[0].partition("?")
        try:
            url_path = unquote(raw_path, errors="strict")
        except UnicodeDecodeError:
            self._not_found("/", body)
            return
        segments = url_path.split("/")
        if (
            not url_path.startswith("/")
            or "\\" in url_path
            or "\x00" in url_path
            or any(seg.startswith(".") for seg in segments)  # .., ., and hidden files
        ):
            self._not_found(url_path, body)
            return
        parts = [seg for seg in segments if seg]
        fd = open_below(root, parts)
        if fd is None:
            self._not_found(url_path, body)
            return
        name = parts[-1] if parts else ""
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            if not url_path.endswith("/"):
                os.close(fd)
                # One leading slash only: "//host/" would send the browser to another site.
                location = "/" + raw_path.lstrip("/") + "/" + (f"?{query}" if query else "")
                self._redirect(location, body)
                return
            folder, fd, name = fd, open_below(fd, ["index.html"]), "index.html"
            os.close(folder)
        elif url_path.endswith("/"):  # a file asked for as a folder, like nginx: not found
            os.close(fd)
            fd = None
        if fd is None:
            self._not_found(url_path, body)
            return
        self._send_file(fd, name, url_path, HTTPStatus.OK, body)

    # --- responses ----------------------------------------------------------------------------

    def _redirect(self, location: str, body: bool) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", SHORT[self.server.edition])
        self.end_headers()

    def _not_found(self, url_path: str, body: bool) -> None:
        root = self.server.site_dir
        # A language folder has its own 404 page (/km/404.html); other addresses get the
        # site's. Which folders are languages is read from the site, not written here.
        first = url_path.lstrip("/").split("/", 1)[0]
        page = None
        if first and first not in (".", ".."):
            page = open_below(root, [first, "404.html"])
        if page is None:
            page = open_below(root, ["404.html"])
        if page is not None:
            self._send_file(
                page, "404.html", "/404.html", HTTPStatus.NOT_FOUND, body, validators=False
            )
            return
        data = b"404 Not Found\n"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", SHORT[self.server.edition])
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _send_file(
        self,
        fd: int,
        name: str,
        url_path: str,
        status: int,
        body: bool,
        validators: bool = True,
    ) -> None:
        """Send the open file ``fd`` (closed here); anything but a regular file is not found."""
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # a folder named index.html, a FIFO, a device
            os.close(fd)
            if status == HTTPStatus.NOT_FOUND:
                self.send_error(HTTPStatus.NOT_FOUND)
            else:
                self._not_found(url_path, body)
            return
        with open(fd, "rb") as handle:
            etag = f'"{int(info.st_mtime):x}-{info.st_size:x}"'
            modified = email.utils.formatdate(int(info.st_mtime), usegmt=True)
            if validators and self._not_modified(etag, int(info.st_mtime)):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
                self.send_header("Cache-Control", cache_control(url_path, self.server.edition))
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", content_type(Path(name)))
            self.send_header("Content-Length", str(info.st_size))
            if validators:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
            self.send_header("Cache-Control", cache_control(url_path, self.server.edition))
            self.end_headers()
            if not body:
                return
            while chunk := handle.read(_CHUNK):
                self.wfile.write(chunk)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return etag in tags or "*" in tags
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError, IndexError):
                return False
            return when is not None and mtime <= when.timestamp()
        return False


def serve(
    site_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8080,
    edition: str = "kiosk",
    verbose: bool = False,
) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` for ``site_dir``; call ``serve_forever()`` to run it."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {', '.join(EDITIONS)}, not {edition!r}")
    # Not resolved: like nginx, a site folder that is a link is followed anew on every
    # request, so re-pointing it (gialai kiosk-install swaps site-kiosk to another edition
    # under kiosk-editions/) needs no restart.
    root = Path(site_dir).absolute()
    if not root.is_dir():
        raise FileNotFoundError(f"{site_dir} is not a folder")
    server_class = _KioskServer6 if ":" in host else KioskServer
    return server_class((host.strip("[]"), port), root, edition, verbose)


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The command-line options, added to ``parser`` (for ``gialai kiosk-server``) or a new one."""
    if parser is None:
        parser = argparse.ArgumentParser(
            prog="gialai kiosk-server",
            description="Serve a built site on this machine only: the kiosk's fallback for nginx.",
        )
    parser.add_argument(
        "--site", default="site-kiosk", help="the built site folder (default: site-kiosk)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (8080)")
    parser.add_argument(
        "--edition",
        choices=EDITIONS,
        default="kiosk",
        help="which security headers to send (default: kiosk)",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow an address other machines can reach (not for kiosks)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return parser


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Run the server with parsed options until stopped; returns the exit code."""
    prog = "gialai kiosk-server"
    if not args.allow_remote and not is_loopback(args.host):
        print(
            f"{prog}: refusing to listen on {args.host}: it is not a loopback address, so "
            "other machines on the network could reach this server. Use --host 127.0.0.1, "
            "or add --allow-remote if that is really what you want.",
            file=sys.stderr,
        )
        return 2
    if not 0 <= args.port <= 65535:
        print(f"{prog}: --port must be between 0 and 65535, not {args.port}.", file=sys.stderr)
        return 2
    site = Path(args.site)
    if not site.is_dir():
        print(
            f"{prog}: there is no site folder at {site}; build it with `gialai build --kiosk` "
            "or give --site.",
            file=sys.stderr,
        )
        return 2
    try:
        server = serve(site, args.host, args.port, args.edition, verbose=args.verbose)
    except OSError as error:
        print(
            f"{prog}: cannot listen on {args.host}:{args.port}: {error.strerror or error}. "
            "Is another server (nginx?) already using that port?",
            file=sys.stderr,
        )
        return 1
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    print(
        f"Serving {server.site_dir} ({args.edition} edition) at http://{shown}:{port}/ "
        "(stop with Ctrl+C)",
        flush=True,
    )
    # systemd stops the service with SIGTERM: shut down as cleanly as after Ctrl+C.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stop) if in_main_thread else None
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the server; returns the exit code."""
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
