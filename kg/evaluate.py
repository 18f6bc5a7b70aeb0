"""Score extracted facts against gold annotations in the ``kg-gold/1`` format.

The scorer takes plain rows (lists of dicts, as the canned queries ``actors``, ``statements``,
``operations`` and ``designations`` return them) so it can be tested without a graph;
:func:`evaluate_graph` runs those queries on a graph and scores the result.

Matching rules (the gold FORMAT.md): actors are scored over the whole corpus, each distinct
actor once, a second extracted actor for the same entity being a false positive; facts are
matched per article one-to-one; ``allowed`` gold items are neither rewarded nor penalised.
Groupings of operation types, designation categories and actor types are data in
``kg/lexicons/evaluation.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.evaluate_report import EvalReport, FamilyScore, Ratio
from kg.evaluate_text import (families, family_of, fold_name, local_name, place_parts, row_value, same_date,
                              text_overlap, words)
from kg.gold import FAMILIES, load_gold

__all__ = ["EvalReport", "FamilyScore", "Ratio", "evaluate", "evaluate_graph", "load_gold"]

# ---------------------------------------------------------------- entities and names


@dataclass(frozen=True)
class Entity:
    """A gold entity: its label, type, folded names and the (folded) state it acts for."""

    label: str
    type: str | None
    names: frozenset[str]
    state: str


class GoldIndex:
    """Gold entities by every folded name; labels used in facts but never declared get one too."""

    def __init__(self, gold: dict):
        declared = {e["label"]: e for e in gold["entities"]}
        for label in sorted(_labels_used(gold) - set(declared)):
            declared[label] = {"label": label, "type": None}
        self._by_name: dict[str, list[str]] = {}
        for label in declared:  # a label wins over another entity's alias of the same spelling
            self._by_name.setdefault(fold_name(label), []).append(label)
        for label, entry in declared.items():
            for name in entry.get("aliases", []):
                self._by_name.setdefault(fold_name(name), []).append(label)
        self.entities: dict[str, Entity] = {}
        for label, entry in declared.items():
            names = frozenset(fold_name(n) for n in [label, *entry.get("aliases", [])])
            government = entry.get("government")
            state = self._label_of(government) if government else label
            self.entities[label] = Entity(label, entry.get("type"), names, fold_name(state))

    def _label_of(self, name: str) -> str:
        labels = self._by_name.get(fold_name(name))
        return labels[0] if labels else name

    def entity(self, name: str | None) -> Entity | None:
        """The entity a label or alias names, ``None`` when unknown."""
        labels = self._by_name.get(fold_name(name)) if name else None
        return self.entities[labels[0]] if labels else None


def _labels_used(gold: dict) -> set[str]:
    """Entity labels that articles use as actors, speakers, agents and designators."""
    used: set[str] = set()
    for article in gold["articles"]:
        for kind in ("required", "allowed"):
            used.update(article["actors"][kind])
            used.update(s["speaker"] for s in article["statements"][kind])
            used.update(o["agent"] for o in article["operations"][kind] if o.get("agent"))
            used.update(d["designator"] for d in article["designations"][kind] if d.get("designator"))
    return used


class ExtractedNames:
    """What an extracted actor value (an IRI or a label) is called, and whom it acts for."""

    def __init__(self, actor_rows: list[dict], aliases: dict | None, governments: dict | None):
        self._aliases = {str(k): [str(a) for a in v] for k, v in (aliases or {}).items()}
        self._governments = {str(k): str(v) for k, v in (governments or {}).items()}
        self._known: dict[str, tuple[str, str]] = {}  # IRI or folded label -> (IRI, label)
        for row in actor_rows:
            iri, label = row_value(row, "actor"), row_value(row, "label")
            if iri or label:
                entry = (iri or label, label or _iri_name(iri))
                self._known.setdefault(iri or label, entry)
                self._known.setdefault(fold_name(entry[1]), entry)

    def names(self, value: str) -> tuple[str, list[str]]:
        """The primary name of ``value`` and all its names (label first, then aliases)."""
        key, label = self._known.get(value) or self._known.get(fold_name(value)) or (value, value)
        if label == value and ("/" in value or "#" in value):
            label = _iri_name(value)
        aliases = self._aliases.get(key, []) + self._aliases.get(value, [])
        return label, [label, *sorted(set(aliases))]

    def government(self, value: str) -> str | None:
        key = (self._known.get(value) or self._known.get(fold_name(value)) or (value,))[0]
        return self._governments.get(key) or self._governments.get(value)


def _iri_name(iri: str | None) -> str:
    """A readable name from an actor IRI slug (``.../actor/united-states`` -> ``united states``)."""
    return local_name(iri).replace("-", " ") if iri else ""


def resolve(index: GoldIndex, names: ExtractedNames, value: str | None) -> Entity | None:
    """The gold entity an extracted actor is: its label first, then any alias."""
    if not value:
        return None
    for name in names.names(value)[1]:
        entity = index.entity(name)
        if entity is not None:
            return entity
    return None


def _states(index: GoldIndex, names: ExtractedNames, value: str) -> set[str]:
    """The states an extracted agent may stand for: itself, its entity's and its own government."""
    primary = names.names(value)[0]
    entity = resolve(index, names, value)
    states = {entity.state} if entity else {fold_name(primary)}
    government = names.government(value)
    if government:
        gov_entity = resolve(index, names, government)
        states.add(gov_entity.state if gov_entity else fold_name(names.names(government)[0]))
    return states


