"""Tests of the display helpers notebook cells call (clusterlib.report.display)."""

from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from clusterlib.report import (
    Notice,
    Omitted,
    Table,
    finding,
    heading,
    notice,
    paragraph,
    provenance,
    show,
    table,
)

XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module", autouse=True)
def shell():
    """An IPython shell, so that display() publishes rich outputs we can capture."""
    return InteractiveShell.instance()


def published(call, *args, **kwargs):
    with capture_output() as cap:
        call(*args, **kwargs)
    assert len(cap.outputs) == 1
    return cap.outputs[0].data, cap.outputs[0].metadata


# ------------------------------------------------------------------------------------------ table
def test_table_turkish_number_formats_and_escaping():
    frame = pd.DataFrame(
        {
            "firma": [XSS, "Öztürk & Oğulları"],
            "istihdam": [1234, 87],
            "lq": [1.2345, None],
            "pay": [0.125, 0.5],
        }
    )
    data, meta = published(table, frame, lang="tr", caption="Firmalar <b>", percent_cols=["pay"])
    markup = data["text/html"]
    assert meta["clusterlib"]["kind"] == "table" and meta["clusterlib"]["caption"] == "Firmalar <b>"
    # the data travel with the output, numbers as numbers, for the report's XLSX
    assert meta["clusterlib"]["table"] == {
        "columns": ["firma", "istihdam", "lq", "pay"],
        "rows": [[XSS, 1234, 1.2345, 0.125], ["Öztürk & Oğulları", 87, None, 0.5]],
        "formats": ["text", "number:0", "number:2", "percent:1"],
        "marks": [],
    }
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and XSS not in markup
    assert "Öztürk &amp; Oğulları" in markup
    assert "<caption>Firmalar &lt;b&gt;</caption>" in markup
    assert '<td class="num">1.234</td>' in markup
    assert '<td class="num">1,23</td>' in markup  # 2 decimals for non-integral floats
    assert '<td class="num">–</td>' in markup  # missing value
    assert '<td class="num">%12,5</td>' in markup and '<td class="num">%50,0</td>' in markup


def test_table_english_formats_decimals_mapping_and_index():
    frame = pd.DataFrame(
        {"jobs": [1234.0, 5.0], "lq": [1.25, 0.5]}, index=pd.Index(["a<", "b"], name="sector")
    )
    data, _ = published(table, frame, lang="en", decimals={"lq": 1})
    markup = data["text/html"]
    assert '<td class="num">1,234</td>' in markup  # whole-number floats: no decimals
    assert '<td class="num">1.3</td>' in markup and '<td class="num">0.5</td>' in markup
    assert '<th scope="col">sector</th>' in markup and '<th scope="row">a&lt;</th>' in markup


def test_table_formats_numbers_inside_text_columns():
    frame = pd.DataFrame({"value": pd.Series(["n/a", 1234.5, 7], dtype=object)})
    data, _ = published(table, frame, lang="tr")
    assert "<td>n/a</td><" in data["text/html"] and "<td>1.234,50</td>" in data["text/html"]
    assert "<td>7</td>" in data["text/html"]


def test_table_shows_years_and_codes_as_written():
    frame = pd.DataFrame({"year": [2024], "nace_code": [2893], "jobs": [2024], "id": ["x"], "n": [5]})
    data, _ = published(table, frame, lang="tr", text_cols=["n"])
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", data["text/html"])
    assert cells == ["2024", "2893", "2.024", "x", "5"]


def test_table_rejects_unknown_text_column():
    with pytest.raises(ValueError, match=r"'text_cols' must name columns of the table \['a'\], got \['y'\]"):
        table(pd.DataFrame({"a": [1]}), lang="tr", text_cols=["y"])


def test_table_accepts_series():
    data, _ = published(table, pd.Series([1, 2], name="n"), lang="tr")
    assert '<th scope="col" class="num">n</th>' in data["text/html"]


def test_table_rejects_non_frame():
    with pytest.raises(TypeError, match="'df' must be a pandas DataFrame or Series, got list"):
        table([1, 2], lang="tr")


