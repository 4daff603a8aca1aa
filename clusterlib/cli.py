"""Command line: ``clusterlib run``, ``clusterlib steps``, ``clusterlib provinces``, ``clusterlib kb``.

Examples::

    clusterlib run --province pilots                    # every step, the five pilots, Turkish
    clusterlib run -p "K.Maraş" --steps sector_selection --lang en
    clusterlib run -p all --jobs 4 --data /srv/data/sgk-2025 --out /srv/share/reports
    clusterlib run --spec runs/pilots.yml --param top_k=3 --param sector_selection.year=2022
    clusterlib run -p all --scheduler tcp://10.0.0.5:8786       # on an existing Dask cluster
    python -m clusterlib steps

Every argument is checked before any notebook starts; a wrong province, step, language or
notebook parameter is an error that lists the valid choices, and a bad data file fails the run
once.  Options given on the command line win over the run spec's.  The exit code is 1 when any
step failed, 2 for a usage error, 130 when the run was stopped (Ctrl-C, SIGTERM).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from clusterlib import __version__, i18n
from clusterlib.config import LANGUAGES, NOTEBOOKS_DIR, REPORTS_DIR
from clusterlib.regions import UnknownProvinceError

__all__ = ["cli", "main"]

_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 110}
#: The --notebooks option of the commands that read the step notebooks (one definition).
_NOTEBOOKS_OPTION = click.option(
    "--notebooks",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=NOTEBOOKS_DIR,
    show_default="notebooks/",
    help="Folder of the step notebooks.",
)


def _step_ids(notebooks: Path) -> list[str]:
    from clusterlib.run.steps import discover_steps

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


def _resolve(provinces: Sequence[str], steps: Sequence[str] | None, notebooks: Path) -> tuple[list, list]:
    from clusterlib.run.parameters import check_contract
    from clusterlib.run.plan import resolve_provinces
    from clusterlib.run.steps import NotebookContractError, discover_steps, resolve_steps

    try:
        chosen = resolve_provinces(list(provinces) or ["pilots"])
    except (UnknownProvinceError, ValueError) as err:
        message = err.args[0] if err.args else str(err)
        raise click.BadParameter(
            f"{message}. Also accepted: 'pilots', 'all'; 'clusterlib provinces' lists every province.",
            param_hint="'--province'",
        ) from None
    try:
        selected = resolve_steps(list(steps) if steps else None, discover_steps(notebooks))
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
    from clusterlib.run.hooks import failed_hooks

    lines += [i18n.t("cli.hook_failed", lang, hook=h.hook, code=h.lang, error=h.error) for h in failed_hooks(out)]
    lines.append(f"{i18n.t('cli.index', lang)}: {shown(out / 'index.html')}")
    return "\n".join(lines)


@cli.command("run", context_settings=_SETTINGS, epilog=f"Languages: {', '.join(LANGUAGES)}.")
@click.option(
    "--spec",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="YAML run spec (provinces, steps, languages, folders, parameters); options given here win.",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="[STEP.]NAME=VALUE",
    help="A notebook parameter for every step that has it (or one step with STEP.NAME); VALUE is "
    "read as YAML (3, 0.5, true, null, text); repeatable.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Address of a running dask.distributed scheduler (tcp://host:8786) to run the reports on.",
)
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
    "langs",
    type=click.Choice(LANGUAGES),
    multiple=True,
    default=(i18n.DEFAULT_LANGUAGE,),
    show_default=True,
    help="Language of the reports; repeat it for several.",
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
@_NOTEBOOKS_OPTION
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
    help="Progress bar with done, failed and time left (shown on terminals only).",
)
@click.option(
    "--validate-data/--no-validate-data",
    default=True,
    show_default=True,
    help="Read and check every data file once before any notebook starts.",
)
@click.option(
    "--preload-kernels/--fresh-kernels",
    default=True,
    show_default=True,
    help="Fork each notebook's kernel from a process that has clusterlib, pandas, scipy and plotly "
    "already imported (faster), or start every kernel from scratch.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Render every report even when it is up to date, and write into an --out folder that holds "
    "files but no report set of clusterlib.",
)
@click.pass_context
def run_command(
    ctx: click.Context,
    spec: Path | None,
    params: tuple[str, ...],
    scheduler: str | None,
    provinces: tuple[str, ...],
    steps: tuple[str, ...],
    langs: tuple[str, ...],
    out: Path,
    jobs: int | None,
    data: Path | None,
    notebooks: Path,
    processed: Path | None,
    timeout: float,
    progress: bool,
    validate_data: bool,
    preload_kernels: bool,
    force: bool,
) -> None:
    """Render the step notebooks of the chosen provinces into HTML reports.

    Writes OUT/<lang>/<province>/<step>.html, OUT/index.html (a provinces × steps grid) and
    OUT/run.json; exits with 1 when a step failed (its earlier report, if any, is kept).
    """
    from clusterlib.data import DataValidationError
    from clusterlib.run import RunInterrupted, run
    from clusterlib.run.spec import RunSpecError, load_spec, parse_param
    from clusterlib.run.steps import NotebookContractError

    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE

    arguments: dict[str, Any] = {}
    if spec is not None:
        try:
            arguments = load_spec(spec).run_arguments()
        except RunSpecError as err:
            raise click.BadParameter(str(err), param_hint="'--spec'") from None
    for name, key, value in (
        ("langs", "lang", list(langs)),
        ("out", "out_dir", out),
        ("jobs", "jobs", jobs),
        ("data", "data_dir", data),
        ("notebooks", "notebooks_dir", notebooks),
        ("processed", "processed_dir", processed),
        ("timeout", "timeout", timeout),
        ("scheduler", "scheduler", scheduler),
    ):
        if given(name) or key not in arguments:
            arguments[key] = value
    run_params = dict(arguments.pop("params", {}))
    step_params = {k: dict(v) for k, v in arguments.pop("step_params", {}).items()}
    for text in params:
        try:
            step, name, value = parse_param(text)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="'--param'") from None
        if step is None:
            run_params[name] = value
        else:
            step_params.setdefault(step, {})[name] = value
    chosen, selected = _resolve(
        provinces if given("provinces") or "provinces" not in arguments else arguments["provinces"],
        steps if given("steps") or "steps" not in arguments else arguments["steps"],
        Path(arguments.pop("notebooks_dir")),
    )
    arguments.pop("provinces", None)
    arguments.pop("steps", None)
    lang = arguments["lang"][0]
    try:
        results = run(
            chosen,
            [s.id for s in selected],
            notebooks_dir=selected[0].path.parent,
            progress=progress,
            validate_data=validate_data,
            preload_kernels=preload_kernels,
            force=force,
            params=run_params,
            step_params=step_params,
            **arguments,
        )
    except NotebookContractError as err:
        raise click.BadParameter(str(err), param_hint="'--param'") from None
    except DataValidationError as err:
        raise click.ClickException(
            f"the data files did not validate; no report was started.\n{err}"
        ) from None
    except (ValueError, PermissionError) as err:
        raise click.BadParameter(str(err), param_hint="'--out'" if "out_dir" in str(err) else None) from None
    except RunInterrupted as err:
        results = getattr(err, "results", [])
        click.echo(_summary(results, lang, Path(arguments["out_dir"]).resolve()), err=True)
        click.echo(i18n.t("cli.interrupted", lang), err=True)
        sys.exit(130)
    click.echo(_summary(results, lang, Path(arguments["out_dir"]).resolve()))
    if any(not r.ok for r in results):
        sys.exit(1)


@cli.command("steps", context_settings=_SETTINGS)
@_NOTEBOOKS_OPTION
@click.option(
    "--parameters",
    "show_parameters",
    is_flag=True,
    help="Also list each notebook's parameters (for --param).",
)
def steps_command(notebooks: Path, show_parameters: bool) -> None:
    """List the steps (one notebook NN_<step>.ipynb each), in the order they run."""
    from clusterlib.run.parameters import notebook_parameters
    from clusterlib.run.steps import REQUIRED_PARAMETERS, NotebookContractError, discover_steps

    found = discover_steps(notebooks)
    if not found:
        click.echo(f"no step notebooks (NN_<step>.ipynb) in {notebooks}")
        return
    for step in found:
        titles = " / ".join(step.title(lang) for lang in LANGUAGES)
        click.echo(f"{step.number:02d}  {step.id:<24}  {titles}  ({step.path.name})")
        if show_parameters:
            try:
                declared = notebook_parameters(step)
            except NotebookContractError as err:
                click.echo(f"      {err}")
                continue
            for param in declared.values():
                if param.name not in REQUIRED_PARAMETERS:
                    click.echo(f"      --param {param.describe()}")


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


def _add_knowledge_commands() -> None:
    from clusterlib.knowledge.commands import kb

    cli.add_command(kb)


_add_knowledge_commands()


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``clusterlib`` command."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="clusterlib")
