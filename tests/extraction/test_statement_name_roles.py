"""A proper name the parse hangs a person's name on is no role of theirs (issue 14, branch stmt14c): "seen on Live
Leak, Tom Hale, ... said" gives Hale no role "Live Leak"; a title or a party member still is one."""

from tests.extraction_support import one_with_text


def test_a_brand_before_a_name_is_no_role(statements):
    text = (
        "At that May 3 dinner, which can be seen here on Live Leak, Tom Hale, speaking to farmers, clearly said he "
        "had served in the navy."
    )
    claim = one_with_text(statements(text), "served in the navy")
    assert (claim.speaker, claim.role) == ("Tom Hale", None)


def test_a_title_or_a_party_before_a_name_is_still_a_role(statements):
    text = "At the rally, the Republican, Tom Hale, said he had served in the navy."
    assert one_with_text(statements(text), "served in the navy").role == "Republican"
    text = "He spoke to the Gazette's editor, Tom Hale, who said the pier would reopen."
    assert one_with_text(statements(text), "pier would reopen").role == "Gazette's editor"


def test_a_place_in_a_description_leaves_the_whole_description_as_role(statements):
    """ "the mayor of Dover, Ana Lopez,": the name is apposed to "Dover" in the parse; the role is the whole
    description, never the place alone."""
    text = "On Saturday, the mayor of Dover, Ana Lopez, said the pier would reopen."
    claim = one_with_text(statements(text), "pier would reopen")
    assert (claim.speaker, claim.role) == ("Ana Lopez", "mayor of Dover")


def test_whom_a_role_serves_gives_its_holder_no_gender(statements):
    """ "The lawyer for Mrs. Lopez, Tom Hale," is no woman: "he said" after it is Hale, not a man named before."""
    text = (
        "But in a letter to Mr. Okafor on Friday, a lawyer for Mrs. Lopez said there was no need to hand over the "
        "files. The lawyer for Mrs. Lopez, Tom Hale, said that the files had been checked. Then, he said, the old "
        "records were deleted."
    )
    assert one_with_text(statements(text), "old records were deleted").speaker == "Tom Hale"
