"""The Knowledge Management System: a knowledge store the Cluster Info Spots update and the pages that show it.

* :func:`open_store` — the store (SQLite, one file, default ``data/processed/knowledge.sqlite``):
  initiatives, institutions, events and news, documents and links, support programmes, each
  classified by province, NACE division, cluster, type and need area, with the history of every
  change (:class:`KnowledgeStore`);
* :func:`export_workbook` / :func:`import_workbook` — the XLSX template an info spot edits and its
  three-way merge back into the store (``clusterlib kb export`` / ``clusterlib kb import``);
* :func:`write_knowledge_pages` — the knowledge-base and info-spot pages of a report set;
* :func:`load_programmes` / :func:`programmes_for_needs` — the support programmes and the link
  from each priority need of the survey to the programmes that fund it.
"""

from clusterlib.knowledge.merge import (
    Conflict,
    ImportResult,
    MergeConflictError,
    duplicate_names,
    import_workbook,
    three_way,
)
from clusterlib.knowledge.pages import info_spot_page, knowledge_base_page, safe_link, write_knowledge_pages
from clusterlib.knowledge.programmes import (
    load_programmes,
    programmes_for_needs,
    programmes_heading,
    programmes_note,
    programmes_table,
)
from clusterlib.knowledge.schema import KINDS, TEMPLATE_VERSION, need_areas
from clusterlib.knowledge.seed import open_store
from clusterlib.knowledge.store import Change, Entry, KnowledgeStore, StoreError, default_store_path
from clusterlib.knowledge.workbook import KnowledgeImportError, export_workbook, read_workbook

__all__ = [
    "KINDS",
    "TEMPLATE_VERSION",
    "Change",
    "Conflict",
    "Entry",
    "ImportResult",
    "KnowledgeImportError",
    "KnowledgeStore",
    "MergeConflictError",
    "StoreError",
    "default_store_path",
    "duplicate_names",
    "export_workbook",
    "import_workbook",
    "info_spot_page",
    "knowledge_base_page",
    "load_programmes",
    "need_areas",
    "open_store",
    "programmes_for_needs",
    "programmes_heading",
    "programmes_note",
    "programmes_table",
    "read_workbook",
    "safe_link",
    "three_way",
    "write_knowledge_pages",
]
