"""Statement link classes of links15a, on sentences written for these tests: one speaker speaking for
another (a body's head or spokesman, a person's office or campaign) is one voice, not two people's own
words; two outlets transcribing one remark differently still share a run of its words; a denial verb
inside a statement, after a clause with its own negation, turns no negation; a negated verb pointing back
to its condition denies the condition; a dismissal of a report contradicts the outlet's report."""

from __future__ import annotations

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from claims.linking.links.features import denial_cued, features
from claims.linking.links.text import office_keys, speaker_keys, voice_keys
from tests.linking.linkable import linkable


def statement(
    cid: str,
    article: str,
    text: str,
    speaker: str | None,
    sentence: str,
    *,
    role: str | None = None,
    direct: bool = False,
):
    at = sentence.index(text)
    claim = StatementClaim(at, at + len(text), text, speaker, role=role, direct=direct)
    return linkable(cid, article, claim, sentence)


def relations(links) -> set[tuple[frozenset, str]]:
    return {(frozenset((s.a_id, s.b_id)), s.relation) for s in links}


# --- one voice: a body and its head, a person and their office or spokesman ---


def test_voice_keys_name_whom_a_role_speaks_for():
    assert voice_keys("spokeswoman for the Harbour Guild") == {"harbour guild"}
    assert voice_keys("president of centrist think tank Harbour Watch") == {"harbour watch"}
    assert voice_keys("Guild chairman") == {"guild"}
    assert voice_keys("Sen. Ada Brill's spokesman") == {"ada brill"}
    assert voice_keys("spokesman for Mr. Brill") == {"brill"}
    # a lawyer, a member, a head of nothing named, a party's officials: their words are their own
    assert voice_keys("lawyer for Ada Brill") == set()
    assert voice_keys("Guild legislative policy director") == set()
    assert voice_keys("head of a local charity") == set()
    assert voice_keys("Democratic campaign officials") == set()
    assert voice_keys(None) == set()
    # a named spokesman's quotes are his own words; a named head speaks for the body
    assert voice_keys("spokesman for Ms. Varga", named=True) == set()
    assert voice_keys("Guild chairman", named=True) == {"guild"}


def test_an_office_or_a_campaign_speaks_for_its_person_and_shares_no_key_with_other_offices():
    assert office_keys("Brill's office") == {"brill"}
    assert office_keys("the Brill campaign") == {"brill"}
    assert office_keys("Ada Brill") == set()
    assert office_keys(None) == set()
    # "office" and "campaign" are every office's and campaign's last word, not a name
    assert not speaker_keys("Brill's office") & speaker_keys("Ryland's office")
    assert not speaker_keys("Brill campaign") & speaker_keys("Ryland campaign")


WATCH_QUOTE = "Today marks a turning point for the harbour levy. For years the Guild blocked any change to it"
WATCH_QUOTE_SENTENCE = (
    f"\u201c{WATCH_QUOTE},\u201d said Ada Brill, president of the centrist group Harbour Watch."
)
WATCH_TOLD = "the Guild's new stance \u201ca turning point\u201d for the harbour levy"
WATCH_TOLD_SENTENCE = (
    "Harbour Watch, a centrist group that has long favoured a lower levy, called " + WATCH_TOLD + "."
)


def test_a_body_and_its_head_quoted_in_two_outlets_are_one_voice():
    """Ada Brill, president of Harbour Watch, quoted in one outlet, and Harbour Watch calling the stance
    a turning point in another: one statement, not two people's own words."""
    head = statement(
        "head",
        "A",
        WATCH_QUOTE,
        "Ada Brill",
        WATCH_QUOTE_SENTENCE,
        role="president of the centrist group Harbour Watch",
        direct=True,
    )
    body = statement("body", "B", WATCH_TOLD, "Harbour Watch", WATCH_TOLD_SENTENCE)
    assert relations(suggest_links([head, body])) == {(frozenset({"head", "body"}), "corroborates")}
    # without the role that makes her the group's voice, two named people each in their own words
    stranger = statement(
        "stranger", "A", WATCH_QUOTE, "Ada Brill", WATCH_QUOTE_SENTENCE, role="economist", direct=True
    )
    assert suggest_links([stranger, body]) == []


def test_two_named_members_of_one_body_still_speak_for_themselves():
    """The Guild's chairman and its treasurer each quoted: two remarks, whatever words they share."""
    chair = statement(
        "chair",
        "A",
        "The harbour levy must come down before the winter season",
        "Ivo Ryland",
        "\u201cThe harbour levy must come down before the winter season,\u201d said Guild chairman Ivo Ryland.",
        role="Guild chairman",
        direct=True,
    )
    treasurer = statement(
        "treasurer",
        "B",
        "the harbour levy must come down",
        "Tomas Reed",
        "Guild treasurer Tomas Reed said the harbour levy must come down.",
        role="Guild treasurer",
    )
    assert suggest_links([chair, treasurer]) == []


