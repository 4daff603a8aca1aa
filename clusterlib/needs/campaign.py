"""Who answered which survey wave: the rules :func:`~clusterlib.needs.read_survey` applies to an export.

* **One export is one wave.**  Without a wave in the mapping or a wave column, the wave of an
  export is the year of its tool's timestamps — of all of them together.  A campaign whose
  timestamps cross 31 December is not split into two waves: the reader stops and names the fix
  (:func:`timestamp_wave`).
* **The firm register decides a respondent's cluster** (:func:`register_clusters`): a firm the
  register puts in another cluster keeps that cluster, and a note names it.
* **A submission with no answer is no respondent** (:func:`empty_submissions`): AAPOR counts a
  case with no item answered as non-response (AAPOR 2023, *Standard Definitions*, 10th ed., §
  "Partial interviews and breakoffs"); a note names the firm.

Problems are written in the run's language (:func:`clusterlib.data.messages_in`); notes are
:class:`~clusterlib.needs.notes.Note` values, worded when the report is presented.
"""

from __future__ import annotations

import pandas as pd

from clusterlib.data.messages import msg
from clusterlib.needs.notes import Note, note

__all__ = ["empty_submissions", "register_clusters", "timestamp_wave"]


def _shown(stamps: pd.Series) -> tuple[str, str]:
    """The earliest and latest timestamp, as dates when every one can be read, else as written."""
    text = stamps.astype(str).str.strip()
    dayfirst = bool(text.str.contains(r"^\d{1,2}\.\d{1,2}\.\d{4}", regex=True).any())
    parsed = pd.to_datetime(text, errors="coerce", format="mixed", dayfirst=dayfirst)
    if parsed.notna().all():
        return parsed.min().date().isoformat(), parsed.max().date().isoformat()
    return repr(text.iloc[0]), repr(text.iloc[-1])


def timestamp_wave(stamps: pd.Series, years: pd.Series, *, column: str) -> tuple[int | None, str | None]:
    """The one wave of an export dated by its tool's timestamps: ``(wave, problem)``.

    ``stamps`` are the timestamps as read, ``years`` their years (missing where a cell has none).
    The wave is the single year of all timestamps; across two or more years there is no wave and
    ``problem`` says how to set it.

    Examples
    --------
    >>> stamps = pd.Series(["2019-12-01 10:00", "2019-12-03 09:00", "2020-01-05 16:30"])
    >>> timestamp_wave(stamps[:2], pd.Series([2019, 2019]), column="Timestamp")
    (2019, None)
    >>> print(timestamp_wave(stamps, pd.Series([2019, 2019, 2020]), column="Timestamp")[1])
    one export is one survey wave, but its timestamps ('Timestamp') run from 2019-12-01 to 2020-01-05
    (years 2019–2020); set 'wave:' in the mapping file (e.g. wave: 2019) or add a wave/year column
    """
    found = sorted({int(y) for y in years.dropna()})
    if len(found) == 1:
        return found[0], None
    if not found:
        return None, None
    dated = stamps[years.notna().to_numpy()]
    first, last = _shown(dated)
    return None, msg(
        "needs.survey.across_years",
        column=column,
        first=first,
        last=last,
        years=f"{found[0]}–{found[-1]}",
        first_year=found[0],
    )


def register_clusters(
    firm_ids: pd.Series, given: pd.Series, register: dict[str, object], *, file: str
) -> tuple[pd.Series, Note | None]:
    """Each answer's cluster: the register's for a firm it places, else the one given; and a note
    naming the firms whose given cluster the register contradicts.

    Examples
    --------
    >>> ids = pd.Series(["SAM-001", "COR-001", "NEW-1"])
    >>> register = {"SAM-001": "samsun_medical", "COR-001": "corum_food_machinery", "NEW-1": None}
    >>> clusters, found = register_clusters(ids, pd.Series(["samsun_medical"] * 3), register, file="e.csv")
    >>> clusters.tolist()
    ['samsun_medical', 'corum_food_machinery', 'samsun_medical']
    >>> print(found.text("en"))
    e.csv: COR-001 belong(s) to another cluster in the firm register (corum_food_machinery), not to
    samsun_medical; their answers are left out of this cluster's figures
    """
    registered = firm_ids.map(register)
    known = registered.notna()
    clusters = given.where(~known, registered) if len(given) else registered
    differs = known & given.notna() & (given.astype(object) != registered.astype(object))
    if not differs.any():
        return clusters, None
    firms = list(dict.fromkeys(firm_ids[differs]))
    stated = list(dict.fromkeys(given[differs].astype(str)))
    found = note(
        "needs.survey.other_cluster",
        file=file,
        firms=", ".join(firms),
        clusters=", ".join(dict.fromkeys(registered[differs].astype(str))),
        cluster=", ".join(stated),
    )
    return clusters, found


def empty_submissions(
    answers: pd.DataFrame, *, file: str, by: str = "firm_id"
) -> tuple[pd.Series, list[Note]]:
    """Rows of submissions with no answer at all (every statement blank), and a note per wave.

    ``answers`` has ``firm_id, wave, status`` and the column ``by`` that tells submissions apart
    (the firm in a long table, the row of a wide export); a "don't know" is an answer.  Returns a
    boolean Series (True: drop the row) and the notes.

    Examples
    --------
    >>> a = pd.DataFrame({"firm_id": ["A", "A", "B", "B"], "wave": 2019,
    ...     "status": ["valid", "missing", "missing", "missing"]})
    >>> drop, notes = empty_submissions(a, file="e.csv")
    >>> drop.tolist(), [n.text("en") for n in notes]
    ([False, False, True, True], ['e.csv: B submitted an empty form in wave 2019 (no statement answered);
    the empty form is left out and does not count as a response'])
    """
    keys = [answers[by], answers["wave"].astype(object)]
    answered = answers["status"].ne("missing").groupby(keys, dropna=False).transform("any")
    drop = ~answered.astype(bool)
    notes = []
    for wave, part in answers[drop].groupby("wave", sort=True):
        firms = ", ".join(dict.fromkeys(part["firm_id"].astype(str)))
        notes.append(note("needs.survey.empty_form", file=file, firms=firms, wave=int(wave)))
    return drop, notes
