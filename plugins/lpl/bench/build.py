"""`python scripts/bench.py build`: build time as the catalogue grows, beside plain Material, and how
long an editor waits in `mkdocs serve` after saving a case study.

For each N (default 250 and 1000) a temporary copy of the project gets N case studies in all (the
examples and synthetic ones): valid, bilingual, of realistic length (their prose is drawn from the example
case studies), with random ids from the vocabularies in data/ (read with lpl.load). Ours is built
with `mkdocs build --strict`; beside it, a plain Material + static-i18n project over the very
Markdown our build generated (same pages, same navigation: case studies in the catalogue, not the
nav) without the lpl plugins. Prints both times, their ratio and the growth from the smallest to
the largest N. With --serve (on by default at the largest N), starts `mkdocs serve` on 127.0.0.1,
edits one case study's title and times until the page shows it: the whole site, then the
single-case-study preview (LPL_ONLY) where the project has it.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import yaml

from .sites import ENV, ROOT, copy_project, mkdocs_build, our_config, plain_material

TARGET_RATIO = 1.10
TARGET_GROWTH = 4.4
TARGET_WAIT = 3.0


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def _pick(rng: random.Random, ids: list[str], low: int = 1, high: int = 3) -> list[str]:
    return rng.sample(ids, min(len(ids), rng.randint(low, high)))


def synthetic_case_studies(project: Path, n: int, seed: int = 7) -> list[str]:
    """Add synthetic case studies until the project has `n` (the examples stay: guidance pages link
    to them); returns the synthetic ones' slugs."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from lpl.load import check_data, load

    vocab, problems = check_data(project)
    if vocab is None:
        raise SystemExit("data/ has errors:\n" + "\n".join(map(str, problems)))
    examples = load(project).case_studies
    rng = random.Random(seed)
    folder = project / "case_studies"
    standards = next(v for v in vocab["standards"].values() if v.current)
    scheme, categories = next(iter(vocab["language_categories"].items()))
    statements = [s.id for s in vocab["entitlement"].statements]
    slugs = []
    for i in range(n - len(examples)):
        source = rng.choice(examples)
        slug = f"synthetic-{i:04d}-{rng.choice(vocab['local_authorities'].ids)}"

        def text(field: str, study=None) -> dict:
            value = getattr(study or rng.choice(examples), field)
            return {"en": value.en, "cy": value.cy or value.en}

        doc = {
            "title": {"en": f"Synthetic case study {i}: {source.title.en}", "cy": f"Astudiaeth achos synthetig {i}: {source.title.best('cy')}"},
            "schools": [{"name": {"en": f"Synthetic School {i}", "cy": f"Ysgol Synthetig {i}"}}],
            "settings": _pick(rng, vocab["settings"].ids, 1, 2),
            "local_authority": rng.choice(vocab["local_authorities"].ids),
            "language_category": {"scheme": scheme, "category": rng.choice(categories.ids)},
            "audiences": _pick(rng, vocab["audiences"].ids, 1, 3),
            "hallmarks": _pick(rng, vocab["hallmarks"].ids, 1, 3),
            "entitlement_statements": _pick(rng, statements, 0, 2),
            "slo_dimensions": _pick(rng, vocab["slo"].ids, 0, 3),
            "professional_standards": {"version": standards.version, "standards": _pick(rng, standards.ids, 1, 2)},
            "characteristics": _pick(rng, vocab["characteristics"].ids, 0, 2),
            "contributory_factors": _pick(rng, vocab["contributory_factors"].ids, 0, 2),
            "national_priorities": _pick(rng, vocab["national_priorities"].ids, 0, 2),
            "translation": {"en": "reviewed", "cy": "draft"},
            "summary": text("summary", source),
            "context": text("context"),
            "approach": text("approach"),
            "impact": text("impact"),
            "advice": text("advice", next(s for s in examples if s.advice)),
            "published": (date(2021, 6, 1) + timedelta(days=rng.randint(0, 1800))).isoformat(),
            "example": True,
        }
        body = yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        (folder / f"{slug}.yml").write_text("# Synthetic case study for `bench.py build`.\n" + body, encoding="utf-8")
        slugs.append(slug)
    return slugs


