"""Project paths, resolved from one ``PROJECT_ROOT`` (as Cookiecutter Data Science's ``config.py``).

Every path the workbench reads or writes is built here, never from the current working directory,
because papermill's ``cwd`` argument changes the directory of the whole process.
The root can be overridden with the ``CLUSTERLIB_ROOT`` environment variable (e.g. an installed
package run against a data checkout elsewhere).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
PROJECT_ROOT: Path = Path(os.environ.get("CLUSTERLIB_ROOT", PACKAGE_DIR.parent)).resolve()

DATA_DIR: Path = PROJECT_ROOT / "data"
RAW_DIR: Path = DATA_DIR / "raw"
SAMPLE_DIR: Path = RAW_DIR / "sample"
PROCESSED_DIR: Path = DATA_DIR / "processed"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
REPORTS_DIR: Path = PROJECT_ROOT / "reports"
RESOURCES_DIR: Path = PACKAGE_DIR / "resources"

LANGUAGES: tuple[str, ...] = ("tr", "en")
DEFAULT_LANGUAGE: str = "tr"

#: Environment variable of a kernel whose notebook is run for its report page: ``"1"`` makes
#: :func:`clusterlib.report.show` publish figures as the page's HTML only (the runner sets it in the
#: kernel spec of its run, so only its kernels see it).
PAGE_ONLY_ENV: str = "CLUSTERLIB_PAGE_ONLY"
