"""Hand-made extraction records for testing the RDF mapping and writers without NLP."""

from __future__ import annotations

from kg.articles import make_article
from kg.records import Actor, Designation, Evidence, Extraction, Mention, Operation, Statement

TEXT_A = (
    "Defence Minister Ana Ruiz said the navy struck three boats.\n"
    '"We will not stop," Ruiz said on Monday.\n'
    "The government designated the Red Coast Gang as a terrorist organization.\n"
)
TEXT_B = 'In a second report, Ruiz repeated: "We will not stop," she said.\n'

COUNTRY = Actor("freedonia", "Freedonia", "Country", ("Freedonia",))
MINISTER = Actor("ana-ruiz", "Ana Ruiz", "Person", ("Ruiz", "Ana Ruiz"), government="freedonia", known=False)
GANG = Actor("red-coast-gang", "Red Coast Gang", "CriminalOrganization", ("Red Coast Gang",), known=False)


def evidence(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    return Evidence(start, start + len(needle), text[line_start:line_end], line_start)


def article_a():
    return make_article("a.txt", TEXT_A, {"title": "Navy strikes", "published": "2025-05-06",
                                          "url": "https://example.org/a", "outlet": "Example Wire"})


def article_b():
    return make_article("b.txt", TEXT_B, {})


def extraction_a() -> Extraction:
    quote = Statement(MINISTER, "We will not stop,", "direct", "for_intervention",
                      evidence(TEXT_A, "We will not stop,"), verb="say")
    strike = Operation("strike", "conducted", "struck", evidence(TEXT_A, "struck"), agent=COUNTRY,
                       target_text="three boats", count=3, date="2025-05-05", date_text="Monday")
    designation = Designation(COUNTRY, "the Red Coast Gang", "terrorist_organization",
                              evidence(TEXT_A, "designated"), designee=GANG)
    mentions = [Mention(MINISTER, evidence(TEXT_A, "Ana Ruiz"), "Ana Ruiz"),
                Mention(GANG, evidence(TEXT_A, "Red Coast Gang"), "Red Coast Gang")]
    return Extraction({a.key: a for a in (COUNTRY, MINISTER, GANG)}, mentions, [quote], [strike], [designation])


def extraction_b() -> Extraction:
    quote = Statement(MINISTER, "We will not stop,", "direct", "for_intervention",
                      evidence(TEXT_B, "We will not stop,"), verb="repeat")
    return Extraction({MINISTER.key: MINISTER}, [Mention(MINISTER, evidence(TEXT_B, "Ruiz"), "Ruiz")], [quote])
