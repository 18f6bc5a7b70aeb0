"""A bounded warm vocabulary for long runs.

Each article is extracted inside ``nlp.memory_zone()`` so that the names it brings do not stay
in memory. The zone also drops what the tokenizer cached and the lexemes it made for the
article, so without help every article is tokenized from a cold cache: ordinary words such as
"said," or "officials" went through spaCy's prefix/suffix/infix search again in every article
(about a third of the pipeline's time on 600-word news).

:class:`WarmVocabulary` tokenizes, outside any zone, the whitespace chunks worth keeping until it
holds ``capacity`` of them: lowercase words at once, any other chunk ("Mexico's", "U.S.", '"We')
when a second article uses it. Those cache entries and lexemes then survive every zone. A name
read once is never kept, and both the kept set and the set of chunks seen once are capped, so
memory stays bounded however long the run. Tokens and their attributes are the same with or
without it (the cache only memoizes), so the output does not depend on it.
"""

from __future__ import annotations

from spacy.language import Language

from kg.nlp.candidates import fold_accents

# Distinct chunks kept: news in English reuses a few tens of thousands of word forms.
CAPACITY = 40_000
# A chunk longer than this is rare (URLs, glued runs): not worth a permanent entry.
LONGEST = 24
# Chunks seen once, waiting for a second article: a new generation starts when this many wait.
WAITING = 4 * CAPACITY
# Tokenizer cache entries beyond the kept chunks: what the pipeline tokenized while loading.
CACHE_SLACK = 10_000


class WarmVocabulary:
    """Remembers up to ``capacity`` common whitespace chunks in ``nlp``'s tokenizer cache."""

    def __init__(self, nlp: Language, capacity: int = CAPACITY):
        self.nlp = nlp
        self.capacity = capacity
        self.kept: set[str] = set()
        self.seen_once: set[str] = set()
        # spaCy's tokenizer stops caching at 10,000 chunks (max_cache_size): past that, the
        # chunks kept here would be tokenized again in every zone.
        tokenizer = nlp.tokenizer
        if getattr(tokenizer, "max_cache_size", None) is not None:
            tokenizer.max_cache_size = max(tokenizer.max_cache_size, capacity + CACHE_SLACK)

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.capacity

    def observe(self, text: str) -> None:
        """Keep the chunks of ``text`` worth keeping (call outside any memory zone)."""
        if self.full:
            return
        chunks = {chunk for chunk in text.split() if len(chunk) <= LONGEST}
        if not text.isascii():  # the gazetteer matcher tokenizes accented chunks folded too
            chunks |= {fold_accents(chunk) for chunk in chunks if not chunk.isascii()}
        chunks -= self.kept
        # Lowercase words are vocabulary, not names; anything else must recur first.
        fresh = {chunk for chunk in chunks if chunk.islower() and not _has_digit(chunk)}
        fresh |= (chunks - fresh) & self.seen_once
        if len(self.seen_once) > WAITING:
            self.seen_once.clear()
        self.seen_once |= chunks - fresh
        fresh_list = sorted(fresh)[: self.capacity - len(self.kept)]
        if fresh_list:
            self.kept.update(fresh_list)
            # One chunk per call: spaCy caches no chunk of a text after the first one that
            # holds a special case ("Gen.", "U.S."), so a joined text left most of them out
            # (and the tokenizer then took twice the time in every zone).
            tokenize = self.nlp.tokenizer
            for chunk in fresh_list:
                tokenize(chunk)


def _has_digit(chunk: str) -> bool:
    # letters are never digits: most chunks are answered without a look at each character
    return not chunk.isalpha() and any(char.isdigit() for char in chunk)
