"""Input paths: files as named, folders standing for the files they hold that kg can read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from kg.errors import InputError


def expand_paths(paths: Iterable[str | Path], accept: Callable[[Path], bool], kind: str,
                 recursive: bool = True) -> list[Path]:
    """The files named, each folder replaced by the files in it that ``accept`` takes (in name
    order; below it too when ``recursive``). A missing path, or a folder with no ``kind`` files,
    is an InputError."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_dir():
            found = sorted(p for p in (path.rglob("*") if recursive else path.iterdir())
                           if p.is_file() and accept(p))
            if not found:
                raise InputError(f"{raw}: the folder has no {kind}")
            files.extend(found)
        else:
            files.append(path)
    return files
