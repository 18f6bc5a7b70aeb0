"""Reading and checking gold annotations in the ``kg-gold/1`` format (see the gold FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.errors import InputError
from kg.evaluate_report import GOLD_FORMAT
from kg.records import DESIGNATION_CATEGORIES, OPERATION_STATUSES, OPERATION_TYPES, STANCES

FAMILIES = ("actors", "statements", "operations", "designations")
GOLD_TYPES = ("Person", "Organization", "Country")


def _fail(path: Path, where: str, problem: str) -> InputError:
    return InputError(f"{path}: {where}: {problem}" if where else f"{path}: {problem}")


def _check_item(path: Path, where: str, item: object, family: str, required: bool) -> None:
    """Check one gold fact; ``required`` items must carry the values that are scored."""
    if not isinstance(item, dict):
        raise _fail(path, where, "expected an object")
    needed = {"statements": ("speaker", "text"), "operations": ("type", "agent"),
              "designations": ("designee", "category")}[family]
    needed += {"statements": ("stance",), "operations": ("status",)}.get(family, ()) if required else ()
    for key in needed:
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise _fail(path, where, f"missing or empty {key!r}")
    vocab = {"stance": STANCES, "type": OPERATION_TYPES, "status": OPERATION_STATUSES,
             "category": DESIGNATION_CATEGORIES}
    for key, allowed in vocab.items():
        if key in item and item[key] not in allowed:
            raise _fail(path, where, f"unknown {key} {item[key]!r}")
    if not isinstance(item.get("designee_aliases", []), list):
        raise _fail(path, where, "'designee_aliases' must be a list")


def _check_article(path: Path, where: str, article: object) -> None:
    if not isinstance(article, dict) or not isinstance(article.get("file"), str):
        raise _fail(path, where, "an article needs a 'file' string")
    for family in FAMILIES:
        part = article.setdefault(family, {"required": [], "allowed": []})
        if not isinstance(part, dict):
            raise _fail(path, f"{where}.{family}", "expected an object with 'required' and 'allowed'")
        for kind in ("required", "allowed"):
            items = part.setdefault(kind, [])
            if not isinstance(items, list):
                raise _fail(path, f"{where}.{family}.{kind}", "expected a list")
            for n, item in enumerate(items):
                spot = f"{where}.{family}.{kind}[{n}]"
                if family == "actors":
                    if not isinstance(item, str) or not item.strip():
                        raise _fail(path, spot, "an actor is a non-empty label")
                else:
                    _check_item(path, spot, item, family, kind == "required")


def _check_entity(path: Path, where: str, entity: object) -> None:
    if not isinstance(entity, dict) or not isinstance(entity.get("label"), str):
        raise _fail(path, where, "an entity needs a 'label' string")
    if entity.get("type") not in GOLD_TYPES:
        raise _fail(path, where, f"type must be one of {', '.join(GOLD_TYPES)}")
    aliases = entity.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _fail(path, where, "'aliases' must be a list of strings")
    if "government" in entity and not isinstance(entity["government"], str):
        raise _fail(path, where, "'government' must be a string")


def load_gold(path: str | Path) -> dict:
    """Read and check a ``kg-gold/1`` file; missing families are filled in as empty."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc.__class__.__name__}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(gold, dict) or gold.get("format") != GOLD_FORMAT:
        raise _fail(path, "", f"not a {GOLD_FORMAT} file (expected \"format\": \"{GOLD_FORMAT}\")")
    for key in ("entities", "articles"):
        if not isinstance(gold.get(key), list):
            raise _fail(path, key, "expected a list")
    for n, entity in enumerate(gold["entities"]):
        _check_entity(path, f"entities[{n}]", entity)
    seen: set[str] = set()
    for n, article in enumerate(gold["articles"]):
        _check_article(path, f"articles[{n}]", article)
        if article["file"] in seen:
            raise _fail(path, f"articles[{n}]", f"file {article['file']!r} annotated twice")
        seen.add(article["file"])
    return gold
