"""Stance towards military intervention: each rule of ``stance.yaml``, in its order."""

from __future__ import annotations

import pytest

from kg.extract import stance as st
from kg.extract.statements import extract_statements

AGAINST, FOR, NEUTRAL = st.AGAINST, st.FOR, st.NEUTRAL


@pytest.mark.parametrize(
    "rule, text, expected",
    [
        ("1 override", "We are not ruling anything out.", FOR),
        ("1 override beats negation", "We won't rule out strikes on their camps.", FOR),
        ("1 override", "We will not hesitate to strike them.", FOR),
        ("1 override", "We have no choice but to send troops.", FOR),
        ("2 denial", "That option is ruled out, completely.", AGAINST),
        ("2 denial", "It is simply not going to happen.", AGAINST),
        ("2 denial", "Their help is not necessary at this point.", AGAINST),
        ("3 negated force", "There will be no invasion of our country.", AGAINST),
        ("3 negated force", "We do not accept interference from anyone.", AGAINST),
        ("3 negated force", "I don’t believe in an invasion.", AGAINST),
        ("3 rejection word", "We firmly reject any intervention.", AGAINST),
        ("3 force, no", "Dialogue, yes; intervention, no.", AGAINST),
        ("3 clause-bound negation", "No one doubts it, we will strike.", FOR),
        ("4 endorsement", "Whatever it takes to stop them, we will do.", FOR),
        ("4 endorsement", "I'm fine with that, totally fine.", FOR),
        ("5 condemnation", "This is an act of war against our people.", AGAINST),
        ("5 condemnation", "The bombing of those boats was illegal.", AGAINST),
        ("5 condemnation", "More escalation will only widen the war.", AGAINST),
        ("5 condemnation", "My son was a fisherman, nothing else.", AGAINST),
        ("4 endorsement", "Gangs are terrorists, and we are treating them that way.", FOR),
        ("4 endorsement", "If they don't do the job, we will.", FOR),
        ("6 committed force", "They are now eligible for drone strikes.", FOR),
        ("6 committed force", "We are ready to send troops.", FOR),
        ("4 endorsement", "It is like a war out there.", FOR),
        ("6 force only described", "A strike in the city would be a different thing.", None),
        ("3 force, never", "Cooperation, yes. Subordination, never.", AGAINST),
        ("3 foreign force negated", "We will never hand our ports to a foreign army.", AGAINST),
        ("2 right denied", "No government has the right to bomb our fishermen.", AGAINST),
        ("4 force endorsed", "They understand only language of force; we will crush them.", FOR),
        ("4 deserved", "Anyone on those boats gets what they deserve.", FOR),
        ("4 welcomed", "If their navy can stop the gangs, let them come.", FOR),
        ("4b reassurance", "Our sovereignty is not at stake in this agreement.", None),
        ("5 sovereignty", "This raid is an insult to our sovereignty.", AGAINST),
        ("5 sovereignty", "We ask everyone to respect the territorial integrity of Honduras.", AGAINST),
        ("5 legality", "If she broke the law, put her before a judge.", AGAINST),
        ("5 legality", "Only Congress can declare it; this is unconstitutional.", AGAINST),
        ("5 harm", "Bombing the camps would be a gift to the recruiters.", AGAINST),
        ("5 victims", "They were farmers, and now their children are orphans.", AGAINST),
        ("5 weapon refused", "You beat the gangs with judges, not with missiles.", AGAINST),
        ("4 threat", "The gang broke the truce and it will pay the price.", FOR),
        ("4 force said to work", "Say what you want, the threat is working.", FOR),
        ("4 help needed", "We need allies against these gangs.", FOR),
        ("5 legality", "Nobody voted for it and no court has looked at it.", AGAINST),
        ("5 harm", "Bomb one lab and another opens a week later.", AGAINST),
        ("5 self-reliance", "Our police can handle the gangs on their own.", AGAINST),
        ("5 self-reliance", "This is not our war and never was.", AGAINST),
        ("5 victims", "Since the raids began, we are afraid to leave the house.", AGAINST),
        ("2 no need", "There is no need for their navy off our coast.", AGAINST),
        ("5b described", "The ministry kept describing the crews as narco-terrorists.", None),
        ("5b justification", "Those aboard were narco-terrorists, plain and simple.", FOR),
        ("5b justification", "The navy acted under its right to defend the country.", FOR),
        ("5b justification", "These gangs are killing Americans on our streets.", FOR),
        ("5b distanced", "They say my nephew was a narco-terrorist.", None),
        ("5b distanced", "Quito sees the raids as self-defense.", None),
        ("5b negated", "My cousin was no narco-terrorist.", None),
        ("5b justification", "Those boats were legitimate targets.", FOR),
        ("5 sovereignty", "Hands off our islands, we say to Washington.", AGAINST),
        ("5 harm", "We want a negotiated solution with the neighbours.", AGAINST),
        ("5 beats 5b", "Calling them narco-terrorists does not make it legal; it violates the treaty.", AGAINST),
        ("no cue", "This is a sovereign choice, and we will respect the vote.", None),
        ("no cue", "We talked about trade and investment.", None),
        ("no cue", "I'm not happy with them.", None),
    ],
)
def test_quote_rules(rule, text, expected):
    assert st.cue(text) == expected