def test_a_spokesman_and_his_principal_must_still_say_the_same_thing():
    """A spokesman speaks for the mayor, but his remark on the archive is not hers on the ferry: one voice
    lowers no bar on what the two must share."""
    mayor = statement(
        "mayor",
        "A",
        "that she had asked the council to publish her harbour letters",
        "Ilse Varga",
        "Mayor Ilse Varga said that she had asked the council to publish her harbour letters.",
    )
    spokesman = statement(
        "spokesman",
        "B",
        "When the council asked former mayors for help keeping their letters, we said yes at once",
        "Karl Oster",
        "\u201cWhen the council asked former mayors for help keeping their letters, we said yes at once,\u201d "
        "said Karl Oster, a spokesman for Ms. Varga.",
        role="spokesman for Ms. Varga",
        direct=True,
    )
    assert suggest_links([mayor, spokesman]) == []


# --- one remark transcribed two ways ---

RIGHTS_A = (
    "Towns are able to make decisions on the ferry passes such as the night crossings, fares and so on "
    "can be settled town by town"
)
RIGHTS_B = "Passes of that sort may well be fair, and towns are able to make a ruling on those kinds of fares"


def test_two_quotes_sharing_a_run_of_five_words_are_one_remark_transcribed_twice():
    """Two outlets' transcripts of one answer ("towns are able to make ...") differ past the shared run;
    not alike enough as wholes for one remark before, the shared run of five words says it is one."""
    a = statement("a", "A", RIGHTS_A, "Ilse Varga", f"\u201c{RIGHTS_A},\u201d Ms. Varga said.", direct=True)
    b = statement(
        "b", "B", RIGHTS_B, "Ilse Varga", f"\u201c{RIGHTS_B},\u201d Ms. Varga said on Monday.", direct=True
    )
    assert relations(suggest_links([a, b])) == {(frozenset({"a", "b"}), "corroborates")}


def test_a_shorter_shared_run_does_not_make_two_quotes_one_remark():
    """Four words in a row ("the ferry fare decision") recur in one speaker's remarks on one subject."""
    a = statement(
        "a",
        "A",
        "The ferry fare decision will be announced next week after a hard look at costs",
        "Ilse Varga",
        "\u201cThe ferry fare decision will be announced next week after a hard look at costs,\u201d she wrote.",
        direct=True,
    )
    b = statement(
        "b",
        "B",
        "Put the ferry fare decision on hold until I have reviewed all the harbour costs",
        "Ilse Varga",
        "\u201cPut the ferry fare decision on hold until I have reviewed all the harbour costs,\u201d she wrote.",
        direct=True,
    )
    assert suggest_links([a, b]) == []


def test_a_shared_run_of_unnamed_speakers_is_boilerplate_not_one_remark():
    """Two joint statements after two meetings of the mayor and the guild, each ending "the channels of
    talks remain open": unnamed speakers' shared run is a stock phrase, not one remark."""
    first = "This morning the Mayor and the Guild chief met at the town hall. We will not share details, but the channels of talks remain open"
    second = "The Mayor and the chief had a frank talk at the harbour office tonight. There will be no further notes, but the channels of talks remain open"
    a = statement(
        "a", "A", first, None, f"“{first},” the statement released by each office said.", direct=True
    )
    b = statement("b", "B", second, None, f"“{second},” said the statements.", direct=True)
    assert suggest_links([a, b]) == []


# --- a denial verb inside the statement ---

REPORTED = (
    "that the guild's stance on the harbour levy was not altered one bit and dismissing what she called "
    "inaccurate newspaper stories"
)


def test_a_denial_verb_after_a_negated_clause_turns_no_negation():
    """ "the stance was not altered ... and dismissing what she called inaccurate newspaper stories" says the
    stance was not altered, as the same woman's "The guild has not altered its stance" does: one remark, not
    a conflict."""
    sentence = f"Guild chief Ada Brill put out a note saying {REPORTED}."
    assert not denial_cued(REPORTED, sentence)
    assert denial_cued(
        "denied that the ferry will not sail on Sunday",
        "Ryland denied that the ferry will not sail on Sunday.",
    )
    assert denial_cued(
        "rejected claims that the ferry will sail", "Ryland rejected claims that the ferry will sail."
    )
    told = statement("told", "A", REPORTED, "Ada Brill", sentence)
    quote = statement(
        "quote",
        "B",
        "The guild has not altered its stance on the harbour levy.",
        "Ada Brill",
        "Ada Brill wrote in her note: \u201cThe guild has not altered its stance on the harbour levy.\u201d",
        direct=True,
    )
    assert features(told).turned is None
    assert relations(suggest_links([told, quote])) == {(frozenset({"told", "quote"}), "corroborates")}


# --- a denial of a report and the report ---