def test_table_rejects_unknown_percent_column():
    message = r"'percent_cols' must name columns of the table \['a'\], got \['b'\]"
    with pytest.raises(ValueError, match=message):
        table(pd.DataFrame({"a": [1]}), lang="tr", percent_cols=["b"])


def test_table_rejects_unknown_decimals_column():
    message = r"'decimals' keys must be columns of the table \['a'\], got \['z'\]"
    with pytest.raises(ValueError, match=message):
        table(pd.DataFrame({"a": [1.5]}), lang="tr", decimals={"z": 1})


def test_table_rejects_negative_decimals():
    with pytest.raises(ValueError, match="'decimals' must be non-negative integers, got -2"):
        table(pd.DataFrame({"a": [1.5]}), lang="tr", decimals=-2)


def test_table_rejects_decimals_of_wrong_type():
    with pytest.raises(TypeError, match="'decimals' must be None, an integer or a mapping"):
        table(pd.DataFrame({"a": [1.5]}), lang="tr", decimals="2")


def test_table_rejects_unknown_language():
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'fr'"):
        table(pd.DataFrame({"a": [1]}), lang="fr")


# ---------------------------------------------------------------------------------- finding etc.
def test_finding_is_escaped_and_marked():
    data, meta = published(finding, f"LQ 2,3 {XSS}\n\nİkinci paragraf")
    assert meta == {"clusterlib": {"kind": "finding", "text": f"LQ 2,3 {XSS}\n\nİkinci paragraf", "key": True}}
    assert 'class="cl-finding"' in data["text/html"]
    assert XSS not in data["text/html"] and data["text/html"].count("<p>") == 2


def test_finding_rejects_empty_text():
    with pytest.raises(TypeError, match="'text' must be a non-empty string, got ' '"):
        finding(" ")


def test_heading_levels_and_escaping():
    data, meta = published(heading, "Sektörler <i>", 3)
    assert data["text/html"] == '<h3 class="cl-heading">Sektörler &lt;i&gt;</h3>'
    assert meta["clusterlib"]["kind"] == "heading"


def test_paragraph_is_escaped_plain_text():
    data, meta = published(paragraph, " Amaç <b>kümeler</b> ")
    assert data["text/html"] == '<p class="cl-paragraph">Amaç &lt;b&gt;kümeler&lt;/b&gt;</p>'
    assert meta["clusterlib"]["kind"] == "paragraph"
    with pytest.raises(TypeError, match="'text' must be a non-empty string"):
        paragraph("  ")


def test_heading_rejects_level_one():
    with pytest.raises(ValueError, match=r"'level' must be one of \[2, 3, 4\], got 1"):
        heading("Başlık", 1)


# ------------------------------------------------------------------------------------------- show
def test_show_publishes_plotly_json_and_html_div():
    fig = go.Figure(go.Bar(x=[XSS, "b"], y=[1, 2]), layout={"title": {"text": "İstihdam"}})
    data, meta = published(show, fig)
    assert meta == {"clusterlib": {"kind": "figure", "title": "İstihdam", "notes": []}}
    assert data["application/vnd.plotly.v1+json"]["data"][0]["y"] == [1, 2]
    assert data["application/vnd.plotly.v1+json"]["config"]["showSendToCloud"] is False
    markup = data["text/html"]
    assert 'class="plotly-graph-div"' in markup and "Plotly.newPlot(" in markup
    assert "<script src" not in markup and "https://" not in markup  # plotly.js comes from the report
    assert XSS not in markup  # plotly escapes "<" inside the script's JSON
    div_id = re.search(r'<div id="([^"]+)" class="plotly-graph-div"', markup).group(1)
    assert markup.count(div_id) >= 2  # the div and the newPlot call that fills it
    assert "PlotlyGeoAssets" not in markup


def test_show_registers_offline_base_map_for_geo_figures():
    square = {"type": "Polygon", "coordinates": [[[34, 40], [34, 41], [35, 41], [35, 40], [34, 40]]]}
    geojson = {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "A", "geometry": square}]}
    fig = go.Figure(go.Choropleth(geojson=geojson, locations=["A"], z=[1]))
    data, _ = published(show, fig)
    markup = data["text/html"]
    stub = markup.index("PlotlyGeoAssets")
    assert stub < markup.index("Plotly.newPlot(")  # registered before the map is drawn
    for name in ("world", "europe", "asia"):
        assert json.dumps(name) in markup
    assert "cdn.plot.ly" not in markup


