"""The rendered reports, read as the Turkish review read them: suffixes after numbers and chart formats.

The sector-selection notebook is rendered with papermill for one province in Turkish and English
(the bundled sample).  Every ``number'suffix`` in the visible text and in every string of the
Plotly figures (trace and layout: hover labels, tick texts, legend names, annotations) must be one
that :func:`clusterlib.i18n.inflect` writes for that number (the review found ``%100'inde``,
``ilk 5'da``; ``../shared/reviews/turkish-report-review.md`` §1a), and the charts must write
numbers as the text does (§3: ``%8,3`` not ``8,3%``, ``0,25`` not ``0.25``, one minus sign).
"""

from __future__ import annotations

import html as html_lib
import json
import re

import pytest

from clusterlib import i18n
from clusterlib.run import run

pytestmark = pytest.mark.slow

#: A number as displayed (sign, per-cent sign, groups, decimals) followed by an apostrophe and a suffix.
NUMBER_SUFFIX = re.compile(r"(?<![\w.,%])([+\-−]?%?\d(?:[\d.]*\d)?(?:,\d+)?)'(\w+)")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("i18n_reports")
    out = {}
    for lang in ("tr", "en"):
        results = run(
            ["Çorum"],
            ["sector_selection"],
            lang=lang,
            out_dir=root / "reports",
            processed_dir=root / "processed",
            progress=False,
            jobs=1,
        )
        assert [(r.ok, r.error) for r in results] == [(True, None)]
        out[lang] = results[0].output.read_text(encoding="utf-8")
    return out


def _visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page))


def _figures(page: str) -> list[tuple[list, dict]]:
    """(data, layout) of every ``Plotly.newPlot`` call of a page."""
    figures = []
    decoder = json.JSONDecoder()
    for call in re.finditer(r"Plotly\.newPlot\(\s*\"[^\"]+\",\s*", page):
        data, end = decoder.raw_decode(page, call.end())
        layout_start = re.match(r"\s*,\s*", page[end:]).end() + end
        layout, _ = decoder.raw_decode(page, layout_start)
        figures.append((data, layout))
    return figures


def _strings(value: object, key: str = "") -> list[tuple[str, str]]:
    """Every (key, string) inside a JSON value."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [item for k, v in value.items() for item in _strings(v, k)]
    if isinstance(value, list):
        return [item for v in value for item in _strings(v, key)]
    return []


def _helper_forms(number: str) -> set[str]:
    return {i18n.inflect(number, case)[len(number) + 1 :] for case in i18n.CASES}


def test_every_suffix_after_a_number_is_the_helpers(pages):
    page = pages["tr"]
    texts = [_visible_text(page)] + [
        s for data, layout in _figures(page) for _, s in _strings([data, layout])
    ]
    found = [(number, suffix) for text in texts for number, suffix in NUMBER_SUFFIX.findall(text)]
    wrong = sorted({f"{n}'{s}" for n, s in found if s not in _helper_forms(n)})
    assert wrong == []
    # the scan is not vacuous: the robustness sentence, the table header and the chart carry suffixes
    shown = {f"{n}'{s}" for n, s in found}
    assert "5'te" in shown and any(item.startswith("%") for item in shown), shown


def test_turkish_charts_write_numbers_as_the_text_does(pages):
    figures = _figures(pages["tr"])
    assert len(figures) >= 5
    for data, layout in figures:
        assert layout.get("separators") == ",."
        for key, text in _strings([data, layout]):
            if key == "hovertemplate":
                # no d3 number format left to Plotly: values come preformatted in customdata
                assert not re.search(r"%\{[xyz]:", text), text
            if key in ("ticktext", "customdata", "text", "hovertemplate"):
                assert not re.search(r"\d%", text), (key, text)  # Turkish: %8,3, never 8,3%
                assert not re.search(r"(?<![\w.])\d+\.\d{1,2}(?!\d)", text), (key, text)  # 0,25, not 0.25
                assert not re.search(r"(?<![\w-])-\d", text), (key, text)  # minus is U+2212, as in the text
    ticks = [t for data, layout in figures for k, t in _strings(layout) if k == "ticktext"]
    assert any(t.startswith("%") for t in ticks), ticks  # a per-cent axis, written the Turkish way
    assert any("," in t for t in ticks), ticks  # a decimal axis (LQ 0,25 / 0,5)


def test_english_charts_write_english_numbers(pages):
    figures = _figures(pages["en"])
    ticks = [t for data, layout in figures for k, t in _strings(layout) if k == "ticktext"]
    assert all(layout.get("separators") == ".," for _, layout in figures)
    assert any(re.fullmatch(r"−?\d+%", t) for t in ticks), ticks
    assert any(re.fullmatch(r"0\.\d+", t) for t in ticks), ticks


def test_turkish_report_text_follows_the_review(pages):
    """A few of the review's corrections, as they read in the rendered report (§1–§4)."""
    text = " ".join(_visible_text(pages["tr"]).split())
    assert "ilk 5'da" not in text and "5'da" not in text and "%100'inde" not in text
    assert "Değişim-payı (shift-share) analizi" in text
    assert "sektörel yapı (endüstri karması) etkisi" in text
    assert "kişi değişti" not in text and re.search(r"istihdam [\d.]+ kişi (arttı|azaldı)", text)
    assert "işbirliği" not in text and "iş birliği" in text
    assert "firma kuruluşu" not in text and "yavaşlayan" not in text
    assert "yerelleşme katsayısı (LQ)" in text
    assert re.search(r"\d{1,2}:\d{2} TSİ", text)  # the time carries its zone
    assert "Kısa liste büyüklüğü (top_k)" in text  # provenance parameters in Turkish