@pytest.mark.parametrize(
    "text, context, previous, expected",
    [
        ("And I will do that on my first day.", "", "He said he would send troops across the border.", FOR),
        ("We have talked a lot.", "she said, rejecting any intervention", "", AGAINST),
        ("We have talked a lot.", "she said", "", NEUTRAL),
        ("There will be no invasion.", "he said, threatening strikes", "", AGAINST),  # own words first
        # the frame with the quote in place: a rejection before the quoted force
        ("any foreign troops at all", 'The senate voted to reject "any foreign troops at all"', "", AGAINST),
        # framing verbs as the last tie-breaker
        ("We have talked a lot.", "The senator backed the strikes . she said", "", FOR),
        ("We have talked a lot.", "The minister rejected the threat . she said", "", AGAINST),
        ("We have talked a lot.", "The minister rejected the criticism . she said", "", FOR),
    ],
)
def test_context_rules(text, context, previous, expected):
    assert st.stance(text, context, previous) == expected


@pytest.mark.parametrize(
    "text, stances",
    [
        # rule 7: a quote split by its attribution takes the stance of the part with a cue
        ("“We talk to them every day,” Claudia Sheinbaum said. “But there will be no invasion.”",
         [AGAINST, AGAINST]),
        # a paragraph continuing the quote inherits as well
        ("“We know where they live,” Pete Hegseth said.\n\n“We will hunt them down.”", [FOR, FOR]),
        # rule 6 yields to the speaker's stance elsewhere: an opponent naming the strikes
        ("“There will be no invasion,” Claudia Sheinbaum said.\n\nSheinbaum spoke again later. "
         "“They will continue the strikes on the boats,” she said.", [AGAINST, NEUTRAL]),
        ("“We will continue the strikes on the boats,” Pete Hegseth said.", [FOR]),
        # rule 8 on the sentence before, when it names the speaker
        ("Senator Ada Reyes defended the campaign. “These boats are a menace,” Reyes said.", [FOR]),
        ("Senator Ada Reyes defended the campaign. Others met. “These boats are a menace,” "
         "Tom Ruiz said.", [NEUTRAL]),
        # rule 7 with no own cue: a split quote shares its first part's context stance
        ("Mayor Ana Ruiz condemned the raid. “We are tired,” Ruiz said. “We want calm.”",
         [AGAINST, AGAINST]),
        # quotes without cues stay neutral
        ("“I can’t answer that today,” Donald Trump said. “Ask me next week.”", [NEUTRAL, NEUTRAL]),
        # rule 0: the nested words of someone else do not give the outer speaker a stance
        ("Donald Trump called. “He said to me, ‘We will send troops into your country,’ and "
         "hung up,” Gustavo Petro said.", [NEUTRAL, FOR]),
    ],
)
def test_statement_stances(nlp, text, stances):
    assert [s.stance for s in extract_statements(nlp(text))] == stances


def _naive_find(ws, phrases):
    """Reference scan: every phrase tried at every position ("*" is any one word)."""
    return sorted({i for i in range(len(ws)) for p in phrases
                   if len(ws[i:i + len(p)]) == len(p) and all(a in ("*", b) for a, b in zip(p, ws[i:]))})


@pytest.mark.parametrize(
    "text, phrases",
    [
        ("we will not rule anything out , not ever", ["not rule * out", "not", "rule out", "* out"]),
        ("no one has the right to bomb us", ["no * has the right", "no * * has the right", "bomb"]),
        ("strike , strike again and strike", ["strike", "strike again", "again and", "* and *"]),
        ("nothing here", ["missing phrase", "* * * *"]),
    ],
)
def test_indexed_lookup_finds_what_a_full_scan_finds(text, phrases):
    lexicon = st.Phrases(sorted({tuple(p.split()) for p in phrases}, key=len, reverse=True))
    ws = text.split()
    assert st._find(ws, lexicon) == _naive_find(ws, [tuple(p.split()) for p in phrases])


