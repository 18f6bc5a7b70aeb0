"""notebooks/explore.ipynb runs top to bottom (nbclient and a Python kernel), and is kept in git
without outputs. CI installs the notebook extras (pip install '.[notebook]'), so it runs there."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_the_notebook_is_stored_without_outputs():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert code, "the notebook has no code cells"
    for cell in code:
        assert cell.get("outputs") == [] and cell.get("execution_count") is None, "".join(cell["source"])[:80]


def test_the_notebook_runs(monkeypatch):
    for module in ("nbclient", "nbformat", "ipykernel", "pandas", "matplotlib"):
        pytest.importorskip(module, reason=f"{module} is not installed: pip install '.[notebook]'")
    import nbformat
    from nbclient import NotebookClient

    # the kernel imports kg from this checkout even when kg is not installed
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, if a cell fails
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert len(images) >= 3, "expected the stance, timeline and network pictures"
    assert "unchanged articles skipped" in text and "[[" in text and ".graphml:" in text
