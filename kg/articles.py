"""Articles: reading ``.txt`` and ``.jsonl`` inputs, and blanking page furniture.

Offsets everywhere in kg refer to ``Article.text``. ``Article.clean_text`` is the same text with
furniture, the headline and repeated paragraphs replaced by spaces (newlines kept), so a Doc made
from it has the same character offsets.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kg.errors import ArticleError
from kg.paths import expand_paths
from kg.resources import lexicon_path

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")
MAX_ARTICLE_BYTES = 5_000_000
_METADATA = ("title", "url", "outlet", "published")
_SENTENCE_END = tuple('.!?"”’\'»:)')


@dataclass(frozen=True)
class Article:
    """One news article. Character offsets everywhere in kg refer to ``text``."""

    source: str  # file name, or the JSONL id
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, "2025-11-04"
    clean_text: str = field(default="", compare=False)  # ``text`` with furniture blanked

    def __post_init__(self) -> None:
        if not self.clean_text:
            object.__setattr__(self, "clean_text", self.text)
        if len(self.clean_text) != len(self.text):
            raise ValueError("clean_text must keep the offsets of text")

    @property
    def content_hash(self) -> str:
        """sha256 of the text, hex."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def make_article(source: str, text: str, meta: dict | None = None) -> Article:
    """Build an Article from raw body text and metadata, blanking furniture."""
    meta = dict(meta or {})
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleError(f"{source}: the article is empty")
    clean, headline = blank_furniture(text)
    if not clean.strip():
        raise ArticleError(f"{source}: the article has no text besides its headline and page furniture")
    title = _str_or_none(meta.get("title")) or headline
    return Article(
        source=source,
        text=text,
        title=title,
        url=_str_or_none(meta.get("url")),
        outlet=_str_or_none(meta.get("outlet")),
        published=_iso_date(meta.get("published"), source),
        clean_text=clean,
    )


@dataclass
class ReadPosition:
    """How far reading has got, in bytes of input files, for a progress bar's ETA."""

    total: int = 0
    done: int = 0


def read_articles(
    paths: Iterable[str | Path],
    on_error: Callable[[ArticleError], None],
    position: ReadPosition | None = None,
) -> Iterator[Article]:
    """Yield the articles of files and folders, in a stable order, one at a time.

    A missing path raises InputError at once; an article that cannot be read is passed to
    ``on_error`` and skipped. JSONL files are read line by line, whatever their size.
    ``position`` (optional) is kept up to date with the input bytes read.
    """
    files = expand_paths(paths, lambda p: p.name.endswith(SUFFIXES), ".txt or .jsonl articles")
    position = position if position is not None else ReadPosition()
    position.total = sum(_size(path) for path in files)
    for path in files:
        start = position.done
        try:
            if path.name.endswith((".jsonl", ".jsonl.gz")):
                yield from _read_jsonl(path, on_error, position)
            else:
                yield _read_txt(path)
        except ArticleError as err:
            on_error(err)
        position.done = start + _size(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    if b"\x00" in data:
        raise ArticleError(f"{name}: the file is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(f"{name}: not valid UTF-8 (byte {err.start})") from None


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"{path.name}: larger than {MAX_ARTICLE_BYTES} bytes")
        return path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot be read ({err.strerror or err})") from None


def _read_txt(path: Path) -> Article:
    if not path.name.endswith(".txt"):
        raise ArticleError(f"{path.name}: not an article file (expected .txt, .jsonl or .jsonl.gz)")
    text = _decode(_read_bytes(path), path.name)
    meta, body = split_front_matter(text, path.name)
    return make_article(path.name, body, meta)


def _read_jsonl(path: Path, on_error: Callable[[ArticleError], None], position: ReadPosition) -> Iterator[Article]:
    """The articles of a JSONL file (gzipped or not), one line at a time."""
    start = position.done
    try:
        with open(path, "rb") as raw:
            fh = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.endswith(".gz") else raw
            lines = 0
            for number, line in enumerate(fh, start=1):
                position.done = start + raw.tell()
                if not line.strip():
                    continue
                lines += 1
                try:
                    yield _jsonl_line(path.name, number, line)
                except ArticleError as err:
                    on_error(err)
            if not lines:
                raise ArticleError(f"{path.name}: the file is empty")
    except (OSError, EOFError) as err:
        raise ArticleError(f"{path}: cannot be read ({getattr(err, 'strerror', None) or err})") from None


def _jsonl_line(name: str, number: int, line: bytes) -> Article:
    where = f"{name} line {number}"
    if len(line) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{where}: larger than {MAX_ARTICLE_BYTES} bytes")
    if b"\x00" in line:
        raise ArticleError(f"{where}: binary, not text")
    try:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(f"{where}: not valid UTF-8 (byte {err.start})") from None
    return _jsonl_article(name, number, text)


def _jsonl_article(name: str, number: int, line: str) -> Article:
    where = f"{name} line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ArticleError(f"{where}: malformed JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{where}: missing or empty 'text'")
    source = _str_or_none(record.get("id")) or f"{name}:{number}"
    return make_article(source, text, {k: record.get(k) for k in _METADATA})


def split_front_matter(text: str, name: str) -> tuple[dict, str]:
    """Split optional YAML front matter (between ``---`` lines) from the body."""
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.S)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        raise ArticleError(f"{name}: the YAML front matter cannot be parsed") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{name}: the YAML front matter is not a mapping")
    return {k: meta.get(k) for k in _METADATA}, text[match.end():]


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _iso_date(value: object, source: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ArticleError(f"{source}: 'published' is not an ISO date: {value!r}") from None


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern, re.Pattern, int]:
    data = yaml.safe_load(lexicon_path("furniture.yaml").read_text(encoding="utf-8"))
    lines = re.compile("|".join(f"(?:{p})" for p in data["lines"]), re.I)
    either = "|".join(f"(?:{p})" for p in data["contains"])
    contains = re.compile(f"{_first_char_hint(data['contains'])}(?:{either})", re.I)
    return lines, contains, int(data["trailing"]["max_words"])


