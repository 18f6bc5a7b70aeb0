"""Text and value normalisation for the scorer (:mod:`kg.evaluate`): folding, words, the quote
overlap rule of FORMAT.md, dates, places, and the groupings of ``kg/lexicons/evaluation.yaml``."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import yaml

TEXT_RECALL = 0.7  # share of the gold text's words that the extracted text must contain
TEXT_PRECISION = 0.3  # share of the extracted text's words that must be in the gold text

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_PLACE_LIST = re.compile(r"\s*(?:[,;/]|\band\b|\bor\b)\s*")


def fold(text: object) -> str:
    """Lower case, accents and curly quotes folded, whitespace collapsed: for comparing text."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_QUOTES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().split())


def fold_name(name: object) -> str:
    """A name for comparison: folded, dots, punctuation around it and a leading "the" dropped."""
    folded = fold(name).replace(".", "").strip(" \"',;:!?()[]")
    return folded[4:] if folded.startswith("the ") else folded


def words(text: object) -> list[str]:
    """The words of a text, quote marks, punctuation and case ignored."""
    return _WORD.findall(fold(text))


def text_overlap(gold_text: str, extracted_text: str) -> bool:
    """The FORMAT.md overlap rule: 70% of the gold words in the extract, 30% the other way."""
    gold_words, ext_words = words(gold_text), words(extracted_text)
    if not gold_words or not ext_words:
        return False
    gold_set, ext_set = set(gold_words), set(ext_words)
    recall = sum(w in ext_set for w in gold_words) / len(gold_words)
    precision = sum(w in gold_set for w in ext_words) / len(ext_words)
    return recall >= TEXT_RECALL and precision >= TEXT_PRECISION


def local_name(value: object) -> str:
    """The last path segment of an IRI (a concept or class), or the value itself."""
    return re.split(r"[/#]", str(value))[-1] if value is not None else ""


def row_value(row: dict, key: str) -> str | None:
    """A row cell as a stripped string, ``None`` when absent or empty."""
    cell = row.get(key)
    if cell is None or not str(cell).strip():
        return None
    return str(cell).strip()


@lru_cache(maxsize=1)
def families() -> dict:
    """The groupings of ``kg/lexicons/evaluation.yaml``, each as value -> family name."""
    from kg.resources import lexicon_path

    with open(lexicon_path("evaluation.yaml"), encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    grouped = {}
    for key in ("operation_type_families", "designation_category_families", "actor_type_families"):
        grouped[key] = {member: name for name, members in data[key].items() for member in members}
    grouped["location_generic_words"] = frozenset(data["location_generic_words"])
    return grouped


def family_of(kind: str, value: str | None) -> str | None:
    return families()[kind].get(local_name(value), local_name(value)) if value else None


def same_date(gold: str, extracted: str) -> bool:
    """Full dates compare whole; when either side lacks the year (``--09-02``), month and day."""
    if gold[:2] != "--" and extracted[:2] != "--" and len(gold) == len(extracted) == 10:
        return gold == extracted
    return bool(extracted) and gold[-5:] == extracted[-5:]


def place_parts(place: str) -> list[str]:
    """The place itself, then each place of a list ("X and Y", "X, Y", "X / Y") on its own."""
    parts = [part for part in _PLACE_LIST.split(place) if part.strip()]
    return [place, *parts] if len(parts) > 1 else [place]
