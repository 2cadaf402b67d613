"""One language's index as files a browser fetches piece by piece: a small manifest, term chunks
and one fragment per page.

A query needs only the chunks that hold its words' keys and the fragments of the results it shows,
so what a first search costs grows with the query, not with the site:

- `manifest.json`: the language's word rules, how many sections each page has (for ranking and
  grouping before any page's text is loaded), and the first key of each term chunk.
- `t/<n>.json`: a run of keys in sorted order (so a typed prefix is a range of chunks), each with
  every form found under it and those forms' postings. A form is stored under its own key and under
  each rewrite key (a Welsh radical, an English stem): a query's key finds all its related forms in
  one chunk, without a second round trip.
- `f/<n>.json`: page n's address, title and sections (anchor, heading, text) for results and snippets.

Chunks are cut at a size, measured gzipped, so one common word's long postings do not make every
chunk big. Section ids in postings are delta-coded (small numbers compress well). File names carry
no hash: the manifest's `v` (a digest of everything) is added to every address, so a new build is
never mixed with a cached old one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import defaultdict

FORMAT = 2
CHUNK_BYTES = 3000  # target size of a term chunk, gzipped


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _delta(postings: list[int]) -> list[int]:
    """[section, weight, section, weight…] with each section as the gap from the previous one."""
    out, last = [], 0
    for i in range(0, len(postings), 2):
        out += [postings[i] - last, postings[i + 1]]
        last = postings[i]
    return out


def _key_entries(index: dict) -> list[tuple[str, list[int]]]:
    """Every key in sorted order with the ids of the forms found under it (its own form first)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(index["forms"]):
        by_key[form].append(i)
    for key, ids in index["rewrites"].items():
        by_key[key] += [i for i in ids if i not in by_key[key]]
    return sorted(by_key.items())


def _chunk(entries: list[tuple[str, list[int]]], index: dict) -> dict:
    ids = sorted({i for _, found in entries for i in found})
    local = {form_id: n for n, form_id in enumerate(ids)}
    return {
        "forms": [index["forms"][i] for i in ids],
        "postings": [_delta(index["postings"][i]) for i in ids],
        "keys": [[key, [local[i] for i in found]] for key, found in entries],
    }


def _chunks(index: dict, target: int) -> list[tuple[str, bytes]]:
    """(first key, JSON) of each chunk: keys taken in order until the chunk reaches `target` gzipped."""
    entries = _key_entries(index)
    # the size of each key's own entry, to decide where to cut without compressing at every step
    sizes = [len(gzip.compress(_json(_chunk([e], index)), 6)) for e in entries]
    out, start, acc = [], 0, 0
    for n, size in enumerate(sizes):
        if acc and acc + size > target * 1.6:  # entries compress better together than alone
            out.append((entries[start][0], _json(_chunk(entries[start:n], index))))
            start, acc = n, 0
        acc += size
    if start < len(entries):
        out.append((entries[start][0], _json(_chunk(entries[start:], index))))
    return out


def split_index(index: dict, target: int = CHUNK_BYTES) -> dict[str, bytes]:
    """The index as files: {path relative to the index folder: bytes}."""
    files: dict[str, bytes] = {}
    chunks = _chunks(index, target)
    for n, (_, data) in enumerate(chunks):
        files[f"t/{n}.json"] = data
    by_page: dict[int, list] = defaultdict(list)
    for page, anchor, heading, text in index["sections"]:
        by_page[page].append([anchor, heading, text])
    for p, (location, title) in enumerate(index["pages"]):
        files[f"f/{p}.json"] = _json({"url": location, "title": title, "sections": by_page[p]})
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    files["manifest.json"] = _json(
        {
            "format": FORMAT,
            "v": digest.hexdigest()[:12],
            "language": index["language"],
            # sections per page, in page order: section ids are consecutive within a page
            "sections": [len(by_page[p]) for p in range(len(index["pages"]))],
            "chunks": [first for first, _ in chunks],
        }
    )
    return files
