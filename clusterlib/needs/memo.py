"""The parts of a needs assessment that every province shares, computed once per content in this process.

Every province's needs assessment reads the whole survey file (all clusters, all waves) and
compares all the clusters of the wave; neither depends on the province.  The exploration workbench
analyses one province after another in one kernel, so :func:`read_survey_once` and
:func:`compare_clusters_once` keep their results in memory, keyed by a SHA-256 of everything they
depend on (the file's bytes, the mapping's bytes, the questionnaire, the firm register, the answers
and the arguments): other data make another key, so a result is never served for data it was not
computed from.  Each call returns a fresh copy (unpickled), so a caller that changes it changes
nothing for the next.  (The on-disk result cache of :mod:`clusterlib.resultcache`, when it is on,
still applies inside :func:`~clusterlib.needs.ranking.compare_clusters`.)
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd

from clusterlib.data.messages import message_language
from clusterlib.needs.inputs import SurveyTable, read_survey
from clusterlib.needs.questionnaire import Questionnaire
from clusterlib.needs.ranking import SEED, compare_clusters

__all__ = ["clear_needs_memo", "compare_clusters_once", "content_digest", "read_survey_once"]

#: Entries kept (a few survey files and waves).
MEMO_SIZE = 8
_MEMO: OrderedDict[str, bytes] = OrderedDict()
T = TypeVar("T")


def content_digest(*parts: object) -> str:
    """SHA-256 over ``parts``: DataFrames by their values, labels and dtypes, files (Path) by their
    bytes, anything else by its pickle.

    Examples
    --------
    >>> a = pd.DataFrame({"x": [1, 2]})
    >>> content_digest(a, 3) == content_digest(a.copy(), 3), content_digest(a, 3) == content_digest(a, 4)
    (True, False)
    >>> content_digest(a) == content_digest(a.assign(x=[1, 3]))
    False
    """
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, pd.DataFrame):
            digest.update(pickle.dumps((list(part.columns), [str(t) for t in part.dtypes], part.shape)))
            digest.update(pd.util.hash_pandas_object(part, index=True).to_numpy().tobytes())
        elif isinstance(part, Path):
            digest.update(str(part.resolve()).encode())
            digest.update(part.read_bytes())
        else:
            digest.update(pickle.dumps(part))
        digest.update(b"\0")
    return digest.hexdigest()


def _remembered(key: str, compute: Callable[[], T]) -> T:
    if key not in _MEMO:
        _MEMO[key] = pickle.dumps(compute())
        while len(_MEMO) > MEMO_SIZE:
            _MEMO.popitem(last=False)
    _MEMO.move_to_end(key)
    return pickle.loads(_MEMO[key])  # a fresh copy for every caller


def read_survey_once(
    path: Path,
    *,
    mapping: str | Path | None,
    questionnaire: Questionnaire,
    firms: pd.DataFrame,
    cluster: str | None,
) -> SurveyTable:
    """:func:`~clusterlib.needs.inputs.read_survey`, read once per file content and arguments.

    Errors are not remembered: a file with a problem raises it on every call; a path that is not
    a file goes straight to ``read_survey`` (which says so).  The key holds the language of the
    loaders' messages too.

    Examples
    --------
    >>> from clusterlib.config import SAMPLE_DIR
    >>> from clusterlib.data import load_tables
    >>> from clusterlib.needs.questionnaire import load_questionnaire
    >>> firms = load_tables(tables=["firms"])["firms"]
    >>> args = {"mapping": None, "questionnaire": load_questionnaire(), "firms": firms, "cluster": None}
    >>> first = read_survey_once(SAMPLE_DIR / "survey.csv", **args)
    >>> again = read_survey_once(SAMPLE_DIR / "survey.csv", **args)
    >>> again is first, again.answers.equals(read_survey(SAMPLE_DIR / "survey.csv", **args).answers)
    (False, True)
    """
    path = Path(path)
    files = [path] + ([Path(mapping)] if mapping else [])
    if not all(f.is_file() for f in files):
        return read_survey(path, mapping=mapping, questionnaire=questionnaire, firms=firms, cluster=cluster)
    key = content_digest("read_survey", *files, questionnaire, firms, cluster, message_language())
    return _remembered(
        key, lambda: read_survey(path, mapping=mapping, questionnaire=questionnaire, firms=firms, cluster=cluster)
    )


def compare_clusters_once(survey: pd.DataFrame, *, n_boot: int = 2000, seed: int = SEED) -> pd.DataFrame:
    """:func:`~clusterlib.needs.ranking.compare_clusters`, computed once per answers and arguments.

    Examples
    --------
    >>> answers = pd.DataFrame({"firm_id": ["a", "b"], "cluster": ["x", "x"]})
    >>> compare_clusters_once(answers.drop(columns="cluster"))
    Traceback (most recent call last):
    ...
    ValueError: 'survey' needs a 'cluster' column to compare clusters
    """
    key = content_digest("compare_clusters", survey, n_boot, seed)
    return _remembered(key, lambda: compare_clusters(survey, n_boot=n_boot, seed=seed))


def clear_needs_memo() -> None:
    """Forget what :func:`read_survey_once` and :func:`compare_clusters_once` remembered.

    Examples
    --------
    >>> clear_needs_memo()
    """
    _MEMO.clear()
