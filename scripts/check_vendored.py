"""Fetch the vendored fflate's npm tarball again and check it against plugins/lpl/overrides/assets/vendor/fflate/.

    python scripts/check_vendored.py

Checks the tarball's npm integrity (sha512) and that each vendored file is byte for byte the file of that
release recorded in SOURCE.json. The test suite checks the recorded hashes without downloading
(tests/test_plan_maker.py); this is the one place that goes to the registry. To update fflate: change the
version in SOURCE.json, run this with --write, and review the diff.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "plugins" / "lpl" / "overrides" / "assets" / "vendor" / "fflate"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="copy the release's files in and record their hashes")
    args = parser.parse_args()
    source = json.loads((FOLDER / "SOURCE.json").read_text(encoding="utf-8"))
    meta_url = f"https://registry.npmjs.org/{source['package']}/{source['version']}"
    with urllib.request.urlopen(meta_url, timeout=60) as response:
        dist = json.load(response)["dist"]
    with urllib.request.urlopen(dist["tarball"], timeout=60) as response:
        tarball = response.read()
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if integrity != dist["integrity"]:
        print(f"the tarball does not match the registry's integrity {dist['integrity']}", file=sys.stderr)
        return 1
    if args.write:
        source["tarball"], source["integrity"] = dist["tarball"], integrity
    elif integrity != source["integrity"]:
        print(f"SOURCE.json records {source['integrity']}, the registry {integrity}", file=sys.stderr)
        return 1
    failed = 0
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        for name, entry in source["files"].items():
            data = tar.extractfile(entry["from"]).read()
            digest = hashlib.sha256(data).hexdigest()
            if args.write:
                (FOLDER / name).write_bytes(data)
                entry["sha256"] = digest
            elif (FOLDER / name).read_bytes() != data or entry["sha256"] != digest:
                print(
                    f"{name} differs from {entry['from']} in {source['package']} {source['version']}", file=sys.stderr
                )
                failed += 1
    if args.write:
        (FOLDER / "SOURCE.json").write_text(json.dumps(source, indent=2) + "\n", encoding="utf-8")
    if not failed:
        print(f"OK: {', '.join(source['files'])} are {source['package']} {source['version']} from {dist['tarball']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
