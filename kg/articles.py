"""Articles: reading ``.txt`` and ``.jsonl`` inputs, and blanking page furniture."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


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
