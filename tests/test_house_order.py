"""House order of the package, read from the source with :mod:`ast` (issue 18).

* No module uses another package's private names: ``from clusterlib.report._files import x``,
  ``from clusterlib.nace.codes import _check_lang`` or ``module._private`` across packages, nor
  ``sys.modules[...]._private``.  A *package* is the folder a module sits in (``clusterlib.data.sample``
  and ``clusterlib.data`` are two); private modules and names stay usable inside their own folder
  (``specialization/_arrays.py``), as STYLE.md allows.
* Modules stay under 400 lines, with at most three exceptions in the whole package, each giving its
  reason in a ``# size:`` comment at its top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import clusterlib

ROOT = Path(clusterlib.__file__).parent
MAX_LINES = 400
MAX_EXCEPTIONS = 3


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_of(module: str) -> str:
    """The folder package of a module: itself for a package, else its parent."""
    path = ROOT.parent.joinpath(*module.split("."))
    return module if (path / "__init__.py").exists() else module.rpartition(".")[0]


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def private_uses(path: Path) -> list[str]:
    """Every use in ``path`` of a private name of another package, as ``file:line: what``."""
    module = _module_name(path)
    home = _package_of(module)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(ROOT.parent)
    found: list[str] = []
    bound: dict[str, str] = {}  # local name -> the clusterlib module or name it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _absolute(module, path, node)
            if not target.startswith("clusterlib"):
                continue
            foreign = _package_of(target) != home
            private_module = any(_is_private(p) for p in target.split(".")[1:])
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{target}.{alias.name}"
                if foreign and (private_module or _is_private(alias.name)):
                    found.append(f"{where}:{node.lineno}: from {target} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if not alias.name.startswith("clusterlib"):
                    continue
                bound[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else "clusterlib"
                if _package_of(alias.name) != home and any(_is_private(p) for p in alias.name.split(".")):
                    found.append(f"{where}:{node.lineno}: import {alias.name}")
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _is_private(node.attr)):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in bound:
            target = bound[node.value.id]
            if _package_of(target) != home:
                found.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
        elif isinstance(node.value, ast.Subscript) and ast.unparse(node.value.value) == "sys.modules":
            found.append(f"{where}:{node.lineno}: sys.modules[...].{node.attr}")
    return found


def test_no_module_uses_another_packages_private_names():
    found = [use for path in sorted(ROOT.rglob("*.py")) for use in private_uses(path)]
    assert found == [], "private names used across packages:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from clusterlib.report._files import atomic_write_text\n", "from clusterlib.report._files import"),
        ("from clusterlib.nace.codes import _check_lang\n", "import _check_lang"),
        ("from clusterlib.report import runner\nrunner._kernel_dir()\n", "runner._kernel_dir"),
        ("import sys\nsys.modules['clusterlib.data.sample']._CAL\n", "sys.modules[...]._CAL"),
    ],
)
def test_the_scan_finds_each_kind_of_private_use(tmp_path, monkeypatch, source, expected):
    """The scanner is tested on a module it must reject, placed as ``clusterlib/selection/x.py``."""
    package = tmp_path / "clusterlib" / "selection"
    package.mkdir(parents=True)
    (tmp_path / "clusterlib" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (tmp_path / "clusterlib" / "report").mkdir()
    (tmp_path / "clusterlib" / "report" / "__init__.py").write_text("")
    (tmp_path / "clusterlib" / "nace").mkdir()
    (tmp_path / "clusterlib" / "nace" / "__init__.py").write_text("")
    module = package / "x.py"
    module.write_text(source)
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path / "clusterlib")
    uses = private_uses(module)
    assert len(uses) == 1 and expected in uses[0], uses


def test_private_names_inside_their_own_package_are_allowed(tmp_path, monkeypatch):
    package = tmp_path / "clusterlib" / "specialization"
    package.mkdir(parents=True)
    (tmp_path / "clusterlib" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    module = package / "lq.py"
    module.write_text("from ._arrays import _lq\nfrom clusterlib.specialization._checks import _check\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path / "clusterlib")
    assert private_uses(module) == []


def _sized_modules() -> list[Path]:
    """Every module of clusterlib (all packages are on the template now)."""
    return sorted(ROOT.rglob("*.py"))


def test_modules_stay_under_400_lines_with_at_most_three_stated_exceptions():
    too_long, unexplained = [], []
    for path in _sized_modules():
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) <= MAX_LINES:
            continue
        too_long.append(f"{path.relative_to(ROOT.parent)}: {len(lines)} lines")
        if not any(line.startswith("# size:") for line in lines[:5]):
            unexplained.append(too_long[-1])
    assert unexplained == [], "modules over 400 lines without a '# size:' reason at the top:\n" + "\n".join(
        unexplained
    )
    assert len(too_long) <= MAX_EXCEPTIONS, "more than three modules over 400 lines:\n" + "\n".join(too_long)


def test_no_test_file_passes_800_lines():
    tests = Path(__file__).resolve().parent
    long = [
        f"{path.relative_to(tests.parent)}: {n} lines"
        for path in sorted(tests.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 800
    ]
    assert long == [], "test files over 800 lines:\n" + "\n".join(long)
