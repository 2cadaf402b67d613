"""The tests' harness, which the benchmarks use too: a temporary copy of the project, the one `mkdocs build`
wrapper, a static server on 127.0.0.1 that sends what a static host sends (gzip for text, a short cache
lifetime), free_port/fetch/wait_for for `mkdocs serve`, and the repository's content, loaded once."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import mimetypes
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lpl.load import load
from lpl.model import Content
from lpl.publish.pages import GENERATED_DIRS

ROOT = Path(__file__).resolve().parents[1]  # the repository: tests and benchmarks run from a checkout
PROJECT_PARTS = ("mkdocs.yml", "data", "case_studies", "plans", "docs")


def copy_project(dest: Path) -> Path:
    """The project's own content, without previously generated pages, in `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns(*GENERATED_DIRS, "__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    # The theme overrides are found relative to mkdocs.yml: point at the repository's copy.
    text = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(
        text.replace("custom_dir: plugins/lpl/overrides", f"custom_dir: {ROOT / 'plugins/lpl/overrides'}"),
        encoding="utf-8",
    )
    return dest


@functools.cache
def repository_content() -> Content:
    """The repository's own content, loaded once per process (the `content` fixture; test parameters)."""
    return load(ROOT)


@dataclass(frozen=True)
class Build:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def mkdocs_build(
    project: Path, *extra: str, strict: bool = True, check: bool = False, engine: str = "mkdocs", timeout: float = 900
) -> Build:
    """`<engine> build` in `project` (no -q: with it, --strict does not fail on warnings); with `check`,
    a failed build raises with its log."""
    start = time.perf_counter()
    config = (
        ["-f", "mkdocs.yml"] if engine == "properdocs" else []
    )  # ProperDocs reads mkdocs.yml, with a notice unless named
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", *config, *(["--strict"] if strict else []), *extra],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    built = Build(result.returncode, result.stdout, result.stderr, time.perf_counter() - start)
    if check and built.returncode != 0:
        raise RuntimeError(f"{engine} build failed in {project}:\n{built.stderr[-4000:]}")
    return built


# --- Serving ----------------------------------------------------------------------------------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class Link:
    """A slow network shared by every connection (a phone's): each response waits `latency` seconds,
    then its bytes go out no faster than `rate` bytes a second, all responses together."""

    def __init__(self, latency: float, rate: float):
        self.latency, self.rate = latency, rate
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, write, data: bytes, chunk: int = 8192):
        time.sleep(self.latency)
        for i in range(0, len(data), chunk):
            part = data[i : i + chunk]
            with self.lock:
                self.free_at = max(time.perf_counter(), self.free_at) + len(part) / self.rate
                until = self.free_at
            time.sleep(max(0.0, until - time.perf_counter()))
            write(part)


class StaticHandler(http.server.BaseHTTPRequestHandler):
    """GET/HEAD of files under `directory`, gzip when asked for, like a static host. With `sent`,
    each response's path and bytes (headers and body) are appended to it; with `link`, responses
    go out over that slow network."""

    directory: Path
    cache: dict
    sent: list | None = None
    link: Link | None = None

    def log_message(self, *args):
        pass

    def _file(self) -> tuple[Path | None, bool]:
        path = unquote(urlsplit(self.path).path)
        target = (self.directory / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.directory):
            return None, False
        if target.is_dir():
            if not path.endswith("/"):
                return target, True  # redirect to the folder's address
            target = target / "index.html"
        return (target if target.is_file() else None), False

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body: bool = True):
        target, redirect = self._file()
        if redirect:
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, self.directory / "404.html"
            if not target.is_file():
                self.send_error(404)
                return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = target.read_bytes()
        gzipped = kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            key = (target, target.stat().st_mtime_ns)
            if key not in self.cache:
                self.cache[key] = gzip.compress(data, compresslevel=6)
            data = self.cache[key]
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        headers = sum(map(len, self._headers_buffer)) + 2
        self.end_headers()
        if self.sent is not None:
            self.sent.append((urlsplit(self.path).path, headers + (len(data) if body else 0)))
        if body:
            (self.link.send if self.link else lambda write, d: write(d))(self.wfile.write, data)


@contextlib.contextmanager
def serve(directory: Path, sent: list | None = None, link: Link | None = None):
    """Serve `directory` on 127.0.0.1 (a free port); yields the base URL. `sent` and `link`: see StaticHandler."""
    handler = type(
        "Handler", (StaticHandler,), {"directory": Path(directory).resolve(), "cache": {}, "sent": sent, "link": link}
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --- mkdocs serve, as an editor meets it ----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page at `url`, or "" while the server cannot give it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, timeout: float, process: subprocess.Popen | None = None) -> float | None:
    """Seconds until `predicate()` held, or None after `timeout`; raises if `process` stops meanwhile."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        if process is not None and process.poll() is not None:
            raise RuntimeError("mkdocs serve stopped:\n" + (process.stderr.read() if process.stderr else ""))
        time.sleep(0.05)
    return None
