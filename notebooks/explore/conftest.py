"""nbval runs the workbench twice: as stored (a pilot province, Turkish) and for a non-pilot province in
English, so every view is executed for a province without survey, firm or monitoring data too.

The second run is the same notebook with its ``parameters`` cell replaced (as papermill would inject
them); its test ids end in ``[Hakkari-en]``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

WORKBENCH = "workbench.ipynb"
#: The extra run: a non-pilot province (no survey, firms or monitoring data), in English.
VARIANT = "Hakkari-en"
PARAMETERS = 'province = "Hakkari"\nlang = "en"\ndata_dir = None'



def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    options = parent.config.option
    if file_path.name != WORKBENCH or not (getattr(options, "nbval", False) or getattr(options, "nbval_lax", False)):
        return None
    from nbval.plugin import IPyNbFile

    class WorkbenchVariant(IPyNbFile):
        """The workbench with its parameters cell replaced by ``self.parameters``."""

        parameters = ""

        def collect(self):
            items = list(super().collect())
            cells = [cell for cell in self.nb.cells if "parameters" in cell.metadata.get("tags", [])]
            if len(cells) != 1:
                raise pytest.UsageError(f"{WORKBENCH} must have exactly one cell tagged 'parameters'")
            cells[0].source = self.parameters
            return items

    name = f"{WORKBENCH}[{VARIANT}]"
    collector = WorkbenchVariant.from_parent(parent, path=file_path, name=name, nodeid=f"{parent.nodeid}/{name}")
    collector.parameters = PARAMETERS
    return collector
