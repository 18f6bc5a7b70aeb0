"""The actor recognizer component: gazetteer + discovery (+ trained NER) -> ``kg_actors``.

Leaves on the Doc (see docs/extraction.md):

- ``doc.spans["kg_actors"]``: one span per name mention, ``label_`` = actor type,
  ``kb_id_`` = actor key;
- ``doc.user_data["kg.actors"]``: ``dict[key, Actor]``;
- ``doc.user_data["kg.roles"]``: ``dict[key, list[(title, country key)]]`` of titles seen with
  a name in this article (for coreference of "the Mexican president");
- ``doc.user_data["kg.genders"]``: genders read from honorifics ("Mr.", "Ms.").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import lexicons
from kg.nlp.candidates import DISCOVERED, GazetteerMatcher
from kg.nlp.discovery import Context, discover
from kg.nlp.known import first_name_countries, from_entities, hyphen_compounds, rehome_bodies
from kg.nlp.name_rules import (capital_as_place, extended_known_body, extended_known_person, folded_words,
                               namesake_state)
from kg.nlp.resolve import build, select, surname_groups
from kg.nlp.nicknames import nickname_mentions
from kg.nlp.transcripts import label_names


class ActorRecognizer:
    """Finds actor mentions; one actor per entity within the Doc (see :mod:`kg.nlp.resolve`)."""

    def __init__(self, nlp: Language, use_entities: bool = True):
        self.gaz = lexicons.gazetteer()
        self.matcher = GazetteerMatcher(nlp, self.gaz, lexicons.stop_phrases())
        self.use_entities = use_entities
        self.capitals = lexicons.capital_cities()
        self.locatives = frozenset(lexicons.org_cues()["locatives"])
        self.lex = (lexicons.titles(), lexicons.demonyms(), lexicons.org_cues(), lexicons.reporting_verbs(),
                    lexicons.given_names(), lexicons.sentence_openers())

    def _outlet(self, doc: Doc, cand) -> bool:
        """The article's own outlet ("X told The Atlantic" in The Atlantic) is its publisher,
        not an actor of the story."""
        outlet = doc.user_data.get("kg.outlet")
        if not outlet or cand.type != "MediaOrganization":
            return False
        actor = self.gaz.actors.get(cand.key)
        names = {doc[cand.start:cand.end].text, *((actor.label, *actor.aliases) if actor else ())}
        return _bare(outlet) in {_bare(name) for name in names}

    def __call__(self, doc: Doc) -> Doc:
        known = self.matcher(doc)
        index = {i: c for c in known for i in range(c.start, c.end)}
        ctx = Context(*self.lex, known=index)
        known = hyphen_compounds(doc, first_name_countries(doc, known, ctx))
        known = [c for c in known if not (extended_known_person(doc, c, ctx) or self._outlet(doc, c)
                                          or extended_known_body(doc, c, ctx)
                                          or capital_as_place(doc, c, self.capitals, self.locatives))]
        _rekey_namesakes(doc, known, ctx)
        index = {i: c for c in known if c.key for i in range(c.start, c.end)}
        ctx = Context(*self.lex, known=index, labels=label_names(doc))
        rehome_bodies(doc, known, ctx)
        cands = known + [c for c in discover(doc, ctx) if not self._outlet(doc, c)]
        cands += surname_groups(doc, cands)  # "Ortega Lugo" is the "Cecilia Ortega Lugo" just named
        nicknames = nickname_mentions(doc, cands)  # 'X, whom everyone calls "Y"': a lone "Y" is X
        spans = {(c.start, c.end) for c in nicknames}
        cands = [c for c in cands if (c.start, c.end) not in spans] + nicknames
        if self.use_entities and doc.has_annotation("ENT_IOB"):
            cands += from_entities(doc, ctx)
        stops = self.matcher.stop_spans(doc)
        cands = [c for c in cands if not any(s <= c.start and c.end <= e for s, e in stops) or c.key]
        resolved = build(doc, select(cands), self.gaz)
        doc.spans["kg_actors"] = [
            Span(doc, s, e, label=resolved.actors[k].type, kb_id=k) for s, e, k in resolved.mentions
        ]
        doc.user_data["kg.actors"] = resolved.actors
        doc.user_data["kg.roles"] = resolved.roles
        doc.user_data["kg.genders"] = resolved.genders
        return doc


@Language.factory("kg_actors", default_config={"use_entities": True})
def make_actor_recognizer(nlp: Language, name: str, use_entities: bool) -> ActorRecognizer:
    return ActorRecognizer(nlp, use_entities)


def _rekey_namesakes(doc: Doc, known: list, ctx: Context) -> None:
    """"Colombian Defense Minister Pedro Sánchez": another state's official who shares a known
    person's name is someone else, keyed by name and state."""
    for c in known:
        state = namesake_state(doc, c, ctx)
        if state is not None:
            name = " ".join(t.text for t in doc[c.start:c.end])
            c.key, c.government, c.priority = lexicons.slugify(f"{name} {state}"), state, DISCOVERED


def _bare(name: str) -> tuple[str, ...]:
    """A name's folded words without a leading "the" ("The Atlantic" is "Atlantic" too)."""
    words = folded_words(name.split())
    return words[1:] if words[:1] == ("the",) else words
