"""Where kg finds its data: ontology, shapes, canned queries and lexicons.

``ontology/``, ``shapes/`` and ``queries/`` are top-level folders of the source tree; a wheel
carries copies under ``kg/_resources/``. Lexicons are package data under ``kg/lexicons/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder ``name`` (``ontology``, ``shapes`` or ``queries``).

    An installed wheel has it under ``kg/_resources``; a source checkout (or an editable
    install) has it beside the package.
    """
    for candidate in (_PACKAGE / "_resources" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kg resource folder {name!r} is missing from the installation")


def lexicon_path(filename: str) -> Path:
    """Return the path of a lexicon file shipped in ``kg/lexicons``."""
    return _PACKAGE / "lexicons" / filename
