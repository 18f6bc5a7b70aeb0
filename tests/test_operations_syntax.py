"""Operations told in general syntax: by-phrases inside targets, attribution after the
clause, officials' quotes and transcript turns, threats and offers, subdivision and feature
locations (sentences written for these tests)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import one, ops  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle + by-phrase inside the target names who runs the target, not the striker
        ("The U.S. Navy carried out strikes on speedboats operated by Los Zetas.",
         ("strike", "conducted", "united-states", "speedboats")),
        ("Colombia struck camps run by the Clan del Golfo in Choco.",
         ("strike", "conducted", "colombia", "camps")),
        # "the transfer of N prisoners": the prisoners are the target, not "of ..."
        ("Mexico completed the transfer of 31 cartel prisoners from the Gulf Cartel to the United States.",
         ("extradition", "conducted", "mexico", "cartel prisoners")),
        # a by-phrase right after the patient names the agent
        ("The capture of the gang leader by Colombian marines ended a long manhunt.",
         ("capture", "conducted", "colombia", "gang leader")),
        # ", the Pentagon said": a defence body reporting an operation with no subject of its own
        ("The military sank another speedboat in the eastern Pacific, the Pentagon said.",
         ("strike", "conducted", "united-states", "another speedboat")),
        ("The navy sank a speedboat near Aruba, according to the Pentagon.",
         ("strike", "conducted", "united-states", "speedboat")),
        ("Another vessel was destroyed near Venezuela, the Pentagon said on Friday.",
         ("strike", "conducted", "united-states", None)),
        # first person in an official's quote or transcript turn: the speaker's state
        ("\u201cWe have moved two more destroyers into the Caribbean,\u201d a Pentagon official said.",
         ("deployment", "conducted", "united-states", None)),
        ("\u201cOur drones are tracking the smugglers,\u201d a Pentagon official said.",
         ("surveillance", "conducted", "united-states", None)),
        ("Cuba said U.S. drones had been tracking boats near its coast.",
         ("surveillance", "conducted", "united-states", None)),
        # threats announced by an official: the speaker's state would act
        ("\u201cStrikes on their camps are coming soon,\u201d Hegseth said.",
         ("strike", "threatened", "united-states", "camps")),
        ("Hegseth said strikes on land could come next.", ("strike", "threatened", "united-states", None)),
        ("Hegseth said all options remain on the table.", ("military_action", "threatened", "united-states", None)),
        # offers and proposals
        ("Brazil offered to send peacekeepers to Haiti.", ("deployment", "proposed", "brazil", None)),
        ("Italy proposed sending warships to the Red Sea.", ("deployment", "proposed", "italy", None)),
        ("Canada offered to send ships to help patrol the Caribbean.", ("deployment", "proposed", "canada", None)),
        # more trigger phrasings: blowing up boats, intercepting a vessel, launching an offensive
        ("Colombian forces have blown up at least 14 boats.", ("strike", "conducted", "colombia", "boats")),
        ("The Peruvian navy intercepted a vessel carrying cocaine.", ("seizure", "conducted", "peru", "vessel")),
        ("Colombia's army launched an offensive against the ELN.", ("military_action", "conducted", "colombia", "eln")),
        ("Trump said he would not rule out ground operations in Venezuela.",
         ("military_action", "threatened", "united-states", None)),
        # a by-phrase after a longer patient ("the arrest of the cartel's chief by X")
        ("The arrest of the gang's financial chief by Colombian police came after a long inquiry.",
         ("arrest", "conducted", "colombia", "gang's financial chief")),
    ],
)
def test_general_operation_syntax(nlp, text, expected):
    op = one(nlp, text)
    assert (op.type, op.status, op.agent.key, op.target_text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a reporter that was itself hit is no agent
        "Unnamed gunmen detained 12 Los Zetas members in raids, the group said.",
        # a health ministry reporting a strike is no force
        "A strike killed six people in the town, the Mexican health ministry said.",
        # a reporter's question about ground operations reports none
        "Q: Has the president signed an order that authorizes ground operations?",
        "Has the U.S. Navy carried out any strikes on land in Venezuela?",
        # a group the prisoners came from is no agent of their transfer
        "The transfer of 26 prisoners from the Gulf Cartel was completed on Tuesday.",
        # ships of relief are no deployment
        "Canada sent aid ships to the island.",
        # a threat against the speaker's own side is no threat by it
        "\u201cAttacks on our country could come at any moment,\u201d Maduro warned.",
        # a threat by a private person names no state
        "\u201cStrikes on land are coming soon,\u201d a fisherman said.",
    ],
)
def test_general_syntax_without_agent(nlp, text):
    assert ops(nlp, text) == []


def test_a_deed_and_a_threat_in_one_sentence_are_two_operations(nlp):
    found = ops(nlp, "The U.S. Navy sank two speedboats, and Hegseth said strikes on land could come next.")
    assert sorted((o.type, o.status) for o in found) == [("strike", "conducted"), ("strike", "threatened")]


def test_transcript_turn_first_person_is_the_speakers_state(nlp):
    text = ("White House press secretary Karoline Leavitt briefed reporters.\n"
            "LEAVITT: Last night we struck a vessel carrying drugs.\n")
    op = one(nlp, text)
    assert (op.type, op.agent.key) == ("strike", "united-states")


@pytest.mark.parametrize(
    "text, location_key, location_text",
    [
        # a subdivision named through its country's demonym: the subdivision, the most precise place
        ("The U.S. military struck a boat off the coast of the Colombian department of Choco.", None, "choco"),
        # a named feature south of which forces act: the dateline's country and the name
        ("BEIRUT \u2014 Israel struck Hezbollah positions south of the Awali River.", "lebanon", "awali river"),
    ],
)
def test_subdivision_and_feature_locations(nlp, text, location_key, location_text):
    op = one(nlp, text)
    assert (op.location.key if op.location else None, op.location_text) == (location_key, location_text)