# ---------------------------------------------------------------- matching


def match_one_to_one(golds: list, extracted: list, agree, prefer=None) -> dict[int, int]:
    """A maximum one-to-one matching (gold index -> extracted index) of pairs that ``agree``.

    Each gold item tries its candidates best first by ``prefer(gold, row)`` (higher is better),
    so that among equally large matchings the closest pairs are kept.
    """
    edges = []
    for gold in golds:
        candidates = [j for j, row in enumerate(extracted) if agree(gold, row)]
        if prefer is not None:
            candidates.sort(key=lambda j: -prefer(gold, extracted[j]))
        edges.append(candidates)
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:  # a free candidate first: no closer pair is undone for a tie
            if j not in seen and j not in owner:
                seen.add(j)
                owner[j] = i
                return True
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in sorted(owner.items())}


class _Matcher:
    """The agreement rules of FORMAT.md, bound to the gold entities and extracted names."""

    def __init__(self, index: GoldIndex, names: ExtractedNames):
        self.index, self.names = index, names

    def same_actor(self, gold_label: str | None, value: str | None) -> bool:
        gold = self.index.entity(gold_label)
        return gold is not None and resolve(self.index, self.names, value) == gold

    def speaker_text(self, gold: dict, row: dict) -> bool:
        return text_overlap(gold["text"], row.get("text") or "")

    def statement(self, gold: dict, row: dict) -> bool:
        return self.speaker_text(gold, row) and self.same_actor(gold["speaker"], row_value(row, "speaker"))

    def agent(self, gold_label: str | None, value: str | None) -> bool:
        """A government and its officials, agencies and forces count as that government."""
        if not gold_label:
            return True
        gold = self.index.entity(gold_label)
        return bool(value) and gold is not None and gold.state in _states(self.index, self.names, value)

    def location(self, gold_place: str | None, value: str | None) -> bool:
        """Places agree when either is missing or when the found place agrees with the gold place
        or with one of the places it lists ("Caribbean and eastern Pacific", "Nogales, Arizona")."""
        if not gold_place or not value:
            return True
        return any(self.one_place(part, value) for part in place_parts(gold_place))

    def one_place(self, gold_place: str, value: str) -> bool:
        """One place agrees when both are one entity, or by their own words."""
        gold, found = self.index.entity(gold_place), resolve(self.index, self.names, value)
        if gold is not None and found is not None:
            return gold == found
        generic = families()["location_generic_words"]
        gold_words, *found_words = [{w for w in words(n) if w not in generic}
                                    for n in (gold_place, value, self.names.names(value)[0])]
        # a place named only by generic words ("the region") gives no location; the found place
        # agrees by its own words or by the name of the actor it resolves to
        return not gold_words or not all(found_words) or gold_words in found_words

    def operation(self, gold: dict, row: dict) -> bool:
        return (family_of("operation_type_families", gold["type"])
                == family_of("operation_type_families", row_value(row, "type"))
                and self.agent(gold.get("agent"), row_value(row, "agent"))
                and self.location(gold.get("location"), row_value(row, "location")))

    def closeness(self, gold: dict, row: dict) -> int:
        """How many optional values of a matching pair also agree (to prefer the closest pair)."""
        same = [local_name(row.get(key)) == gold.get(key) for key in ("stance", "status", "type")]
        if gold.get("speaker"):
            same.append(self.same_actor(gold["speaker"], row_value(row, "speaker")))
        if gold.get("date") and row.get("date"):
            same.append(same_date(gold["date"], str(row["date"])))
        if gold.get("location") and row.get("location"):
            same.append(self.location(gold["location"], row_value(row, "location")))
        if gold.get("target") and row.get("target"):
            same.append(bool(set(words(gold["target"])) & set(words(row["target"]))))
        return sum(same)

    def designee(self, gold: dict, value: str | None) -> bool:
        """Designees agree on any gold name, whole or as a run of words in the extracted text."""
        if not value:
            return False
        entity = self.index.entity(gold["designee"])
        gold_names = {gold["designee"], *gold.get("designee_aliases", [])}
        folded = {" ".join(words(n)) for n in gold_names | set(entity.names if entity else ())}
        found = [" ".join(words(n)) for n in self.names.names(value)[1]]
        return any(f" {g} " in f" {n} " for g in folded if g for n in found)

    def designation(self, gold: dict, row: dict) -> bool:
        return (family_of("designation_category_families", gold["category"])
                == family_of("designation_category_families", row_value(row, "category"))
                and self.designee(gold, row_value(row, "designee")))


