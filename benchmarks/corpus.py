"""Generate a benchmark corpus: varied, realistic news articles as one JSONL(.gz) file.

Each article recombines whole paragraphs (so quotes stay paired) of the project's own invented
articles (`examples/articles` and the development sets under `tests/`) with names, other
capitalised words, numbers, days, months and places swapped for random ones, so names vary the way
a real corpus's do and spaCy's tokenizer cache is not flattered by the same names again and again.
Lower-case words that no lexicon of kg and no stop word list holds are swapped for made-up words
(keeping their ending: -ing, -ed, -s ...) drawn from a heavy-tailed (Pareto) distribution, so the
vocabulary grows with the corpus the way news vocabulary does. Calibrated on Heaps' law with the
parameters measured on the Reuters RCV1 news corpus (distinct words = 44 x words^0.49; Manning,
Raghavan and Schuetze, Introduction to Information Retrieval, section 5.1.1): about 31k distinct
words in 1,000 articles (Heaps: 31k) and 114k in 10,000 (Heaps: 95k). Without the swap the
lower-case vocabulary was that of the source articles, about 2.7k words. About 600 words per
article by default, a headline and a publication date.

    python benchmarks/corpus.py --articles 10000 -o /tmp/corpus.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.articles import read_articles  # noqa: E402

# Name parts to recombine: a few hundred thousand distinct full names.
FIRST = ("Ana Omar Li Sara John Maria Ahmed Yuki Pedro Fatima Ivan Chen Amara Luis Ingrid Kofi Elena "
         "Tomas Noor Daniel Aisha Pablo Mei Hassan Olga Samuel Priya Diego Leila Viktor Carmen Jonas "
         "Zainab Rafael Hana Marco Nadia Felipe Irina Kwame Sofia Arjun Lucia Emre Rosa Tariq Julia").split()
LAST = ("Ruiz Haddad Wei Nilsson Carter Vega Okafor Tanaka Almeida Rahman Petrov Zhang Mensah Ortega "
        "Lindqvist Boateng Ivanova Novak Karimi Levy Diallo Moreno Sato Aziz Kuznetsova Adeyemi Sharma "
        "Castillo Farouk Horvath Medina Bauer Osei Romero Nakamura Kovacs Salazar Yilmaz Mendez Qureshi "
        "Sorensen Navarro Abara Fischer Delgado Hosseini Varga Cruz Takahashi Mwangi Ramos Kaya").split()
PLACES = ("Quito Valletta Lagos Cusco Tromso Mombasa Cartagena Tijuana Manila Karachi Aden Benghazi "
          "Maracaibo Guayaquil Durban Chittagong Mazatlan Iquitos Port-au-Prince Recife Makassar "
          "Davao Lobito Tema Barranquilla Veracruz Callao Antofagasta").split()
SYLLABLES = ("ka lo ri ma ten su var den mo li sa ro bel na gor vi ash tu pen dra ko mi zel "
             "fa nor quen hal is ut bra").split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+) ([A-Z][a-z]+)\b")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_DAY = re.compile(r"\b(" + "|".join(DAYS) + r")\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")
_LOWER = re.compile(r"\b[a-z]{4,}\b")
_ENDING = re.compile(r"(?:ing|ed|es|s|ly|tion|ment|al|er|ous|ive)$")
RARE_TAIL = 0.2  # Pareto shape of the made-up words' ranks: fitted to Heaps' law (see above)
# Development articles whose paragraphs are recombined (the once-blind sets included).
SOURCES = ("examples/articles", "tests/articles", "tests/articles_ops", "tests/articles_ops2",
           "tests/articles_speech", "tests/articles_actors", "tests/heldout", "tests/heldout2",
           "tests/heldout3")


def example_paragraphs() -> list[str]:
    """Paragraphs of the project's development articles (headlines, furniture and paragraphs
    of fewer than 8 words dropped)."""
    paragraphs: set[str] = set()
    folders = [ROOT / folder for folder in SOURCES if (ROOT / folder).is_dir()]
    for article in read_articles(folders, lambda err: None):
        for paragraph in article.clean_text.split("\n"):
            if len(paragraph.split()) >= 8:
                paragraphs.add(paragraph.strip())
    return sorted(paragraphs)


@lru_cache(maxsize=1)
def protected_words() -> frozenset[str]:
    """Words never swapped: every lower-case word of kg's lexicons (so triggers, titles and cues
    stay) and spaCy's English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from kg.resources import lexicon_path

    found: set[str] = set(STOP_WORDS)
    for path in sorted(lexicon_path("operations.yaml").parent.iterdir()):
        found.update(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    return frozenset(found)


def rare_word(word: str, rng: random.Random) -> str:
    """``word`` itself if a lexicon holds it, else a made-up word of 2-4 syllables with its
    ending, picked by a Pareto-distributed rank (a few common, a long tail of rare ones)."""
    if word in protected_words():
        return word
    rank = int(rng.paretovariate(RARE_TAIL))
    size = 2 + rank % 3
    code = rank * 2654435761 % len(SYLLABLES) ** size
    stem = "".join(SYLLABLES[code // len(SYLLABLES) ** i % len(SYLLABLES)] for i in range(size))
    ending = _ENDING.search(word)
    return stem + (ending.group() if ending else "")


def invented(rng: random.Random) -> str:
    """A made-up word of 2-3 syllables: names the tokenizer has (almost) never seen."""
    return "".join(rng.sample(SYLLABLES, rng.randint(2, 3))).capitalize()


def person(rng: random.Random) -> str:
    first = rng.choice(FIRST) if rng.random() < 0.5 else invented(rng)
    return f"{first} {rng.choice(LAST) if rng.random() < 0.5 else invented(rng)}"


def number(rng: random.Random) -> str:
    value = rng.choice([rng.randint(2, 99), rng.randint(100, 9999), rng.randint(10_000, 5_000_000)])
    return f"{value:,}" if value >= 10_000 else str(value)


def vary(paragraph: str, rng: random.Random) -> str:
    """The paragraph with its names (two capitalized words inside a sentence), a share of its
    other capitalised words, numbers, days, months and the lower-case words no lexicon holds
    swapped for random ones (names often invented, numbers of any size), and sometimes a second
    place added after an "in"."""
    text = _NAME.sub(lambda m: person(rng), paragraph)
    text = _CAPITALISED.sub(lambda m: invented(rng) if rng.random() < 0.3 else m.group(), text)
    text = _NUMBER.sub(lambda m: number(rng), text)
    text = _DAY.sub(lambda m: rng.choice(DAYS), text)
    text = _MONTH.sub(lambda m: rng.choice(MONTHS), text)
    text = _LOWER.sub(lambda m: rare_word(m.group(), rng), text)
    if rng.random() < 0.3:
        place = rng.choice(PLACES) if rng.random() < 0.5 else invented(rng)
        text = text.replace(" in ", f" in {place} and ", 1)
    return text


def article(number: int, pool: list[str], rng: random.Random, words: int) -> dict:
    paragraphs, count = [], 0
    while count < words:
        paragraph = vary(rng.choice(pool), rng)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    place, day = rng.choice(PLACES), rng.randint(1, 28)
    return {
        "id": f"bench-{number:07d}",
        "title": f"{person(rng)} speaks on security in {place}",
        "published": f"2025-{rng.randint(1, 12):02d}-{day:02d}",
        "outlet": rng.choice(["Wire One", "Daily Coast", "Harbour Post", "Evening Ledger"]),
        "text": "\n\n".join(paragraphs),
    }


def generate(articles: int, seed: int = 1, words: int = 600) -> Iterator[dict]:
    rng, pool = random.Random(seed), example_paragraphs()
    for number in range(articles):
        yield article(number, pool, rng, words)


def write(path: str | Path, articles: int, seed: int = 1, words: int = 600) -> int:
    """Write the corpus to ``path`` (.jsonl or .jsonl.gz); return its number of words."""
    total = 0
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for record in generate(articles, seed, words):
            total += len(record["text"].split())
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=600, help="words per article (about)")
    parser.add_argument("-o", "--output", required=True, help="a .jsonl or .jsonl.gz file")
    options = parser.parse_args()
    words = write(options.output, options.articles, options.seed, options.words)
    print(f"{options.articles} articles, {words} words -> {options.output}")


if __name__ == "__main__":
    main()
