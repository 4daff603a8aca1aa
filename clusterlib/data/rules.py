"""The checks of the input tables that involve several columns or rows (issue 18: out of ``schemas.py``).

Each check takes a :class:`~clusterlib.data.validation.Checker` and reports every failing row through
it (workplaces vs employment, size class vs employees, a class inside its division, a balanced and
productive input-output table, no actual value in the future, one value per group…);
:mod:`clusterlib.data.schemas` attaches them to the tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.validation import Checker

__all__ = [
    "IO_RTOL",
    "SIZE_CLASSES",
    "class_in_division",
    "closed_without_value_added",
    "consistent_within",
    "external_partners_described",
    "goods_divisions",
    "in_register",
    "io_balanced",
    "io_columns",
    "io_productive",
    "io_rows",
    "io_sections",
    "is_external",
    "no_future_actuals",
    "no_self_relations",
    "size_class_matches_employees",
    "workplaces_match_employment",
]


@cache
def io_sections() -> tuple[str, ...]:
    return tuple(nace.sections()["code"])


def io_rows() -> tuple[str, ...]:
    return (*io_sections(), "VA")


def io_columns() -> tuple[str, ...]:
    return (*io_sections(), "FD")


def workplaces_match_employment(ch: Checker) -> None:
    if "workplaces" not in ch.frame:
        return
    employment, workplaces = ch.frame["employment"].to_numpy(), ch.frame["workplaces"].to_numpy()
    ch.fail(
        (workplaces == 0) & (employment > 0),
        "workplaces",
        lambda i: msg("data.error.no_workplace", employment=int(employment[i])),
        expected="workplaces ≥ 1 where employment > 0",
        got=lambda i: 0,
    )
    ch.fail(
        (workplaces > 0) & (employment == 0),
        "workplaces",
        lambda i: msg("data.error.empty_workplaces", workplaces=int(workplaces[i])),
        expected="workplaces = 0 where employment = 0",
        got=lambda i: int(workplaces[i]),
    )


def goods_divisions(ch: Checker) -> None:
    section = ch.frame["nace"].map(nace.section_of)
    ch.fail(
        ~section.isin(["A", "B", "C"]).to_numpy(),
        "nace",
        lambda i: msg(
            "data.error.not_goods", division=repr(ch.frame["nace"].iloc[i]), section=section.iloc[i]
        ),
        expected="a division of section A, B or C",
        got=lambda i: ch.frame["nace"].iloc[i],
    )


SIZE_CLASSES = {"micro": (0, 9), "small": (10, 49), "medium": (50, 249), "large": (250, np.inf)}


def size_class_matches_employees(ch: Checker) -> None:
    employees, size = ch.frame["employees"].to_numpy(), ch.frame["size_class"]
    low = size.map(lambda s: SIZE_CLASSES[s][0]).to_numpy(dtype=float)
    high = size.map(lambda s: SIZE_CLASSES[s][1]).to_numpy(dtype=float)

    def expected(i: int) -> str:
        return next(name for name, (lo, hi) in SIZE_CLASSES.items() if lo <= employees[i] <= hi)

    ch.fail(
        (employees < low) | (employees > high),
        "size_class",
        lambda i: msg(
            "data.error.size_class",
            size=repr(size.iloc[i]),
            employees=int(employees[i]),
            expected=repr(expected(i)),
        ),
        expected="the size class of the employees column",
        got=lambda i: size.iloc[i],
    )


def class_in_division(ch: Checker) -> None:
    if "nace_class" not in ch.frame:
        return
    codes, divisions = ch.frame["nace_class"], ch.frame["nace"]
    ch.fail(
        (codes.notna() & (codes.str[:2] != divisions)).to_numpy(),
        "nace_class",
        lambda i: msg("data.error.class_outside", code=repr(codes.iloc[i]), division=repr(divisions.iloc[i])),
        expected="a code of the firm's division",
        got=lambda i: codes.iloc[i],
    )


def no_self_relations(ch: Checker) -> None:
    source, target = ch.frame["source"], ch.frame["target"]
    ch.fail(
        (source == target).to_numpy(),
        "target",
        lambda i: msg("data.error.self_relation", target=repr(target.iloc[i])),
        expected="a partner other than the source firm",
        got=lambda i: target.iloc[i],
    )


def is_external(target: pd.Series) -> np.ndarray:
    """True for partner ids of external firms (``EXT-…``), which are not in the firm register."""
    return target.str.upper().str.startswith("EXT-").to_numpy()


def external_partners_described(ch: Checker) -> None:
    external = is_external(ch.frame["target"])
    for column in ("target_name", "target_province"):
        if column in ch.frame:
            ch.fail(
                external & ch.frame[column].isna().to_numpy(),
                column,
                lambda i: msg("data.error.external_empty", target=repr(ch.frame["target"].iloc[i])),
                expected="the name and province of an external partner",
            )


def io_balanced(ch: Checker) -> None:
    frame = ch.frame
    sections = io_sections()
    intermediate = frame["from"].isin(sections) & frame["to"].isin(sections)
    ch.fail(
        (intermediate & (frame["value"] < 0)).to_numpy(),
        "value",
        lambda i: msg(
            "data.error.negative_flow",
            source=frame["from"].iloc[i],
            to=frame["to"].iloc[i],
            value=frame["value"].iloc[i],
        ),
        expected="intermediate flows ≥ 0",
        got=lambda i: frame["value"].iloc[i],
    )
    rows = frame.groupby("from")["value"].sum()
    columns = frame.groupby("to")["value"].sum()
    present = [s for s in sections if s in rows.index or s in columns.index]
    for side, missing in (
        ("row", [s for s in present if s not in rows.index]),
        ("column", [s for s in present if s not in columns.index]),
    ):
        if missing:  # said before the balance, which it would upset elsewhere
            raise DataValidationError(
                msg(f"data.error.io_no_{side}", sections=", ".join(missing)),
                file=ch.raw.file,
                sheet=ch.raw.sheet,
                column="from" if side == "row" else "to",
                expected="every section as a row (from) and as a column (to)",
                got=missing,
            )
    for section in present:
        output_by_row, output_by_column = rows.get(section, 0.0), columns.get(section, 0.0)
        scale = max(abs(output_by_row), abs(output_by_column), 1e-9)
        if abs(output_by_row - output_by_column) > IO_RTOL * scale:
            raise DataValidationError(
                msg(
                    "data.error.unbalanced",
                    section=section,
                    by_row=f"{output_by_row:,.1f}",
                    by_column=f"{output_by_column:,.1f}",
                    difference=f"{abs(output_by_row - output_by_column) / scale:.2%}",
                ),
                file=ch.raw.file,
                sheet=ch.raw.sheet,
                column="value",
                expected=f"row total = column total within {IO_RTOL:.1%}",
                got=(output_by_row, output_by_column),
            )


#: Relative tolerance of the input-output balance (absorbs the rounding of the published cells).
IO_RTOL = 1e-3


def closed_without_value_added(z: np.ndarray, va: np.ndarray, output: np.ndarray) -> list[int]:
    """Sectors whose inputs, followed back through their suppliers, never reach value added.

    With a balanced table the coefficients of sector *j* sum to :math:`1 - v_j/x_j`; the Leontief
    inverse exists (spectral radius of ``A`` below 1) exactly when every sector reaches, through the
    sectors it buys from, one with value added (or without output).  Those that cannot form a closed
    group producing only for each other (Miller & Blair 2009, §2.3; Seneta 1981, *Non-negative
    matrices*, ch. 1).
    """
    reach = (va > 0) | (output <= 0)
    changed = True
    while changed:
        new = reach | ((z > 0) & reach[:, None]).any(axis=0)  # j buys from a sector that reaches value added
        changed = bool((new != reach).any())
        reach = new
    return [int(k) for k in np.flatnonzero(~reach)]


def io_productive(ch: Checker) -> None:
    """Negative value added, and closed groups of sectors without value added, refused in the user's terms."""
    frame = ch.frame
    sections = [s for s in io_sections() if s in set(frame["from"]) | set(frame["to"])]
    inner = frame[frame["from"].isin(sections) & frame["to"].isin(sections)]
    z = inner.pivot_table(index="from", columns="to", values="value", aggfunc="sum", fill_value=0.0)
    z = z.reindex(index=sections, columns=sections, fill_value=0.0).to_numpy(dtype=float)
    va = frame[frame["from"] == "VA"].groupby("to")["value"].sum().reindex(sections, fill_value=0.0)
    ch.fail(
        ((frame["from"] == "VA") & (frame["value"] < 0)).to_numpy(),
        "value",
        lambda i: msg("data.error.negative_va", section=frame["to"].iloc[i], value=frame["value"].iloc[i]),
        expected="value added ≥ 0",
        got=lambda i: frame["value"].iloc[i],
    )
    if (z < 0).any():  # negative flows are reported by io_balanced; the test below needs z ≥ 0
        return
    output = z.sum(axis=0) + va.to_numpy(dtype=float)
    closed = closed_without_value_added(z, np.clip(va.to_numpy(dtype=float), 0, None), output)
    if closed:
        names = [sections[k] for k in closed]
        sellers = sorted({sections[i] for k in closed for i in np.flatnonzero(z[:, k] > 0)})
        raise DataValidationError(
            msg(
                "data.error.not_productive_one" if len(names) == 1 else "data.error.not_productive",
                sectors=", ".join(names),
                sellers=", ".join(sellers) or "—",
            ),
            file=ch.raw.file,
            sheet=ch.raw.sheet,
            column="value",
            expected="every sector reaching value added through its suppliers",
            got=names,
        )