@pytest.mark.parametrize(
    "rule, text, expected",
    [
        ("1 past form of not ruling out", "The minister has not ruled anything out yet.", FOR),
        ("1 moves kept secret", "We won't telegraph where the next blow lands.", FOR),
        ("4 approval", "If the navy has to go in after them, I'm all for it.", FOR),
        ("4 approval", "If that means troops in the hills, I am for it.", FOR),
        ("4 threat", "Tell the smugglers that they are next.", FOR),
        ("4 threat", "Those gangs had better watch out.", FOR),
        ("4 threat", "Act like an army and you will be treated like one.", FOR),
        ("4 threat", "If their police cannot manage, we will take care of the camps.", FOR),
        ("4 cost", "Every attack on our convoys will have a cost for them.", FOR),
        ("4 at war with", "We are at war with these cartels.", FOR),
        ("5 legality", "A memo is not law, whatever they print.", AGAINST),
        ("5 legality", "That isn't law, it's theatre.", AGAINST),
        ("5 oversight", "Keeping the targets secret should alarm everyone.", AGAINST),
        ("5 futility", "Burn one camp tonight and they will have two more by Friday.", AGAINST),
        ("5 aftermath", "Fine, you bomb the camps. Then what?", AGAINST),
        ("5 aftermath", "Go there and you own the problem for a decade.", AGAINST),
        ("5 fear", "The families here are afraid of a war on the river.", AGAINST),
        ("5 battlefield", "Our valley will not become a battlefield for anyone.", AGAINST),
        ("5b purpose", "The raids were meant to deter the smugglers from coming back.", FOR),
        ("4b non-answer", "I won't speculate on that; our navy guards our sovereignty.", None),
        ("4b non-answer", "No comment. We respect the sovereignty of every nation.", None),
        ("3 not only", "We will not only strike the boats but also the camps.", FOR),
        ("3 not just", "We will not just strike the boats, we will hit the camps.", FOR),
        ("3 not whether, 6 a question", "The question is not whether we strike, but when.", None),
        ("6 a question", "The question is whether we send troops at all.", None),
        ("3 no one wants", "Nobody wants American troops in the harbour.", AGAINST),
        ("3 intervene", "We will not let any foreign army intervene in the valley.", AGAINST),
        ("3 set foot", "No foreign soldier will set foot on this island.", AGAINST),
        ("2 not a strategy", "Dropping bombs is not a strategy.", AGAINST),
        ("4 force endorsed", "They will feel the full might of our navy.", FOR),
        ("4 force endorsed", "We will stop the boats one way or another.", FOR),
        ("4 threat", "The smugglers are on notice.", FOR),
        ("4 help welcomed", "We welcome any help from our friends against the gangs.", FOR),
        ("4 force said to work", "Look at the numbers: the strikes are working.", FOR),
        ("5 sovereignty", "Foreign capitals should stay out of our internal affairs.", AGAINST),
        ("5 victims", "My brother was just a fisherman from the bay.", AGAINST),
        ("5b justification", "Each of these missions is saving American lives.", FOR),
        ("5b justification", "Every state has the right to protect its citizens from terror.", FOR),
        ("5 history", "My country has heard that threat before, and it has not forgotten.", AGAINST),
        ("5 the day after", "Nobody in the room asked what happens the day after.", AGAINST),
        ("6 call for force", "Washington should put marines on those docks.", FOR),
        ("6 someone else's force", "The rebels are going to use their strikes as propaganda.", None),
        ("6 someone else's force", "The militia will exploit the American strikes for recruiting.", None),
    ],
)
def test_more_cue_families(rule, text, expected):
    assert st.cue(text) == expected


def test_anaphoric_quote_takes_a_call_for_force_before_it():
    previous = "The senator said the navy should put marines in the port."
    assert st.stance("We did it before, we can do it again.", "", previous) == FOR