# ---------------------------------------------------------------- scoring


def _describe(family: str, item: dict, names: ExtractedNames | None = None) -> str:
    """A one-line description of a gold item or an extracted row, for the verbose report."""
    def name(key: str) -> str:
        value = item.get(key)
        return str(names.names(str(value))[0] if names and value else value or "-")

    if family == "statements":
        return f'{name("speaker")}: "{item.get("text")}"'
    if family == "operations":
        return (f"{local_name(item.get('type'))}/{local_name(item.get('status')) or '-'} by {name('agent')}"
                f" on {item.get('target') or '-'} in {name('location')} [{item.get('date') or '-'}]")
    return f"{name('designator')}: {name('designee')} = {local_name(item.get('category'))}"


def _score_actors(index: GoldIndex, names: ExtractedNames, gold: dict, rows: list[dict],
                  report: EvalReport) -> None:
    """Actors over the corpus: each gold entity once; a second extracted actor for it is an FP."""
    required: dict[str, str] = {}
    allowed: dict[str, str] = {}
    for article in gold["articles"]:
        for kind, target in (("required", required), ("allowed", allowed)):
            for label in article["actors"][kind]:
                target.setdefault(index.entity(label).label, article["file"])
    score, types = report.scores["actors"], report.accuracies["actor type"]
    seen: dict[str, str] = {}
    distinct = {(row_value(r, "actor") or row_value(r, "label")): r for r in rows}
    for key in sorted(distinct, key=lambda k: (-_int(distinct[k].get("mentions")), str(k))):
        row = distinct[key]
        label = names.names(key)[0]
        entity = resolve(index, names, key)
        if entity is not None and entity.label in seen:
            score.fp += 1
            score.false_positives.append(("*", f"{label} (duplicate of {entity.label})"))
            report.duplicates.append((label, entity.label))
            continue
        if entity is None or (entity.label not in required and entity.label not in allowed):
            score.fp += 1
            score.false_positives.append(("*", f"{label} ({local_name(row.get('type'))})"))
            continue
        seen[entity.label] = label
        score.tp += entity.label in required
        if entity.type:
            found = family_of("actor_type_families", row.get("type"))
            types.add(found == entity.type, "*", f"{entity.label}: {entity.type}, extracted {found}")
    for label, file in required.items():
        if label not in seen:
            score.fn += 1
            score.misses.append((file, label))


def _int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def _score_facts(family: str, article: dict, rows: list[dict], agree, names: ExtractedNames,
                 score: FamilyScore, prefer=None) -> list[tuple[dict, dict]]:
    """One article's facts of one family; returns the matched (required gold, row) pairs."""
    file, part = article["file"], article[family]
    on_required = match_one_to_one(part["required"], rows, agree, prefer)
    rest = [j for j in range(len(rows)) if j not in set(on_required.values())]
    on_allowed = match_one_to_one(part["allowed"], [rows[j] for j in rest], agree, prefer)
    neutral = {rest[j] for j in on_allowed.values()}
    score.tp += len(on_required)
    for i, gold in enumerate(part["required"]):
        if i not in on_required:
            score.fn += 1
            score.misses.append((file, _describe(family, gold)))
    for j in rest:
        if j not in neutral:
            score.fp += 1
            score.false_positives.append((file, _describe(family, rows[j], names)))
    return [(part["required"][i], rows[j]) for i, j in on_required.items()]


