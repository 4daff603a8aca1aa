"""The catalogue files: every text in both languages with the same slots, every key the code uses.

The report texts live in ``clusterlib/resources/strings/<module>.yaml`` (issue 18: strings in
resource files, not registered in code).  These tests fail when an entry lacks Turkish or English,
when the slots of the two texts differ, when code or a notebook asks for a key that no catalogue
file has, or when a module registers texts in code again.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from clusterlib import i18n
from clusterlib.i18n.catalogue import catalogue_files, catalogue_problems, read_catalogue

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "clusterlib"
#: Calls whose first argument is a catalogue key.
KEY_CALLS = {"t", "template", "has_string"}


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _keys_used(source: str, where: str) -> list[tuple[str, str, bool]]:
    """``(where:line, key or f-string prefix, is_prefix)`` of every key passed to ``t``/``template``."""
    used = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _call_name(node) in KEY_CALLS and node.args):
            continue
        first = node.args[0]
        place = f"{where}:{node.lineno}"
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            used.append((place, first.value, False))
        elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
            used.append((place, str(first.values[0].value), True))
    return used


def _code_sources() -> list[tuple[str, str]]:
    sources = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))]
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells):
            if cell["cell_type"] == "code":
                text = "".join(cell["source"])
                lines = [line for line in text.splitlines() if not line.lstrip().startswith(("%", "!"))]
                sources.append((f"{notebook.relative_to(ROOT)}[cell {number}]", "\n".join(lines)))
    return sources


def test_the_catalogue_files_hold_every_text():
    names = catalogue_files()
    assert len(names) >= 30
    keys = [key for name in names for key in read_catalogue(name)]
    assert len(keys) == len(set(keys)), "a key is defined in two catalogue files"
    assert set(keys) <= set(i18n.registered_keys())
    assert len(keys) >= 1000


@pytest.mark.parametrize("name", catalogue_files())
def test_every_entry_has_both_languages_and_the_same_slots(name):
    assert catalogue_problems(read_catalogue(name)) == []


def test_a_missing_language_or_a_different_slot_is_found():
    problems = catalogue_problems(
        {
            "demo.ok": {"tr": "{n|num} firma", "en": "{n|num} firms"},
            "demo.slot": {"tr": "{n} firma", "en": "{count} firms"},
            "demo.no_en": {"tr": "yalnız Türkçe"},
            "demo.empty": {"tr": "boş değil", "en": " "},
        }
    )
    assert problems == [
        "'demo.slot': the slots differ (tr: n; en: count)",
        "'demo.no_en': needs a text in tr and en",
        "'demo.empty': needs a text in tr and en",
    ]


def test_every_key_the_code_and_the_notebooks_use_is_in_a_catalogue():
    keys = set(i18n.registered_keys())
    missing = []
    checked = 0
    for where, source in _code_sources():
        for place, key, is_prefix in _keys_used(source, where):
            if "." not in key:  # not a catalogue key (e.g. a doctest's own demo string)
                continue
            checked += 1
            found = any(k.startswith(key) for k in keys) if is_prefix else key in keys
            if not found:
                missing.append(f"{place}: {key}{'…' if is_prefix else ''}")
    assert checked > 300
    assert missing == []


def test_a_key_missing_from_the_catalogues_is_found():
    used = _keys_used('t("needs.h.title", "tr")\nt(f"demo.nowhere.{k}", lang)', "demo.py")
    keys = set(i18n.registered_keys())
    assert used == [("demo.py:1", "needs.h.title", False), ("demo.py:2", "demo.nowhere.", True)]
    assert used[0][1] in keys
    assert not any(k.startswith(used[1][1]) for k in keys)


def test_no_module_registers_texts_in_code():
    registering = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if path.parent.name != "i18n" and "add_strings(" in path.read_text(encoding="utf-8")
    ]
    assert registering == []
