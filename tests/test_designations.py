"""Designations: each frame, designator resolution, designee, category, date, and skips
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract.designations import extract_designations


def designations(nlp, text: str, published: str | None = None) -> list:
    doc = nlp.make_doc(text)
    doc.user_data["kg.published"] = published
    return list(extract_designations(nlp(doc)))


@pytest.mark.parametrize(
    "text, designator, designee_key, designee_text, category",
    [
        # frame 1: labelling word ... as category
        ("The State Department designated Tren de Aragua as a foreign terrorist organization.",
         "united-states", "tren-de-aragua", "tren de aragua", "foreign_terrorist_organization"),
        ("The Trump administration labelled several Mexican cartels as terrorist organizations.",
         "united-states", None, "mexican cartels", "terrorist_organization"),
        ("Washington labeled the Sinaloa Cartel and other networks as terrorist groups.",
         "united-states", "sinaloa-cartel", "sinaloa cartel", "terrorist_organization"),
        ("Canada classified the Jalisco cartel as a terrorist entity.",
         "canada", "jalisco-new-generation-cartel", "jalisco cartel", "terrorist_organization"),
        ("Rubio argued for treating cartels as armed terrorist organizations.",
         "united-states", None, "cartels", "terrorist_organization"),
        ("Rubio said the designation of Cartel de los Soles as a terrorist organization was overdue.",
         "united-states", "cartel-de-los-soles", "cartel de los soles", "terrorist_organization"),
        ("Trump's administration labeled Mexico's Sinaloa Cartel as a terrorist organization.",
         "united-states", "sinaloa-cartel", "sinaloa cartel", "terrorist_organization"),
        # frame 2: asserting that X are category
        ("Trump sent Congress a memo asserting that Latin American cartels are \u201cenemy combatants\u201d.",
         "united-states", None, "latin american cartels", "enemy_combatant"),
        # frame 3: category designation of X
        ("Trump announced the FTO designation of the Gulf Cartel.",
         "united-states", "gulf-cartel", "gulf cartel", "foreign_terrorist_organization"),
        # frame 4: direct labelling without "as"
        ("The Pentagon declared the Houthis enemy combatants.",
         "united-states", "houthis", "houthis", "enemy_combatant"),
    ],
)
def test_designation_frames(nlp, text, designator, designee_key, designee_text, category):
    found = designations(nlp, text)
    assert len(found) == 1, found
    des = found[0]
    assert des.designator.key == designator
    assert (des.designee.key if des.designee else None) == designee_key
    assert des.designee_text == designee_text
    assert des.category == category


@pytest.mark.parametrize(
    "text",
    [
        "Musk said this classification means they are eligible for drone strikes.",  # no designee
        "Trump first considered using the foreign terrorist organization designation.",  # no designee
        "The Biden administration never designated the cartels as terrorist groups.",  # negated
        "Sheinbaum criticized the designation of cartels as terrorist organizations.",  # critic, no designator
        "Treat cartels as enemy combatants",  # a headline with no designator
        "Police said the attackers were terrorists who wanted attention.",  # no labelling frame
    ],
)
def test_no_designation(nlp, text):
    assert designations(nlp, text) == []


@pytest.mark.parametrize(
    "text, published, date, date_text",
    [
        ("On October 2, Trump issued a memo asserting that the cartels are enemy combatants.", None, "--10-02", "October 2"),
        ("On October 2, Trump issued a memo asserting that the cartels are enemy combatants.", "2025-11-04", "2025-10-02", "October 2"),
        ("In February, the United States designated Tren de Aragua as a terrorist group.", None, None, "February"),
    ],
)
def test_designation_date(nlp, text, published, date, date_text):
    (des,) = designations(nlp, text, published)
    assert (des.date, des.date_text) == (date, date_text)


def test_each_named_designee_is_a_designation(nlp):
    found = designations(nlp, "The State Department designated the Gulf Cartel and a rival group, "
                              "Los Zetas, as foreign terrorist organizations.")
    assert sorted(d.designee.key for d in found) == ["gulf-cartel", "los-zetas"]
    assert {d.category for d in found} == {"foreign_terrorist_organization"}


def test_shorter_designee_takes_the_longer_wording(nlp):
    text = ("The United States classified Mexican drug cartels as terrorist organizations.\n"
            "Washington began treating cartels as terrorist organizations in March.")
    found = designations(nlp, text)
    assert {(d.designator.key, d.designee_text, d.category) for d in found} == {
        ("united-states", "mexican drug cartels", "terrorist_organization")}


@pytest.mark.parametrize(
    "text, designator, designee_text, category",
    [
        # the designee heads a relative clause
        ("Hezbollah, which Britain designates a terrorist organization, denied the report.",
         "united-kingdom", "hezbollah", "terrorist_organization"),
        # a passive: the subject is the designee, the by-phrase the designator
        ("The Houthis were designated a foreign terrorist organization by the State Department in March.",
         "united-states", "houthis", "foreign_terrorist_organization"),
        # a group put on a list of a category
        ("Canada added the Sinaloa Cartel to its list of terrorist entities.",
         "canada", "sinaloa cartel", "terrorist_organization"),
        ("Australia put the gang on its terror list.", "australia", "gang", "terrorist_organization"),
        # an apposition after a comma describes the designee, it is no second one
        ("Washington designated Katiba Sur, a JNIM faction, as a terrorist group.",
         "united-states", "katiba sur", "terrorist_organization"),
    ],
)
def test_more_designation_frames(nlp, text, designator, designee_text, category):
    found = designations(nlp, text)
    assert [(d.designator.key, d.designee_text, d.category) for d in found] == [(designator, designee_text, category)]


def test_unknown_capitalised_names_are_each_designated(nlp):
    found = designations(nlp, "The United States designated Los Pelones and Grupo Sombra as terrorist organizations.")
    assert sorted(d.designee_text for d in found) == ["grupo sombra", "los pelones"]


def test_a_longer_name_than_a_known_actor_is_kept_whole(nlp):
    found = designations(nlp, "Ansar Hezbollah, which Washington designated a terrorist organization, vowed revenge.")
    assert [(d.designee_text, d.designee) for d in found] == [("ansar hezbollah", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of examples between the object and "as": each named group is designated
        ("Canada has designated seven Andean trafficking networks, among them the Gulf Cartel and "
         "Los Zetas, as terrorist entities.",
         [("canada", "gulf cartel", "terrorist_organization"), ("canada", "los zetas", "terrorist_organization")]),
        ("Britain designated four armed factions operating in the Sahel, including Katiba Sur, as "
         "terrorist groups.", [("united-kingdom", "katiba sur", "terrorist_organization")]),
        # a passive without "as": the by-phrase after the category names the designator
        ("Los Zetas was designated a foreign terrorist organization by the State Department last year.",
         [("united-states", "los zetas", "foreign_terrorist_organization")]),
        # an official's quoted copula: the speaker's state labels the subject
        ("\u201cThe crews of those speedboats were unlawful combatants, and that is how we see them,\u201d "
         "a Pentagon spokesman said.", [("united-states", "crews of those speedboats", "enemy_combatant")]),
        # an assertion after a saying verb
        ("The Pentagon says smuggling crews are enemy combatants.",
         [("united-states", "smuggling crews", "enemy_combatant")]),
        # treating / calling as labelling
        ("The Trump administration is treating gang members as enemy combatants.",
         [("united-states", "gang members", "enemy_combatant")]),
        ("Hegseth has repeatedly called the smugglers narco-terrorists.",
         [("united-states", "smugglers", "terrorist_organization")]),
        # a reduced relative after the name, its by-phrase the designator
        ("Los Zetas, designated a terrorist organization by the State Department in May, denied it.",
         [("united-states", "los zetas", "terrorist_organization")]),
        # "consider X a <category>", in a clause and in a relative
        ("Canada considers Hezbollah a terrorist organization.",
         [("canada", "hezbollah", "terrorist_organization")]),
        ("Hezbollah, which Canada considers a terrorist group, denied it.",
         [("canada", "hezbollah", "terrorist_organization")]),
        # the designee as possessor of the labelling noun, the designator in a by-phrase
        ("Los Zetas' designation as a terrorist group by Canada took effect in May.",
         [("canada", "los zetas", "terrorist_organization")]),
        ("The Gulf Cartel's designation as a terrorist group by Canada took effect in May.",
         [("canada", "gulf cartel", "terrorist_organization")]),
        # the object after the category
        ("Canada this year designated as terrorist entities three gangs, including Los Zetas.",
         [("canada", "los zetas", "terrorist_organization")]),
        # a sanction under a terrorist label
        ("The Treasury Department sanctioned Los Zetas as specially designated global terrorists.",
         [("united-states", "los zetas", "terrorist_organization")]),
        # "X to be a <category>", and a name given with "known as" before the frame's "as"
        ("The Pentagon declared the smugglers to be enemy combatants.",
         [("united-states", "smugglers", "enemy_combatant")]),
        ("Canada designated the network, known as Los Zetas, as a terrorist entity.",
         [("canada", "los zetas", "terrorist_organization")]),
    ],
)
def test_general_designation_syntax(nlp, text, expected):
    found = designations(nlp, text)
    assert sorted((d.designator.key, d.designee_text, d.category) for d in found) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the designee as designator: a passive whose by-phrase names nobody known (a foreign
        # terrorist organization would be a U.S. listing: see test_blind_families)
        "Los Zetas has been designated a terrorist organization by the secretary.",
        # a quoted copula by a private person names no designator
        "\u201cThe crews were enemy combatants,\u201d a fisherman said.",
        # a pointer is no designee
        "Hegseth keeps calling them narco-terrorists.",
        # a passive with a by-phrase after the category but no known designee or designator
        "The gangs were designated as terrorist organizations by the council.",
        # the speaker's own side as designee is a pointer
        "Maduro said Washington calls us narco-terrorists.",
        # a relative clause as the subject names no group
        "\u201cThose who fire on our ships are terrorists,\u201d Hegseth said.",
        # a legislator's assertion labels nobody
        "\u201cThe gangs are terrorist organizations, plain and simple,\u201d Lindsey Graham said.",
        "Lindsey Graham said smuggling crews are enemy combatants.",
        # a by-phrase of a later clause is no designator ("..., is led by X")
        "Los Zetas, which the gang designated as a terrorist group last year, is led by Canada.",
        # a gerund after "considered" is an action, no designee
        "Canada considered using the foreign terrorist organization label.",
        # a copula with a long clause before it is no short subject
        "\u201cWhatever the lawyers in the building across the river tell you about these people, "
        "they are enemy combatants,\u201d Hegseth said.",
    ],
)
def test_general_syntax_without_designation(nlp, text):
    assert designations(nlp, text) == []


def test_transcript_turn_copula_is_the_speakers_designation(nlp):
    text = ("White House press secretary Karoline Leavitt briefed reporters.\n"
            "LEAVITT: The raids were lawful, and the cartels are unlawful combatants.\n")
    found = designations(nlp, text)
    assert [(d.designator.key, d.designee_text, d.category) for d in found] == [
        ("united-states", "cartels", "enemy_combatant")]


def test_the_administration_is_the_government_named_before(nlp):
    text = ("The Trump administration widened its campaign on Monday. In May, the administration "
            "designated Los Zetas as a foreign terrorist organization.")
    found = designations(nlp, text)
    assert [(d.designator.key, d.designee_text) for d in found] == [("united-states", "los zetas")]


def test_the_administrations_possession_is_no_designator(nlp):
    text = ("Canada spoke first. The administration's lawyers said the designation of Los Zetas "
            "as a terrorist group was sound.")
    assert designations(nlp, text) == []


def test_a_long_object_between_the_verb_and_the_category(nlp):
    # 20+ tokens between "designated" and the category: a list with an apposition
    found = designations(nlp, "The State Department has designated nine violent transnational criminal "
                              "networks operating across the Americas, among them the Gulf Cartel and "
                              "the Sinaloa Cartel, as foreign terrorist organizations, officials said.")
    assert {(d.designator.key, d.designee.key if d.designee else None) for d in found} == {
        ("united-states", "gulf-cartel"), ("united-states", "sinaloa-cartel")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pointer designee stands for the organization named before it
        ("Los Zetas moved into the port. In May Canada branded the group a terrorist organization.",
         [("canada", "los zetas", "terrorist_organization")]),
        # a plural pointer stands for every organization of that sentence
        ("The Gulf Cartel and Los Zetas fought for the border. Canada called them terrorists.",
         [("canada", "gulf cartel", "terrorist_organization"), ("canada", "los zetas", "terrorist_organization")]),
        # an informing verb with its addressee before "that"
        ("The Pentagon notified senators that smuggling crews are enemy combatants.",
         [("united-states", "smuggling crews", "enemy_combatant")]),
        # "a list of X": the noun "list" labels nothing, the verb before it does
        ("Canada designated a list of Andean gangs as terrorist entities.",
         [("canada", "andean gangs", "terrorist_organization")]),
        # demonyms coordinated before one noun are one designee
        ("Canada designated Peruvian and Central American gangs as terrorist entities.",
         [("canada", "peruvian and central american gangs", "terrorist_organization")]),
        # a passive with no agent: the state the article named before
        ("Canada tightened its rules. Los Zetas was designated a terrorist entity in May.",
         [("canada", "los zetas", "terrorist_organization")]),
        # a subject that only points at a government ("it", "the administration")
        ("Canada went further in May, saying it regarded gang members as unlawful combatants.",
         [("canada", "gang members", "enemy_combatant")]),
        # a transcript turn whose speaker is titled by an agency
        ("Pentagon spokeswoman Dana Whitlow opened the briefing.\n\n"
         "WHITLOW: The crews on those boats were enemy combatants.\n",
         [("united-states", "crews on those boats", "enemy_combatant")]),
        # a passive listing: the subject is listed, the list's owner designates
        ("Los Zetas was added to the State Department's list of terrorist entities in May.",
         [("united-states", "los zetas", "terrorist_organization")]),
        # a reduced relative without a by-phrase: the state the article named before
        ("Canada spoke first. Los Zetas, designated a terrorist entity in May, denied it.",
         [("canada", "los zetas", "terrorist_organization")]),
        # a contact clause: the state right before the verb
        ("Los Zetas, a border gang Canada has labelled a terrorist entity, denied it.",
         [("canada", "los zetas", "terrorist_organization")]),
        # an infinitive completing a state's decision
        ("Peru protested the Canadian decision to list Los Zetas as a terrorist entity.",
         [("canada", "los zetas", "terrorist_organization")]),
        ("Peru protested Canada's decision to list Los Zetas as a terrorist entity.",
         [("canada", "los zetas", "terrorist_organization")]),
        # the designation noun inside the category, the designee ending at its name
        ("Canada's terrorist designation of Los Zetas took effect in May.",
         [("canada", "los zetas", "terrorist_organization")]),
    ],
)
def test_pointers_implied_designators_and_noun_phrases(nlp, text, expected):
    found = designations(nlp, text)
    assert sorted((d.designator.key, d.designee_text, d.category) for d in found) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a pointer with no organization before it names nobody
        "Canada branded the group a terrorist organization.",
        # the speaker's own side is no antecedent to resolve
        "\u201cThey call us terrorists,\u201d the Houthi commander said.",
        # a critic of a designation is not its designator
        "Peru criticized the terrorist designation of Los Zetas.",
        # a negative pronoun is no designee
        "Canada asked the courts to label nobody as terrorists.",
        # an opinion verb with a pointing subject is no act of state
        "Canada spoke first. They argue that the gangs are terrorists.",
        # a relative clause whose subject is not a state: no implied designator
        "Los Zetas, which the gang designated as a terrorist group, is feared in Canada.",
    ],
)
def test_pointers_and_implied_designators_without_designation(nlp, text):
    assert designations(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a passive whose by-phrase stands before "as": the subject is the designee
        ("The Gulf Clan has been designated by Canada as a terrorist organization since 2019.",
         [("canada", "gulf clan", "terrorist_organization")]),
        ("Hamas has been listed by Canada as a terrorist entity since 2002.",
         [("canada", "hamas", "terrorist_organization")]),
        ("The Gulf Clan, which was listed by Canada as a terrorist entity last year, denied it.",
         [("canada", "gulf clan", "terrorist_organization")]),
        # a naming participle after a noun gives the name, the verb before it the label
        ("In 2023 the Treasury branded a Sinaloa faction called Los Halcones a Specially "
         "Designated Global Terrorist entity.",
         [("united-states", "los halcones", "terrorist_organization")]),
        ("Canada designated a gang called the Red Hand as a terrorist entity.",
         [("canada", "red hand", "terrorist_organization")]),
        # a participle clause after a comma shares the subject of the clause before it
        ("Canada tightened its rules, listing the Red Hand as a terrorist entity.",
         [("canada", "red hand", "terrorist_organization")]),
        # an "and" inside a post-modifier joins two places, not two designees
        ("Canada designated a smuggling ring based in Halifax and Montreal as a terrorist entity.",
         [("canada", "smuggling ring based in halifax and montreal", "terrorist_organization")]),
        ("Canada designated the cartels trafficking in fentanyl and Los Zetas as terrorist entities.",
         [("canada", "los zetas", "terrorist_organization")]),
        # a document that made the label stands for the government the article is about
        ("Washington has hardened its line. Critics cite the legal memo that declared the cartels "
         "\u201cenemy combatants\u201d last year.",
         [("united-states", "cartels", "enemy_combatant")]),
        ("The Pentagon cited a memo which declared the gangs unlawful combatants.",
         [("united-states", "gangs", "enemy_combatant")]),
    ],
)
def test_passive_agents_naming_participles_and_modifiers(nlp, text, expected):
    found = designations(nlp, text)
    assert sorted((d.designator.key, d.designee_text, d.category) for d in found) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mexico rejected the move, calling the cartels terrorists.",  # an opinion, no act of labelling
        "A UN report that called the gangs terrorists was published.",  # no state named
    ],
)
def test_participle_and_document_frames_without_designation(nlp, text):
    assert designations(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the other labelling verbs of governments
        ("Britain proscribed Hamas as a terrorist organisation in 2021.",
         [("united-kingdom", "hamas", "terrorist_organization")]),
        ("Washington blacklisted the Gulf Clan as a terrorist organization.",
         [("united-states", "gulf clan", "terrorist_organization")]),
        # a list owned by a state named without "'s"
        ("The Sinaloa Cartel was placed on the U.S. list of foreign terrorist organizations in May.",
         [("united-states", "sinaloa cartel", "foreign_terrorist_organization")]),
        # the groups named after the category stand for a count of groups before it
        ("In May, the U.S. designated six criminal groups as foreign terrorist organizations, "
         "including the Sinaloa Cartel and Tren de Aragua.",
         [("united-states", "sinaloa cartel", "foreign_terrorist_organization"),
          ("united-states", "tren de aragua", "foreign_terrorist_organization")]),
        ("Canada listed several gangs as terrorist entities, among them Los Zetas, last week.",
         [("canada", "los zetas", "terrorist_organization")]),
        # a named designee keeps its own name; the example after it is only part of it
        ("Canada designated the Gulf Clan as a terrorist entity, including its armed wing.",
         [("canada", "gulf clan", "terrorist_organization")]),
    ],
)
def test_more_labelling_verbs_lists_and_examples(nlp, text, expected):
    found = designations(nlp, text)
    assert sorted((d.designator.key, d.designee_text, d.category) for d in found) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "The previous government revoked the designation of the Houthis as a terrorist organization.",
        "Trump threatened to designate the cartels as terrorist organizations.",
        "The United States is considering designating the Gulf Clan a terrorist organization.",
        "Sheinbaum said designating the cartels as terrorist organizations would not help.",
        "Mexico asked Washington not to designate the cartels as terrorist organizations.",
    ],
)
def test_revoked_intended_or_discussed_labels_are_no_designation(nlp, text):
    assert designations(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # "<verb> X into <category>": a label given by turning a group into one
        ("Washington turned the Gulf Cartel into a foreign terrorist organization overnight.",
         [("united-states", "gulf cartel", "foreign_terrorist_organization")]),
        # a passive with coordinated subjects designates each of them
        ("Tren de Aragua and the Gulf Cartel were designated as foreign terrorist organizations "
         "by the United States.",
         [("united-states", "tren de aragua", "foreign_terrorist_organization"),
          ("united-states", "gulf cartel", "foreign_terrorist_organization")]),
        # an adverbial between the labelling verb and "as": the designee heads the relative clause
        ("Police found the boat of the Gulf Cartel, which Canada listed in March as a terrorist "
         "entity, near the port.", [("canada", "gulf cartel", "terrorist_organization")]),
        # a relative clause after a plural group noun no name stands for
        ("Ecuador ordered its army to fight 22 gangs, which a decree classified as terrorist "
         "organizations.", [("ecuador", "gangs", "terrorist_organization")]),
        # a definite common-noun apposition after a name only describes it
        ("The State Department designated Viv Ansanm, the alliance its boss leads, and Gran Grif "
         "as foreign terrorist organizations.",
         [("united-states", "viv ansanm", "foreign_terrorist_organization"),
          ("united-states", "gran grif", "foreign_terrorist_organization")]),
        # "their members" stand for the group of the clause before; "non-state" is no verb
        ("Washington determined that these cartels are non-state armed groups, and their members "
         "are unlawful enemy combatants.", [("united-states", "cartels", "enemy_combatant")]),
        # a prefixed verb stays a verb
        ("The State Department re-designated the Houthis as a foreign terrorist organization.",
         [("united-states", "houthis", "foreign_terrorist_organization")]),
    ],
)
def test_generalized_frames(nlp, text, expected):
    found = designations(nlp, text)
    assert sorted((d.designator.key, d.designee_text, d.category) for d in found) == sorted(expected)


def test_passive_name_unknown_to_the_gazetteer_is_the_designee(nlp):
    text = ("Mexico protested again. Los Halcones Negros was designated a terrorist organization "
            "last week under a new law.")
    assert [d.designee_text for d in designations(nlp, text)] == ["los halcones negros"]


def test_unknown_transcript_speaker_of_a_finding_speaks_for_the_main_state(nlp):
    text = ("The United States Senate heard Anna Kowalski, a lawyer. The United States had lost ships.\n\n"
            "MS. KOWALSKI: The President determined that the smugglers are unlawful enemy combatants.")
    assert [(d.designator.key, d.category) for d in designations(nlp, text)] == [("united-states", "enemy_combatant")]


def test_a_title_case_headline_keeps_its_labelling_verb(nlp):
    found = designations(nlp, "State Department Designates Tren De Aragua As Foreign Terrorist Organization")
    assert [(d.designator.key, d.category) for d in found] == [("united-states", "foreign_terrorist_organization")]


# ---------------------------------------------------------------- families added for blind sets
# (relative clauses after an apposition, companions, anaphoric lists, proscription, compounds,
# counted subjects, fronted participles, co-designators, membership, capitals, category owners)


@pytest.mark.parametrize(
    "text, expected",
    [
        # an apposition before the relative clause: the name before it is the designee
        ("The blast was blamed on Hezbollah, the Lebanese militia that Washington lists as a terrorist "
         "organization.", [("united-states", "hezbollah", "terrorist_organization")]),
        # a parenthetical acronym inside the object does not end the frame
        ("In March the Colombian government classified the Clan del Golfo (EGC), the largest armed "
         "group in the country, as a terrorist organization.",
         [("colombia", "clan del golfo", "terrorist_organization")]),
        # companions after the frame are designated with it
        ("Ottawa listed the Sinaloa Cartel as a terrorist entity in February, along with Tren de Aragua "
         "and two other groups.", [("canada", "sinaloa cartel", "terrorist_organization"),
                                   ("canada", "tren de aragua", "terrorist_organization")]),
        # an anaphoric list takes the category named before it
        ("Canada listed the Sinaloa Cartel as a terrorist entity in February, and in June Ottawa added a "
         "fourth group, the Gulf Cartel, to the list.",
         [("canada", "sinaloa cartel", "terrorist_organization"), ("canada", "gulf cartel", "terrorist_organization")]),
        # a proscription verb carries the category itself
        ("Islamabad has proscribed the Balochistan Liberation Army since 2006.",
         [("pakistan", "balochistan liberation army", "terrorist_organization")]),
        # a state-hyphen-participle compound before the category
        ("The bombing was claimed by Hamas, a U.S.-designated terrorist group.",
         [("united-states", "hamas", "terrorist_organization")]),
        # a counted subject ("among eight groups designated as"): a passive with no agent
        ("Tren de Aragua was among eight groups designated as foreign terrorist organizations in February.",
         [("united-states", "tren de aragua", "foreign_terrorist_organization")]),
        # a fronted participle designates the subject after the comma
        ("Designated a terrorist organization by Canada in 2019, the Proud Boys rejected the label.",
         [("canada", "proud boys", "terrorist_organization")]),
        # several states in the by-phrase each designate
        ("The Kurdistan Workers' Party, listed as a terrorist group by Turkey and the United States, "
         "announced a ceasefire.", [("turkey", "kurdistan workers' party", "terrorist_organization"),
                                    ("united-states", "kurdistan workers' party", "terrorist_organization")]),
        # a group found on an owner's list
        ("Al-Shabaab, which is on the State Department's list of foreign terrorist organizations, "
         "claimed the attack.", [("united-states", "al-shabaab", "foreign_terrorist_organization")]),
        # a capital as the subject of the labelling verb
        ("Ottawa added La Nueva Familia Michoacana to its list of terrorist entities.",
         [("canada", "la nueva familia michoacana", "terrorist_organization")]),
        # a category of one state's law: a passive with no agent is that state's act
        ("Venezuela protested after Tren de Aragua was designated a foreign terrorist organization.",
         [("united-states", "tren de aragua", "foreign_terrorist_organization")]),
        # coordinated subjects each designate
        ("Paraguay and Argentina have both designated the Cartel de los Soles a terrorist organization.",
         [("paraguay", "cartel de los soles", "terrorist_organization"),
          ("argentina", "cartel de los soles", "terrorist_organization")]),
        # membership after an auxiliary, the owner before a list category
        ("The Sinaloa Cartel has been on the U.S. terror list since February.",
         [("united-states", "sinaloa cartel", "terrorist_organization")]),
        # a contact clause after a counted group noun
        ("The Gulf Clan, one of the cartels the administration designated as foreign terrorist "
         "organizations, denied involvement.", [("united-states", "gulf clan", "foreign_terrorist_organization")]),
    ],
)
def test_blind_families(nlp, text, expected):
    found = designations(nlp, text)
    assert sorted((d.designator.key, d.designee_text, d.category) for d in found) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Britain proscribed the sale of ivory in 2018.",  # a proscribed thing, no group
        "The new law proscribes torture and the use of force against detainees.",  # no group
        "The senator added the Sinaloa Cartel to the list of topics for the hearing.",  # a list of topics
        "Analysts added the cartel to the list, and nobody objected.",  # no category named before
        "Designated a priority by the ministry in 2019, the Pan-American road opens in June.",  # no category
        "The cartel was removed from the State Department's list of foreign terrorist organizations.",  # revoked
        "A U.S.-backed militia, the Syrian Democratic Forces, fought the Islamic State for years.",  # no label
        "Colombia is on the list of countries the envoy will visit, along with Panama.",  # no category
        "Ecuador took the gang off the list of terrorist organizations last year.",  # taken off
        "Tren de Aragua was among eight gangs that police raided in February.",  # no category
        "The ministers spoke about terrorist organizations, along with the Gulf Cartel and migration.",  # no frame
        "The Houthis, along with their Iranian backers, rejected the terrorist label as propaganda.",  # no frame
        "Officials proscribed nothing; they only warned the Gulf Cartel.",  # a pointer word, no group
        "Mexico and Canada criticized the decision, and Ottawa designated nobody.",  # no category
        "The Gulf Clan, one of the cartels the police raided in May, denied it was a terrorist group.",  # no frame
        "The Sinaloa Cartel has been on the run since February, officials said.",  # no list
    ],
)
def test_blind_families_do_not_fire(nlp, text):
    assert designations(nlp, text) == []


# ---------------------------------------------------------------- coordination, findings and
# contact clauses (relative clauses after two names, "and that" clauses, class companions)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause after two coordinated names labels both
        ("Fighters from Hezbollah and Hamas, which Washington designates as terrorist organizations, "
         "crossed the border.", [("united-states", "hezbollah", "terrorist_organization"),
                                 ("united-states", "hamas", "terrorist_organization")]),
        ("The boats belonged to the Cartel del Noreste and the Gulf Clan, which the State Department "
         "designated as foreign terrorist organizations last year.",
         [("united-states", "cartel del noreste", "foreign_terrorist_organization"),
          ("united-states", "gulf clan", "foreign_terrorist_organization")]),
        # a second "that" clause of a finding belongs to the same finding verb
        ("The U.S. attorney general has determined that the United States is in an armed conflict "
         "with the Gulf Cartel, and that its members are unlawful combatants.",
         [("united-states", "gulf cartel", "enemy_combatant")]),
        # a companion naming a class of groups, no name
        ("The United States designated Barrio 18 a foreign terrorist organization in March, along with "
         "several Salvadoran gangs.", [("united-states", "barrio 18", "foreign_terrorist_organization"),
                                       ("united-states", "salvadoran gangs", "foreign_terrorist_organization")]),
        # a contact clause: no relative pronoun, the subject right before the labelling verb
        ("The United States says it is at war with the smugglers it considers unlawful combatants.",
         [("united-states", "smugglers", "enemy_combatant")]),
        ("Washington has struck boats run by cartels the administration considers terrorist organizations.",
         [("united-states", "cartels", "terrorist_organization")]),
        # an adjective the lexicon does not know before the category stays out of the designee
        ("Washington designated Antifa a militant left-wing terrorist organization in September.",
         [("united-states", "antifa", "terrorist_organization")]),
        ("Ecuador declared Los Lobos a domestic terrorist group.", [("ecuador", "los lobos", "terrorist_organization")]),
        # on "the list" of the designation told before: that designator's list; coordinated names
        ("The State Department designated four militias as foreign terrorist organizations. Kataib "
         "Hezbollah has been on the list since 2009.", [("united-states", "militias", "foreign_terrorist_organization"),
                                                ("united-states", "kataib hezbollah", "foreign_terrorist_organization")]),
        ("Canada listed seven cartels as terrorist entities last year. The Sinaloa Cartel and the Gulf Clan are "
         "on that list.", [("canada", "cartels", "terrorist_organization"), ("canada", "sinaloa cartel", "terrorist_organization"),
                           ("canada", "gulf clan", "terrorist_organization")]),
        # "a designated <category>" after a copula: an agentless label of the subject
        ("Hamas is a designated Foreign Terrorist Organization under U.S. law.",
         [("united-states", "hamas", "foreign_terrorist_organization")]),
        # a terrorist movement is a terrorist organization; a ban under a terrorism law labels
        ("Kinshasa has designated the M23 a terrorist movement.",
         [("democratic-republic-of-the-congo", "m23", "terrorist_organization")]),
        ("India's Home Ministry banned the Hizbul Mujahideen as a terrorist organisation in 2023.",
         [("india", "hizbul mujahideen", "terrorist_organization")]),
        # "the junta", "the regime" point at the government like "the administration"
        ("Myanmar's army seized power in 2021. The junta had also declared the Arakan Army a terrorist "
         "group in 2020.", [("myanmar", "arakan army", "terrorist_organization")]),
        # bare "combatants" labels after "as" only
        ("The United States took the first step toward treating traffickers as combatants.",
         [("united-states", "traffickers", "enemy_combatant")]),
        # a government named by its leader stands for the state the article named
        ("Chile has suffered. In June, the government of President Ana Ruiz formally classified the "
         "Tren de Aragua as a terrorist organization.", [("chile", "tren de aragua", "terrorist_organization")]),
        # "since" after a perfect auxiliary is an adverb, no clause opener
        ("The United States has since designated Los Lobos as a foreign terrorist organization.",
         [("united-states", "los lobos", "foreign_terrorist_organization")]),
        # an adding verb with a named group and no list adds it to the label named just before
        ("Canada listed the Sinaloa Cartel as a terrorist entity in February. In June, Ottawa added Los Viagras.",
         [("canada", "sinaloa cartel", "terrorist_organization"), ("canada", "los viagras", "terrorist_organization")]),
        ("In 2025 the administration designated the Gulf Cartel and five other groups as foreign terrorist "
         "organizations. Last November, it added the Venezuelan Cartel de los Soles.",
         [("united-states", "gulf cartel", "foreign_terrorist_organization"),
          ("united-states", "cartel de los soles", "foreign_terrorist_organization")]),
    ],
)
def test_coordination_findings_and_contact_clauses(nlp, text, expected):
    found = designations(nlp, text)
    assert sorted((d.designator.key, d.designee_text, d.category) for d in found) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Police said Hamas and the smugglers, which nobody designated, met in Rafah.",  # no category
        "The report said that prices rose in Mexico, and that tourists are not terrorists.",  # no finding
        "The United States struck boats it considers legitimate targets.",  # no category
        "The United States is fighting what it considers terrorist organizations.",  # no noun labelled
        "Mexico has arrested members of armed groups the government never considered terrorist organizations.",
        # adding verbs with no label named before, or adding no group
        "Police raided the Gulf Cartel's safe house. Later they added the Sinaloa Cartel to their investigation.",
        "The minister added that Hamas had lost ground in the south.",
        # no group on the list, or a designated something that is no category
        "The Gulf Clan is a designated driver of the trade, officials said.",
        # a ban that gives no terrorist label
        "Germany banned the group's rallies last year.",
        "The league banned the club as a punishment for the riots.",
        # bare "combatants" elsewhere is a plain noun
        "The Mexican army said it killed 12 combatants in the raid.",
        "Hamas said the dead were civilians, not combatants.",
        "The United States declared the smugglers combatants.",
        # a leader's critic, no government, gives no label
        "Chile has suffered. In June, a critic of President Ana Ruiz called the Tren de Aragua a terrorist group.",
        # "since" opening a clause still bounds it: Canada is no designator of what followed
        "Canada has protested since the United States named new envoys to the region.",
    ],
)
def test_coordination_findings_and_contact_clauses_do_not_fire(nlp, text):
    assert designations(nlp, text) == []


@pytest.mark.parametrize(
    "text, designee",
    [
        ("The United States designated Barrio 18 a terrorist group, along with sanctions on its leaders.",
         "barrio 18"),  # sanctions are no class of groups
        ("Canada listed the Gulf Clan as a terrorist entity, together with its leader.", "gulf clan"),  # a person
        ("Canada listed seven cartels as terrorist entities. Colombia is on that list of partners.",
         "cartels"),  # a state on a list of partners is on no terror list
        ("The United States designated the Gulf Cartel a terrorist group. The raid added pressure on Hamas.",
         "gulf cartel"),  # pressure is no group
        ("The United States designated the Gulf Cartel a terrorist group. Mexico added the Sinaloa Cartel's "
         "leader to its most-wanted list.", "gulf cartel"),  # the group's leader, not the group
    ],
)
def test_a_companion_that_is_no_group_adds_nothing(nlp, text, designee):
    assert [d.designee_text for d in designations(nlp, text)] == [designee]
