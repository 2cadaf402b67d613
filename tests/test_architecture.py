"""The package's layout is its flow: load → model → render → publish → mkdocs adapters, with no import circles."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "lpl"
# What each layer may import from the package (besides itself): the flow, read left to right.
ALLOWED = {
    "model": set(),
    "search": {"model"},  # the Welsh mutations it indexes by (model/welsh.py), which the term check reads too
    "load": {"model"},
    "render": {"model"},
    "publish": {"model", "render"},
    "editorial": {"model", "load", "publish"},
    "cli": {"model", "load", "render", "publish", "editorial"},
    "mkdocs": {"model", "load", "render", "publish", "search"},  # not editorial: the editors' tools are not the build
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Modules of lpl that `path` imports at any depth of its code (inside functions too)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "lpl" or target.startswith("lpl."):
                found.add(target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name == "lpl" or a.name.startswith("lpl.")}
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges = {}
    for name, path in modules.items():
        edges[name] = {t for t in imports(path) if t in modules and t != name}
    return edges


def test_no_import_circles():
    edges = graph()
    visiting, done, cycles = set(), set(), []

    def visit(node, trail):
        if node in done:
            return
        if node in visiting:
            cycles.append(trail[trail.index(node) :] + [node])
            return
        visiting.add(node)
        for nxt in sorted(edges[node]):
            visit(nxt, trail + [node])
        visiting.discard(node)
        done.add(node)

    for node in sorted(edges):
        visit(node, [])
    assert not cycles, "import circles: " + "; ".join(" → ".join(c) for c in cycles)


def test_layers_import_only_what_comes_before_them_in_the_flow():
    wrong = []
    for name, targets in graph().items():
        parts = name.split(".")
        if len(parts) < 2 or parts[1] not in ALLOWED:
            continue
        for target in targets:
            layer = target.split(".")[1] if target.count(".") else None
            if layer and layer != parts[1] and layer not in ALLOWED[parts[1]]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_only_the_adapters_know_mkdocs():
    users = [
        module_name(p)
        for p in PACKAGE.rglob("*.py")
        if any(
            isinstance(n, (ast.Import, ast.ImportFrom))
            and any(
                (getattr(n, "module", None) or a.name or "").split(".")[0] == "mkdocs" and not getattr(n, "level", 0)
                for a in n.names
            )
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert users and all(u.startswith("lpl.mkdocs.") for u in users), users


def test_a_frameworks_facts_are_listed_only_in_the_registry():
    """lpl/model/registry.py is the one list of the frameworks: no other module of the package writes a framework's
    page or data file (they ask the registry, `framework(key).page`), and no two frameworks share a fact."""
    from lpl.model.registry import FRAMEWORKS

    facts = [fact for f in FRAMEWORKS for fact in (f.page, f.data_file)]
    found = [
        f"{p.relative_to(PACKAGE)}:{node.lineno}: {fact}"
        for p in sorted(PACKAGE.rglob("*.py"))
        if p != PACKAGE / "model" / "registry.py"
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        for fact in facts
        if fact in node.value
    ]
    assert found == []
    for name in ("key", "field", "page", "facet"):
        values = [getattr(f, name) for f in FRAMEWORKS]
        assert len(set(values)) == len(values), name


def test_the_wheel_holds_only_the_product_and_package_data_globs_all_match():
    """bench/ and tests/ stay in the checkout; a package-data glob that matches nothing is a stale line."""
    config = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert [p.name for p in PACKAGE.parent.iterdir() if (p / "__init__.py").exists()] == ["lpl"]
    globs = config["tool"]["setuptools"]["package-data"]["lpl"]
    assert [g for g in globs if not any(f.is_file() for f in PACKAGE.glob(g))] == []


def test_mkdocs_is_pinned_below_2_here_and_in_the_lock():
    """MkDocs 2's pre-releases drop the plugin system the site is built with: pip must never pick one, for MkDocs
    or for ProperDocs, the second engine (its parity with MkDocs: tests/test_engines.py)."""
    from packaging.requirements import Requirement

    config = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    project = config["project"]
    declared = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]
    lock = (PACKAGE.parents[1] / "requirements.lock").read_text(encoding="utf-8").splitlines()
    locked = [Requirement(line) for line in lock if line and not line.startswith("#")]
    for name in ("mkdocs", "properdocs"):
        pins = [r.specifier for r in declared + locked if r.name == name]
        assert len(pins) == 2, name
        for pin in pins:
            assert not pin.contains("2.0.0a1", prereleases=True) and not pin.contains("2.0.0"), (name, pin)
            assert pin.contains("1.6.1") or pin.contains("1.6.7"), (name, pin)


def test_no_sys_path_edits_anywhere():
    """The package is installed (`pip install -e .`), bench/ and tests/ found through pytest's pythonpath."""
    repo = PACKAGE.parents[1]
    found = [
        str(p.relative_to(repo))
        for folder in ("plugins", "bench", "scripts", "tests")
        for p in (repo / folder).rglob("*.py")
        if "sys.path." in p.read_text(encoding="utf-8") and p.name != "test_architecture.py"
    ]
    assert found == []


def test_one_command_runs_every_editorial_tool_and_the_scripts_are_shims():
    import subprocess
    import sys

    lpl = Path(sys.executable).with_name("lpl")
    usage = subprocess.run([lpl, "--help"], capture_output=True, text=True)
    assert usage.returncode == 0 and all(
        f"lpl {c}" in usage.stdout for c in ("validate", "new", "preview", "report", "plan")
    )
    checked = subprocess.run([lpl, "validate"], cwd=PACKAGE.parents[1], capture_output=True, text=True)
    assert checked.returncode == 0 and "case studies checked" in checked.stderr, checked.stderr
    for name in ("validate", "new_case_study", "preview", "translation_report", "make_plan", "bench"):
        script = PACKAGE.parents[1] / "scripts" / f"{name}.py"
        assert len(script.read_text(encoding="utf-8").splitlines()) <= 15, f"{script.name} is more than a shim"
