"""Rule-based coreference: third-person pronouns and role descriptions -> ``kg_coref``.

Rules (data in ``kg/lexicons/coref.yaml``):

1. Only text outside quotation marks is resolved ("I told him" inside a quote is the speaker's
   world, not the narrator's).
2. A description — "the" + optional country word(s) / modifiers + a role noun ("the Mexican
   president", "the U.S. president", "the secretary"), or a country's possessive + a role noun
   ("Mexico's president") — not followed by a name — goes to the
   person most recently mentioned with that role (a title seen in this article, else a
   gazetteer job title) and, when a country is given, acting for that country. With no such
   person mentioned so far, a unique gazetteer holder of the role for that country is used.
3. A body description — "the" + a body noun ("the ministry", "the cartel", "the agency") —
   goes to the latest organisation named with that word, else to the only one of that type
   named so far, else to one of that type named in the same or the previous sentence.
4. A pronoun (he/him/his, she/her/hers) goes to the most salient compatible person: the first
   person (the subject, usually) of the same sentence before the pronoun, else the first person
   of the closest earlier sentence that has one, looking back a few sentences — unless an
   unnamed person ("a shopkeeper", "one resident") enters in between: then the pronoun is
   theirs and stays unresolved. Gender comes from the gazetteer, an honorific or a given name;
   unknown gender is compatible with both.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import lexicons
from kg.nlp.lexicons import read_yaml
from kg.nlp.quotes import quoted_token_mask, token_lowers, token_words
from kg.nlp.tables import sentence_bounds, token_sentence


BODY_LOOKBACK = 2  # sentences back a body description ("the company") may find its body


class CorefResolver:
    def __init__(self, pronouns: dict[str, str], role_nouns: list[str], skip: list[str], lookback: int,
                 body_nouns: dict[str, str], people: list[str], portfolios: list[str],
                 voices: list[str] = (), synonyms: dict[str, str] | None = None):
        self.synonyms = dict(synonyms or {})  # "mandatary" -> "president": one office, two words
        self.voices = frozenset(voices)  # "spokesperson": "a department spokesperson" is the body
        self.portfolios = frozenset(portfolios)  # "defense", "interior": which ministry
        self.people = frozenset(people)  # nouns for unnamed people ("shopkeeper", "resident")
        self.body_nouns = body_nouns  # "ministry" -> "GovernmentBody" (or a list of types)
        self.pronouns = pronouns  # form -> "male" | "female"
        self.role_nouns = frozenset(role_nouns) | frozenset(self.synonyms)
        self.skip = frozenset(skip)  # words allowed between "the" and the role noun
        self.lookback = lookback
        self.gaz = lexicons.gazetteer()
        self.demonyms = lexicons.demonyms()

    def __call__(self, doc: Doc) -> Doc:
        names = list(doc.spans.get("kg_actors", []))  # a SpanGroup makes its Spans anew on each pass
        index = _NameIndex.of(names)
        mentions = [sp for sp in names if sp.label_ == "Person"]
        in_quote = quoted_token_mask(doc)
        named = {j for sp in names for j in range(sp.start, sp.end)}  # "the Army" is a name
        out: list[Span] = []
        countries = index.countries  # the cheap test first: "Mexico's" starts at a country
        for i, low in enumerate(token_lowers(doc)):
            if in_quote[i]:
                continue
            if low in self.pronouns:  # people only: "he" is never "the navy"
                key = self._pronoun(doc, i, mentions + [sp for sp in out if sp.label_ == "Person"], index)
                if key:
                    out.append(Span(doc, i, i + 1, label="Person", kb_id=key))
            elif low == "the" or (i in countries and self._possessive_country(doc, i, index)):
                span = self._description(doc, i, mentions + out, index)
                if span is None and low == "the" and i + 1 not in named:
                    span = self._body(doc, i, names)
                if span is not None:
                    out.append(span)
            elif low in ("a", "an") and self._body_voice(doc, i) and i + 1 not in named:
                span = self._body(doc, i, names)
                out += [span] if span is not None else []
        doc.spans["kg_coref"] = sorted(out, key=lambda s: (s.start, s.end))
        return doc

    def _gender(self, doc: Doc, key: str) -> str | None:
        return self.gaz.genders.get(key) or doc.user_data.get("kg.genders", {}).get(key)

    def _pronoun(self, doc: Doc, i: int, mentions: list[Span], index: "_NameIndex") -> str | None:
        gender = self.pronouns[token_lowers(doc)[i]]
        sent = token_sentence(doc, i)
        in_quote = quoted_token_mask(doc)
        lo = self._window_start(doc, sent)
        words = token_words(doc)
        # a name in parentheses ("Q (Ana Ruiz, Milenio): Trump said he ...") is an aside, not a subject
        ok = sorted((m for m in mentions if lo <= m.start < i and (not in_quote[m.start] or _whole_quote(words, m))
                     and self._gender(doc, m.kb_id_) in (None, gender)
                     and not (m.start > 0 and words[m.start - 1] == "(")), key=lambda m: m.start)
        same = _subjects([m for m in ok if sent.start <= m.start and m.end <= i], words)
        if same:
            return same[0].kb_id_
        if not ok:
            return None
        last = ok[-1].sent  # the closest earlier sentence with a compatible person: its first one
        if self._unnamed_person(doc, last.end, sent.end, in_quote, index):
            return None  # "a shopkeeper shrugged. 'No,' she said": someone kg cannot name
        return _subjects([m for m in ok if m.start >= last.start], words)[0].kb_id_

    def _unnamed_person(self, doc: Doc, start: int, end: int, in_quote: list[bool],
                        index: "_NameIndex") -> bool:
        """An unnamed person ("a shopkeeper", "one resident") enters between start and end."""
        names, low = index.tokens, token_lowers(doc)
        for i in range(start, end):
            if low[i] not in INDEFINITE or in_quote[i]:
                continue
            if i > 0 and low[i - 1] == "by":
                continue  # "asked by a reporter whether ..., he said": the asker is not "he"
            head = next((j for j in range(i + 1, min(end, i + 4)) if low[j] in self.people), None)
            if head is not None and not names.intersection(range(head, min(len(doc), head + 6))):
                return True
        return False

    def _window_start(self, doc: Doc, sent: Span) -> int:
        """First token of the sentence ``lookback`` sentences before ``sent``."""
        start, bounds = sent.start, sentence_bounds(doc)
        for _ in range(self.lookback):
            if start == 0:
                break
            start = bounds[0][start - 1] if bounds is not None else doc[start - 1].sent.start
        return start

    def _possessive_country(self, doc: Doc, i: int, index: "_NameIndex") -> str | None:
        """The country of "Mexico's" starting at token i ("Mexico's president")."""
        key = index.countries.get(i)
        words = token_words(doc)
        if key is None or i + 1 >= len(words) or words[i + 1] not in ("'s", "’s"):
            return None
        return key

    def _description(self, doc: Doc, i: int, mentions: list[Span], index: "_NameIndex") -> Span | None:
        country = self._possessive_country(doc, i, index)
        words, lows, size = token_words(doc), token_lowers(doc), len(doc)
        j = i + 2 if country else i + 1
        while j < size and j - i <= 3 and lows[j] not in self.role_nouns:
            word = words[j]
            if word in self.demonyms:
                country = self.demonyms[word]
            elif lows[j] not in self.skip and not (word in {"U.S.", "US"}):
                return None
            if word in {"U.S.", "US"}:
                country = "united-states"
            j += 1
        if j >= size or lows[j] not in self.role_nouns:
            return None
        if j + 1 < size and words[j + 1][:1].isupper() and words[j + 1].isalpha():
            return None  # "the president Donald Trump": a title, not a description
        if j + 2 < size and words[j + 1] == "," and j + 2 in index.person_starts:
            return None  # "Colombia's defense minister, Iván Córdoba,": the title of the name after it
        appositive = next((m for m in mentions if m.end == i - 1 and words[i - 1] == ","), None)
        if appositive is not None:  # "X, the U.S. attorney in Brooklyn, said": X's own title
            return Span(doc, i, j + 1, label="Person", kb_id=appositive.kb_id_)
        portfolio = frozenset(low for low in lows[i + 1:j] if low in self.portfolios)
        noun = self.synonyms.get(lows[j], lows[j])
        office = _office([*lows[i + 1:j], noun], noun)  # "the vice president"
        named = _named_in_quote_before(doc, i, mentions)  # '"X is a bad leader," the president said': not X
        key = self._role_holder(doc, i, noun, country, [m for m in mentions if m.kb_id_ not in named],
                                office, portfolio)
        if key is None:
            return None
        return Span(doc, i, j + 1, label="Person", kb_id=key)

    def _body_voice(self, doc: Doc, i: int) -> bool:
        """"a department spokesperson said": someone speaking for a body stands for it."""
        low = token_lowers(doc)
        return low[i] in ("a", "an") and i + 2 < len(doc) and low[i + 2] in self.voices

    def _body(self, doc: Doc, i: int, names: list[Span]) -> Span | None:
        """"the ministry", "the cartel": the latest body named with that word, else of that type."""
        lows = token_lowers(doc)
        if i + 1 >= len(lows) or lows[i + 1] not in self.body_nouns:
            return None
        if i + 2 < len(lows) and token_words(doc)[i + 2][:1].isupper():
            return None  # "the Ministry Of ..." is a name, not a description
        noun = lows[i + 1]
        kinds = self.body_nouns[noun]
        kinds = {kinds} if isinstance(kinds, str) else set(kinds)
        before = [sp for sp in names if sp.end <= i and sp.label_ != "Person"]
        # "In Burkina Faso, the army said": not another state's army named earlier
        sent = doc[i].sent
        states = {sp.kb_id_ for sp in names if sp.label_ == "Country" and sent.start <= sp.start < i}
        actors = doc.user_data.get("kg.actors", {})
        before = [sp for sp in before if not states or sp.kb_id_ not in actors
                  or actors[sp.kb_id_].government in (None, *states)]
        for sp in reversed(before):
            actor = doc.user_data.get("kg.actors", {}).get(sp.kb_id_)
            words = " ".join([actor.label, *actor.aliases]).lower().split() if actor else []
            if noun in words or noun.rstrip("s") in words:
                return Span(doc, i, i + 2, label=sp.label_, kb_id=sp.kb_id_)
        typed = [sp for sp in before if sp.label_ in kinds]
        if not typed:
            return None
        sent = doc[i].sent
        recent = sent.start
        for _ in range(BODY_LOOKBACK):  # the sentences before this one
            recent = recent if recent == 0 else doc[recent - 1].sent.start
        # only one body of that type so far, or one named in this or the two sentences before
        # ("X says ... . The crew ... . '...,' the company said")
        if len({sp.kb_id_ for sp in typed}) == 1 or typed[-1].start >= recent:
            return Span(doc, i, i + 2, label=typed[-1].label_, kb_id=typed[-1].kb_id_)
        return None

    def _roles(self, doc: Doc, key: str) -> list[tuple[str, str | None]]:
        # titles in the words of descriptions: "vice adm." is a "vice admiral"
        seen = [(" ".join(self.synonyms.get(w, w) for w in title.split()), gov)
                for title, gov in doc.user_data.get("kg.roles", {}).get(key, [])]
        actor = self.gaz.actors.get(key)
        if actor is not None and actor.government:  # roles in organisations (FIFA) are not state roles
            seen += [(r, actor.government) for r in self.gaz.roles.get(key, ())]
        return seen

    def _role_holder(self, doc: Doc, i: int, noun: str, country: str | None,
                     mentions: list[Span], office: frozenset[str] = frozenset(),
                     portfolio: frozenset[str] = frozenset()) -> str | None:
        def holds(key: str) -> bool:  # "the defense minister" is not the interior minister
            return any(_same_office(title, noun, office) and (country is None or gov == country)
                       and portfolio <= set(title.replace("-", " ").split())
                       for title, gov in self._roles(doc, key))
        before = [m for m in mentions if m.end <= i and holds(m.kb_id_)]
        if before:
            return max(before, key=lambda m: m.start).kb_id_
        if country is None:
            return None
        holders = [k for k in self.gaz.roles if holds(k) and self.gaz.actors[k].government == country]
        return holders[0] if len(holders) == 1 else None


class _NameIndex(NamedTuple):
    """Where the names of a Doc (``kg_actors``) stand, read once per Doc."""

    countries: dict[int, str]  # token -> key of the first one-word Country name starting there
    person_starts: set[int]  # tokens where a person's name starts
    tokens: set[int]  # tokens inside a name

    @classmethod
    def of(cls, names: list[Span]) -> "_NameIndex":
        countries: dict[int, str] = {}
        for sp in names:
            if sp.end == sp.start + 1 and sp.label_ == "Country":
                countries.setdefault(sp.start, sp.kb_id_)
        return cls(countries, {sp.start for sp in names if sp.label_ == "Person"},
                   {i for sp in names for i in range(sp.start, sp.end)})


INDEFINITE = frozenset({"a", "an", "one", "another"})

# Words before a role noun that make it another office: "vice president", "senate president".
OTHER_OFFICE = frozenset({"vice", "deputy", "former", "then", "assistant", "under", "acting",
                          "associate", "ex", "outgoing", "senate", "assembly", "house", "party",
                          "court", "council", "committee", "congress", "chamber", "national"})


SAME_AS_FORMER = {"then": "former", "ex": "former"}


def _office(words: list[str], noun: str) -> frozenset[str]:
    """The words before ``noun`` that make another office ("vice", "former", "senate")."""
    words = [w for part in words for w in part.replace("-", " ").split()]
    before = words[:words.index(noun)] if noun in words else []
    return frozenset(SAME_AS_FORMER.get(w, w) for w in before if w in OTHER_OFFICE)


def _same_office(title: str, noun: str, office: frozenset[str] = frozenset()) -> bool:
    """Is ``title`` the office a description names? "secretary of state" is a secretary;
    "vice president" and "former president" are not "the president" but "the vice president"
    and "the former president"."""
    words = title.replace("-", " ").split()
    return noun in words and _office(words, noun) == office


QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’"})


OWNERS = frozenset({"his", "her", "their", "'s", "’s"})


def _subjects(mentions: list[Span], words: list[str]) -> list[Span]:
    """"His lawyer, X, said he ...": "he" is X, not the owner "his": mentions that own the next
    noun (a possessive pronoun, a name with "'s") go last, kept when nothing else is left."""
    def owns(m: Span) -> bool:
        return (m.end - m.start == 1 and words[m.start].lower() in OWNERS) or \
            (m.end < len(words) and words[m.end] in OWNERS)
    return sorted(mentions, key=lambda m: (owns(m), m.start))


def _named_in_quote_before(doc: Doc, i: int, mentions: list[Span]) -> set[str]:
    """Keys of the people named inside the quotation that ends right before token i (a comma
    aside): a speaker does not name themself in the third person, so the description or
    pronoun that attributes the quote is someone else."""
    in_quote, words = quoted_token_mask(doc), token_words(doc)
    j = i - 1
    while j >= 0 and (words[j] in QUOTE_MARKS or words[j] == ","):
        j -= 1
    if j < 0 or j == i - 1 or not in_quote[j] or words[j + 1] not in QUOTE_MARKS and words[j + 2] not in QUOTE_MARKS:
        return set()
    start = j
    while start > 0 and in_quote[start - 1]:
        start -= 1
    return {m.kb_id_ for m in mentions if start <= m.start <= j}


def _whole_quote(words: list[str], m: Span) -> bool:
    """'known by the alias "Silverio Ortega,"': a name that is all of its quotation is a name."""
    after = m.end + (m.end < len(words) and words[m.end] in (",", "."))
    return m.start > 0 and words[m.start - 1] in QUOTE_MARKS and after < len(words) and words[after] in QUOTE_MARKS


@Language.factory("kg_coref")
def make_coref(nlp: Language, name: str) -> CorefResolver:
    data = read_yaml("coref.yaml")
    return CorefResolver(data["pronouns"], data["role_nouns"], data["description_words"], data["lookback"],
                         data["body_nouns"], data["unnamed_people"], data.get("portfolio_words", []),
                         data.get("body_voices", []), data.get("role_synonyms", {}))