def _score_article(matcher: _Matcher, article: dict, rows: dict[str, list[dict]],
                   report: EvalReport) -> None:
    """Statements, operations and designations of one article, and the accuracies they feed."""
    file, acc, names = article["file"], report.accuracies, matcher.names
    pairs = _score_facts("statements", article, rows["statements"], matcher.statement, names,
                         report.scores["statements"], matcher.closeness)
    for gold, row in pairs:
        stance = local_name(row.get("stance"))
        acc["stance"].add(stance == gold["stance"], file, f'"{gold["text"]}": {gold["stance"]}, got {stance}')
    by_text = match_one_to_one(article["statements"]["required"], rows["statements"],
                               matcher.speaker_text, matcher.closeness)
    for i, j in by_text.items():
        gold, row = article["statements"]["required"][i], rows["statements"][j]
        ok = matcher.same_actor(gold["speaker"], row_value(row, "speaker"))
        acc["attribution"].add(ok, file, f'{_describe("statements", row, names)} (gold: {gold["speaker"]})')
    pairs = _score_facts("operations", article, rows["operations"], matcher.operation, names,
                         report.scores["operations"], matcher.closeness)
    for gold, row in pairs:
        status = local_name(row.get("status"))
        acc["operation status"].add(status == gold["status"], file,
                                    f"{_describe('operations', gold)}: got {status or '-'}")
        if gold.get("date"):
            date = str(row.get("date") or "")
            acc["operation date"].add(same_date(gold["date"], date), file,
                                      f"{_describe('operations', gold)}: got {date or '-'}")
    _score_facts("designations", article, rows["designations"], matcher.designation, names,
                 report.scores["designations"], matcher.closeness)


def evaluate(gold: dict, rows: dict[str, list[dict]], aliases: dict | None = None, *,
             governments: dict | None = None, sources: dict | None = None) -> EvalReport:
    """Score query rows against ``gold`` (as :func:`load_gold` returns it).

    ``rows`` maps ``actors``/``statements``/``operations``/``designations`` to the rows of those
    canned queries. ``aliases`` maps an extracted actor (IRI or label) to its alternative
    labels, ``governments`` an extracted actor to the country it acts for, ``sources`` an
    article value of the rows (an IRI) to the file name or JSONL id the gold uses.
    """
    index = GoldIndex(gold)
    names = ExtractedNames(rows.get("actors", []), aliases, governments)
    report = EvalReport(scores={f: FamilyScore() for f in FAMILIES},
                        accuracies={k: Ratio() for k in ("actor type", "attribution", "stance",
                                                          "operation status", "operation date")},
                        duplicates=[], articles=len(gold["articles"]))
    _score_actors(index, names, gold, rows.get("actors", []), report)
    files = {a["file"] for a in gold["articles"]}
    grouped: dict[str, dict[str, list[dict]]] = {f: {k: [] for k in FAMILIES[1:]} for f in files}
    for family in FAMILIES[1:]:
        for row in rows.get(family, []):
            file = _article_file(row_value(row, "article"), files, sources or {})
            if file is None:
                report.unscored_rows += 1
            else:
                grouped[file][family].append(row)
    matcher = _Matcher(index, names)
    for article in gold["articles"]:
        _score_article(matcher, article, grouped[article["file"]], report)
    return report


def _article_file(value: str | None, files: set[str], sources: dict) -> str | None:
    """The gold file an article value names: via ``sources``, as is, or as a path's last part."""
    if value is None:
        return None
    for candidate in (str(sources.get(value, value)), value, Path(value).name):
        if candidate in files:
            return candidate
    return None


# ---------------------------------------------------------------- graphs

_SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_KG = "https://w3id.org/newskg/ontology#"
_SIDE_QUERIES = {
    "aliases": f"SELECT ?x ?v WHERE {{ ?x <{_SKOS_ALT}> ?v }}",
    "governments": f"SELECT ?x ?v WHERE {{ ?x <{_KG}actsFor> ?v }}",
    "sources": f"SELECT ?x ?v WHERE {{ ?x <{_KG}sourceName> ?v }}",
}


def graph_inputs(graph) -> tuple[dict[str, list[dict]], dict, dict, dict]:
    """The canned-query rows of a graph, and its aliases, governments and article sources."""
    from kg.queries import run_query, union_view  # needs rdflib; imported when used

    rows = {family: run_query(graph, family) for family in FAMILIES}
    side: dict[str, dict] = {name: {} for name in _SIDE_QUERIES}
    view = union_view(graph)
    for name, sparql in _SIDE_QUERIES.items():
        for subject, value in view.query(sparql):
            if name == "aliases":
                side[name].setdefault(str(subject), []).append(str(value))
            else:
                side[name][str(subject)] = str(value)
    return rows, side["aliases"], side["governments"], side["sources"]


def evaluate_graph(gold: dict, graph) -> EvalReport:
    """Run the canned queries on ``graph`` and score them against ``gold``."""
    rows, aliases, governments, sources = graph_inputs(graph)
    return evaluate(gold, rows, aliases, governments=governments, sources=sources)