def test_show_gives_geo_figures_a_topojson_url_that_needs_no_network():
    """JupyterLab draws ``application/vnd.plotly.v1+json`` with plotly.js' own renderer, which reads the
    figure's config but runs no script of ours: the base map must come from the config's ``topojsonURL``
    (a ``data:`` URL whose fragment swallows the file name plotly.js appends)."""
    import base64

    square = {"type": "Polygon", "coordinates": [[[34, 40], [34, 41], [35, 41], [35, 40], [34, 40]]]}
    geojson = {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "A", "geometry": square}]}
    data, _ = published(show, go.Figure(go.Choropleth(geojson=geojson, locations=["A"], z=[1])))
    url = data["application/vnd.plotly.v1+json"]["config"]["topojsonURL"]
    head, _, encoded = url.partition(";base64,")
    assert head == "data:application/json" and encoded.endswith("#")
    # what plotly.js requests for the default scope: the data, the appended name only as the fragment
    body, _, fragment = (url + "world_110m.json").partition("#")
    assert fragment == "world_110m.json"
    topology = json.loads(base64.b64decode(body.partition(",")[2]))
    assert topology["type"] == "Topology"
    assert {"land", "coastlines", "countries", "subunits"} <= set(topology["objects"])
    assert url in data["text/html"]  # the report's newPlot call gets the same config
    plain, _ = published(show, go.Figure(go.Bar(x=[1], y=[2])))
    assert "topojsonURL" not in plain["application/vnd.plotly.v1+json"]["config"]


def test_show_for_a_page_only_publishes_the_html_and_keeps_the_source_line(monkeypatch):
    """A kernel the runner starts publishes a figure as the report's HTML only (the JupyterLab bundle
    would be left out of the page anyway); the source line under the plot travels in the metadata,
    where the report's official mark finds it, and the page is the one a Lab kernel's output gives."""
    from clusterlib.charts import style
    from clusterlib.report.display import PAGE_ONLY_ENV
    from clusterlib.report.marks import official_source

    fig = style(go.Figure(go.Bar(x=["a"], y=[1])), "tr", title="Nüfus", source="Kaynak: TÜİK, ADNKS 2024")
    lab, lab_meta = published(show, fig)
    monkeypatch.setenv(PAGE_ONLY_ENV, "1")
    page, page_meta = published(show, fig)
    assert "application/vnd.plotly.v1+json" in lab and "application/vnd.plotly.v1+json" not in page
    assert page_meta == lab_meta and page_meta["clusterlib"]["notes"] == ["Kaynak: TÜİK, ADNKS 2024"]
    strip = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # the div's random id
    assert strip.sub("", page["text/html"]) == strip.sub("", lab["text/html"])
    for data, meta in ((lab, lab_meta), (page, page_meta)):
        assert official_source({"data": data, "metadata": meta}, "tr") == "TÜİK, ADNKS 2024"
    # an output executed before the notes were kept: the source line is read from the bundle
    old = {"data": lab, "metadata": {"clusterlib": {"kind": "figure"}}}
    assert official_source(old, "tr") == "TÜİK, ADNKS 2024"


def test_show_rejects_non_figures():
    with pytest.raises(TypeError, match="'fig' must be a plotly Figure, got dict"):
        show({"data": []})


