"""See a case study as it will appear, in English and Welsh: `lpl preview case_studies/<slug>.yml`
(or `python scripts/preview.py …`).

Checks the file, then serves a site with only that case study (plus the guidance and frameworks) at
http://127.0.0.1:8000/ and prints its two addresses; saving the file reloads the pages. Without a
case study it serves the whole site (like `make serve`). Ctrl+C stops it.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..editorial.preview import ENV, preview_urls
from ..load import check
from ..load.preview import preview_file

PROG = "lpl preview"


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: only a listener counts
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("case_study", nargs="?", help="case_studies/<slug>.yml or just <slug> (none: the whole site)")
    parser.add_argument("--port", type=int, help="port on 127.0.0.1 (default: 8000, or the next free one)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    args = parser.parse_args(argv)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop(ENV, None)
    slug = None
    if args.case_study:
        try:
            path = preview_file(args.root, args.case_study)
        except ValueError as problem:
            print(f"{args.case_study}: error: {problem}", file=sys.stderr)
            return 1
        # The validator's messages first: clearer than a failed build, and the warnings are worth seeing.
        _, problems = check(args.root, [path])
        for p in problems:
            print(p)
        if any(p.severity == "error" for p in problems):
            print("Fix the errors above, then run the preview again.", file=sys.stderr)
            return 1
        slug = env[ENV] = path.stem
    port = args.port or next((p for p in range(8000, 8100) if free(p)), 8000)
    if not free(port):  # another server there would answer our readiness check: never point at it
        print(
            f"Port {port} is already in use (another preview?): stop it, or choose another with --port.",
            file=sys.stderr,
        )
        return 1
    base = f"http://127.0.0.1:{port}/"
    env["SITE_URL"] = base  # links and language alternates then point at the preview, not the real site
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"]
    # A `kill` must stop the server too, not leave it holding the port: turn it into Ctrl+C.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    started = time.monotonic()
    server = subprocess.Popen(command, cwd=args.root, env=env)
    try:
        urls = preview_urls(base, slug)
        while not answers(urls["en"]):
            if server.poll() is not None:
                print("The preview stopped: see the messages above.", file=sys.stderr)
                return server.returncode or 1
            time.sleep(0.3)
        print(
            f"\nReady in {time.monotonic() - started:.0f} s. Open:\n"
            f"  English: {urls['en']}\n  Cymraeg: {urls['cy']}\n"
            "Save a change and the page reloads by itself. Press Ctrl+C to stop.\n",
            flush=True,
        )
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