# --- Serve: how long an editor waits -----------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(predicate, timeout: float, process: subprocess.Popen) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        if process.poll() is not None:
            raise RuntimeError("mkdocs serve stopped:\n" + (process.stderr.read() if process.stderr else ""))
        time.sleep(0.05)
    return None


def serve_wait(project: Path, slug: str, only: bool, edits: int = 2, timeout: float = 600) -> tuple[float, list[float]]:
    """Start `mkdocs serve` (with LPL_ONLY=slug if `only`), then save `edits` changes to one case study;
    returns the start-up time and the seconds from each save until the page showed the change."""
    port = _free_port()
    env = dict(ENV, SITE_URL=f"http://127.0.0.1:{port}/")
    env.pop("LPL_ONLY", None)
    if only:
        env["LPL_ONLY"] = slug
    url = f"http://127.0.0.1:{port}/case-studies/{slug}/"
    path = project / "case_studies" / f"{slug}.yml"
    original = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        if _wait_for(lambda: "Synthetic case study" in _get(url), timeout, process) is None:
            raise RuntimeError(f"mkdocs serve did not show {url} within {timeout:.0f} s")
        started = time.perf_counter() - start
        time.sleep(2)  # let the watcher settle after the first build
        waits = []
        for k in range(edits):
            marker = f"Edited {k} {time.time_ns()}"
            path.write_text(original.replace("Synthetic case study", marker, 1), encoding="utf-8")
            took = _wait_for(lambda: marker in _get(url), timeout, process)
            if took is None:
                raise RuntimeError(f"the edit did not show within {timeout:.0f} s")
            waits.append(took)
            time.sleep(1)
        return started, waits
    finally:
        path.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def has_preview_mode() -> bool:
    return (ROOT / "plugins" / "lpl" / "preview.py").exists()


# --- The benchmark ----------------------------------------------------------------------------------

def measure(n: int, tmp: Path, serve: bool) -> dict:
    project = copy_project(tmp / f"ours-{n}")
    slugs = synthetic_case_studies(project, n)
    ours = mkdocs_build(project)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    plain = plain_material(project / "docs", tmp / f"material-{n}", our_config(project))
    material = mkdocs_build(plain, strict=False)
    result = {"n": n, "ours": ours, "material": material, "pages": pages}
    print(f"N = {n:>5}: ours {ours:6.1f} s   plain Material {material:6.1f} s   ratio {ours / material:.2f}"
          f"   ({pages} pages)", flush=True)
    if serve:
        shutil.rmtree(project / "site", ignore_errors=True)
        startup, waits = serve_wait(project, slugs[n // 2], only=False)
        result["serve"] = (startup, waits)
        print(f"           mkdocs serve, whole site: ready in {startup:.1f} s; save → page shows the change: "
              + ", ".join(f"{w:.1f} s" for w in waits), flush=True)
        if has_preview_mode():
            startup, waits = serve_wait(project, slugs[n // 2], only=True)
            result["preview"] = (startup, waits)
            print(f"           preview of one case study (LPL_ONLY): ready in {startup:.1f} s; save → page shows it: "
                  + ", ".join(f"{w:.1f} s" for w in waits), flush=True)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--case-studies", type=int, nargs="+", default=[250, 1000], metavar="N")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects (printed)")
    args = parser.parse_args(argv)
    counts = sorted(set(args.case_studies))
    tmp = Path(tempfile.mkdtemp(prefix="lpl-bench-build-"))
    try:
        results = [measure(n, tmp, serve=not args.no_serve and n == counts[-1]) for n in counts]
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    last = results[-1]
    print(f"\nTargets: ratio ≤ {TARGET_RATIO:.2f} at the largest N (got {last['ours'] / last['material']:.2f})", end="")
    if len(results) > 1:
        first = results[0]
        growth = last["ours"] / first["ours"]
        print(f"; growth {last['n']}/{first['n']} ≤ {TARGET_GROWTH}× (ours {growth:.2f}×, "
              f"plain Material {last['material'] / first['material']:.2f}×)", end="")
    print()
    for key, label in (("serve", "whole-site serve"), ("preview", "preview")):
        if key in last:
            print(f"Editor's wait ≤ {TARGET_WAIT:.0f} s, {label}: {max(last[key][1]):.1f} s (worst of {len(last[key][1])})")
    return 0
