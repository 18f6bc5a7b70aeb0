"""The README stays true: CI installs and tests exactly as its first commands say."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block, "the README has no sh code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_starts_with_install_run_and_test():
    install, run, test = readme_commands()[:3]
    assert "pip install" in install
    assert run.startswith("kg build ")
    assert "pytest" in test


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install, run, test = readme_commands()[:3]
    # CI may add quiet flags to pip and pytest but must otherwise run the same commands.
    assert install.replace("pip install", "pip install --quiet") in ci
    assert run in ci
    assert test in ci


def test_readme_examples_exist():
    assert sorted((ROOT / "examples" / "articles").iterdir()), "examples/articles is empty"