@pytest.mark.parametrize(
    "rule, text, expected",
    [
        # 3: a state of affairs reported ("there are no ...") is no refusal; a plan denied is
        ("3 existential fact", "There are no foreign soldiers at the airport today.", None),
        ("3 plan denied", "There are no plans to send troops to the island.", AGAINST),
        ("3 future refusal", "There will be no foreign soldiers at the airport.", AGAINST),
        ("3 fact denied", "The ministry denied that foreign aircraft crossed the border.", None),
        ("3 force rejected", "The ministry denied any foreign intervention in the port.", AGAINST),
        # 5: a condemnation that opens a body's name is no judgement
        ("5 body's name", "Human rights groups counted forty dead in the valley.", None),
        ("5 judgement", "Those raids trample on human rights.", AGAINST),
        # 6: a question or someone else's past deed commits the speaker to nothing
        ("6 question", "Will the navy send troops to the coast next week?", None),
        ("6 commitment", "The navy will send troops to the coast next week.", FOR),
        ("6 third-party deed", "They have carried out many strikes this year.", None),
        ("6 own deed", "We have carried out many strikes this year.", FOR),
        ("6 third-party eligibility", "Now they are eligible for drone strikes too.", FOR),
        # 4c: a force said to help or to work; 5c: cleared, after the against cues
        ("4c help", "A few hundred foreign troops would turn the tide in the hills.", FOR),
        ("4c question", "A few hundred foreign troops would turn the tide, right?", None),
        ("5c cleared", "Each airstrike was approved at the highest level.", FOR),
        ("5c no force", "The budget was approved at the highest level.", None),
        ("5c against wins", "Each airstrike was approved, and each was a war crime.", AGAINST),
        # 0b: the speaker's opinion after reported facts is read first
        ("0b opinion", "The mission sends food, not soldiers. Personally, I think a few marines "
                       "would make a difference.", FOR),
        ("0b opinion without cue", "We sent no troops. I think that was right.", AGAINST),
        # 4: approval, pursuit, first-person targeting, success
        ("4 approval", "If the army goes after them, I won't lose any sleep over it.", FOR),
        ("4 consent", "They can hit the camps, but with our permission.", FOR),
        ("4 pursuit", "We will take the fight to the gangs in the mountains.", FOR),
        ("4 pursuit", "The ports should be next.", FOR),
        ("4 pursuit", "If they will not clean the harbour, we will clean it for them.", FOR),
        ("4 authority", "Congress gave us the authority, and we will use it.", FOR),
        ("4 targeting", "These are the boats we target every night.", FOR),
        ("4 success", "The raid succeeded and nobody on our side was hurt.", FOR),
        # 5: harm, escalation, occupation, a popular decision circumvented
        ("5 harm", "Each foreign force that came here created new problems.", AGAINST),
        ("5 escalation", "Today they are drones. Tomorrow it will be bombs.", AGAINST),
        ("5 occupation", "They came as saviours and stayed as an occupation.", AGAINST),
        ("5 circumvention", "The voters said no, and now they want a back door.", AGAINST),
        # 5b: the legal basis of force asserted, unless someone else's words
        ("5b legal basis", "Their gunmen are unlawful enemy combatants.", FOR),
        ("5b distanced", "He called the fishermen enemy combatants.", None),
        # 4d: harm judged of an ending: no cue, or force wanted kept
        ("4d ending judged", "Cutting the aid would be a gift to the smugglers.", None),
        ("4d force kept", "Withdrawing the troops now would be a disaster.", FOR),
        ("5 harm of force", "Sending the troops now would be a disaster.", AGAINST),
        # 4b: a disclaimer takes no side
        ("4b disclaimer", "The door is open, but I'm not saying they will strike.", None),
    ],
)
def test_generalized_rules(rule, text, expected):
    assert st.cue(text) == expected


def test_a_quote_judging_an_ending_takes_no_stance_from_its_frame():
    quote = "To cut the aid now is to give a gift to the smugglers."
    assert st.stance(quote, "The mayor criticized the decision.", "") == NEUTRAL
    assert st.stance("We are tired of all this.", "The mayor criticized the decision.", "") == AGAINST


# ---------------------------------------------------------------- scope (rules S1-S4)
# The gold format's stance is towards US military action in Mexico or the region: what the
# statement is about decides whether stance applies before any cue decides its direction.

