"""What makes the main job cheaper, and must not change what it produces.

* the run's kernel client (:class:`clusterlib.run.client.ReadyKernelClient`) stops waiting as soon as
  the kernel answered and IOPub is live — and loses no output of a notebook's first cell;
* the provisioner's kill reports the end of a forked kernel at once (the server wakes on SIGCHLD);
* one kernel server is shared by the workers of a run, and no kernel keeps an IPython history;
* cells tagged ``interactive`` (live widgets, tagged ``remove-cell`` too) are left out by the runner,
  and a failing cell after one is still named by its place in the author's notebook.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path
from queue import Empty

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from clusterlib.config import NOTEBOOKS_DIR, SAMPLE_DIR
from clusterlib.run import run
from clusterlib.run.client import ReadyKernelClient, ReadyKernelManager
from clusterlib.run.kernels import KERNEL_NAME
from clusterlib.run.provisioner import ForkedKernel
from clusterlib.run.steps import INTERACTIVE_TAG, NotebookContractError, discover_steps, report_notebook

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kernels are forked only where fork exists")


async def _first_output_of_fresh_kernels(count: int) -> tuple[list[str], list[int | None]]:
    """Start ``count`` kernels one after the other; the first thing each printed, and the exit code
    the provisioner knew of the moment its kill returned."""
    printed, exit_codes = [], []
    for k in range(count):
        km = ReadyKernelManager(kernel_name=KERNEL_NAME)
        await km.start_kernel()
        kc = km.client()
        assert isinstance(kc, ReadyKernelClient)
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
        # the very first request, sent at once: its output must arrive (IOPub was live)
        msg_id = kc.execute(f"print('first {k}')")
        text = ""
        while True:
            msg = await kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                text += msg["content"]["text"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        printed.append(text.strip())
        kc.stop_channels()
        kernel = km.provisioner.process  # type: ignore[union-attr]
        assert isinstance(kernel, ForkedKernel)
        await km.provisioner.kill()  # type: ignore[union-attr]
        exit_codes.append(kernel.returncode)  # known at once: no polling interval to wait for
        await km.shutdown_kernel(now=True)
    return printed, exit_codes


def test_a_forked_kernel_loses_no_first_output_and_its_kill_is_reported_at_once(server):
    printed, exit_codes = asyncio.run(_first_output_of_fresh_kernels(8))
    assert printed == [f"first {k}" for k in range(8)]
    assert exit_codes == [-9] * 8  # SIGKILL, reported by the server before kill() returned


def test_a_kernel_that_never_answers_times_out_like_jupyter_client():
    class Silent(ReadyKernelClient):
        def kernel_info(self, *args, **kwargs):  # the request never reaches a kernel
            return "nothing"

        async def get_shell_msg(self, *args, timeout=None, **kwargs):
            await asyncio.sleep(min(timeout or 0.05, 0.05))
            raise Empty

        async def is_alive(self) -> bool:
            return True

    started = time.perf_counter()
    with pytest.raises(RuntimeError, match=r"didn't respond in 0\.3 seconds"):
        asyncio.run(Silent().wait_for_ready(timeout=0.3))
    assert time.perf_counter() - started < 2


def _notebook(path: Path, cells: list[tuple[str, list[str]]]) -> Path:
    nb = new_notebook(cells=[new_code_cell(source, metadata={"tags": tags}) for source, tags in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    nbformat.write(nb, path)
    return path


PARAMETERS = ('province = "Çorum"\nlang = "tr"\ndata_dir = ""\nprocessed_dir = ""', ["parameters"])


def test_the_sector_selection_notebook_leaves_its_weights_explorer_to_jupyterlab():
    step = next(s for s in discover_steps(NOTEBOOKS_DIR) if s.id == "sector_selection")
    nb, left_out = report_notebook(step.path)
    assert left_out == 1
    assert not any("weights_explorer(" in c.source for c in nb.cells)
    stored = nbformat.read(step.path, as_version=4)
    assert len(stored.cells) == len(nb.cells) + 1  # the stored notebook keeps it for JupyterLab


def test_an_interactive_cell_that_would_show_in_reports_breaks_the_contract(tmp_path):
    path = _notebook(tmp_path / "01_overview.ipynb", [PARAMETERS, ("print('widget')", [INTERACTIVE_TAG])])
    with pytest.raises(NotebookContractError, match=r"cell 2: .*'remove-cell'"):
        report_notebook(path)


def test_the_runner_leaves_out_interactive_cells_and_names_a_failing_cell_in_the_authors_numbering(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(
        notebooks / "01_overview.ipynb",
        [
            PARAMETERS,
            ("import clusterlib.report as report\nreport.finding('ok')", []),
            ("raise SystemExit('a live widget must not run in a report')", ["remove-cell", INTERACTIVE_TAG]),
            ("report.finding('after the widget')", []),
        ],
    )
    _notebook(
        notebooks / "02_broken.ipynb",
        [PARAMETERS, ("pass", ["remove-cell", INTERACTIVE_TAG]), ("1 / 0", [])],
    )
    common = dict(data_dir=SAMPLE_DIR, notebooks_dir=notebooks, processed_dir=tmp_path / "p", progress=False)
    results = run(["Çorum"], out_dir=tmp_path / "out", **common)
    by_step = {r.step: r for r in results}
    assert by_step["overview"].status == "ok"
    assert "after the widget" in (tmp_path / "out" / by_step["overview"].output).read_text(encoding="utf-8")
    broken = by_step["broken"]
    assert broken.status == "failed"
    assert broken.cell == 3  # the third cell of the author's notebook, though the second one did not run
    assert "ZeroDivisionError" in (broken.error or "")


def test_the_workers_of_a_run_share_one_kernel_server(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    probe = (
        "import os\nfrom pathlib import Path\n"
        "Path(processed_dir, f'{os.getpid()}.ppid').write_text(str(os.getppid()))"
    )
    for n in range(1, 4):
        _notebook(notebooks / f"0{n}_probe{n}.ipynb", [PARAMETERS, (probe, [])])
    processed = tmp_path / "p"
    results = run(
        ["Çorum", "Samsun"],
        out_dir=tmp_path / "out",
        data_dir=SAMPLE_DIR,
        notebooks_dir=notebooks,
        processed_dir=processed,
        jobs=2,
        progress=False,
    )
    assert {r.status for r in results} == {"ok"}
    parents = {p.read_text() for p in processed.glob("*.ppid")}
    assert len(list(processed.glob("*.ppid"))) == 6  # six kernels, each a new process
    assert len(parents) == 1, parents  # all forked by the same server



@pytest.mark.parametrize("preloaded", [True, False], ids=["forked", "fresh-kernels"])
def test_the_kernels_of_a_run_keep_no_ipython_history_and_leave_the_servers_objects_alone(tmp_path, preloaded):
    """A report's cells are not the user's commands: no kernel of a run writes them to IPython's history
    database (one SQLite commit a cell, the kernels of a run in turn on one file).  A forked kernel
    finds the server's objects frozen (``gc.freeze`` before the fork), so its collections leave their
    memory pages shared."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    probe = (
        "from pathlib import Path\n"
        "import gc\n"
        "history = get_ipython().history_manager\n"
        "Path(processed_dir, 'history.txt').write_text(f'{history.enabled} {history.hist_file}')\n"
        "Path(processed_dir, 'frozen.txt').write_text(str(gc.get_freeze_count()))"
    )
    _notebook(notebooks / "01_probe.ipynb", [PARAMETERS, (probe, [])])
    results = run(
        ["Çorum"],
        out_dir=tmp_path / "out",
        data_dir=SAMPLE_DIR,
        notebooks_dir=notebooks,
        processed_dir=tmp_path / "p",
        preload_kernels=preloaded,
        progress=False,
    )
    assert [r.status for r in results] == ["ok"]
    assert (tmp_path / "p" / "history.txt").read_text() == "False :memory:"
    frozen = int((tmp_path / "p" / "frozen.txt").read_text())
    assert frozen > 100_000 if preloaded else frozen == 0, frozen

