"""``clusterlib kb``: export the knowledge base as a template, import an edited one, show the history.

Examples::

    clusterlib kb export --out karadeniz.xlsx
    clusterlib kb import karadeniz.xlsx --by "Karadeniz KBM"
    clusterlib kb import karadeniz.xlsx --by "Karadeniz KBM" --take samsun_medical=mine
    clusterlib kb history --id samsun_medical

The exit code is 1 when an import is refused (problems in the file, conflicts), 2 for a usage error.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import click

from clusterlib.config import LANGUAGES
from clusterlib.knowledge.merge import MergeConflictError, duplicate_names, import_workbook
from clusterlib.knowledge.seed import open_store
from clusterlib.knowledge.store import StoreError, default_store_path
from clusterlib.knowledge.workbook import KnowledgeImportError, export_workbook

__all__ = ["kb"]

_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 110}
_DB = click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                   help=f"The knowledge store (SQLite file). Default: {default_store_path()}.")
_LANG = click.option("--lang", type=click.Choice(LANGUAGES), default="tr", show_default=True,
                     help="Language of the template's help and of the messages.")


def _store(db: Path | None):
    try:
        return open_store(db)
    except StoreError as error:
        raise click.ClickException(str(error)) from None


@click.group("kb", context_settings=_SETTINGS)
def kb() -> None:
    """The knowledge base the Cluster Info Spots update: export a template, import an edited one."""


@kb.command("export", context_settings=_SETTINGS)
@_DB
@_LANG
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The XLSX template to write. Default: knowledge_base_<date>.xlsx here.")
def export_command(db: Path | None, lang: str, out: Path | None) -> None:
    """Write the current entries as an XLSX template (one sheet per kind, drop-downs for classifications)."""
    from clusterlib.i18n import t

    store = _store(db)
    out = out or Path(f"knowledge_base_{_dt.date.today().isoformat()}.xlsx")
    export_workbook(store, out, lang=lang)
    click.echo(t("kb.exported", lang, n=len(store.entries()), file=out))


def _takes(values: tuple[str, ...]) -> dict[str, str]:
    takes = {}
    for value in values:
        ident, sep, side = value.partition("=")
        if not sep or side not in ("mine", "theirs") or not ident:
            raise click.BadParameter(f"expected ID=mine or ID=theirs, got {value!r}", param_hint="'--take'")
        takes[ident] = side
    return takes


@kb.command("import", context_settings=_SETTINGS)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by", "by", required=True, metavar="NAME",
              help='Who sends the changes, kept with each change (e.g. "Karadeniz KBM").')
@click.option("--take", "takes", multiple=True, metavar="ID=mine|theirs",
              help="Resolve a conflict on one entry: your value (mine) or the stored one (theirs); repeatable.")
@_DB
@_LANG
def import_command(file: Path, by: str, takes: tuple[str, ...], db: Path | None, lang: str) -> None:
    """Check an edited template and merge it into the store (all or nothing)."""
    store = _store(db)
    try:
        result = import_workbook(store, file, by=by, take=_takes(takes), lang=lang)
    except (KnowledgeImportError, MergeConflictError, RuntimeError) as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    click.echo(result.summary(lang))


@kb.command("history", context_settings=_SETTINGS)
@click.option("--id", "ident", default=None, help="Only this entry.")
@_DB
def history_command(ident: str | None, db: Path | None) -> None:
    """List the changes: version, when, who, from which file, which fields."""
    store = _store(db)
    for c in store.history(ident=ident):
        fields = ", ".join(c.fields)
        click.echo(f"{c.at}  {c.kind:<11} {c.id:<36} v{c.version:<3} {c.action:<9} {c.by} [{c.file or ''}] {fields}")


@kb.command("duplicates", context_settings=_SETTINGS)
@_DB
def duplicates_command(db: Path | None) -> None:
    """List entries of one kind whose names are equal once case and Turkish letters are folded."""
    for group in duplicate_names(_store(db).entries()):
        click.echo(" = ".join(group))
