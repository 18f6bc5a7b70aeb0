"""Typed records that extractors yield and the RDF mapper consumes.

Extractors are pure functions over a spaCy ``Doc``; they yield these frozen records. Nothing
here knows about RDF: ``kg.rdf`` maps records to triples. Values that end up as controlled
vocabulary terms are plain strings checked against the sets below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_TYPES = frozenset(
    {"Person", "Organization", "Country", "CriminalOrganization", "GovernmentBody", "MediaOrganization"}
)
QUOTE_KINDS = frozenset({"direct", "partial"})
STANCES = frozenset({"against_intervention", "for_intervention", "neutral"})
OPERATION_TYPES = frozenset(
    {
        "strike",
        "capture",
        "raid",
        "deployment",
        "seizure",
        "arrest",
        "surveillance",
        "military_action",
        "military_intervention",
        "extradition",
        "repatriation",
    }
)
OPERATION_STATUSES = frozenset({"conducted", "threatened", "proposed", "authorized", "ruled_out"})
DESIGNATION_CATEGORIES = frozenset(
    {"terrorist_organization", "foreign_terrorist_organization", "enemy_combatant"}
)


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact or mention stands in the article text (character offsets, end exclusive)."""

    start: int
    end: int
    sentence: str
    sentence_start: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad evidence offsets {self.start}..{self.end}")


@dataclass(frozen=True, order=True)
class Actor:
    """A resolved actor. ``key`` is the slug of its IRI (``claudia-sheinbaum``)."""

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None  # a QID such as "Q96", only where certain
    government: str | None = None  # key of the Country the actor acts for
    known: bool = True  # False for actors discovered in the text, not in the gazetteer

    def __post_init__(self) -> None:
        if self.type not in ACTOR_TYPES:
            raise ValueError(f"unknown actor type {self.type!r}")


@dataclass(frozen=True, order=True)
class Mention:
    """One mention of an actor in the text (a name, title, pronoun or description)."""

    actor: Actor
    evidence: Evidence
    text: str


@dataclass(frozen=True)
class Statement:
    """A quotation attributed to a speaker."""

    speaker: Actor
    text: str  # the quoted words, without the quote marks
    kind: str  # "direct" (a whole sentence or more) or "partial" (a fragment)
    stance: str
    evidence: Evidence  # span of the quoted words
    verb: str | None = None  # lemma of the reporting verb ("say", "tell", "insist")
    mentions: tuple[Actor, ...] = ()
    embedded_in: str | None = None  # text of the outer statement a nested quote was found in

    def __post_init__(self) -> None:
        if self.kind not in QUOTE_KINDS:
            raise ValueError(f"unknown quote kind {self.kind!r}")
        if self.stance not in STANCES:
            raise ValueError(f"unknown stance {self.stance!r}")
        if not self.text.strip():
            raise ValueError("empty statement text")


@dataclass(frozen=True)
class Operation:
    """A strike, raid, deployment, ... and how far it went (conducted, threatened, ...)."""

    type: str
    status: str
    trigger: str  # the words that triggered it ("strikes", "deployed")
    evidence: Evidence
    agent: Actor | None = None
    target: Actor | None = None
    target_text: str | None = None
    location: Actor | None = None
    location_text: str | None = None
    date: str | None = None  # ISO "2025-09-02", or "--09-02" when the year is unknown
    date_text: str | None = None  # the expression as written
    casualties: int | None = None
    casualties_text: str | None = None  # "dozens" when no number is given
    count: int | None = None

    def __post_init__(self) -> None:
        if self.type not in OPERATION_TYPES:
            raise ValueError(f"unknown operation type {self.type!r}")
        if self.status not in OPERATION_STATUSES:
            raise ValueError(f"unknown operation status {self.status!r}")


@dataclass(frozen=True)
class Designation:
    """A government labelling a group (terrorist organization, enemy combatants, ...)."""

    designator: Actor
    designee_text: str
    category: str
    evidence: Evidence
    designee: Actor | None = None
    date: str | None = None
    date_text: str | None = None

    def __post_init__(self) -> None:
        if self.category not in DESIGNATION_CATEGORIES:
            raise ValueError(f"unknown designation category {self.category!r}")


@dataclass
class Extraction:
    """Everything extracted from one article."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