SHARED_PROBE = """
import json, os
from pathlib import Path
import clusterlib.needs.memo as memo
import clusterlib.selection.diversification.national as national
from clusterlib.data import load_tables
from clusterlib.needs.clustersurvey import cluster_survey
from clusterlib.selection.diversification import complexity_matrix

def refuse(*args, **kwargs):
    raise AssertionError("computed in the kernel")

found = {}
memo.read_survey, national.economic_complexity = refuse, refuse  # only a remembered result can answer
folder = Path(data_dir)
for code in ("tr", "en"):
    try:  # the needs assessment's own first step, for another province than the one warmed
        cluster_survey("Samsun", lang=code, data_dir=folder)
        found[f"survey {code}"] = True
    except AssertionError:
        found[f"survey {code}"] = False
tables = load_tables(folder, required=["employment"], optional=["exports"])
for measure, threshold in (("employment", 1.0), ("exports", 0.75), ("employment", 0.5)):
    try:
        national.national_complexity(complexity_matrix(tables, 2024, measure=measure), rca_threshold=threshold)
        found[f"{measure} {threshold}"] = True
    except AssertionError:
        found[f"{measure} {threshold}"] = False
import rfc3987_syntax  # the kernel server skipped it (clusterlib.run.warm); a notebook may import it
found["rfc3987_syntax"] = rfc3987_syntax.is_valid_syntax("iri", "https://example.org/ç")
found["page only"] = os.environ.get("CLUSTERLIB_PAGE_ONLY")  # from the run's kernel spec
Path(processed_dir, f"{os.getpid()}.json").write_text(json.dumps(found))
"""


