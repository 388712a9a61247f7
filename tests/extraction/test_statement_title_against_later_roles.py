"""A title before a surname alone is checked against every role the article gives the person it named in full,
also one given after it (issue 14's strict read, branch stmt16a), on sentences we wrote.

"President Hale" before "the first lady, Ana Hale" is not she: her role is a family one and the title does not fit
it, wherever in the article it is given. Until now only roles given before the mention counted, so the president's
words went to his wife by the only full name of that surname.
"""

from __future__ import annotations

TEXT = (
    "President Hale spoke to voters in Dover on Saturday.\n\n"
    '"It\'s about me," President Hale said at the rally. "My record is on the ballot."\n\n'
    "The campaign plans to use Mr. Hale and the first lady, Ana Hale, as much as possible in the final week.\n\n"
    '"We have worked for this island," Ana Hale said on Sunday.'
)


def test_a_title_that_misfits_a_later_kin_role_is_not_that_person(statements):
    claims = [c for c in statements(TEXT) if "It's about me" in c.text]
    assert len(claims) == 1
    assert claims[0].speaker != "Ana Hale"
    assert claims[0].role == "President"


def test_the_person_named_in_full_keeps_her_own_words(statements):
    claims = [c for c in statements(TEXT) if "worked for this island" in c.text]
    assert len(claims) == 1 and claims[0].speaker == "Ana Hale"


def test_a_title_that_fits_the_full_names_role_is_that_person(statements):
    text = (
        '"The works are finished," Mayor Hale said at the opening of the pier on Monday.\n\n'
        "The town's mayor, Tom Hale, has promised the works since the spring."
    )
    claims = [c for c in statements(text) if "works are finished" in c.text]
    assert len(claims) == 1 and claims[0].speaker == "Tom Hale"


def test_a_title_inside_the_name_misfits_too(nlp):
    from claims.extraction.statements.speakers import ArticleActors

    actors = ArticleActors.from_doc(nlp(TEXT))
    assert actors.resolve_name("President Hale") != "Ana Hale"
    assert actors.resolve_name("Hale", "President") != "Ana Hale"
    assert actors.resolve_name("Ana Hale") == "Ana Hale"


def test_a_second_titled_mention_is_not_that_person_either(statements):
    text = (
        '"It\'s about me," President Hale said at the rally on Saturday.\n\n'
        '"My record is on the ballot," President Hale said again on Sunday.\n\n'
        "The campaign plans to use Mr. Hale and the first lady, Ana Hale, as much as possible in the final week."
    )
    claims = [c for c in statements(text) if "It's about me" in c.text or "My record" in c.text]
    assert len(claims) == 2
    assert all(c.speaker != "Ana Hale" for c in claims), [(c.speaker, c.text) for c in claims]


def test_a_description_does_not_tell_a_husband_from_his_wife(statements):
    text = (
        "Among the critics was Tom Hale, a harbour lawyer and the husband of Ana Hale, the mayor's adviser.\n\n"
        '"If he knows he will lose," Mr. Hale, a vocal critic of the mayor, wrote on Twitter, "he knows he is '
        'breaking the rules."'
    )
    claims = [c for c in statements(text) if "he will lose" in c.text]
    assert len(claims) == 1 and claims[0].speaker == "Tom Hale", [
        (c.speaker, c.text) for c in statements(text)
    ]