# ------------------------------------------------------------------------------------- provenance
def test_provenance_hashes_inputs_fips_180_2(tmp_path):
    """SHA-256 of "abc" is ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
    (NIST FIPS 180-2, Secure Hash Standard, 2002, Appendix B.1)."""
    source = tmp_path / "abc.csv"
    source.write_bytes(b"abc")
    params = {"province": "Çorum", "lang": "en", "data_dir": str(tmp_path)}
    data, meta = published(provenance, params, [source])
    record = meta["clusterlib"]
    assert record["kind"] == "provenance"
    assert record["inputs"][0]["sha256"] == (
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    assert record["params"] == params
    assert {"python", "pandas", "plotly"} <= set(record["packages"])
    assert "ba7816bf8f01" in data["text/html"] and "Technical details" in data["text/html"]


def test_provenance_turkish_labels_follow_params_lang(tmp_path):
    data, _ = published(provenance, {"lang": "tr", "x": "<b>"}, [])
    assert "Teknik bilgiler" in data["text/html"] and "&lt;b&gt;" in data["text/html"]


def test_provenance_missing_input(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"'inputs': .*nope\.csv' does not exist"):
        provenance({"lang": "tr"}, [tmp_path / "nope.csv"])


def test_provenance_needs_mapping():
    with pytest.raises(TypeError, match="'params' must be a mapping of parameter names to values, got list"):
        provenance(["province"], [])


# ------------------------------------------------------------------------------- Table, marks, Notice
def test_table_spec_marks_cells_and_names_its_sheet():
    frame = pd.DataFrame({"wage": [1.5, None], "jobs": [10, 20]}, index=pd.Index(["a", "b"], name="sector"))
    marks = pd.DataFrame({"wage": [False, True], "jobs": [False, False]}, index=frame.index)
    data, meta = published(table, Table(frame, lang="en", marks=marks, sheet="Values", decimals={"wage": 1}))
    assert '<td class="num cl-marked">– *</td>' in data["text/html"]
    assert '<td class="num">1.5</td>' in data["text/html"]
    info = meta["clusterlib"]
    assert info["sheet"] == "Values"
    assert info["table"]["columns"] == ["sector", "wage", "jobs"]
    assert info["table"]["marks"] == [[1, 1]]  # row 1, column 1 (after the index column)
    assert info["table"]["formats"] == ["text", "number:1", "number:0"]
    with pytest.raises(ValueError, match="'marks' must be a boolean DataFrame of the table's shape"):
        table(frame, lang="en", marks=marks.iloc[:1])


def test_notice_stands_in_for_a_chart_a_table_or_a_finding():
    for call in (show, table, finding, notice):
        argument = Notice("Needs two sectors <b>") if call is not notice else "Needs two sectors <b>"
        data, meta = published(call, argument)
        assert data["text/html"] == '<p class="cl-notice" role="note">Needs two sectors &lt;b&gt;</p>'
        assert meta["clusterlib"]["kind"] == "notice"  # not a finding: stays out of the key findings
    with pytest.raises(TypeError, match="'text' must be a non-empty string"):
        Notice("")


def test_an_omitted_part_of_a_section_displays_nothing():
    """A part that does not apply (said once elsewhere) leaves no trace: no heading, note or figure."""
    omitted = Omitted("no firm interviews")
    for call in (show, table, finding, heading, paragraph):
        with capture_output() as cap:
            call(omitted)
        assert cap.outputs == [], call.__name__
    with pytest.raises(ValueError, match="'level' must be one of"):  # a wrong call is still wrong
        heading(omitted, level=7)
    with pytest.raises(TypeError, match="'reason' must be a non-empty string"):
        Omitted(" ")
    with pytest.raises(TypeError):  # None is not a way to omit: it stays an error
        finding(None)


def test_a_finding_marked_not_key_stays_in_its_section():
    data, meta = published(finding, "Secondary <b>", key=False)
    assert "Secondary &lt;b&gt;" in data["text/html"]  # shown where the cell stands
    assert meta["clusterlib"] == {"kind": "finding", "text": "Secondary <b>", "key": False}
    assert published(finding, "Main")[1]["clusterlib"]["key"] is True
    with pytest.raises(TypeError, match="'key' must be True or False, got 'no'"):
        finding("x", key="no")


@pytest.mark.parametrize(("lang", "size"), [("tr", "1.234"), ("en", "1,234")])
def test_provenance_tables_come_from_the_one_table_writer(tmp_path, lang, size):
    """The file size is a count in the report's number format, right-aligned; the tables are compact."""
    source = tmp_path / "employment.csv"
    source.write_bytes(b"x" * 1234)
    data, _ = published(provenance, {"lang": lang, "year": 2024}, [source])
    markup = data["text/html"]
    assert f'<td class="num">{size}</td>' in markup
    assert markup.count('<table class="cl-table cl-compact">') == 3
    assert "<td>2024</td>" in markup  # a parameter value is shown as written, never as 2.024