def _first_char_hint(patterns: list[str]) -> str:
    """A lookahead of the characters every match must start with, when each pattern opens with
    one plain character ("\\bcredit:", "\\(photo:"): the search then skips the other
    positions (3x faster on whole lines); the same matches. "" when a pattern opens otherwise."""
    firsts = set()
    for pattern in patterns:
        rest = pattern
        while rest.startswith("\\b"):
            rest = rest[2:]
        first = rest[:2] if rest[:1] == "\\" else rest[:1]
        if "|" in pattern or not first or rest[len(first):len(first) + 1] in ("?", "*", "{") or \
                (len(first) == 1 and not first.isalnum()) or (len(first) == 2 and first[1].isalnum()):
            return ""
        firsts.add(first)
    return "(?=[" + "".join(sorted(firsts)) + "])"


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, end excluding the newline."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _looks_like_headline(line: str) -> bool:
    # A headline has no closing punctuation and is short; a lead paragraph ends a sentence.
    return len(line.split()) <= 30 and not line.rstrip().endswith(_SENTENCE_END)


def blank_furniture(text: str) -> tuple[str, str | None]:
    """Return (text with furniture blanked, headline or None)."""
    nav, credit, max_words = _furniture()
    spans = _line_spans(text)
    drop: set[int] = set()
    seen: set[str] = set()
    for index, (start, end) in enumerate(spans):
        line = text[start:end].strip()
        key = " ".join(line.casefold().split())
        if nav.fullmatch(line) or credit.search(line) or key in seen:
            drop.add(index)  # navigation, photo credits, repeated paragraphs
        seen.add(key)
    drop.update(_trailing_block(text, spans, drop, max_words))
    headline = None
    kept = [index for index in range(len(spans)) if index not in drop]
    if len(kept) > 1 and _looks_like_headline(text[spans[kept[0]][0]:spans[kept[0]][1]]):
        headline = text[spans[kept[0]][0]:spans[kept[0]][1]].strip()
        drop.add(kept[0])
    chars = list(text)
    for index in drop:
        start, end = spans[index]
        chars[start:end] = " " * (end - start)
    return "".join(chars), headline


def _trailing_block(text: str, spans: list[tuple[int, int]], drop: set[int], max_words: int) -> set[int]:
    """Short unpunctuated lines after the last line of prose: author boxes, link lists."""
    for index in range(len(spans) - 1, -1, -1):
        line = text[spans[index][0]:spans[index][1]].strip()
        if index not in drop and (len(line.split()) > max_words or line.endswith(_SENTENCE_END)):
            return set(range(index + 1, len(spans)))
    return set()
