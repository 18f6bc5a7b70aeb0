"""The result of scoring (``kg.evaluate``): per-family counts, accuracies and their rendering."""

from __future__ import annotations

from dataclasses import dataclass, field

GOLD_FORMAT = "kg-gold/1"
FACT_FAMILIES = ("statements", "operations", "designations")


@dataclass
class FamilyScore:
    """True/false positives and misses of one family; items are (article, description)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); with nothing extracted: 1.0 if nothing was due, else 0.0."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "misses": [list(m) for m in self.misses],
                "false_positives": [list(f) for f in self.false_positives]}


@dataclass
class Ratio:
    """An accuracy: ``correct`` of ``total``; ``errors`` are (article, description)."""

    correct: int = 0
    total: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool, article: str, description: str) -> None:
        self.total += 1
        self.correct += ok
        if not ok:
            self.errors.append((article, description))

    def to_dict(self) -> dict:
        value = None if self.value is None else round(self.value, 4)
        return {"correct": self.correct, "total": self.total, "accuracy": value,
                "errors": [list(e) for e in self.errors]}


@dataclass
class EvalReport:
    """Everything the scorer measured."""

    scores: dict[str, FamilyScore]
    accuracies: dict[str, Ratio]
    duplicates: list[tuple[str, str]]  # (extracted label, gold entity it repeats)
    articles: int = 0
    unscored_rows: int = 0  # fact rows from articles the gold does not annotate

    @property
    def facts(self) -> FamilyScore:
        """Statements, operations and designations together (micro-averaged)."""
        parts = [self.scores[f] for f in FACT_FAMILIES if f in self.scores]
        return FamilyScore(sum(p.tp for p in parts), sum(p.fp for p in parts), sum(p.fn for p in parts))

    def to_dict(self) -> dict:
        facts = self.facts.to_dict()
        return {"format": GOLD_FORMAT, "articles": self.articles, "unscored_rows": self.unscored_rows,
                "families": {name: score.to_dict() for name, score in self.scores.items()},
                "facts": {k: facts[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")},
                "accuracy": {name: ratio.to_dict() for name, ratio in self.accuracies.items()},
                "duplicate_actors": [list(d) for d in self.duplicates]}

    def to_text(self, verbose: bool = False) -> str:
        lines = [f"{'family':<14}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'F1':>7}"]
        for name, score in [*self.scores.items(), ("all facts", self.facts)]:
            lines.append(f"{name:<14}{score.tp:>5}{score.fp:>5}{score.fn:>5}"
                         f"{score.precision:>11.3f}{score.recall:>8.3f}{score.f1:>7.3f}")
        lines.append("")
        for name, ratio in self.accuracies.items():
            shown = "-" if ratio.value is None else f"{ratio.value:.3f}"
            lines.append(f"{name + ' accuracy':<30}{ratio.correct:>4}/{ratio.total:<4}{shown:>7}")
        lines.append(f"{'duplicate actors':<30}{len(self.duplicates):>4}")
        lines.append(f"{'articles scored':<30}{self.articles:>4}")
        if self.unscored_rows:
            lines.append(f"{'rows from unannotated articles':<30}{self.unscored_rows:>4}")
        if verbose:
            lines.extend(self._details())
        return "\n".join(lines) + "\n"

    def _details(self) -> list[str]:
        lines = []
        if self.duplicates:
            lines += ["", "duplicate actors:"] + [f"  {a} = {b}" for a, b in self.duplicates]
        for name, score in self.scores.items():
            lines += ["", f"{name} misses:"] + [f"  [{art}] {text}" for art, text in score.misses]
            lines += [f"{name} false positives:"] + [f"  [{art}] {t}" for art, t in score.false_positives]
        for name, ratio in self.accuracies.items():
            if ratio.errors:
                lines += ["", f"{name} errors:"] + [f"  [{art}] {text}" for art, text in ratio.errors]
        return lines