def test_the_kernels_of_a_run_find_what_every_province_shares_already_computed(tmp_path):
    """The kernel server computes the survey read of each run language and the national complexity
    of every robustness setting before it forks (clusterlib.run.warm); a kernel finds them in memory
    (the computations themselves are made to fail in the kernel), and only those: another language,
    another threshold is computed by the kernel as before."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_needs_assessment.ipynb", [PARAMETERS, (SHARED_PROBE, [])])
    _notebook(notebooks / "02_sector_selection.ipynb", [PARAMETERS, ("pass", [])])
    processed = tmp_path / "p"
    results = run(
        ["Samsun"],
        steps=["needs_assessment", "sector_selection"],
        lang="tr",
        out_dir=tmp_path / "out",
        data_dir=SAMPLE_DIR,
        notebooks_dir=notebooks,
        processed_dir=processed,
        jobs=1,
        progress=False,
    )
    assert {r.status for r in results} == {"ok"}, [r.error for r in results]
    (probe,) = [json.loads(p.read_text()) for p in processed.glob("*.json") if p.stem.isdigit()]
    assert probe == {
        "survey tr": True,  # the run's language
        "survey en": False,  # not a language of this run: not computed ahead
        "employment 1.0": True,
        "exports 0.75": True,
        "employment 0.5": False,  # not a robustness setting
        "rfc3987_syntax": True,
        "page only": "1",
    }
    assert "CLUSTERLIB_PAGE_ONLY" not in os.environ  # only the run's kernels see it: not this process


def test_the_runners_processes_skip_an_import_no_schema_of_theirs_needs():
    """Workers and the kernel server mark rfc3987_syntax absent (1.6 s of lark grammars at import,
    only for jsonschema's "iri" formats): safe because nbformat's schemas, the only ones they
    validate, use no format at all — and nbformat still validates (and rejects) notebooks."""
    import subprocess
    import sys

    import nbformat.v4

    def formats(node):  # the "format" keywords of a schema (a property may be *named* "format")
        if isinstance(node, dict):
            found = [node["format"]] if isinstance(node.get("format"), str) else []
            return found + [f for value in node.values() for f in formats(value)]
        return [f for value in node for f in formats(value)] if isinstance(node, list) else []

    schemas = sorted(Path(nbformat.v4.__file__).parent.glob("nbformat.v4*.schema.json"))
    assert schemas and all(formats(json.loads(p.read_text(encoding="utf-8"))) == [] for p in schemas)
    assert formats({"properties": {"url": {"type": "string", "format": "iri"}}}) == ["iri"]
    script = (
        "import sys\n"
        "from clusterlib.run.warm import skip_unused_imports\n"
        "skip_unused_imports()\n"
        "import nbformat, papermill\n"
        "from nbformat.v4 import new_notebook, new_code_cell\n"
        "nbformat.validate(new_notebook(cells=[new_code_cell('1')]))\n"
        "bad = new_notebook(); bad['cells'] = [{'cell_type': 'code'}]\n"
        "try:\n    nbformat.validate(bad)\nexcept nbformat.ValidationError:\n    print('rejected')\n"
        "print(sys.modules['rfc3987_syntax'] is None)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["rejected", "True"]
