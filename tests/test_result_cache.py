"""Each analysis computed once (issue 21): the result cache of clusterlib.resultcache — shared by
the languages where the result is language-free, keyed by tables, parameters and code, never
stale — and a two-language run that computes each analysis once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from clusterlib import resultcache
from clusterlib.config import PACKAGE_DIR, SAMPLE_DIR
from clusterlib.needs import ranking
from clusterlib.selection import analyse_sector_selection
from clusterlib.selection import analysis as selection_analysis

STEPS = {
    "needs.analyse_needs_assessment": "needs_assessment",
    "selection.analyse_sector_selection": "sector_selection",
    "selection.analyse_diversification": "sector_selection",
    "valuechain.analyse_value_chain_mapping": "value_chain_mapping",
    "monitoring.analyse_monitoring": "monitoring_benchmarking",
}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(resultcache.CACHE_ENV, str(tmp_path / "results"))
    monkeypatch.setenv(resultcache.LOG_ENV, str(tmp_path / "computed.log"))
    return tmp_path


def _computed(folder: Path) -> Counter:
    log = folder / "computed.log"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return Counter(line.split()[0] for line in lines)


def _counting(monkeypatch, module, name) -> list:
    calls: list = []
    original = getattr(module, name)

    def spy(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


def test_a_language_free_analysis_is_computed_once_for_both_languages(cache, monkeypatch):
    scored = _counting(monkeypatch, selection_analysis, "weight_sensitivity")  # the Monte Carlo
    turkish = analyse_sector_selection("Çorum", lang="tr", n_simulations=200)
    english = analyse_sector_selection("corum", lang="en", n_simulations=200)  # any spelling
    assert len(scored) == 1 and _computed(cache) == {"sector_selection": 1}
    assert english is not turkish and english.summary() == turkish.summary()  # the one result, loaded
    assert english.robustness.equals(turkish.robustness)
    assert turkish.present("tr").heading("title") != english.present("en").heading("title")


def test_the_key_changes_with_parameters_tables_and_files(cache, monkeypatch):
    scored = _counting(monkeypatch, selection_analysis, "weight_sensitivity")
    data = shutil.copytree(SAMPLE_DIR, cache / "data")
    first = analyse_sector_selection("Samsun", data_dir=data, n_simulations=200)
    analyse_sector_selection("Samsun", data_dir=data, n_simulations=200)
    assert len(scored) == 1
    analyse_sector_selection("Samsun", data_dir=data, n_simulations=300)  # a parameter
    assert len(scored) == 2
    with open(data / "firms.csv", "a", encoding="utf-8") as handle:  # a table the step does not read
        handle.write("\n")
    analyse_sector_selection("Samsun", data_dir=data, n_simulations=200)
    assert len(scored) == 2
    employment = (data / "employment.csv").read_text(encoding="utf-8").splitlines()
    header = employment[0].split(",")
    row = employment[1].split(",")
    row[header.index("employment")] = str(int(float(row[header.index("employment")])) + 7)
    (data / "employment.csv").write_text("\n".join([employment[0], ",".join(row), *employment[2:]]) + "\n")
    changed = analyse_sector_selection("Samsun", data_dir=data, n_simulations=200)  # a table it reads
    assert len(scored) == 3 and changed is not first
    criteria = cache / "criteria.yaml"
    shutil.copy(PACKAGE_DIR / "resources" / "criteria_default.yaml", criteria)
    analyse_sector_selection("Samsun", data_dir=data, n_simulations=200, criteria_file=criteria)
    assert len(scored) == 4
    with open(criteria, "a", encoding="utf-8") as handle:  # a file argument, by content
        handle.write("# a comment\n")
    analyse_sector_selection("Samsun", data_dir=data, n_simulations=200, criteria_file=criteria)
    assert len(scored) == 5


def test_the_needs_assessment_is_computed_once_for_both_languages(cache, monkeypatch):
    """The needs result holds no language (issue 18): a Turkish and an English report share one result."""
    booted = _counting(monkeypatch, ranking, "_bootstrap_shares")
    from clusterlib.needs import analyse_needs_assessment

    turkish = analyse_needs_assessment("Çorum", lang="tr", n_boot=200)
    first = len(booted)
    english = analyse_needs_assessment("Çorum", lang="en", n_boot=200)
    assert first > 0 and len(booted) == first  # no bootstrap replicate drawn twice
    assert not hasattr(turkish, "lang") and turkish.ranking.equals(english.ranking)
    assert _computed(cache)["needs_assessment"] == 1
    assert turkish.present("tr").findings.top != english.present("en").findings.top


def test_without_a_folder_nothing_is_cached(tmp_path, monkeypatch):
    monkeypatch.delenv(resultcache.CACHE_ENV, raising=False)
    scored = _counting(monkeypatch, selection_analysis, "weight_sensitivity")
    analyse_sector_selection("Çorum", n_simulations=100)
    analyse_sector_selection("Çorum", n_simulations=100)
    assert len(scored) == 2


_AUDIT = """
import sys
from pathlib import Path
import clusterlib as cl
root = str(Path(sys.argv[2]).resolve())
seen = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(root):
        seen.add(Path(args[0]).name.rsplit(".", 1)[0])
