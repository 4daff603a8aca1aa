"""Command line: ``clusterlib run``, ``clusterlib steps``, ``clusterlib provinces``.

Examples::

    clusterlib run --province pilots                    # every step, the five pilots, Turkish
    clusterlib run -p "K.Maraş" --steps sector_selection --lang en
    clusterlib run -p all --jobs 4 --data /srv/data/sgk-2025 --out /srv/share/reports
    python -m clusterlib steps

Every argument is checked before any notebook starts; a wrong province, step or language is an
error that lists the valid choices.  The exit code is 1 when any step failed, 2 for a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from clusterlib import __version__, i18n
from clusterlib.config import LANGUAGES, NOTEBOOKS_DIR, REPORTS_DIR
from clusterlib.regions import UnknownProvinceError

__all__ = ["cli", "main"]

_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 110}


def _step_ids(notebooks: Path) -> list[str]:
    from clusterlib.report.steps import discover_steps

    try:
        return [s.id for s in discover_steps(notebooks)]
    except (OSError, ValueError):
        return []


def _steps_help() -> str:
    found = _step_ids(NOTEBOOKS_DIR)
    listed = ", ".join(found) if found else "none found yet"
    return (
        "Step to render: id, number or notebook name; repeat it or give a comma list. "
        f"Default: every step. Steps in notebooks/: {listed}."
    )


@click.group(context_settings=_SETTINGS)
@click.version_option(version=__version__, prog_name="clusterlib")
def cli() -> None:
    """clusterlib: analyses and reports of Türkiye's cluster-development programme."""


def _resolve(provinces: Sequence[str], steps: Sequence[str], notebooks: Path) -> tuple[list, list]:
    from clusterlib.report.runner import resolve_provinces
    from clusterlib.report.steps import NotebookContractError, check_contract, discover_steps, resolve_steps

    try:
        chosen = resolve_provinces(list(provinces) or ["pilots"])
    except (UnknownProvinceError, ValueError) as err:
        message = err.args[0] if err.args else str(err)
        raise click.BadParameter(
            f"{message}. Also accepted: 'pilots', 'all'; 'clusterlib provinces' lists every province.",
            param_hint="'--province'",
        ) from None
    try:
        selected = resolve_steps(list(steps) or None, discover_steps(notebooks))
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'--steps'") from None
    for step in selected:
        try:
            check_contract(step)
        except NotebookContractError as err:
            raise click.ClickException(str(err)) from None
    return chosen, selected


def _summary(results: Sequence, lang: str, out: Path) -> str:
    def shown(path: Path | None) -> str:
        if path is None:
            return ""
        try:
            return Path(path).relative_to(Path.cwd()).as_posix()
        except ValueError:
            return str(path)

    header = (
        i18n.t("report.province", lang),
        i18n.t("cli.step", lang),
        i18n.t("cli.status", lang),
        i18n.t("cli.seconds", lang),
        i18n.t("cli.output", lang),
    )
    rows = []
    for r in results:
        if r.ok:
            output = shown(r.output)
        else:
            where = f"{i18n.t('index.cell', lang, cell=r.cell)}: " if r.cell else ""
            output = f"{where}{r.error} [{shown(r.log)}]"
        rows.append(
            (
                r.province,
                r.step,
                i18n.t(f"status.{r.status}", lang),
                i18n.format_number(r.seconds, lang, decimals=1),
                output,
            )
        )
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
    lines = []
    for row in [header, *rows]:
        cells = [str(row[i]).ljust(widths[i]) if i != 3 else str(row[i]).rjust(widths[i]) for i in range(4)]
        lines.append("  ".join([*cells, str(row[4])]).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(header[4]))
    lines.append("")
    lines.append(f"{i18n.t('cli.index', lang)}: {shown(out / 'index.html')}")
    return "\n".join(lines)


@cli.command("run", context_settings=_SETTINGS, epilog=f"Languages: {', '.join(LANGUAGES)}.")
@click.option(
    "--province",
    "-p",
    "provinces",
    multiple=True,
    metavar="NAME|CODE",
    help="Province name or code in any spelling (Çorum, corum, 19, TR-19, TR833), 'pilots' "
    "(the five pilot provinces) or 'all'; repeat it or give a comma list. Default: pilots.",
)
@click.option("--steps", "-s", multiple=True, metavar="STEP", help=_steps_help())
@click.option(
    "--lang",
    "-l",
    type=click.Choice(LANGUAGES),
    default=i18n.DEFAULT_LANGUAGE,
    show_default=True,
    help="Language of the reports.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=REPORTS_DIR,
    show_default="reports/",
    help="Folder of the reports and index.html.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Notebooks run at once, each in its own process. Default: number of cores.",
)
@click.option(
    "--data",
    "-d",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Your data folder, instead of the bundled sample data.",
)
@click.option(
    "--notebooks",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=NOTEBOOKS_DIR,
    show_default="notebooks/",
    help="Folder of the step notebooks.",
)
@click.option(
    "--processed",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for processed data and executed notebooks. Default: data/processed/.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=1800,
    show_default=True,
    help="Seconds one notebook cell may run.",
)
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Progress bar (shown on terminals only).",
)
def run_command(
    provinces: tuple[str, ...],
    steps: tuple[str, ...],
    lang: str,
    out: Path,
    jobs: int | None,
    data: Path | None,
    notebooks: Path,
    processed: Path | None,
    timeout: float,
    progress: bool,
) -> None:
    """Render the step notebooks of the chosen provinces into HTML reports.

    Writes OUT/<lang>/<province>/<step>.html, OUT/index.html (a provinces × steps grid) and
    OUT/run.json; exits with 1 when a step failed (its earlier report, if any, is kept).
    """
    from clusterlib.report.runner import run

    chosen, selected = _resolve(provinces, steps, notebooks)
    results = run(
        chosen,
        [s.id for s in selected],
        lang=lang,
        out_dir=out,
        jobs=jobs,
        data_dir=data,
        notebooks_dir=notebooks,
        processed_dir=processed,
        timeout=timeout,
        progress=progress,
    )
    click.echo(_summary(results, lang, out.resolve()))
    if any(not r.ok for r in results):
        sys.exit(1)


@cli.command("steps", context_settings=_SETTINGS)
@click.option(
    "--notebooks",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=NOTEBOOKS_DIR,
    show_default="notebooks/",
    help="Folder of the step notebooks.",
)
def steps_command(notebooks: Path) -> None:
    """List the steps (one notebook NN_<step>.ipynb each), in the order they run."""
    from clusterlib.report.steps import discover_steps

    found = discover_steps(notebooks)
    if not found:
        click.echo(f"no step notebooks (NN_<step>.ipynb) in {notebooks}")
        return
    for step in found:
        titles = " / ".join(step.title(lang) for lang in LANGUAGES)
        click.echo(f"{step.number:02d}  {step.id:<24}  {titles}  ({step.path.name})")


@cli.command("provinces", context_settings=_SETTINGS)
@click.option("--pilots", is_flag=True, help="Only the five pilot provinces.")
def provinces_command(pilots: bool) -> None:
    """List the provinces with their plate, ISO and NUTS-3 codes."""
    from clusterlib.regions import provinces

    table = provinces()
    if pilots:
        table = table[table["is_pilot"]]
    for row in table.itertuples(index=False):
        mark = "  (pilot)" if row.is_pilot else ""
        click.echo(f"{row.plate:02d}  {row.name:<16} {row.name_ascii:<16} {row.iso}  {row.nuts3}{mark}")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``clusterlib`` command."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="clusterlib")
