"""Name normalisation and cross-article actor matching (claims.extraction.actors)."""

from claims.extraction.actors import ActorIndex, normalize_name, translit_key


def _index() -> ActorIndex:
    index = ActorIndex()
    index.add("ryabkov", "Sergei Ryabkov", role="Russian Deputy Foreign Minister")
    index.add("lavrov", "Sergei Lavrov", role="Russian Foreign Minister")
    index.add("zakharova", "Maria Zakharova", role="Russian Foreign Ministry spokeswoman")
    index.add("butina", "Maria Butina")
    index.add("maduro", "Nicolás Maduro", role="President of Venezuela")
    index.add("state-dept", "US State Department", kind="government")
    return index


def test_normalize_strips_accents_case_punctuation_and_honorifics():
    """Accents, case, possessives, leading articles and honorifics do not change a name."""
    assert normalize_name("Mr. Nicolás Maduro's") == "nicolas maduro"
    assert normalize_name("the U.S. State Department") == "us state department"
    assert normalize_name("Dr  Jane   O'Neil") == "jane o neil"


def test_normalize_keeps_a_lone_title_word():
    """A name that is only a title is not emptied."""
    assert normalize_name("President") == "president"


def test_transliteration_variants_share_a_key():
    """Sergey/Sergei and Zakharova/Zaharova are the same spelling key; different names are not."""
    assert translit_key("Sergey") == translit_key("Sergei")
    assert translit_key("Zakharova") == translit_key("Zaharova")
    assert translit_key("Ryabkov") != translit_key("Lavrov")


def test_accent_and_transliteration_resolve_to_the_same_actor():
    """ "Nicolas Maduro" and "Sergey Ryabkov" find the stored "Nicolás Maduro" and "Sergei Ryabkov"."""
    index = _index()
    assert index.resolve("Nicolas Maduro") == "maduro"
    assert index.resolve("Sergey Ryabkov") == "ryabkov"
    assert index.resolve("Maria Zaharova") == "zakharova"


def test_surname_only_mention_resolves_when_unique():
    """A surname alone finds the one known person with that surname."""
    index = _index()
    assert index.resolve("Zakharova") == "zakharova"
    assert index.resolve("President Maduro") == "maduro"


def test_misspelt_surname_merges_with_same_first_name_or_role():
    """ "Tyabkov" (one edit from Ryabkov) joins Ryabkov when the first name or the role agrees, not alone."""
    index = _index()
    assert index.resolve("Sergei Tyabkov") == "ryabkov"
    assert index.resolve("Tyabkov", role="Russian Deputy Foreign Minister") == "ryabkov"
    assert index.resolve("Tyabkov") is None


def test_different_people_are_never_merged():
    """Ryabkov is not Lavrov, and two Marias with different surnames stay apart."""
    index = _index()
    assert index.resolve("Lavrov") == "lavrov"
    assert index.resolve("Ryabkov") == "ryabkov"
    assert index.resolve("Maria Butina") == "butina"
    assert index.resolve("Maria Zakharova") == "zakharova"
    assert index.resolve("Maria") is None
    assert index.resolve("Sergei") is None
    assert index.resolve("Sergei Ivanov") is None


def test_same_surname_different_first_name_is_not_merged():
    """ "Bill Clinton" does not resolve to the known "Hillary Clinton"; a bare "Clinton" is ambiguous."""
    index = ActorIndex()
    index.add("hc", "Hillary Clinton")
    assert index.resolve("Bill Clinton") is None
    index.add("bc", "Bill Clinton")
    assert index.resolve("Clinton") is None
    assert index.resolve("Bill Clinton") == "bc"


def test_bodies_match_on_contained_names():
    """ "the State Department" finds the "US State Department"."""
    index = _index()
    assert index.resolve("the State Department") == "state-dept"
    assert index.resolve("the Defense Department") is None