GAZETTE = "Harbour Gazette"
REPORT_SENTENCE = (
    "The Harbour Gazette reported on Friday that the Guild, which long fought any rise, has decided to "
    "accept a higher levy."
)
REPORT = "that the Guild, which long fought any rise, has decided to accept a higher levy"


def report(cid: str = "report", article: str = "A", speaker: str = GAZETTE):
    return statement(cid, article, REPORT, speaker, REPORT_SENTENCE.replace(GAZETTE, speaker))


def test_a_denial_of_the_report_contradicts_what_the_outlet_reported():
    """The Guild's chief branding the story "false" denies what the Gazette reported, though the
    two share no words; so does "dismissing what she called inaccurate newspaper stories"."""
    denial = statement(
        "denial",
        "B",
        'branding the story "false',
        "Ivo Ryland",
        'Guild chief executive Ivo Ryland later put out a note branding the story "false" and '
        "saying the Guild's stance was the same.",
        role="Guild chief executive",
    )
    got = suggest_links([report(), denial])
    assert relations(got) == {(frozenset({"report", "denial"}), "contradicts")}
    assert got[0].confidence < 0.75  # told in other words: for an editor to check
    dismissing = statement(
        "dismissing",
        "C",
        "that the Guild's stance was not altered and dismissing what she called inaccurate newspaper stories",
        "Ada Brill",
        "As the news spread on Friday, the Guild's head, Ada Brill, put out a note saying that the Guild's "
        "stance was not altered and dismissing what she called inaccurate newspaper stories.",
    )
    assert relations(suggest_links([report(), dismissing])) == {
        (frozenset({"report", "dismissing"}), "contradicts")
    }


def test_a_denial_names_the_report_it_denies_and_whom_it_is_about():
    """A denial of "a report in the Harbour Herald" does not deny the Gazette's; a report about the
    ferry company is not what the Guild's chief denies; calling a report "thorough" denies nothing; and
    one speaker's report is no outlet's."""
    herald = statement(
        "herald",
        "B",
        'disputed a report in the Harbour Herald as a "gross distortion" of the Guild\'s vote',
        "Ivo Ryland",
        'Guild chief Ivo Ryland disputed a report in the Harbour Herald as a "gross distortion" of the '
        "Guild's vote.",
    )
    assert suggest_links([report(), herald]) == []
    assert relations(suggest_links([report(speaker="Harbour Herald"), herald])) == {
        (frozenset({"report", "herald"}), "contradicts")
    }
    other = statement(
        "other",
        "C",
        "that the Ferry Company had raised its fares",
        GAZETTE,
        "The Harbour Gazette reported that the Ferry Company had raised its fares.",
    )
    denial = statement(
        "denial",
        "B",
        'branding the story "false',
        "Ivo Ryland",
        'Guild chief Ivo Ryland put out a note branding the story "false".',
        role="Guild chief",
    )
    assert suggest_links([other, denial]) == []
    praise = statement(
        "praise",
        "B",
        'branding the story "thorough',
        "Ivo Ryland",
        'Guild chief Ivo Ryland put out a note branding the story "thorough".',
    )
    assert suggest_links([report(), praise]) == []
    assert suggest_links([report(speaker="Tomas Reed"), denial]) == []


def test_the_rationale_of_a_report_denial_shows_the_dismissal_and_the_report():
    denial = statement(
        "denial",
        "B",
        'branding the story "false',
        "Ivo Ryland",
        'Guild chief executive Ivo Ryland put out a note branding the story "false".',
        role="Guild chief executive",
    )
    [link] = suggest_links([report(), denial])
    assert link.rationale.startswith("Ivo Ryland (outlet-B) dismisses a report: \u201cbranding the story")
    assert "Harbour Gazette (outlet-A) reports \u201cthat the Guild" in link.rationale
    assert link.rationale.endswith(", a conflict")


# --- a condition the negated verb points back to ---


def test_a_negated_verb_pointing_back_to_its_condition_denies_the_condition():
    """ "If a harbour toll is the same as a levy apart from the label, then we cannot back that" denies what
    "I do not favour a harbour toll if it is the same as a levy apart from the label" denies: one remark
    in two transcripts, not a conflict. A main clause with no such pronoun keeps its condition asserted."""
    from claims.linking.links.features import scoped_negations

    told = "If a harbour toll is the same as a levy apart from the label, then we cannot back that"
    quoted = "I do not favour a harbour toll if it is the same as a levy apart from the label"
    assert {"harbour", "toll", "levi", "label"} <= scoped_negations(told)
    assert not {"rain"} & scoped_negations("If it rains, the ferry will not sail")
    a = statement("a", "A", told, "Ilse Varga", f"\u201c{told},\u201d Ms. Varga said on Monday.", direct=True)
    b = statement(
        "b", "B", quoted, "Ilse Varga", f"\u201c{quoted},\u201d Ms. Varga told a radio station.", direct=True
    )
    assert relations(suggest_links([a, b])) == {(frozenset({"a", "b"}), "corroborates")}
