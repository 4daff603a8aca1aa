"""Tests of the string catalogue: slots, filters, and every registered template in both languages.

Every module of clusterlib (and of each step package) is imported so that all the texts it
registers with :func:`clusterlib.i18n.add_strings` are in the catalogue; each template is then
rendered in Turkish and English with many numbers.  A Turkish template must never hard-write a
suffix after a slot (``{k}'da``): the suffix comes from a case filter (``{k|loc}``), and every
``digit'suffix`` in a rendered text must be exactly what :func:`clusterlib.i18n.inflect` writes.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import clusterlib
from clusterlib import i18n
from clusterlib.i18n import MINUS, add_strings, render, t
from clusterlib.i18n.catalogue import FILTERS

_NUMERIC = {"num", "pct", "signed", "signed_pct", "ratio", "abs", "sign", "plural", "ord"}
_TEXT = {"lower", "cap", "upper", "proper", "common", "compound"}

#: Numbers that exercise every suffix class: 0-10, tens, 100, thousands, decimals, negatives.
NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 30, 40, 50, 60, 70, 80, 90, 99, 100, 1000]
NUMBERS += [2024, 62_866, 1_000_000, 0.005, 0.083, 0.996, 2.675, 2.82, -546, -0.023, 3.3]
NAMES = ["Çorum", "gıda imalatı", "Bilgisayar, elektronik ve optik ürünler", "İnsan sağlığı", "TÜİK"]


def _import_everything() -> list[str]:
    names = []
    for module in pkgutil.walk_packages(clusterlib.__path__, prefix="clusterlib."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
        names.append(module.name)
    return names


_import_everything()
KEYS = i18n.registered_keys()
_SLOT = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_AFTER_DIGIT = re.compile(r"(\S*\d)'(\w+)")


def _slots(text: str) -> list[tuple[str, list[str], str]]:
    """(field, filters, format spec) of every slot of ``text``."""
    out = []
    for match in _SLOT.finditer(text):
        if match.group(1) is None:
            continue
        name, *filters = match.group(1).split("|")
        spec = ""
        if not filters and ":" in name:
            name, spec = name.split(":", 1)
        out.append((name.strip(), [f.split(":")[0] for f in filters], spec))
    return out


def _fields(key: str, number: float, name: str) -> dict[str, object]:
    """A value for every slot of ``key`` in both languages, chosen by how the slot is used."""
    uses: dict[str, set[str]] = {}
    for lang in i18n.LANGUAGES:
        for field, filters, spec in _slots(i18n.template(key, lang)):
            uses.setdefault(field, set()).update(filters, {"spec"} if spec else set())
    fields: dict[str, object] = {}
    for field, used in uses.items():
        if "list" in used:
            fields[field] = [name, "Makine ve ekipman", "Tekstil"]
        elif used & (_NUMERIC | {"spec"}):
            fields[field] = number
        elif used & _TEXT:
            fields[field] = name
        else:
            fields[field] = int(abs(number)) if float(number).is_integer() else name
    return fields


def test_every_module_registers_its_strings():
    """The import above reached the step packages' catalogues (not only the core strings)."""
    prefixes = {key.split(".")[0] for key in KEYS}
    assert {"report", "index", "status", "chart", "selection"} <= prefixes


@pytest.mark.parametrize("key", KEYS)
def test_every_template_renders_in_both_languages(key):
    for number in NUMBERS:
        for name in NAMES:
            fields = _fields(key, number, name)
            for lang in i18n.LANGUAGES:
                text = t(key, lang, **fields) if fields else t(key, lang)
                assert text.strip(), (key, lang)
                if fields:
                    assert "{" not in text and "}" not in text, (key, lang, text)
                assert "nan" not in text.lower().split(), (key, lang, text)
                if lang == "tr":
                    for shown, suffix in _AFTER_DIGIT.findall(text):
                        assert i18n.inflect(shown, "loc") and _is_helper_suffix(shown, suffix), (key, text)


def _is_helper_suffix(shown: str, suffix: str) -> bool:
    """True when ``shown'suffix`` is one of the forms :func:`inflect` writes for ``shown``."""
    body = shown.lstrip("(")
    forms = {i18n.inflect(body, case)[len(body) + 1 :] for case in i18n.CASES}
    return suffix in forms


@pytest.mark.parametrize("key", KEYS)
def test_no_suffix_is_hard_written_after_a_slot(key):
    """``{k}'da`` is wrong for most k; a template writes ``{k|loc}`` instead."""
    text = i18n.template(key, "tr")
    assert not re.search(r"\}'\w", text), text
    for shown, suffix in _AFTER_DIGIT.findall(text):  # a literal number: its suffix must be right
        assert _is_helper_suffix(shown, suffix), (key, f"{shown}'{suffix}")


def test_slot_filters():
    """Worked examples of the review (turkish-report-review.md, sections 1 and 5)."""
    assert render("ilk {k|loc}", "tr", k=5) == "ilk 5'te"
    assert render("senaryoların {p|pct:0|poss_loc}", "tr", p=0.996) == "senaryoların %100'ünde"
    assert render("senaryoların {p|pct:0|poss_loc}", "tr", p=0.99) == "senaryoların %99'unda"
    assert render("{p|pct:0|poss_loc}", "en", p=0.99) == "99%"
    assert (
        render("istihdam {c|abs|num} kişi {c|sign:arttı:azaldı}", "tr", c=5202) == "istihdam 5.202 kişi arttı"
    )
    assert (
        render("istihdam {c|abs|num} kişi {c|sign:arttı:azaldı}", "tr", c=-1234)
        == "istihdam 1.234 kişi azaldı"
    )
    assert render("etki {x|signed}", "tr", x=-546) == f"etki {MINUS}546"
    assert render("{r|ratio}", "tr", r=0.894) == "0,89 katı"
    assert render("{s|lower|loc}", "tr", s="Ana metal sanayii") == "ana metal sanayiinde"
    assert render("{s|lower|list}", "tr", s=["İnsan sağlığı", "Tekstil"]) == "insan sağlığı ve tekstil"
    assert render("{n} {n|plural:sector:sectors}", "en", n=1) == "1 sector"
    assert render("{{literal}} {year}", "tr", year=2024) == "{literal} 2024"
    assert render("{x:.1f}", "en", x=2.25) == "2.2"  # a plain slot is str.format, as before


def test_slot_errors_are_clear():
    add_strings({"test.slot_errors": {"tr": "{a|loc} {b|nope}", "en": "{a} {b}"}})
    with pytest.raises(KeyError, match=r"'test\.slot_errors' needs a value for 'a'"):
        t("test.slot_errors", "tr", b=1)
    with pytest.raises(ValueError, match="unknown filter 'nope'"):
        t("test.slot_errors", "tr", a=1, b=1)
    with pytest.raises(TypeError, match=r"format the number before the case suffix 'loc'"):
        render("{a|loc}", "tr", a=2.5)


def test_filters_are_documented():
    doc = i18n.catalogue.__doc__
    assert all(name in doc for name in FILTERS)


def test_any_field_name_works():
    """A text may have a slot called ``key`` or ``lang`` (the data messages do)."""
    add_strings({"test.field_names": {"tr": "{key|loc} {lang}", "en": "{key} {lang}"}})
    assert t("test.field_names", "tr", key="NACE", lang="x") == "NACE'de x"
