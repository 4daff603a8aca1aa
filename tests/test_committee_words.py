"""The words of the reports as the committee member corrected them (issue 19, item 10).

Committee review: ``shared/reviews/committee-review.md``, problem 6 ("two names for one thing"),
§2 (suffixes after numbers rather than "… kadarı", "N tanesi") and the 72 Turkish corrections.  The
tests read the catalogue files of sector selection, the report frame and the national, info-spot and
knowledge pages, and the sentences sector selection writes for a pilot and a non-pilot province.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from clusterlib.config import RESOURCES_DIR
from clusterlib.i18n import has_string
from clusterlib.report.glossary import lookup

STRINGS = RESOURCES_DIR / "strings"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

#: The catalogue files of this issue's texts, with the key prefixes that belong to it.
FILES: dict[str, tuple[str, ...]] = {
    "selection.findings.yaml": ("",),
    "selection.wording.yaml": ("",),
    "selection.notes.yaml": ("",),
    "selection.presentation.yaml": ("",),
    "selection.diversification.findings.yaml": ("",),
    "selection.diversification.report.yaml": ("",),
    "selection.diversification.charts.yaml": ("",),
    "selection.charts.yaml": ("",),
    "selection.maps.yaml": ("",),
    "national.text.yaml": ("",),
    "knowledge.labels.yaml": ("",),
    "monitoring.labels.yaml": ("pages.", "kb."),
    "report.marks.yaml": ("",),
    "run.index.yaml": ("",),
    "report.export.yaml": ("",),
}

_ABBREVIATION = re.compile(r"(?<![\w])[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ0-9]+(?:[-–/][A-ZÇĞİÖŞÜ0-9]+)*(?![\w])")
#: Capitals that are emphasis, not abbreviations (the synthetic-data mark, the gap mark).
_NOT_ABBREVIATIONS = {"SENTETİK", "ÖRNEK", "VERİ", "SYNTHETIC", "SAMPLE", "DATA", "EVET", "YES"}
#: Messages to whoever maintains the knowledge-base file (file formats, column names), not report text.
_MAINTAINER_KEYS = ("kb.err.", "kb.help.", "kb.conflicts")


def _texts() -> list[tuple[str, str, str]]:
    """(key, language, text with the slots removed) of every text of :data:`FILES`."""
    out = []
    for name, prefixes in FILES.items():
        entries = yaml.safe_load((STRINGS / name).read_text(encoding="utf-8"))
        for key, entry in entries.items():
            if not key.startswith(prefixes) or key.startswith(_MAINTAINER_KEYS):
                continue
            for lang in ("tr", "en"):
                out.append((key, lang, re.sub(r"\{[^{}]*\}", " ", str(entry[lang]))))
    return out


@pytest.fixture(scope="module")
def selections():
    from clusterlib.data import load_tables
    from clusterlib.selection import analyse_sector_selection

    tables = load_tables(tables=["employment", "exports", "stakeholders", "initiatives"])
    return {p: analyse_sector_selection(p, tables=tables, n_simulations=100) for p in ("Samsun", "Çorum", "Hakkari")}


def _selection_sentences(selections) -> list[tuple[str, str, str]]:
    out = []
    for province, selection in selections.items():
        for lang in ("tr", "en"):
            report = selection.present(lang)
            for field, value in vars(report.findings).items():
                if isinstance(value, str):
                    out.append((f"{province}.{field}", lang, value))
            table = report.ranking_table()
            why = [str(v) for v in table.frame.iloc[:, -1]] if hasattr(table, "frame") else []
            out += [(f"{province}.why", lang, text) for text in why]
    return out


def test_the_checks_read_the_catalogues():
    texts = _texts()
    assert len(texts) > 400
    assert any(key.startswith("pages.") for key, _, _ in texts)
    assert not any(key.startswith("monitoring.finding") for key, _, _ in texts)


def test_every_abbreviation_of_these_texts_has_a_glossary_entry(selections):
    """Problem 6: an abbreviation a reader meets in these texts (TOPSIS, PCI, COG, AKÜ, SGK, SES …) is
    explained in the glossary, in either language."""
    missing: dict[str, set[str]] = {}
    for key, _lang, text in _texts() + _selection_sentences(selections):
        for token in _ABBREVIATION.findall(text):
            if token not in _NOT_ABBREVIATIONS and lookup(token) is None:
                missing.setdefault(token, set()).add(key)
    assert missing == {}


def test_glossary_lookup_can_fail():
    assert lookup("XQZ") is None and lookup("TOPSIS") is not None


#: Machine-made counting the committee flagged (§2) and one name per concept (problem 6):
#: the old name → the name kept.  The glossary may name an old term to say what it is not.
_WORDS = {
    r"\btanesi\b": "bunların 8'i / hepsi",
    r"\bkadarı\b": "%7,2'si",
    r"sektör sayısı \d|sayısı \{": "N sektör var: …",
    r"\bSEGE\b": "Sosyoekonomik statü (SES) puanı",
    r"[İi]lişkililik yoğunluğu|[İi]lişkili yoğunluk|ilişkili sektörlerin yoğunluğu": "ilişkili sektör yoğunluğu",
    r"[Gg]örünüm kazancı": "karmaşıklık kazancı",
    r"\bortanca": "medyan",
    r"[Kk]işi başı GSYH": "kişi başına GSYH",
    r"Bilgi Noktası": "Kümelenme Bilgi Merkezi",
    r"OpenStreetMap contributors": "© OpenStreetMap katkıda bulunanları",
    r"\bSkor\b": "Puan",
    r"küçük ölçekli işyeri yapısı": "ortalama işyeri büyüklüğü",
    r"\bRCA\b": "AKÜ (in Turkish)",
}


def test_turkish_texts_use_one_name_per_concept_and_no_counting_words(selections):
    found = []
    for key, lang, text in _texts() + _selection_sentences(selections):
        if lang != "tr":
            continue
        for pattern, instead in _WORDS.items():
            if re.search(pattern, text):
                found.append(f"{key}: /{pattern}/ → {instead}")
    assert found == []


def test_word_check_can_fail():
    assert re.search(r"\btanesi\b", "7 alandan 7 tanesinde".replace("tanesinde", "tanesi"))
    assert re.search(list(_WORDS)[4], "İlişkili yoğunluk (0–100)") and re.search(list(_WORDS)[4], "ilişkili yoğunluk")


def test_english_texts_are_english(selections):
    """The English report is fully English: no Turkish letters outside names (the committee found the
    sector-selection technical section in Turkish)."""
    allowed = re.compile(r"Türkiye|TÜİK|AKÜ|İBBS|MEDİKÜM|KOSGEB|TÜBİTAK|SENTETİK|ÖRNEK|VERİ|Çorum|İstanbul|İzmir|"
                         r"Düzce|Tekirdağ|Muğla|Elazığ|Kahramanmaraş|Bartın|Ağrı|Iğdır|Şanlıurfa|Diyarbakır|Aydın|"
                         r"Balıkesir|Eskişehir|Kütahya|Gümüşhane|Nevşehir|Kırşehir|Kırıkkale|Kırklareli|Niğde|Uşak|"
                         r"Çanakkale|Çankırı|Bingöl|Muş|Şırnak|Tunceli|Karabük|Düzce|OSTİM|İnovİZ|İAOSB")  # fmt: skip
    turkish = re.compile(r"[çğıöşüÇĞİÖŞÜ]")
    found = []
    for key, lang, text in _texts() + _selection_sentences(selections):
        if lang == "en" and turkish.search(allowed.sub("", text)):
            found.append(f"{key}: {text[:80]}")
    assert found == []


def test_every_notebook_parameter_has_a_label():
    """Committee correction 35: the technical section names each parameter in the report's language
    ("Küme (cluster)"), not by its code name alone."""
    names = set()
    for notebook in NOTEBOOKS.glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        source = next("".join(c["source"]) for c in cells if "parameters" in c.get("metadata", {}).get("tags", []))
        names |= set(re.findall(r"^(\w+)\s*[:=]", source, flags=re.M))
    assert {"province", "cluster", "n_boot", "delta", "gold", "rca_threshold"} <= names
    assert sorted(n for n in names if not has_string(f"param.{n}")) == []