from kg.extract import stance_scope as scope  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        # S1: another state's own force, no US or foreign force named
        ("The Syrian army will keep shelling the rebel towns.", scope.OUT),
        ("Peruvian troops will not cross into Bolivia.", scope.OUT),
        # S3: only places or groups outside the region
        ("Every ship bound for Eilat through the Red Sea is a legitimate target.", scope.OUT),
        ("The strikes on Mosul were a violation of Iraqi sovereignty.", scope.OUT),
        ("We will go on until the last militant in Waziristan is gone.", scope.OUT),
        # S2: the region named: in scope, the cues decide
        ("Mexico will never accept foreign troops on its soil.", scope.IN),
        ("The Houthis are no different from the cartels, and we will hit them in the Caribbean too.", scope.IN),
        ("We do not want another Iraq in Honduras.", scope.IN),
        # a region's state using its own force at home is self-reliance, in scope
        ("Mexican soldiers can do this job in Sinaloa without anyone's help.", scope.IN),
        ("Colombian troops crossed into Venezuela last night.", scope.OUT),
        # a state's own force beside a US or foreign one: not S1
        ("Guatemalan soldiers, not American troops, will patrol the border crossings.", scope.IN),
        # an analogy names no place of action
        ("They should be treated like ISIS, and nobody would complain.", None),
        ("We will hunt them the way we hunted al-Qaeda.", None),
        ("We spent twenty years in Afghanistan, and the Taliban came back.", None),
        # nothing said about where
        ("We are ready for whatever comes next.", None),
    ],
)
def test_quote_scope(text, expected):
    assert scope.quote_scope(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Sudanese air force struck the market at dawn, and it will strike again.", NEUTRAL),
        ("We will continue to degrade the Houthis' ability to attack shipping.", NEUTRAL),
        ("This raid is a flagrant breach of Somalia's sovereignty.", NEUTRAL),
        ("This raid is a flagrant breach of Panama's sovereignty.", AGAINST),
        ("We will continue to degrade the cartels' ability to move cocaine.", FOR),
    ],
)
def test_scope_comes_before_the_cues(text, expected):
    assert st.cue(text) == expected


def _article(nlp, text):
    doc = nlp.make_doc(text)
    doc.user_data["kg.published"] = None
    doc = nlp(doc)
    return doc, list(extract_statements(doc))


def test_an_article_about_a_theater_outside_the_region_makes_its_quotes_neutral(nlp):
    text = ("Yemen and Saudi Arabia traded accusations on Monday as fighting spread near the Saudi "
            "border. Egypt and Oman urged calm.\n\n"
            "\u201cWe will strike them again and again,\u201d said Abdul Karim, a Yemeni commander.\n\n"
            "\u201cWe will strike the cartels in the Caribbean as well,\u201d "
            "said Jonas Pike, a retired American admiral.")
    doc, found = _article(nlp, text)
    before = {s.text[:20]: s.stance for s in found}
    after = {s.text[:20]: s.stance for s in scope.scope_statements(doc, found)}
    assert before["We will strike them "] == FOR and after["We will strike them "] == NEUTRAL
    assert after["We will strike the c"] == before["We will strike the c"] == FOR  # names the region


def test_an_article_about_the_region_keeps_its_stances(nlp):
    text = ("Mexico and Colombia rejected the plan on Monday. Honduras and Guatemala said nothing.\n\n"
            "\u201cWe will strike them again and again,\u201d said Jonas Pike, a retired American admiral.")
    doc, found = _article(nlp, text)
    assert [s.stance for s in scope.scope_statements(doc, found)] == [s.stance for s in found] == [FOR]


@pytest.mark.parametrize(
    "rule, text, expected",
    [
        # pursuit onto new ground
        ("4 pursuit", "If the traffickers move inland, we must follow them there.", FOR),
        ("4 pursuit", "We will hunt them the way we hunted al-Qaeda.", FOR),
        ("4 pursuit", "If they can bomb boats at sea, they can bomb the labs in the hills.", FOR),
        # a foreign force welcomed
        ("4 welcomed", "Frankly, I would welcome the Marines in our port tomorrow.", FOR),
        ("4 welcomed", "American troops are welcome here, as far as I am concerned.", FOR),
        # the targets as a weapon against the speaker's people; the speaker's own terror label
        ("5b justification", "These speedboats are loaded weapons pointed at our children.", FOR),
        ("5b justification", "We will keep fighting narco-terrorism alongside our partners.", FOR),
        # no force, no pursuit
        ("none", "The prosecutors will follow the case closely.", None),
        ("none", "We follow the news from the capital every day.", None),
        ("none", "Hunters welcome the new season in the sierra.", None),
        ("none", "The sailors were welcomed home by their families.", None),
        ("none", "Our guests are welcome to stay another night.", None),
        ("5 harm", "Follow the money, not the boats.", AGAINST),
        ("5b distanced", "They call it narco-terrorism, but these were fishermen.", AGAINST),
        # approval after the fact
        ("4 approval", "Sinking that speedboat was the right call.", FOR),
        ("4 approval", "Good riddance to the men who ran that lab.", FOR),
        ("none", "We support the peace talks in Bogota.", None),
        ("3 negated", "We do not support the strikes on our coast.", AGAINST),
    ],
)
def test_blind_families(rule, text, expected):
    assert st.cue(text) == expected
