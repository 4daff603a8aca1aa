"""The readers of the steps' own input tables: survey, relations, stakeholders, input-output table,
monitoring, benchmarks, initiatives and province factors (the register-based and yearbook tables are
in :mod:`clusterlib.data.tables`, which re-exports these)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clusterlib.data.schema_reading import read_checked, read_schema_table

__all__ = [
    "read_benchmarks",
    "read_initiatives",
    "read_io_table",
    "read_monitoring",
    "read_province_factors",
    "read_relations",
    "read_stakeholders",
    "read_survey",
]


def read_survey(
    path: str | Path, *, sheet: str | int | None = None, firms: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read the needs-assessment survey in long form: one row per firm, year and item.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).
    firms : pandas.DataFrame, optional
        The firm register (:func:`read_firms`); when given, every ``firm_id`` must be in it, in the
        same cluster.

    Returns
    -------
    pandas.DataFrame
        ``cluster, firm_id, year, item, answer`` sorted by ``firm_id, year, item``; ``answer`` is
        the text as written (``1``–``5`` or a label of the scale, ``dont_know``, blank for no
        answer).  :func:`clusterlib.needs.read_survey` checks the answers against the
        questionnaire's scale and items, and also reads Google Forms, KoboToolbox and LimeSurvey
        exports.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_checked("survey", path, sheet, firms, ("firm_id",))


def read_relations(
    path: str | Path, *, sheet: str | int | None = None, firms: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read firm-to-firm relations from the value-chain interviews.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).
    firms : pandas.DataFrame, optional
        The firm register (:func:`read_firms`); when given, sources and internal targets must be
        in it and in the relation's cluster.

    Returns
    -------
    pandas.DataFrame
        ``cluster, source, target, target_name, relation, importance, local, target_province``
        sorted by ``source, target, relation``.  ``relation`` says what the target is to the
        source (``supplier``, ``customer`` or ``cooperation``), ``importance`` is 1–5, ``local`` a
        boolean (``true/false``, ``evet/hayır``…).  External partners have ids starting ``EXT-`` and
        carry ``target_name`` and ``target_province``.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_checked("relations", path, sheet, firms, ("source", "target"))


def read_stakeholders(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read the stakeholder map: institutions per province with type, roles, location and clusters.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``plate, province, name, type, role_en, role_tr, responsibilities_en, responsibilities_tr,
        district, lat, lon, clusters`` sorted by ``plate, name``.  ``type`` is one of ``chamber,
        development_agency, university, ngo, public, oiz, exporters_association,
        cluster_association, kosgeb``; ``clusters`` a ``;``-separated list of cluster ids
        (:func:`clusterlib.nace.clusters`); ``lat``/``lon`` lie in Türkiye's bounding box.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_schema_table("stakeholders", path, sheet)


def read_io_table(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a national input-output table at NACE section level in long form (``from, to, value``).

    The table is balanced when every section's row total (sales to sections + final demand)
    equals its column total (purchases from sections + value added), i.e. total output
    :math:`x_i = \\sum_j z_{ij} + f_i = \\sum_j z_{ji} + v_i`.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``from, to, value`` sorted by ``from, to``; ``from`` is a section letter or ``VA`` (value
        added), ``to`` a section letter or ``FD`` (final demand); values in million TRY.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
        Also for a negative intermediate flow, or a section whose totals differ by more than 0.1 %.

    References
    ----------
    .. [1] Miller, R. E. and Blair, P. D. (2009). *Input-Output Analysis: Foundations and
       Extensions*, 2nd ed., ch. 2. Cambridge University Press.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "io_table.csv"
    >>> _ = path.write_text("from,to,value\\nA,A,10\\nA,FD,90\\nVA,A,90\\n", encoding="utf-8")
    >>> read_io_table(path)["value"].tolist()
    [10.0, 90.0, 90.0]
    """
    return read_schema_table("io_table", path, sheet)


def read_monitoring(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read the monitoring plan: per cluster and indicator, yearly baseline, target and actual values.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``cluster, indicator, name_en, name_tr, unit, direction, year, baseline, target, actual``
        sorted by ``cluster, indicator, year``; ``direction`` (``increase`` or ``decrease``), unit
        and name are the same in every year of an indicator; values may be empty (future years).

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_schema_table("monitoring", path, sheet)


def read_benchmarks(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read reference values of international clusters and cluster-management benchmarks.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``indicator, reference, country, sector, year, value, unit, note`` sorted by
        ``indicator, reference, year``.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_schema_table("benchmarks", path, sheet)


def read_initiatives(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read the list of Turkish cluster initiatives.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``id, name_en, name_tr, plate, province, sector, nace_divisions, year, lead_organisation,
        members, notes`` sorted by ``id``; ``nace_divisions`` a ``;``-separated list of divisions;
        ``plate``, ``year`` and ``members`` nullable integers (empty where the source states none).

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_schema_table("initiatives", path, sheet)


def read_province_factors(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read factor conditions by province and year.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``plate, province, year, oiz_count, universities, vocational_graduates,
        rd_personnel_per_10k, broadband_per_100`` sorted by ``plate, year``; all ≥ 0.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_schema_table("province_factors", path, sheet)