def no_future_actuals(ch: Checker) -> None:
    """An actual value needs its year to have begun (run date: today); targets may lie ahead."""
    frame, today = ch.frame, date.today()
    ch.fail(
        (frame["actual"].notna() & (frame["year"] > today.year)).to_numpy(),
        "actual",
        lambda i: msg("data.error.future_actual", year=int(frame["year"].iloc[i]), today=today.isoformat()),
        expected=f"actual values for years up to {today.year}",
        got=lambda i: frame["actual"].iloc[i],
    )


def consistent_within(group: tuple[str, ...], columns: tuple[str, ...]):
    def check(ch: Checker) -> None:
        frame = ch.frame
        for column in columns:
            if column not in frame:
                continue
            distinct = frame.groupby(list(group), dropna=False)[column].transform("nunique")
            ch.fail(
                (distinct > 1).to_numpy(),
                column,
                lambda i, c=column: msg(
                    "data.error.inconsistent",
                    value=repr(frame[c].iloc[i]),
                    group=", ".join(group),
                    values=", ".join(str(frame[g].iloc[i]) for g in group),
                ),
                expected=f"one {column} per ({', '.join(group)})",
                got=lambda i, c=column: frame[c].iloc[i],
            )

    return check


def in_register(firms: pd.DataFrame, columns: tuple[str, ...]) -> Callable[[Checker], None]:
    """A check that the firm ids of ``columns`` are in the register (external ``EXT-`` partners
    excepted) and that each record's cluster is the cluster of its (first-column) firm."""
    known = set(firms["firm_id"])
    cluster_of = firms.set_index("firm_id")["cluster"]

    def check(ch: Checker) -> None:
        frame = ch.frame
        for column in columns:
            ids = frame[column]
            unknown = ~ids.isin(known).to_numpy()
            if column == "target":
                unknown &= ~is_external(ids)
            ch.fail(
                unknown,
                column,
                lambda i, ids=ids: msg("data.error.not_in_register", firm=repr(ids.iloc[i])),
                expected="a firm_id of the firms table",
                got=lambda i, ids=ids: ids.iloc[i],
            )
        registered = frame[columns[0]].map(cluster_of)
        ch.fail(
            (registered.notna() & (registered != frame["cluster"])).to_numpy(),
            "cluster",
            lambda i: msg(
                "data.error.other_cluster",
                cluster=repr(frame["cluster"].iloc[i]),
                firm=repr(frame[columns[0]].iloc[i]),
                registered=repr(registered.iloc[i]),
            ),
            expected="the firm's cluster in the register",
            got=lambda i: frame["cluster"].iloc[i],
        )

    return check
