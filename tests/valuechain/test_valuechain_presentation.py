"""The value-chain step on the step template: a frozen, language-free result and its report view.

``analyse_value_chain_mapping`` returns numbers, frames, graphs and typed findings; ``present(lang)``
builds the headings, sentences, tables (column kinds by id) and charts of one language, for a pilot,
for a province without firm interviews and for a cluster without supply ties."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from html import escape

import plotly.graph_objects as go
import pytest

from clusterlib import resultcache
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import KINDS, Table, column_formats, table_html
from clusterlib.valuechain import analyse_value_chain_mapping
from clusterlib.valuechain.thresholds import THRESHOLDS
from tests.valuechain._valuechain_helpers import sample_tables, without_supply

CASES = {
    "pilot": lambda: analyse_value_chain_mapping("Samsun", tables=sample_tables()),
    "no_interviews": lambda: analyse_value_chain_mapping(30, tables=sample_tables()),  # Hakkari
    "no_supply": lambda: analyse_value_chain_mapping("Samsun", tables=without_supply("cooperation_only")),
}


@pytest.fixture(scope="module")
def results():
    return {name: build() for name, build in CASES.items()}


@pytest.fixture(scope="module")
def samsun(results):
    return results["pilot"]


def test_the_result_is_frozen_and_holds_no_language(samsun):
    names = {f.name for f in dataclasses.fields(samsun)}
    assert "lang" not in names and "cluster_name" not in names
    with pytest.raises(dataclasses.FrozenInstanceError):
        samsun.delta = 0.5  # type: ignore[misc]
    for finding in vars(samsun.findings).values():
        assert not isinstance(finding, str), "a finding is a sentence already"
        assert callable(finding.text)
    assert samsun.summary() == (
        "Samsun samsun_medical: 66 firms, 226 ties, hubs SAM-024, SAM-044, SAM-026, SAM-005, SAM-023"
    )


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_present_builds_every_table_and_chart(results, case, lang):
    view = results[case].present(lang)
    assert view.lang == lang
    for name, value in vars(view.headings).items():
        assert isinstance(value, Omitted) or (isinstance(value, str) and value.strip()), name
    for name, value in vars(view.findings).items():
        assert isinstance(value, Omitted) or (isinstance(value, str) and value.strip()), name
        if isinstance(value, str):
            assert "nan" not in value.lower().split() and "{" not in value, name
    for name, spec in view.tables().items():
        assert isinstance(spec, (Table, Notice, Omitted)), name
        if isinstance(spec, Table):
            assert set(spec.kinds) == set(spec.frame.columns), name
            assert all(str(k).split(":")[0] in KINDS for k in spec.kinds.values()), name
            column_formats(spec.frame, spec.kinds)  # every column has a valid kind
            html = table_html(spec.frame, lang=lang, kinds=spec.kinds, labels=spec.labels)
            assert all(escape(label) in html for label in spec.labels.values()), name
            assert spec.sheet and len(spec.sheet) <= 31, name
    for name, fig in view.figures().items():
        assert isinstance(fig, (go.Figure, Omitted)), name
        if isinstance(fig, go.Figure):
            assert fig.layout.title.text, f"{name} has no title"
            notes = [a.text for a in fig.layout.annotations]
            assert any(n.startswith("Kaynak:" if lang == "tr" else "Source:") for n in notes), (
                f"{name}: no source line"
            )


def test_a_province_without_interviews_and_a_cluster_without_supply_ties_say_what_is_missing(results):
    hakkari = results["no_interviews"].present("tr")
    assert hakkari.headings.title.startswith("Hakkari") and "görüşme" in hakkari.findings.network
    assert all(
        isinstance(f, Omitted)
        for f in (hakkari.cluster_map(), hakkari.stage_sankey(), hakkari.central_table())
    )
    assert isinstance(hakkari.linkages_chart(), go.Figure) and isinstance(hakkari.linkages_table(), Table)
    cooperation = results["no_supply"].present("en")
    assert isinstance(cooperation.stage_sankey(), Omitted) and isinstance(
        cooperation.cluster_map(), go.Figure
    )
    assert cooperation.findings.chain.startswith("No supply ties")


def test_turkish_and_english_tables_hold_the_same_numbers(samsun):
    tr, en = samsun.present("tr"), samsun.present("en")
    for name, spec in tr.tables().items():
        other = en.tables()[name]
        numbers = [c for c, kind in spec.kinds.items() if not kind.startswith(("text", "code"))]
        assert numbers, name
        assert spec.frame[numbers].equals(other.frame[numbers]), name
        assert spec.labels != other.labels, name


def test_turkish_figures_use_no_d3_number_format(samsun):
    """Issue 19, item 3: ticks and hovers come from the formatter, so a Turkish chart never shows '20%'."""
    d3 = re.compile(r"%\{[^}]*:[^}]*\}|tickformat")
    for name, fig in samsun.present("tr").figures().items():
        text = json.dumps(fig.to_plotly_json(), default=str)
        assert not d3.search(text), name
        assert not re.search(r"\d%(?![{\w])", " ".join(map(str, fig.layout.xaxis.ticktext or ()))), name


def test_the_isolates_sentence_says_they_were_not_interviewed(samsun):
    """Committee review: "7 firma hiçbir ilişki bildirmedi" was false; none of the 7 is a respondent."""
    relations = sample_tables()["relations"]
    relations = relations[relations["cluster"] == "samsun_medical"]
    respondents = set(relations["source"])
    assert samsun.respondents == len(respondents) == 56
    isolates = [v for v in samsun.graph if samsun.graph.degree(v) == 0]
    assert len(isolates) == samsun.network.isolates == 7 and not respondents & set(isolates)
    tr, en = samsun.present("tr").findings.network, samsun.present("en").findings.network
    assert "7 küme firmasıyla görüşülmedi ve hiçbir firma onları anmadı; bağları bilinmiyor." in tr
    assert "görüşülen 56 firmanın" in tr and "7 cluster firms were not interviewed" in en
    assert "bildirmedi" not in tr and "reported no tie" not in en


def test_sample_firm_names_carry_the_synthetic_mark_and_a_users_file_does_not(tmp_path, samsun):
    for lang, mark in (("tr", "sentetik örnek"), ("en", "synthetic sample")):
        findings = samsun.present(lang).findings
        for name in ("central", "dependence", "core"):
            assert mark in getattr(findings, name), (lang, name)
        assert mark not in findings.local  # no firm named, no mark needed
    relations = sample_tables()["relations"]
    path = tmp_path / "relations.csv"
    relations[relations["cluster"] == "samsun_medical"].to_csv(path, index=False)
    own = analyse_value_chain_mapping("Samsun", tables=sample_tables(), relations_file=path)
    assert not own.synthetic and "synthetic" not in own.present("en").findings.central
    assert "SENTETİK" not in own.present("tr").network_source


def test_national_input_output_results_are_titled_as_national(samsun):
    tr, en = samsun.present("tr"), samsun.present("en")
    assert "ulusal" in tr.headings.key and "national" in en.headings.key
    assert "ulusal" in tr.key_sector_chart().layout.title.text
    assert tr.findings.key_sector.startswith("Türkiye girdi-çıktı tablosuna göre")
    assert "Türkiye (ulusal tablo)" in tr.linkages_chart().layout.title.text


def test_the_cluster_map_labels_a_few_firms_without_overlap_and_puts_isolates_apart(samsun):
    fig = samsun.present("tr").cluster_map()
    labelled = [
        (a.x, a.y, a.text, a.yanchor, a.yshift) for a in fig.layout.annotations if a.name == "firm_label"
    ]
    assert 4 <= len(labelled) <= THRESHOLDS.labelled
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    boxes = []
    width = 680 - 20  # the printable plot area: A4 text width, the figure's height less its margins
    height = 0.65 * (fig.layout.height - fig.layout.margin.t - fig.layout.margin.b)  # as measured on paper
    for x, y, text, anchor, shift in labelled:  # label boxes in pixels: 10 px type, about 6 px a character
        px, py = (x - x0) / (x1 - x0) * width, (y - y0) / (y1 - y0) * height + shift
        w, h = 6 * len(text), 13
        bottom = py if anchor == "bottom" else py - h
        boxes.append((px - w / 2, bottom, px + w / 2, bottom + h))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), "two labels overlap"
    names = {samsun.graph.nodes[h]["name"][:10] for h in samsun.hubs}
    assert all(any(t.startswith(n) for _, _, t, *_ in labelled) for n in names)  # the hubs are named
    y_of = {}
    for trace in fig.data:
        if trace.mode == "markers" and trace.hovertext:
            for y, hover in zip(trace.y, trace.hovertext, strict=True):
                y_of[hover.split("<br>")[1].split(" · ")[0]] = y
    isolates = {v for v in samsun.graph if samsun.graph.degree(v) == 0}
    assert max(y_of[v] for v in isolates) < 0 <= min(y for v, y in y_of.items() if v not in isolates)
    assert fig.layout.height <= 760


def test_the_sankey_keeps_its_flows_and_labels_inside_the_page(samsun):
    """Committee review: printed, plotly's animated Sankey lost its flows and clipped its right-hand
    labels.  The diagram is static shapes now: one band per flow, widths by ties, labels inside."""
    from clusterlib.valuechain.sankey import sankey_geometry

    fig = samsun.present("tr").stage_sankey()
    assert not any(trace.type == "sankey" for trace in fig.data)
    bands = [s for s in fig.layout.shapes if s.type == "path"]
    nodes = [s for s in fig.layout.shapes if s.type == "rect"]
    left, right, geometry = sankey_geometry(samsun.flows)
    assert len(bands) == len(samsun.flows) and len(nodes) == len(left) + len(right)
    flows = samsun.flows
    for a, b, ties, start, end in geometry:  # a band is as wide as its share of the seller's and buyer's ties
        sells, buys = (
            flows.loc[flows["from_stage"] == a, "ties"].sum(),
            flows.loc[flows["to_stage"] == b, "ties"].sum(),
        )
        assert start[1] - start[0] == pytest.approx(ties / sells * (left[a][1] - left[a][0]))
        assert end[1] - end[0] == pytest.approx(ties / buys * (right[b][1] - right[b][0]))
    for stage, (
        y0,
        y1,
    ) in left.items():  # the bands fill their node exactly, and the nodes stay in the figure
        assert 0 <= y0 < y1 <= 1
        assert sum(g[3][1] - g[3][0] for g in geometry if g[0] == stage) == pytest.approx(y1 - y0)
    texts = [a.text for a in fig.layout.annotations]
    assert {"<b>Satan aşama</b>", "<b>Alan aşama</b>"} <= set(texts)
    assert all(0 < a.x < 1 for a in fig.layout.annotations if a.xref in (None, "x"))  # labels inside the plot
    assert fig.data[0].hovertext[0].count("→") == 1


def test_a_two_language_run_computes_the_analysis_once(tmp_path, monkeypatch):
    monkeypatch.setenv(resultcache.CACHE_ENV, str(tmp_path / "results"))
    monkeypatch.setenv(resultcache.LOG_ENV, str(tmp_path / "computed.log"))
    turkish = analyse_value_chain_mapping("Trabzon", lang="tr")
    english = analyse_value_chain_mapping("trabzon", lang="en")
    computed = Counter(line.split()[0] for line in (tmp_path / "computed.log").read_text().splitlines())
    assert computed == {"value_chain_mapping": 1}
    assert english.summary() == turkish.summary()
    assert english.present("en").headings.map != turkish.present("tr").headings.map