def test_a_body_named_after_a_place_is_not_the_place():
    """A body named after a place ("United States Citizenship and Immigration Services") is not the place:
    a name contained in another matches it only when it holds the longer name's head word, so "the Harbour
    Authority" still finds "Dover Harbour Authority of Kent" but "Dover Harbour" does not."""
    index = ActorIndex()
    index.add("usa", "United States", kind="government")
    index.add("dover-harbour", "Dover Harbour Authority of Kent", kind="organisation")
    assert index.resolve("United States Citizenship and Immigration Services") is None
    assert index.resolve("the United States Coast Guard") is None
    assert index.resolve("the Harbour Authority") == "dover-harbour"
    assert index.resolve("Dover Harbour") is None
    assert index.resolve("the United States") == "usa"


def test_loose_index_accepts_a_misspelling_within_one_article():
    """Inside one article a lone misspelt surname joins the one near known surname."""
    index = ActorIndex(loose_surnames=True)
    index.add("Sergei Ryabkov", "Sergei Ryabkov")
    assert index.resolve("Tyabkov") == "Sergei Ryabkov"
    assert index.resolve("Lavrov") is None


def test_resolve_or_add_builds_an_index_across_articles():
    """Mentions from several articles collapse to one actor per person, named by its fullest form."""
    index = ActorIndex()
    first = index.resolve_or_add("Zakharova", role="Foreign Ministry spokeswoman")
    assert index.resolve_or_add("Maria Zakharova") == first
    assert index.resolve_or_add("Maria Zaharova") == first
    assert index.actor(first).name == "Maria Zakharova"
    lavrov = index.resolve_or_add("Sergei Lavrov")
    assert index.resolve_or_add("Sergey Ryabkov") not in (first, lavrov)
    assert index.resolve_or_add("Sergei Tyabkov") == index.resolve("Sergei Ryabkov")
    assert len(index) == 3


def test_a_short_form_of_a_given_name_is_the_same_person():
    """ "Dick Blumenthal" is the known "Richard Blumenthal" and "Bill Hale" the known "William Hale"; a short
    form shared by two given names ("Pat": Patrick, Patricia) never makes those two agree, and a short form
    under another surname is still someone else."""
    index = ActorIndex()
    index.add("rb", "Richard Blumenthal")
    index.add("wh", "William Hale")
    assert index.resolve("Dick Blumenthal") == "rb"
    assert index.resolve("Bill Hale") == "wh"
    assert index.resolve("Dick Hale") is None
    index.add("pc", "Patrick Cole")
    assert index.resolve("Pat Cole") == "pc"
    assert index.resolve("Patricia Cole") is None


def test_a_surname_alone_does_not_join_two_first_names():
    """The surname alone agrees with anyone, so "Tessa Brandt" is not joined to "Oliver Brandt" through an
    earlier bare "Brandt", and which of the two the index keeps does not hang on the order of mentions."""
    for order in (["Brandt", "Oliver Brandt", "Tessa Brandt"], ["Oliver Brandt", "Brandt", "Tessa Brandt"]):
        index = ActorIndex()
        ids = [index.resolve_or_add(name) for name in order]
        assert index.actor(ids[1]).name == "Oliver Brandt"
        assert index.actor(ids[2]).name == "Tessa Brandt"
        assert ids[2] not in ids[:2]
    loose = ActorIndex(loose_surnames=True)  # nor through a misspelt surname
    first = loose.resolve_or_add("Brandt")
    loose.resolve_or_add("Oliver Brandt")
    assert loose.resolve("Tessa Brant") is None
    assert loose.resolve("Oliver Brant") == first


def test_a_misspelt_surname_needs_the_first_name_as_written():
    """Across articles a surname one letter off joins a known person only under the same first name: a short
    form or an initial of it on top of the misspelling ("Jack Levin" for "John Lewis") is another person."""
    index = ActorIndex()
    index.add("John Lewis", "John Lewis", role="Rep.")
    assert index.resolve("John Lewin") == "John Lewis"
    assert index.resolve("Jack Levin") is None
    assert index.resolve("J. Lewin") is None
    assert index.resolve("Jack Lewis") == "John Lewis"  # the surname as written: a short form is enough