sys.addaudithook(hook)
module, name = sys.argv[1].split(".")
getattr(getattr(cl, module), name)("Gaziantep", data_dir=root)
print(" ".join(sorted(seen)))
"""


@pytest.mark.slow
@pytest.mark.parametrize("function", sorted(STEPS))
def test_step_reads_lists_every_table_an_analysis_opens(function):
    """The cache and the runner's up-to-date check key a step on the tables of STEP_READS: an
    analysis that opens another table would be served stale results.  Each analysis runs in a
    fresh process (no table cached in memory) and every file it opens is recorded."""
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_DIR.parent)}
    env.pop(resultcache.CACHE_ENV, None)
    done = subprocess.run(
        [sys.executable, "-c", _AUDIT, function, str(SAMPLE_DIR)],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    opened = set(done.stdout.split())
    assert opened and opened <= set(resultcache.STEP_READS[STEPS[function]]), opened


@pytest.mark.slow
def test_a_two_language_run_computes_each_analysis_once(tmp_path):
    """Turkish and English reports of two steps for one province: the sector selection (its Monte
    Carlo), the diversification, the needs bootstrap and the needs assessment once each (the results
    hold no language)."""
    log = tmp_path / "computed.log"
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_DIR.parent), resultcache.LOG_ENV: str(log)}
    done = subprocess.run(
        [sys.executable, "-m", "clusterlib", "run", "-p", "Çorum", "-s", "needs_assessment", "-s",
         "sector_selection", "-l", "tr", "-l", "en", "--jobs", "2", "--no-progress", "--out",
         str(tmp_path / "out"), "--processed", str(tmp_path / "processed"), "--param", "n_boot=300",
         "--param", "n_simulations=300"],
        capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [line.split()[:2] for line in log.read_text(encoding="utf-8").splitlines()]
    per_name = Counter(name for name, _ in lines)
    assert per_name["sector_selection"] == 1 and per_name["diversification"] == 1
    assert per_name["needs_ranking"] >= 1 and per_name["needs_assessment"] == 1
    assert max(Counter(map(tuple, lines)).values()) == 1  # no result computed twice
    for lang in ("tr", "en"):
        for step in ("needs_assessment", "sector_selection"):
            assert (tmp_path / "out" / lang / "corum" / f"{step}.html").is_file()


def test_a_wrong_language_or_province_still_fails_with_the_cache_on(cache):
    analyse_sector_selection("Çorum", n_simulations=100)
    with pytest.raises(ValueError, match="'lang' must be one of"):
        analyse_sector_selection("Çorum", lang="xx", n_simulations=100)
    with pytest.raises(LookupError, match="not a Turkish province"):
        analyse_sector_selection("Atlantis", n_simulations=100)


def test_step_reads_is_derived_from_the_tables_of_each_step():
    """One source of truth (issue 21): what the cache and the up-to-date check key a step on is what
    clusterlib.data.STEP_TABLES says the step requires or uses, under the notebooks' step ids too."""
    from clusterlib.data import STEP_TABLES
    from clusterlib.run import discover_steps

    for step, tables in STEP_TABLES.items():
        assert resultcache.STEP_READS[step] == tables["required"] + tables["optional"]
    assert resultcache.STEP_READS["monitoring_benchmarking"] == resultcache.STEP_READS["monitoring"]
    assert {s.id for s in discover_steps()} <= set(resultcache.STEP_READS)  # none falls back to "all"
    assert set(STEP_TABLES["value_chain_mapping"]["optional"]) >= {"employment"}  # they disagreed here


def test_prune_removes_the_entries_of_another_clusterlib_and_keeps_the_current(cache):
    first = analyse_sector_selection("Çorum", lang="tr", n_simulations=50)
    folder = cache / "results"
    (old := folder / "0123456789abcdef" / "sector_selection").mkdir(parents=True)
    (old / "f00d.pickle").write_bytes(b"stale")
    assert [p.name for p in resultcache.prune(folder)] == ["0123456789abcdef"]
    assert sorted(p.name for p in folder.iterdir()) == [resultcache.generation()]
    again = analyse_sector_selection("Çorum", lang="en", n_simulations=50)
    assert _computed(cache) == {"sector_selection": 1} and again.summary() == first.summary()
