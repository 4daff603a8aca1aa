"""A province's cluster and its survey answers: the inputs of the needs assessment, before any test.

:func:`cluster_survey` reads the firm register and the survey (memoised by content,
:mod:`clusterlib.needs.memo`), picks the cluster of the province's firms and the wave to rank.
:func:`~clusterlib.needs.analysis.analyse_needs_assessment` starts from it and then computes the
ranking, the reliability, the group tests and the findings; the exploration workbench's survey view
only needs the answers, so it calls this alone (the same rows, firms and wave, without the
bootstraps it does not show).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from clusterlib import nace
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import load_tables, messages_in
from clusterlib.i18n import DEFAULT_LANGUAGE, check_language
from clusterlib.needs.inputs import SurveyTable
from clusterlib.needs.memo import compare_clusters_once, read_survey_once
from clusterlib.needs.questionnaire import Questionnaire, load_questionnaire
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province

__all__ = ["ClusterSurvey", "cluster_of", "cluster_survey", "warm_survey"]


@dataclass(frozen=True, eq=False)
class ClusterSurvey:
    """The cluster of one province, its firms and its survey answers.

    Attributes
    ----------
    province : Province
    cluster : str or None
        Cluster id (``None``: the province's firms belong to no cluster of the register).
    wave : int
        The wave to rank (the latest of the cluster's answers by default).
    questionnaire : Questionnaire
    firms : DataFrame
        The cluster's firms, with ``age`` (years up to the latest founding year or wave).
    survey : DataFrame
        The cluster's answers, long form, every wave.
    read : SurveyTable
        The whole survey file as read (every cluster), with its layout and notes.
    tables : dict of str to DataFrame
        ``firms`` (the whole register) and ``stakeholders``.
    data_dir : Path
    survey_file : Path
    """

    province: Province
    cluster: str | None
    wave: int
    questionnaire: Questionnaire
    firms: pd.DataFrame
    survey: pd.DataFrame
    read: SurveyTable
    tables: dict[str, pd.DataFrame]
    data_dir: Path
    survey_file: Path


def cluster_of(firms: pd.DataFrame, place: Province, cluster: str | None) -> str | None:
    """The cluster to assess: the one given, else the one of the province's firms (None if none)."""
    if cluster is not None:
        nace.cluster(cluster)  # raises with the list of ids when unknown
        return cluster
    local = firms.loc[firms["plate"].astype(int) == place.plate, "cluster"].dropna().unique().tolist()
    return str(sorted(local)[0]) if local else None


def cluster_survey(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
    data_dir: str | Path | None = None,
    survey_file: str | Path | None = None,
    mapping_file: str | Path | None = None,
    questionnaire_file: str | Path | None = None,
    wave: int | None = None,
) -> ClusterSurvey:
    """The cluster, firms, answers and wave that :func:`analyse_needs_assessment` assesses.

    Parameters are those of :func:`~clusterlib.needs.analysis.analyse_needs_assessment` (``lang``
    only sets the language of the error messages).

    Raises
    ------
    DataValidationError
        For bad input data (file, row, column, expected), in ``lang``.
    ValueError
        For an unknown cluster or a wave absent from the cluster's answers.

    Examples
    --------
    >>> s = cluster_survey("Samsun")
    >>> s.cluster, s.wave, bool(s.survey["firm_id"].isin(s.firms["firm_id"]).all())
    ('samsun_medical', 2019, True)
    >>> cluster_survey("Hakkari").survey.empty
    True
    """
    lang = check_language(lang)
    place = province if isinstance(province, Province) else resolve_province(province)
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    with messages_in(lang):  # problems in the language of the run
        tables = load_tables(directory, tables=["firms", "stakeholders"])
        all_firms = tables["firms"]
        cluster_id = cluster_of(all_firms, place, cluster)
        questionnaire = load_questionnaire(questionnaire_file)
        source = Path(survey_file) if survey_file else directory / "survey.csv"
        read = read_survey_once(  # the whole file, the same for every province: read once per content
            source,
            mapping=mapping_file,
            questionnaire=questionnaire,
            firms=all_firms,
            cluster=cluster_id if survey_file else None,
        )
    answers = read.answers[read.answers["cluster"] == cluster_id].reset_index(drop=True)
    firms = all_firms[all_firms["cluster"] == cluster_id].reset_index(drop=True)
    reference_year = max(
        int(firms["founded"].max()) if len(firms) else 0, int(answers["wave"].max()) if len(answers) else 0
    )
    firms = firms.assign(age=lambda f: reference_year - f["founded"])
    waves_present = sorted(int(w) for w in answers["wave"].unique())
    if wave is not None and int(wave) not in waves_present:
        raise ValueError(f"'wave' must be one of the survey's waves {waves_present}, got {wave}")
    all_waves = sorted(int(w) for w in read.answers["wave"].unique())
    wave = int(wave) if wave is not None else (waves_present or all_waves or [0])[-1]
    return ClusterSurvey(
        province=place,
        cluster=cluster_id,
        wave=wave,
        questionnaire=questionnaire,
        firms=firms,
        survey=answers,
        read=read,
        tables=tables,
        data_dir=directory,
        survey_file=source,
    )


def warm_survey(data_dir: str | Path | None, languages: Iterable[str]) -> None:
    """Read ``data_dir``'s survey and compare the clusters of its latest wave once, in each of
    ``languages``, into :mod:`clusterlib.needs.memo` — what every province's needs assessment starts
    with (a quarter of a second), read as :func:`cluster_survey` reads it with its defaults.

    The needs step's entry in the ``clusterlib.shared_analyses`` entry-point group: the runner's
    kernel server calls it once per run before it forks the kernels (:mod:`clusterlib.run.warm`).
    The memo's keys are those of the analysis (the file's bytes, the questionnaire, the register,
    the language of the messages), so a notebook with another survey file, mapping or ``n_boot``
    computes its own as before; a folder without a survey is left alone.

    Examples
    --------
    >>> warm_survey(None, ["tr", "tr"])  # the bundled sample, each language once
    """
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    languages = list(dict.fromkeys(languages))
    if not languages or not (directory / "survey.csv").is_file():
        return
    for lang in languages:
        # the file is read whole, whichever province asks: the first of the register does
        read = cluster_survey(1, lang=lang, data_dir=directory).read
    waves = sorted(int(w) for w in read.answers["wave"].unique())
    if waves:
        compare_clusters_once(read.answers[read.answers["wave"] == waves[-1]])
